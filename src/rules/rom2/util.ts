/**
 * Small pieces shared by the ROM2.* rule modules: the ROM2 category of an activity, the judged
 * range of the period, Swedish number and time formatting, and the valbara aktiviteter.
 */
import { addMonths } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import type { Activity } from "../../domain/model";
import { weeklyMinimumHours } from "../../domain/requirements";
import type { Rom2Category } from "../../domain/vocabulary/rom2";
import type { PeriodWeek } from "../helpers";
import type { RuleContext } from "../types";

/** The activity's ROM2 code 0–8 (a number or a numeric string), or null when it has none. */
export function rom2Category(activity: Activity): Rom2Category | null {
  const code =
    typeof activity.category === "number" ? activity.category : Number(activity.category ?? NaN);
  return Number.isInteger(code) && code >= 0 && code <= 8 ? (code as Rom2Category) : null;
}

/** A valbar aktivitet: categories 1–8 of 4.1.1 (not the individual meeting). */
export function isValbar(activity: Activity): boolean {
  const code = rom2Category(activity);
  return code !== null && code >= 1;
}

/** The last day that is judged: min(slutdatum, horizon), or null when nothing is planned. */
export function judgedEnd(context: RuleContext): IsoDate | null {
  const { horizon, periodEnd } = context;
  if (horizon === null) return null;
  return periodEnd !== null && periodEnd < horizon ? periodEnd : horizon;
}

/** "8.00", "13.30" — minutes after midnight the way the source's schedules write them. */
export function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}.${String(minutes % 60).padStart(2, "0")}`;
}

/** "Vecka 12 2024" */
export function veckaName(week: Pick<PeriodWeek, "isoYear" | "isoWeek">): string {
  return `Vecka ${week.isoWeek} ${week.isoYear}`;
}

const SAMPLE = "2024-01-01" as IsoDate;

/**
 * ROM2's weekly minimums (000 4.1.1) as requirements.ts gives them, for the defaults of the
 * ROM2.VECKOAKT parameters: 1 h in months 1–6, 2 h in the following six months.
 */
export const ROM2_MIN_HOURS_FIRST = weeklyMinimumHours("ROM2", SAMPLE, SAMPLE)?.hours ?? 1;
export const ROM2_MIN_HOURS_LATER =
  weeklyMinimumHours("ROM2", SAMPLE, addMonths(SAMPLE, 6))?.hours ?? 2;

/**
 * Activities grouped by the schedule cell they stand in (first ref) and their text, in date
 * order: a repeating relative-week template ("Vecka 1" of a tvåveckorsschema) puts the same
 * cell on many dates, and one finding per cell says it once with the dates it covers.
 * Activities without refs stand alone.
 */
export function byCell(activities: readonly Activity[]): Activity[][] {
  // Nested maps (cell, then text) instead of one joined key: no long key string per
  // activity. The groups come out in the order of their first activity, as before.
  const groups: Activity[][] = [];
  const cells = new Map<string, Map<string, Activity[]>>();
  for (const a of activities) {
    const ref = a.refs[0];
    if (ref === undefined) {
      groups.push([a]);
      continue;
    }
    const cell = `${ref.sheet}!${ref.cell}`;
    let texts = cells.get(cell);
    if (texts === undefined) {
      texts = new Map();
      cells.set(cell, texts);
    }
    const group = texts.get(a.text);
    if (group === undefined) {
      const created = [a];
      texts.set(a.text, created);
      groups.push(created);
    } else group.push(a);
  }
  return groups;
}

/** @internal byCell with one joined key per activity, for the equivalence test. */
export function byCellPlain(activities: readonly Activity[]): Activity[][] {
  const groups = new Map<string, Activity[]>();
  activities.forEach((a, i) => {
    const ref = a.refs[0];
    const key = ref === undefined ? `#${i}` : `${ref.sheet}!${ref.cell}\u0000${a.text}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [a]);
    else group.push(a);
  });
  return [...groups.values()];
}

/** "2024-03-05", or "2024-08-27 – 2024-11-19 (7 tillfällen)" for a cell repeated on several dates. */
export function datesText(dates: readonly IsoDate[]): string {
  const unique = [...new Set(dates)].sort();
  const first = unique[0] ?? "";
  const last = unique.at(-1) ?? first;
  return unique.length <= 1 ? first : `${first} – ${last} (${unique.length} tillfällen)`;
}
