/**
 * The mark records kept in the hidden sheet Schemakoll_markeringar, in the format both ports
 * share (src/workbook/markRecords.ts: v1 and v2 read, v2 written), so that either port clears
 * marks the other made: one row per marked cell, A: cell, B: sheet, C: severity, D…: the JSON in
 * pieces of at most 30 000 characters.
 *
 * The file port keeps the cell's ExcelJS style; the Office port keeps that style object as it
 * was read (so a CLI record written back by Office is unchanged) and, for cells it marks itself,
 * writes the fill the way ExcelJS does ({ type: "pattern", pattern: "solid", fgColor: { argb } }),
 * which the file port restores as well.
 */
import type { Severity } from "../../domain/model";
import { decodeRecord, markNoteText, recordCells, recordKey } from "../markRecords";

export { higher, markNoteText, MAX_MESSAGE, noteText, recordKey, truncate } from "../markRecords";

/** A cell's own fill as the Office port can put it back. */
export type OwnFill =
  | { kind: "none" }
  | { kind: "color"; color: string }
  /** A fill the Excel JavaScript API cannot express (a theme colour or gradient from a file). */
  | { kind: "unknown" };

export interface MarkRecord {
  sheet: string;
  address: string;
  severity: Severity;
  messages: string[];
  /** The cell's own style before the first mark (ExcelJS shape; only `fill` is used). */
  style: Record<string, unknown>;
  /** The cell's own note before the first mark (a string, or ExcelJS rich text). */
  note: unknown;
}

/** Whether a note's text is still the one Schemakoll wrote (line breaks either way). */
export function isMarkNote(text: string, record: MarkRecord): boolean {
  const lf = (t: string): string => t.replace(/\r\n?/g, "\n");
  return lf(text) === lf(markNoteText(record));
}

/** "#RRGGBB" of an ARGB colour. */
export function hexOfArgb(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/** The fill an ExcelJS style records, as the Office API can set it. */
export function ownFill(style: Record<string, unknown>): OwnFill {
  const fill = style.fill;
  if (fill === undefined || fill === null) return { kind: "none" };
  if (typeof fill !== "object") return { kind: "unknown" };
  const f = fill as { type?: unknown; pattern?: unknown; fgColor?: { argb?: unknown } };
  if (f.type === "pattern" && f.pattern === "none") return { kind: "none" };
  const argb = f.fgColor?.argb;
  if (f.type === "pattern" && f.pattern === "solid" && typeof argb === "string") {
    if (/^[0-9A-Fa-f]{8}$/.test(argb) || /^[0-9A-Fa-f]{6}$/.test(argb)) {
      return { kind: "color", color: hexOfArgb(argb) };
    }
  }
  return { kind: "unknown" };
}

/** The ExcelJS style the Office port records for a cell's fill as Excel reports it. */
export function styleOfFill(color: string | null, pattern: string | null): Record<string, unknown> {
  if (
    pattern === null ||
    pattern === "None" ||
    color === null ||
    !/^#[0-9A-Fa-f]{6}$/.test(color)
  ) {
    return {};
  }
  return {
    fill: {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: `FF${color.slice(1).toUpperCase()}` },
    },
  };
}

/** The record's row for the hidden sheet: A cell, B sheet, C severity, D… the JSON (v2). */
export function recordRow(record: MarkRecord): string[] {
  return recordCells(record);
}

export const RECORDS_HEADER = [
  "Cell",
  "Blad",
  "Allvarlighetsgrad",
  "Ursprungligt format, anteckning och meddelanden (JSON, fortsätter åt höger)",
];

export interface RecordState {
  records: Map<string, MarkRecord>;
  /** Rows that could not be understood, kept as they were. */
  unreadable: string[][];
}

/** The records from the hidden sheet's values (row 1 is the header), v1 or v2. */
export function parseRecords(values: readonly (readonly unknown[])[]): RecordState {
  const records = new Map<string, MarkRecord>();
  const unreadable: string[][] = [];
  values.forEach((row, index) => {
    if (index === 0) return;
    const texts = row.map((v) =>
      typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "",
    );
    while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
    if (texts.length === 0) return;
    try {
      const record = decodeRecord(texts);
      records.set(recordKey(record.sheet, record.address), record);
    } catch {
      unreadable.push(texts);
    }
  });
  return { records, unreadable };
}

/** Every row of the hidden sheet, header first; empty when nothing is left to keep. */
export function recordRows(state: RecordState): string[][] {
  if (state.records.size === 0 && state.unreadable.length === 0) return [];
  return [RECORDS_HEADER, ...[...state.records.values()].map(recordRow), ...state.unreadable];
}
