/**
 * ROM2.OMFATTNING, from the source's wording: "Det individuella schemat ska motsvara
 * aktiviteter för den omfattning som Arbetsförmedlingen har bedömt att deltagaren ska delta i
 * tjänsten." (4.1) and "motsvara den omfattning som deltagaren är anvisad
 * förmedlingsinsatser" (4.4).
 */
import type { IsoDate } from "../../domain/date";
import type { Activity, Participant } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_OMFATTNING } from "./omfattning";

const rule: Rule = ROM2_OMFATTNING;
const base = participant("R-001", "ROM2", "2024-03-11", "2024-06-28");
const timmar = (hoursPerWeek: number): Participant => ({
  ...base,
  omfattning: { hoursPerWeek, percent: null },
});
const procent = (percent: number): Participant => ({
  ...base,
  omfattning: { hoursPerWeek: null, percent },
});
/** 4 h (8.00-12.00) on each of the given dates. */
const days = (...dates: string[]): Activity[] => dates.map((d) => activity("R-001", d, 3));
const week11 = ["2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15"];

describe("valid", () => {
  test.each<[string, Participant, Activity[]]>([
    ["20 h per vecka, 5 × 4 h planned", timmar(20), days(...week11)],
    ["50 % of 40 h = 20 h", procent(50), days(...week11)],
    [
      "18 h is within ±10 % of 20 h",
      timmar(20),
      [...days(...week11.slice(0, 4)), activity("R-001", "2024-03-15", 3, { end: 600, hours: 2 })],
    ],
    ["no omfattning in the register: nothing to compare", base, days("2024-03-11")],
    [
      "a partial week (the period's last planned day is a Wednesday) is not judged",
      timmar(20),
      days(...week11, "2024-03-18", "2024-03-20"),
    ],
  ])("%s", (_name, p, acts) => {
    expect(runRule(rule, p, acts)).toEqual([]);
  });
});

describe("invalid: the schedule does not 'motsvara den omfattning'", () => {
  test.each<[string, Participant, Activity[], string]>([
    [
      "12 h planned for 20 h per vecka",
      timmar(20),
      days(...week11.slice(0, 3)).concat(activity("R-001", "2024-03-15", 0, { hours: 0 })),
      "Vecka 11 2024: 12 h planerat. Omfattning: 20 h per vecka, tolerans ±10 % (18–22 h).",
    ],
    [
      "20 h planned for 75 % of 40 h",
      procent(75),
      days(...week11),
      "Vecka 11 2024: 20 h planerat. Omfattning: 30 h per vecka (75 % av 40 h), tolerans ±10 % (27–33 h).",
    ],
    [
      "upptrappning 'från 2024-03-11 30 h' decides over omfattning",
      { ...timmar(20), upptrappning: [{ from: "2024-03-11" as IsoDate, hoursPerWeek: 30 }] },
      days(...week11),
      "Vecka 11 2024: 20 h planerat. Omfattning: 30 h per vecka (upptrappning från 2024-03-11), tolerans ±10 % (27–33 h).",
    ],
  ])("%s", (_name, p, acts, message) => {
    const findings = runRule(rule, p, acts);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["warning", "2024-03-11", "2024-03-15", message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("Easter week (långfredagen 2024-03-29) is not scaled; the message names the holiday", () => {
    const p = { ...timmar(20), start: "2024-03-25" as IsoDate };
    // Monday–Thursday planned as usual; the meeting row on långfredagen has no hours.
    const findings = runRule(rule, p, [
      ...days("2024-03-25", "2024-03-26", "2024-03-27", "2024-03-28"),
      activity("R-001", "2024-03-29", 0, { hours: 0 }),
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      "Vecka 13 2024: 16 h planerat. Omfattning: 20 h per vecka, tolerans ±10 % (18–22 h). Veckan har helgdag: långfredagen 2024-03-29.",
    ]);
  });
});

describe("parameters", () => {
  test("Inställningar 'ROM2.OMFATTNING.tolerans | 50' accepts 12 h for 20 h", () => {
    const acts = days(...week11.slice(0, 3)).concat(
      activity("R-001", "2024-03-15", 0, { hours: 0 }),
    );
    const p = timmar(20);
    expect(runRule(rule, p, acts)).toHaveLength(1);
    expect(runRule(rule, p, acts, { parameters: { "ROM2.OMFATTNING.tolerans": 50 } })).toEqual([]);
  });
});
