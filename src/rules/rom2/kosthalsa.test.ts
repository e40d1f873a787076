/**
 * ROM2.KOSTHALSA, from the source's wording: "Kan tillhandahållas i form av seminarier eller
 * föreläsningar gällande exempelvis kost, sömn och motion. Åtgärderna får inte utföras som
 * fysisk aktivitet." — examples "Webbinar eller läsa en bok om hälsa", "Seminarium om hälsa".
 */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_KOSTHALSA } from "./kosthalsa";

const rule: Rule = ROM2_KOSTHALSA;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");
const kost = (text: string, date = "2024-03-05") => activity("R-001", date, 6, { text });

describe("valid", () => {
  test.each([
    ["Valbar aktivitet hos LEV - Kost och hälsa: Seminarium om hälsa"],
    ["Eget arbete - Kost och hälsa: Webbinar eller läsa en bok om hälsa"],
    ["Kost och hälsa: Föreläsning om kost, sömn och motion"],
    ["Kost och hälsa: Samtal om vilken mat som passar dig"],
  ])("%s", (text) => {
    expect(runRule(rule, anna, [kost(text)])).toEqual([]);
  });
});

describe("invalid: 'får inte utföras som fysisk aktivitet'", () => {
  test.each([
    ["Kost och hälsa: Promenad i grupp", "Promenad"],
    ["Valbar aktivitet hos LEV - Kost och hälsa: Yoga-pass", "Yoga"],
    ["Kost och hälsa - Gemensamt pass på gymmet", "gymmet"],
    ["Kost och hälsa: Gympass på Friskis", "Gympass"],
    ["Kost och hälsa: Träningspass med personal", "Träningspass"],
  ])("%s", (text, word) => {
    const findings = runRule(rule, anna, [kost(text)]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-03-05",
        "2024-03-05",
        `2024-03-05: Kost och hälsa ”${text}” beskriver fysisk aktivitet (”${word}”). Krav: åtgärderna får inte utföras som fysisk aktivitet.`,
      ],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("another category is not judged", () => {
    expect(runRule(rule, anna, [activity("R-001", "2024-03-05", 3, { text: "Promenad" })])).toEqual(
      [],
    );
  });
});

describe("a relative-week template", () => {
  test("the same cell on four Thursdays is one finding naming its dates", () => {
    const ref = [{ sheet: "Schema", cell: "E9", text: "Kost och hälsa: Gympass på Friskis" }];
    const acts = ["2024-03-07", "2024-03-21", "2024-04-04", "2024-04-18"].map((d) =>
      activity("R-001", d, 6, { text: "Kost och hälsa: Gympass på Friskis", refs: ref }),
    );
    const findings = runRule(rule, anna, acts);
    expect(findings.map((f) => [f.from, f.to, f.message, f.refs])).toEqual([
      [
        "2024-03-07",
        "2024-04-18",
        "2024-03-07 – 2024-04-18 (4 tillfällen): Kost och hälsa ”Kost och hälsa: Gympass på Friskis” beskriver fysisk aktivitet (”Gympass”). Krav: åtgärderna får inte utföras som fysisk aktivitet.",
        ref,
      ],
    ]);
  });
});

describe("parameters", () => {
  test("Inställningar 'ROM2.KOSTHALSA.nyckelord | bowling' replaces the list", () => {
    const acts = [kost("Kost och hälsa: Bowling med gruppen")];
    expect(runRule(rule, anna, acts)).toEqual([]);
    expect(
      runRule(rule, anna, acts, { parameters: { "ROM2.KOSTHALSA.nyckelord": "bowling" } }).map(
        (f) => f.message,
      ),
    ).toEqual([
      "2024-03-05: Kost och hälsa ”Kost och hälsa: Bowling med gruppen” beskriver fysisk aktivitet (”Bowling”). Krav: åtgärderna får inte utföras som fysisk aktivitet.",
    ]);
  });
});
