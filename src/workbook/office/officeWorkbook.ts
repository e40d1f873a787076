/**
 * The workbook port inside Excel, through the Excel JavaScript API. Every command is one
 * Excel.run (two for a full replaceMarks) with a fixed number of context.sync() calls, whatever
 * the number of sheets, participants or findings (design.md):
 *
 *   readSheets 2 (more when the values pass Excel on the web's 5 MB response: usedRanges.ts) ·
 *   replaceMarks 2 after readSheets (1 when no mark changes), else ≤ 7 ·
 *   markCells 3 (2 after readSheets) · clearMarks ≤ 4 (≤ 2 after readSheets) · writeSheet 2 ·
 *   select 2 · writeCells ≤ 3 · appendRows ≤ 4 · listNames 1 · setNames 2 · deleteNames 2 ·
 *   lambdaSupported ≤ 1
 *
 * A validation (readSheets, then replaceMarks) is therefore 4 syncs while the workbook's values
 * fit in one response.
 *
 * Excel on the web refuses a request AND a response over 5 MB. A write whose estimated size
 * passes the request budget is split into more syncs, and so is a read whose expected response
 * passes the response budget (support.ts); readSheets reads by parts when the whole read is
 * refused (usedRanges.ts: the sizes, then row bands under the budget), and starts that way when
 * the last read had to. Those counts grow with the bytes only: the bench's 500 week grids (6.0 MB
 * of values and formats) take 7 syncs to validate the first time, 6 after. No Excel type leaves
 * this folder: the port speaks plain data.
 *
 * The snapshot: readSheets loads, in its second sync, the hidden records sheet's used range
 * along with the sheets', and keeps {every sheet's name and visibility, the records, when} in
 * the instance (never returned). The mark commands that follow use it instead of reading names
 * and records first; they read both again in their first sync and, when either changed, or
 * when a sheet vanished meanwhile, run their full path once (replace.ts). Any write through the
 * port invalidates the snapshot (including one that is still running while readSheets reads),
 * so only a readSheets immediately before a mark command is ever used.
 */
import type { SheetData } from "../../domain/model";
import {
  MARKS_SHEET_NAME,
  WORKBOOK_LIMITS,
  WorkbookReadError,
  WorkbookWriteError,
  type CellMark,
  type CellWrite,
  type DefinedName,
  type NamesPort,
  type SheetCell,
  type SheetModel,
  type WorkbookPort,
} from "../port";
import { columnLetters, parseAddress, parseRange } from "../file/a1";
import { sheetNameProblem } from "../file/writeSheet";
import { clearMarks, markCells, type RecordsRead } from "./marks";
import { replaceMarksAfterRead, type MarksSnapshot } from "./replace";
import {
  findName,
  literal,
  localAddress,
  reading,
  RESPONSE_BUDGET,
  sizeOf,
  writing,
  WriteBatch,
  type ApiVersionCheck,
  type ExcelRun,
} from "./support";
import { readUsedRanges, type UsedRangeData } from "./usedRanges";
import { writeSheetModel } from "./writeSheet";

const GENERAL = "General";
/** The name lambdaSupported adds for a moment to try LAMBDA. */
const LAMBDA_PROBE = "Schemakoll_lambdaprov";

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

const excelRun: ExcelRun = (batch) => Excel.run(batch);
const officeApiVersion: ApiVersionCheck = (set, version) =>
  Office.context.requirements.isSetSupported(set, version);

export interface OfficeWorkbookOptions {
  /** Requirement-set check; Office.context.requirements.isSetSupported by default. */
  apiVersion?: ApiVersionCheck;
}

