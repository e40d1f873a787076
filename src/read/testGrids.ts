/**
 * Helpers for the readers' tests: rearranging a grid the ways a coordinator's own template
 * differs from another's (column order, a title and blank rows above the header, extra
 * columns, blank rows between the data), and checking that what a reader returns points at
 * the right cells. Used only by tests.
 */
import type { SheetData, SourceRef } from "../domain/model";
import { formattedCellText, parseA1 } from "./a1";

export type Rows = unknown[][];

/** The same table with its columns in another order: `order[i]` is the old column of new column i. */
export function permuteColumns(rows: Rows, order: readonly number[]): Rows {
  return rows.map((row) => order.map((c) => row[c] ?? ""));
}

/**
 * The table as a real template has it: a title row and blank rows above the header, an unknown
 * column before and after the table's columns, a blank row between every two data rows.
 */
export function decorate(rows: Rows, title = "Exempel AB – 2024"): Rows {
  const [header = [], ...data] = rows;
  const out: Rows = [[title], [], ["", "", ""], ["Nr", ...header, "Anteckning"]];
  data.forEach((row, i) => {
    out.push([i + 1, ...row, i % 2 === 0 ? "ring tisdag" : ""]);
    out.push([]);
  });
  return out;
}

/** Items without their refs, to compare what was read regardless of where it stood. */
export function withoutRefs<T extends { refs: unknown }>(items: readonly T[]): Omit<T, "refs">[] {
  return items.map((item) => {
    const copy: Partial<T> = { ...item };
    delete copy.refs;
    return copy as Omit<T, "refs">;
  });
}

/** Every ref names a cell of the grid and quotes that cell as a person sees it. */
export function refsProblems(sheet: SheetData, refs: readonly SourceRef[]): string[] {
  const problems: string[] = [];
  const width = sheet.values.reduce(
    (w, row) => Math.max(w, Array.isArray(row) ? row.length : 0),
    0,
  );
  for (const ref of refs) {
    const at = parseA1(ref.cell);
    if (ref.sheet !== sheet.name) problems.push(`${ref.cell}: sheet ${ref.sheet}`);
    if (at === null || at.row >= sheet.values.length || at.column >= width) {
      problems.push(`${ref.cell}: outside the grid`);
      continue;
    }
    const value = sheet.values[at.row]?.[at.column];
    const format = sheet.numberFormats?.[at.row]?.[at.column] ?? null;
    if (formattedCellText(value, format) !== ref.text) {
      problems.push(`${ref.cell}: text ${JSON.stringify(ref.text)}`);
    }
  }
  return problems;
}
