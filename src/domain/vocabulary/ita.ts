/**
 * Introduktion till arbete (ITA), seed 002 "Introduktion till arbete 2018: Fokusområden för
 * uppföljning", 2 Obligatoriska aktiviteter ("Del 1-3: Veckovis hälsa och friskvårdsaktiviteter
 * / Del 2: Vägledningsinformation om arbetsmarknad och studier, Studiebesök, Identifiera yrke
 * och arbetsprövningsplats / Del 3: Arbetsprövning"), with 1 (kartläggning, del 1), 5
 * (uppföljningssamtal) and 7 (bearbetande insatser).
 *
 * Which rule uses which code (regelkatalog.md):
 * - ITA.HALSA: "halsa".
 * - ITA.DEL2OBL: "vagledning", "studiebesok", "identifiera_yrke".
 * - ITA.DEL3: "arbetsprovning".
 * - ITA.DEL1, ITA.TOTAL, ITA.ANVISNING: none (part dates come from the register); "kartlaggning"
 *   is del 1's content and is recognised for reports.
 * - ITA.PROGRESSION: every code (hours per week).
 * - No rule: "uppfoljning", "bearbetande".
 *
 * Tolkning: the source writes "Vägledningsinformation om arbetsmarknad och studier" as one item;
 * it is read as one category covering vägledning and information about the labour market and
 * studies ("Studie- och yrkesvägledning", "Information om arbetsmarknaden"). "Identifiera yrke
 * och arbetsprövningsplats" is one category: looking for a trade or a place ("Söka
 * arbetsprövningsplats") belongs to it, while a text that only names the place ("Arbetsprövning
 * på Coop", "Arbetsprövningsplats Coop") is arbetsprövning itself. The source gives no examples
 * of hälsa och friskvård; the keywords (promenad, motion, yoga …) are ours.
 */
import type { Vocabulary } from "./types";

export const ITA_CATEGORY_CODES = [
  "kartlaggning",
  "halsa",
  "vagledning",
  "studiebesok",
  "identifiera_yrke",
  "arbetsprovning",
  "uppfoljning",
  "bearbetande",
] as const;
export type ItaCategory = (typeof ITA_CATEGORY_CODES)[number];

export const ITA_VOCABULARY: Vocabulary<ItaCategory> = {
  id: "ITA",
  source:
    "Arbetsförmedlingen, Introduktion till arbete 2018: Fokusområden för uppföljning, " +
    "2 Obligatoriska aktiviteter (with 1 Anvisningstid, 5, 7)",
  categories: [
    {
      code: "kartlaggning",
      name: "Kartläggning",
      names: ["\\bkartlagg\\w*"],
      keywords: ["\\bbehovsinventering\\w*", "\\bkompetensinventering\\w*"],
    },
    {
      code: "halsa",
      name: "Hälsa och friskvårdsaktiviteter",
      names: ["\\bhalsa(n)?\\b", "\\bhalso\\w*", "\\bfriskvard\\w*"],
      keywords: [
        "\\bpromenad\\w*",
        "\\bmotion\\w*",
        "\\byoga\\b",
        "\\bgym\\b",
        "\\bstavgang\\w*",
        "\\bsimning\\b",
        "\\bsimhall\\w*",
        "\\btraningspass\\w*",
        "\\bfysisk\\w*\\s+aktivitet\\w*",
        "\\bstresshantering\\w*",
        "\\bavslappning\\w*",
        "\\bmindfulness\\b",
        "\\bkost\\b",
        "\\bsomn\\b",
      ],
    },
    {
      code: "vagledning",
      name: "Vägledning/information om arbetsmarknad och studier",
      names: [
        "\\b(studie-?\\s*(och|&)\\s*yrkes|studie|yrkes|karriar)?vagledning\\w*",
        "\\bsyv\\b",
        "\\binfo(rmation)?\\.?\\s+om\\s+(arbetsmarknad|studie|utbildning|yrke)\\w*",
        "\\b(arbetsmarknads|studie|yrkes)info\\w*",
        "\\barbetsmarknadskunskap\\w*",
        "\\barbetsmarknadsorientering\\w*",
      ],
      keywords: [
        "\\bbristyrke\\w*",
        "\\byrkesbarometer\\w*",
        "\\blediga\\s+jobb\\b",
        "\\bplatsbanken",
        "\\bkomvux\\w*",
        "\\bvuxenutbildning\\w*",
        "\\b(studie|utbildnings)val\\w*",
        "\\barbetsmarknad\\w*",
      ],
    },
    {
      code: "studiebesok",
      name: "Studiebesök",
      names: [
        "\\bstudie-?\\s*besok\\w*",
        "\\b(foretags|arbetsplats)besok\\w*",
        "\\bbesok\\s+(pa|hos|vid)\\s+(en\\s+)?(arbetsplats|foretag|arbetsgivar)\\w*",
      ],
      keywords: [],
    },
    {
      code: "identifiera_yrke",
      name: "Identifiera yrke och arbetsprövningsplats",
      names: [
        "\\bidentifiera\\w*\\s+(\\w+\\s+)?(yrke|yrken|yrkesomrade\\w*|arbetsprovningsplats\\w*)\\b",
        "\\b(hitta|soka|leta|valja|ta\\s+fram)\\w*\\s+(\\w+\\s+)?(yrke|yrken|yrkesomrade\\w*|arbetsprovningsplats\\w*)\\b",
        "\\byrkesidentifiering\\w*",
        "\\byrkesval\\w*",
        "\\bmatchning\\w*\\s+(mot|till)\\s+(\\w+\\s+)?(yrke|arbetsprovning)\\w*",
      ],
      keywords: ["\\byrkestest\\w*", "\\bintressetest\\w*", "\\byrkesintresse\\w*"],
    },
    {
      code: "arbetsprovning",
      name: "Arbetsprövning",
      names: ["\\barbetsprov(ning|a|ar)\\w*"],
      keywords: [],
    },
    {
      code: "uppfoljning",
      name: "Uppföljningssamtal",
      names: ["\\buppfoljning\\w*", "\\bavstamning\\w*", "\\btrepart\\w*"],
      keywords: [],
    },
    {
      code: "bearbetande",
      name: "Bearbetande insatser",
      names: ["\\bbearbetande\\w*"],
      keywords: [],
    },
  ],
};