/** The used range (values only) as SheetData anchored at A1, exactly as the file port reads. */
function sheetData(name: string, range: UsedRangeData): SheetData {
  if (range.address === null) return { name, values: [], numberFormats: [] };
  const area = parseRange(localAddress(range.address));
  if (!area) {
    throw new WorkbookReadError(
      `Bladet ”${name}” gick inte att läsa (okänt område ”${range.address}”).`,
    );
  }
  const rows = area.bottom;
  const cols = area.right;
  if (rows * cols > WORKBOOK_LIMITS.maxGridCells) {
    throw new WorkbookReadError(
      `Bladet ”${name}” är för stort för att läsas (${formatCount(rows)} rader × ${formatCount(cols)} kolumner); Schemakoll läser högst ${formatCount(WORKBOOK_LIMITS.maxGridCells)} celler per blad. Ta bort innehåll långt ner eller långt till höger som inte hör till schemat.`,
    );
  }
  const source = range.values;
  const formats = range.numberFormat;
  const values: unknown[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 1; r <= rows; r++) {
    const valueRow = new Array<unknown>(cols).fill("");
    const formatRow = new Array<string>(cols).fill(GENERAL);
    const sourceRow = source[r - area.top];
    const formatSource = formats[r - area.top];
    if (sourceRow && r >= area.top) {
      for (let c = area.left; c <= cols; c++) {
        const value = sourceRow[c - area.left];
        valueRow[c - 1] = value === null || value === undefined ? "" : value;
        const format = formatSource?.[c - area.left];
        if (typeof format === "string" && format !== "") formatRow[c - 1] = format;
      }
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  }
  return { name, values, numberFormats };
}

async function sheetNames(context: Excel.RequestContext): Promise<Excel.Worksheet[]> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility");
  await context.sync();
  return sheets.items;
}

/** The sheet to write into (checked like the file port's): existing name, or created. */
function target(names: readonly string[], name: string): { name: string; exists: boolean } {
  const problem = sheetNameProblem(name);
  if (problem !== null) throw new WorkbookWriteError(problem);
  const existing = findName(names, name);
  if (existing === MARKS_SHEET_NAME) {
    throw new WorkbookWriteError(`Bladnamnet ”${name}” är reserverat.`);
  }
  return existing === undefined ? { name, exists: false } : { name: existing, exists: true };
}

function isDefinedName(name: string): boolean {
  return /^[\p{L}_\\][\p{L}\p{N}_.]{0,254}$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
}

/** What the last readSheets saw; see the top of this file. */
interface ReadSnapshot extends MarksSnapshot {
  /** Visibility by sheet, in the order of names. */
  visibility: readonly string[];
  /** Date.now() when read. */
  when: number;
}

export class OfficeWorkbook implements WorkbookPort, NamesPort {
  private readonly apiVersion: ApiVersionCheck;
  private snapshot: ReadSnapshot | null = null;
  /** Writes started so far, and running now (a snapshot is kept only if neither moved). */
  private writesStarted = 0;
  private writesRunning = 0;
  /**
   * Bytes per cell by sheet when the last readSheets had to read by parts: the next one starts
   * that way, planned on them (null: the last read fitted in one response).
   */
  private lastReadRatios: Map<string, number> | null = null;

  constructor(
    private readonly run: ExcelRun = excelRun,
    options: OfficeWorkbookOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? officeApiVersion;
  }

  /** Notes (ExcelApi 1.18): without them marks are fills only. */
  private notesSupported(): boolean {
    return this.apiVersion("ExcelApi", "1.18");
  }

  /** Every write goes through here: it takes the snapshot, which no later command may use. */
  private async write<T>(work: (snapshot: ReadSnapshot | null) => Promise<T>): Promise<T> {
    const snapshot = this.snapshot;
    this.snapshot = null;
    this.writesStarted++;
    this.writesRunning++;
    try {
      return await work(snapshot);
    } finally {
      this.writesRunning--;
    }
  }

