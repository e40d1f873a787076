/**
 * Marking cells and taking the marks away again through the Excel JavaScript API.
 *
 * Reversibility: "remember what was there", like the file port, not conditional formats.
 * Before a cell is first marked, its own fill and note are recorded in the hidden sheet
 * Schemakoll_markeringar in the format both ports share (markRecords.ts, records.ts). Conditional formats
 * would leave the cell's format untouched, but they cannot carry the note, they survive into
 * copies of the sheet and would be a second mechanism the CLI does not know; with one record
 * format either port clears what the other marked (the CLI's records hold an ExcelJS style: a
 * solid ARGB fill is put back exactly; a theme colour or gradient, which the Excel API cannot
 * set, is cleared to no fill).
 *
 * Syncs, whatever the number of sheets or marks:
 *   markCells: 1 sheet names; 2 the records, each new cell's own fill (getCellProperties, one per
 *   row run of marked cells: rowRuns) and note; 3 the writes (records, then fills grouped by colour into RangeAreas,
 *   then notes). Right after readSheets the names are known: sync 1 is saved, the names are read
 *   again in sync 2 to check them, and the command runs from scratch (3) if they changed.
 *   clearMarks: 1 sheet names (done when nothing is marked); 2 the records; 3 each marked cell's
 *   current fill and note; 4 the restores, then the records. Right after readSheets it is
 *   replace.ts with no marks: 2 syncs.
 *   replaceMarks (a validation) right after readSheets: replace.ts, 2 syncs; otherwise clearMarks
 *   then markCells.
 * A request (the reads as the writes) is split into further syncs only when its estimated size,
 * or the response expected for its reads, passes its budget (support.ts), so the count grows with
 * the bytes sent and received, never per sheet or per finding. A read Excel refuses for its
 * response's size anyway (a cell's own note can be long) is made again in halves; records too
 * large for one response are read by parts (usedRanges.ts).
 * The sheet names come first because Office does not document what happens when one chains
 * calls on a null object (worksheets.getItemOrNullObject(…).getRange(…)); reading a sheet the
 * port knows exists never fails the batch.
 *
 * Clearing restores a cell's fill and note only where they are still Schemakoll's (the mark's
 * colour, the note text it wrote): a fill or note someone changed after marking stays as they
 * made it, as in the file port. Values are never touched.
 */
import { severitySchema, type Severity } from "../../domain/model";
import { MARK_FILL_ARGB, MARKS_SHEET_NAME, WorkbookWriteError, type CellMark } from "../port";
import { parseAddress, parseRange, rangeAddresses, rangeSize } from "../file/a1";
import {
  hexOfArgb,
  higher,
  isMarkNote,
  markNoteText,
  MAX_MESSAGE,
  noteText,
  ownFill,
  parseRecords,
  recordKey,
  recordRows,
  styleOfFill,
  truncate,
  type MarkRecord,
  type RecordState,
} from "./records";
import { readUsedRanges } from "./usedRanges";
import {
  areaAddresses,
  FILL_OVERHEAD,
  findName,
  isChangedWorkbookError,
  isPayloadLimitError,
  OPERATION_OVERHEAD,
  literal,
  localAddress,
  RequestBatch,
  sizeOf,
  worksheetProxies,
  WriteBatch,
  type ExcelRun,
} from "./support";

/** Cells one workbook may have marked at a time (as the file port). */
export const MAX_MARKED_CELLS = 200_000;

function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

export function tooManyCells(): WorkbookWriteError {
  return new WorkbookWriteError(
    `För många celler att markera (högst ${formatCount(MAX_MARKED_CELLS)}). Ta bort gamla markeringar eller kontrollera färre blad åt gången.`,
  );
}

export interface PlannedCell {
  sheet: string;
  address: string;
  severity: Severity;
  messages: string[];
}

export interface Plan {
  cells: Map<string, PlannedCell>;
  /**
   * The cells per sheet as ranges to read (one getCellProperties each): each row's runs of
   * adjacent cells ("B3:H3"), so a week of marked days is one read, not seven.
   */
  ranges: Map<string, Set<string>>;
}

