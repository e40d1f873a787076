/**
 * Parsers for single cell values shared by the readers: kön, Ja/Nej, omfattning, hours,
 * amounts, upptrappning, certificates, attendance words, times and dates with the year taken
 * from context. Each returns null for a value it cannot read; deciding whether that is a
 * finding is the reader's job (a blank cell is usually fine, an unreadable one is not).
 */
import type { ActivityAttendance, Kon, Omfattning } from "../domain/model";
import { parseDateText, parseDateValue, type IsoDate } from "../domain/date";
import { parseTime, parseTimeRange, type Minutes, type TimeRange } from "../domain/time";
import { formatKind, plainValue } from "./a1";

/** Lower case, å/ä/ö and other accents dropped, runs of anything but letters/digits → one space. */
export function foldWords(text: string): string {
  // Memo: the readers fold the same column texts ("Närvarande", "Eget arbete") on every row.
  if (text.length > WORDS_MEMO_TEXT_LENGTH) return foldWordsText(text);
  let folded = wordsMemo.get(text);
  if (folded === undefined) {
    folded = foldWordsText(text);
    if (wordsMemo.size >= WORDS_MEMO_SIZE) wordsMemo.clear();
    wordsMemo.set(text, folded);
  }
  return folded;
}

const WORDS_MEMO_SIZE = 20_000;
const WORDS_MEMO_TEXT_LENGTH = 400;
const wordsMemo = new Map<string, string>();

/** @internal foldWords without its memo, for the test that both agree. */
export function foldWordsText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Empty: null, undefined, "" or only white space (also after unwrapping a file reader's object). */
export function isBlankValue(value: unknown): boolean {
  const plain = plainValue(value);
  return typeof plain === "string" && plain.trim() === "";
}

const EXCEL_ERROR =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

/**
 * An Excel error value ("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!",
 * "#SPILL!", "#CALC!", "#GETTING_DATA" …), as Office.js gives it (a text) or a file reader
 * (`{ error: "#N/A" }`). Such a cell shows a broken formula, not something anyone typed.
 */
export function isExcelError(value: unknown): boolean {
  const plain = plainValue(value);
  return typeof plain === "string" && plain.includes("#") && EXCEL_ERROR.test(plain.trim());
}

function textOf(value: unknown): string | null {
  const plain = plainValue(value);
  return typeof plain === "string" ? plain.trim() : null;
}

/** "Kvinna"/"K", "Man"/"M", "Annat"/"Ej angivet"/"Vill ej uppge"/"X" → kön, else null. */
export function parseKon(value: unknown): Kon | null {
  const text = textOf(value);
  if (text === null) return null;
  const w = foldWords(text);
  if (/^(k|kvinna|kvinnor|kvinnlig|f|female|woman|flicka)$/.test(w)) return "kvinna";
  if (/^(m|man|men|manlig|male|pojke)$/.test(w)) return "man";
  if (
    /^(a|x|annat|annan|ej angivet|ej angiven|ej angett|vill ej uppge|okant|ickebinar|icke binar)$/.test(
      w,
    )
  ) {
    return "annat";
  }
  return null;
}

/** "Ja"/"J"/"X"/"Sant"/true/1 → true; "Nej"/"N"/"Falskt"/false/0 → false; else null. */
export function parseYesNo(value: unknown): boolean | null {
  const plain = plainValue(value);
  if (typeof plain === "boolean") return plain;
  if (typeof plain === "number") return plain === 1 ? true : plain === 0 ? false : null;
  if (typeof plain !== "string") return null;
  const w = foldWords(plain);
  if (/^(ja|j|x|sant|true|yes|y)$/.test(w)) return true;
  if (/^(nej|n|falskt|false|no|ej|inte)$/.test(w)) return false;
  return null;
}

function decimal(text: string): number {
  return Number(text.replace(",", "."));
}

function roundTo(value: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * A number typed as a number or as text ("14", "14,5", " 2.5 ", "−3"), or null. Spaces used as
 * thousands separators are accepted ("3 686").
 */
export function parseNumber(value: unknown): number | null {
  const plain = plainValue(value);
  if (typeof plain === "number") return Number.isFinite(plain) ? plain : null;
  if (typeof plain !== "string") return null;
  const text = plain
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^[−–]/, "-");
  if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) return null;
  return decimal(text);
}

