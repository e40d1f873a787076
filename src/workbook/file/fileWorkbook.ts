/**
 * The workbook port on an .xlsx file, through ExcelJS (the CLI's and the tests' workbook).
 * The file read is never written back: save() goes to another path, and refuses the input's.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { SheetData } from "../../domain/model";
import {
  MARKS_SHEET_NAME,
  WorkbookError,
  WorkbookReadError,
  WorkbookWriteError,
  type CellMark,
  type CellWrite,
  type SheetCell,
  type Selection,
  type SheetModel,
  type WorkbookPort,
} from "../port";
import { parseRange, formatAddress } from "./a1";
import { appendRows, writeCells } from "./cells";
import { loadXlsx } from "./excelInternals";
import { clearMarks, forgetMarks, markCells, markedCells as markedCellsOf } from "./marks";
import { readSheet } from "./readSheet";
import { activateSheet, findSheet } from "./tabs";
import { writeSheetModel } from "./writeSheet";
import { storedTexts, withStoredTexts, type StoredTexts } from "./storedTexts";
import { checkXlsxBuffer, formatCount, NOT_XLSX_MESSAGE } from "./zipGuard";

/** The largest file openWorkbookFile reads. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Runs fn inside a promise, so that a throw becomes a rejection. */
function settle<T>(fn: () => T): Promise<T> {
  return new Promise<T>((resolvePromise) => {
    resolvePromise(fn());
  });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    return typeof error.code === "string" ? error.code : undefined;
  }
  return undefined;
}

function fileProblem(path: string, error: unknown): string {
  switch (errorCode(error)) {
    case "ENOENT":
      return `Filen ”${path}” finns inte.`;
    case "EACCES":
    case "EPERM":
      return `Filen ”${path}” kan inte öppnas: behörighet saknas.`;
    case "EBUSY":
      return `Filen ”${path}” är låst av ett annat program (är den öppen i Excel?).`;
    case "EISDIR":
      return `”${path}” är en mapp, inte en fil.`;
    default:
      return `Filen ”${path}” kan inte läsas.`;
  }
}

