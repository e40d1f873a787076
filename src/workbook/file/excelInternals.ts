/**
 * The few things ExcelJS 4.4 does at runtime but not in its public API or type declarations.
 * Each is one small function here, so an ExcelJS upgrade has one place to look; the tests
 * cover every one of them through a save and reopen.
 */
import type { Cell, Comment, Fill, Workbook, WorkbookView, Worksheet } from "exceljs";

/**
 * Removes a cell's note. ExcelJS has no way to: `cell.note = undefined` writes an empty note.
 * The note lives in the cell's `_comment` and, once the cell was read from a file or written,
 * also in its value model, from which the writer would bring it back.
 */
export function removeNote(cell: Cell): void {
  const internal = cell as unknown as {
    _comment?: unknown;
    _value?: { model?: { comment?: unknown } };
  };
  delete internal._comment;
  if (internal._value?.model) delete internal._value.model.comment;
}

/** A cell's note; ExcelJS declares it always present, but a cell without one has none. */
export function cellNote(cell: Cell): string | Comment | undefined {
  const note: string | Comment | undefined = cell.note;
  return note;
}

/** A cell's fill, likewise undefined when the cell has none. */
export function cellFill(cell: Cell): Fill | undefined {
  const fill: Fill | undefined = cell.fill;
  return fill;
}

interface Ordered {
  orderNo?: number;
}

/** A worksheet's place among the tabs (ExcelJS sorts `workbook.worksheets` by it). */
export function getOrderNo(sheet: Worksheet): number {
  const orderNo = (sheet as unknown as Ordered).orderNo;
  return typeof orderNo === "number" ? orderNo : 0;
}

export function setOrderNo(sheet: Worksheet, orderNo: number): void {
  (sheet as unknown as Ordered).orderNo = orderNo;
}

/** The names of a worksheet's tables (the declared type of getTables() is wrong). */
export function tableNames(sheet: Worksheet): string[] {
  const tables: unknown[] = sheet.getTables();
  return tables.flatMap((table) => {
    const name = (table as { name?: unknown } | null)?.name;
    return typeof name === "string" ? [name] : [];
  });
}

/** The workbook's views (bookViews); ExcelJS leaves it undefined for some files. */
export function workbookViews(workbook: Workbook): WorkbookView[] {
  const views = workbook.views as WorkbookView[] | undefined;
  return Array.isArray(views) ? views : [];
}

/**
 * Loads .xlsx bytes. ExcelJS declares its own `Buffer` type (an ArrayBuffer); a fresh
 * ArrayBuffer with a copy of the bytes is what it accepts at runtime and in its types.
 */
export async function loadXlsx(workbook: Workbook, data: Uint8Array): Promise<void> {
  const copy = new ArrayBuffer(data.byteLength);
  new Uint8Array(copy).set(data);
  await workbook.xlsx.load(copy);
}