/** Kronor: 3686, "3 686", "3 686 kr", "3686,00", "3 686:-", "SEK 3686"; positive, else null. */
export function parseAmount(value: unknown): number | null {
  const plain = plainValue(value);
  if (typeof plain === "string") {
    const stripped = plain
      .trim()
      .replace(/^(sek|kr)\.?\s*/i, "")
      .replace(/\s*(kr|kronor|sek|:-)\.?$/i, "");
    const n = parseNumber(stripped);
    return n !== null && n > 0 ? n : null;
  }
  const n = parseNumber(plain);
  return n !== null && n > 0 ? n : null;
}

/**
 * Omfattning: hours per week ("20", "20 h", "20 tim", "20 timmar/vecka", 20) or a percentage
 * ("50 %", "50 procent", "heltid" = 100 %, "halvtid" = 50 %). A number in a cell formatted
 * as a percentage, or a number between 0 and 1 (how Excel stores "50 %"), is a percentage.
 * Hours above 168 a week and percentages above 100 are unreadable.
 */
export function parseOmfattning(value: unknown, numberFormat?: string | null): Omfattning | null {
  const plain = plainValue(value);
  if (typeof plain === "number") {
    if (!Number.isFinite(plain) || plain < 0) return null;
    if (formatKind(numberFormat) === "percent" || (plain > 0 && plain < 1)) {
      const percent = roundTo(plain * 100);
      return percent <= 100 ? { hoursPerWeek: null, percent } : null;
    }
    return plain <= 168 ? { hoursPerWeek: plain, percent: null } : null;
  }
  if (typeof plain !== "string") return null;
  const w = plain
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/(\d),(\d)/g, "$1.$2")
    .replace(/\s+/g, " ")
    .trim();
  if (/^heltid( ?\(?100 ?%\)?)?$/.test(w)) return { hoursPerWeek: null, percent: 100 };
  if (/^halvtid( ?\(?50 ?%\)?)?$/.test(w)) return { hoursPerWeek: null, percent: 50 };
  let m = /^(\d+(?:\.\d+)?) ?(%|procent)$/.exec(w);
  if (m) {
    const percent = Number(m[1]);
    return percent <= 100 ? { hoursPerWeek: null, percent } : null;
  }
  m =
    /^(\d+(?:\.\d+)?) ?(h|t|tim|timmar|timme)?\.?( ?\/ ?(v|v\.|vecka|veckan|vk)| per vecka| i veckan)?$/.exec(
      w,
    );
  if (m) {
    const hours = Number(m[1]);
    return hours <= 168 ? { hoursPerWeek: hours, percent: null } : null;
  }
  return null;
}

/**
 * Hours of an activity (the list's Timmar column): 2, 2.5, "2,5", "2 h", "2 tim", "1:30".
 * A number in a cell formatted as a time ("[h]:mm") is a fraction of a day. 0–24, else null.
 */
export function parseHours(value: unknown, numberFormat?: string | null): number | null {
  const plain = plainValue(value);
  let hours: number | null = null;
  if (typeof plain === "number") {
    if (!Number.isFinite(plain)) return null;
    const kind = formatKind(numberFormat);
    hours = kind === "time" ? roundTo(plain * 24) : plain;
  } else if (typeof plain === "string") {
    const text = plain.trim().toLowerCase();
    let m = /^(\d{1,2}):(\d{2})(?:\s*h)?$/.exec(text);
    if (m) {
      const minutes = Number(m[2]);
      hours = minutes < 60 ? roundTo(Number(m[1]) + minutes / 60) : null;
    } else {
      m = /^(\d+(?:[.,]\d+)?)\s*(h|t|tim|timmar|timme)?\.?$/.exec(text);
      hours = m ? decimal(m[1] ?? "") : null;
    }
  }
  return hours !== null && hours >= 0 && hours <= 24 ? hours : null;
}

