/**
 * FAI.OGILTIG, from the source's wording (2.3): "… förväntas anordnaren göra försök att nå
 * kunden samma dag eller senast nästa dag. Om anordnaren inte kan nå kunden, bör anordnaren
 * snarast informera den aktuella karriärvägledaren genom verksamhetssystemets
 * meddelandefunktion."
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { FAI_OGILTIG } from "./ogiltig";

const rule: Rule = FAI_OGILTIG;
const karin = participant("F-101", "FAI1", "2024-03-04", "2024-06-03");
const ogiltig = (date: string) =>
  activity("F-101", date, "arbetsprovning", {
    attendance: {
      status: "frånvarande",
      reason: "ogiltig frånvaro",
      certificate: null,
      reportedDate: null,
    },
  });
const IDAG = "2024-04-01";

describe("valid", () => {
  test.each([
    ["kunden nås samma dag", [event("F-101", "2024-03-12", "kontakt")]],
    ["kontaktförsök nästa dag, kunden nås", [event("F-101", "2024-03-13", "kontakt")]],
    [
      "försöket misslyckas och karriärvägledaren informeras",
      [
        event("F-101", "2024-03-12", "kontaktförsök"),
        event("F-101", "2024-03-13", "meddelat karriärvägledare"),
      ],
    ],
  ])("%s", (_name, events) => {
    expect(runRule(rule, karin, [ogiltig("2024-03-12")], { events, idag: IDAG })).toEqual([]);
  });
});

describe("invalid", () => {
  test("no contact attempt 'samma dag eller senast nästa dag'", () => {
    const missed = ogiltig("2024-03-12");
    const events = [event("F-101", "2024-03-15", "kontakt")];
    const findings = runRule(rule, karin, [missed], { events, idag: IDAG });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "FAI.OGILTIG",
        severity: "error",
        from: "2024-03-12",
        to: "2024-03-13",
        message:
          "Ogiltig frånvaro 2024-03-12: inget kontaktförsök samma dag eller senast 2024-03-13.",
      }),
    ]);
    expect(findings[0]?.refs).toEqual(missed.refs);
  });

  test("'Om anordnaren inte kan nå kunden': karriärvägledaren not informed", () => {
    const findings = runRule(rule, karin, [ogiltig("2024-03-12")], {
      events: [event("F-101", "2024-03-12", "kontaktförsök")],
      idag: IDAG,
    });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-03-12",
        "2024-03-13",
        "Ogiltig frånvaro 2024-03-12: kontaktförsöket 2024-03-12 nådde inte kunden, men karriärvägledaren informerades inte (senast 2024-03-13).",
      ],
    ]);
    expect(findings[0]?.refs.length).toBe(2);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'FAI.OGILTIG.dagar | 3'", () => {
    const events = [event("F-101", "2024-03-15", "kontakt")];
    expect(
      runRule(rule, karin, [ogiltig("2024-03-12")], {
        events,
        idag: IDAG,
        parameters: { "FAI.OGILTIG.dagar": 3 },
      }),
    ).toEqual([]);
  });

  test("the absence today: info with the deadline", () => {
    const findings = runRule(rule, karin, [ogiltig("2024-03-12")], { idag: "2024-03-12" });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["info", "Kontaktförsök efter ogiltig frånvaro 2024-03-12 senast 2024-03-13."],
    ]);
  });
});
