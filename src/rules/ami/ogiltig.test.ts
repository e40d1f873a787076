/**
 * AMI.OGILTIG, from the source's wording (003 3.6.4): "Är kund inte tillgänglig vid
 * kontaktförsök efter tre försök eller uteblir från ett möte eller från sin arbetsplats utan att
 * meddela sig behöver anordnare meddela detta via verksamhetssystemet samma dag eller dagen
 * därpå."
 */
import type { IsoDate } from "../../domain/date";
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_OGILTIG } from "./ogiltig";

const rule: Rule = AMI_OGILTIG;
const kund = participant("N-003", "SAI", "2024-03-04", "2024-04-30");
const uteblev = (date: string, reportedDate: string | null = null) =>
  activity("N-003", date, "mote", {
    attendance: {
      status: "frånvarande",
      reason: "ogiltig frånvaro",
      certificate: null,
      reportedDate: reportedDate as IsoDate | null,
    },
  });

describe("valid: 'samma dag eller dagen därpå'", () => {
  test.each([
    ["reported the same day", [uteblev("2024-03-12", "2024-03-12")], []],
    ["reported the day after", [uteblev("2024-03-12", "2024-03-13")], []],
    [
      "a Händelser event 'meddelat karriärvägledare' the day after",
      [uteblev("2024-03-12")],
      [event("N-003", "2024-03-13", "meddelat karriärvägledare", "2024-03-12")],
    ],
  ])("%s", (_name, acts, events) => {
    expect(runRule(rule, kund, acts, { events, idag: "2024-04-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "reported two days late",
      [uteblev("2024-03-12", "2024-03-15")],
      "2024-03-12",
      "2024-03-15",
      "Ogiltig frånvaro 2024-03-12 meddelades karriärvägledaren 2024-03-15, 2 dagar efter fristen 2024-03-13.",
    ],
    [
      "never reported",
      [uteblev("2024-03-12")],
      "2024-03-12",
      "2024-03-13",
      "Ogiltig frånvaro 2024-03-12 är inte meddelad karriärvägledaren; fristen var 2024-03-13.",
    ],
  ])("%s", (_name, acts, from, to, message) => {
    const findings = runRule(rule, kund, acts, { idag: "2024-04-01" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", from, to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.OGILTIG.dagar | 3' allows three days", () => {
    expect(
      runRule(rule, kund, [uteblev("2024-03-12", "2024-03-15")], {
        parameters: { "AMI.OGILTIG.dagar": 3 },
      }),
    ).toEqual([]);
  });

  test("an unreported absence with the deadline tomorrow is an info", () => {
    const findings = runRule(rule, kund, [uteblev("2024-03-12")], { idag: "2024-03-12" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-03-12",
        "2024-03-13",
        "Ogiltig frånvaro 2024-03-12 ska meddelas karriärvägledaren senast 2024-03-13.",
      ],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});
