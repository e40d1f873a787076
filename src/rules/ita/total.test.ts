/**
 * ITA.TOTAL, from the source's wording (1): "Om man räknar maximal tid endast i del 2 och del 3
 * (endast en arbetsprövning) blir det 48 veckor" and "maximal tid i tjänsten kan uppgå till 56
 * veckor totalt".
 */
import type { IsoDate } from "../../domain/date";
import { participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ITA_TOTAL } from "./total";

const rule: Rule = ITA_TOTAL;
/** Del 1 from 2024-01-01 for 8 weeks, del 2 from 2024-02-26, del 3 from 2024-08-26. */
const ita = (end: string) => ({
  ...participant("I-1", "ITA", "2024-01-01", end),
  itaDelar: {
    del1: "2024-01-01" as IsoDate,
    del2: "2024-02-26" as IsoDate,
    del3: "2024-08-26" as IsoDate,
  },
});

describe("valid", () => {
  test.each([
    ["56 weeks in all, 48 in del 2 and 3", "2025-01-26"],
    ["a shorter period", "2024-10-31"],
  ])("%s", (_name, end) => {
    expect(runRule(rule, ita(end), [])).toEqual([]);
  });
});

describe("invalid", () => {
  test("one week past both 48 and 56 weeks", () => {
    const p = ita("2025-02-02");
    const findings = runRule(rule, p, []);
    expect(findings.map((f) => [f.ruleId, f.severity, f.from, f.to, f.message])).toEqual([
      [
        "ITA.TOTAL",
        "error",
        "2025-01-27",
        "2025-02-02",
        "Del 2 och 3 2024-02-26 – 2025-02-02 är 343 dagar. Krav: högst 48 veckor (till och med 2025-01-26).",
      ],
      [
        "ITA.TOTAL",
        "error",
        "2025-01-27",
        "2025-02-02",
        "Hela tjänsten 2024-01-01 – 2025-02-02 är 399 dagar. Krav: högst 56 veckor (till och med 2025-01-26).",
      ],
    ]);
    expect(findings[0]?.refs).toEqual(p.refs);
  });
});

describe("parameters", () => {
  test("Inställningar 'ITA.TOTAL.del23Veckor | 50' and 'ITA.TOTAL.totalVeckor | 58'", () => {
    expect(
      runRule(rule, ita("2025-02-02"), [], {
        parameters: { "ITA.TOTAL.del23Veckor": 50, "ITA.TOTAL.totalVeckor": 58 },
      }),
    ).toEqual([]);
  });
});
