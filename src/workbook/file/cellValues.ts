/**
 * ExcelJS cell values → what Excel's Range.values gives: numbers (dates as serial numbers),
 * strings, booleans, "" for empty; a formula's cached result; an error as its text.
 */
import type { CellValue } from "exceljs";

const MS_PER_DAY = 86_400_000;
/** 1970-01-01 is Excel serial 25569. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A Date from ExcelJS → the Excel serial number (1900 date system) it was read from.
 *
 * ExcelJS turns a date-formatted number v into the UTC instant (v − 25569) days after
 * 1970-01-01, rounded to the millisecond; this is the exact inverse, on the UTC clock only
 * (never local-time getters, so the machine's zone cannot shift a day). The whole days are
 * those of toSerial(fromUtc(date)) for every date from 1900-03-01 on; below that the linear
 * count is kept because ExcelJS used it (serial 0.5 is "12:00", a time without a date).
 * One division of whole milliseconds keeps a time of day as exact as Excel stores it
 * (13:30 → 0.5625). Null for an invalid Date.
 */
export function serialFromDate(date: Date): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  return (ms + UNIX_EPOCH_SERIAL * MS_PER_DAY) / MS_PER_DAY;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function richTextPlain(value: unknown): string | null {
  if (!isObject(value) || !Array.isArray(value.richText)) return null;
  return value.richText
    .map((run: unknown) => (isObject(run) && typeof run.text === "string" ? run.text : ""))
    .join("");
}

/** A plain value (not a formula) as Range.values gives it. */
function plainValue(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (value instanceof Date) return serialFromDate(value) ?? "#NUM!";
  if (!isObject(value)) return "";
  if (typeof value.error === "string") return value.error;
  const rich = richTextPlain(value);
  if (rich !== null) return rich;
  if ("hyperlink" in value) {
    if (typeof value.text === "string") return value.text;
    return richTextPlain(value.text) ?? "";
  }
  return "";
}

/** An ExcelJS cell value → Range.values' value. Merged-away cells are handled by the caller. */
export function rangeValue(value: CellValue): string | number | boolean {
  if (isObject(value) && ("formula" in value || "sharedFormula" in value)) {
    // A formula never recalculated (no cached result) shows as empty, as in Range.values
    // before Excel has calculated it.
    return plainValue("result" in value ? value.result : undefined);
  }
  return plainValue(value);
}
