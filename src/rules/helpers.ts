/**
 * Small shared pieces for rule modules: the cells of a window, "Snart" info hits, absences.
 */
import { addDays, daysBetween, isoWeekOf, isoWeekStart, weekDates } from "../domain/calendar";
import { isWorkingDay } from "../domain/holidays";
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

function dedupe(refs: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.sheet}!${r.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
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
  const byWeek = new Map<number, Activity[]>();
  for (const a of context.activities) {
    const index = Math.floor((dayNumber(a.date) - origin) / 7);
    const bucket = byWeek.get(index);
    if (bucket === undefined) byWeek.set(index, [a]);
    else bucket.push(a);
  }
  const headers = dayRefIndex(context);
  let monday = firstMonday;
  for (let index = 0; monday <= last; index++) {
    const { year, week } = isoWeekOf(monday);
    const all = weekDates(year, week);
    const weekdays = all.slice(0, 5);
    const days = weekdays.filter((d) => d >= periodStart && d <= last);
    const sunday = all[6] ?? addDays(monday, 6);
    const activities = byWeek.get(index) ?? [];
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
        days.length === 0
          ? []
          : windowRefsFrom(context, headers, activities, days[0] ?? monday, days.at(-1) ?? sunday),
    });
    monday = addDays(monday, 7);
  }
  return out;
}

/** Days since 1970-01-01 of an ISO date, without a Date per call. */
function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    86_400_000
  );
}

interface IndexedRef {
  order: number;
  ref: SourceRef;
}

/** Every week's day-header refs by date, numbered in windowRefs' order (week, then entry). */
function dayRefIndex(context: RuleContext): Map<string, IndexedRef[]> {
  const index = new Map<string, IndexedRef[]>();
  let order = 0;
  for (const week of context.weeks) {
    for (const [date, ref] of Object.entries(week.dayRefs)) {
      const item = { order: order++, ref };
      const list = index.get(date);
      if (list === undefined) index.set(date, [item]);
      else list.push(item);
    }
  }
  return index;
}

/** windowRefs over a prepared index, for a window inside one week (same result). */
function windowRefsFrom(
  context: RuleContext,
  headers: Map<string, IndexedRef[]>,
  weekActivities: readonly Activity[],
  from: IsoDate,
  to: IsoDate,
): SourceRef[] {
  const found: IndexedRef[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) found.push(...(headers.get(d) ?? []));
  if (found.length > 0) return dedupe(found.sort((a, b) => a.order - b.order).map((i) => i.ref));
  const cells = weekActivities
    .filter((a) => a.date >= from && a.date <= to)
    .flatMap((a) => a.refs.slice(0, 1));
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