/** The planned cells of each sheet as row runs ("B3", "D3:F3"). */
export function rowRuns(
  cells: Iterable<{ sheet: string; address: string }>,
): Map<string, Set<string>> {
  const bySheet = new Map<string, Map<number, number[]>>();
  for (const { sheet, address } of cells) {
    const position = parseAddress(address);
    if (!position) continue;
    const rows = bySheet.get(sheet) ?? new Map<number, number[]>();
    const cols = rows.get(position.row) ?? [];
    cols.push(position.col);
    rows.set(position.row, cols);
    bySheet.set(sheet, rows);
  }
  const ranges = new Map<string, Set<string>>();
  for (const [sheet, rows] of bySheet) {
    const set = new Set<string>();
    for (const [row, cols] of rows) {
      cols.sort((a, b) => a - b);
      let i = 0;
      while (i < cols.length) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1] === (cols[j] ?? 0) + 1) j++;
        const first = `${columnAddress(cols[i] ?? 1)}${row}`;
        set.add(j === i ? first : `${first}:${columnAddress(cols[j] ?? 1)}${row}`);
        i = j + 1;
      }
    }
    ranges.set(sheet, set);
  }
  return ranges;
}

/** Checks every mark before anything changes, and lists the cells to mark. */
export function plan(sheetNames: readonly string[], marks: readonly CellMark[]): Plan {
  const cells = new Map<string, PlannedCell>();
  let count = 0;
  for (const mark of marks) {
    const sheet = findName(sheetNames, mark.sheet);
    if (sheet === undefined || sheet === MARKS_SHEET_NAME) {
      throw new WorkbookWriteError(`Bladet ”${mark.sheet}” finns inte i arbetsboken.`);
    }
    const severity = severitySchema.safeParse(mark.severity);
    if (!severity.success) {
      throw new WorkbookWriteError(`Okänd allvarlighetsgrad ”${mark.severity}”.`);
    }
    const message = truncate(mark.note.trim(), MAX_MESSAGE);
    let first = true;
    for (const text of mark.cells) {
      const range = parseRange(text);
      if (!range) {
        throw new WorkbookWriteError(`”${text}” på bladet ”${sheet}” är ingen celladress.`);
      }
      count += rangeSize(range);
      if (count > MAX_MARKED_CELLS) throw tooManyCells();
      for (const address of rangeAddresses(range)) {
        const k = recordKey(sheet, address);
        const planned = cells.get(k) ?? { sheet, address, severity: severity.data, messages: [] };
        planned.severity = higher(planned.severity, severity.data);
        if (first && message !== "" && !planned.messages.includes(message)) {
          planned.messages.push(message);
        }
        first = false;
        cells.set(k, planned);
      }
    }
  }
  return { cells, ranges: rowRuns(cells.values()) };
}

export const FILL_PROPERTIES = { format: { fill: { color: true, pattern: true } } } as const;
/** What FILL_PROPERTIES adds to a getCellProperties call. */
export const FILL_READ_SIZE = JSON.stringify(FILL_PROPERTIES).length;

/** What reading a range (or a note) sends: the sheet's name and the address. */
export function readSize(sheet: string, address: string): number {
  return sizeOf(sheet) + sizeOf(address);
}

export interface CellPropertiesFill {
  format?: { fill?: { color?: string; pattern?: string } };
}

/** Each cell's fill from getCellProperties results over ranges (by recordKey). */
export function fillsByCell(
  fills: readonly {
    sheet: string;
    range: string;
    result: OfficeExtension.ClientResult<CellPropertiesFill[][]>;
  }[],
): Map<string, { color?: string; pattern?: string } | undefined> {
  const out = new Map<string, { color?: string; pattern?: string } | undefined>();
  for (const { sheet, range, result } of fills) {
    const rect = parseRange(range);
    if (!rect) continue;
    result.value.forEach((row, r) => {
      row.forEach((props, c) => {
        out.set(
          recordKey(sheet, `${columnAddress(rect.left + c)}${rect.top + r}`),
          props.format?.fill,
        );
      });
    });
  }
  return out;
}

export async function loadSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

export function loadRecords(context: Excel.RequestContext): Excel.Range {
  return context.workbook.worksheets
    .getItem(MARKS_SHEET_NAME)
    .getUsedRangeOrNullObject(true)
    .load("address,values");
}

