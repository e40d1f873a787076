/**
 * FAI2.UPPTRAPPNING, from the source's wording (4.4): "… kan under de första tre månaderna
 * successivt öka sin närvaro i verksamhetens aktiviteter. De ska efter den perioden kunna
 * komma upp i minst tio timmar per vecka." and "… under de tre sista månaderna av insatsen
 * kunna delta i verksamhetens aktiviteter på plats i minst 10 timmar per vecka".
 */
import type { Activity } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { FAI2_UPPTRAPPNING } from "./upptrappning";

const rule: Rule = FAI2_UPPTRAPPNING;
const year = participant("F-201", "FAI2", "2024-01-01", "2024-12-31");
const half = participant("F-202", "FAI2", "2024-01-01", "2024-06-30");
/** `hours` on a Friday (so the week is fully planned), in the given mode. */
const friday = (
  id: string,
  date: string,
  hours: number,
  mode: Activity["mode"] = "hos leverantör",
) => activity(id, date, "halsa", { hours, start: 480, end: 480 + hours * 60, mode });

describe("valid", () => {
  test.each([
    [
      "months 1–3: 'successivt öka' 2, 4, 4, 6 h",
      year,
      [
        friday("F-201", "2024-01-05", 2),
        friday("F-201", "2024-01-12", 4),
        friday("F-201", "2024-01-19", 4),
        friday("F-201", "2024-01-26", 6),
      ],
    ],
    [
      "a single dip is allowed: 6, 4, 6, 4 h",
      year,
      [
        friday("F-201", "2024-01-05", 6),
        friday("F-201", "2024-01-12", 4),
        friday("F-201", "2024-01-19", 6),
        friday("F-201", "2024-01-26", 4),
      ],
    ],
    ["month 4 and the last three months: 12 h på plats", half, [friday("F-202", "2024-04-05", 12)]],
  ])("%s", (_name, p, acts) => {
    expect(runRule(rule, p, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test("months 1–3: hours fall three weeks in a row (8, 6, 4, 2 h)", () => {
    const acts = [8, 6, 4, 2].map((h, i) =>
      friday("F-201", `2024-01-${String(5 + 7 * i).padStart(2, "0")}`, h),
    );
    const findings = runRule(rule, year, acts);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "FAI2.UPPTRAPPNING",
        severity: "warning",
        from: "2024-01-01",
        to: "2024-01-26",
        message:
          "Tiden minskar tre veckor i rad under upptrappningen: v. 1 2024 8 h, v. 2 2024 6 h, v. 3 2024 4 h, v. 4 2024 2 h. Krav: successivt öka närvaron de första 3 månaderna.",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("month 4: 8 h is below 'minst tio timmar per vecka'", () => {
    const findings = runRule(rule, half, [friday("F-202", "2024-04-05", 8)]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-04-01",
        "2024-04-05",
        "v. 14 2024: 8 timmar. Krav: minst 10 timmar i veckan från månad 4.",
      ],
      [
        "error",
        "2024-04-01",
        "2024-04-05",
        "v. 14 2024: 8 timmar på plats. Krav: minst 10 timmar i veckan på plats de 3 sista månaderna.",
      ],
    ]);
  });

  test("the last three months: 12 h, but as eget arbete, not 'på plats'", () => {
    const findings = runRule(rule, half, [friday("F-202", "2024-04-05", 12, "eget arbete")]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-04-01",
        "2024-04-05",
        "v. 14 2024: 0 timmar på plats. Krav: minst 10 timmar i veckan på plats de 3 sista månaderna.",
      ],
    ]);
  });
});

describe("parameters", () => {
  test("Inställningar 'FAI2.UPPTRAPPNING.timmar | 8'", () => {
    const findings = runRule(rule, half, [friday("F-202", "2024-04-05", 8)], {
      parameters: { "FAI2.UPPTRAPPNING.timmar": 8 },
    });
    expect(findings).toEqual([]);
  });
});
