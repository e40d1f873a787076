/**
 * FAI1.TIMMAR, from the source's wording (3.2): "Kund ska kunna delta i verksamheten från
 * start minst 10 timmar i veckan som sedan utökas utifrån kunds förutsättningar."
 */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { FAI1_TIMMAR } from "./timmar";

const rule: Rule = FAI1_TIMMAR;
const karin = participant("F-101", "FAI1", "2024-03-04", "2024-06-03");
/** Four-hour arbetsprövning on each date. */
const work = (...dates: string[]) => dates.map((d) => activity("F-101", d, "arbetsprovning"));

describe("valid: 'från start minst 10 timmar i veckan'", () => {
  test.each([
    [
      "3 × 4 h = 12 h in v. 10 and v. 11",
      work(
        "2024-03-04",
        "2024-03-05",
        "2024-03-06",
        "2024-03-11",
        "2024-03-12",
        "2024-03-13",
        "2024-03-15",
      ),
    ],
    [
      "exactly 10 h (4 + 4 + 2)",
      [
        ...work("2024-03-04", "2024-03-05"),
        activity("F-101", "2024-03-08", "arbetsprovning", { hours: 2, end: 600 }),
      ],
    ],
  ])("%s", (_name, acts) => {
    expect(runRule(rule, karin, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test("8 h of arbetsprövning in the first full week is an error", () => {
    const acts = work("2024-03-04", "2024-03-05", "2024-03-11", "2024-03-12", "2024-03-13");
    const findings = runRule(rule, karin, acts);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "FAI1.TIMMAR",
        severity: "error",
        from: "2024-03-04",
        to: "2024-03-08",
        message: "Arbetsprövning v. 10 2024: 8 timmar. Krav: minst 10 timmar i veckan från start.",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("other FAI activities do not count as arbetsprövning", () => {
    const acts = [
      ...work("2024-03-04", "2024-03-05", "2024-03-11", "2024-03-12", "2024-03-15"),
      activity("F-101", "2024-03-06", "halsa"),
    ];
    expect(runRule(rule, karin, acts).map((f) => [f.severity, f.from, f.to])).toEqual([
      ["error", "2024-03-04", "2024-03-08"],
    ]);
  });

  test("12 h planned but one day missed, sjuk: a warning naming the absence", () => {
    const sick = activity("F-101", "2024-03-05", "arbetsprovning", {
      attendance: { status: "frånvarande", reason: "sjuk", certificate: null, reportedDate: null },
    });
    const findings = runRule(rule, karin, [
      ...work("2024-03-04", "2024-03-06", "2024-03-11", "2024-03-12", "2024-03-15"),
      sick,
    ]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "warning",
        "2024-03-04",
        "2024-03-08",
        "Arbetsprövning v. 10 2024: 12 timmar planerade, 8 genomförda. Krav: minst 10 timmar i veckan från start. Ej genomfört: sjuk 2024-03-05.",
      ],
    ]);
  });

  test("a partial first week (start on a Wednesday) is a warning", () => {
    const late = participant("F-102", "FAI1", "2024-03-06", "2024-06-05");
    const acts = [
      activity("F-102", "2024-03-06", "arbetsprovning"),
      ...["2024-03-11", "2024-03-12", "2024-03-13"].map((d) =>
        activity("F-102", d, "arbetsprovning"),
      ),
    ];
    expect(runRule(rule, late, acts).map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "warning",
        "2024-03-06",
        "2024-03-08",
        "Arbetsprövning v. 10 2024 (delvis vecka 2024-03-06 – 2024-03-08): 4 timmar. Krav: minst 10 timmar i veckan från start.",
      ],
    ]);
  });
});

describe("parameters", () => {
  test("Inställningar 'FAI1.TIMMAR.timmar | 8'", () => {
    const acts = work("2024-03-04", "2024-03-05", "2024-03-11", "2024-03-12");
    expect(runRule(rule, karin, acts, { parameters: { "FAI1.TIMMAR.timmar": 8 } })).toEqual([]);
  });
});
