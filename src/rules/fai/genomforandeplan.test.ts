/**
 * FAI.GENOMFORANDEPLAN, from the source's wording (2.1): "… i avvaktan att genomförandeplan
 * upprättas inom 14 dagar. Kund förväntas kunna påbörja sin insats i princip dagen efter
 * upptartsmötet."
 */
import { event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { FAI_GENOMFORANDEPLAN } from "./genomforandeplan";

const rule: Rule = FAI_GENOMFORANDEPLAN;
const karin = participant("F-101", "FAI1", "2024-03-04", "2024-06-03");
const uppstart = event("F-101", "2024-03-01", "uppstartsmöte");

describe("valid: 'genomförandeplan upprättas inom 14 dagar'", () => {
  test.each([
    [
      "plan on day 14 after the uppstartsmöte",
      [uppstart, event("F-101", "2024-03-15", "genomförandeplan")],
    ],
    ["plan after a week", [uppstart, event("F-101", "2024-03-08", "genomförandeplan")]],
    [
      "no uppstartsmöte: 14 days from the day before startdatum",
      [event("F-101", "2024-03-17", "genomförandeplan")],
    ],
  ])("%s", (_name, events) => {
    expect(runRule(rule, karin, [], { events, idag: "2024-04-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test("plan on 2024-03-20, five days late", () => {
    const plan = event("F-101", "2024-03-20", "genomförandeplan");
    const findings = runRule(rule, karin, [], { events: [uppstart, plan], idag: "2024-04-01" });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "FAI.GENOMFORANDEPLAN",
        severity: "error",
        from: "2024-03-16",
        to: "2024-03-20",
        message:
          "Genomförandeplanen upprättades 2024-03-20, 5 dagar för sent: senast 2024-03-15 (14 dagar efter uppstartsmötet 2024-03-01).",
      }),
    ]);
    expect(findings[0]?.refs).toEqual([plan.refs[0], uppstart.refs[0]]);
  });

  test("no plan at all once the deadline has passed", () => {
    const findings = runRule(rule, karin, [], { events: [uppstart], idag: "2024-03-18" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-03-16",
        "2024-03-18",
        "Ingen genomförandeplan: senast 2024-03-15 (14 dagar efter uppstartsmötet 2024-03-01).",
      ],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'FAI.GENOMFORANDEPLAN.dagar | 21'", () => {
    const events = [uppstart, event("F-101", "2024-03-20", "genomförandeplan")];
    expect(
      runRule(rule, karin, [], {
        events,
        idag: "2024-04-01",
        parameters: { "FAI.GENOMFORANDEPLAN.dagar": 21 },
      }),
    ).toEqual([]);
  });

  test("deadline within three days and no plan yet: info", () => {
    const findings = runRule(rule, karin, [], { events: [uppstart], idag: "2024-03-13" });
    expect(findings.map((f) => [f.severity, f.to, f.message])).toEqual([
      ["info", "2024-03-15", "Genomförandeplanen ska upprättas senast 2024-03-15."],
    ]);
  });
});
