import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseActivityCell } from "../activityText";
import { PROGRAMME_KEYS } from "../programmes";
import { FAI_CATEGORY_CODES, FAI_VOCABULARY } from "./fai";
import { fold } from "./fold";
import { vocabularyFor, VOCABULARIES } from "./index";
import { ITA_CATEGORY_CODES, ITA_VOCABULARY } from "./ita";
import { JOBBSPAR_CATEGORY_CODES, JOBBSPAR_VOCABULARY } from "./jobbspar";
import { matchCategory } from "./match";
import { NACKA_CATEGORY_CODES, NACKA_VOCABULARY } from "./nacka";
import { ROM2_VOCABULARY } from "./rom2";
import type { Vocabulary } from "./types";

function codeOf(text: string, vocabulary: Vocabulary): string | number | null {
  return matchCategory(text, vocabulary)?.code ?? null;
}

/** [seed section, the seed's own words, expected code] */
type SeedCase = readonly [string, string, string];
/** [coordinator text, expected code] */
type TextCase = readonly [string, string];
/** [text, a code it must NOT get, the code (or null) it gets instead] */
type NotCase = readonly [string, string, string | null];

const seedDir = join(__dirname, "../../../../shared/seeds");
const collapse = (text: string) => text.replace(/\s+/g, " ");
function seedFile(prefix: string): string | null {
  if (!existsSync(seedDir)) return null;
  const name = readdirSync(seedDir).find((f) => f.startsWith(prefix));
  return name === undefined ? null : collapse(readFileSync(join(seedDir, name), "utf8"));
}

function describeVocabulary(
  seed: string,
  vocabulary: Vocabulary,
  cases: { seed: readonly SeedCase[]; texts: readonly TextCase[]; not: readonly NotCase[] },
) {
  describe(`${vocabulary.id} (seed ${seed})`, () => {
    test.each(cases.seed)(`seed ${seed} §%s: %j → %s`, (_section, text, code) => {
      expect(codeOf(text, vocabulary)).toBe(code);
    });

    const source = seedFile(seed);
    if (source !== null) {
      test.each(cases.seed)(`seed ${seed} §%s: %j is the seed's own wording`, (_s, text) => {
        expect(source).toContain(collapse(text));
      });
    }

    test.each(cases.texts)("coordinator text %j → %s", (text, code) => {
      expect(codeOf(text, vocabulary)).toBe(code);
    });

    test.each(cases.not)("%j is not %s (it is %s)", (text, notCode, actual) => {
      const code = codeOf(text, vocabulary);
      expect(code).not.toBe(notCode);
      expect(code).toBe(actual);
    });
  });
}

