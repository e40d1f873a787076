/** A1 addresses for the fake (standalone: the fake imports nothing from src/ or Node). */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function cellKey(row: number, col: number): string {
  return `${colLetters(col)}${row}`;
}

/** Splits "'My sheet'!A1:B2" into sheet ("My sheet") and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

function part(text: string): { row: number | null; col: number | null } | null {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(text.trim());
  if (!m) return null;
  const letters = m[1] ?? "";
  const digits = m[2] ?? "";
  if (letters === "" && digits === "") return null;
  const col = letters === "" ? null : colNumber(letters);
  const row = digits === "" ? null : Number(digits);
  if (col !== null && (col < 1 || col > MAX_COLUMNS)) return null;
  if (row !== null && (row < 1 || row > MAX_ROWS)) return null;
  return { row, col };
}

/** "B7", "B7:F9", "A:C" (whole columns), "3:5" (whole rows) → rect; throws on anything else. */
export function parseRect(address: string): Rect {
  const { local } = splitSheet(address);
  const pieces = local.split(":");
  const a = part(pieces[0] ?? "");
  const b = pieces.length === 2 ? part(pieces[1] ?? "") : a;
  if (pieces.length > 2 || !a || !b) throw new Error(`InvalidArgument: bad address ${address}`);
  const top = Math.min(a.row ?? 1, b.row ?? 1);
  const bottom = a.row === null || b.row === null ? MAX_ROWS : Math.max(a.row, b.row);
  const left = Math.min(a.col ?? 1, b.col ?? 1);
  const right = a.col === null || b.col === null ? MAX_COLUMNS : Math.max(a.col, b.col);
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) {
    throw new Error(`InvalidArgument: bad address ${address}`);
  }
  return { top, left, bottom, right };
}

export function rectAddress(rect: Rect): string {
  const a = cellKey(rect.top, rect.left);
  const b = cellKey(rect.bottom, rect.right);
  return a === b ? a : `${a}:${b}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
