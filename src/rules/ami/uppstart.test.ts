/**
 * AMI.UPPSTART, from the source's wording (003 2.2): "I samband med uppdraget Förstärkt
 * Jobbpeng bokas ett initialt uppstartsmöte inom de tre första månaderna från uppdragets
 * beslutsdatum, med syfte att klargöra uppdraget och förväntningar."
 */
import type { IsoDate } from "../../domain/date";
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_UPPSTART } from "./uppstart";

const rule: Rule = AMI_UPPSTART;
const kund = {
  ...participant("N-015", "JPF", "2024-03-11", "2024-12-31"),
  beslutsdatum: "2024-03-04" as IsoDate,
};
const plan = [activity("N-015", "2024-03-11", "mote", { text: "Kundmöte" })];

describe("valid: 'inom de tre första månaderna från uppdragets beslutsdatum'", () => {
  test.each([
    [
      "an uppstartsmöte event in the first month",
      plan,
      [event("N-015", "2024-03-20", "uppstartsmöte")],
    ],
    [
      "a scheduled 'Uppstartsmöte med KV' on the last day",
      [...plan, activity("N-015", "2024-06-04", "mote", { text: "Uppstartsmöte med KV" })],
      [],
    ],
  ])("%s", (_name, acts, events) => {
    expect(runRule(rule, kund, acts, { events, idag: "2024-08-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "held after four months",
      [event("N-015", "2024-07-02", "uppstartsmöte")],
      "2024-07-02",
      "Uppstartsmötet hölls 2024-07-02; fristen var 2024-06-04 (3 mån. från beslutsdatum 2024-03-04).",
    ],
    [
      "never held",
      [],
      "2024-06-04",
      "Inget uppstartsmöte; fristen var 2024-06-04 (3 mån. från beslutsdatum 2024-03-04).",
    ],
  ])("%s", (_name, events, to, message) => {
    const findings = runRule(rule, kund, plan, { events, idag: "2024-08-01" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", "2024-03-04", to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.UPPSTART.månader | 4'", () => {
    expect(
      runRule(rule, kund, plan, {
        events: [event("N-015", "2024-07-02", "uppstartsmöte")],
        idag: "2024-08-01",
        parameters: { "AMI.UPPSTART.månader": 4 },
      }),
    ).toEqual([]);
  });

  test("the deadline within three days is an info", () => {
    const findings = runRule(rule, kund, plan, { idag: "2024-06-01" });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["info", "Uppstartsmöte senast 2024-06-04 (3 mån. från beslutsdatum 2024-03-04)."],
    ]);
  });
});