  readSheets(names?: string[]): Promise<SheetData[]> {
    this.snapshot = null;
    const started = this.writesStarted;
    const idle = this.writesRunning === 0;
    return reading("Arbetsboken", () =>
      this.run(async (context) => {
        // Sync 1: the sheets.
        const sheets = await sheetNames(context);
        const all = sheets.map((s) => s.name);
        const chosen =
          names === undefined
            ? all.filter((n) => n !== MARKS_SHEET_NAME)
            : names.map((name) => {
                const found = findName(all, name);
                if (found === undefined) {
                  throw new WorkbookReadError(`Bladet ”${name}” finns inte i arbetsboken.`);
                }
                return found;
              });
        // Sync 2: every chosen sheet's used range (values only), in one request, and the
        // records of the marks (for the snapshot); by parts when that response would pass
        // Excel on the web's limit (usedRanges.ts; straight away when the last read had to).
        const hasRecords = all.includes(MARKS_SHEET_NAME);
        const used = await readUsedRanges(
          context,
          [
            ...chosen.map((sheet) => ({
              sheet,
              formats: true,
              maxCells: WORKBOOK_LIMITS.maxGridCells,
            })),
            ...(hasRecords ? [{ sheet: MARKS_SHEET_NAME, formats: false }] : []),
          ],
          this.lastReadRatios === null,
          this.lastReadRatios ?? undefined,
        );
        // A workbook that shrank back under one response is read in one sync again.
        this.lastReadRatios = used.chunked && used.bytes > RESPONSE_BUDGET ? used.learned : null;
        const ranges = used.data;
        const data = chosen.map((name, i) => {
          const range = ranges[i];
          if (!range) return { name, values: [], numberFormats: [] };
          return sheetData(name, range);
        });
        const records = hasRecords ? ranges[chosen.length] : undefined;
        const recordsNow: RecordsRead | null =
          records === undefined ? null : { address: records.address, values: records.values };
        if (idle && started === this.writesStarted && this.writesRunning === 0) {
          this.snapshot = {
            names: all,
            visibility: sheets.map((s) => s.visibility),
            records: recordsNow,
            when: Date.now(),
          };
        }
        return data;
      }),
    );
  }

  markCells(marks: CellMark[]): Promise<void> {
    return this.write((snapshot) =>
      writing("Markeringen", async () => {
        const notes = this.notesSupported();
        // Right after readSheets the sheet names are known (and checked again in passing).
        if (snapshot !== null && (await markCells(this.run, notes, marks, snapshot.names))) return;
        await markCells(this.run, notes, marks);
      }),
    );
  }

  replaceMarks(marks: CellMark[]): Promise<void> {
    return this.write(async (snapshot) => {
      const notes = this.notesSupported();
      if (snapshot !== null) {
        const outcome = await writing("Markeringen", () =>
          replaceMarksAfterRead(this.run, notes, snapshot, marks),
        );
        if (outcome === "done") return;
      }
      // The full path: no snapshot, the workbook changed since it was read (once), or records
      // that cannot be read (clearMarks keeps and reports them).
      await writing("Rensningen av markeringar", () => clearMarks(this.run, notes));
      await writing("Markeringen", () => markCells(this.run, notes, marks));
    });
  }

  clearMarks(): Promise<void> {
    return this.write((snapshot) =>
      writing("Rensningen av markeringar", async () => {
        const notes = this.notesSupported();
        // Right after readSheets: replacing the marks with none, in at most 2 syncs.
        if (snapshot !== null) {
          const outcome = await replaceMarksAfterRead(this.run, notes, snapshot, []);
          if (outcome === "done") return;
        }
        await clearMarks(this.run, notes);
      }),
    );
  }

  writeSheet(sheet: SheetModel): Promise<void> {
    return this.write(() =>
      writing(`Skrivningen av bladet ”${sheet.name}”`, () => writeSheetModel(this.run, sheet)),
    );
  }

  select(sheet: string, cells: string[]): Promise<void> {
    return this.write(() => this.selectCells(sheet, cells));
  }

  private selectCells(sheet: string, cells: string[]): Promise<void> {
    return writing("Markeringen av celler", () =>
      this.run(async (context) => {
        const sheets = await sheetNames(context);
        const name = findName(
          sheets.map((s) => s.name),
          sheet,
        );
        const found = sheets.find((s) => s.name === name);
        if (!found || found.name === MARKS_SHEET_NAME) {
          throw new WorkbookWriteError(`Bladet ”${sheet}” finns inte i arbetsboken.`);
        }
        if (found.visibility !== "Visible") {
          throw new WorkbookWriteError(`Bladet ”${found.name}” är dolt och kan inte visas.`);
        }
        const addresses = cells.map((text) => {
          const range = parseRange(text);
          if (!range) {
            throw new WorkbookWriteError(
              `”${text}” på bladet ”${found.name}” är ingen celladress.`,
            );
          }
          return text.replace(/\$/g, "").toUpperCase();
        });
        const target = context.workbook.worksheets.getItem(found.name);
        target.activate();
        // One selection: as many of the cells as one RangeAreas address holds.
        let joined = "";
        for (const a of addresses) {
          if (joined.length + a.length + 1 > 8_000) break;
          joined = joined === "" ? a : `${joined},${a}`;
        }
        if (joined !== "") target.getRanges(joined).select();
        await context.sync();
      }),
    );
  }

