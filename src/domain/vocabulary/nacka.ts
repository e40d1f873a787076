/**
 * Nacka kundval arbetsmarknadsinsatser: Jobbpeng grund (JPG), Förstärkt jobbpeng (JPF) and
 * Språk- och arbetsintroduktion (SAI), seed 003 "Rutiner för auktoriserade anordnare inom
 * kundval arbetsmarknadsinsatser" (2023-09-29), 2.x Insatser, 3.x Omfattning och planering,
 * 4.3 Samordningsuppdrag, 5.x Matchning och arbetsplats, 6.x Process. One vocabulary serves all
 * three insatser: they share 3.x and 6.x, and a JPF or JPG participant may also study SFI.
 *
 * Which rule uses which code (regelkatalog.md):
 * - AMI.HELTID: every code counts towards the week's hours; 3.1 names "vardinsats" and (4.3
 *   "åtaganden med olika aktörer") "annan_aktor" explicitly, so they must be recognised.
 * - AMI.KONTAKT: "mote", "uppfoljning", "avstamning" (a personal meeting when the activity's mode
 *   is not distans), "kontakt" (telefon, digitalt, sms, mejl: a contact but not a personal
 *   meeting, which gives the rule's warning). "kontaktforsok" is NOT a contact.
 * - AMI.ARBETSPLATS: JPG "praktik" (5.2.2), JPF "arbetstraning" (5.2.3), SAI "spraktraning"
 *   (5.2.4 språkträningsplats).
 * - AMI.AVSTAMNING: "avstamning" (6.3.2 "stämma av genomförandeplanen tillsammans med kund").
 * - AMI.TREPART: "uppfoljning" (6.5 uppföljningsmöte trepart; schedule entries in addition to
 *   the Händelser sheet).
 * - AMI.OGILTIG (and FAI.OGILTIG): "kontaktforsok" (3.6.4 "kontaktförsök").
 * - SAI.SFI, SAI.SFINIVA: "sfi".
 * - SAI.ARBETSPLATS50: "spraktraning" (2.3 "språkträning på arbetsplats").
 * - No rule yet, recognised so that the schedule reads fully: "samhallsorientering" (2.3.3),
 *   "studier" (2.3.4 orienteringskurs, komvux), "arbetsprovning" (5.2.1), "vagledning" and
 *   "matchning" (5.1), "kartlaggning" (5.1, 6.1), "jobbsokning" (5.1), "anstallning" (2.2.2,
 *   7.1), "gruppaktivitet" (3.3), "sprakstod".
 *
 * Tolkning: in 003 "språkträning" always means the workplace part of SAI (2.3 "studier i sfi och
 * språkträning på arbetsplats", 2.3.1 "arbetsförlagd språkträning", 5.2.1 "går ut på arbetsplats
 * för praktik, arbetsträning, språkträning eller arbetsprövning", 5.2.4 "språkträningsplats"),
 * so plain "Språkträning", "Språkträningsplats" and "Språkpraktik" are one code, "spraktraning".
 * Language support at the provider ("Språkträning hos oss", "Språkcafé", "SFI-läxhjälp") is our
 * own code "sprakstod", so that it neither counts as workplace time nor as an SFI lesson.
 *
 * Matching is earliest-first (match.ts): "Möte om språkträning" is a meeting ("mote"), while
 * "Språkträning, möte med handledare" is language training. At the same position the longer
 * phrase wins, which is how "Möte med socialsekreterare" becomes "annan_aktor", "Möte via
 * Teams" "kontakt" and "Möte med karriärvägledare" "uppfoljning" rather than "mote".
 */
import type { CategoryDefinition, Vocabulary } from "./types";

export const NACKA_CATEGORY_CODES = [
  "sfi",
  "samhallsorientering",
  "studier",
  "praktik",
  "arbetstraning",
  "spraktraning",
  "sprakstod",
  "arbetsprovning",
  "vardinsats",
  "annan_aktor",
  "vagledning",
  "kartlaggning",
  "jobbsokning",
  "matchning",
  "anstallning",
  "gruppaktivitet",
  "mote",
  "kontakt",
  "kontaktforsok",
  "uppfoljning",
  "avstamning",
] as const;
export type NackaCategory = (typeof NACKA_CATEGORY_CODES)[number];

/** "Karriärvägledare" or its abbreviation "KV", as a whole word. */
const KV = "\\b(karriarvagledare\\w*|karriarvaglare\\w*|kv)\\b";

/* ---- Categories the FAI vocabulary shares (the common kundval routines, 003). ---- */

