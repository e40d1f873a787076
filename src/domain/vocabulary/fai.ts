/**
 * Nacka kundval FAI: Arbetsprövning (FAI 1) and Arbetsnärmande förstegsaktiviteter (FAI 2),
 * seed 001 "Kundvalsrutiner 2024, Bilaga I FAI" (Dnr NAF 2024–013): 3.2 arbetsprövning, 3.3 and
 * 4.7 uppföljning med karriärvägledare, 4.5 kundmöten, 4.8 the list of arbetsinriktade
 * aktiviteter. The categories that FAI inherits from Nacka's common kundval routines (seed 003:
 * vårdinsatser, andra aktörer, telefonkontakt, kontaktförsök, avstämning, SFI) are the same
 * definitions as in nacka.ts.
 *
 * One vocabulary for both insatser: 001 is one bilaga with a shared section 2 (kundmöten,
 * uppföljning), 1.2 promises every FAI customer "vägledning inom arbete och studier,
 * arbetsmarknadskunskap och erfarenhet av en arbetsplats via studiebesök, jobbskuggning eller
 * arbetsprövning", and 4.9 lets a FAI 2 customer "pröva mer arbetsplats liknande /arbetsprövning"
 * before moving to FAI 1, so a FAI 2 schedule may hold arbetsprövning and a FAI 1 schedule the
 * 4.8 activities.
 *
 * Which rule uses which code (regelkatalog.md):
 * - FAI1.TIMMAR: "arbetsprovning" (3.2 "minst 10 timmar i veckan").
 * - FAI2.UPPTRAPPNING: every code counts; "på plats" comes from the activity's mode, not from a
 *   category. The 4.8 codes ("halsa" … "forstegsaktivitet") are what a FAI 2 week is made of.
 * - FAI1.UPPFOLJNING, FAI2.UPPFOLJNING: "uppfoljning" (uppföljning/uppföljningsmöte/avslutningsmöte
 *   with karriärvägledare; schedule entries in addition to the Händelser sheet).
 * - FAI.OGILTIG: "kontaktforsok" (2.3 "göra försök att nå kunden samma dag eller senast nästa dag").
 * - AMI.KONTAKT (Tolkning in regelkatalog: FAI inherits the AMI rules): "mote", "uppfoljning",
 *   "avstamning", "vagledning" (4.8 lists "Individuella samtal" under Individuell vägledning) as
 *   personal meetings when not on distans; "kontakt" (4.5 "via telefon eller digitalt") as
 *   contact that is not a personal meeting. "kontaktforsok" is not a contact.
 * - AMI.AVSTAMNING: "avstamning". AMI.HELTID, where it applies: "vardinsats", "annan_aktor".
 *
 * Tolkning: 4.8's first heading "Hälsofrämjande aktiviteter, närma sig socialt sammanhang/
 * aktivitetsnärmande insatser" is one category ("halsa"), and so is the "Hälsofrämjande
 * aktiviteter" item under "Aktiviteter i grupp"; "Aktiviteter i grupp" itself names a form,
 * not a content, so a cell that only says "gruppaktivitet" is the umbrella "forstegsaktivitet".
 * "Arbetsrelaterad social träning" (Arbetsplatsnärmande aktiviteter) and "Social träning"
 * (Aktiviteter i grupp) are one code, "social_traning". "Intervjuträning" is filed with
 * "Förberedande jobbsökande aktiviteter" ("jobbsokning"). 001 knows no praktik or arbetsträning:
 * such a cell stays unrecognised rather than being counted as arbetsprövning for FAI1.TIMMAR.
 */
import {
  ANNAN_AKTOR_CATEGORY,
  AVSTAMNING_CATEGORY,
  KONTAKT_CATEGORY,
  KONTAKTFORSOK_CATEGORY,
  MOTE_NAMES,
  SFI_CATEGORY,
  UPPFOLJNING_KV_NAMES,
  VARDINSATS_CATEGORY,
} from "./nacka";
import type { Vocabulary } from "./types";

