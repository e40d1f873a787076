/**
 * Reading sheets' used ranges (values, and number formats where asked) within Excel on the web's
 * 5 MB response limit (support.ts), with as few syncs as the data allows.
 *
 * Optimistic first: every used range in one sync, as before (a workbook whose whole read fits in
 * one response, the common case, costs nothing more). When Excel refuses that response for its
 * size (or when the caller knows from the last read that it will: `optimistic` false), the read
 * goes by parts:
 *   1. one sync for each used range's address (its size; a few bytes back per sheet);
 *   2. row bands planned under RESPONSE_BUDGET from a per-cell estimate: a big sheet splits into
 *      bands, small sheets share a sync; the estimate is learned as the read goes (the bytes of
 *      what came back per cell, per sheet and overall), never below the defaults;
 *   3. a sync Excel still refuses (long texts: a cell's length is not known in advance) raises
 *      the estimate of its sheets so that the same pieces would take two syncs, and is planned
 *      again — fewer sheets, then fewer rows, then a
 *      row's columns — down to one cell; a cell whose response alone passes the limit is an
 *      error naming it.
 * So the syncs grow with the bytes read, never with the number of sheets as such.
 */
import { WorkbookReadError } from "../port";
import { columnLetters, parseRange, type CellRange } from "../file/a1";
import {
  isPayloadLimitError,
  localAddress,
  OPERATION_OVERHEAD,
  REQUEST_BUDGET,
  RESPONSE_BUDGET,
  RESULT_OVERHEAD,
  sizeOf,
} from "./support";

/**
 * Bytes per cell expected in a response before anything was read: a value as JSON (a short text
 * or a number: about 8–12 bytes with quotes and comma) and, with formats, "General" (10 more).
 * The bench's week grids measure 33 bytes per cell with formats (6 010 782 bytes for 180 043
 * cells); these defaults are a little above, and what is read raises them.
 */
export const CELL_ESTIMATE = 40;
export const CELL_ESTIMATE_VALUES = 25;

export interface UsedRangeRead {
  sheet: string;
  /** Whether the number formats are read too. */
  formats: boolean;
  /** A used range with more cells is not read (its address still is): the caller refuses it. */
  maxCells?: number;
}

export interface UsedRangeData {
  /** The used range's address as Excel gives it ("'Jan Ek'!A1:F9"); null: the sheet is empty. */
  address: string | null;
  /** The used range's values ([] when empty or not read). */
  values: unknown[][];
  /** Its number formats, when asked ([] otherwise). */
  numberFormat: unknown[][];
}

/** A rectangle of one sheet read in one operation. */
interface Piece {
  index: number;
  rect: CellRange;
}

function area(rect: CellRange): string {
  return `${columnLetters(rect.left)}${rect.top}:${columnLetters(rect.right)}${rect.bottom}`;
}

function cells(rect: CellRange): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

function tooLargeCell(sheet: string, rect: CellRange): WorkbookReadError {
  return new WorkbookReadError(
    `Cellen ${columnLetters(rect.left)}${rect.top} i bladet ”${sheet}” innehåller mer än Excel på webben kan skicka i ett svar (5 MB) och kan inte läsas. Korta innehållet i cellen och försök igen.`,
  );
}

/**
 * The used ranges (values only: getUsedRangeOrNullObject(true)) of the sheets, in their order;
 * see the top. `chunked` says whether the read went by parts (worth knowing for the next one).
 */