describeVocabulary("002", ITA_VOCABULARY, {
  seed: [
    ["2 Del 1-3", "Veckovis hälsa och friskvårdsaktiviteter", "halsa"],
    ["2 Del 2", "Vägledningsinformation om arbetsmarknad och studier", "vagledning"],
    ["2 Del 2", "Studiebesök", "studiebesok"],
    ["2 Del 2", "Identifiera yrke och arbetsprövningsplats", "identifiera_yrke"],
    ["2 Del 3", "Arbetsprövning", "arbetsprovning"],
    ["1", "Analys av föregående tjänst visade ett behov av kartläggning (del 1).", "kartlaggning"],
    [
      "3",
      "Det är viktigt att deltagaren kommer ut i arbetsprövning inom utsatt tid",
      "arbetsprovning",
    ],
    ["5", "oförmåga att hitta lämpliga arbetsprövningsplatser", "identifiera_yrke"],
    [
      "5 (earliest wins)",
      "Kan vara relevant vid svårigheter att få till uppföljningssamtal, oförmåga att hitta lämpliga arbetsprövningsplatser",
      "uppfoljning",
    ],
    ["7", "Bearbetande insatser", "bearbetande"],
    ["8", "genomförande av arbetsprövning i del 3", "arbetsprovning"],
  ],
  texts: [
    ["Hälsa & friskvård: promenadgrupp", "halsa"],
    ["Promenadgrupp i Nackareservatet", "halsa"],
    ["Friskvård - yoga 13-14", "halsa"],
    ["Halsa och friskvard", "halsa"],
    ["Studiebesök hos Skanska", "studiebesok"],
    ["Företagsbesök Scania", "studiebesok"],
    ["Studie- och yrkesvägledning med SYV", "vagledning"],
    ["Information om arbetsmarknaden: bristyrken i Stockholm", "vagledning"],
    ["Arbetsmarknadsinfo", "vagledning"],
    ["Söka arbetsprövningsplats inom lager", "identifiera_yrke"],
    ["Identifiera yrken utifrån intressen", "identifiera_yrke"],
    ["Yrkesval: intressetest", "identifiera_yrke"],
    ["Arbetsprövning på Coop Sickla 9-12", "arbetsprovning"],
    ["Arbetsprövningsplats Returbutiken", "arbetsprovning"],
    ["Kartläggningssamtal", "kartlaggning"],
    ["Uppföljningssamtal med handledare", "uppfoljning"],
  ],
  not: [
    ["Hälsningsfraser på svenska", "halsa", null],
    ["Möte med karriärvägledare", "vagledning", null],
    ["Studiebesök inom hälso- och sjukvård", "halsa", "studiebesok"],
    ["Söka arbetsprövningsplats", "arbetsprovning", "identifiera_yrke"],
    ["Arbetsprövning", "identifiera_yrke", "arbetsprovning"],
    ["Yrkesvägledning", "identifiera_yrke", "vagledning"],
  ],
});

