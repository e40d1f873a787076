/**
 * ROM2.MOTIVATION, from the source's wording: "1. Motivationshöjande samtal - kan inte
 * genomföras som egen aktivitet".
 */
import type { Activity } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_MOTIVATION } from "./motivation";

const rule: Rule = ROM2_MOTIVATION;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");
const cell = (c: string) => [{ sheet: "Schema", cell: c, text: "" }];
const samtal = (date: string, start: number, end: number, extra: Partial<Activity> = {}) =>
  activity("R-001", date, 1, {
    start,
    end,
    hours: (end - start) / 60,
    text: "Valbar aktivitet hos LEV - Motivationshöjande samtal",
    ...extra,
  });

describe("valid: combined with another activity or the individual meeting in the same block", () => {
  test.each([
    [
      "in one cell: 'OBL-Individuellt möte 13.00-14.00 därefter' motivationshöjande samtal",
      [
        activity("R-001", "2024-03-05", 0, { start: 780, end: 840, refs: cell("C9") }),
        samtal("2024-03-05", 840, 990, { refs: cell("C9") }),
      ],
    ],
    [
      "in an activity list: samtal 8.00-9.00 followed by 'praktiskt stöd' 9.00-12.00",
      [
        samtal("2024-03-05", 480, 540),
        activity("R-001", "2024-03-05", 3, { start: 540, end: 720 }),
      ],
    ],
  ])("%s", (_name, acts) => {
    expect(runRule(rule, anna, acts)).toEqual([]);
  });
});

describe("invalid: 'kan inte genomföras som egen aktivitet'", () => {
  test.each([
    [
      "alone in the afternoon block, the morning's activity on another block",
      [
        activity("R-001", "2024-03-05", 3, { start: 480, end: 720 }),
        samtal("2024-03-05", 780, 990),
      ],
      "2024-03-05 13.00-16.30: Motivationshöjande samtal är blockets enda aktivitet. Krav: kan inte genomföras som egen aktivitet – kombinera med en annan aktivitet eller det individuella mötet i samma block.",
    ],
    [
      "alone in its cell, the same day as a meeting in another cell",
      [
        activity("R-001", "2024-03-06", 0, { start: 480, end: 510, refs: cell("D5") }),
        samtal("2024-03-06", 780, 840, { refs: cell("D9") }),
      ],
      "2024-03-06 13.00-14.00: Motivationshöjande samtal är blockets enda aktivitet. Krav: kan inte genomföras som egen aktivitet – kombinera med en annan aktivitet eller det individuella mötet i samma block.",
    ],
  ])("%s", (_name, acts, message) => {
    const findings = runRule(rule, anna, acts);
    const date = message.slice(0, 10);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", date, date, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("a relative-week template", () => {
  test("the same lone samtal cell on three Mondays is one finding naming its dates", () => {
    const ref = cell("C9");
    const acts = ["2024-03-04", "2024-03-18", "2024-04-01"].map((d) =>
      samtal(d, 780, 840, { refs: ref }),
    );
    const findings = runRule(rule, anna, acts);
    expect(findings.map((f) => [f.from, f.to, f.message, f.refs])).toEqual([
      [
        "2024-03-04",
        "2024-04-01",
        "2024-03-04 – 2024-04-01 (3 tillfällen) 13.00-14.00: Motivationshöjande samtal är blockets enda aktivitet. Krav: kan inte genomföras som egen aktivitet – kombinera med en annan aktivitet eller det individuella mötet i samma block.",
        ref,
      ],
    ]);
  });
});