/**
 * A time of day in a cell: the texts of parseTime ("8", "8.00", "08:00", "8:30", "kl 8"), also
 * "8,30" and "08:00:00"; an Excel time fraction (0.3541666 = 8:30); the time part of a date
 * with a time (45356.354); a Date (a file reader's time cell). A number between 1 and 24
 * with decimals ("8.3" turned into a number by an English Excel) is ambiguous: null.
 */
export function parseTimeValue(value: unknown): Minutes | null {
  const plain = plainValue(value);
  if (typeof plain === "number") {
    if (!Number.isFinite(plain) || plain < 0) return null;
    if (plain > 24 && !Number.isInteger(plain)) {
      return Math.round((plain - Math.floor(plain)) * 1440) % 1440;
    }
    return parseTime(plain);
  }
  if (plain instanceof Date) {
    if (Number.isNaN(plain.getTime())) return null;
    return plain.getUTCHours() * 60 + plain.getUTCMinutes();
  }
  if (typeof plain !== "string") return null;
  const text = plain
    .trim()
    .replace(/^(\d{1,2}),(\d{2})$/, "$1.$2")
    .replace(/^(\d{1,2}:\d{2}):00$/, "$1");
  return parseTime(text);
}

/** A time range in one cell ("8.00-12.00", "8-12", "8.00–12.00", "kl 8-12"), or null. */
export function parseTimeRangeValue(value: unknown): TimeRange | null {
  const text = textOf(value);
  if (text === null) return null;
  return parseTimeRange(text.replace(/(\d{1,2}:\d{2}):00\b/g, "$1"));
}

/**
 * Where the year of a date written without one ("5 mar", "5/3") comes from, in order:
 * - `onOrAfter`: the first such day on or after this date (a participant's startdatum, for an
 *   activity, event or end date: they belong to the period that starts there);
 * - `onOrBefore`: the last such day on or before this date (beslutsdatum, which precedes
 *   startdatum);
 * - `defaultYear`: the year the caller gives (the lead passes Inställningar's "Idag" year, or
 *   today's year).
 * Without any of them such a date is unreadable.
 */
export interface DateContext {
  onOrAfter?: IsoDate | null;
  onOrBefore?: IsoDate | null;
  defaultYear?: number | null;
}

/** The first serial number read as a date (1950-01-01); below it a number is not a date. */
export const MIN_DATE_SERIAL = 18_264;
/** The last serial number read as a date (2100-12-31). */
export const MAX_DATE_SERIAL = 73_415;

/**
 * A date cell: an Excel serial number (1950–2100; a small number in a date column is a typing
 * slip, not a day in 1900), a Date (also 1950–2100), or a text of mallar.md ("2024-03-05", "5/3 2024",
 * "5 mars 2024", "5 mar" with the year from `context`). Null when unreadable.
 */
