/**
 * Small shared pieces for rule modules: the cells of a window, "Snart" info hits, absences.
 */
import {
  addDays,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isoWeekOf,
  isoWeekStart,
  weekDates,
} from "../domain/calendar";
import { isHoliday, isWorkingDay } from "../domain/holidays";
import type { IsoDate } from "../domain/date";
import type { Activity, Participant, SourceRef } from "../domain/model";
import type { RuleContext, RuleHit } from "./types";

/** How many days ahead a deadline makes a "Snart" info finding (regelkatalog, Conventions). */
export const SNART_DAYS = 3;

/**
 * The cells that show a window of dates: a week grid's day headers for those dates, else the
 * cells of the activities inside the window, else the participant's register row.
 */
export function windowRefs(context: RuleContext, from: IsoDate, to: IsoDate): SourceRef[] {
  const headers = headerIndex(context.weeks).between(from, to);
  if (headers.length > 0) return dedupe(headers);
  const cells = activityIndex(context.activities).firstRefsBetween(from, to);
  if (cells.length > 0) return dedupe(cells);
  return context.participant.refs.slice(0, 1);
}

/** @internal windowRefs without its indexes, for the test that both give the same refs. */
export function windowRefsPlain(context: RuleContext, from: IsoDate, to: IsoDate): SourceRef[] {
  const headers: SourceRef[] = [];
  for (const week of context.weeks) {
    for (const [date, ref] of Object.entries(week.dayRefs)) {
      if (date >= from && date <= to) headers.push(ref);
    }
  }
  if (headers.length > 0) return dedupe(headers);
  const cells = context.activities
    .filter((a) => a.date >= from && a.date <= to)
    .flatMap((a) => a.refs.slice(0, 1));
  if (cells.length > 0) return dedupe(cells);
  return context.participant.refs.slice(0, 1);
}

/** First index in a sorted list whose key is >= from. */
function lowerBound(keys: readonly string[], from: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] ?? "") < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Items sorted by date (ties in their original order) with their original position, so that
 * the items of a date window come out in the order a filter over the original list gives.
 */
class DateIndex<T> {
  private readonly dates: string[];
  private readonly items: T[];
  private readonly positions: number[];

  /** The items with their dates, in their original order (two lists of one length). */
  constructor(dates: string[], items: T[]) {
    const order = dates.map((_, i) => i);
    // Usually already in date order (weeks and activities come sorted): sort only if not.
    let sorted = true;
    for (let i = 1; i < dates.length && sorted; i++)
      if ((dates[i - 1] ?? "") > (dates[i] ?? "")) sorted = false;
    if (sorted) {
      this.dates = dates;
      this.items = items;
    } else {
      order.sort((a, b) => {
        const da = dates[a] ?? "";
        const db = dates[b] ?? "";
        return da < db ? -1 : da > db ? 1 : a - b;
      });
      this.dates = order.map((i) => dates[i] ?? "");
      this.items = order.map((i) => items[i] as T);
    }
    this.positions = order;
  }

  /** The items dated from … to (inclusive), in their original order. */
  between(from: string, to: string): T[] {
    const first = lowerBound(this.dates, from);
    let end = first;
    let inOrder = true;
    while (end < this.dates.length && (this.dates[end] ?? "") <= to) {
      if (end > first && (this.positions[end - 1] ?? 0) > (this.positions[end] ?? 0))
        inOrder = false;
      end++;
    }
    // Usually the index order is the original order: the slice is the answer.
    if (inOrder) return this.items.slice(first, end);
    const found: { position: number; item: T }[] = [];
    for (let i = first; i < end; i++)
      found.push({ position: this.positions[i] ?? 0, item: this.items[i] as T });
    found.sort((a, b) => a.position - b.position);
    return found.map((f) => f.item);
  }
}

const HEADER_INDEX = new WeakMap<RuleContext["weeks"], DateIndex<SourceRef>>();
const ACTIVITY_INDEX = new WeakMap<readonly Activity[], ActivityIndex>();

/** Every week's day-header refs by date (windowRefs' order: week, then entry). Shared per weeks array. */
function headerIndex(weeks: RuleContext["weeks"]): DateIndex<SourceRef> {
  let index = HEADER_INDEX.get(weeks);
  if (index === undefined) {
    const dates: string[] = [];
    const refs: SourceRef[] = [];
    for (const week of weeks) {
      for (const date in week.dayRefs) {
        if (!Object.hasOwn(week.dayRefs, date)) continue; // Object.entries' own keys, its order
        dates.push(date);
        refs.push(week.dayRefs[date] as SourceRef);
      }
    }
    index = new DateIndex(dates, refs);
    HEADER_INDEX.set(weeks, index);
  }
  return index;
}

class ActivityIndex {
  private readonly index: DateIndex<SourceRef>;

  constructor(activities: readonly Activity[]) {
    const dates: string[] = [];
    const refs: SourceRef[] = [];
    for (const a of activities) {
      const ref = a.refs[0];
      if (ref === undefined) continue;
      dates.push(a.date);
      refs.push(ref);
    }
    this.index = new DateIndex(dates, refs);
  }

