/** Workbooks for the app-layer tests: the Nacka example, optionally edited with ExcelJS first. */
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { IsoDate } from "../../src/domain/date";
import { FileWorkbook } from "../../src/workbook/file";

export const NACKA = join(__dirname, "../../assets/exempel/nacka-aktivitetslista.xlsx");

/** The machine's "today" in these tests (the example's Inställningar says Idag 2024-05-31). */
export const TODAY = "2024-06-14" as IsoDate;
export const today = (): IsoDate => TODAY;

/** The example as a file port, after `edit` changed it (cells, sheets). */
export async function nacka(edit?: (workbook: ExcelJS.Workbook) => void): Promise<FileWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(NACKA);
  edit?.(workbook);
  return FileWorkbook.fromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Replaces every cell whose value is `from` with `to`, on every sheet. */
export function replaceEverywhere(workbook: ExcelJS.Workbook, from: string, to: string): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === from) cell.value = to;
      });
    });
  });
}

/** A sheet's values as the port reads them. */
export async function valuesOf(port: FileWorkbook, sheet: string): Promise<unknown[][]> {
  const [data] = await port.readSheets([sheet]);
  if (data === undefined) throw new Error(`no sheet ${sheet}`);
  return data.values;
}

/** Every cell note in the workbook (the marks' messages among them). */
export async function notes(port: FileWorkbook): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  const out: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const note: unknown = cell.note;
        if (note !== undefined && note !== null) out.push(JSON.stringify(note));
      });
    });
  });
  return out;
}
