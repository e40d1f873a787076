/**
 * AMI.REVIDERAD, from the source's wording (003 6.5): "Efter uppföljningssamtal där
 * karriärvägledare är med ska ny reviderad genomförandeplan inkomma inom två veckor från
 * uppföljningsmöte."
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_REVIDERAD } from "./reviderad";

const rule: Rule = AMI_REVIDERAD;
const kund = participant("N-011", "JPF", "2024-01-22", "2024-12-31");
const plan = [activity("N-011", "2024-01-22", "mote")];
const trepart = (date: string) => event("N-011", date, "trepartsmöte");
const reviderad = (date: string) => event("N-011", date, "reviderad genomförandeplan");

describe("valid: 'inom två veckor från uppföljningsmöte'", () => {
  test.each([
    ["in a week after", [trepart("2024-04-10"), reviderad("2024-04-17")]],
    ["in on day 14", [trepart("2024-04-10"), reviderad("2024-04-24")]],
  ])("%s", (_name, events) => {
    expect(runRule(rule, kund, plan, { events, idag: "2024-06-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "in after three weeks",
      [trepart("2024-04-10"), reviderad("2024-05-01")],
      "2024-05-01",
      "Reviderad genomförandeplan efter uppföljningsmötet 2024-04-10 inkom 2024-05-01, 7 dagar efter fristen 2024-04-24.",
    ],
    [
      "never in",
      [trepart("2024-04-10")],
      "2024-04-24",
      "Reviderad genomförandeplan saknas efter uppföljningsmötet 2024-04-10; fristen var 2024-04-24.",
    ],
  ])("%s", (_name, events, to, message) => {
    const findings = runRule(rule, kund, plan, { events, idag: "2024-06-01" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", "2024-04-10", to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.REVIDERAD.dagar | 21'", () => {
    expect(
      runRule(rule, kund, plan, {
        events: [trepart("2024-04-10"), reviderad("2024-05-01")],
        idag: "2024-06-01",
        parameters: { "AMI.REVIDERAD.dagar": 21 },
      }),
    ).toEqual([]);
  });

  test("the deadline within three days is an info", () => {
    const findings = runRule(rule, kund, plan, {
      events: [trepart("2024-04-10")],
      idag: "2024-04-22",
    });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-04-22",
        "2024-04-24",
        "Reviderad genomförandeplan efter uppföljningsmötet 2024-04-10 senast 2024-04-24.",
      ],
    ]);
  });
});
