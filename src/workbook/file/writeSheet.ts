/**
 * SheetModel → worksheet. Text is always a text value (an .xlsx shared string), never a
 * formula, whatever it starts with: this module never gives ExcelJS a { formula } value.
 */
import type { CellValue, Fill, Font, Style, Workbook, Worksheet } from "exceljs";
import {
  MARKS_SHEET_NAME,
  SAFE_FORMULA,
  WorkbookWriteError,
  type SheetCell,
  type SheetModel,
} from "../port";
import { formatAddress } from "./a1";
import { getOrderNo, setOrderNo, tableNames } from "./excelInternals";
import { findSheet, keepingActiveSheet } from "./tabs";

/** Excel's most characters in a cell. */
export const MAX_CELL_TEXT = 32_767;
const MAX_COLUMN_WIDTH = 255;
/** Excel's longest table column name. */
const MAX_COLUMN_NAME = 255;
const HYPERLINK_FONT: Partial<Font> = { underline: true, color: { argb: "FF0563C1" } };

/** Why Excel would refuse this sheet name, in Swedish; null when it is fine. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "Bladnamnet är tomt.";
  if (name.length > 31) return `Bladnamnet ”${name}” är längre än 31 tecken.`;
  if (/[[\]:*?/\\]/.test(name)) {
    return `Bladnamnet ”${name}” innehåller något av tecknen [ ] : * ? / \\.`;
  }
  if (name.startsWith("'") || name.endsWith("'")) {
    return `Bladnamnet ”${name}” får inte börja eller sluta med apostrof.`;
  }
  if (Array.from({ length: name.length }, (_, i) => name.charCodeAt(i)).some((c) => c < 32)) {
    return `Bladnamnet ”${name}” innehåller styrtecken.`;
  }
  const lower = name.toLowerCase();
  if (lower === "history" || lower === MARKS_SHEET_NAME.toLowerCase()) {
    return `Bladnamnet ”${name}” är reserverat.`;
  }
  return null;
}

/**
 * Text as an .xlsx can hold it: without the characters XML 1.0 forbids (ExcelJS would write
 * them and Excel would call the file damaged) and at most 32 767 characters. Tab, line feed
 * and carriage return stay.
 */
export function cleanText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (code === 0xfffe || code === 0xffff) continue;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13) continue;
    out += text.charAt(i);
  }
  return out.length > MAX_CELL_TEXT ? out.slice(0, MAX_CELL_TEXT) : out;
}

/**
 * A cell's text in the form an .xlsx stores it. XML reads a carriage return as a line feed,
 * so it goes in as Excel writes it, "_x000D_"; a text that itself contains such an escape
 * ("_x0041_") has its underscore escaped ("_x005F_"), so Excel (and ExcelJS) read back
 * exactly the text given.
 */
export function xlsxText(text: string): string {
  return escapeXlsx(cleanText(text));
}

/** Only the escapes of xlsxText, for text that is already clean (read from a file). */
export function escapeXlsx(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(/\r/g, "_x000D_");
}

function cellValue(cell: SheetCell, where: string): CellValue {
  if (cell.hyperlink !== undefined) {
    if (!cell.hyperlink.startsWith("#")) {
      throw new WorkbookWriteError(
        `Länken i ${where} går utanför arbetsboken; Schemakoll skriver bara interna länkar.`,
      );
    }
    const text = cell.value === null ? "" : String(cell.value);
    return { text: xlsxText(text), hyperlink: cleanText(cell.hyperlink).replace(/\s/g, "") };
  }
  const { value } = cell;
  if (cell.formula !== undefined) {
    if (!SAFE_FORMULA.test(cell.formula)) {
      throw new WorkbookWriteError(`Formeln i ${where} är inte en av Schemakolls egna.`);
    }
    const result = typeof value === "number" && Number.isFinite(value) ? value : undefined;
    return result === undefined ? { formula: cell.formula } : { formula: cell.formula, result };
  }
  if (typeof value === "string") return xlsxText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  return value;
}

function cellStyle(cell: SheetCell, where: string): Partial<Style> | null {
  const style: Partial<Style> = {};
  if (cell.numberFormat !== undefined && cell.numberFormat !== "") {
    style.numFmt = cell.numberFormat;
  }
  if (cell.hyperlink !== undefined || cell.bold) {
    style.font = {
      ...(cell.hyperlink !== undefined ? HYPERLINK_FONT : {}),
      ...(cell.bold ? { bold: true } : {}),
    };
  }
  if (cell.fill !== undefined) {
    if (!/^[0-9A-Fa-f]{8}$/.test(cell.fill)) {
      throw new WorkbookWriteError(`Färgen ”${cell.fill}” i ${where} är ingen ARGB-färg.`);
    }
    const fill: Fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: cell.fill.toUpperCase() },
    };
    style.fill = fill;
  }
  return Object.keys(style).length > 0 ? style : null;
}

interface PreparedCell {
  row: number;
  col: number;
  value: CellValue;
  style: Partial<Style> | null;
}

