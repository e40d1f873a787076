/**
 * ITA.DEL1, from the source's wording (1 Anvisningstid i tjänsten): "Behov av minst 2 och
 * maximalt 8 veckor för kartläggning har identifierats".
 */
import type { IsoDate } from "../../domain/date";
import { participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ITA_DEL1 } from "./del1";

const rule: Rule = ITA_DEL1;
const ita = (del2: string | null, end: string | null = "2024-12-31") => ({
  ...participant("I-1", "ITA", "2024-03-04", end),
  itaDelar: { del1: "2024-03-04" as IsoDate, del2: del2 as IsoDate | null, del3: null },
});

describe("valid: 'minst 2 och maximalt 8 veckor för kartläggning'", () => {
  test.each([
    ["exactly 2 weeks", ita("2024-03-18")],
    ["exactly 8 weeks", ita("2024-04-29")],
    ["5 weeks", ita("2024-04-08")],
  ])("%s", (_name, p) => {
    expect(runRule(rule, p, [], { idag: "2024-06-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test("del 1 of 10 days", () => {
    const p = ita("2024-03-14");
    const findings = runRule(rule, p, [], { idag: "2024-06-01" });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "ITA.DEL1",
        severity: "error",
        from: "2024-03-04",
        to: "2024-03-13",
        message:
          "Del 1 (kartläggning) 2024-03-04 – 2024-03-13 är 10 dagar (1,4 veckor). Krav: minst 2 veckor.",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("del 1 of 9 weeks", () => {
    const findings = runRule(rule, ita("2024-05-06"), [], { idag: "2024-06-01" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-04-29",
        "2024-05-05",
        "Del 1 (kartläggning) 2024-03-04 – 2024-05-05 är 63 dagar (9 veckor). Krav: högst 8 veckor (till och med 2024-04-28).",
      ],
    ]);
  });

  test("no del 2 registered after 8 weeks", () => {
    const findings = runRule(rule, ita(null), [], { idag: "2024-05-02" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-04-29",
        "2024-05-02",
        "Del 1 (kartläggning) från 2024-03-04 pågår fortfarande 2024-05-02, ingen del 2 registrerad. Krav: högst 8 veckor (till och med 2024-04-28).",
      ],
    ]);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'ITA.DEL1.maxVeckor | 10'", () => {
    expect(
      runRule(rule, ita("2024-05-06"), [], {
        idag: "2024-06-01",
        parameters: { "ITA.DEL1.maxVeckor": 10 },
      }),
    ).toEqual([]);
  });

  test("the 8 weeks end within three days: info", () => {
    const findings = runRule(rule, ita(null), [], { idag: "2024-04-26" });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["info", "Del 1 (kartläggning) får pågå till och med 2024-04-28; nästa del behöver anvisas."],
    ]);
  });
});
