/**
 * replaceMarks (clearMarks then markCells: what a validation does) right after readSheets, in
 * two syncs. readSheets has already read every sheet's name and the records (the hidden sheet
 * Schemakoll_markeringar); that snapshot says which cells are marked now.
 *
 *   Sync A: every sheet's name and the records again (to check the snapshot still holds), and
 *   the fill of every cell in (recorded cells ∪ cells to mark): one getCellProperties per row
 *   run of cells to mark (as markCells), one per recorded cell not marked again (as clearMarks);
 *   where ExcelApi 1.18 has notes, the note of every cell whose record or mark has messages
 *   (only there does Schemakoll write or restore a note; see markRecords.ts).
 *   Sync B: the writes.
 * Either sync is split further only when its estimated size, or the response expected for its
 * reads, passes its budget (support.ts): at the bench's 500 schedule sheets neither is (sync A's
 * response is 1.2 MB). The records are read again in bands whose response is known exactly (they
 * are what readSheets just read), compared band by band; a read refused for its response's size
 * all the same is made again in halves.
 *
 * When the names or records read in sync A differ from the snapshot, or sync A or B fails the
 * way a changed workbook does (a sheet deleted or renamed: ItemNotFound, InvalidArgument), the
 * outcome is "stale" and the caller runs the full path (clearMarks, then markCells) once.
 * Unreadable records are left to clearMarks, which keeps them and reports them.
 *
 * The result is the full path's: a cell that is marked again keeps the original fill and note
 * recorded when it was first marked (unless someone changed them since, in which case what they
 * made is the new original, as clearMarks leaves it and markCells then records it); its record
 * gets the new severity and messages only.
 *
 * Order of the writes in sync B. Excel applies a batch in order and stops at the first failing
 * operation, keeping the ones before it (a protected sheet, a sheet deleted since sync A, or a
 * later chunk of a write split by size). The invariant kept after every operation: each cell
 * showing a Schemakoll fill or note has a record in the hidden sheet that holds its original
 * and matches what it shows (clearMarks restores a cell only when its fill is the record's
 * severity colour and its note the record's text). A record for a cell that is not marked, or
 * no longer, is harmless: clearMarks finds the cell not Schemakoll's and leaves it.
 *   1. Restores: cells no longer marked, and the fill or note of a cell marked again whose mark
 *      changes (other severity, other text), go back to their originals. The old records still
 *      describe every cell that is marked.
 *   2. The records: rewritten to the new set (old records of cells marked again first, in their
 *      old order, then the new ones; see writeRecords). Cells still marked now are only those
 *      marked again with an unchanged fill or note, and for them the old and the new record say
 *      the same about what they show.
 *   3. The marks: fills by colour as RangeAreas, then notes. Their records are already there.
 * Records FIRST (as markCells) would leave cells no longer marked without a record if the batch
 * stopped before their restore; records LAST (as clearMarks) would leave new marks without one.
 * Restores, records, marks: a failure anywhere leaves a workbook that clearMarks or the next
 * validation clears exactly.
 */
import { MARK_FILL_ARGB, MARKS_SHEET_NAME, type CellMark } from "../port";
import { parseRange } from "../file/a1";
import {
  columnAddress,
  FILL_CELL_RESPONSE,
  FILL_PROPERTIES,
  FILL_READ_SIZE,
  markNoteResponse,
  NOTE_RESPONSE,
  noteSize,
  plan,
  queueFillReads,
  readSize,
  recordsOf,
  sameNames,
  writeRecords,
  type CellPropertiesFill,
  type FillRead,
  type RecordsRead,
} from "./marks";
import {
  hexOfArgb,
  isMarkNote,
  markNoteText,
  noteText,
  ownFill,
  recordKey,
  recordRows,
  styleOfFill,
  type MarkRecord,
} from "./records";
import {
  areaAddresses,
  FILL_OVERHEAD,
  isChangedWorkbookError,
  localAddress,
  OPERATION_OVERHEAD,
  RequestBatch,
  sizeOf,
  worksheetProxies,
  WriteBatch,
  type ExcelRun,
} from "./support";

/** Rows of records re-read in one operation: about 1 MB of response. */
const RECORD_BAND = 1_000_000;

/** What readSheets saw. */
export interface MarksSnapshot {
  /** Every sheet's name in tab order, the records sheet included. */
  names: readonly string[];
  /** The records sheet's used range; null when there is no records sheet. */
  records: RecordsRead | null;
}

