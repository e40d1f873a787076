/**
 * A1 addresses and ranges within Excel's sheet size, 1-based rows and columns as ExcelJS
 * counts them; the letters and the parsing are read/a1's (0-based) own.
 */
import { columnIndex, columnLetter, parseA1 } from "../../read/a1";

export interface CellPosition {
  row: number;
  col: number;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A" → 1, "XFD" → 16384; null for anything else or beyond Excel's last column. */
export function columnNumber(letters: string): number | null {
  const index = columnIndex(letters);
  return index === null ? null : index + 1;
}

/** 1 → "A", 16384 → "XFD". */
export function columnLetters(col: number): string {
  return columnLetter(col - 1);
}

export function formatAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "B7", "$B$7", "b7" → { row: 7, col: 2 }; null when not a cell inside Excel's sheet size. */
export function parseAddress(text: string): CellPosition | null {
  const position = parseA1(text);
  return position === null ? null : { row: position.row + 1, col: position.column + 1 };
}

/** "B7:F9" or "B7" → the range, corners in either order; null when not a range of cells. */
export function parseRange(text: string): CellRange | null {
  const parts = text.split(":");
  if (parts.length > 2) return null;
  const a = parseAddress(parts[0] ?? "");
  const b = parts.length === 2 ? parseAddress(parts[1] ?? "") : a;
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeSize(range: CellRange): number {
  return (range.bottom - range.top + 1) * (range.right - range.left + 1);
}

/** Every address of the range, row by row. */
export function* rangeAddresses(range: CellRange): Generator<string> {
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) yield formatAddress(row, col);
  }
}