  /** The first ref of each activity dated from … to, in the activities' order. */
  firstRefsBetween(from: string, to: string): SourceRef[] {
    return this.index.between(from, to);
  }
}

/** The activities' first refs by date. Shared per activities array (arrays are not mutated). */
function activityIndex(activities: readonly Activity[]): ActivityIndex {
  let index = ACTIVITY_INDEX.get(activities);
  if (index === undefined) {
    index = new ActivityIndex(activities);
    ACTIVITY_INDEX.set(activities, index);
  }
  return index;
}

function dedupeByKey(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.sheet}!${r.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether two refs have the same key "sheet!cell" (the key built only when an address has a "!"). */
function sameKey(a: SourceRef, b: SourceRef): boolean {
  if (a.sheet === b.sheet && a.cell === b.cell) return true;
  if (!a.cell.includes("!") && !b.cell.includes("!")) return false;
  return `${a.sheet}!${a.cell}` === `${b.sheet}!${b.cell}`;
}

/** The few refs of a week (five day headers): compared pairwise, no sets built. */
const SMALL = 8;

function dedupe(refs: SourceRef[]): SourceRef[] {
  if (refs.length <= 1) return refs; // the callers pass a fresh array
  if (refs.length <= SMALL) {
    let duplicate = false;
    for (let i = 1; i < refs.length && !duplicate; i++)
      for (let j = 0; j < i && !duplicate; j++)
        duplicate = sameKey(refs[i] as SourceRef, refs[j] as SourceRef);
    if (!duplicate) return refs;
    return refs.filter((r, i) => {
      for (let j = 0; j < i; j++) if (sameKey(r, refs[j] as SourceRef)) return false;
      return true;
    });
  }
  // The key "sheet!cell" names one (sheet, cell) pair whenever the cell has no "!" (an A1
  // address never has): sheets then cells in nested sets, with no key string built per ref.
  if (refs.some((r) => r.cell.includes("!"))) return dedupeByKey(refs);
  const seen = new Map<string, Set<string>>();
  return refs.filter((r) => {
    let cells = seen.get(r.sheet);
    if (cells === undefined) {
      cells = new Set();
      seen.set(r.sheet, cells);
    }
    if (cells.has(r.cell)) return false;
    cells.add(r.cell);
    return true;
  });
}

/** An info hit when a deadline falls within the next three days (idag … idag + 3). */
export function snart(
  context: RuleContext,
  deadline: IsoDate,
  message: string,
  refs: SourceRef[],
): RuleHit[] {
  const days = daysBetween(context.idag, deadline);
  return days >= 0 && days <= SNART_DAYS
    ? [{ severity: "info", refs, from: context.idag, to: deadline, message }]
    : [];
}

/** Whether an activity was recorded as not attended. */
export function isAbsent(activity: Activity): boolean {
  return activity.attendance?.status === "frånvarande";
}

/** "sjuk 2024-03-12", for naming an absence in a message. */
export function absenceText(activity: Activity): string {
  return `${activity.attendance?.reason ?? "frånvaro"} ${activity.date}`;
}

/** Inclusive length in days of a date range. */
export function spanDays(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) + 1;
}

/** An ISO week of the participant's period, with what is planned in it. */
export interface PeriodWeek {
  isoYear: number;
  isoWeek: number;
  monday: IsoDate;
  sunday: IsoDate;
  /** Mon–Fri dates of the week that are inside the period and up to the horizon. */
  days: IsoDate[];
  /** Mon–Fri inside the judged range that are not Swedish public holidays or eves. */
  workingDays: number;
  /**
   * A week whose Monday–Friday are not all inside [startdatum, min(slutdatum, horizon)]:
   * weekly minimums there give a warning, not an error (regelkatalog, Conventions).
   */
  partial: boolean;
  activities: Activity[];
  /** The week's day-header cells (week grids) or its activities' cells, for "missing" findings. */
  refs: SourceRef[];
}

/**
 * The ISO weeks from startdatum's week to the horizon's week. Weeks after the horizon are
 * not judged (nothing is planned there yet); a week the horizon cuts is partial.
 */
const PERIOD_WEEKS = new WeakMap<
  readonly Activity[],
  { weeks: RuleContext["weeks"]; participant: Participant; key: string; result: PeriodWeek[] }
>();

/**
 * periodWeeks for a participant is the same for every rule (the engine gives all of them the
 * same arrays): computed once, then shared. Callers treat the weeks as read-only.
 */
export function periodWeeks(context: RuleContext): readonly PeriodWeek[] {
  const key = `${context.periodStart}|${String(context.periodEnd)}|${String(context.horizon)}`;
  const hit = PERIOD_WEEKS.get(context.activities);
  if (
    hit !== undefined &&
    hit.key === key &&
    hit.weeks === context.weeks &&
    hit.participant === context.participant
  )
    return hit.result;
  const result = computePeriodWeeks(context);
  PERIOD_WEEKS.set(context.activities, {
    weeks: context.weeks,
    participant: context.participant,
    key,
    result,
  });
  return result;
}