/** The records sheet's used range, by parts (when one response cannot hold it). */
export async function readRecordsByParts(context: Excel.RequestContext): Promise<RecordsRead> {
  const { data } = await readUsedRanges(
    context,
    [{ sheet: MARKS_SHEET_NAME, formats: false }],
    false,
  );
  const read = data[0];
  return { address: read?.address ?? null, values: read?.values ?? [] };
}

/**
 * The response expected for a getCellProperties(FILL_PROPERTIES) per cell:
 * {"format":{"fill":{"color":"#FFFFFF","pattern":"None"}}} is 55 bytes; a longer pattern name
 * ("RectangularGradient") and Office.js's own fields in each object are counted in the 80.
 */
export const FILL_CELL_RESPONSE = 80;
/**
 * The response expected for a note read whose text is not known (a cell's own note, if any):
 * {"isNullObject":true} is 21 bytes; a note of a few sentences about 200. Longer ones are what the
 * read batch's halving is for.
 */
export const NOTE_RESPONSE = 200;

/** The response expected for the fills of a row run ("B3:H3"). */
export function fillResponseSize(range: string): number {
  const rect = parseRange(range);
  return (rect ? rangeSize(rect) : 1) * FILL_CELL_RESPONSE;
}

/** A queued getCellProperties of a range's fills, by "sheet\u0000range". */
export interface FillRead {
  sheet: string;
  range: string;
  result: OfficeExtension.ClientResult<CellPropertiesFill[][]>;
}

/**
 * Queues the fill read of every range (row runs, by sheet) in the batch, each within the
 * request and response budgets, into `into`.
 */
export async function queueFillReads(
  reads: RequestBatch,
  ranges: Iterable<readonly [string, Iterable<string>]>,
  sheetOf: (name: string) => Excel.Worksheet,
  into: Map<string, FillRead>,
): Promise<void> {
  for (const [sheet, set] of ranges) {
    for (const range of set) {
      await reads.add(
        readSize(sheet, range) + FILL_READ_SIZE,
        () => {
          const result = sheetOf(sheet).getRange(range).getCellProperties(FILL_PROPERTIES);
          into.set(`${sheet}\u0000${range}`, { sheet, range, result });
        },
        OPERATION_OVERHEAD,
        fillResponseSize(range),
      );
    }
  }
}

/** The response expected for reading a note that should be Schemakoll's for this record. */
export function markNoteResponse(record: MarkRecord): number {
  return record.messages.length === 0 ? NOTE_RESPONSE : sizeOf(markNoteText(record)) + 50;
}

/** The records sheet's used range as read (address null: the sheet is empty). */
export interface RecordsRead {
  address: string | null;
  values: unknown[][];
}

export function recordsRead(range: Excel.Range): RecordsRead {
  return range.isNullObject
    ? { address: null, values: [] }
    : { address: range.address, values: range.values as unknown[][] };
}

/** The records; none when there is no records sheet (null). */
export function recordsOf(read: RecordsRead | null): RecordState {
  if (read === null) return { records: new Map(), unreadable: [] };
  return parseRecords(read.values);
}

/** Whether two lists of sheet names are the same, in the same order. */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * Queues the hidden sheet's new content (the sheet is added, hidden, when it does not exist yet,
 * and deleted when nothing is left to keep).
 *
 * The rows are written OVER the old ones from A1 down, padded to the old width, in blocks within
 * the request budget, and only then are the old rows below the new last row cleared (one
 * operation). There is no "clear everything, then write" step: were the batch to stop between
 * two operations, every row index holds either its old or its new row, never nothing. A cell
 * whose record moves does not lose it either, as long as its new row is not below its old one:
 * the callers keep the records of cells that stay marked first, in their old order (a record at
 * old row i lands at row j ≤ i, so the block writing j comes no later than the one replacing i).
 */
