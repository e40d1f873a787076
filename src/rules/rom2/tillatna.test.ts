/**
 * ROM2.TILLATNA, from the source's wording: "Schemat ska endast bestå av obligatoriska samt de
 * olika valbara aktiviteterna." — "Aktiviteternas innehåll ska bestå av de tillåtna
 * aktiviteterna enligt 4.1.2.2 Tillåtna aktiviteter."
 */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_TILLATNA } from "./tillatna";

const rule: Rule = ROM2_TILLATNA;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");

describe("valid", () => {
  test.each([
    ["'OBL-Individuellt möte 8.00-8.30'", 0],
    ["'Eget arbete- praktiskt stöd: Skriva CV och personligt brev'", 3],
    ["'Valbar aktivitet hos LEV- Stöd för att höja deltagaren språkkunskaper'", 8],
    ["a category code read as text", "7"],
  ])("%s", (text, code) => {
    expect(runRule(rule, anna, [activity("R-001", "2024-03-05", code, { text })])).toEqual([]);
  });
});

describe("invalid: unrecognised text, quoted with the closest category", () => {
  test.each([
    [
      "Eget arbete- Städa förrådet",
      "2024-03-05: ”Eget arbete- Städa förrådet” är ingen tillåten aktivitet. Krav: endast individuellt möte och de valbara aktiviteterna 1–8. Närmast: 2 Vägledning mot arbete eller utbildning.",
    ],
    [
      "Valbar aktivitet hos LEV - Motivationssamtl i grupp",
      "2024-03-05: ”Valbar aktivitet hos LEV - Motivationssamtl i grupp” är ingen tillåten aktivitet. Krav: endast individuellt möte och de valbara aktiviteterna 1–8. Närmast: 1 Motivationshöjande samtal.",
    ],
  ])("%s", (text, message) => {
    const findings = runRule(rule, anna, [
      activity("R-001", "2024-03-04", 0),
      activity("R-001", "2024-03-05", null, { text }),
    ]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", "2024-03-05", "2024-03-05", message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});
