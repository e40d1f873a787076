/**
 * AMI.KONTAKT, from the source's wording (003 3.3): "Anordnare inom kundval
 * arbetsmarknadsinsatser förväntas ha kontakt med kund minst en gång per vecka, i första hand
 * via personliga möten."
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_KONTAKT } from "./kontakt";

const rule: Rule = AMI_KONTAKT;
const kund = participant("N-005", "JPF", "2024-03-04", "2024-03-29");
const mote = (date: string) => activity("N-005", date, "mote", { text: "Kundmöte" });
const telefon = (date: string) =>
  activity("N-005", date, "kontakt", { text: "Telefonsamtal", mode: "distans med handledare" });
/** Something planned on 2024-03-29, the last day, which sets the planning horizon. */
const planTo = () => activity("N-005", "2024-03-29", "praktik");

describe("valid: 'kontakt med kund minst en gång per vecka'", () => {
  test.each([
    [
      "a meeting every Tuesday",
      [mote("2024-03-05"), mote("2024-03-12"), mote("2024-03-19"), mote("2024-03-26")],
      [],
    ],
    [
      "a Händelser 'kontakt' and a meeting the same week",
      [mote("2024-03-05"), mote("2024-03-13"), mote("2024-03-19"), mote("2024-03-26")],
      [event("N-005", "2024-03-06", "kontakt")],
    ],
  ])("%s", (_name, acts, events) => {
    expect(runRule(rule, kund, [...acts, planTo()], { events })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "no contact at all in v. 11",
      [mote("2024-03-05"), mote("2024-03-19"), mote("2024-03-26")],
      "error",
      "2024-03-11",
      "2024-03-15",
      "Ingen kontakt med kunden v. 11 2024 (2024-03-11 – 2024-03-15). Krav: minst 1 per vecka.",
    ],
    [
      "'i första hand via personliga möten': only a phone call in v. 11",
      [mote("2024-03-05"), telefon("2024-03-12"), mote("2024-03-19"), mote("2024-03-26")],
      "warning",
      "2024-03-11",
      "2024-03-15",
      "Inget personligt möte med kunden v. 11 2024, bara Telefonsamtal 2024-03-12. Kontakten ska i första hand ske via personliga möten.",
    ],
    [
      "the week's meeting missed because the participant was sick",
      [
        mote("2024-03-05"),
        activity("N-005", "2024-03-12", "mote", {
          attendance: {
            status: "frånvarande",
            reason: "sjuk",
            certificate: null,
            reportedDate: null,
          },
        }),
        mote("2024-03-19"),
        mote("2024-03-26"),
      ],
      "warning",
      "2024-03-11",
      "2024-03-15",
      "Ingen kontakt med kunden v. 11 2024 (2024-03-11 – 2024-03-15). Krav: minst 1 per vecka. Planerad kontakt hölls inte: sjuk 2024-03-12.",
    ],
  ])("%s", (_name, acts, severity, from, to, message) => {
    const findings = runRule(rule, kund, [...acts, planTo()]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [severity, from, to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.KONTAKT.antal | 2' asks for two contacts a week", () => {
    const acts = [
      mote("2024-03-05"),
      mote("2024-03-07"),
      mote("2024-03-12"),
      mote("2024-03-19"),
      mote("2024-03-21"),
      mote("2024-03-26"),
      mote("2024-03-28"),
    ];
    const findings = runRule(rule, kund, [...acts, planTo()], {
      parameters: { "AMI.KONTAKT.antal": 2 },
    });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "error",
        "1 kontakt med kunden v. 11 2024 (2024-03-11 – 2024-03-15). Krav: minst 2 per vecka.",
      ],
    ]);
  });

  test("this week's contact not yet held, Sunday within three days: info", () => {
    const acts = [mote("2024-03-05"), mote("2024-03-12"), mote("2024-03-22"), mote("2024-03-26")];
    const findings = runRule(rule, kund, [...acts, planTo()], { idag: "2024-03-21" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-03-21",
        "2024-03-24",
        "Veckans kontakt med kunden (v. 12 2024) senast 2024-03-24 (planerad 2024-03-22).",
      ],
    ]);
  });
});