describeVocabulary("001", FAI_VOCABULARY, {
  seed: [
    ["3", "Arbetsprovning för specificering av arbetsförmåga, FAI I", "arbetsprovning"],
    [
      "3.2",
      "Kund ska delta i strukturerad verksamhet och pröva olika arbetsmoment som är vanligt förekommande på en arbetsplats.",
      "arbetsprovning",
    ],
    [
      "3.3",
      "Uppföljning med karriärvägledare ska ske minst efter sex veckor och vid avslut.",
      "uppfoljning",
    ],
    ["3.3", "Vid avslutningsmötet kan planering för nästa steg ske", "uppfoljning"],
    ["4.9", "göra en stegvis förflyttning till arbetsprövning", "arbetsprovning"],
    ["4.5", "Kundmöten", "mote"],
    ["4.5", "via telefon eller digitalt", "kontakt"],
    [
      "2.3",
      "förväntas anordnaren göra försök att nå kunden samma dag eller senast nästa dag",
      "kontaktforsok",
    ],
    ["2.1", "Upptartsmöte tillsammans med karriärvägledare samt kund", "mote"],
    ["1.3", "har fortsatt behov av sfi", "sfi"],
    ["4.4", "Aktivitetsnärmande kan vara att ta promenader", "halsa"],
    ["4.8", "Hälsofrämjande och social vägledning", "halsa"],
    ["4.8", "Promenader", "halsa"],
    ["4.8", "Öva på delar som är utmanande för kunden", "halsa"],
    ["4.8", "Individuell vägledning", "vagledning"],
    ["4.8", "Individuella samtal", "vagledning"],
    ["4.8", "Coaching med arbetsfokus", "vagledning"],
    ["4.8", "Studievägledning", "vagledning"],
    ["4.8", "Aktiviteter i grupp, eventuellt individuellt", "forstegsaktivitet"],
    ["4.8", "Stöd i att hantera stress", "stresshantering"],
    ["4.8", "Social träning", "social_traning"],
    ["4.8", "Hälsofrämjande aktiviteter", "halsa"],
    ["4.8", "Digital utveckling, ex: datakunskap", "digital"],
    [
      "4.8",
      "Arbetsmarknadskunskap: koppling arbete och utbildning, anställningsformer, möjligheter att få stöd via AF, information om bristyrken",
      "arbetsmarknadskunskap",
    ],
    ["4.8", "Förberedande jobbsökande aktiviteter", "jobbsokning"],
    ["4.8", "Intervjuträning", "jobbsokning"],
    ["4.8", "Arbetsplatsnärmande aktiviteter", "forstegsaktivitet"],
    ["4.8", "Studiebesök på arbetsplatser", "studiebesok"],
    ["4.8", "Arbetsrelaterad social träning", "social_traning"],
    ["4.8", "Öva upp vardagliga rutiner i relation till arbetsplats", "vardagsrutiner"],
    ["4.8", "Vara med en person ute på arbetsplats-Jobbskuggning", "jobbskuggning"],
    [
      "1.2 (earliest wins)",
      "erfarenhet av en arbetsplats via studiebesök, jobbskuggning eller arbetsprövning",
      "studiebesok",
    ],
  ],
  texts: [
    ["Arbetsprövning Returbutiken 9-13", "arbetsprovning"],
    ["Arbetsprova på lager", "arbetsprovning"],
    ["Hälsa & friskvård: promenadgrupp", "halsa"],
    ["Promenad med coach", "halsa"],
    ["Motionspass i gympasal", "halsa"],
    ["Studiebesök hos Skanska", "studiebesok"],
    ["Jobbskuggning på förskola", "jobbskuggning"],
    ["Datakunskap: BankID och 1177", "digital"],
    ["Stresshantering i grupp", "stresshantering"],
    ["CV-verkstad", "jobbsokning"],
    ["Kundmöte på plats", "mote"],
    ["Individuellt möte", "mote"],
    ["Uppföljning av arbetsprövning", "mote"],
    ["Telefonsamtal med kund", "kontakt"],
    ["Digitalt möte", "kontakt"],
    ["Uppföljningsmöte med KV och kund", "uppfoljning"],
    ["Möte med KV", "uppfoljning"],
    ["Uppföljning av arbetsprövningen med karriärvägledare", "uppfoljning"],
    ["Avstämning genomförandeplan", "avstamning"],
    ["Vårdinsats: samtal på vårdcentralen", "vardinsats"],
    ["SFI kurs C", "sfi"],
    ["Gruppaktivitet: fika och spel", "forstegsaktivitet"],
  ],
  not: [
    ["Öva upp vardagliga rutiner", "vardinsats", "vardagsrutiner"],
    ["Vardagsrutiner: komma i tid", "vardinsats", "vardagsrutiner"],
    ["Förberedande jobbsökande aktiviteter", "forstegsaktivitet", "jobbsokning"],
    ["Social träning", "halsa", "social_traning"],
    ["Kontaktförsök per telefon", "kontakt", "kontaktforsok"],
    ["Digitalt möte", "digital", "kontakt"],
    ["Upptartsmöte tillsammans med karriärvägledare", "uppfoljning", "mote"],
    ["Uppföljning av arbetsprövning", "arbetsprovning", "mote"],
    ["Möte med karriärvägledare", "vagledning", "uppfoljning"],
  ],
});