function prepareCells(model: SheetModel): PreparedCell[] {
  const cells: PreparedCell[] = [];
  model.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const where = `${model.name}!${formatAddress(r + 1, c + 1)}`;
      const value = cellValue(cell, where);
      const style = cellStyle(cell, where);
      if (value !== null || style !== null) cells.push({ row: r + 1, col: c + 1, value, style });
    });
  });
  return cells;
}

/** A valid, unused table name: letters, digits, _ and . only, not like a cell address. */
function tableName(workbook: Workbook, wanted: string): string {
  let base = wanted.normalize("NFC").replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[Rr]\d*[Cc]?\d*$/.test(base) || /^[Cc]$/.test(base)) {
    base = `_${base}`;
  }
  base = base.slice(0, 240);
  const taken = new Set(
    workbook.worksheets.flatMap((s) => tableNames(s)).map((n) => n.toLowerCase()),
  );
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

function headerText(cell: SheetCell | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return "";
  // A table column's name lives in an XML attribute, where line breaks and tabs do not survive.
  return cleanText(String(value)).replace(/\s+/g, " ").trim().slice(0, MAX_COLUMN_NAME);
}

export interface PreparedTable {
  wantedName: string;
  headerRow: number;
  columns: string[];
  rowCount: number;
}

/** The table's columns (unique, never empty) as both ports name them. */
export function prepareTable(model: SheetModel): PreparedTable | null {
  const { table } = model;
  if (!table) return null;
  const { headerRow, rowCount } = table;
  const header = model.rows[headerRow];
  if (!Number.isInteger(headerRow) || headerRow < 0 || !header) {
    throw new WorkbookWriteError(`Tabellens rubrikrad saknas på bladet ”${model.name}”.`);
  }
  if (!Number.isInteger(rowCount) || rowCount < 0) {
    throw new WorkbookWriteError(`Tabellens antal rader på bladet ”${model.name}” är ogiltigt.`);
  }
  let width = header.length;
  while (width > 0 && headerText(header[width - 1]) === "") width--;
  if (width === 0) {
    throw new WorkbookWriteError(`Tabellen på bladet ”${model.name}” saknar rubriker.`);
  }
  const seen = new Set<string>();
  const columns = header.slice(0, width).map((cell, i) => {
    const text = headerText(cell);
    const base = text === "" ? `Kolumn ${i + 1}` : text;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
  return { wantedName: table.name, headerRow, columns, rowCount };
}

function addTable(
  workbook: Workbook,
  sheet: Worksheet,
  table: PreparedTable,
  cells: PreparedCell[],
): void {
  const top = table.headerRow + 1;
  const byPosition = new Map(cells.map((c) => [`${c.row}:${c.col}`, c.value]));
  // Excel wants at least one data row in a table.
  const dataRows = Math.max(1, table.rowCount);
  const rows: CellValue[][] = [];
  for (let i = 1; i <= dataRows; i++) {
    rows.push(table.columns.map((_n, c) => byPosition.get(`${top + i}:${c + 1}`) ?? null));
  }
  const name = tableName(workbook, table.wantedName);
  sheet.addTable({
    name,
    displayName: name,
    ref: `A${top}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: table.columns.map((n) => ({ name: xlsxText(n), filterButton: true })),
    rows,
  });
  // The header cells hold the column names as written into the table.
  table.columns.forEach((n, c) => {
    const cell = cells.find((p) => p.row === top && p.col === c + 1);
    if (cell) cell.value = xlsxText(n);
    else cells.push({ row: top, col: c + 1, value: xlsxText(n), style: null });
  });
}

/**
 * Writes the sheet: replaces the sheet of that name in place (same tab position), or adds it
 * last. Everything is checked before the workbook changes. Returns the new worksheet.
 */
export function writeSheetModel(workbook: Workbook, model: SheetModel): Worksheet {
  const problem = sheetNameProblem(model.name);
  if (problem !== null) throw new WorkbookWriteError(problem);
  const cells = prepareCells(model);
  const table = prepareTable(model);
  return keepingActiveSheet(workbook, () => {
    const old = findSheet(workbook, model.name);
    const orderNo = old ? getOrderNo(old) : undefined;
    if (old) workbook.removeWorksheet(old.id);
    const freeze = model.freezeRows ?? 0;
    const sheet = workbook.addWorksheet(model.name, {
      views:
        Number.isInteger(freeze) && freeze > 0
          ? [{ state: "frozen", xSplit: 0, ySplit: freeze, topLeftCell: `A${freeze + 1}` }]
          : [],
    });
    if (orderNo !== undefined) setOrderNo(sheet, orderNo);
    if (model.hidden === true) sheet.state = "hidden";
    // model.charts: ExcelJS cannot write charts; the chart's data is in the rows already.
    if (table) addTable(workbook, sheet, table, cells);
    for (const c of cells) {
      const cell = sheet.getCell(c.row, c.col);
      cell.value = c.value;
      // Always a fresh style object: ExcelJS shares them between cells.
      cell.style = c.style ? { ...c.style } : {};
    }
    (model.columnWidths ?? []).forEach((width, i) => {
      if (Number.isFinite(width) && width > 0) {
        sheet.getColumn(i + 1).width = Math.min(width, MAX_COLUMN_WIDTH);
      }
    });
    return sheet;
  });
}
