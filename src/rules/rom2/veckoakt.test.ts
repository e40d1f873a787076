/**
 * ROM2.VECKOAKT, from the source's wording: "de första sex (6) månaderna ska leverantören för
 * varje deltagare planera och tillhandahålla aktiviteter vid minst ett (1) tillfälle en gång i
 * veckan, minst en (1) timme per vecka" — "efterföljande sex (6) månader … minst två (2)
 * timmar per vecka".
 */
import type { Activity } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_VECKOAKT } from "./veckoakt";

const rule: Rule = ROM2_VECKOAKT;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-12-20");
/** "Eget arbete- praktiskt stöd: Skriva CV och personligt brev", `hours` long from 8.00. */
const cv = (date: string, hours = 4, extra: Partial<Activity> = {}) =>
  activity("R-001", date, 3, {
    start: 480,
    end: 480 + hours * 60,
    hours,
    mode: "eget arbete",
    text: "Eget arbete- praktiskt stöd: Skriva CV och personligt brev",
    ...extra,
  });
/** An individual meeting on the last planned day, which sets the planning horizon. */
const planTo = (date: string) => activity("R-001", date, 0);
const sick = {
  status: "frånvarande" as const,
  reason: "sjuk",
  certificate: null,
  reportedDate: null,
};

describe("valid", () => {
  test.each([
    [
      "'minst en (1) timme per vecka' in two full weeks",
      [cv("2024-03-05"), cv("2024-03-12", 1), planTo("2024-03-15")],
      "2024-03-04",
    ],
    [
      "'minst två (2) timmar per vecka' in month 7 (the week of Monday 2024-09-09)",
      [cv("2024-09-10", 1), cv("2024-09-12", 1), planTo("2024-09-13")],
      "2024-09-09",
    ],
  ])("%s", (_name, acts, weekFrom) => {
    const findings = runRule(rule, anna, acts).filter((f) => (f.from ?? "") >= weekFrom);
    expect(findings).toEqual([]);
  });
});

describe("invalid", () => {
  const table: [string, Activity[], [string, string, string, string][]][] = [
    [
      "0,5 h in a full week of month 1 is below 'minst en (1) timme per vecka'",
      [cv("2024-03-05"), cv("2024-03-12", 0.5), planTo("2024-03-15")],
      [
        [
          "error",
          "2024-03-11",
          "2024-03-15",
          "Vecka 11 2024: 0,5 h valbara aktiviteter. Krav: minst 1 h per vecka (månad 1–6).",
        ],
      ],
    ],
    [
      "a week with only the individual meeting has no 'tillfälle' of a valbar aktivitet",
      [cv("2024-03-05"), planTo("2024-03-15")],
      [
        [
          "error",
          "2024-03-11",
          "2024-03-15",
          "Vecka 11 2024: inga valbara aktiviteter. Krav: minst ett tillfälle och minst 1 h per vecka (månad 1–6).",
        ],
      ],
    ],
    [
      "planned but not held because the participant was sick: a warning naming the absence",
      [cv("2024-03-05"), cv("2024-03-12", 4, { attendance: sick }), planTo("2024-03-15")],
      [
        [
          "warning",
          "2024-03-11",
          "2024-03-15",
          "Vecka 11 2024: inga valbara aktiviteter. Krav: minst ett tillfälle och minst 1 h per vecka (månad 1–6). Planerad aktivitet hölls inte: sjuk 2024-03-12.",
        ],
      ],
    ],
  ];
  test.each(table)("%s", (_name, acts, expected) => {
    const findings = runRule(rule, anna, acts);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual(expected);
    for (const f of findings) expect(f.refs.length).toBeGreaterThan(0);
  });

  test("'efterföljande sex (6) månader … minst två (2) timmar': 1,5 h in month 7 is an error", () => {
    const p = participant("R-002", "ROM2", "2024-03-04", "2024-09-13");
    const acts = [
      activity("R-002", "2024-03-05", 3, { hours: 1 }),
      activity("R-002", "2024-09-10", 3, { start: 480, end: 570, hours: 1.5 }),
      activity("R-002", "2024-09-13", 0),
    ];
    const findings = runRule(rule, p, acts).filter((f) => f.from === "2024-09-09");
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "error",
        "Vecka 37 2024: 1,5 h valbara aktiviteter. Krav: minst 2 h per vecka (månad 7–12).",
      ],
    ]);
  });

  test("a partial week (slutdatum on a Wednesday) gives a warning, not an error", () => {
    const p = participant("R-003", "ROM2", "2024-03-04", "2024-03-13");
    const findings = runRule(rule, p, [
      activity("R-003", "2024-03-05", 3),
      activity("R-003", "2024-03-13", 0),
    ]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "warning",
        "2024-03-11",
        "2024-03-13",
        "Vecka 11 2024: inga valbara aktiviteter. Krav: minst ett tillfälle och minst 1 h per vecka (månad 1–6). Veckan ligger bara delvis inom perioden.",
      ],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters", () => {
  test("Inställningar 'ROM2.VECKOAKT.timmarFörsta | 0,5' lowers the first months' minimum", () => {
    const acts = [cv("2024-03-05"), cv("2024-03-12", 0.5), planTo("2024-03-15")];
    expect(runRule(rule, anna, acts)).toHaveLength(1);
    expect(
      runRule(rule, anna, acts, { parameters: { "ROM2.VECKOAKT.timmarFörsta": "0,5" } }),
    ).toEqual([]);
  });
});