export async function writeRecords(
  context: Excel.RequestContext,
  batch: WriteBatch,
  existing: RecordsRead | null,
  rows: string[][],
): Promise<void> {
  const sheets = context.workbook.worksheets;
  if (rows.length === 0) {
    if (existing !== null) {
      batch.fixed(() => {
        sheets.getItem(MARKS_SHEET_NAME).delete();
      });
    }
    return;
  }
  let sheet: Excel.Worksheet;
  let oldBottom = 0;
  let oldRight = 0;
  if (existing === null) {
    const added = sheets.add(MARKS_SHEET_NAME);
    batch.fixed(() => undefined); // the sheet just added
    batch.fixed(() => {
      added.visibility = "Hidden";
    });
    sheet = added;
  } else {
    sheet = sheets.getItem(MARKS_SHEET_NAME);
    const area = existing.address === null ? null : parseRange(localAddress(existing.address));
    if (area) {
      oldBottom = area.bottom;
      oldRight = area.right;
    }
  }
  const width = Math.max(oldRight, ...rows.map((r) => r.length));
  const last = columnAddress(width);
  let start = 0;
  while (start < rows.length) {
    // Blocks of rows of at most about 1 MB; each one's size is that of the values it sends.
    let end = start;
    let size = 0;
    const block: (string | number | boolean)[][] = [];
    while (end < rows.length && (end === start || size < 1_000_000)) {
      const out: (string | number | boolean)[] = (rows[end] ?? []).map((t) => literal(t));
      while (out.length < width) out.push("");
      block.push(out);
      size += sizeOf(out) + 1;
      end++;
    }
    const address = `A${start + 1}:${last}${end}`;
    await batch.add(size + sizeOf(address), () => {
      sheet.getRange(address).values = block;
    });
    start = end;
  }
  if (oldBottom > rows.length) {
    const tail = `A${rows.length + 1}:${columnAddress(width)}${oldBottom}`;
    batch.fixed(() => {
      sheet.getRange(tail).clear("Contents");
    });
  }
}

/**
 * Marks cells. `known`: every sheet's name as readSheets just saw it; then sync 1 is saved and
 * the names are read again in sync 2 to check them. Returns false, having written nothing, when
 * they no longer hold (the caller runs it again without them).
 */
