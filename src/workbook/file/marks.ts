/**
 * Marking cells and taking the marks away again, without losing anything of the workbook's own.
 *
 * Before a cell is first marked, its own style and note are copied (deep, as JSON) into the
 * hidden sheet Schemakoll_markeringar, one row per cell:
 *
 *   A: cell ("B7")   B: sheet   C: severity   D…: {"v":2, …only what is not empty}
 *
 * (the format both ports share, src/workbook/markRecords.ts; the older v1, with every field in
 * the JSON, is read as well). The JSON is cut into pieces of at most 30 000 characters in D, E,
 * F … (Excel holds at most 32 767 in a cell). Because the record lives in the workbook, clearMarks works after a save
 * and reopen too. Marking a cell that already has a record keeps the first record's original
 * (the cell's fill by then is Schemakoll's own), raises the severity if need be and adds the
 * message. Clearing restores the fill, and the note, only where they are still Schemakoll's:
 * a fill or note someone changed after marking is left as they made it. Values are never
 * touched, and ExcelJS's shared style objects are never mutated (a cell gets a new style
 * object), so no other cell changes with it.
 */
import type { Cell, Comment, Fill, Style, Workbook, Worksheet } from "exceljs";
import { z } from "zod";
import { severitySchema, type Severity } from "../../domain/model";
import {
  decodeRecord,
  higher,
  markNoteText,
  MAX_MESSAGE,
  noteText,
  recordCells,
  recordKey,
  truncate,
} from "../markRecords";
import { MARK_FILL_ARGB, MARKS_SHEET_NAME, WorkbookWriteError, type CellMark } from "../port";
import { parseAddress, parseRange, rangeAddresses, rangeSize } from "./a1";
import { cellFill, cellNote, removeNote } from "./excelInternals";
import { findSheet, keepingActiveSheet } from "./tabs";
import { cleanText, escapeXlsx, xlsxText } from "./writeSheet";
import { formatCount } from "./zipGuard";

/** Cells one workbook may have marked at a time. */
export const MAX_MARKED_CELLS = 200_000;

type Note = string | Comment;

export interface MarkRecord {
  sheet: string;
  address: string;
  severity: Severity;
  /** The messages shown in the note (none: the cell was only filled). */
  messages: string[];
  /** The cell's own style and note before the first mark. */
  style: Partial<Style>;
  note: Note | null;
}

/** The fills ExcelJS knows; a record with any other is not one of Schemakoll's. */
const styleSchema = z.looseObject({
  fill: z.looseObject({ type: z.enum(["pattern", "gradient"]) }).optional(),
});

interface MarkState {
  records: Map<string, MarkRecord>;
  /** Rows of the state sheet that could not be understood, kept as they were. */
  unreadable: string[][];
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function markFill(severity: Severity): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: MARK_FILL_ARGB[severity] } };
}

/** The cell's fill is still the one Schemakoll gave it (Excel may add a bgColor on saving). */
function isMarkFill(fill: Fill | undefined, severity: Severity): boolean {
  return (
    fill?.type === "pattern" &&
    fill.pattern === "solid" &&
    fill.fgColor?.argb?.toUpperCase() === MARK_FILL_ARGB[severity]
  );
}

/**
 * Whether a cell's note text is still the one Schemakoll wrote: as written (same session) or
 * as read back from a file, where ExcelJS has undone the escapes and Excel may have written
 * CR LF for line breaks.
 */
function isMarkNote(text: string, record: MarkRecord): boolean {
  const lf = (t: string): string => t.replace(/\r\n?/g, "\n");
  const expected = markNoteText(record);
  return lf(text) === lf(expected) || text === xlsxText(expected);
}

/**
 * A note as ExcelJS must be given it to store it exactly: it writes note text into the XML
 * as is, so a carriage return or a literal "_x0041_" gets Excel's escape (see xlsxText).
 */
function noteForXlsx(note: Note): Note {
  if (typeof note === "string") return escapeXlsx(note);
  const { texts } = note;
  return texts ? { ...note, texts: texts.map((t) => ({ ...t, text: escapeXlsx(t.text) })) } : note;
}

function readState(workbook: Workbook): MarkState {
  const records = new Map<string, MarkRecord>();
  const unreadable: string[][] = [];
  const sheet = workbook.getWorksheet(MARKS_SHEET_NAME);
  if (!sheet) return { records, unreadable };
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      texts.push(typeof cell.value === "string" ? cell.value : "");
    });
    try {
      const record = decodeRecord(texts);
      records.set(recordKey(record.sheet, record.address), {
        ...record,
        style: styleSchema.parse(record.style) as Partial<Style>,
        note: record.note,
      });
    } catch {
      unreadable.push(texts);
    }
  });
  return { records, unreadable };
}

function writeState(workbook: Workbook, state: MarkState): void {
  keepingActiveSheet(workbook, () => {
    const old = workbook.getWorksheet(MARKS_SHEET_NAME);
    if (old) workbook.removeWorksheet(old.id);
    if (state.records.size === 0 && state.unreadable.length === 0) return;
    const sheet = workbook.addWorksheet(MARKS_SHEET_NAME, { state: "hidden" });
    sheet.addRow([
      "Cell",
      "Blad",
      "Allvarlighetsgrad",
      "Ursprungligt format, anteckning och meddelanden (JSON, fortsätter åt höger)",
    ]);
    for (const r of state.records.values()) {
      const [address = "", name = "", ...rest] = recordCells(r);
      sheet.addRow([address, cleanText(name), ...rest]);
    }
    for (const texts of state.unreadable) sheet.addRow(texts.map(cleanText));
  });
}

