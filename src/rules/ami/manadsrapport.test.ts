/**
 * AMI.MANADSRAPPORT, from the source's wording (003 6.4): "Rapportering sker varje månad som en
 * kund är aktuell i en insats." "Datum för månadsrapportering: - 1:a-7:e klarmarkeras
 * månadsrapport i systemet".
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_MANADSRAPPORT } from "./manadsrapport";

const rule: Rule = AMI_MANADSRAPPORT;
const kund = participant("N-001", "JPG", "2024-03-11", "2024-05-31");
const plan = [activity("N-001", "2024-03-11", "mote"), activity("N-001", "2024-05-31", "mote")];
const klar = (date: string, avser: string | null) =>
  event("N-001", date, "månadsrapport klar", avser);

describe("valid: '1:a-7:e klarmarkeras månadsrapport i systemet'", () => {
  test.each([
    [
      "each month klarmarkerad between the 1st and the 7th",
      [
        klar("2024-04-03", "2024-03"),
        klar("2024-05-07", "april 2024"),
        klar("2024-06-05", "2024-05"),
      ],
    ],
    [
      "the 7th on a Sunday (2024-04-07) is still in time; without Avser the month before",
      [klar("2024-04-07", null), klar("2024-05-02", null), klar("2024-06-01", null)],
    ],
  ])("%s", (_name, events) => {
    expect(runRule(rule, kund, plan, { events, idag: "2024-07-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "klarmarkerad the 9th",
      [klar("2024-04-03", "2024-03"), klar("2024-05-09", "2024-04"), klar("2024-06-05", "2024-05")],
      "error",
      "2024-05-09",
      "2024-05-09",
      "Månadsrapporten för 2024-04 klarmarkerades 2024-05-09, 2 dagar efter fristen 2024-05-07 (1:a–7:e).",
    ],
    [
      "the month of startdatum has no report ('varje månad som en kund är aktuell')",
      [klar("2024-05-07", "2024-04"), klar("2024-06-05", "2024-05")],
      "error",
      "2024-03-11",
      "2024-03-31",
      "Månadsrapporten för 2024-03 är inte klarmarkerad; fristen var 2024-04-07.",
    ],
  ])("%s", (_name, events, severity, from, to, message) => {
    const findings = runRule(rule, kund, plan, { events, idag: "2024-07-01" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [severity, from, to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
    expect(findings[0]?.source).toBe("Nacka kundvalsrutiner 2023, 6.4 Månadsrapport");
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.MANADSRAPPORT.dag | 10' moves the deadline", () => {
    const events = [
      klar("2024-04-03", "2024-03"),
      klar("2024-05-09", "2024-04"),
      klar("2024-06-05", "2024-05"),
    ];
    expect(
      runRule(rule, kund, plan, {
        events,
        idag: "2024-07-01",
        parameters: { "AMI.MANADSRAPPORT.dag": 10 },
      }),
    ).toEqual([]);
  });

  test("the deadline within three days is an info naming the date", () => {
    const findings = runRule(rule, kund, plan, {
      events: [klar("2024-04-03", "2024-03")],
      idag: "2024-05-05",
    });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-05-05",
        "2024-05-07",
        "Månadsrapporten för 2024-04 ska klarmarkeras senast 2024-05-07.",
      ],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});