function samePath(a: string, b: string): boolean {
  const caseInsensitive = process.platform === "win32" || process.platform === "darwin";
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

export class FileWorkbook implements WorkbookPort {
  private selected: Selection | null = null;

  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    /** The file the workbook was read from (absolute), or null when it came from a buffer. */
    readonly sourcePath: string | null,
    /** Texts read in Excel's escaped form, escaped again on save (see storedTexts.ts). */
    private readonly stored: StoredTexts = { values: [], notes: [] },
  ) {}

  /**
   * Reads an .xlsx from memory. Throws WorkbookReadError (Swedish message) for anything that
   * is not a readable .xlsx within the limits, never ExcelJS's own errors.
   */
  static async fromBuffer(
    data: Uint8Array | ArrayBuffer,
    options: { sourcePath?: string } = {},
  ): Promise<FileWorkbook> {
    const buf = data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data);
    checkXlsxBuffer(buf);
    const workbook = new ExcelJS.Workbook();
    try {
      await loadXlsx(workbook, buf);
    } catch (cause) {
      if (cause instanceof WorkbookError) throw cause;
      throw new WorkbookReadError(`${NOT_XLSX_MESSAGE} Filen är skadad.`, { cause });
    }
    const sourcePath = options.sourcePath === undefined ? null : resolve(options.sourcePath);
    return new FileWorkbook(workbook, sourcePath, storedTexts(workbook));
  }

  /** Whether the workbook counts dates from 1904 (its dates are read as 1900 serials all the same). */
  get date1904(): boolean {
    const properties = this.workbook.properties as { date1904?: unknown } | undefined;
    return properties?.date1904 === true;
  }

  /** What select() last recorded. */
  get selection(): Selection | null {
    return this.selected === null
      ? null
      : { sheet: this.selected.sheet, cells: [...this.selected.cells] };
  }

  /** The sheets in tab order, hidden ones included, Schemakoll's own hidden sheet excepted. */
  sheetNames(): string[] {
    return this.workbook.worksheets.map((s) => s.name).filter((n) => n !== MARKS_SHEET_NAME);
  }

  /** "A!B7" for every cell that carries a mark now. */
  markedCells(): string[] {
    return markedCellsOf(this.workbook);
  }

  readSheets(names?: string[]): Promise<SheetData[]> {
    return settle(() => {
      const sheets =
        names === undefined
          ? this.workbook.worksheets.filter((s) => s.name !== MARKS_SHEET_NAME)
          : names.map((name) => {
              const sheet = findSheet(this.workbook, name);
              if (!sheet) throw new WorkbookReadError(`Bladet ”${name}” finns inte i arbetsboken.`);
              return sheet;
            });
      return sheets.map(readSheet);
    });
  }

  markCells(marks: CellMark[]): Promise<void> {
    return settle(() => {
      markCells(this.workbook, marks);
    });
  }

  clearMarks(): Promise<void> {
    return settle(() => {
      clearMarks(this.workbook);
    });
  }

  replaceMarks(marks: CellMark[]): Promise<void> {
    return settle(() => {
      clearMarks(this.workbook);
      markCells(this.workbook, marks);
    });
  }

  writeSheet(sheet: SheetModel): Promise<void> {
    return settle(() => {
      const replaced = findSheet(this.workbook, sheet.name)?.name;
      writeSheetModel(this.workbook, sheet);
      if (replaced !== undefined) forgetMarks(this.workbook, replaced);
    });
  }

  select(sheet: string, cells: string[]): Promise<void> {
    return settle(() => {
      const target = findSheet(this.workbook, sheet);
      if (!target || target.name === MARKS_SHEET_NAME) {
        throw new WorkbookWriteError(`Bladet ”${sheet}” finns inte i arbetsboken.`);
      }
      if (target.state !== "visible") {
        throw new WorkbookWriteError(`Bladet ”${target.name}” är dolt och kan inte visas.`);
      }
      const ranges = cells.map((text) => {
        const range = parseRange(text);
        if (!range) {
          throw new WorkbookWriteError(`”${text}” på bladet ”${target.name}” är ingen celladress.`);
        }
        return range;
      });
      const first = ranges[0];
      activateSheet(
        this.workbook,
        target,
        first === undefined ? undefined : formatAddress(first.top, first.left),
      );
      this.selected = { sheet: target.name, cells: [...cells] };
    });
  }

  appendRows(
    sheet: string,
    header: readonly string[],
    rows: readonly SheetCell[][],
  ): Promise<void> {
    return settle(() => {
      appendRows(this.workbook, sheet, header, rows);
    });
  }

  writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    return settle(() => {
      writeCells(this.workbook, sheet, cells);
    });
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    try {
      return Buffer.from(
        await withStoredTexts(this.stored, () => this.workbook.xlsx.writeBuffer()),
      );
    } catch (cause) {
      throw new WorkbookWriteError("Arbetsboken kan inte skrivas som .xlsx.", { cause });
    }
  }

  /**
   * Saves a copy as .xlsx at path. Never over the file it was read from (a Swedish
   * WorkbookWriteError instead); written to a temporary file first and then renamed, so a
   * failed save leaves no half-written file.
   */
  async save(path: string): Promise<void> {
    const target = resolve(path);
    if (extname(target).toLowerCase() !== ".xlsx") {
      throw new WorkbookWriteError(
        `Arbetsboken kan bara sparas som .xlsx, inte som ”${basename(target)}”.`,
      );
    }
    await this.refuseSource(target, path);
    const data = await this.toBuffer();
    const temp = join(
      dirname(target),
      `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`,
    );
    try {
      await writeFile(temp, data, { flag: "wx" });
      await rename(temp, target);
    } catch (cause) {
      await unlink(temp).catch(() => undefined);
      const busy = errorCode(cause) === "EBUSY" || errorCode(cause) === "EPERM";
      throw new WorkbookWriteError(
        `Filen ”${path}” kan inte sparas${busy ? " (är den öppen i Excel?)" : ""}.`,
        { cause },
      );
    }
  }

  private async refuseSource(target: string, asGiven: string): Promise<void> {
    if (this.sourcePath === null) return;
    let same = samePath(target, this.sourcePath);
    if (!same) {
      const [a, b] = await Promise.all([
        stat(target).catch(() => null),
        stat(this.sourcePath).catch(() => null),
      ]);
      same = a !== null && b !== null && a.ino !== 0 && a.dev === b.dev && a.ino === b.ino;
    }
    if (same) {
      throw new WorkbookWriteError(
        `Schemakoll sparar aldrig över arbetsboken den läste (”${asGiven}”). Välj ett annat filnamn.`,
      );
    }
  }
}

/** Opens an .xlsx file. Throws WorkbookReadError with a Swedish message when it cannot. */
export async function openWorkbookFile(path: string): Promise<FileWorkbook> {
  const full = resolve(path);
  let data: Buffer;
  try {
    const info = await stat(full);
    if (info.isDirectory()) throw new WorkbookReadError(`”${path}” är en mapp, inte en fil.`);
    if (info.size > MAX_FILE_BYTES) {
      throw new WorkbookReadError(
        `Filen ”${path}” är för stor (${formatCount(Math.round(info.size / 1_000_000))} MB); Schemakoll läser arbetsböcker på högst ${formatCount(MAX_FILE_BYTES / 1024 / 1024)} MB.`,
      );
    }
    data = await readFile(full);
  } catch (cause) {
    if (cause instanceof WorkbookError) throw cause;
    throw new WorkbookReadError(fileProblem(path, cause), { cause });
  }
  return FileWorkbook.fromBuffer(data, { sourcePath: full });
}