export async function markCells(
  run: ExcelRun,
  notesSupported: boolean,
  marks: readonly CellMark[],
  known?: readonly string[],
): Promise<boolean> {
  if (marks.length === 0) return true;
  return run(async (context) => {
    // Sync 1: which sheets exist (unless known).
    const names = known ?? (await loadSheetNames(context));
    const { cells: planned, ranges } = plan(names, marks);
    if (planned.size === 0) return true;
    const hasRecords = names.includes(MARKS_SHEET_NAME);

    // Sync 2: the records, and each cell's own fill and note (and the names again if known).
    // More syncs only when the request or the response expected would pass its budget; records
    // too large to come back with the rest are read by parts first (usedRanges.ts).
    const { sheetOf, forget: forgetSheets } = worksheetProxies(context);
    const fills = new Map<string, FillRead>();
    const notes = new Map<string, Excel.Note>();
    const got: { names: Excel.WorksheetCollection | null; records: Excel.Range | null } = {
      names: null,
      records: null,
    };
    let existing: RecordsRead | null = null;
    const readAll = async (withRecords: boolean): Promise<void> => {
      const reads = new RequestBatch(context);
      reads.onRetry = () => {
        forgetSheets();
      };
      if (known !== undefined) {
        await reads.add(
          0,
          () => {
            got.names = context.workbook.worksheets.load("items/name");
          },
          OPERATION_OVERHEAD,
          sizeOf(names),
        );
      }
      if (withRecords) {
        // Its size is not known: 0, and read by parts if Excel refuses it.
        await reads.add(0, () => {
          got.records = loadRecords(context);
        });
      }
      await queueFillReads(reads, ranges, sheetOf, fills);
      if (notesSupported) {
        for (const [k, p] of planned) {
          await reads.add(
            readSize(p.sheet, p.address),
            () => {
              notes.set(k, sheetOf(p.sheet).notes.getItemOrNullObject(p.address).load("content"));
            },
            OPERATION_OVERHEAD,
            NOTE_RESPONSE,
          );
        }
      }
      await reads.flush();
    };
    try {
      try {
        await readAll(hasRecords);
        if (got.records !== null) existing = recordsRead(got.records);
      } catch (error) {
        if (!hasRecords || !isPayloadLimitError(error)) throw error;
        // The records alone are too large for one response: by parts, then the rest.
        existing = await readRecordsByParts(context);
        fills.clear();
        notes.clear();
        forgetSheets();
        await readAll(false);
      }
    } catch (error) {
      if (known !== undefined && isChangedWorkbookError(error)) return false;
      throw error;
    }
    const namesRead = got.names;
    if (
      namesRead !== null &&
      !sameNames(
        namesRead.items.map((s) => s.name),
        names,
      )
    ) {
      return false;
    }
    const state = recordsOf(existing);
    let added = 0;
    for (const k of planned.keys()) if (!state.records.has(k)) added++;
    if (state.records.size + added > MAX_MARKED_CELLS) throw tooManyCells();

    const ownFills = new Map<string, Record<string, unknown>>();
    for (const { sheet, range, result } of fills.values()) {
      const rect = parseRange(range);
      if (!rect) continue;
      result.value.forEach((row, r) => {
        row.forEach((props, c) => {
          const address = `${columnAddress(rect.left + c)}${rect.top + r}`;
          const fill = props.format?.fill;
          ownFills.set(
            recordKey(sheet, address),
            styleOfFill(fill?.color ?? null, fill?.pattern ?? null),
          );
        });
      });
    }
    const currentNote = (k: string): string | null => {
      const note = notes.get(k);
      return note === undefined || note.isNullObject ? null : note.content;
    };

    const targets: { planned: PlannedCell; record: MarkRecord; k: string }[] = [];
    for (const [k, p] of planned) {
      let record = state.records.get(k);
      if (!record) {
        record = {
          sheet: p.sheet,
          address: p.address,
          severity: p.severity,
          messages: [],
          style: ownFills.get(k) ?? {},
          note: currentNote(k),
        };
        state.records.set(k, record);
      }
      const hadMessages = record.messages.length > 0;
      record.severity = higher(record.severity, p.severity);
      for (const m of p.messages) if (!record.messages.includes(m)) record.messages.push(m);
      // A cell that showed no note of Schemakoll's: the note it has now is its own, and is kept
      // in the record only when Schemakoll writes a note over it (see markRecords.ts).
      if (notesSupported && !hadMessages) {
        record.note = record.messages.length > 0 ? currentNote(k) : null;
      }
      targets.push({ planned: p, record, k });
    }

    // Sync 3 (more only for very large writes): records first, then the cells.
    const batch = new WriteBatch(context);
    await writeRecords(context, batch, existing, recordRows(state));
    const byColour = new Map<string, Map<string, string[]>>();
    for (const { record } of targets) {
      const colour = hexOfArgb(MARK_FILL_ARGB[record.severity]);
      const perSheet = byColour.get(colour) ?? new Map<string, string[]>();
      const list = perSheet.get(record.sheet) ?? [];
      list.push(record.address);
      perSheet.set(record.sheet, list);
      byColour.set(colour, perSheet);
    }
    for (const [colour, perSheet] of byColour) {
      for (const [sheet, addresses] of perSheet) {
        for (const areas of areaAddresses(addresses)) {
          await batch.add(
            sizeOf(areas) + sizeOf(sheet) + sizeOf(colour),
            () => {
              sheetOf(sheet).getRanges(areas).format.fill.color = colour;
            },
            FILL_OVERHEAD,
          );
        }
      }
    }
    if (notesSupported) {
      for (const { record, k } of targets) {
        if (record.messages.length === 0) continue;
        const text = markNoteText(record);
        const existing = notes.get(k);
        await batch.add(noteSize(record, text), () => {
          if (existing !== undefined && !existing.isNullObject) existing.content = text;
          else sheetOf(record.sheet).notes.add(record.address, text);
        });
      }
    }
    await batch.flush();
    return true;
  });
}

/** What writing (or deleting: null) a cell's note sends: the text, the cell and its sheet. */
export function noteSize(cell: { sheet: string; address: string }, text: string | null): number {
  return (text === null ? 0 : sizeOf(text)) + sizeOf(cell.address) + sizeOf(cell.sheet);
}

