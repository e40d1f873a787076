/**
 * Small shared pieces for rule modules: the cells of a window, "Snart" info hits, absences.
 */
import { addDays, daysBetween } from "../domain/calendar";
import type { IsoDate } from "../domain/date";
import type { Activity, SourceRef } from "../domain/model";
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

export { addDays };