export const SFI_CATEGORY: CategoryDefinition<"sfi"> = {
  code: "sfi",
  name: "SFI (svenska för invandrare)",
  names: ["\\bsfi", "\\bsvenska\\s+for\\s+invandrare"],
  keywords: [],
};

export const VARDINSATS_CATEGORY: CategoryDefinition<"vardinsats"> = {
  code: "vardinsats",
  name: "Vårdinsatser",
  names: [
    "\\bvardinsats\\w*",
    "\\bvardkontakt\\w*",
    "\\bvardbesok\\w*",
    "\\bvarden\\b",
    "\\bvardcentral\\w*",
    "\\bpsykiatri\\w*",
    "\\blakar(besok|tid|kontakt)\\w*",
    "\\bsjukhus\\w*",
    "\\b(fysioterap|sjukgymnast)\\w*",
    "\\brehab\\w*",
    "\\bkontakt\\w*\\s+med\\s+varden\\b",
    "\\b\\w*mote\\w*\\s+(pa|hos|med|vid)\\s+(varden|vardcentral\\w*|psykiatri\\w*|sjukhus\\w*)",
  ],
  keywords: [
    "\\b\\w*terapi\\w*",
    "\\bbehandling\\w*",
    "\\bberoende\\w*",
    "\\bmissbruk\\w*",
    "\\bkbt\\b",
    "\\bkurator\\w*",
    "\\bpsykolog\\w*",
    "\\bbup\\b",
    "\\btandlakar\\w*",
    "\\bhabilitering\\w*",
  ],
};

const MYNDIGHET =
  "(af|arbetsformedling\\w*|forsakringskassa\\w*|fk|soc|socialsekreterare\\w*|socialtjanst\\w*|" +
  "boendesamordna\\w*|migrationsverket|skatteverket|kronofogde\\w*|kommun\\w*|handlaggare\\w*)";

export const ANNAN_AKTOR_CATEGORY: CategoryDefinition<"annan_aktor"> = {
  code: "annan_aktor",
  name: "Aktiviteter hos andra aktörer",
  names: [
    "\\b(annan|andra|extern\\w*)\\s+aktor\\w*",
    "\\barbetsformedling\\w*",
    "\\baf\\b",
    "\\bforsakringskassa\\w*",
    "\\bfk\\b",
    "\\bsoc\\b",
    "\\bsocialsekreterare\\w*",
    "\\bsocialtjanst\\w*",
    "\\bekonomiskt?\\s+bistand\\w*",
    "\\bboendesamordna\\w*",
    "\\bbudget-?\\s*(och|&)\\s*skuldradgivning\\w*",
    "\\bsip\\b",
    "\\bsamordnad\\w*\\s+individuell\\w*\\s+plan\\w*",
    "\\bflerpartsmote\\w*",
    "\\bsamordningsforbund\\w*",
    "\\b(migrationsverket|skatteverket|kronofogde\\w*)",
    "\\bstatens\\s+servicecenter",
    // "Möte med handläggare på soc": a meeting of the participant's at another actor.
    `\\b\\w*mote\\w*(\\s+[^\\s.;]+){0,3}?\\s+(pa|hos|med|vid)\\s+${MYNDIGHET}\\b`,
  ],
  keywords: ["\\bmyndighet\\w*", "\\bhandlaggare\\w*"],
};

export const KONTAKT_CATEGORY: CategoryDefinition<"kontakt"> = {
  code: "kontakt",
  name: "Kundkontakt via telefon eller digitalt",
  names: [
    "\\btelefon\\w*",
    "\\b(via|per)\\s+telefon",
    "\\bsms\\w*",
    "\\b(mejl|mail|email|e-?post)\\w*",
    "\\bdigital\\w*\\s+(mote|kontakt|samtal|avstamning|uppfoljning)\\w*",
    "\\b(video|teams|zoom)\\s*-?\\s*(mote|samtal)\\w*",
    "\\b\\w*mote\\w*\\s+(via|pa|per|over)\\s+(teams|zoom|skype|telefon|video|lank|distans)\\b",
    "\\bkundkontakt\\w*",
    "\\bkontakt\\w*\\s+med\\s+kund\\w*",
  ],
  keywords: [],
};

export const KONTAKTFORSOK_CATEGORY: CategoryDefinition<"kontaktforsok"> = {
  code: "kontaktforsok",
  name: "Kontaktförsök",
  names: [
    "\\bkontaktforsok\\w*",
    "\\bforsok\\s+att\\s+(na|kontakta|ringa)\\s+(kund|deltagar)\\w*",
    "\\bsokt\\s+(kund|deltagar)\\w*",
  ],
  keywords: [],
};

