/**
 * ITA.ANVISNING, from the source's wording (1): "Övergång från en del av tjänsten till en
 * annan kräver dock nytt anvisningsbeslut och varje anvisningsperiod räknas separat och kan
 * vara maximalt 6 månader lång."
 */
import type { IsoDate } from "../../domain/date";
import { event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ITA_ANVISNING } from "./anvisning";

const rule: Rule = ITA_ANVISNING;
const p = (end: string) => ({
  ...participant("I-1", "ITA", "2024-01-08", end),
  itaDelar: {
    del1: "2024-01-08" as IsoDate,
    del2: "2024-02-19" as IsoDate,
    del3: "2024-08-05" as IsoDate,
  },
});
const anvisning = (date: string) => event("I-1", date, "anvisning");
const both = [anvisning("2024-02-15"), anvisning("2024-08-01")];

describe("valid", () => {
  test.each([
    ["an anvisning before each part change, del 3 under 6 months", both, "2024-12-20"],
    ["del 3 renewed after 6 months", [...both, anvisning("2025-01-20")], "2025-05-30"],
  ])("%s", (_name, events, end) => {
    expect(runRule(rule, p(end), [], { events })).toEqual([]);
  });
});

describe("invalid", () => {
  test("no 'nytt anvisningsbeslut' for the change to del 3", () => {
    const person = p("2024-12-20");
    const findings = runRule(rule, person, [], { events: [anvisning("2024-02-15")] });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "ITA.ANVISNING",
        severity: "error",
        from: "2024-08-05",
        to: "2024-08-05",
        message:
          "Inget anvisningsbeslut vid övergången till del 3 2024-08-05. Krav: övergång från en del till en annan kräver nytt anvisningsbeslut.",
      }),
    ]);
    expect(findings[0]?.refs).toEqual(person.refs);
  });

  test("del 3 anvisning period longer than 'maximalt 6 månader'", () => {
    const findings = runRule(rule, p("2025-03-14"), [], { events: both });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2025-02-05",
        "2025-03-14",
        "Anvisningsperioden 2024-08-05 – 2025-03-14 är längre än 6 månader (högst till och med 2025-02-04).",
      ],
    ]);
  });
});

describe("parameters", () => {
  test("Inställningar 'ITA.ANVISNING.månader | 8'", () => {
    expect(
      runRule(rule, p("2025-03-14"), [], {
        events: both,
        parameters: { "ITA.ANVISNING.månader": 8 },
      }),
    ).toEqual([]);
  });
});