describeVocabulary("003", NACKA_VOCABULARY, {
  seed: [
    ["2.3 (earliest wins)", "studier i sfi och språkträning på arbetsplats", "sfi"],
    ["2.3.1", "Arbetsintroduktion – arbetsförlagd språkträning", "spraktraning"],
    ["2.3.2", "Sfi obligatoriskt", "sfi"],
    ["2.3.2.1", "Kund studerar SFI 3 timmar/dag", "sfi"],
    ["2.3.3", "Kurs samhällsorientering, SO", "samhallsorientering"],
    ["2.3.4", "Orienteringskurser inom kommunal vuxenutbildning", "studier"],
    ["2.1.1", "Möjlighet till kortvarig praktikplats", "praktik"],
    ["2.2.1", "Arbetsträning ett steg mot arbete", "arbetstraning"],
    ["5.2.2", "Praktik – jobbpeng grund", "praktik"],
    ["5.2.3", "förväntas ha en arbetsträningsplats inom tre månader", "arbetstraning"],
    ["5.2.4", "Språkträningsplats – språk och arbetsintroduktion", "spraktraning"],
    ["3.4", "språkpraktikplats", "spraktraning"],
    [
      "3.4 (earliest wins)",
      "oavsett om det är arbete, praktik, språkpraktikplats eller arbetsträning",
      "praktik",
    ],
    [
      "5.2.1 (earliest wins)",
      "När kund går ut på arbetsplats för praktik, arbetsträning, språkträning eller arbetsprövning",
      "praktik",
    ],
    [
      "3.1",
      "Kunds heltidsplanering kan även innefatta exempelvis pågående vårdinsatser.",
      "vardinsats",
    ],
    ["4.3", "Stöd kring initiering av kontakter med vården", "vardinsats"],
    ["4.3", "Vid behov av samordnad individuellt planeringsmöte, SIP.", "annan_aktor"],
    ["4.3", "Vid behov av flerpartsmöte tillsammans med andra myndigheter/aktörer", "annan_aktor"],
    ["3.3", "i första hand via personliga möten", "mote"],
    [
      "3.3",
      "Kund förväntas även delta i gruppaktiviteter hos anordnaren om dessa erbjuds.",
      "gruppaktivitet",
    ],
    ["3.6.4", "Är kund inte tillgänglig vid kontaktförsök efter tre försök", "kontaktforsok"],
    ["6.3.2", "stämma av genomförandeplanen tillsammans med kund", "avstamning"],
    ["6.5", "Uppföljningsmöten trepart", "uppfoljning"],
    ["6.5", "trepartssamtal med karriärvägledare, anordnare och kund", "uppfoljning"],
    ["5.1", "Individanpassad insats – vägledning och matchning", "vagledning"],
    ["5.1", "kunna söka arbete på egen hand", "jobbsokning"],
    ["5.1", "ha ett tydligt CV, samt ett personligt brev", "jobbsokning"],
    ["5.1", "Kontakter med arbetsgivare", "matchning"],
    ["6.1", "Kartläggning, framtidsplanering, beslut om insats", "kartlaggning"],
    ["2.2.2", "kunder som påbörjat en anställning eller studier", "anstallning"],
    ["9.2", "nystartsjobb, instegsjobb", "anstallning"],
  ],
  texts: [
    ["SFI kurs D 8.30-11.30", "sfi"],
    ["sfi-studier Nacka Komvux", "sfi"],
    ["Svenska för invandrare", "sfi"],
    ["SO 13-16", "samhallsorientering"],
    ["Samhällsorientering på arabiska", "samhallsorientering"],
    ["Komvux matematik", "studier"],
    ["Praktik på ICA Nacka Forum", "praktik"],
    ["Arbetspraktik lager", "praktik"],
    ["Arbetsträning Returbutiken", "arbetstraning"],
    ["Språkträning på Coop Forum", "spraktraning"],
    ["Språkträningsplats: Nacka bibliotek", "spraktraning"],
    ["Språkträning hos oss: samtalsgrupp", "sprakstod"],
    ["Språkcafé", "sprakstod"],
    ["SFI-läxhjälp hos anordnaren", "sprakstod"],
    ["Vårdinsats: samtal på vårdcentralen", "vardinsats"],
    ["Psykiatrin, besök", "vardinsats"],
    ["KBT-behandling", "vardinsats"],
    ["Möte med vårdcentralen", "vardinsats"],
    ["Möte med socialsekreterare", "annan_aktor"],
    ["Möte på Arbetsförmedlingen", "annan_aktor"],
    ["Möte med handläggare på soc", "annan_aktor"],
    ["Rehab-möte", "vardinsats"],
    ["Försäkringskassan", "annan_aktor"],
    ["Kundmöte på kontoret", "mote"],
    ["Individuellt möte med jobbexpert", "mote"],
    ["Uppföljning praktik", "mote"],
    ["Telefonmöte", "kontakt"],
    ["Möte via Teams", "kontakt"],
    ["Sms-påminnelse till kund", "kontakt"],
    ["Trepartsmöte med KV", "uppfoljning"],
    ["Möte med karriärvägledare", "uppfoljning"],
    ["Avstämning av genomförandeplan", "avstamning"],
    ["Jobbsök: Platsbanken", "jobbsokning"],
    ["Söka jobb med coach", "jobbsokning"],
    ["Studie- och yrkesvägledning", "vagledning"],
    ["Söka praktikplats", "matchning"],
    ["Studiebesök hos Skanska", "matchning"],
    ["Möte med arbetsgivare på Coop", "matchning"],
    ["Timanställning Pizza Hut", "anstallning"],
    ["Gruppträff: CV-verkstad", "gruppaktivitet"],
  ],
  not: [
    ["Praktiskt stöd: CV", "praktik", "jobbsokning"],
    ["Praktisk information om SFI", "praktik", "sfi"],
    ["Praktikunderlag AF", "praktik", "annan_aktor"],
    ["Söka praktikplats", "praktik", "matchning"],
    ["Uppföljning praktik", "praktik", "mote"],
    ["Möte om språkträning", "spraktraning", "mote"],
    ["Språkträning, möte med handledaren", "mote", "spraktraning"],
    ["Språkträning hos anordnaren", "spraktraning", "sprakstod"],
    ["SFI-läxhjälp", "sfi", "sprakstod"],
    ["Läxor SFI", "sfi", "sprakstod"],
    ["Möte med kund om praktik på Coop", "praktik", "mote"],
    ["Vård av barn", "vardinsats", null],
    ["Möte med karriärvägledare", "vagledning", "uppfoljning"],
    ["Kontaktförsök via sms", "kontakt", "kontaktforsok"],
    ["Anställningsintervju Coop", "anstallning", "jobbsokning"],
    ["Orienteringskurs", "samhallsorientering", "studier"],
    ["Socialsekreterare", "samhallsorientering", "annan_aktor"],
    ["Telefonmöte", "mote", "kontakt"],
    ["Uppstartsmöte med KV", "uppfoljning", "mote"],
    ["Eget arbete", "anstallning", null],
  ],
});

