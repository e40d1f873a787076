/**
 * AMI.ARBETSPLATS, from the source's wording (003 5.2.2–5.2.4): "förväntas anordnare stötta kund
 * att påbörja en praktik inom en månad från insatsens beslutsdatum"; "Kunder som beviljats
 * förstärkt jobbpeng förväntas ha en arbetsträningsplats inom tre månader från insatsens
 * beslutsdatum"; "kunder som deltar i insatsen språk och arbetsintroduktion förväntas ha en
 * språkträningsplats inom två månader från insatsens beslutsdatum."
 */
import type { IsoDate } from "../../domain/date";
import type { Programme } from "../../domain/programmes";
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_ARBETSPLATS } from "./arbetsplats";

const rule: Rule = AMI_ARBETSPLATS;
const kund = (programme: Programme) => ({
  ...participant("N-014", programme, "2024-03-11", "2024-12-31"),
  beslutsdatum: "2024-03-04" as IsoDate,
});
const on = (date: string, category: string) => activity("N-014", date, category);
const start = [on("2024-03-11", "mote")];

describe("valid", () => {
  test.each([
    ["JPG praktik 'inom en månad'", "JPG", [...start, on("2024-04-02", "praktik")], []],
    ["JPG without praktik in the uppdrag", "JPG", [...start, on("2024-06-03", "jobbsokning")], []],
    [
      "JPF arbetsträning 'inom tre månader'",
      "JPF",
      [...start, on("2024-06-03", "arbetstraning")],
      [],
    ],
    [
      "SAI 'arbetsplats start' event within two months",
      "SAI",
      start,
      [event("N-014", "2024-04-22", "arbetsplats start")],
    ],
  ] as const)("%s", (_name, programme, acts, events) => {
    expect(
      runRule(rule, kund(programme), [...acts], { events: [...events], idag: "2024-08-01" }),
    ).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "SAI språkträning starting after 2½ months",
      "SAI",
      [...start, on("2024-05-20", "spraktraning")],
      "2024-05-20",
      "Första dagen på språkträningsplats 2024-05-20; fristen var 2024-05-04 (2 mån. från beslutsdatum 2024-03-04).",
    ],
    [
      "JPF without any arbetsträning after three months",
      "JPF",
      [...start, on("2024-07-01", "mote")],
      "2024-06-04",
      "Ingen arbetsträningsplats senast 2024-06-04 (3 mån. från beslutsdatum 2024-03-04).",
    ],
  ] as const)("%s", (_name, programme, acts, to, message) => {
    const findings = runRule(rule, kund(programme), [...acts], { idag: "2024-08-01" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", "2024-03-04", to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.ARBETSPLATS.sai | 3'", () => {
    expect(
      runRule(rule, kund("SAI"), [...start, on("2024-05-20", "spraktraning")], {
        idag: "2024-08-01",
        parameters: { "AMI.ARBETSPLATS.sai": 3 },
      }),
    ).toEqual([]);
  });

  test("the deadline within three days is an info", () => {
    const findings = runRule(rule, kund("SAI"), start, { idag: "2024-05-02" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-05-02",
        "2024-05-04",
        "Första dagen på språkträningsplats senast 2024-05-04 (2 mån. från beslutsdatum 2024-03-04).",
      ],
    ]);
  });
});