interface PlannedCell {
  sheet: Worksheet;
  address: string;
  severity: Severity;
  messages: string[];
}

/** Checks every mark before anything changes, and lists the cells to mark. */
function plan(workbook: Workbook, marks: CellMark[]): Map<string, PlannedCell> {
  const cells = new Map<string, PlannedCell>();
  let count = 0;
  for (const mark of marks) {
    const sheet = findSheet(workbook, mark.sheet);
    if (!sheet || sheet.name === MARKS_SHEET_NAME) {
      throw new WorkbookWriteError(`Bladet ”${mark.sheet}” finns inte i arbetsboken.`);
    }
    const severity = severitySchema.safeParse(mark.severity);
    if (!severity.success) {
      throw new WorkbookWriteError(`Okänd allvarlighetsgrad ”${mark.severity}”.`);
    }
    const message = truncate(mark.note.trim(), MAX_MESSAGE);
    let first = true;
    for (const text of mark.cells) {
      const range = parseRange(text);
      if (!range) {
        throw new WorkbookWriteError(`”${text}” på bladet ”${sheet.name}” är ingen celladress.`);
      }
      count += rangeSize(range);
      if (count > MAX_MARKED_CELLS) throw tooManyCells();
      for (const address of rangeAddresses(range)) {
        const k = recordKey(sheet.name, address);
        const planned = cells.get(k) ?? { sheet, address, severity: severity.data, messages: [] };
        planned.severity = higher(planned.severity, severity.data);
        if (first && message !== "" && !planned.messages.includes(message)) {
          planned.messages.push(message);
        }
        first = false;
        cells.set(k, planned);
      }
    }
  }
  return cells;
}

function tooManyCells(): WorkbookWriteError {
  return new WorkbookWriteError(
    `För många celler att markera (högst ${formatCount(MAX_MARKED_CELLS)}). Ta bort gamla markeringar eller kontrollera färre blad åt gången.`,
  );
}

function applyMark(cell: Cell, record: MarkRecord): void {
  cell.style = { ...cell.style, fill: markFill(record.severity) };
  if (record.messages.length > 0) cell.note = xlsxText(markNoteText(record));
}

export function markCells(workbook: Workbook, marks: CellMark[]): void {
  const planned = plan(workbook, marks);
  if (planned.size === 0) return;
  const state = readState(workbook);
  let added = 0;
  for (const k of planned.keys()) if (!state.records.has(k)) added++;
  if (state.records.size + added > MAX_MARKED_CELLS) throw tooManyCells();
  // First every original is recorded (and stored), only then are cells changed: whatever
  // happens while marking, clearMarks can put back what was there.
  const targets: [Cell, MarkRecord][] = [];
  for (const [k, p] of planned) {
    const cell = p.sheet.getCell(p.address);
    let record = state.records.get(k);
    if (!record) {
      const own = cellNote(cell);
      record = {
        sheet: p.sheet.name,
        address: p.address,
        severity: p.severity,
        messages: [],
        style: clone(cell.style),
        note: own === undefined ? null : clone(own),
      };
      state.records.set(k, record);
    }
    // A cell that shows no note of Schemakoll's yet: the note it has now is its own (a record
    // made by the Office port for a cell it only filled does not hold the note).
    if (record.messages.length === 0) {
      const own = cellNote(cell);
      record.note = own === undefined ? null : clone(own);
    }
    record.severity = higher(record.severity, p.severity);
    for (const m of p.messages) if (!record.messages.includes(m)) record.messages.push(m);
    targets.push([cell, record]);
  }
  writeState(workbook, state);
  for (const [cell, record] of targets) applyMark(cell, record);
}

/** Restores the marked cells' own fills and notes and removes the hidden sheet. */
export function clearMarks(workbook: Workbook): void {
  if (!workbook.getWorksheet(MARKS_SHEET_NAME)) return;
  const state = readState(workbook);
  for (const record of state.records.values()) {
    const sheet = workbook.getWorksheet(record.sheet);
    const position = parseAddress(record.address);
    if (!sheet || !position) continue;
    const cell = sheet.findCell(position.row, position.col);
    if (!cell) continue;
    if (isMarkFill(cellFill(cell), record.severity)) {
      const style: Partial<Style> = { ...cell.style };
      if (record.style.fill === undefined) delete style.fill;
      else style.fill = clone(record.style.fill);
      cell.style = style;
    }
    const note = cellNote(cell);
    if (record.messages.length > 0 && note !== undefined && isMarkNote(noteText(note), record)) {
      if (record.note === null) removeNote(cell);
      else cell.note = noteForXlsx(clone(record.note));
    }
  }
  writeState(workbook, { records: new Map(), unreadable: state.unreadable });
  if (state.unreadable.length > 0) {
    throw new WorkbookWriteError(
      `${formatCount(state.unreadable.length)} markeringar i bladet ${MARKS_SHEET_NAME} gick inte att läsa och har lämnats kvar där; deras celler har inte återställts.`,
    );
  }
}

/** Drops the records of a sheet that was replaced: its cells are new and carry no marks. */
export function forgetMarks(workbook: Workbook, sheetName: string): void {
  if (!workbook.getWorksheet(MARKS_SHEET_NAME)) return;
  const state = readState(workbook);
  let changed = false;
  for (const [k, record] of state.records) {
    if (record.sheet === sheetName) {
      state.records.delete(k);
      changed = true;
    }
  }
  if (changed) writeState(workbook, state);
}

/** The cells marked now, as "Blad!B7" (for diagnostics and tests). */
export function markedCells(workbook: Workbook): string[] {
  return [...readState(workbook).records.values()].map((r) => `${r.sheet}!${r.address}`);
}

export { markNoteText, noteText } from "../markRecords";