export function columnAddress(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export async function clearMarks(run: ExcelRun, notesSupported: boolean): Promise<void> {
  const unreadable = await run(async (context) => {
    // Sync 1: is anything marked?
    const names = await loadSheetNames(context);
    if (!names.includes(MARKS_SHEET_NAME)) return 0;

    // Sync 2: the records (by parts when one response cannot hold them: usedRanges.ts).
    const { data } = await readUsedRanges(context, [{ sheet: MARKS_SHEET_NAME, formats: false }]);
    const existing: RecordsRead = {
      address: data[0]?.address ?? null,
      values: data[0]?.values ?? [],
    };
    const state = recordsOf(existing);

    // Sync 3: each marked cell's fill and note now.
    const { sheetOf, forget: forgetSheets } = worksheetProxies(context);
    const noteReads = new Map<string, Excel.Note>();
    const fills = new Map<string, FillRead>();
    // A record of a sheet that is gone (or was renamed) has nothing left to restore.
    const present = [...state.records.values()].filter((r) => names.includes(r.sheet));
    // More syncs only when the request or the response expected would pass its budget (and in
    // halves when Excel refuses one anyway). Fills by row runs.
    const reads = new RequestBatch(context);
    reads.onRetry = () => {
      forgetSheets();
    };
    await queueFillReads(reads, rowRuns(present), sheetOf, fills);
    for (const record of present) {
      if (!notesSupported || record.messages.length === 0) continue;
      const k = recordKey(record.sheet, record.address);
      await reads.add(
        readSize(record.sheet, record.address),
        () => {
          const note = sheetOf(record.sheet).notes.getItemOrNullObject(record.address);
          noteReads.set(k, note.load("content"));
        },
        OPERATION_OVERHEAD,
        markNoteResponse(record),
      );
    }
    if (present.length > 0) await reads.flush();
    const checks = present.map((record) => ({
      record,
      note: noteReads.get(recordKey(record.sheet, record.address)) ?? null,
    }));
    const fillNow = fillsByCell([...fills.values()]);

    // Sync 4: the restores, then the records go.
    const batch = new WriteBatch(context);
    const restoreFill = new Map<string, Map<string, string[]>>();
    const noteWrites: { size: number; write: () => void }[] = [];
    for (const { record, note } of checks) {
      const now = fillNow.get(recordKey(record.sheet, record.address));
      const markColour = hexOfArgb(MARK_FILL_ARGB[record.severity]);
      if (now?.pattern !== "None" && now?.color?.toUpperCase() === markColour) {
        const own = ownFill(record.style);
        const key = own.kind === "color" ? own.color : "none";
        const perSheet = restoreFill.get(key) ?? new Map<string, string[]>();
        const list = perSheet.get(record.sheet) ?? [];
        list.push(record.address);
        perSheet.set(record.sheet, list);
        restoreFill.set(key, perSheet);
      }
      if (note !== null && !note.isNullObject && isMarkNote(note.content, record)) {
        const own = record.note === null ? null : noteText(record.note);
        noteWrites.push({
          size: noteSize(record, own),
          write: () => {
            if (own === null) note.delete();
            else note.content = own;
          },
        });
      }
    }
    for (const [key, perSheet] of restoreFill) {
      for (const [sheet, addresses] of perSheet) {
        for (const areas of areaAddresses(addresses)) {
          await batch.add(
            sizeOf(areas) + sizeOf(sheet) + sizeOf(key),
            () => {
              const target = sheetOf(sheet).getRanges(areas).format.fill;
              if (key === "none") target.clear();
              else target.color = key;
            },
            FILL_OVERHEAD,
          );
        }
      }
    }
    for (const { size, write } of noteWrites) await batch.add(size, write);
    await writeRecords(
      context,
      batch,
      existing,
      recordRows({
        records: new Map(),
        unreadable: state.unreadable,
      }),
    );
    await batch.flush();
    return state.unreadable.length;
  });
  if (unreadable > 0) {
    throw new WorkbookWriteError(
      `${formatCount(unreadable)} markeringar i bladet ${MARKS_SHEET_NAME} gick inte att läsa och har lämnats kvar där; deras celler har inte återställts.`,
    );
  }
}
