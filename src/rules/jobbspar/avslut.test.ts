/**
 * JOBBSPAR.AVSLUT, from the source's wording (Avslutningsfas): "Säkerställer att deltagare
 * avslutas enligt plan. Om anställning; att eventuella lönesubventioner är beslutade, om
 * utbildning; att anmälan/ antagning/studieplan finns etc."
 */
import { event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { JOBBSPAR_AVSLUT } from "./avslut";

const rule: Rule = JOBBSPAR_AVSLUT;
const omar = participant("J-203", "JOBBSPAR", "2024-03-04", "2024-05-31");
const chain = [
  event("J-203", "2024-03-04", "insats", "Introduktionsvecka, 2024-03-04–2024-03-08"),
  event("J-203", "2024-03-11", "insats", "Praktik, 2024-03-11–2024-05-31"),
];
const IDAG = "2024-06-28";

describe("valid", () => {
  test.each([
    ["'Om anställning': Anställning med lönesubvention", "Anställning med lönesubvention", null],
    ["'om utbildning': antagning to Komvux", "Utbildning, antagen till Komvux HT 2024", null],
    ["'etc.': another outcome, written in Kommentar", null, "Flyttat från kommunen"],
  ])("%s", (_name, avser, comment) => {
    const avslut = { ...event("J-203", "2024-05-31", "avslut", avser), comment };
    expect(runRule(rule, omar, [], { events: [...chain, avslut], idag: IDAG })).toEqual([]);
  });

  test("a chain that has not ended yet is not judged", () => {
    expect(runRule(rule, omar, [], { events: chain, idag: "2024-05-31" })).toEqual([]);
  });
});

describe("invalid", () => {
  test("the example workbook's Omar: an Avslut row with Avser and Kommentar empty", () => {
    const avslut = event("J-203", "2024-05-31", "avslut");
    const findings = runRule(rule, omar, [], { events: [...chain, avslut], idag: IDAG });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "JOBBSPAR.AVSLUT",
        severity: "error",
        participantId: "J-203",
        from: "2024-05-31",
        to: "2024-05-31",
        message:
          "Jobbspåret avslutades 2024-05-31 men inget utfall är registrerat (anställning, utbildning eller annat): Avser och Kommentar på avslutsraden är tomma.",
      }),
    ]);
    expect(findings[0]?.refs).toEqual([avslut.refs[0], omar.refs[0]]);
  });

  test("no Avslut event at all", () => {
    const findings = runRule(rule, omar, [], { events: chain, idag: IDAG });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-05-31",
        "2024-05-31",
        "Jobbspåret avslutades 2024-05-31 men ingen avslutshändelse med utfall är registrerad (anställning, utbildning eller annat).",
      ],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});