export const FAI_CATEGORY_CODES = [
  "arbetsprovning",
  "halsa",
  "vagledning",
  "stresshantering",
  "social_traning",
  "digital",
  "arbetsmarknadskunskap",
  "jobbsokning",
  "studiebesok",
  "vardagsrutiner",
  "jobbskuggning",
  "forstegsaktivitet",
  "mote",
  "kontakt",
  "kontaktforsok",
  "uppfoljning",
  "avstamning",
  "vardinsats",
  "annan_aktor",
  "sfi",
] as const;
export type FaiCategory = (typeof FAI_CATEGORY_CODES)[number];

export const FAI_VOCABULARY: Vocabulary<FaiCategory> = {
  id: "FAI1, FAI2",
  source:
    "Nacka kommun, Kundvalsrutiner 2024 Bilaga I FAI, 3.2 Arbetsprövning, 3.3 och 4.7 " +
    "Uppföljning, 4.5 Kundmöten, 4.8 Arbetsnärmande förstegsaktiviteter (with the common " +
    "kundval routines, 3.1, 3.3, 3.6.4, 6.3.2)",
  categories: [
    {
      code: "arbetsprovning",
      name: "Arbetsprövning",
      names: ["\\barbetsprov(ning|a|ar)\\w*", "\\bprova\\s+(olika\\s+)?arbetsmoment\\w*"],
      keywords: ["\\barbetsmoment\\w*", "\\bhandledning\\s+pa\\s+arbetsplats\\w*"],
    },
    {
      code: "halsa",
      name: "Hälsofrämjande aktiviteter, närma sig socialt sammanhang/aktivitetsnärmande insatser",
      names: [
        "\\bhalsoframj\\w*",
        "\\bhalsa(n)?\\b",
        "\\bhalso\\w*",
        "\\bfriskvard\\w*",
        "\\bpromenad\\w*",
        "\\baktivitetsnarmande\\w*",
        "\\b(narma\\s+sig\\s+)?socialt?\\s+sammanhang\\w*",
        "\\bova\\s+pa\\s+(delar|moment)\\b",
      ],
      keywords: [
        "\\bmotion\\w*",
        "\\byoga\\b",
        "\\bgym\\b",
        "\\bstavgang\\w*",
        "\\bfysisk\\w*\\s+aktivitet\\w*",
        "\\butmanande\\b",
      ],
    },
    {
      code: "vagledning",
      name: "Individuell vägledning",
      names: [
        "\\b(studie-?\\s*(och|&)\\s*yrkes|studie|yrkes|karriar|individuell\\w*\\s+)?vagledning\\w*",
        "\\bsyv\\b",
        "\\bindividuell\\w*\\s+samtal\\w*",
        "\\bcoach\\w*",
      ],
      keywords: ["\\bsamtal\\b", "\\bstudieval\\w*", "\\byrkesval\\w*"],
    },
    {
      code: "stresshantering",
      name: "Stöd i att hantera stress",
      names: ["\\bstress\\w*", "\\bhantera\\s+stress\\w*"],
      keywords: ["\\bavslappning\\w*", "\\bmindfulness\\b", "\\bandningsovning\\w*"],
    },
    {
      code: "social_traning",
      name: "Social träning (även arbetsrelaterad)",
      names: ["\\b(arbetsrelaterad\\w*\\s+)?social\\w*\\s+traning\\w*"],
      keywords: [],
    },
    {
      code: "digital",
      name: "Digital utveckling",
      names: [
        "\\bdigital\\w*\\s+(utveckling|kompetens|kunskap|fardighet|stod|verktyg)\\w*",
        "\\b(data|dator)(kunskap|kurs|vana|stod)\\w*",
        "\\bit-?\\s*(kunskap|kurs|stod)\\w*",
      ],
      keywords: [
        "\\bdigital\\w*",
        "\\bdator\\w*",
        "\\bbankid\\b",
        "\\bword\\b",
        "\\bexcel\\b",
        "\\bsurfplatta\\w*",
      ],
    },
    {
      code: "arbetsmarknadskunskap",
      name: "Arbetsmarknadskunskap",
      names: [
        "\\barbetsmarknadskunskap\\w*",
        "\\barbetsmarknadsinfo\\w*",
        "\\binfo(rmation)?\\.?\\s+om\\s+(arbetsmarknad|bristyrke|anstallningsform|yrke)\\w*",
        "\\banstallningsformer\\b",
      ],
      keywords: ["\\bbristyrke\\w*", "\\barbetsmarknad\\w*"],
    },
    {
      code: "jobbsokning",
      name: "Förberedande jobbsökande aktiviteter och intervjuträning",
      names: [
        "\\bjobbsok\\w*",
        "\\bsoka\\s+(jobb|arbete|arbeten|tjanst\\w*)\\b",
        "\\barbetssok\\w*",
        "\\bintervjutraning\\w*",
        "\\bintervjuovning\\w*",
      ],
      keywords: [
        "\\bcv\\b",
        "\\bpersonligt?\\s+brev\\w*",
        "\\bansokan\\b",
        "\\blinkedin",
        "\\bplatsbanken",
      ],
    },
    {
      code: "studiebesok",
      name: "Studiebesök på arbetsplatser",
      names: [
        "\\bstudie-?\\s*besok\\w*",
        "\\b(arbetsplats|foretags)besok\\w*",
        "\\bbesok\\s+(pa|hos|vid)\\s+(en\\s+)?(arbetsplats|foretag|arbetsgivar)\\w*",
      ],
      keywords: [],
    },
    {
      code: "vardagsrutiner",
      name: "Öva upp vardagliga rutiner i relation till arbetsplats",
      names: ["\\bvardag\\w*\\s+rutin\\w*", "\\bvardagsrutin\\w*", "\\brutin\\w*\\s+i\\s+relation"],
      keywords: ["\\bdygnsrytm\\w*", "\\bpassa\\s+tider\\b", "\\bpunktlighet\\w*"],
    },
    {
      code: "jobbskuggning",
      name: "Jobbskuggning",
      names: [
        "\\bjobbskuggning\\w*",
        "\\bskugga\\w*\\s+(en\\s+)?(person|medarbetare|anstalld)\\w*",
        "\\bvara\\s+med\\s+en\\s+person\\s+ute\\s+pa\\s+arbetsplats\\w*",
      ],
      keywords: [],
    },
    {
      code: "forstegsaktivitet",
      name: "Arbetsnärmande förstegsaktiviteter (övriga arbetsinriktade aktiviteter)",
      names: [
        "\\bforstegs\\w*",
        "\\barbetsnarmande\\w*",
        "\\barbetsplatsnarmande\\w*",
        "\\barbetsinriktad\\w*\\s+(aktivitet|kunskap)\\w*",
        "\\b(arbetsforberedande|forberedande\\s+arbetsinriktad\\w*)\\s+aktivitet\\w*",
        "\\bgruppaktivitet\\w*",
        "\\baktivitet\\w*\\s+i\\s+grupp\\b",
      ],
      keywords: ["\\bworkshop\\w*", "\\bstudiecirkel\\w*"],
    },
    {
      code: "mote",
      name: "Kundmöte",
      names: MOTE_NAMES,
      keywords: [],
    },
    KONTAKT_CATEGORY,
    KONTAKTFORSOK_CATEGORY,
    {
      code: "uppfoljning",
      name: "Uppföljning med karriärvägledare",
      names: [...UPPFOLJNING_KV_NAMES, "\\bavslutningsmote\\w*"],
      keywords: ["\\b(karriarvagledare\\w*|kv)\\b"],
    },
    AVSTAMNING_CATEGORY,
    VARDINSATS_CATEGORY,
    ANNAN_AKTOR_CATEGORY,
    SFI_CATEGORY,
  ],
};