/**
 * "stale": the workbook is not as readSheets saw it (found in sync A: nothing written), or a
 * write failed as a changed workbook does (what was applied is consistent, see the top): run the
 * full path. "unreadable": records that cannot be read, left to clearMarks to keep and report.
 */
export type ReplaceOutcome = "done" | "stale" | "unreadable";

/** A cell's fill as getCellProperties gives it. */
type Fill = { color?: string; pattern?: string } | undefined;

/** Cells by sheet, by fill ("#RRGGBB", or "none" to clear). */
type FillPlan = Map<string, Map<string, string[]>>;

function addTo(plan: FillPlan, key: string, sheet: string, address: string): void {
  const perSheet = plan.get(key) ?? new Map<string, string[]>();
  const list = perSheet.get(sheet) ?? [];
  list.push(address);
  perSheet.set(sheet, list);
  plan.set(key, perSheet);
}

function markColour(record: Pick<MarkRecord, "severity">): string {
  return hexOfArgb(MARK_FILL_ARGB[record.severity]);
}

/** Whether a cell still shows the record's mark fill. */
function fillIsOurs(record: MarkRecord, fill: Fill): boolean {
  return fill?.pattern !== "None" && fill?.color?.toUpperCase() === markColour(record);
}

/** A row as parseRecords sees it: texts, trailing empty cells dropped. */
function rowTexts(row: readonly unknown[]): string[] {
  const texts = row.map((v) =>
    typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "",
  );
  while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
  return texts;
}

function startsAtA1(address: string): boolean {
  const area = parseRange(localAddress(address));
  return area?.top === 1 && area.left === 1;
}

/** Whether the records sheet already holds exactly these rows. */
function sameRows(rows: readonly string[][], read: RecordsRead): boolean {
  return (
    read.address !== null &&
    startsAtA1(read.address) &&
    read.values.length === rows.length &&
    read.values.every((row, i) => {
      const want = rows[i] ?? [];
      const have = rowTexts(row);
      return have.length === want.length && have.every((t, c) => t === want[c]);
    })
  );
}