export function parseDateCell(value: unknown, context: DateContext = {}): IsoDate | null {
  const plain = plainValue(value);
  if (typeof plain === "number") {
    if (!Number.isFinite(plain) || plain < MIN_DATE_SERIAL || plain >= MAX_DATE_SERIAL + 1) {
      return null;
    }
    return parseDateValue(plain);
  }
  if (plain instanceof Date) {
    const year = plain.getUTCFullYear();
    return year >= 1950 && year <= 2100 ? parseDateValue(plain) : null;
  }
  if (typeof plain !== "string") return null;
  const full = parseDateText(plain);
  if (full !== null) return full;
  // Written without a year? (2000 is a leap year, so "29/2" passes this probe.)
  if (parseDateText(plain, { defaultYear: 2000 }) === null) return null;
  const after = context.onOrAfter ?? null;
  if (after !== null) {
    const year = Number(after.slice(0, 4));
    const same = parseDateText(plain, { defaultYear: year });
    if (same !== null && same >= after) return same;
    return parseDateText(plain, { defaultYear: year + 1 });
  }
  const before = context.onOrBefore ?? null;
  if (before !== null) {
    const year = Number(before.slice(0, 4));
    const same = parseDateText(plain, { defaultYear: year });
    if (same !== null && same <= before) return same;
    return parseDateText(plain, { defaultYear: year - 1 });
  }
  const defaultYear = context.defaultYear ?? null;
  return defaultYear === null ? null : parseDateText(plain, { defaultYear });
}

export interface UpptrappningStep {
  from: IsoDate;
  hoursPerWeek: number;
}

export interface UpptrappningRead {
  steps: UpptrappningStep[];
  /** The parts of the text that could not be read, as written. */
  unreadable: string[];
}

/**
 * An upptrappningsplan: "från 2024-03-01 20 h; från 2024-04-01 30 h". Steps are separated by
 * ";" or line breaks; each is a date and hours per week in either order ("20 h från 5/3"),
 * with "från", "fr.o.m.", "fr o m" optional; a percentage is converted with `fullTimeHours`.
 * Steps come back sorted by date.
 */
export function parseUpptrappning(
  text: string,
  dateContext: DateContext = {},
  fullTimeHours = 40,
): UpptrappningRead {
  const steps: UpptrappningStep[] = [];
  const unreadable: string[] = [];
  const FROM = String.raw`(?:fr(?:an|ån)?\.?\s*o\.?\s*m\.?|fr(?:ån|an)|from|fr\.)?`;
  const AMOUNT = String.raw`(\d+(?:[.,]\d+)?)\s*(h|t|tim|timmar|timme|%|procent)?\.?(?:\s*(?:\/\s*v(?:ecka|k|\.)?|per\s+vecka|i\s+veckan))?`;
  const dateFirst = new RegExp(String.raw`^${FROM}\s*(.+?)\s*[:,\-–]?\s+${AMOUNT}$`, "iu");
  const hoursFirst = new RegExp(String.raw`^${AMOUNT}\s*[:,\-–]?\s*${FROM}\s+(.+?)$`, "iu");
  for (const raw of text.split(/[;\n\r]+/)) {
    const part = raw.trim().replace(/[.,]$/, "");
    if (part === "") continue;
    let dateText: string | undefined;
    let amountText: string | undefined;
    let unit: string | undefined;
    let m = dateFirst.exec(part);
    if (m) [, dateText, amountText, unit] = m;
    let date = dateText === undefined ? null : parseDateCell(dateText, dateContext);
    if (date === null) {
      m = hoursFirst.exec(part);
      if (m) {
        [, amountText, unit, dateText] = m;
        date = dateText === undefined ? null : parseDateCell(dateText, dateContext);
      }
    }
    const amount = amountText === undefined ? Number.NaN : decimal(amountText);
    const isPercent = unit !== undefined && /^(%|procent)$/i.test(unit);
    const hours = isPercent ? roundTo((amount / 100) * fullTimeHours) : amount;
    const valid = isPercent ? amount <= 100 : hours <= 168;
    if (date === null || !Number.isFinite(hours) || !valid) {
      unreadable.push(part);
      continue;
    }
    steps.push({ from: date, hoursPerWeek: hours });
  }
  steps.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { steps, unreadable };
}

/**
 * The reason words of regelkatalog.md: "sjuk", "VAB", "ogiltig frånvaro", "ledig" (also
 * "Sjukdom", "Vård av barn", "Ogiltig", "Semester", "Beviljad ledighet"), or null.
 */
