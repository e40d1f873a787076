/**
 * Lokalt jobbspår, seed 004 "Jobbspår i samverkan – modeller från steg 1" (Dua / SpårSam):
 * "Tillgängliggöra och flexibelt kombinera insatser" (Stödjande och förberedande insatser:
 * "en introduktionsvecka inför Jobbspåret …, Studiebesök och förberedande utbildning i
 * kombination med praktik eller språkstöd. Språkstöd i form av yrkessvenska eller SFI …
 * Jobbcoacher"; Avstämning och anpassning), "Koordinering av jobbspår" (Rekryteringsfas,
 * Genomförandefas "uppföljning", Avslutningsfas "Om anställning; … lönesubventioner …, om
 * utbildning; att anmälan/ antagning/studieplan finns").
 *
 * Which rule uses which code (regelkatalog.md):
 * - JOBBSPAR.GLAPP, JOBBSPAR.OVERLAPP: every code (the insatser of a chain: "utbildning",
 *   "praktik", "sprakstod", "introduktionsvecka", "studiebesok", "forberedande", "jobbcoach").
 * - JOBBSPAR.UPPFOLJNING: "uppfoljning" (uppföljning, avstämning, trepart).
 * - JOBBSPAR.AVSLUT: "anstallning" and "utbildning" as the recorded outcome; anything else is
 *   "other".
 * - No rule: "matchning" (rekrytering, urval, intervju).
 *
 * Tolkning: "Språkstöd i form av yrkessvenska eller SFI" makes SFI and yrkessvenska one code,
 * "sprakstod"; "språkpraktik" is praktik (a workplace insats). "Förberedande utbildning" is
 * utbildning; other "stödjande och förberedande insatser" are "forberedande". Arbetsplatsförlagt
 * lärande (APL) is part of the utbildning ("den arbetsplatsförlagda delen av utbildningen").
 */
import { ANSTALLNING_NAMES } from "./nacka";
import type { Vocabulary } from "./types";

export const JOBBSPAR_CATEGORY_CODES = [
  "introduktionsvecka",
  "utbildning",
  "praktik",
  "sprakstod",
  "studiebesok",
  "forberedande",
  "jobbcoach",
  "matchning",
  "uppfoljning",
  "anstallning",
] as const;
export type JobbsparCategory = (typeof JOBBSPAR_CATEGORY_CODES)[number];

export const JOBBSPAR_VOCABULARY: Vocabulary<JobbsparCategory> = {
  id: "JOBBSPAR",
  source:
    "Dua/SpårSam, Jobbspår i samverkan – modeller från steg 1: Tillgängliggöra och flexibelt " +
    "kombinera insatser; Koordinering av jobbspår (genomförande- och avslutningsfas)",
  categories: [
    {
      code: "introduktionsvecka",
      name: "Introduktionsvecka",
      names: [
        "\\bintroduktion(?!sjobb)\\w*",
        "\\bintro-?\\s*(vecka|dag)\\w*",
        "\\bintroduktion\\w*\\s+(vecka|dag)\\w*",
      ],
      keywords: [],
    },
    {
      code: "utbildning",
      name: "Utbildning",
      names: [
        "\\b(yrkes|grund|bransch|arbetsmarknads|vuxen|forberedande\\s+|yrkesinriktad\\w*\\s+)?utbildning(?!sanordnar|sleverantor)\\w*",
        "\\bforberedande\\s+kurs\\w*",
        "\\bkomvux\\w*",
        "\\barbetsplatsforlag(t|da)\\s+(larande|del\\w*)",
        "\\bapl\\b",
        "\\byrkeskurs\\w*",
      ],
      keywords: [
        "\\bkurs\\w*",
        "\\bmodul\\w*",
        "\\bantagning\\w*",
        "\\bstudieplan\\w*",
        "\\bcertifikat\\w*",
        "\\btruckkort\\w*",
      ],
    },
    {
      code: "praktik",
      name: "Praktik",
      names: ["\\b(arbets|yrkes|sprak)?praktik(?!underlag)\\w*"],
      keywords: [],
    },
    {
      code: "sprakstod",
      name: "Språkstöd (yrkessvenska, SFI)",
      names: [
        "\\bsprakstod\\w*",
        "\\byrkessvenska\\w*",
        "\\bsfi",
        "\\bsvenska\\s+for\\s+invandrare",
        "\\bsvenska\\s+som\\s+andrasprak\\w*",
        "\\bsprak(traning|kurs|utveckling|cafe)\\w*",
        "\\bsvenskundervisning\\w*",
        "\\b(kurs|undervisning|lektion)\\w*\\s+i\\s+svenska\\b",
      ],
      keywords: ["\\bsvenska\\b"],
    },
    {
      code: "studiebesok",
      name: "Studiebesök",
      names: ["\\bstudie-?\\s*besok\\w*", "\\b(foretags|arbetsplats|bransch)besok\\w*"],
      keywords: [],
    },
    {
      code: "forberedande",
      name: "Stödjande och förberedande insatser",
      names: [
        "\\b(stodjande|forberedande)\\s+(och\\s+(stodjande|forberedande)\\s+)?insats\\w*",
        "\\bforberedande\\b",
      ],
      keywords: [],
    },
    {
      code: "jobbcoach",
      name: "Jobbcoach",
      names: ["\\b(jobb)?coach\\w*"],
      keywords: [],
    },
    {
      code: "matchning",
      name: "Rekrytering, urval och matchning",
      names: [
        "\\bmatchning\\w*",
        "\\brekryter\\w*",
        "\\burval\\w*",
        "\\b(anstallnings|arbetsgivar)?intervju\\w*",
        "\\bjobbmass\\w*",
        "\\b(soka|hitta|leta|ordna)\\w*\\s+(\\w+\\s+)?praktik\\w*",
      ],
      keywords: [],
    },
    {
      code: "uppfoljning",
      name: "Uppföljning och avstämning",
      names: ["\\buppfoljning\\w*", "\\bavstamning\\w*", "\\btrepart\\w*"],
      keywords: [],
    },
    {
      code: "anstallning",
      name: "Anställning",
      names: ANSTALLNING_NAMES,
      keywords: ["\\banstallningsavtal\\w*"],
    },
  ],
};