  appendRows(
    sheet: string,
    header: readonly string[],
    rows: readonly SheetCell[][],
  ): Promise<void> {
    return this.write(() => this.appendRowsNow(sheet, header, rows));
  }

  private appendRowsNow(
    sheet: string,
    header: readonly string[],
    rows: readonly SheetCell[][],
  ): Promise<void> {
    return writing(`Tillägget av rader i bladet ”${sheet}”`, () =>
      this.run(async (context) => {
        // Sync 1: does the sheet exist?
        const names = (await sheetNames(context)).map((s) => s.name);
        const { name, exists } = target(names, sheet);
        const width = Math.max(0, ...rows.map((r) => r.length));
        const blockWidth = Math.max(width, header.length);
        let next = 1;
        let own: unknown[][] = [];
        const ws = exists
          ? context.workbook.worksheets.getItem(name)
          : context.workbook.worksheets.add(name);
        if (exists) {
          // Sync 2: the last used row. Sync 3: the number formats of the rows written to, so
          // that text goes into a text-formatted ("@") cell as it is (see literal).
          const used = ws.getUsedRangeOrNullObject(true).load("address");
          await context.sync();
          if (!used.isNullObject) next = (parseRange(localAddress(used.address))?.bottom ?? 0) + 1;
          const count = (next === 1 && header.length > 0 ? 1 : 0) + rows.length;
          if (count > 0 && blockWidth > 0) {
            const block = ws
              .getRange(`A${next}:${columnLetters(blockWidth)}${next + count - 1}`)
              .load("numberFormat");
            await context.sync();
            own = block.numberFormat as unknown[][];
          }
        }
        // Last sync: the rows.
        const first = next;
        const batch = new WriteBatch(context);
        if (next === 1 && header.length > 0) {
          const address = `A1:${columnLetters(header.length)}1`;
          const values = [header.map((h, c) => literal(h, own[0]?.[c]))];
          await batch.add(sizeOf(values), () => {
            const range = ws.getRange(address);
            range.values = values;
            range.format.font.bold = true;
          });
          next = 2;
        }
        if (rows.length > 0 && width > 0) {
          const offset = next - first;
          const values = rows.map((row, r) =>
            Array.from({ length: width }, (_, c) => {
              const cell = row[c];
              const format = cell?.numberFormat ?? own[offset + r]?.[c];
              return cell ? literal(cell.value, format) : null;
            }),
          );
          const formats = rows.map((row) =>
            Array.from({ length: width }, (_, c) => {
              const format = row[c]?.numberFormat;
              return format !== undefined && format !== "" ? format : null;
            }),
          );
          const address = `A${next}:${columnLetters(width)}${next + rows.length - 1}`;
          const withFormats = formats.some((r) => r.some((f) => f !== null));
          await batch.add(sizeOf(values) + (withFormats ? sizeOf(formats) : 0), () => {
            const range = ws.getRange(address);
            // null leaves a cell's own format (and value) as it is.
            if (withFormats) range.numberFormat = formats as string[][];
            range.values = values as (string | number | boolean)[][];
          });
        }
        await batch.flush();
      }),
    );
  }

  writeCells(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    return this.write(() => this.writeCellsNow(sheet, cells));
  }