function computePeriodWeeks(context: RuleContext): PeriodWeek[] {
  const { periodStart, horizon } = context;
  if (horizon === null) return [];
  const last =
    context.periodEnd !== null && context.periodEnd < horizon ? context.periodEnd : horizon;
  const out: PeriodWeek[] = [];
  const first = isoWeekOf(periodStart);
  const firstMonday = isoWeekStart(first.year, first.week) ?? periodStart;
  // The activities by week (index from the first Monday), in their own order: one pass,
  // where filtering every activity for every week was O(weeks × activities).
  const origin = dayNumber(firstMonday);
  const byWeek: Activity[][] = [];
  for (const a of context.activities) {
    const index = Math.floor((dayNumber(a.date) - origin) / 7);
    if (index < 0) continue; // before the first week: no week asks for it
    const bucket = byWeek[index];
    if (bucket === undefined) byWeek[index] = [a];
    else bucket.push(a);
  }
  const headers = headerIndex(context.weeks);
  // Day numbers instead of dates: the week of a Monday is that Monday and the six days after
  // it (what weekDates(isoWeekOf(monday)) gives), read from the calendar's memo.
  for (let index = 0, m = origin; fromDayNumber(m) <= last; index++, m += 7) {
    const monday = fromDayNumber(m);
    const { year, week } = isoWeekOf(monday);
    const days: IsoDate[] = [];
    let workingDays = 0;
    for (let k = 0; k < 5; k++) {
      const d = fromDayNumber(m + k);
      if (d >= periodStart && d <= last) {
        days.push(d);
        if (!isHoliday(d)) workingDays++; // Monday–Friday by construction: isWorkingDay
      }
    }
    const sunday = fromDayNumber(m + 6);
    const activities = byWeek[index] ?? [];
    out.push({
      isoYear: year,
      isoWeek: week,
      monday,
      sunday,
      days,
      workingDays,
      partial: days.length < 5,
      activities,
      refs:
        days.length === 0
          ? []
          : windowRefsFrom(context, headers, activities, days[0] ?? monday, days.at(-1) ?? sunday),
    });
  }
  return out;
}

/** @internal The week list as first written (weekDates and a filter per week), for the equivalence test. */
export function computePeriodWeeksPlain(context: RuleContext): PeriodWeek[] {
  const { periodStart, horizon } = context;
  if (horizon === null) return [];
  const last =
    context.periodEnd !== null && context.periodEnd < horizon ? context.periodEnd : horizon;
  const out: PeriodWeek[] = [];
  const first = isoWeekOf(periodStart);
  let monday = isoWeekStart(first.year, first.week) ?? periodStart;
  while (monday <= last) {
    const { year, week } = isoWeekOf(monday);
    const all = weekDates(year, week);
    const weekdays = all.slice(0, 5);
    const days = weekdays.filter((d) => d >= periodStart && d <= last);
    const sunday = all[6] ?? addDays(monday, 6);
    const from = monday;
    const activities = context.activities.filter((a) => a.date >= from && a.date <= sunday);
    out.push({
      isoYear: year,
      isoWeek: week,
      monday,
      sunday,
      days,
      workingDays: days.filter((d) => isWorkingDay(d)).length,
      partial: days.length < weekdays.length,
      activities,
      refs:
        days.length === 0 ? [] : windowRefsPlain(context, days[0] ?? monday, days.at(-1) ?? sunday),
    });
    monday = addDays(monday, 7);
  }
  return out;
}

/** windowRefs for a window inside one week, over that week's activities only (same result). */
function windowRefsFrom(
  context: RuleContext,
  headers: DateIndex<SourceRef>,
  weekActivities: readonly Activity[],
  from: IsoDate,
  to: IsoDate,
): SourceRef[] {
  const found = headers.between(from, to);
  if (found.length > 0) return dedupe(found);
  const cells: SourceRef[] = [];
  for (const a of weekActivities) {
    const ref = a.refs[0];
    if (ref !== undefined && a.date >= from && a.date <= to) cells.push(ref);
  }
  if (cells.length > 0) return dedupe(cells);
  return context.participant.refs.slice(0, 1);
}

/** "v. 12 2024", how a coordinator names a week. */
export function weekName(week: Pick<PeriodWeek, "isoYear" | "isoWeek">): string {
  return `v. ${week.isoWeek} ${week.isoYear}`;
}

/** The sum of the activities' hours (an activity without hours counts 0). */
export function sumHours(activities: readonly Activity[]): number {
  return activities.reduce((sum, a) => sum + (a.hours ?? 0), 0);
}

/** The upptrappningsplan step in force on a date (the latest one from on or before it). */
export function upptrappningOn(
  participant: Participant,
  date: IsoDate,
): Participant["upptrappning"][number] | null {
  let step: Participant["upptrappning"][number] | null = null;
  for (const s of participant.upptrappning) {
    if (s.from <= date && (step === null || s.from > step.from)) step = s;
  }
  return step;
}