export const AVSTAMNING_CATEGORY: CategoryDefinition<"avstamning"> = {
  code: "avstamning",
  name: "Avstämning av genomförandeplanen",
  names: [
    "\\bavstamning\\w*",
    "\\bgenomforandeplan\\w*",
    "\\bstamma\\w*\\s+av\\b",
    "\\bstamt\\s+av\\b",
  ],
  keywords: [],
};

/** A meeting with the karriärvägledare (trepart, uppföljningsmöte): longer than a plain "möte". */
export const UPPFOLJNING_KV_NAMES: readonly string[] = [
  "\\btrepart\\w*",
  "\\buppfoljningsmote\\w*",
  "\\buppfoljningssamtal\\w*",
  `\\buppfoljning\\w*[^.;]{0,40}?${KV}`,
  // An uppstartsmöte (003 2.2, 001 2.1) is not a follow-up, even with the karriärvägledare.
  `\\b(?!upps?tarts)\\w*mote\\w*[^.;]{0,30}?${KV}`,
];

/** A meeting with the participant, without "individuella samtal" (FAI files those as vägledning). */
export const MOTE_NAMES: readonly string[] = [
  "\\b(kund|personlig\\w*\\s+|individuell\\w*\\s*-?\\s*|enskil\\w*\\s+|uppstarts|upptarts|planerings|fysisk\\w*\\s+|coach\\w*\\s*-?\\s*|jobbexpert\\w*\\s*-?\\s*)?mote(t|n|na)?\\b",
  // A follow-up with the participant (uppföljning of SFI, of the praktik); with the
  // karriärvägledare it is "uppfoljning" (longer match at the same place).
  "\\buppfoljning(?!smote|ssamtal)\\w*",
];

export const ANSTALLNING_NAMES: readonly string[] = [
  "\\b\\w*anstallning(en)?\\b",
  "\\banstallningsstod\\w*",
  "\\b(nystarts|insteg|introduktions|extra)s?jobb\\w*",
  "\\bextratjanst\\w*",
  "\\blonebidrag\\w*",
  "\\blonesubvention\\w*",
  "\\b(arbetar|jobbar)\\s+(pa|hos|som|vid)\\b",
  "\\banstall(d|da|as)\\b",
];

const VAGLEDNING_NAMES: readonly string[] = [
  "\\b(studie-?\\s*(och|&)\\s*yrkes|studie|yrkes|karriar)?vagledning\\w*",
  "\\bsyv\\b",
];

/** Looking for a workplace is matchning, not yet the praktik itself. */
const SOKA_ARBETSPLATS =
  "\\b(soka|hitta|leta|ordna)\\w*\\s+(\\w+\\s+)?(praktik|arbetstraning|spraktraning|sprakpraktik|arbetsprovning)\\w*";

