/**
 * Plain local dates. Schemakoll never needs a time zone: a schedule's "2024-03-05" is the
 * same day in Stockholm, New York and Tokyo. Dates travel as ISO strings ("YYYY-MM-DD"),
 * which sort and compare correctly as strings; arithmetic goes through date-fns on a
 * Date at local midnight and straight back to a string.
 */
import { z } from "zod";

export type IsoDate = string & { readonly __isoDate: true };

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, counted in UTC so no zone can shift it. */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonthOf(year, month);
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonthOf(year: number, month: number): number {
  // The Gregorian month lengths without a Date (called for every date read); anything odd
  // (a fraction, month 0 or 13, years 0–99 that Date.UTC maps to 19xx, past 9999) goes through Date.
  if (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    year >= 100 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12
  ) {
    if (month !== 2) return MONTH_LENGTHS[month - 1] ?? 31;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return daysInMonthWithDate(year, month);
}

/** @internal daysInMonthOf through Date.UTC, for the test that both agree. */
export function daysInMonthWithDate(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Builds an IsoDate, or null when the parts are not a real day. */
export function makeDate(year: number, month: number, day: number): IsoDate | null {
  return isValidYmd(year, month, day)
    ? (`${pad(year, 4)}-${pad(month)}-${pad(day)}` as IsoDate)
    : null;
}

export function parseIsoDate(text: string): IsoDate | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export const isoDateSchema = z
  .string()
  .refine((s) => parseIsoDate(s) !== null, { message: "Datum ska skrivas ÅÅÅÅ-MM-DD" })
  .transform((s) => s as IsoDate);

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dateParts(date: IsoDate): DateParts {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

/** Local midnight of the date, for date-fns arithmetic. */
export function toLocal(date: IsoDate): Date {
  const { year, month, day } = dateParts(date);
  const d = new Date(year, month - 1, day);
  d.setFullYear(year); // years below 100 would otherwise map to 19xx
  return d;
}

/** The local calendar day of a Date. */
export function fromLocal(date: Date): IsoDate {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` as IsoDate;
}

/** The UTC calendar day of a Date (ExcelJS and JSON give dates as UTC instants). */
export function fromUtc(date: Date): IsoDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` as IsoDate;
}

/** Today's date on this machine's own calendar. */
export function todayLocal(now: Date = new Date()): IsoDate {
  return fromLocal(now);
}

/**
 * Excel serial number (1900 date system) to a date. The fraction (time of day) is dropped.
 * Serials 1–59 follow Excel's own count (it believes 1900 was a leap year); 60, Excel's
 * non-existent 1900-02-29, is unreadable.
 */
export function fromSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > 2_958_465 || whole === 60) return null; // 9999-12-31 is Excel's last day
  const shifted = whole < 60 ? whole + 1 : whole;
  return fromUtc(new Date(EXCEL_EPOCH_UTC + shifted * MS_PER_DAY));
}

export function toSerial(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  const days = Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
  return days < 61 ? days - 1 : days;
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Swedish month name or abbreviation ("mars", "mar", "Mar.") to 1–12. */
export function monthFromName(name: string): number | null {
  const key = name.toLowerCase().replace(/\.$/, "");
  return MONTHS[key] ?? null;
}

export const MONTH_NAMES = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
] as const;

export interface DateTextOptions {
  /** Year for texts that leave it out ("5 mar", "5/3"). Without it such a text is unreadable. */
  defaultYear?: number;
}

/**
 * Reads the date texts of mallar.md: "2024-03-05", "2024-3-5", "20240305", "5/3 2024",
 * "5/3-2024", "5/3", "5.3.2024", "5 mars 2024", "5 mar", "den 5 mars". A trailing time
 * ("2024-03-05 08:00") is ignored. Returns null for anything else.
 */
export function parseDateText(input: string, options: DateTextOptions = {}): IsoDate | null {
  // Memo by default year and text: a week grid's date cells ("20/5") repeat in every block.
  if (input.length > 64) return parseDateTextPlain(input, options);
  const key = `${String(options.defaultYear)}\u0000${input}`;
  let date = dateTexts.get(key);
  if (date === undefined) {
    date = parseDateTextPlain(input, options);
    if (dateTexts.size >= DATE_TEXT_MEMO_SIZE) dateTexts.clear();
    dateTexts.set(key, date);
  }
  return date;
}

const DATE_TEXT_MEMO_SIZE = 20_000;
const dateTexts = new Map<string, IsoDate | null>();

/** @internal parseDateText without its memo, for the test that both agree. */
export function parseDateTextPlain(input: string, options: DateTextOptions = {}): IsoDate | null {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^(den|mån|tis|ons|tors?|fre|lör|sön)[a-zåäö]*\.?\s+/u, "")
    .replace(/^den\s+/, "")
    .replace(/[\s,]+(kl\.?\s*)?\d{1,2}[:.]\d{2}(:\d{2})?$/, "")
    .trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*[/.]\s*(\d{1,2})(?:\s*[\s/.-]\s*(\d{4}|\d{2}))?\.?$/.exec(text);
  if (m) return withYear(Number(m[1]), Number(m[2]), m[3], options);
  m = /^(\d{1,2})\s*\.?\s*([a-zåäö]+\.?)(?:\s+(\d{4}))?$/u.exec(text);
  if (m) {
    const month = monthFromName(m[2] ?? "");
    return month === null ? null : withYear(Number(m[1]), month, m[3], options);
  }
  return null;
}

