/**
 * Small writes into the coordinator's own sheets: rows appended below what is there
 * ("Godkända avvikelser") and single values (Inställningar). Values only; every other cell,
 * and the written cells' own formats, stay as they were. Text is always literal text.
 */
import type { Workbook, Worksheet } from "exceljs";
import { MARKS_SHEET_NAME, WorkbookWriteError, type CellWrite, type SheetCell } from "../port";
import { parseAddress } from "./a1";
import { findSheet, keepingActiveSheet } from "./tabs";
import { sheetNameProblem, xlsxText } from "./writeSheet";

function plainValue(value: SheetCell["value"]): string | number | boolean | null {
  if (typeof value === "string") return xlsxText(value);
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** The last row holding any value (0 when the sheet is empty). */
function lastUsedRow(sheet: Worksheet): number {
  let last = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? (row.values as unknown[]) : [];
    if (values.some((v) => !isBlank(v))) last = rowNumber;
  });
  return last;
}

function sheetFor(workbook: Workbook, name: string): { sheet: Worksheet; created: boolean } {
  const problem = sheetNameProblem(name);
  if (problem !== null) throw new WorkbookWriteError(problem);
  const existing = findSheet(workbook, name);
  if (existing && existing.name === MARKS_SHEET_NAME) {
    throw new WorkbookWriteError(`Bladnamnet ”${name}” är reserverat.`);
  }
  if (existing) return { sheet: existing, created: false };
  return {
    sheet: keepingActiveSheet(workbook, () => workbook.addWorksheet(name)),
    created: true,
  };
}

export function appendRows(
  workbook: Workbook,
  name: string,
  header: readonly string[],
  rows: readonly SheetCell[][],
): void {
  const { sheet, created } = sheetFor(workbook, name);
  let next = created ? 1 : lastUsedRow(sheet) + 1;
  if (created || next === 1) {
    header.forEach((text, c) => {
      const cell = sheet.getCell(next, c + 1);
      cell.value = xlsxText(text);
      cell.font = { bold: true };
    });
    next++;
  }
  for (const row of rows) {
    row.forEach((cell, c) => {
      const target = sheet.getCell(next, c + 1);
      target.value = plainValue(cell.value);
      if (cell.numberFormat !== undefined && cell.numberFormat !== "") {
        target.numFmt = cell.numberFormat;
      }
    });
    next++;
  }
}

export function writeCells(workbook: Workbook, name: string, cells: readonly CellWrite[]): void {
  const positions = cells.map((c) => {
    const at = parseAddress(c.cell);
    if (!at) throw new WorkbookWriteError(`”${c.cell}” är ingen celladress.`);
    return { at, value: plainValue(c.value) };
  });
  const { sheet } = sheetFor(workbook, name);
  for (const { at, value } of positions) sheet.getCell(at.row, at.col).value = value;
}