export const NACKA_VOCABULARY: Vocabulary<NackaCategory> = {
  id: "JPG, JPF, SAI",
  source:
    "Nacka kommun, Rutiner för auktoriserade anordnare inom kundval arbetsmarknadsinsatser " +
    "(2023-09-29), 2 Insatser, 3 Omfattning och planering, 4.3, 5 Matchning, 6 Process",
  categories: [
    SFI_CATEGORY,
    {
      code: "samhallsorientering",
      name: "Samhällsorientering (SO)",
      names: ["\\bsamhalls?\\s*-?\\s*orientering\\w*", "\\bso\\b"],
      keywords: [],
    },
    {
      code: "studier",
      name: "Studier (orienteringskurs, kommunal vuxenutbildning)",
      names: [
        "\\borienteringskurs\\w*",
        "\\bkomvux\\w*",
        "\\b(kommunal\\w*\\s+)?vuxenutbildning\\w*",
        "\\byrkesutbildning\\w*",
        "\\bsvenska\\s+som\\s+andrasprak\\w*",
        "\\bstudier\\b(?!\\s+(i|pa)\\s+sfi)",
      ],
      keywords: ["\\bstudieplan\\w*", "\\bcsn\\b"],
    },
    {
      code: "praktik",
      name: "Praktik",
      names: ["\\b(arbets|yrkes)?praktik(?!underlag)\\w*"],
      keywords: [],
    },
    {
      code: "arbetstraning",
      name: "Arbetsträning",
      names: ["\\barbetstraning\\w*"],
      keywords: [],
    },
    {
      code: "spraktraning",
      name: "Språkträning på arbetsplats (språkträningsplats)",
      names: [
        "\\bspraktraning\\w*",
        "\\bsprakpraktik\\w*",
        "\\b(arbets|arbetsplats)forlagd\\w*\\s+spraktraning\\w*",
        "\\bsvenska\\s+pa\\s+arbetsplats\\w*",
        "\\barbetsintroduktion\\w*",
      ],
      keywords: [],
    },
    {
      code: "sprakstod",
      name: "Språkstöd hos anordnaren",
      names: [
        "\\bsprakstod\\w*",
        "\\bsprakcafe\\w*",
        "\\bsprak(traning|kurs|grupp|utveckling)\\w*\\s+(hos\\s+(oss|anordnar\\w*|lev\\w*)|i\\s+grupp|pa\\s+plats)",
        "\\bsfi-?\\s*(laxhjalp|laxlasning|stod|studiestod|stottning)\\w*",
        "\\blax(hjalp|lasning|or)\\w*",
        "\\byrkessvenska\\w*",
      ],
      keywords: ["\\bsvenska\\b", "\\buttal\\w*"],
    },
    {
      code: "arbetsprovning",
      name: "Arbetsprövning",
      names: ["\\barbetsprov(ning|a|ar)\\w*"],
      keywords: [],
    },
    VARDINSATS_CATEGORY,
    ANNAN_AKTOR_CATEGORY,
    {
      code: "vagledning",
      name: "Studie- och yrkesvägledning",
      names: VAGLEDNING_NAMES,
      keywords: [
        "\\byrkesval\\w*",
        "\\bstudieval\\w*",
        "\\butbildningsval\\w*",
        "\\bbristyrke\\w*",
        "\\barbetsmarknad\\w*",
        "\\byrkesbarometer\\w*",
      ],
    },
    {
      code: "kartlaggning",
      name: "Kartläggning",
      names: ["\\bkartlagg\\w*"],
      keywords: ["\\bkompetenser\\b", "\\barbetslivserfarenhet\\w*"],
    },
    {
      code: "jobbsokning",
      name: "Jobbsökaraktiviteter (söka arbete, CV, personligt brev)",
      names: [
        "\\bjobbsok\\w*",
        "\\bsoka\\s+(jobb|arbete|arbeten|tjanst\\w*|anstallning)\\b",
        "\\barbetssok\\w*",
        "\\bcv\\b",
        "\\bpersonligt?\\s+brev\\w*",
        "\\bansokningshandling\\w*",
        "\\bintervjutraning\\w*",
        "\\banstallningsintervju\\w*",
      ],
      keywords: ["\\blinkedin", "\\bplatsbanken", "\\bansokan\\b", "\\bintervju\\w*"],
    },
    {
      code: "matchning",
      name: "Matchning och arbetsgivarkontakter",
      names: [
        "\\bmatchning\\w*",
        "\\barbetsgivarkontakt\\w*",
        "\\bkontakt\\w*\\s+med\\s+arbetsgivar\\w*",
        "\\b\\w*mote\\w*\\s+(med|hos)\\s+(\\w+\\s+)?arbetsgivar\\w*",
        "\\b(studie|arbetsplats|foretags)besok\\w*",
        "\\brekryterings\\w*",
        "\\bjobbmass\\w*",
        SOKA_ARBETSPLATS,
      ],
      keywords: ["\\barbetsgivar\\w*"],
    },
    {
      code: "anstallning",
      name: "Arbete (anställning)",
      names: ANSTALLNING_NAMES,
      keywords: [],
    },
    {
      code: "gruppaktivitet",
      name: "Gruppaktiviteter hos anordnaren",
      names: [
        "\\bgruppaktivitet\\w*",
        "\\bgruppverksamhet\\w*",
        "\\bgrupptraff\\w*",
        "\\baktivitet\\w*\\s+i\\s+grupp",
      ],
      keywords: ["\\bworkshop\\w*", "\\bseminari\\w*", "\\bwebbinar\\w*", "\\bforelasning\\w*"],
    },
    {
      code: "mote",
      name: "Kundmöte (personligt möte)",
      names: [
        ...MOTE_NAMES,
        "\\bindividuell\\w*\\s+(samtal|coachning|stod)\\w*",
        "\\b(jobb)?coach(ning|samtal)?\\b",
      ],
      keywords: ["\\bsamtal\\b", "\\bjobbexpert\\w*"],
    },
    KONTAKT_CATEGORY,
    KONTAKTFORSOK_CATEGORY,
    {
      code: "uppfoljning",
      name: "Uppföljningsmöte trepart med karriärvägledare",
      names: UPPFOLJNING_KV_NAMES,
      keywords: [KV],
    },
    AVSTAMNING_CATEGORY,
  ],
};
