/**
 * ROM2.NARVAR, from the source's wording: "Det individuella schemat ska även … visa när och var
 * aktiviteten äger rum".
 */
import type { Activity } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_NARVAR } from "./narvar";

const rule: Rule = ROM2_NARVAR;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");
const cell = (text: string, extra: Partial<Activity>) =>
  activity("R-001", "2024-03-05", 0, { text, ...extra });

describe("valid", () => {
  test.each([
    [
      "'Hos Leverantör 13.00-16.30' / 'OBL- Individuellt möte 13.00-14.00'",
      cell("OBL- Individuellt möte 13.00-14.00", { start: 780, end: 840, mode: "hos leverantör" }),
    ],
    [
      "'På distans 8.00-12.00' / 'Eget arbete- praktiskt stöd: Skriva CV och personligt brev'",
      activity("R-001", "2024-03-05", 3, { start: 480, end: 720, mode: "eget arbete" }),
    ],
  ])("%s", (_name, a) => {
    expect(runRule(rule, anna, [a])).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "the source's own 'OBL-Individuellt möte 8.00-8.30' under '8.00-12.00' has no place: warning",
      cell("OBL-Individuellt möte 8.00-8.30", { start: 480, end: 510, mode: null }),
      [
        [
          "warning",
          "2024-03-05: ”OBL-Individuellt möte 8.00-8.30” saknar plats eller form (hos leverantör, distans, eget arbete). Krav: schemat ska visa när och var aktiviteten äger rum.",
        ],
      ],
    ],
    [
      "no time of day, only hours: error",
      cell("Individuellt möte hos LEV", { start: null, end: null, hours: 1 }),
      [
        [
          "error",
          "2024-03-05: ”Individuellt möte hos LEV” saknar tid. Krav: schemat ska visa när och var aktiviteten äger rum.",
        ],
      ],
    ],
    [
      "neither time nor place: error and warning",
      cell("Individuellt möte", { start: null, end: null, hours: null, mode: null }),
      [
        [
          "error",
          "2024-03-05: ”Individuellt möte” saknar tid. Krav: schemat ska visa när och var aktiviteten äger rum.",
        ],
        [
          "warning",
          "2024-03-05: ”Individuellt möte” saknar plats eller form (hos leverantör, distans, eget arbete). Krav: schemat ska visa när och var aktiviteten äger rum.",
        ],
      ],
    ],
  ])("%s", (_name, a, expected) => {
    const findings = runRule(rule, anna, [a]);
    expect(findings.map((f) => [f.severity, f.message])).toEqual(expected);
    for (const f of findings) {
      expect([f.from, f.to]).toEqual(["2024-03-05", "2024-03-05"]);
      expect(f.refs.length).toBeGreaterThan(0);
    }
  });
});

describe("a relative-week template", () => {
  test("'OBL-Individuellt möte 8.00-8.30' repeated every other Tuesday is one warning for its cell", () => {
    const ref = [{ sheet: "Anna Andersson", cell: "C4", text: "OBL-Individuellt möte 8.00-8.30" }];
    const acts = ["2024-08-27", "2024-09-10", "2024-09-24"].map((d) =>
      activity("R-001", d, 0, {
        start: 480,
        end: 510,
        mode: null,
        text: ref[0]?.text ?? "",
        refs: ref,
      }),
    );
    const findings = runRule(rule, anna, acts);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message, f.refs])).toEqual([
      [
        "warning",
        "2024-08-27",
        "2024-09-24",
        "2024-08-27 – 2024-09-24 (3 tillfällen): ”OBL-Individuellt möte 8.00-8.30” saknar plats eller form (hos leverantör, distans, eget arbete). Krav: schemat ska visa när och var aktiviteten äger rum.",
        ref,
      ],
    ]);
  });
});
