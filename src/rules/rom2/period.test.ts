/**
 * ROM2.PERIOD, from the source's wording: "de första sex (6) månaderna …" and "efterföljande
 * sex (6) månader …" (4.1.1) — twelve months in all, from startdatum to slutdatum.
 */
import type { Activity, Participant } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_PERIOD } from "./period";

const rule: Rule = ROM2_PERIOD;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");
const cv = (date: string) =>
  activity("R-001", date, 3, {
    text: "Eget arbete- praktiskt stöd: Skriva CV och personligt brev",
  });

describe("valid", () => {
  test.each<[string, Participant, Activity[]]>([
    ["activities on startdatum and slutdatum", anna, [cv("2024-03-04"), cv("2024-06-28")]],
    [
      "exactly 12 months: 2024-03-04 – 2025-03-03",
      participant("R-002", "ROM2", "2024-03-04", "2025-03-03"),
      [],
    ],
  ])("%s", (_name, p, acts) => {
    expect(runRule(rule, p, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test.each<[string, Participant, Activity[], [string, string, string, string][]]>([
    [
      "an activity the day after slutdatum",
      anna,
      [cv("2024-03-04"), cv("2024-07-01")],
      [
        [
          "error",
          "2024-07-01",
          "2024-07-01",
          "2024-07-01: ”Eget arbete- praktiskt stöd: Skriva CV och personligt brev” ligger utanför perioden 2024-03-04 – 2024-06-28.",
        ],
      ],
    ],
    [
      "an activity before startdatum",
      anna,
      [cv("2024-03-01")],
      [
        [
          "error",
          "2024-03-01",
          "2024-03-01",
          "2024-03-01: ”Eget arbete- praktiskt stöd: Skriva CV och personligt brev” ligger utanför perioden 2024-03-04 – 2024-06-28.",
        ],
      ],
    ],
    [
      "slutdatum one day past the 'efterföljande sex (6) månader'",
      participant("R-001", "ROM2", "2024-03-04", "2025-03-04"),
      [],
      [
        [
          "error",
          "2025-03-04",
          "2025-03-04",
          "Perioden 2024-03-04 – 2025-03-04 (slutdatum) är längre än 12 månader; månad 12 slutar 2025-03-03.",
        ],
      ],
    ],
  ])("%s", (_name, p, acts, expected) => {
    const findings = runRule(rule, p, acts);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual(expected);
    for (const f of findings) expect(f.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters", () => {
  test("Inställningar 'ROM2.PERIOD.månader | 13' allows a 13-month period", () => {
    const p = participant("R-001", "ROM2", "2024-03-04", "2025-03-04");
    expect(runRule(rule, p, [], { parameters: { "ROM2.PERIOD.månader": 13 } })).toEqual([]);
  });
});