describeVocabulary("004", JOBBSPAR_VOCABULARY, {
  seed: [
    [
      "Stödjande och förberedande insatser (earliest wins)",
      "T.ex. en introduktionsvecka inför Jobbspåret för ökad insyn av arbetsgivare/ bransch, utbildning och yrket.",
      "introduktionsvecka",
    ],
    [
      "Stödjande och förberedande insatser (earliest wins)",
      "Studiebesök och förberedande utbildning i kombination med praktik eller språkstöd.",
      "studiebesok",
    ],
    ["Stödjande och förberedande insatser", "förberedande utbildning", "utbildning"],
    ["Stödjande och förberedande insatser", "praktik eller språkstöd", "praktik"],
    [
      "Stödjande och förberedande insatser",
      "Språkstöd i form av yrkessvenska eller SFI",
      "sprakstod",
    ],
    [
      "Stödjande och förberedande insatser",
      "Jobbcoacher som finns med som stöd både för deltagare, utbildningsanordnare och arbetsgivare",
      "jobbcoach",
    ],
    [
      "Tillgängliggöra och flexibelt kombinera insatser",
      "Stödjande och förberedande insatser",
      "forberedande",
    ],
    [
      "Genomförandefas",
      "Säkerställer en strukturerad och regelbunden uppföljning av deltagarna och arbetsgivaren.",
      "uppfoljning",
    ],
    [
      "Avstämning och anpassning",
      "Strukturerad och planerad avstämning med alla medverkande parter",
      "uppfoljning",
    ],
    [
      "Rekryteringsfas",
      "Säkerställer att planerade rekryteringsaktiviteter genomförs.",
      "matchning",
    ],
    [
      "Avslutningsfas",
      "Om anställning; att eventuella lönesubventioner är beslutade",
      "anstallning",
    ],
    ["Avslutningsfas", "om utbildning; att anmälan/ antagning/studieplan finns etc.", "utbildning"],
    ["Kompetensprofil", "arbetsplatsförlagt lärande", "utbildning"],
    [
      "Lokala jobbspår",
      "Arbetsförmedlingen, kommunen och eventuellt andra aktörer kombinerar utbildning och insatser",
      "utbildning",
    ],
  ],
  texts: [
    ["Introduktionsvecka hos arbetsgivaren", "introduktionsvecka"],
    ["Intro-vecka Scania", "introduktionsvecka"],
    ["Praktik på ICA Nacka Forum", "praktik"],
    ["Yrkesutbildning lager och logistik", "utbildning"],
    ["Truckkort", "utbildning"],
    ["Yrkessvenska 13-16", "sprakstod"],
    ["Kurs i svenska", "sprakstod"],
    ["SFI kurs D 8.30-11.30", "sprakstod"],
    ["Studiebesök hos Skanska", "studiebesok"],
    ["Intervju med arbetsgivaren", "matchning"],
    ["Uppföljning med jobbcoach", "uppfoljning"],
    ["Anställning med lönestöd", "anstallning"],
    ["Nystartsjobb hos Skanska", "anstallning"],
  ],
  not: [
    ["Introduktionsjobb", "introduktionsvecka", "anstallning"],
    ["Möte med utbildningsanordnare", "utbildning", null],
    ["Anställningsintervju", "anstallning", "matchning"],
    ["Språkpraktik", "sprakstod", "praktik"],
    ["Praktiskt stöd", "praktik", null],
  ],
});

