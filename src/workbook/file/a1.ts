/** A1 addresses and ranges within Excel's sheet size, 1-based rows and columns. */
import { WORKBOOK_LIMITS } from "../port";

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

const ADDRESS_RE = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;

/** "A" → 1, "XFD" → 16384; null for anything else or beyond Excel's last column. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= WORKBOOK_LIMITS.maxColumns ? n : null;
}

/** 1 → "A", 16384 → "XFD". */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function formatAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "B7", "$B$7", "b7" → { row: 7, col: 2 }; null when not a cell inside Excel's sheet size. */
export function parseAddress(text: string): CellPosition | null {
  const m = ADDRESS_RE.exec(text.trim());
  if (!m) return null;
  const col = columnNumber(m[1] ?? "");
  const row = Number(m[2]);
  if (col === null || row > WORKBOOK_LIMITS.maxRows) return null;
  return { row, col };
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
