/**
 * Calendar arithmetic on plain local dates (IsoDate): days, ISO weeks ("vecka 21") and
 * "month n of the service" (regelkatalog.md, Conventions). Everything goes through date-fns on
 * a Date at local midnight (date.ts toLocal/fromLocal) and straight back to a string, so the
 * results are the same in every time zone, across daylight-saving changes included.
 */
import {
  addDays as addDaysFns,
  addMonths as addMonthsFns,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  getISODay,
  getISOWeek,
  getISOWeekYear,
  getISOWeeksInYear,
  startOfISOWeekYear,
} from "date-fns";
import { fromLocal, toLocal, type IsoDate } from "./date";

/** The first and last day of a range, both inclusive. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** An ISO week: the ISO week-numbering year (which may differ from the calendar year) and 1–53. */
export interface IsoWeek {
  year: number;
  week: number;
}

/** Local midnight of a year/month index/day, without the 0–99 → 19xx mapping of `new Date`. */
function localDate(year: number, monthIndex: number, day: number): Date {
  const d = new Date(2000, monthIndex, day);
  d.setFullYear(year, monthIndex, day);
  return d;
}

/** The date n calendar days later (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromLocal(addDaysFns(toLocal(date), n));
}

/** The date n months later, date-fns style: a day missing in the target month becomes its last day (2024-01-31 + 1 = 2024-02-29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  return fromLocal(addMonthsFns(toLocal(date), n));
}

/** to − from in calendar days (negative when to is before from). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toLocal(to), toLocal(from));
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(date: IsoDate): number {
  return getISODay(toLocal(date));
}

/** Every day from `from` to `to`, both inclusive; [] when from is after to. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const count = daysBetween(from, to) + 1;
  const start = toLocal(from);
  const days: IsoDate[] = [];
  for (let i = 0; i < count; i++) days.push(fromLocal(addDaysFns(start, i)));
  return days;
}

/** The ISO week of a date, with the ISO week-numbering year (2024-12-30 is week 1 of 2025). */
export function isoWeekOf(date: IsoDate): IsoWeek {
  const local = toLocal(date);
  return { year: getISOWeekYear(local), week: getISOWeek(local) };
}

/** Number of ISO weeks in an ISO week-numbering year. */
export function isoWeeksInYear(year: number): 52 | 53 {
  return getISOWeeksInYear(localDate(year, 5, 1)) === 53 ? 53 : 52;
}

/** Earliest and latest ISO years handled: those whose weeks lie within 1900-01-01 … 9999-12-31. */
const MIN_WEEK_YEAR = 1900;
const MAX_WEEK_YEAR = 9999;

/**
 * The Monday of ISO week `week` of ISO year `year`, or null when the week does not exist
 * (week 53 of a 52-week year, week < 1, non-integers, years outside 1900–9999).
 */
export function isoWeekStart(year: number, week: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(week)) return null;
  if (year < MIN_WEEK_YEAR || year > MAX_WEEK_YEAR) return null;
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  return fromLocal(addDaysFns(startOfISOWeekYear(localDate(year, 0, 4)), (week - 1) * 7));
}

/** The seven days (Monday–Sunday) of an ISO week; [] when the week does not exist. */
export function weekDates(year: number, week: number): IsoDate[] {
  const monday = isoWeekStart(year, week);
  return monday === null ? [] : eachDay(monday, addDays(monday, 6));
}

/**
 * "Month n of the service" that `date` falls in: month 1 runs from `start` to the day before
 * addMonths(start, 1), month n from addMonths(start, n − 1) to the day before addMonths(start, n).
 * Always counted from `start` (a start on the 31st keeps its day: months begin 01-31, 02-29,
 * 03-31, …). Null when date is before start.
 */
export function serviceMonth(start: IsoDate, date: IsoDate): number | null {
  if (date < start) return null;
  // The calendar-month difference is right or one too high (the day of month not reached yet).
  let n = differenceInCalendarMonths(toLocal(date), toLocal(start)) + 1;
  while (n > 1 && addMonths(start, n - 1) > date) n--;
  while (addMonths(start, n) <= date) n++;
  return n;
}

/** First and last day of month n (1, 2, …) of the service; throws RangeError for n < 1 or a fraction. */
export function serviceMonthRange(start: IsoDate, n: number): DateRange {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Tjänstemånad måste vara ett heltal ≥ 1, inte ${n}`);
  }
  return { from: addMonths(start, n - 1), to: addDays(addMonths(start, n), -1) };
}

/** A window of `days` consecutive calendar days starting on `from` (to = from + days − 1). */
export function calendarWindow(from: IsoDate, days: number): DateRange {
  return { from, to: addDays(from, days - 1) };
}

/** Number of days two inclusive ranges share; 0 when they are disjoint (or either is empty). */
export function overlapDays(aFrom: IsoDate, aTo: IsoDate, bFrom: IsoDate, bTo: IsoDate): number {
  const from = aFrom > bFrom ? aFrom : bFrom;
  const to = aTo < bTo ? aTo : bTo;
  return from > to ? 0 : daysBetween(from, to) + 1;
}
