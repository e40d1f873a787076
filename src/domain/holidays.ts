/**
 * Swedish public holidays (allmänna helgdagar, lag 1989:253) and the three eves that are
 * non-working days in practice (midsommarafton, julafton, nyårsafton), plus working-day
 * arithmetic on top of them. Hand-written on purpose: the custom-functions bundle must stay
 * small, and a holiday library ships every country's data. date-holidays is the test oracle.
 */
import { addDays, daysBetween, weekday } from "./calendar";
import type { IsoDate } from "./date";

/** One holiday or non-working eve. */
export interface Holiday {
  date: IsoDate;
  /** Swedish name, lower case as in the almanac except proper names ("Kristi himmelsfärdsdag"). */
  name: string;
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` as IsoDate;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The first day from `from` on (inclusive) that has ISO weekday `isoDay` (Monday 1 … Sunday 7). */
function firstWeekdayFrom(from: IsoDate, isoDay: number): IsoDate {
  return addDays(from, (isoDay - weekday(from) + 7) % 7);
}

const FRIDAY = 5;
const SATURDAY = 6;
/** Nationaldagen replaced annandag pingst as a public holiday from 2005. */
const NATIONALDAGEN_FROM = 2005;

function computeHolidays(year: number): readonly Holiday[] {
  const easter = easterSunday(year);
  const list: Holiday[] = [
    { date: iso(year, 1, 1), name: "nyårsdagen" },
    { date: iso(year, 1, 6), name: "trettondedag jul" },
    { date: addDays(easter, -2), name: "långfredagen" },
    { date: easter, name: "påskdagen" },
    { date: addDays(easter, 1), name: "annandag påsk" },
    { date: iso(year, 5, 1), name: "första maj" },
    { date: addDays(easter, 39), name: "Kristi himmelsfärdsdag" },
    { date: addDays(easter, 49), name: "pingstdagen" },
    year >= NATIONALDAGEN_FROM
      ? { date: iso(year, 6, 6), name: "nationaldagen" }
      : { date: addDays(easter, 50), name: "annandag pingst" },
    { date: firstWeekdayFrom(iso(year, 6, 19), FRIDAY), name: "midsommarafton" },
    { date: firstWeekdayFrom(iso(year, 6, 20), SATURDAY), name: "midsommardagen" },
    { date: firstWeekdayFrom(iso(year, 10, 31), SATURDAY), name: "alla helgons dag" },
    { date: iso(year, 12, 24), name: "julafton" },
    { date: iso(year, 12, 25), name: "juldagen" },
    { date: iso(year, 12, 26), name: "annandag jul" },
    { date: iso(year, 12, 31), name: "nyårsafton" },
  ];
  // Stable sort: on a shared date (första maj = Kristi himmelsfärdsdag in 2008) the fixed one first.
  list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  return Object.freeze(list.map((h) => Object.freeze(h)));
}

const byYear = new Map<number, readonly Holiday[]>();
const byDate = new Map<number, ReadonlyMap<IsoDate, string>>();

/**
 * Swedish public holidays of a year plus midsommarafton, julafton and nyårsafton, in date order,
 * with Swedish names. Before 2005 annandag pingst instead of nationaldagen. The rules are those in
 * force since 1953 (movable midsommar and alla helgons dag); earlier years are not special-cased.
 * Cached per year; throws RangeError outside 1–9999.
 */
export function swedishHolidays(year: number): readonly Holiday[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Året ${year} går inte att räkna helgdagar för`);
  }
  let list = byYear.get(year);
  if (list === undefined) {
    list = computeHolidays(year);
    byYear.set(year, list);
  }
  return list;
}

function namesOfYear(year: number): ReadonlyMap<IsoDate, string> {
  let map = byDate.get(year);
  if (map === undefined) {
    const names = new Map<IsoDate, string>();
    for (const h of swedishHolidays(year)) {
      const existing = names.get(h.date);
      names.set(h.date, existing === undefined ? h.name : `${existing} och ${h.name}`);
    }
    map = names;
    byDate.set(year, map);
  }
  return map;
}

/** The holiday's name ("långfredagen"; two names joined with " och " when they coincide), or null. */
export function holidayName(date: IsoDate): string | null {
  return namesOfYear(Number(date.slice(0, 4))).get(date) ?? null;
}

/** True on a Swedish public holiday or on midsommarafton, julafton or nyårsafton. */
export function isHoliday(date: IsoDate): boolean {
  return holidayName(date) !== null;
}

/** Monday–Friday and not a holiday or non-working eve. */
export function isWorkingDay(date: IsoDate): boolean {
  return weekday(date) <= FRIDAY && !isHoliday(date);
}

/**
 * The n-th working day after `date`. n = 0 returns `date` itself when it is a working day and
 * otherwise the next working day (a deadline that falls on a holiday moves forward). A negative
 * n counts back: the |n|-th working day before `date`. Throws RangeError for a fraction.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n))
    throw new RangeError(`Antal arbetsdagar måste vara ett heltal, inte ${n}`);
  let current = date;
  if (n === 0) {
    while (!isWorkingDay(current)) current = addDays(current, 1);
    return current;
  }
  const step = n > 0 ? 1 : -1;
  let left = Math.abs(n);
  while (left > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** Mondays–Fridays in [from, to], both inclusive (0 when from > to). */
function weekdaysInRange(from: IsoDate, to: IsoDate): number {
  const days = daysBetween(from, to) + 1;
  if (days <= 0) return 0;
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  const first = weekday(from);
  for (let i = 0; i < days % 7; i++) {
    if (((first - 1 + i) % 7) + 1 <= FRIDAY) count++;
  }
  return count;
}

/**
 * Working days strictly after `from` and strictly before `to` — the gap between an insats that
 * ends on `from` and the next one that starts on `to` (end Friday, start Monday: 0; end
 * Wednesday, start the next Monday: 2). 0 when to ≤ from + 1.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const first = addDays(from, 1);
  const last = addDays(to, -1);
  if (first > last) return 0;
  let count = weekdaysInRange(first, last);
  const fromYear = Number(first.slice(0, 4));
  const toYear = Number(last.slice(0, 4));
  for (let year = fromYear; year <= toYear; year++) {
    for (const [date] of namesOfYear(year)) {
      if (date >= first && date <= last && weekday(date) <= FRIDAY) count--;
    }
  }
  return count;
}