function withYear(
  day: number,
  month: number,
  yearText: string | undefined,
  options: DateTextOptions,
): IsoDate | null {
  let year: number | undefined;
  if (yearText === undefined) year = options.defaultYear;
  else year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return year === undefined ? null : makeDate(year, month, day);
}

/**
 * A cell value as Excel's Range.values gives it (serial number, text, Date from a file
 * reader) to a date, or null. Booleans, empty cells and numbers below 1 are not dates.
 */
export function parseDateValue(value: unknown, options: DateTextOptions = {}): IsoDate | null {
  if (typeof value === "number") return fromSerial(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return makeDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  // Digits typed as text ("2024", "45366") are not read as serial numbers: a year would
  // silently become a day in 1905.
  if (typeof value === "string") return parseDateText(value, options);
  return null;
}

export type YearMonth = string & { readonly __yearMonth: true };

export function makeYearMonth(year: number, month: number): YearMonth | null {
  return isValidYmd(year, month, 1) ? (`${pad(year, 4)}-${pad(month)}` as YearMonth) : null;
}

export function yearMonthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7) as YearMonth;
}

/**
 * A month as written by a person: "2024-03", "2024-3", "mars 2024", "mar 2024", "03/2024",
 * or any date inside the month (serial number or text).
 */
export function parseMonthValue(value: unknown): YearMonth | null {
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    let m = /^(\d{4})-(\d{1,2})$/.exec(text);
    if (m) return makeYearMonth(Number(m[1]), Number(m[2]));
    m = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec(text);
    if (m) return makeYearMonth(Number(m[2]), Number(m[1]));
    m = /^([a-zåäö]+\.?)\s+(\d{4})$/u.exec(text);
    if (m) {
      const month = monthFromName(m[1] ?? "");
      return month === null ? null : makeYearMonth(Number(m[2]), month);
    }
  }
  const date = parseDateValue(value);
  return date === null ? null : yearMonthOf(date);
}

export function firstDayOf(month: YearMonth): IsoDate {
  return `${month}-01` as IsoDate;
}

export function lastDayOf(month: YearMonth): IsoDate {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${pad(daysInMonthOf(year, m))}` as IsoDate;
}

export function nextMonth(month: YearMonth): YearMonth {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return (m === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(m + 1)}`) as YearMonth;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** A month for people: "2024-05" → "maj 2024". */
export function monthText(month: YearMonth | string): string {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7);
  return `${name} ${month.slice(0, 4)}`;
}
