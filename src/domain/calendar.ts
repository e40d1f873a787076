/**
 * Calendar arithmetic on plain local dates (IsoDate): days, ISO weeks ("vecka 21") and
 * "month n of the service" (regelkatalog.md, Conventions). Day and week arithmetic counts UTC
 * midnights (no time zone, no daylight-saving change in it); months go through date-fns on a
 * Date at local midnight (date.ts toLocal/fromLocal) and straight back to a string. Either way
 * the results are the same in every time zone.
 */
import { addMonths as addMonthsFns, differenceInCalendarMonths } from "date-fns";
import { dateParts, fromLocal, fromUtc, toLocal, type IsoDate } from "./date";

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

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 of a calendar date, counted on UTC midnights: pure day arithmetic with
 * no time zone or daylight-saving change in it, and no Date per step.
 */
function computeDayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year); // years below 100 would otherwise map to 19xx
  return Math.round(d.getTime() / MS_PER_DAY);
}

/**
 * Memo tables for the day conversions: the rules convert the same few hundred dates of a
 * schedule over and over (every week, every rule), and a Date per conversion dominated the
 * engine's time. Both are pure functions of their argument; the tables are emptied when they
 * grow past CACHE_LIMIT so that no input can make them grow without bound.
 */
const CACHE_LIMIT = 100_000;
const dayNumbers = new Map<string, number>();
const dates = new Map<number, IsoDate>();

/** @internal Exported for the memo tests: dayNumber without its memo. */
export const uncachedDayNumber = computeDayNumber;

/** @internal Exported for the memo tests: the day number of a date (memoised). */
export function dayNumber(date: IsoDate): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = computeDayNumber(date);
    if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

/** @internal Exported for the memo tests: the date of a day number (memoised). */
export function fromDayNumber(n: number): IsoDate {
  let date = dates.get(n);
  if (date === undefined) {
    date = fromUtc(new Date(n * MS_PER_DAY));
    if (dates.size >= CACHE_LIMIT) dates.clear();
    dates.set(n, date);
  }
  return date;
}

/** ISO weekday of a day number: 1970-01-01 was a Thursday (4). */
function weekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The date n calendar days later (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** The date n months later, date-fns style: a day missing in the target month becomes its last day (2024-01-31 + 1 = 2024-02-29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  // The same calendar arithmetic without a Date: month index + n, the day clamped to the
  // target month's length. Anything unusual (a fraction, a year outside 1–9999, a malformed
  // date) still goes through date-fns.
  const { year, month, day } = dateParts(date);
  if (Number.isInteger(n) && Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1) {
    const total = year * 12 + (month - 1) + n;
    const y = Math.floor(total / 12);
    const m = total - y * 12 + 1;
    if (y >= 1 && y <= 9999 && day <= 31) {
      const d = Math.min(day, daysInMonth(y, m));
      return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` as IsoDate;
    }
  }
  return addMonthsWithDateFns(date, n);
}

/** @internal addMonths through date-fns, for the test that both agree. */
export function addMonthsWithDateFns(date: IsoDate, n: number): IsoDate {
  return fromLocal(addMonthsFns(toLocal(date), n));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
}

/** to − from in calendar days (negative when to is before from). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(date: IsoDate): number {
  return weekdayOf(dayNumber(date));
}

/** Every day from `from` to `to`, both inclusive; [] when from is after to. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const days: IsoDate[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  return days;
}

/** The ISO week of a date, with the ISO week-numbering year (2024-12-30 is week 1 of 2025). */
export function isoWeekOf(date: IsoDate): IsoWeek {
  let found = isoWeeks.get(date);
  if (found === undefined) {
    found = computeIsoWeekOf(date);
    if (isoWeeks.size >= CACHE_LIMIT) isoWeeks.clear();
    isoWeeks.set(date, found);
  }
  return { year: found.year, week: found.week };
}

const isoWeeks = new Map<string, IsoWeek>();

function computeIsoWeekOf(date: IsoDate): IsoWeek {
  const n = dayNumber(date);
  // The week belongs to the year its Thursday falls in.
  const thursday = n - weekdayOf(n) + 4;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = dayNumber(`${String(year).padStart(4, "0")}-01-01` as IsoDate);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

/** Number of ISO weeks in an ISO week-numbering year. */
export function isoWeeksInYear(year: number): 52 | 53 {
  // December 28 is always in the year's last ISO week.
  return isoWeekOf(`${String(year).padStart(4, "0")}-12-28` as IsoDate).week === 53 ? 53 : 52;
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
  const key = year * 100 + week;
  let monday = weekStarts.get(key);
  if (monday === undefined) {
    // Week 1 is the week of January 4.
    const jan4 = dayNumber(`${String(year).padStart(4, "0")}-01-04` as IsoDate);
    monday = fromDayNumber(jan4 - weekdayOf(jan4) + 1 + (week - 1) * 7);
    weekStarts.set(key, monday); // at most 53 × 8,100 weeks exist
  }
  return monday;
}

const weekStarts = new Map<number, IsoDate>();

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
  // Weekly rules ask this for every week of every participant: counted on numbers, no strings.
  const s = digitsDate(start);
  const target = digitsDate(date);
  if (s > 0 && target > 0) {
    const sYear = Math.floor(s / 10_000);
    const sMonth = Math.floor(s / 100) % 100;
    const sDay = s % 100;
    const base = sYear * 12 + (sMonth - 1);
    let n =
      (Math.floor(target / 10_000) - sYear) * 12 + (Math.floor(target / 100) % 100) - sMonth + 1;
    while (n > 1 && shiftedMonth(base, sDay, n - 1) > target) n--;
    while (shiftedMonth(base, sDay, n) <= target) n++;
    return n;
  }
  return serviceMonthPlain(start, date);
}

/** addMonths(start, k) as yyyymmdd, start given as its month index and day: the day clamped to its month. */
function shiftedMonth(base: number, day: number, k: number): number {
  const y = Math.floor((base + k) / 12);
  const m = base + k - y * 12 + 1;
  return y * 10_000 + m * 100 + Math.min(day, daysInMonth(y, m));
}

/** yyyy-mm-dd with a year 1–9998, a month 1–12 and a day 1–31 as the number yyyymmdd; −1 otherwise. */
function digitsDate(date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return -1;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return year >= 1 && year <= 9998 && month >= 1 && month <= 12 && day >= 1 && day <= 31
    ? year * 10_000 + month * 100 + day
    : -1;
}

/** @internal serviceMonth through addMonths, for the test that both agree. */
export function serviceMonthPlain(start: IsoDate, date: IsoDate): number | null {
  if (date < start) return null;
  // The calendar-month difference is right or one too high (the day of month not reached yet).
  const a = dateParts(date);
  const b = dateParts(start);
  const months = (a.year - b.year) * 12 + (a.month - b.month);
  let n =
    (Number.isInteger(months)
      ? months
      : differenceInCalendarMonths(toLocal(date), toLocal(start))) + 1;
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
