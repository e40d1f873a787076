/** One worksheet → SheetData, the grid Excel's Range.values and numberFormat would give. */
import { ValueType, type Worksheet } from "exceljs";
import type { SheetData } from "../../domain/model";
import { WORKBOOK_LIMITS, WorkbookReadError } from "../port";
import { rangeValue } from "./cellValues";
import { formatCount } from "./zipGuard";

const GENERAL = "General";

/** The last row and column holding anything but an empty cell (a merged area counts). */
function usedExtent(sheet: Worksheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.eachRow((row, rowNumber) => {
    row.eachCell((_cell, colNumber) => {
      if (colNumber > cols) cols = colNumber;
      if (rowNumber > rows) rows = rowNumber;
    });
  });
  return { rows, cols };
}

/**
 * The grid from A1 to the used extent, every row the same length. Merged cells give their
 * value in the top-left cell and "" elsewhere. Never changes the worksheet (no cell is created).
 */
export function readSheet(sheet: Worksheet): SheetData {
  const { rows, cols } = usedExtent(sheet);
  if (rows > WORKBOOK_LIMITS.maxRows || cols > WORKBOOK_LIMITS.maxColumns) {
    throw new WorkbookReadError(
      `Bladet ”${sheet.name}” har celler bortom Excels sista rad eller kolumn och kan inte läsas.`,
    );
  }
  if (rows * cols > WORKBOOK_LIMITS.maxGridCells) {
    throw new WorkbookReadError(
      `Bladet ”${sheet.name}” är för stort för att läsas (${formatCount(rows)} rader × ${formatCount(cols)} kolumner); Schemakoll läser högst ${formatCount(WORKBOOK_LIMITS.maxGridCells)} celler per blad. Ta bort innehåll långt ner eller långt till höger som inte hör till schemat.`,
    );
  }
  const values: unknown[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const valueRow: unknown[] = new Array<unknown>(cols).fill("");
    const formatRow: string[] = new Array<string>(cols).fill(GENERAL);
    const row = sheet.findRow(r);
    if (row) {
      for (let c = 1; c <= cols; c++) {
        const cell = row.findCell(c);
        if (!cell) continue;
        const format = (cell.numFmt as string | undefined) ?? "";
        if (format !== "") formatRow[c - 1] = format;
        if (cell.type !== ValueType.Merge) valueRow[c - 1] = rangeValue(cell.value);
      }
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  }
  return { name: sheet.name, values, numberFormats };
}
