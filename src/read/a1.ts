/**
 * Cell addresses and cell texts. Rows and columns are 0-based indexes into a grid
 * (SheetData.values); A1 addresses are what Excel and a person write ("B7" = row 6, column 1).
 * `cellText` gives a cell's value as a person sees it on the sheet, for quoting in findings
 * and in SourceRef.text.
 */
import { fromSerial, fromUtc } from "../domain/date";
import { formatTime } from "../domain/time";

/** Excel's last column, XFD. */
export const MAX_COLUMN_INDEX = 16_383;

/**
 * Column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD".
 * Throws RangeError for an index that is not a whole number in 0…16383 (a programming
 * error; readers only pass indexes of real cells).
 */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > MAX_COLUMN_INDEX) {
    throw new RangeError(`Column index out of range: ${String(index)}`);
  }
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based column index of column letters ("A" → 0, "aa" → 26), or null when not a column. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  const index = n - 1;
  return index <= MAX_COLUMN_INDEX ? index : null;
}

/** A1 address of a 0-based (row, column): a1(6, 1) → "B7". */
export function a1(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 0 || row > 1_048_575) {
    throw new RangeError(`Row index out of range: ${String(row)}`);
  }
  return `${columnLetter(column)}${row + 1}`;
}

/** The 0-based (row, column) of an A1 address ("B7", "$B$7"), or null. */
export function parseA1(address: string): { row: number; column: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/.exec(address.trim());
  if (!m) return null;
  const column = columnIndex(m[1] ?? "");
  const row = Number(m[2]) - 1;
  if (column === null || row > 1_048_575) return null;
  return { row, column };
}

/**
 * An address with its sheet as Excel writes it: "Aktiviteter!B7", or with quotes when the
 * name has spaces or punctuation: "'Godkända avvikelser'!B7".
 */
export function sheetAddress(sheet: string, address: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet);
  return plain ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}

export type FormatKind = "general" | "date" | "datetime" | "time" | "percent" | "text";

/**
 * What an Excel number format shows a number as. Quoted literals, escapes and bracketed
 * colours/locales are ignored; "[h]:mm" is a time. Local Swedish codes (ÅÅÅÅ-MM-DD, tt:mm)
 * are recognised too.
 */
export function formatKind(format: string | undefined | null): FormatKind {
  if (typeof format !== "string") return "general";
  const trimmed = format.trim();
  if (trimmed === "" || /^(general|standard)$/i.test(trimmed)) return "general";
  if (trimmed === "@") return "text";
  const elapsed = /\[(h+|m+|s+|t+)\]/i.test(trimmed);
  const section = (trimmed.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/general|standard/gi, "");
  const hasDate = /[ydå]/i.test(section);
  const hasTime = elapsed || /[hst]/i.test(section);
  if (hasDate && hasTime) return "datetime";
  if (hasDate) return "date";
  if (hasTime) return "time";
  if (section.includes("%")) return "percent";
  return "general";
}

function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  // Excel's General format shows about ten significant digits, with the Swedish decimal comma.
  return String(Number(value.toPrecision(10))).replace(".", ",");
}

function timeOfDay(fraction: number): string {
  const minutes = Math.round((fraction - Math.floor(fraction)) * 1440);
  return formatTime(minutes === 1440 ? 0 : minutes);
}

function numberText(value: number, format: string | undefined | null): string {
  switch (formatKind(format)) {
    case "date":
      return fromSerial(value) ?? generalNumber(value);
    case "datetime": {
      const date = fromSerial(value);
      return date === null ? generalNumber(value) : `${date} ${timeOfDay(value)}`;
    }
    case "time":
      return value >= 0 && value < 1 ? timeOfDay(value) : generalNumber(value);
    case "percent":
      return `${generalNumber(Math.round(value * 100 * 1e6) / 1e6)} %`;
    default:
      return generalNumber(value);
  }
}

/** A Date, also one made in another JavaScript realm (a worker, a vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/**
 * The plain value of a cell: strings, numbers, booleans and Dates as they are; a file reader's
 * wrapper objects (formula `{ result }`, rich text `{ richText: [{ text }] }`, hyperlink
 * `{ text }`, error `{ error: "#N/A" }`) unwrapped to the value they show; anything else "".
 * A Date from another realm comes back as a Date of this one.
 */
export function plainValue(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (isDate(value)) return new Date(Date.prototype.getTime.call(value));
  if (typeof value !== "object" || depth > 3) return "";
  const obj = value as Record<string, unknown>;
  if (typeof obj.error === "string") return obj.error;
  if (Array.isArray(obj.richText)) {
    return obj.richText
      .map((part: unknown) =>
        typeof part === "object" && part !== null && "text" in part ? String(part.text) : "",
      )
      .join("");
  }
  if ("result" in obj) return plainValue(obj.result, depth + 1);
  if (typeof obj.text === "string") return obj.text;
  return "";
}

/**
 * A cell's value as a person sees it: text as written; numbers in General format with a
 * decimal comma ("8,5"); booleans as Swedish Excel shows them ("SANT", "FALSKT"); a Date as
 * "2024-03-05" (with " 8:30" when it has a time of day, just "8:30" for a time-only cell); an
 * empty cell "". Takes one argument, so `row.map(cellText)` works; with a number format use
 * `formattedCellText`.
 */
export function cellText(value: unknown): string {
  return formattedCellText(value, null);
}

/**
 * Like `cellText`, with numbers shown as their number format shows them: date "2024-03-05",
 * time "8:30", date and time "2024-03-05 8:30", percent "50 %".
 */
export function formattedCellText(value: unknown, numberFormat: string | null | undefined): string {
  const plain = plainValue(value);
  if (typeof plain === "string") return plain;
  if (typeof plain === "number") return numberText(plain, numberFormat);
  if (typeof plain === "boolean") return plain ? "SANT" : "FALSKT";
  if (plain instanceof Date) {
    if (Number.isNaN(plain.getTime())) return "";
    const date = fromUtc(plain);
    const minutes = plain.getUTCHours() * 60 + plain.getUTCMinutes();
    if (date === "1899-12-30" && minutes > 0) return formatTime(minutes); // a time-only cell
    return minutes === 0 ? date : `${date} ${formatTime(minutes)}`;
  }
  return "";
}
