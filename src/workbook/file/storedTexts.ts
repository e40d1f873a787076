/**
 * Texts a file holds in Excel's escaped form, kept that way through a save. An .xlsx stores a
 * carriage return as "_x000D_" and a literal "_x0041_" as "_x005F_x0041_"; ExcelJS decodes
 * these when it reads a file but writes strings as they are, so a copy would read "\n" for
 * "\r" and "A" for "_x0041_" in cells Schemakoll never touched. Schemakoll's own writes are
 * already escaped (xlsxText); what needs escaping on the way out is the text as read. So the
 * cells and notes whose text escapes differently are noted when the file is read, and for the
 * write only those still holding exactly what was read get the escaped text — put back after.
 */
import type { Cell, CellValue, Comment, Workbook } from "exceljs";
import { cellNote } from "./excelInternals";
import { escapeXlsx } from "./writeSheet";

const NEEDS_ESCAPE = /\r|_x[0-9A-Fa-f]{4}_/;

interface Stored<T> {
  cell: Cell;
  read: T;
  escaped: T;
  /** Compares what the cell holds now with what was read. */
  same: (now: T) => boolean;
}

/** The texts as read, to be escaped on the way out (see module comment). */
export interface StoredTexts {
  values: Stored<CellValue>[];
  notes: Stored<string | Comment>[];
}

function needsEscape(text: unknown): text is string {
  return typeof text === "string" && NEEDS_ESCAPE.test(text);
}

interface Run {
  text: string;
}

function escapedRuns<T extends Run>(runs: readonly T[]): T[] | null {
  if (!runs.some((r) => needsEscape(r.text))) return null;
  return runs.map((r) => ({ ...r, text: escapeXlsx(r.text) }));
}

const sameJson =
  <T>(read: T) =>
  (now: T): boolean =>
    now === read || JSON.stringify(now) === JSON.stringify(read);

function escapedValue(value: CellValue): CellValue | null {
  if (needsEscape(value)) return escapeXlsx(value);
  if (typeof value !== "object" || value === null || value instanceof Date) return null;
  if ("richText" in value && Array.isArray(value.richText)) {
    const runs = escapedRuns(value.richText);
    return runs === null ? null : { ...value, richText: runs };
  }
  if ("hyperlink" in value && needsEscape(value.text)) {
    return { ...value, text: escapeXlsx(value.text) };
  }
  return null;
}

function escapedNote(note: string | Comment): string | Comment | null {
  if (typeof note === "string") return needsEscape(note) ? escapeXlsx(note) : null;
  const runs = Array.isArray(note.texts) ? escapedRuns(note.texts) : null;
  return runs === null ? null : { ...note, texts: runs };
}

/** Notes, right after a file is read, every cell value and note whose text needs escaping. */
export function storedTexts(workbook: Workbook): StoredTexts {
  const found: StoredTexts = { values: [], notes: [] };
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.master !== cell) return; // a merged area's other cells show its first's value
        const value = cell.value;
        const escaped = escapedValue(value);
        if (escaped !== null) {
          found.values.push({ cell, read: value, escaped, same: sameJson(value) });
        }
        const note = cellNote(cell);
        const escapedN = note === undefined ? null : escapedNote(note);
        if (note !== undefined && escapedN !== null) {
          found.notes.push({ cell, read: note, escaped: escapedN, same: sameJson(note) });
        }
      });
    });
  }
  return found;
}

/**
 * Runs write (ExcelJS's writeBuffer) with every noted text that is still as read in its
 * escaped form, and puts the texts as read back afterwards, also when write fails.
 */
export async function withStoredTexts<T>(texts: StoredTexts, write: () => Promise<T>): Promise<T> {
  const values = texts.values.filter((t) => t.same(t.cell.value));
  const notes = texts.notes.filter((t) => {
    const note = cellNote(t.cell);
    return note !== undefined && t.same(note);
  });
  try {
    for (const t of values) t.cell.value = t.escaped;
    for (const t of notes) t.cell.note = t.escaped;
    return await write();
  } finally {
    for (const t of values) t.cell.value = t.read;
    for (const t of notes) t.cell.note = t.read;
  }
}
