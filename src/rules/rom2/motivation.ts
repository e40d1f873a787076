/**
 * ROM2.MOTIVATION — Rusta och matcha 2, 4.1.1 punkt 1: "Motivationshöjande samtal - kan inte
 * genomföras som egen aktivitet".
 *
 * A time block whose only activity is Motivationshöjande samtal (category 1) is an error: it
 * must be combined with another activity or the individual meeting in the same block.
 * Tolkning (the catalog has none for "block"): activities belong to the same block when they
 * are on the same date and either stand in the same schedule cell (a week grid's block cell,
 * "OBL-Individuellt möte 8.00-8.30 därefter …") or their times overlap or meet (an activity
 * list, one row per activity). An activity without time is a block of its own unless it shares
 * a cell. A template cell repeated on several dates gives one finding naming its dates.
 */
import type { IsoDate } from "../../domain/date";
import type { Activity, SourceRef } from "../../domain/model";
import { defineRule } from "../types";
import { clock, datesText, rom2Category } from "./util";

export const ROM2_MOTIVATION = defineRule({
  id: "ROM2.MOTIVATION",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.1.1 punkt 1 Motivationshöjande samtal",
  summary:
    "Motivationshöjande samtal kan inte vara blockets enda aktivitet; det kombineras med en annan aktivitet eller det individuella mötet.",
  severities: ["error"],
  tolkning:
    "Ett block är aktiviteterna samma dag i samma schemacell, eller vars tider överlappar eller möts.",
  params: {},
  check(context) {
    // A template cell repeated on many dates is one finding with its dates.
    const found = new Map<string, { refs: SourceRef[]; time: string; dates: IsoDate[] }>();
    for (const block of blocks(onCategory1Dates(context.activities))) {
      if (!block.every((a) => rom2Category(a) === 1)) continue;
      const starts = block.flatMap((a) => (a.start === null ? [] : [a.start]));
      const ends = block.flatMap((a) => (a.end === null ? [] : [a.end]));
      const time =
        starts.length > 0 && ends.length > 0
          ? ` ${clock(Math.min(...starts))}-${clock(Math.max(...ends))}`
          : "";
      const refs = dedupe(block.flatMap((a) => a.refs.slice(0, 1)));
      const key =
        refs.length > 0 ? `${refs.map((r) => `${r.sheet}!${r.cell}`).join(",")}${time}` : null;
      const date = block[0]?.date ?? context.periodStart;
      const entry = key === null ? undefined : found.get(key);
      if (entry !== undefined) entry.dates.push(date);
      else found.set(key ?? `#${found.size}`, { refs, time, dates: [date] });
    }
    return [...found.values()].map(({ refs, time, dates }) => ({
      severity: "error" as const,
      refs: refs.length > 0 ? refs : context.participant.refs.slice(0, 1),
      from: dates[0] ?? context.periodStart,
      to: dates.at(-1) ?? context.periodStart,
      message: `${datesText(dates)}${time}: Motivationshöjande samtal är blockets enda aktivitet. Krav: kan inte genomföras som egen aktivitet – kombinera med en annan aktivitet eller det individuella mötet i samma block.`,
    }));
  },
});

/**
 * The activities on dates that have a Motivationshöjande samtal, in their order: a block is one
 * date's, so the blocks of the other dates (which cannot be all category 1) need not be built.
 * blocks() of this subsequence is the subsequence of blocks() of all activities (its sort is
 * stable), so the findings are the same.
 */
export function onCategory1Dates(activities: readonly Activity[]): readonly Activity[] {
  let dates: Set<string> | null = null;
  for (const a of activities) {
    if (rom2Category(a) !== 1) continue;
    dates ??= new Set();
    dates.add(a.date);
  }
  if (dates === null) return [];
  const keep = dates;
  return activities.filter((a) => keep.has(a.date));
}

/**
 * Whether two first refs name the same cell, as their keys "sheet!cell" compared, without
 * building the keys: when neither address has a "!" (an A1 address never has), the keys are
 * equal exactly when sheet and cell are.
 */
function sameCell(a: SourceRef, b: SourceRef): boolean {
  if (a.sheet === b.sheet && a.cell === b.cell) return true;
  if (!a.cell.includes("!") && !b.cell.includes("!")) return false;
  return `${a.sheet}!${a.cell}` === `${b.sheet}!${b.cell}`;
}

function sameBlock(a: Activity, b: Activity): boolean {
  if (a.date !== b.date) return false;
  const ra = a.refs[0];
  const rb = b.refs[0];
  if (ra !== undefined && rb !== undefined && sameCell(ra, rb)) return true;
  if (a.start === null || a.end === null || b.start === null || b.end === null) return false;
  return a.start <= b.end && b.start <= a.end;
}

/** The activities grouped into blocks (connected by sameBlock), in date order. */
export function blocks(activities: readonly Activity[]): Activity[][] {
  // Each activity joins every earlier group it touches (merged in the groups' order, the
  // merged group moving to the end). Only groups of its own date can touch it (sameBlock
  // needs the same date), so the groups are kept in one array with holes and looked up by
  // date: O(activities × groups of a day) where scanning every group was O(activities²).
  // The array without its holes is exactly the list the plain merge builds.
  const slots: (Activity[] | null)[] = [];
  const byDate = new Map<string, number[]>();
  for (const a of activities) {
    const live = byDate.get(a.date) ?? [];
    const kept: number[] = [];
    const joined: Activity[][] = [];
    for (const slot of live) {
      const g = slots[slot];
      if (g === null || g === undefined) continue;
      if (g.some((b) => sameBlock(a, b))) {
        joined.push(g);
        slots[slot] = null;
      } else kept.push(slot);
    }
    const merged: Activity[] = [];
    for (const g of joined) for (const b of g) merged.push(b);
    merged.push(a);
    kept.push(slots.length);
    slots.push(merged);
    byDate.set(a.date, kept);
  }
  const groups = slots.filter((g): g is Activity[] => g !== null);
  return groups.sort(byFirstDate);
}

/** @internal The plain quadratic merge, for the test that blocks() gives the same groups. */
export function blocksPlain(activities: readonly Activity[]): Activity[][] {
  const groups: Activity[][] = [];
  for (const a of activities) {
    const joined = groups.filter((g) => g.some((b) => sameBlock(a, b)));
    const merged = [...joined.flat(), a];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.sort(byFirstDate);
}

/** Groups by the date of their first activity; equal dates keep their order (a stable sort). */
function byFirstDate(x: readonly Activity[], y: readonly Activity[]): number {
  const a = x[0]?.date ?? "";
  const b = y[0]?.date ?? "";
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupe<T extends { sheet: string; cell: string }>(refs: T[]): T[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.sheet}!${r.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
