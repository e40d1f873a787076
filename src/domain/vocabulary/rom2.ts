/**
 * Rusta och matcha 2, 4.1.1 Obligatoriskt stöd (seed 000): the individual meeting (0) and the
 * eight valbara aktiviteter (1–8). Names are the source's headings; the patterns accept the
 * spellings of the source's own example schedules ("Stöd för att höja digital kompetens",
 * "Stöd för att höja deltagaren språkkunskaper", "praktiskt stöd" in lower case, missing
 * spaces around dashes) and the keywords come from the source's "Exempel på eget arbete /
 * valbar aktivitet" lists.
 */
import type { Vocabulary } from "./types";

export type Rom2Category = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export const ROM2_VOCABULARY: Vocabulary<Rom2Category> = {
  id: "ROM2",
  source: "Rusta och matcha 2, 4.1.1 Obligatoriskt stöd",
  categories: [
    {
      code: 0,
      name: "Individuellt möte",
      names: [
        "\\bindividuell\\w*\\s*-?\\s*mote",
        "\\benskil\\w*\\s+(individuell\\w*\\s+)?mote",
        "\\bindividuell\\w*\\s+samtal",
        "\\bind\\.?\\s+mote",
      ],
      keywords: [],
    },
    {
      code: 1,
      name: "Motivationshöjande samtal",
      names: [
        "\\bmotivations?\\s*-?\\s*hojande",
        "\\bmotiverande\\s+samtal",
        "\\bmotivationssamtal",
      ],
      keywords: ["\\bmotivation"],
    },
    {
      code: 2,
      name: "Vägledning mot arbete eller utbildning",
      names: ["\\bvagledning", "\\byrkesvagledning", "\\bstudie-?\\s*och\\s+yrkesvagledning"],
      keywords: [
        "\\byrkesbarometer",
        "\\byrkesval",
        "\\bstudieval",
        "\\butbildningsval",
        "\\bsjalvkannedom",
      ],
    },
    {
      code: 3,
      name: "Praktiskt stöd",
      names: ["\\bpraktisk\\w*\\s*-?\\s*stod"],
      keywords: [
        "\\bcv\\b",
        "\\bpersonligt\\s+brev",
        "\\bansokningshandling",
        "\\bintervjutraning",
        "\\banstallningsintervju",
        "\\blinkedin",
        "\\bsoka\\s+(jobb|arbete|tjanst)",
        "\\bjobbsok",
        "\\bmarknadsfor",
      ],
    },
    {
      code: 4,
      name: "Information om arbetsmarknaden",
      names: [
        "\\binfo(rmation)?\\.?\\s+om\\s+arbetsmarknad",
        "\\barbetsmarknadsinfo",
        "\\barbetsmarknadskunskap",
        "\\barbetsmarknadsorientering",
      ],
      keywords: ["\\bwebbsandning", "\\byrkesomrade", "\\blediga\\s+jobb", "\\bbristyrke"],
    },
    {
      code: 5,
      name: "Kontakter med arbetsgivare eller andra relevanta aktörer",
      names: [
        "\\bkontakt\\w*\\s+med\\s+(arbetsgivar|relevanta\\s+aktor|andra\\s+aktor)",
        "\\barbetsgivarkontakt",
        "\\bstudiebesok",
        "\\barbetsplatsbesok",
        "\\brekryterings(event|traff|mass)",
        "\\bmentorskap",
      ],
      keywords: [
        "\\bkontakta\\s+arbetsgivar",
        "\\brekryteringsbehov",
        "\\bforetagsbesok",
        "\\barbetsgivar",
      ],
    },
    {
      code: 6,
      name: "Kost och hälsa",
      names: ["\\bkost\\s*(och|&|\\+)\\s*halsa", "\\bhalsa\\b", "\\bkost\\b", "\\bfriskvard"],
      keywords: ["\\bsomn\\b", "\\bkostrad", "\\bhalso"],
    },
    {
      code: 7,
      name: "Stöd för att stärka deltagarens digitala kompetens",
      names: ["\\bdigital\\w*\\s+(kompetens|verktyg|kunskap|fardighet)", "\\bdigital\\w*\\s+stod"],
      keywords: [
        "\\bdigital",
        "\\bdator",
        "\\bdatasakerhet",
        "\\be-?post\\b",
        "\\bmaila",
        "\\bskype",
        "\\bword\\b",
        "\\bexcel\\b",
      ],
    },
    {
      code: 8,
      name: "Stöd för att stärka deltagarens språkkunskaper",
      names: ["\\bsprak\\w*\\s*(kunskap|traning|stod|utveckling|kurs)", "\\bspraket\\b"],
      keywords: ["\\bsvenska\\b", "\\bordbok", "\\boversattning", "\\bsvenskan\\b"],
    },
  ],
};
