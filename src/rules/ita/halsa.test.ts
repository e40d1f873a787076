/** ITA.HALSA, from the source's wording (2): "Del 1-3: Veckovis hälsa och friskvårdsaktiviteter". */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ITA_HALSA } from "./halsa";

const rule: Rule = ITA_HALSA;
const p = participant("I-1", "ITA", "2024-03-04", "2024-06-28");
const halsa = (date: string) => activity("I-1", date, "halsa");
const other = (date: string) => activity("I-1", date, "vagledning");

describe("valid: 'Veckovis hälsa och friskvårdsaktiviteter'", () => {
  test.each([
    ["one a week", [halsa("2024-03-05"), halsa("2024-03-13"), other("2024-03-15")]],
    [
      "a partial last week without one is not judged",
      [halsa("2024-03-05"), halsa("2024-03-13"), other("2024-03-18")],
    ],
  ])("%s", (_name, acts) => {
    expect(runRule(rule, p, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test("a full week without hälsa/friskvård", () => {
    const findings = runRule(rule, p, [
      halsa("2024-03-05"),
      other("2024-03-13"),
      other("2024-03-15"),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "ITA.HALSA",
        severity: "error",
        from: "2024-03-11",
        to: "2024-03-15",
        message:
          "Ingen hälso- och friskvårdsaktivitet v. 11 2024 (2024-03-11 – 2024-03-15). Krav: veckovis hälsa och friskvårdsaktiviteter i del 1–3.",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("the week's only hälsa activity missed, sjuk: warning", () => {
    const sick = activity("I-1", "2024-03-13", "halsa", {
      attendance: { status: "frånvarande", reason: "sjuk", certificate: null, reportedDate: null },
    });
    const findings = runRule(rule, p, [halsa("2024-03-05"), sick, other("2024-03-15")]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "Ingen hälso- och friskvårdsaktivitet v. 11 2024 (2024-03-11 – 2024-03-15). Krav: veckovis hälsa och friskvårdsaktiviteter i del 1–3. Planerad aktivitet hölls inte: sjuk 2024-03-13.",
      ],
    ]);
  });
});
