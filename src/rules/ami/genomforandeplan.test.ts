/**
 * AMI.GENOMFORANDEPLAN, from the source's wording (003 6.3.1): "Den första genomförandeplanen
 * ska inkomma inom en månad från uppdragets beslutsdatum."
 */
import type { IsoDate } from "../../domain/date";
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_GENOMFORANDEPLAN } from "./genomforandeplan";

const rule: Rule = AMI_GENOMFORANDEPLAN;
const kund = {
  ...participant("N-007", "JPG", "2024-03-11", "2024-09-30"),
  beslutsdatum: "2024-03-04" as IsoDate,
};
const plan = [activity("N-007", "2024-03-11", "mote")];
const gp = (date: string) => event("N-007", date, "genomförandeplan");

describe("valid: 'inom en månad från uppdragets beslutsdatum'", () => {
  test.each([
    ["in on 2024-03-28", [gp("2024-03-28")]],
    ["in on the last day, 2024-04-04", [gp("2024-04-04")]],
  ])("%s", (_name, events) => {
    expect(runRule(rule, kund, plan, { events, idag: "2024-05-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "in on 2024-04-08",
      [gp("2024-04-08")],
      "2024-03-04",
      "2024-04-08",
      "Genomförandeplanen inkom 2024-04-08, 4 dagar efter fristen 2024-04-04 (1 mån. från beslutsdatum 2024-03-04).",
    ],
    [
      "missing after the deadline",
      [],
      "2024-03-04",
      "2024-04-04",
      "Genomförandeplan saknas; fristen var 2024-04-04 (1 mån. från beslutsdatum 2024-03-04).",
    ],
  ])("%s", (_name, events, from, to, message) => {
    const findings = runRule(rule, kund, plan, { events, idag: "2024-05-01" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", from, to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and info", () => {
  test("Inställningar 'AMI.GENOMFORANDEPLAN.månader | 2'", () => {
    expect(
      runRule(rule, kund, plan, {
        events: [gp("2024-04-08")],
        idag: "2024-05-01",
        parameters: { "AMI.GENOMFORANDEPLAN.månader": 2 },
      }),
    ).toEqual([]);
  });

  test("missing before the deadline is an info naming it", () => {
    const findings = runRule(rule, kund, plan, { idag: "2024-03-20" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-03-20",
        "2024-04-04",
        "Genomförandeplanen ska inkomma senast 2024-04-04 (1 mån. från beslutsdatum 2024-03-04).",
      ],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});