export function classifyReason(text: string): "sjuk" | "VAB" | "ogiltig frånvaro" | "ledig" | null {
  const w = foldWords(text);
  if (w === "") return null;
  if (/^(sjuk|sjukdom|sjukanmald|sjukskriven|sjukfranvaro|sjuk\w*)$/.test(w)) return "sjuk";
  if (/^(vab|vabb|vard av barn|vard av sjukt barn|tillfallig foraldrapenning)$/.test(w))
    return "VAB";
  if (/^(ogiltig|ogiltig franvaro|ogiltigt franvarande|ogiltigt|ogiltigt franvaro)$/.test(w)) {
    return "ogiltig frånvaro";
  }
  if (/^(ledig|ledighet|beviljad ledighet|semester|tjanstledig|ledig dag)$/.test(w)) return "ledig";
  return null;
}

export interface AttendanceWord {
  status: ActivityAttendance["status"];
  reason: string | null;
}

/**
 * The Närvaro/Utfall column: "Närvarande", "Närvaro", "Deltog", "Ja", SANT → närvarande;
 * "Frånvarande", "Frånvaro", "Ej närvarande", "Uteblev", "Nej", FALSKT → frånvarande; "Sjuk",
 * "VAB", "Ogiltig", "Ledig" → frånvarande with that reason; "Frånvarande: tandläkare" →
 * frånvarande with the reason as written. Null when unreadable.
 */
export function parseAttendanceWord(value: unknown): AttendanceWord | null {
  const plain = plainValue(value);
  if (typeof plain === "boolean") {
    return { status: plain ? "närvarande" : "frånvarande", reason: null };
  }
  if (typeof plain !== "string") return null;
  const text = plain.trim();
  const w = foldWords(text);
  if (w === "") return null;
  if (
    /^(narvarande|narvaro|narv|deltog|deltagit|deltar|ja|sant|x|genomford|genomfort|nar)$/.test(w)
  ) {
    return { status: "närvarande", reason: null };
  }
  const reason = classifyReason(text);
  if (reason !== null) return { status: "frånvarande", reason };
  if (
    /^(franvarande|franvaro|franv|ej narvarande|inte narvarande|ej narvaro|ej deltagit|deltog ej|uteblev|uteblivit|nej|falskt)$/.test(
      w,
    )
  ) {
    return { status: "frånvarande", reason: null };
  }
  const m = /^\s*fr[aå]nvar(?:ande|o)\s*[:\-–(,]\s*(.*?)\)?\s*$/iu.exec(text);
  if (m) {
    const detail = (m[1] ?? "").trim();
    return {
      status: "frånvarande",
      reason: classifyReason(detail) ?? (detail === "" ? null : detail),
    };
  }
  return null;
}

/**
 * Intyg/Läkarintyg: "Ja", "X", SANT → true; "Nej" → false; a date (or "Ja 2024-03-12",
 * "inkom 12/3") → that date. `undefined` when the cell cannot be read (null is "blank").
 */
export function parseCertificate(
  value: unknown,
  dateContext: DateContext = {},
): boolean | IsoDate | null | undefined {
  if (isBlankValue(value)) return null;
  const plain = plainValue(value);
  if (typeof plain === "number" || plain instanceof Date) {
    if (plain === 1 || plain === 0) return plain === 1;
    return parseDateCell(plain, dateContext) ?? undefined;
  }
  const yesNo = parseYesNo(plain);
  if (yesNo !== null) return yesNo;
  if (typeof plain !== "string") return undefined;
  const date = parseDateCell(plain, dateContext);
  if (date !== null) return date;
  const rest = plain
    .trim()
    .replace(/^(ja|inkom(mit|met)?|inlämnat|inlamnat|mottaget|finns)\b[\s,:\-–]*/iu, "");
  if (rest === plain.trim()) return undefined;
  return parseDateCell(rest, dateContext) ?? undefined;
}

/** A participant id as Schemakoll may show it (domain/personnummer). */
export { displayId } from "../domain/personnummer";