export async function readUsedRanges(
  context: Excel.RequestContext,
  reads: readonly UsedRangeRead[],
  optimistic = true,
  /** Bytes per cell by sheet name, as an earlier read by parts learned them. */
  hints: ReadonlyMap<string, number> = new Map(),
): Promise<{
  data: UsedRangeData[];
  chunked: boolean;
  /** Bytes per cell by sheet (a read by parts only). */
  learned: Map<string, number>;
  /** The bytes of values and formats read by parts (0 for a single sync). */
  bytes: number;
}> {
  const sheets = context.workbook.worksheets;
  const learned = new Map<string, number>();
  if (reads.length === 0) return { data: [], chunked: false, learned, bytes: 0 };
  /** Whether the whole read was refused (then it is more than 5 MB: a floor per cell). */
  let refused = false;
  if (optimistic) {
    const ranges = reads.map((r) =>
      sheets
        .getItem(r.sheet)
        .getUsedRangeOrNullObject(true)
        .load(r.formats ? "address,values,numberFormat" : "address,values"),
    );
    try {
      await context.sync();
      return {
        data: ranges.map((range, i) =>
          range.isNullObject
            ? { address: null, values: [], numberFormat: [] }
            : {
                address: range.address,
                values: range.values as unknown[][],
                numberFormat: reads[i]?.formats === true ? (range.numberFormat as unknown[][]) : [],
              },
        ),
        chunked: false,
        learned,
        bytes: 0,
      };
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      refused = true;
    }
  }

  // 1. The addresses (in more syncs only if the request itself would pass its budget).
  const addresses: (string | null)[] = [];
  let start = 0;
  while (start < reads.length) {
    const ranges: Excel.Range[] = [];
    let size = 0;
    let end = start;
    while (end < reads.length && (end === start || size < REQUEST_BUDGET)) {
      const read = reads[end];
      if (read) {
        ranges.push(sheets.getItem(read.sheet).getUsedRangeOrNullObject(true).load("address"));
        size += sizeOf(read.sheet) + OPERATION_OVERHEAD;
      }
      end++;
    }
    await context.sync();
    for (const range of ranges) addresses.push(range.isNullObject ? null : range.address);
    start = end;
  }

  // 2. The bands, planned under the budget from the estimate learned so far.
  const data: UsedRangeData[] = reads.map((_, i) => ({
    address: addresses[i] ?? null,
    values: [],
    numberFormat: [],
  }));
  const rects: (CellRange | null)[] = reads.map((read, i) => {
    const address = addresses[i] ?? null;
    const rect = address === null ? null : parseRange(localAddress(address));
    if (!rect) return null;
    if (read.maxCells !== undefined && cells(rect) > read.maxCells) return null;
    const target = data[i];
    if (target) {
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      target.values = Array.from({ length: rows }, () => new Array<unknown>(cols).fill(""));
      if (read.formats) {
        target.numberFormat = Array.from({ length: rows }, () =>
          new Array<unknown>(cols).fill("General"),
        );
      }
    }
    return rect;
  });
  // What came back per cell, by sheet; for a sheet not read yet, what the last read by parts
  // learned of it (hints), else the average so far. Never below the defaults, nor below what a
  // refused whole read proves; a refused part raises its sheets' estimate until part of them
  // comes back.
  const learnedBySheet = new Map<number, { bytes: number; cells: number }>();
  const boost = new Map<number, number>();
  // A whole read refused was over 5 000 000 bytes: on average at least that much per cell.
  const total = rects.reduce((n, rect) => n + (rect ? cells(rect) : 0), 0);
  const refusedFloor = refused && total > 0 ? Math.ceil(5_000_000 / total) : 0;
  const overall = { bytes: 0, cells: 0 };
  const perCell = (index: number): number => {
    const floor = reads[index]?.formats === true ? CELL_ESTIMATE : CELL_ESTIMATE_VALUES;
    const own = learnedBySheet.get(index);
    const seen =
      own !== undefined && own.cells > 0
        ? Math.ceil(own.bytes / own.cells)
        : Math.max(
            hints.get(reads[index]?.sheet ?? "") ??
              (overall.cells === 0 ? 0 : Math.ceil(overall.bytes / overall.cells)),
            refusedFloor,
          );
    return Math.max(floor, seen, boost.get(index) ?? 0);
  };

  /** Reads pieces in one sync; false when Excel refuses the response for its size. */
  const readPieces = async (pieces: readonly Piece[]): Promise<boolean> => {
    const loaded = pieces.map((piece) => {
      const read = reads[piece.index];
      const range = sheets
        .getItem(read?.sheet ?? "")
        .getRange(area(piece.rect))
        .load(read?.formats === true ? "values,numberFormat" : "values");
      return { piece, range };
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadLimitError(error)) throw error;
      return false;
    }
    for (const { piece, range } of loaded) {
      const base = rects[piece.index];
      const target = data[piece.index];
      const read = reads[piece.index];
      if (!base || !target || !read) continue;
      const values = range.values as unknown[][];
      const formats = read.formats ? (range.numberFormat as unknown[][]) : [];
      values.forEach((row, r) => {
        const out = target.values[piece.rect.top - base.top + r];
        if (!out) return;
        row.forEach((value, c) => {
          out[piece.rect.left - base.left + c] = value;
        });
      });
      formats.forEach((row, r) => {
        const out = target.numberFormat[piece.rect.top - base.top + r];
        if (!out) return;
        row.forEach((format, c) => {
          out[piece.rect.left - base.left + c] = format;
        });
      });
      const bytes = sizeOf(values) + (read.formats ? sizeOf(formats) : 0);
      const own = learnedBySheet.get(piece.index) ?? { bytes: 0, cells: 0 };
      own.bytes += bytes;
      own.cells += cells(piece.rect);
      learnedBySheet.set(piece.index, own);
      boost.delete(piece.index);
      overall.bytes += bytes;
      overall.cells += cells(piece.rect);
    }
    return true;
  };

  // What is left to read, in order: each sheet's used range, then what parts leave of them.
  const queue: Piece[] = [];
  rects.forEach((rect, index) => {
    if (rect) queue.push({ index, rect });
  });
  while (queue.length > 0) {
    // A sync's worth from the front of the queue, on the estimate.
    const group: Piece[] = [];
    let response = 0;
    let request = 0;
    while (queue.length > 0 && response < RESPONSE_BUDGET && request < REQUEST_BUDGET) {
      const next = queue[0];
      if (!next) break;
      const { rect } = next;
      const estimate = perCell(next.index);
      const width = rect.right - rect.left + 1;
      const room = RESPONSE_BUDGET - response - RESULT_OVERHEAD;
      const rowsLeft = rect.bottom - rect.top + 1;
      const fit = Math.floor(room / (width * estimate));
      if (fit <= 0 && group.length > 0) break;
      queue.shift();
      let taken: CellRange;
      if (fit >= rowsLeft) {
        taken = rect;
      } else if (fit >= 1) {
        taken = { ...rect, bottom: rect.top + fit - 1 };
        queue.unshift({ index: next.index, rect: { ...rect, top: rect.top + fit } });
      } else {
        // Not even one row on the estimate: the first row's columns that fit (one at least).
        const cols = Math.max(1, Math.floor(room / estimate));
        taken = { ...rect, bottom: rect.top, right: Math.min(rect.right, rect.left + cols - 1) };
        const rest: Piece[] = [];
        if (taken.right < rect.right) {
          rest.push({
            index: next.index,
            rect: { ...taken, left: taken.right + 1, right: rect.right },
          });
        }
        if (rect.bottom > rect.top) {
          rest.push({ index: next.index, rect: { ...rect, top: rect.top + 1 } });
        }
        queue.unshift(...rest);
      }
      group.push({ index: next.index, rect: taken });
      response += cells(taken) * estimate + RESULT_OVERHEAD;
      request += sizeOf(reads[next.index]?.sheet ?? "") + OPERATION_OVERHEAD;
    }
    if (await readPieces(group)) continue;
    // Refused: a single cell is an error; otherwise its sheets' estimate rises and the same
    // pieces are planned again (smaller groups, bands, columns as the estimate says).
    const only = group[0];
    if (group.length === 1 && only && cells(only.rect) === 1) {
      throw tooLargeCell(reads[only.index]?.sheet ?? "", only.rect);
    }
    // The estimate rises so that the same pieces would make two syncs' worth: the next group is
    // at most half of this one (what came back above the estimate is not known, only > 5 MB).
    const factor = Math.max(2, (2 * RESPONSE_BUDGET) / Math.max(1, response));
    for (const index of new Set(group.map((p) => p.index))) {
      boost.set(index, Math.ceil(perCell(index) * factor));
    }
    queue.unshift(...group);
  }
  let bytes = 0;
  for (const [index, own] of learnedBySheet) {
    bytes += own.bytes;
    const name = reads[index]?.sheet;
    if (name !== undefined && own.cells > 0) learned.set(name, Math.ceil(own.bytes / own.cells));
  }
  return { data, chunked: true, learned, bytes };
}