  private writeCellsNow(sheet: string, cells: readonly CellWrite[]): Promise<void> {
    return writing(`Skrivningen i bladet ”${sheet}”`, async () => {
      const positions = cells.map((c) => {
        const at = parseAddress(c.cell);
        if (!at) throw new WorkbookWriteError(`”${c.cell}” är ingen celladress.`);
        return { address: `${columnLetters(at.col)}${at.row}`, value: c.value };
      });
      await this.run(async (context) => {
        // Sync 1: does the sheet exist? Sync 2 (if it does): the cells' own number formats.
        const names = (await sheetNames(context)).map((s) => s.name);
        const { name, exists } = target(names, sheet);
        const ws = exists
          ? context.workbook.worksheets.getItem(name)
          : context.workbook.worksheets.add(name);
        let formats: unknown[] = [];
        if (exists && positions.length > 0) {
          const ranges = positions.map((p) => ws.getRange(p.address).load("numberFormat"));
          await context.sync();
          formats = ranges.map((r) => (r.numberFormat as unknown[][])[0]?.[0]);
        }
        // Last sync: the values only; the cells' own formats, fills and fonts stay.
        const batch = new WriteBatch(context);
        for (const [i, { address, value }] of positions.entries()) {
          const written = literal(value, formats[i]);
          await batch.add(sizeOf(written), () => {
            ws.getRange(address).values = [[written]];
          });
        }
        await batch.flush();
      });
    });
  }

  /**
   * Whether defined names evaluate LAMBDA here. There is no requirement set for LAMBDA (it came
   * with Excel's calculation engine, not with the API), so the names API is checked (ExcelApi
   * 1.4) and then tried: a name =LAMBDA(x,x+1)(1) is added, its value read and the name deleted,
   * all in one sync; LAMBDA works when the value is 2.
   */
  async lambdaSupported(): Promise<boolean> {
    if (!this.apiVersion("ExcelApi", "1.4")) return false;
    try {
      return await this.run(async (context) => {
        const names = context.workbook.names;
        const probe = names.add(LAMBDA_PROBE, "=LAMBDA(x,x+1)(1)");
        probe.load("value");
        probe.delete();
        await context.sync();
        return (probe.value as unknown) === 2;
      });
    } catch {
      return false;
    }
  }

  listNames(): Promise<DefinedName[]> {
    return reading("Namnen i arbetsboken", () =>
      this.run(async (context) => {
        const names = context.workbook.names.load("items/name,items/formula");
        await context.sync();
        return names.items
          .filter((n) => n.name !== LAMBDA_PROBE)
          .map((n) => ({ name: n.name, formula: String(n.formula as unknown) }));
      }),
    );
  }

  setNames(names: readonly DefinedName[], comment: string): Promise<void> {
    return this.write(() => this.setNamesNow(names, comment));
  }

  private setNamesNow(names: readonly DefinedName[], comment: string): Promise<void> {
    return writing("Namnen", () =>
      this.run(async (context) => {
        for (const n of names) {
          if (!isDefinedName(n.name)) {
            throw new WorkbookWriteError(`”${n.name}” kan inte vara ett namn i Excel.`);
          }
        }
        const collection = context.workbook.names.load("items/name");
        await context.sync();
        const existing = new Map(collection.items.map((n) => [n.name.toLowerCase(), n]));
        const batch = new WriteBatch(context);
        for (const n of names) {
          const formula = n.formula.startsWith("=") ? n.formula : `=${n.formula}`;
          const item = existing.get(n.name.toLowerCase());
          await batch.add(sizeOf(formula) + sizeOf(comment), () => {
            if (item) {
              item.formula = formula;
              item.comment = comment;
            } else {
              collection.add(n.name, formula, comment);
            }
          });
        }
        await batch.flush();
      }),
    );
  }

  deleteNames(names: readonly string[]): Promise<void> {
    return this.write(() => this.deleteNamesNow(names));
  }

  private deleteNamesNow(names: readonly string[]): Promise<void> {
    return writing("Borttagningen av namn", () =>
      this.run(async (context) => {
        const collection = context.workbook.names.load("items/name");
        await context.sync();
        const wanted = new Set(names.map((n) => n.toLowerCase()));
        for (const item of collection.items) {
          if (wanted.has(item.name.toLowerCase())) item.delete();
        }
        await context.sync();
      }),
    );
  }
}