describe("earliest match", () => {
  test.each([
    ["Praktik och SFI", "praktik"],
    ["SFI därefter praktik", "sfi"],
    ["Arbetsträning, sedan språkträning", "arbetstraning"],
  ])("Nacka: %j → %s (the category named first)", (text, code) => {
    expect(codeOf(text, NACKA_VOCABULARY)).toBe(code);
  });

  test("a name later in the text beats an earlier keyword", () => {
    // "intervju" is only a keyword of jobbsökning; "praktikplats" names praktik.
    const match = matchCategory("Intervju hos Coop om praktikplats", NACKA_VOCABULARY);
    expect([match?.code, match?.strength]).toEqual(["praktik", "name"]);
    expect(matchCategory("Intervju hos Coop", NACKA_VOCABULARY)?.strength).toBe("keyword");
  });

  test.each([
    ["Möte med socialsekreterare", "annan_aktor"],
    ["Möte via Teams", "kontakt"],
    ["Möte med karriärvägledare", "uppfoljning"],
    ["Möte med arbetsgivare", "matchning"],
    ["Möte", "mote"],
  ])("at the same place the longer phrase wins: %j → %s", (text, code) => {
    const match = matchCategory(text, NACKA_VOCABULARY);
    expect([match?.code, match?.index]).toEqual([code, 0]);
  });

  test("ITA: both obligatory del-2 activities in one cell give the first", () => {
    expect(codeOf("Studiebesök och identifiera yrke", ITA_VOCABULARY)).toBe("studiebesok");
    expect(codeOf("Identifiera yrke efter studiebesök", ITA_VOCABULARY)).toBe("identifiera_yrke");
  });
});

