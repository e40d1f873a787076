/**
 * The workbook port: the only way the rest of Schemakoll touches Excel or a file (design.md).
 * Two implementations: office/ (Excel JavaScript API, in the task pane) and file/ (ExcelJS on
 * an .xlsx, for the CLI and the tests). Everything here is plain data; no Excel types leak out.
 */
import type { ChartSpec, SheetCell, SheetData, SheetModel, Severity } from "../domain/model";

// The sheet shapes are plain data in domain/, so that reports/ can build them without
// importing this layer.
export type { ChartSpec, SheetCell, SheetData, SheetModel, Severity };

/** A finding's cells to mark: fill by severity, the message as a note on the first cell. */
export interface CellMark {
  sheet: string;
  /** A1 addresses or ranges ("B7", "B7:F7"). The note goes on the first cell of the first one. */
  cells: string[];
  severity: Severity;
  /** Swedish message, shown in the cell's note. */
  note: string;
}

/** Where select() last pointed. */
export interface Selection {
  sheet: string;
  cells: string[];
}

export interface WorkbookPort {
  /** Every sheet when names is omitted (Schemakoll's own hidden sheet excepted), in tab order. */
  readSheets(names?: string[]): Promise<SheetData[]>;
  /** Fill colour by severity and a note with the message on each mark's first cell. */
  markCells(marks: CellMark[]): Promise<void>;
  /** Restores every marked cell's own fill and note exactly. */
  clearMarks(): Promise<void>;
  /**
   * clearMarks() then markCells(marks) as one command: what a validation does. The Office port
   * does it in a fixed, small number of syncs (it reuses what the readSheets just before it
   * loaded, and falls back to the full path if the workbook changed in between).
   */
  replaceMarks(marks: CellMark[]): Promise<void>;
  /** Creates the sheet, or replaces the sheet of that name in place; no other sheet changes. */
  writeSheet(sheet: SheetModel): Promise<void>;
  /** Activates a sheet and selects cells. */
  select(sheet: string, cells: string[]): Promise<void>;
  /**
   * Appends rows below the sheet's last used row, leaving everything above as it is; creates
   * the sheet with `header` (bold) as its first row when it does not exist. Text is literal.
   * Used for "Godkända avvikelser".
   */
  appendRows(sheet: string, header: readonly string[], rows: readonly SheetCell[][]): Promise<void>;
  /**
   * Writes single cells of an existing sheet (creating the sheet when missing), values only:
   * the cells' own formats stay. Text is literal. Used for Inställningar.
   */
  writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void>;
}

/** One value to write into one cell. */
export interface CellWrite {
  /** A1 address ("B7"). */
  cell: string;
  value: SheetCell["value"];
}

/** The hidden sheet that remembers marked cells' own formatting, so clearMarks can restore it. */
export const MARKS_SHEET_NAME = "Schemakoll_markeringar";

/** Fill colour (ARGB) of a marked cell, by severity. */
export const MARK_FILL_ARGB: Readonly<Record<Severity, string>> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};

/**
 * The only formulas Schemakoll writes: sums and counts over plain ranges of the same sheet
 * ("SUM(G6:G12)", "SUBTOTAL(109,G6:G12)"). Anything else is refused, so no text from a
 * workbook can ever become a formula through this path.
 */
export const SAFE_FORMULA =
  /^(?:(?:SUM|COUNT|COUNTA)\(|SUBTOTAL\(109,)\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+\)$/;

/** What a worksheet may hold, and what Schemakoll agrees to read. */
export const WORKBOOK_LIMITS = {
  /** Excel's own sheet size. */
  maxRows: 1_048_576,
  maxColumns: 16_384,
  /** A sheet's grid (rows × columns of its used extent) read into memory at most. */
  maxGridCells: 5_000_000,
} as const;

/** Base of every error the port throws on purpose; `message` is Swedish and meant for the user. */
export class WorkbookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookError";
  }
}

/** The workbook (or a sheet in it) cannot be read. */
export class WorkbookReadError extends WorkbookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookReadError";
  }
}

/** The workbook cannot be changed or saved as asked. */
export class WorkbookWriteError extends WorkbookError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookWriteError";
  }
}

/** An internal hyperlink to a cell: internalLink("Jan Ek", "B7") → "#'Jan Ek'!B7". */
export function internalLink(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** A workbook-level defined name. */
export interface DefinedName {
  name: string;
  /** The formula as Excel shows it, starting with "=". */
  formula: string;
}

/**
 * Workbook names (the "formulas without AMI." option). Only the Office port has them; the file
 * port does not offer this.
 */
export interface NamesPort {
  /** Whether this Excel evaluates LAMBDA in defined names (false on versions without it). */
  lambdaSupported(): Promise<boolean>;
  listNames(): Promise<DefinedName[]>;
  /** Adds or replaces each name, all in one batch. */
  setNames(names: readonly DefinedName[], comment: string): Promise<void>;
  deleteNames(names: readonly string[]): Promise<void>;
}