/** clearMarks then markCells(marks), in 2 syncs from what readSheets saw (see the top). */
export async function replaceMarksAfterRead(
  run: ExcelRun,
  notesSupported: boolean,
  snapshot: MarksSnapshot,
  marks: readonly CellMark[],
): Promise<ReplaceOutcome> {
  const old = recordsOf(snapshot.records);
  if (old.unreadable.length > 0) return "unreadable";
  // Every mark is checked before anything changes.
  const { cells: planned, ranges } = plan(snapshot.names, marks);

  return run(async (context) => {
    const { sheetOf, forget: forgetSheets } = worksheetProxies(context);

    // Sync A: the snapshot checked, and every concerned cell's fill and note now (more syncs only
    // when the reads alone would pass the request budget).
    // Every read states the response it expects: the records exactly (readSheets just read
    // them), a fill per cell, a note by the text it should have (marks.ts).
    const reads = new RequestBatch(context);
    reads.onRetry = () => {
      forgetSheets();
    };
    const got: { names: Excel.WorksheetCollection | null; recordsArea: Excel.Range | null } = {
      names: null,
      recordsArea: null,
    };
    const rangeFills = new Map<string, FillRead>();
    const cellFills = new Map<string, OfficeExtension.ClientResult<CellPropertiesFill[][]>>();
    const notes = new Map<string, Excel.Note>();
    /** The records again: their used range's address, and its rows in bands as read before. */
    const recordBands = new Map<number, { rows: unknown[][]; range: Excel.Range }>();
    // A note is read only where Schemakoll writes or restores one: a cell with messages, before
    // or after. A cell only filled keeps whatever note it has; its record's note says nothing
    // (see markRecords.ts), and is taken from the cell when it gets a message later.
    const loadNote = async (
      k: string,
      sheet: string,
      address: string,
      response: number,
    ): Promise<void> => {
      await reads.add(
        readSize(sheet, address),
        () => {
          notes.set(k, sheetOf(sheet).notes.getItemOrNullObject(address).load("content"));
        },
        OPERATION_OVERHEAD,
        response,
      );
    };
    // Records of sheets that are gone (or renamed) have nothing left to restore, as in clearMarks.
    const present = new Set(snapshot.names);
    try {
      await reads.add(
        0,
        () => {
          got.names = context.workbook.worksheets.load("items/name");
        },
        OPERATION_OVERHEAD,
        sizeOf(snapshot.names),
      );
      const before = snapshot.records;
      if (before !== null) {
        await reads.add(
          0,
          () => {
            got.recordsArea = context.workbook.worksheets
              .getItem(MARKS_SHEET_NAME)
              .getUsedRangeOrNullObject(true)
              .load("address");
          },
          OPERATION_OVERHEAD,
          sizeOf(before.address),
        );
        const area = before.address === null ? null : parseRange(localAddress(before.address));
        if (area) {
          let start = 0;
          while (start < before.values.length) {
            let end = start;
            let size = 0;
            while (end < before.values.length && (end === start || size < RECORD_BAND)) {
              size += sizeOf(before.values[end]) + 1;
              end++;
            }
            const rows = before.values.slice(start, end);
            const band = `${columnAddress(area.left)}${area.top + start}:${columnAddress(area.right)}${area.top + end - 1}`;
            const index = start;
            await reads.add(
              readSize(MARKS_SHEET_NAME, band),
              () => {
                const range = sheetOf(MARKS_SHEET_NAME).getRange(band).load("values");
                recordBands.set(index, { rows, range });
              },
              OPERATION_OVERHEAD,
              size,
            );
            start = end;
          }
        }
      }
      await queueFillReads(reads, ranges, sheetOf, rangeFills);
      for (const [k, record] of old.records) {
        if (!present.has(record.sheet)) continue;
        const hadNote = notesSupported && record.messages.length > 0;
        if (!planned.has(k)) {
          await reads.add(
            readSize(record.sheet, record.address) + FILL_READ_SIZE,
            () => {
              cellFills.set(
                k,
                sheetOf(record.sheet).getRange(record.address).getCellProperties(FILL_PROPERTIES),
              );
            },
            OPERATION_OVERHEAD,
            FILL_CELL_RESPONSE,
          );
        }
        if (hadNote) await loadNote(k, record.sheet, record.address, markNoteResponse(record));
      }
      if (notesSupported) {
        for (const [k, p] of planned) {
          if (p.messages.length > 0 && !notes.has(k)) {
            await loadNote(k, p.sheet, p.address, NOTE_RESPONSE);
          }
        }
      }
      await reads.flush();
    } catch (error) {
      if (isChangedWorkbookError(error)) return "stale";
      throw error;
    }
    const namesNow = got.names;
    const recordsArea = got.recordsArea;
    const recordsAddress =
      recordsArea === null || recordsArea.isNullObject ? null : recordsArea.address;
    const unchanged =
      namesNow !== null &&
      sameNames(
        namesNow.items.map((s) => s.name),
        snapshot.names,
      ) &&
      (snapshot.records === null ||
        (recordsAddress === snapshot.records.address &&
          [...recordBands.values()].every(
            ({ rows, range }) => JSON.stringify(range.values) === JSON.stringify(rows),
          )));
    if (!unchanged) return "stale";

    const fillNow = new Map<string, Fill>();
    for (const [k, result] of cellFills) fillNow.set(k, result.value[0]?.[0]?.format?.fill);
    for (const { sheet, range, result } of rangeFills.values()) {
      const rect = parseRange(range);
      if (!rect) continue;
      result.value.forEach((row, r) => {
        row.forEach((props, c) => {
          const address = `${columnAddress(rect.left + c)}${rect.top + r}`;
          fillNow.set(recordKey(sheet, address), props.format?.fill);
        });
      });
    }
    const noteNow = (k: string): Excel.Note | null => {
      const note = notes.get(k);
      return note === undefined || note.isNullObject ? null : note;
    };

    // The plan of sync B, in its three steps.
    const restoreFills: FillPlan = new Map();
    const restoreNotes: { size: number; write: () => void }[] = [];
    const markFills: FillPlan = new Map();
    const markNotes: { size: number; write: () => void }[] = [];
    /** Restores a cell's own note; whether the cell has a note afterwards. */
    const restoreNote = (record: MarkRecord, note: Excel.Note): boolean => {
      const own = record.note === null ? null : noteText(record.note);
      restoreNotes.push({
        size: noteSize(record, own),
        write: () => {
          if (own === null) note.delete();
          else note.content = own;
        },
      });
      return own !== null;
    };
    const restoreFill = (record: MarkRecord): void => {
      const own = ownFill(record.style);
      addTo(restoreFills, own.kind === "color" ? own.color : "none", record.sheet, record.address);
    };
    const markNote = (record: MarkRecord, note: Excel.Note | null): void => {
      const text = markNoteText(record);
      markNotes.push({
        size: noteSize(record, text),
        write: () => {
          if (note !== null) note.content = text;
          else sheetOf(record.sheet).notes.add(record.address, text);
        },
      });
    };

    const kept: MarkRecord[] = [];
    for (const [k, record] of old.records) {
      if (!present.has(record.sheet)) continue;
      const fill = fillNow.get(k);
      const note = noteNow(k);
      const fillOurs = fillIsOurs(record, fill);
      // The note when it is still the one Schemakoll wrote (never where notes are missing).
      const ourNote =
        notesSupported &&
        record.messages.length > 0 &&
        note !== null &&
        isMarkNote(note.content, record)
          ? note
          : null;
      const p = planned.get(k);
      if (p === undefined) {
        // No longer marked: restored where still Schemakoll's (step 1).
        if (fillOurs) restoreFill(record);
        if (ourNote !== null) restoreNote(record, ourNote);
        continue;
      }
      // Marked again: the first original stays, unless someone changed the cell since.
      const next: MarkRecord = {
        sheet: record.sheet,
        address: record.address,
        severity: p.severity,
        messages: p.messages,
        style: fillOurs ? record.style : styleOfFill(fill?.color ?? null, fill?.pattern ?? null),
        // Where Schemakoll writes no note, the record keeps none (the cell's note is not read).
        note: !notesSupported
          ? record.note
          : p.messages.length === 0
            ? null
            : ourNote !== null
              ? record.note
              : (note?.content ?? null),
      };
      kept.push(next);
      if (!(fillOurs && markColour(record) === markColour(next))) {
        if (fillOurs) restoreFill(record);
        addTo(markFills, markColour(next), next.sheet, next.address);
      }
      if (notesSupported) {
        const wanted = next.messages.length > 0;
        if (!(ourNote !== null && wanted && isMarkNote(ourNote.content, next))) {
          // A note of Schemakoll's goes back to the cell's own first (step 1), then the new one.
          const after = ourNote === null ? note : restoreNote(record, ourNote) ? ourNote : null;
          if (wanted) markNote(next, after);
        }
      }
    }
    const added: MarkRecord[] = [];
    for (const [k, p] of planned) {
      if (old.records.has(k)) continue;
      const fill = fillNow.get(k);
      const note = noteNow(k);
      const next: MarkRecord = {
        sheet: p.sheet,
        address: p.address,
        severity: p.severity,
        messages: p.messages,
        style: styleOfFill(fill?.color ?? null, fill?.pattern ?? null),
        note: note?.content ?? null,
      };
      added.push(next);
      addTo(markFills, markColour(next), next.sheet, next.address);
      if (notesSupported && next.messages.length > 0) markNote(next, note);
    }

    const records = new Map<string, MarkRecord>();
    for (const r of [...kept, ...added]) records.set(recordKey(r.sheet, r.address), r);
    const rows = recordRows({ records, unreadable: [] });
    const recordsChange =
      snapshot.records === null ? rows.length > 0 : !sameRows(rows, snapshot.records);
    if (
      restoreFills.size === 0 &&
      restoreNotes.length === 0 &&
      markFills.size === 0 &&
      markNotes.length === 0 &&
      !recordsChange
    ) {
      return "done";
    }

    // Sync B (more only for very large writes): restores, records, marks; see the top.
    const batch = new WriteBatch(context);
    const queueFills = async (
      fills: FillPlan,
      apply: (fill: Excel.RangeFill, key: string) => void,
    ): Promise<void> => {
      for (const [key, perSheet] of fills) {
        for (const [sheet, addresses] of perSheet) {
          for (const areas of areaAddresses(addresses)) {
            await batch.add(
              sizeOf(areas) + sizeOf(sheet) + sizeOf(key),
              () => {
                apply(sheetOf(sheet).getRanges(areas).format.fill, key);
              },
              FILL_OVERHEAD,
            );
          }
        }
      }
    };
    try {
      await queueFills(restoreFills, (fill, key) => {
        if (key === "none") fill.clear();
        else fill.color = key;
      });
      for (const { size, write } of restoreNotes) await batch.add(size, write);
      if (recordsChange) await writeRecords(context, batch, snapshot.records, rows);
      await queueFills(markFills, (fill, colour) => {
        fill.color = colour;
      });
      for (const { size, write } of markNotes) await batch.add(size, write);
      await batch.flush();
    } catch (error) {
      if (isChangedWorkbookError(error)) return "stale";
      throw error;
    }
    return "done";
  });
}