describe("cells read with a programme's vocabulary", () => {
  test("SAI: meeting then SFI", () => {
    const parsed = parseActivityCell("OBL-Kundmöte 8.00-8.30 därefter SFI kurs C 8.30-11.30", {
      vocabulary: vocabularyFor("SAI"),
    });
    expect(parsed.activities.map((a) => [a.category?.code, a.obligatory, a.description])).toEqual([
      ["mote", true, ""],
      ["sfi", false, "kurs C"],
    ]);
  });

  test("FAI1: arbetsprövning with its place as description", () => {
    const [a] = parseActivityCell("Arbetsprövning: Returbutiken", {
      vocabulary: vocabularyFor("FAI1"),
    }).activities;
    expect([a?.category?.code, a?.description]).toEqual(["arbetsprovning", "Returbutiken"]);
  });
});

describe("vocabularyFor", () => {
  test.each(PROGRAMME_KEYS.map((k) => [k]))("%s has a vocabulary that names it", (key) => {
    const vocabulary = vocabularyFor(key);
    expect(vocabulary.categories.length).toBeGreaterThan(0);
    expect(vocabulary.id.split(", ")).toContain(key);
  });

  test("programmes that share a source share its vocabulary", () => {
    expect(vocabularyFor("ROM2")).toBe(ROM2_VOCABULARY);
    expect(vocabularyFor("ITA")).toBe(ITA_VOCABULARY);
    expect([vocabularyFor("JPG"), vocabularyFor("JPF"), vocabularyFor("SAI")]).toEqual([
      NACKA_VOCABULARY,
      NACKA_VOCABULARY,
      NACKA_VOCABULARY,
    ]);
    expect([vocabularyFor("FAI1"), vocabularyFor("FAI2")]).toEqual([
      FAI_VOCABULARY,
      FAI_VOCABULARY,
    ]);
    expect(vocabularyFor("JOBBSPAR")).toBe(JOBBSPAR_VOCABULARY);
  });
});

describe("every vocabulary is well formed", () => {
  const distinct = [...new Set(Object.values(VOCABULARIES))];
  const codeLists = new Map<Vocabulary, readonly (string | number)[]>([
    [ITA_VOCABULARY, ITA_CATEGORY_CODES],
    [FAI_VOCABULARY, FAI_CATEGORY_CODES],
    [NACKA_VOCABULARY, NACKA_CATEGORY_CODES],
    [JOBBSPAR_VOCABULARY, JOBBSPAR_CATEGORY_CODES],
  ]);
  const patterns = distinct.flatMap((v) =>
    v.categories.flatMap((c) =>
      [...c.names, ...c.keywords].map((p) => [v.id, String(c.code), p] as const),
    ),
  );

  test.each(distinct.map((v) => [v.id, v] as const))("%s: codes are unique", (_id, v) => {
    const codes = v.categories.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test.each(distinct.map((v) => [v.id, v] as const))(
    "%s: the exported code list is the vocabulary's",
    (_id, v) => {
      const list = codeLists.get(v);
      if (list === undefined) return; // ROM2's codes are its numbered categories
      expect(v.categories.map((c) => c.code).sort()).toEqual([...list].sort());
    },
  );

  test.each(distinct.map((v) => [v.id, v] as const))(
    "%s: has a source, and every category a name and at least one name pattern",
    (_id, v) => {
      expect(v.source.length).toBeGreaterThan(10);
      for (const c of v.categories) {
        expect(c.name.trim()).not.toBe("");
        expect(c.names.length).toBeGreaterThan(0);
      }
    },
  );

  test.each(distinct.map((v) => [v.id, v] as const))(
    "%s: every category's own name is read as that category",
    (_id, v) => {
      for (const c of v.categories) expect([c.name, codeOf(c.name, v)]).toEqual([c.name, c.code]);
    },
  );

  test.each(patterns)("%s %s: /%s/ compiles, is folded and matches no empty text", (_v, _c, p) => {
    const re = new RegExp(p, "u");
    // Outside escapes (\b, \s, \w …) every character must survive folding unchanged: no
    // å/ä/ö, no upper case, or the pattern could never match folded text.
    const literal = p.replace(/\\./g, "");
    expect(fold(literal)).toBe(literal);
    expect(re.test("")).toBe(false);
    expect(re.test("   ")).toBe(false);
  });
});
