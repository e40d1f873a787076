/**
 * AMI.TREPART, from the source's wording (003 6.5): "Utgångspunkten, för kunder som följer sin
 * planering och där det inte finns oklarheter, är att uppföljningsmöten sker: - Jobbpeng grund:
 * minst var 3:e månad - Förstärkt jobbpeng: minst var 6:e månad - Språk och
 * arbetsintroduktion: minst var 6:e månad."
 */
import type { IsoDate } from "../../domain/date";
import type { Programme } from "../../domain/programmes";
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_TREPART } from "./trepart";

const rule: Rule = AMI_TREPART;
const kund = (programme: Programme) => ({
  ...participant("N-010", programme, "2024-01-22", "2024-12-31"),
  beslutsdatum: "2024-01-15" as IsoDate,
});
const plan = [activity("N-010", "2024-01-22", "mote")];
const trepart = (...dates: string[]) => dates.map((d) => event("N-010", d, "trepartsmöte"));

describe("valid", () => {
  test.each([
    ["Jobbpeng grund 'minst var 3:e månad'", "JPG", trepart("2024-04-10", "2024-07-09")],
    ["Språk och arbetsintroduktion 'minst var 6:e månad'", "SAI", trepart("2024-07-10")],
    [
      "an 'uppföljning med karriärvägledare' counts",
      "JPG",
      [event("N-010", "2024-04-15", "uppföljning med karriärvägledare"), ...trepart("2024-07-09")],
    ],
  ] as const)("%s", (_name, programme, events) => {
    expect(
      runRule(rule, kund(programme), plan, { events: [...events], idag: "2024-08-01" }),
    ).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "Jobbpeng grund: first meeting 3½ months after beslutsdatum",
      "JPG",
      trepart("2024-04-30", "2024-07-25"),
      "2024-01-15",
      "2024-04-30",
      "Uppföljningsmöte trepart senast 2024-04-15 (3 mån. efter beslutsdatum 2024-01-15); nästa 2024-04-30.",
    ],
    [
      "Förstärkt jobbpeng: no meeting in 6 months",
      "JPF",
      [],
      "2024-01-15",
      "2024-07-15",
      "Uppföljningsmöte trepart senast 2024-07-15 (6 mån. efter beslutsdatum 2024-01-15); inget möte efter 2024-01-15.",
    ],
  ] as const)("%s", (_name, programme, events, from, to, message) => {
    const findings = runRule(rule, kund(programme), plan, {
      events: [...events],
      idag: "2024-08-01",
    });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", from, to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.TREPART.jpg | 4'", () => {
    expect(
      runRule(rule, kund("JPG"), plan, {
        events: trepart("2024-04-30"),
        idag: "2024-08-01",
        parameters: { "AMI.TREPART.jpg": 4 },
      }),
    ).toEqual([]);
  });

  test("the next deadline within three days is an info", () => {
    const findings = runRule(rule, kund("JPG"), plan, {
      events: trepart("2024-04-10"),
      idag: "2024-07-08",
    });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["info", "2024-07-08", "2024-07-10", "Nästa uppföljningsmöte trepart senast 2024-07-10."],
    ]);
  });
});
