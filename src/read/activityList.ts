/**
 * 3 Aktivitetslista: one activity per row (participant, date, time, activity text, and
 * optionally category, form/plats and attendance columns), found by its header row.
 *
 * - Time: the Start/Slut columns, else one "Tid" column ("8.00-12.00"), else a time range
 *   written in the activity text; "Timmar" gives the hours when there are no times (and the
 *   end when only a start is given).
 * - Category: the Kategori column when the row has one ("4", "Kategori 4", "Information om
 *   arbetsmarknaden"), else inferred from the activity text with the vocabulary of the
 *   participant's programme.
 * - Mode: the Form/Plats column, else the activity text.
 * - A text holding several activities with their own times ("OBL-Individuellt möte 8.00-8.30
 *   därefter eget arbete - Information om arbetsmarknaden 8.30-12.00") becomes one activity
 *   each, unless the row has its own time or category columns filled (then the row is one).
 * - A row whose participant, date or time cannot be read is LAS.OKLAR and is not an activity;
 *   any other unreadable cell is LAS.OKLAR and the activity is kept without that field.
 */
import {
  matchMode,
  parseActivityCell,
  type Mode,
  type ParsedActivity,
} from "../domain/activityText";
import type { IsoDate } from "../domain/date";
import type {
  Activity,
  ActivityAttendance,
  ReadFinding,
  SheetData,
  SheetMap,
} from "../domain/model";
import type { Programme } from "../domain/programmes";
import type { Minutes } from "../domain/time";
import { matchCategory } from "../domain/vocabulary/match";
import type { Vocabulary } from "../domain/vocabulary/types";
import { ACTIVITY_LIST_LAYOUT, type ActivityListConcept, type HeaderMatch } from "./headers";
import {
  cannotRead,
  errorFindings,
  participantRows,
  Grid,
  locateTable,
  quote,
  type LocatedTable,
  unreadable,
  type ReadResult,
  type TableOptions,
} from "./table";
import {
  classifyReason,
  foldWords,
  isExcelError,
  parseAttendanceWord,
  parseCertificate,
  parseDateCell,
  parseHours,
  parseTimeRangeValue,
  parseTimeValue,
} from "./values";

/** The shape of domain/vocabulary's `vocabularyFor`: a programme's activity vocabulary. */
export type VocabularyFor = (programme: Programme) => Vocabulary | null | undefined;

export interface ActivityListOptions extends TableOptions {
  /** The participant's programme (from the register), or null when unknown. */
  programmeOf: (participantId: string) => Programme | null;
  /** The vocabulary of a programme, for inferring a category from the activity text. */
  vocabularyFor: VocabularyFor;
  /**
   * The participant's startdatum: a date written without a year ("5 mar") is the first such
   * day on or after it.
   */
  startOf?: (participantId: string) => IsoDate | null;
  /** The year of a date without one when the participant has no startdatum. */
  defaultYear?: number | null;
  /**
   * Only the rows of some participants (all when absent): a row whose participant `keep`
   * rejects is skipped after its participant cell is read, unless `errorRows` is set and the
   * row holds an Excel error value — then it is read in full, so that the cells reported as
   * unreadable errors (errorFindings, no participant) are the same as in a read of every row.
   * The items and findings of such a row are the caller's to drop.
   */
  only?: { keep: (participantId: string) => boolean; errorRows: boolean } | null;
  /**
   * What an earlier read of the same, unchanged sheet with the same `map` found (the batches
   * of one validation): the sheet's cells, its header and its rows with a participant. A read
   * with `only` and without `errorRows` then visits just the rows of the participants it
   * keeps, not every row of the sheet. Such a read does not report the rows without a
   * participant or the error values outside the rows it reads (those findings belong to no
   * participant: the read with `errorRows` reports them).
   */
  rowsMemo?: ActivityRowsMemo;
}

/** See ActivityListOptions.rowsMemo: per sheet, what the first read with a memo found. */
export type ActivityRowsMemo = WeakMap<SheetData, RememberedList>;

interface RememberedList {
  /** The `map` the sheet was read with. */
  mapIn: SheetMap | null;
  grid: Grid;
  located: LocatedTable<ActivityListConcept>;
  /** The data rows with a participant, and each one's participant as written. */
  rows: Int32Array;
  ids: string[];
}

const NO_VOCABULARY: Vocabulary = { id: "", source: "", categories: [] };

interface CategoryRead {
  code: string | number;
  name: string;
}

/** The Kategori column: a code ("4", "Kategori 4", "4. Information …") or a category's name. */
export function categoryFromColumn(text: string, vocabulary: Vocabulary): CategoryRead | null {
  const folded = foldWords(text);
  if (folded === "") return null;
  const byCode = (token: string): CategoryRead | null => {
    const hit = vocabulary.categories.find((c) => foldWords(String(c.code)) === token);
    return hit ? { code: hit.code, name: hit.name } : null;
  };
  const exact = byCode(folded);
  if (exact) return exact;
  const leading = /^(?:kategori |kat )?(\d+)\b/.exec(folded);
  if (leading) {
    const hit = byCode(leading[1] ?? "");
    if (hit) return hit;
  }
  const byName = vocabulary.categories.find((c) => foldWords(c.name) === folded);
  if (byName) return { code: byName.code, name: byName.name };
  const match = matchCategory(text, vocabulary);
  return match ? { code: match.code, name: match.name } : null;
}

const MODE_WORDS: readonly (readonly [Mode, RegExp])[] = [
  ["eget arbete", /^(eget|egen|eget arbete|sjalvstudier|hemma)$/],
  [
    "hos leverantör",
    /^(lev|leverantor|hos lev|hos leverantor|pa plats|plats|fysiskt|fysisk|fysiskt mote|kontoret|pa kontoret)$/,
  ],
  [
    "distans med handledare",
    /^(distans|pa distans|digitalt|digital|teams|zoom|online|telefon|videomote|distans med handledare)$/,
  ],
  [
    "arbetsplats",
    /^(arbetsplats|arbetsplatsen|pa arbetsplats|pa arbetsplatsen|praktik|praktikplats|arbetstraning|sprakpraktik)$/,
  ],
  ["annan aktör", /^(annan aktor|extern|extern aktor|annan)$/],
];

/** The Form/Plats column: "På plats", "Hos leverantör", "Distans", "Eget arbete", "Arbetsplats", "Annan aktör". */
export function modeFromColumn(text: string): Mode | null {
  const folded = foldWords(text);
  for (const [mode, re] of MODE_WORDS) {
    if (re.test(folded)) return mode;
  }
  return matchMode(text);
}

interface Times {
  start: Minutes | null;
  end: Minutes | null;
  hours: number | null;
}

/** Reads an activity list. */
export function readActivityList(
  sheet: SheetData,
  options: ActivityListOptions,
): ReadResult<Activity[]> {
  const only = options.only ?? null;
  const mapIn = options.map ?? null;
  const memo = options.rowsMemo ?? null;
  const known = memo?.get(sheet);
  const remembered =
    only !== null && !only.errorRows && known !== undefined && known.mapIn === mapIn ? known : null;
  const grid = remembered?.grid ?? new Grid(sheet);
  const located = remembered?.located ?? locateTable(grid, ACTIVITY_LIST_LAYOUT, options);
  if (located === null) return { items: [], findings: [], map: null };
  const { header, map } = located;
  const at = (concept: ActivityListConcept): number | undefined => header.columns[concept];
  const defaultYear = options.defaultYear ?? null;
  const items: Activity[] = [];
  const findings: ReadFinding[] = [];

  const participantColumn = at("participant") ?? 0;
  const record =
    memo === null || known !== undefined
      ? null
      : (rows: Int32Array, ids: string[]) => {
          memo.set(sheet, { mapIn, grid, located, rows, ids });
        };
  for (const { r, participantId } of remembered !== null
    ? memoRows(remembered, only?.keep ?? (() => true))
    : allRows(grid, header, participantColumn, findings, record)) {
    if (
      only !== null &&
      remembered === null &&
      !only.keep(participantId) &&
      !(only.errorRows && grid.row(r).some((v) => isExcelError(v)))
    )
      continue;
    // Date: required.
    const dateColumn = at("date") ?? 0;
    if (grid.blank(r, dateColumn)) {
      findings.push(
        unreadable(
          grid,
          r,
          dateColumn,
          `Datum saknas i ${grid.address(r, dateColumn)}; raden läses inte som en aktivitet.`,
          participantId,
        ),
      );
      readTimes(grid, r, at, participantId, findings); // name an unreadable time now too
      continue;
    }
    const start = options.startOf?.(participantId) ?? null;
    const date = parseDateCell(grid.value(r, dateColumn), { onOrAfter: start, defaultYear });
    if (date === null) {
      findings.push(
        cannotRead(grid, r, dateColumn, "datumet", "Skriv t.ex. 2024-03-05.", participantId),
      );
      readTimes(grid, r, at, participantId, findings); // name an unreadable time now too
      continue;
    }

    // Times: required to be readable when written.
    const times = readTimes(grid, r, at, participantId, findings);
    if (times === null) continue;

    // Activity text, category, mode.
    const programme = options.programmeOf(participantId);
    const vocabulary =
      (programme === null ? null : options.vocabularyFor(programme)) ?? NO_VOCABULARY;
    const activityText = grid.content(r, at("activity"));
    const descriptionText = grid.content(r, at("description"));
    const text = activityText ?? descriptionText ?? "";
    const parsed = text === "" ? [] : parseActivityCell(text, { vocabulary }).activities;
    if (text !== "" && parsed.length === 0) continue; // "Lunch": no activity, nothing unread

    let columnCategory: CategoryRead | null = null;
    const categoryColumn = at("category");
    const categoryText = grid.content(r, categoryColumn);
    if (categoryText !== null && categoryColumn !== undefined) {
      columnCategory = categoryFromColumn(categoryText, vocabulary);
      if (columnCategory === null && vocabulary.categories.length > 0) {
        findings.push(
          cannotRead(
            grid,
            r,
            categoryColumn,
            "kategorin",
            "Kategorin tas i stället från aktivitetens text.",
            participantId,
          ),
        );
      }
    }

    let columnMode: Mode | null = null;
    const modeColumn = at("mode");
    const modeText = grid.content(r, modeColumn);
    if (modeText !== null && modeColumn !== undefined) {
      columnMode = modeFromColumn(modeText);
      if (columnMode === null) {
        findings.push(
          cannotRead(
            grid,
            r,
            modeColumn,
            "formen",
            'Skriv t.ex. "På plats", "Hos leverantör", "Distans", "Eget arbete", "Arbetsplats" eller "Annan aktör".',
            participantId,
          ),
        );
      }
    }

    const columnAttendance = readAttendance(
      grid,
      r,
      at,
      date,
      defaultYear,
      participantId,
      findings,
    );
    const refs = grid.rowRefs(r);

    const columnTimes = times.start !== null || times.end !== null || times.hours !== null;
    const split =
      parsed.length > 1 &&
      !columnTimes &&
      categoryText === null &&
      parsed.every((a) => a.timeFrom === "cell");
    if (split) {
      for (const segment of parsed) {
        const category = segment.category;
        // A plain literal (same fields, same order): an object spread left each activity
        // with ~400 bytes of unused property storage.
        items.push({
          participantId,
          date,
          refs,
          start: segment.start,
          end: segment.end,
          hours: hoursOf(segment.start, segment.end, null),
          category: category?.code ?? null,
          categoryName: category?.name ?? null,
          mode: columnMode ?? segment.mode,
          obligatory: segment.obligatory,
          description: segment.description,
          text: segment.text,
          attendance: columnAttendance ?? markerAttendance(segment),
        });
      }
      continue;
    }

    // One activity for the row.
    const own = ownRange(parsed);
    const useOwn = !columnTimes && own !== null;
    const startTime = useOwn ? own.start : times.start;
    const endTime = useOwn ? own.end : times.end;
    const textCategory = parsed.find((a) => a.category !== null)?.category ?? null;
    const category =
      columnCategory ??
      (textCategory ? { code: textCategory.code, name: textCategory.name } : null);
    const parsedDescription = parsed
      .map((a) => a.description)
      .filter((d) => d !== "")
      .join("; ");
    const description =
      activityText !== null && descriptionText !== null
        ? [parsedDescription, descriptionText].filter((d) => d !== "").join(" – ")
        : parsedDescription;
    items.push({
      participantId,
      date,
      refs,
      start: startTime,
      end: endTime,
      hours: hoursOf(startTime, endTime, times.hours),
      category: category?.code ?? null,
      categoryName: category?.name ?? null,
      mode: columnMode ?? parsed.find((a) => a.mode !== null)?.mode ?? null,
      obligatory: parsed.some((a) => a.obligatory),
      description,
      text,
      attendance:
        columnAttendance ??
        parsed.map(markerAttendance).find((a): a is ActivityAttendance => a !== null) ??
        null,
    });
  }
  findings.push(...errorFindings(grid, findings));
  return { items, findings, map };
}

/** The rows of the participants `keep` wants, from the remembered rows. */
function* memoRows(
  memo: { rows: Int32Array; ids: string[] },
  keep: (participantId: string) => boolean,
): Generator<{ r: number; participantId: string }> {
  // Rows come in runs of one participant: the answer for the previous id is reused.
  let lastId: string | null = null;
  let kept = false;
  for (let i = 0; i < memo.rows.length; i++) {
    const participantId = memo.ids[i] ?? "";
    if (participantId !== lastId) {
      lastId = participantId;
      kept = keep(participantId);
    }
    if (kept) yield { r: memo.rows[i] ?? 0, participantId };
  }
}

/** Every data row with a participant (participantRows), handed to `record` at the end. */
function* allRows(
  grid: Grid,
  header: HeaderMatch<ActivityListConcept>,
  participantColumn: number,
  findings: ReadFinding[],
  record: ((rows: Int32Array, ids: string[]) => void) | null,
): Generator<{ r: number; participantId: string }> {
  const rows: number[] = [];
  const ids: string[] = [];
  for (const row of participantRows(
    grid,
    ACTIVITY_LIST_LAYOUT,
    header,
    participantColumn,
    findings,
  )) {
    if (record !== null) {
      rows.push(row.r);
      ids.push(row.participantId);
    }
    yield row;
  }
  record?.(Int32Array.from(rows), ids);
}

function hoursOf(start: Minutes | null, end: Minutes | null, listed: number | null): number | null {
  if (start !== null && end !== null && end > start) return (end - start) / 60;
  return listed;
}

function ownRange(parsed: readonly ParsedActivity[]): { start: Minutes; end: Minutes } | null {
  let start: Minutes | null = null;
  let end: Minutes | null = null;
  for (const a of parsed) {
    if (a.timeFrom !== "cell" || a.start === null || a.end === null) continue;
    start = start === null ? a.start : Math.min(start, a.start);
    end = end === null ? a.end : Math.max(end, a.end);
  }
  return start !== null && end !== null && end > start ? { start, end } : null;
}

function markerAttendance(activity: ParsedActivity): ActivityAttendance | null {
  const marker = activity.attendance;
  return marker === null
    ? null
    : { status: marker.status, reason: marker.reason, certificate: null, reportedDate: null };
}

/** The row's Start/Slut, Tid and Timmar columns; null (with findings) when unreadable. */
function readTimes(
  grid: Grid,
  r: number,
  at: (concept: ActivityListConcept) => number | undefined,
  participantId: string,
  findings: ReadFinding[],
): Times | null {
  let start: Minutes | null = null;
  let end: Minutes | null = null;
  let bad = false;
  const hint = 'Skriv t.ex. "8.30", "08:30" eller "8.00-12.00".';
  const startColumn = at("start");
  const endColumn = at("end");
  if (startColumn !== undefined && !grid.blank(r, startColumn)) {
    const value = grid.value(r, startColumn);
    start = parseTimeValue(value);
    if (start === null) {
      // A range in the Start column ("8-12") when Slut is empty.
      const range = grid.blank(r, endColumn) ? parseTimeRangeValue(value) : null;
      if (range !== null) ({ start, end } = range);
      else {
        findings.push(cannotRead(grid, r, startColumn, "tiden", hint, participantId));
        bad = true;
      }
    }
  }
  if (endColumn !== undefined && !grid.blank(r, endColumn)) {
    end = parseTimeValue(grid.value(r, endColumn));
    if (end === null) {
      findings.push(cannotRead(grid, r, endColumn, "tiden", hint, participantId));
      bad = true;
    } else if (start !== null && end <= start && startColumn !== undefined) {
      findings.push(
        unreadable(
          grid,
          r,
          endColumn,
          `Sluttiden ${quote(grid.text(r, endColumn))} i ${grid.address(r, endColumn)} är inte ` +
            `efter starttiden ${quote(grid.text(r, startColumn))}.`,
          participantId,
        ),
      );
      bad = true;
    }
  }
  const timeColumn = at("time");
  if (start === null && end === null && timeColumn !== undefined && !grid.blank(r, timeColumn)) {
    const value = grid.value(r, timeColumn);
    const range = parseTimeRangeValue(value);
    if (range !== null) ({ start, end } = range);
    else {
      start = parseTimeValue(value);
      if (start === null) {
        findings.push(cannotRead(grid, r, timeColumn, "tiden", hint, participantId));
        bad = true;
      }
    }
  }
  let hours: number | null = null;
  const hoursColumn = at("hours");
  if (hoursColumn !== undefined && !grid.blank(r, hoursColumn)) {
    hours = parseHours(grid.value(r, hoursColumn), grid.format(r, hoursColumn));
    if (hours === null) {
      findings.push(
        cannotRead(
          grid,
          r,
          hoursColumn,
          "antalet timmar",
          'Skriv t.ex. "2" eller "1,5".',
          participantId,
        ),
      );
      bad = true;
    }
  }
  if (bad) return null;
  if (start !== null && end === null && hours !== null) {
    const computed = start + Math.round(hours * 60);
    if (computed <= 24 * 60 && computed > start) end = computed;
  }
  return { start, end, hours };
}

/** The row's Närvaro, Orsak, Intyg and Rapporterad columns, or null when all are blank. */
function readAttendance(
  grid: Grid,
  r: number,
  at: (concept: ActivityListConcept) => number | undefined,
  date: IsoDate,
  defaultYear: number | null,
  participantId: string,
  findings: ReadFinding[],
): ActivityAttendance | null {
  let word: ReturnType<typeof parseAttendanceWord> = null;
  const attendanceColumn = at("attendance");
  const attendanceText = grid.content(r, attendanceColumn);
  if (attendanceText !== null && attendanceColumn !== undefined) {
    word = parseAttendanceWord(grid.value(r, attendanceColumn));
    if (word === null) {
      findings.push(
        cannotRead(
          grid,
          r,
          attendanceColumn,
          "närvaron",
          "Skriv t.ex. Närvarande, Frånvarande, Sjuk, VAB, Ogiltig eller Ledig.",
          participantId,
        ),
      );
    }
  }
  const reasonText = grid.content(r, at("reason"));

  let certificate: ActivityAttendance["certificate"] = null;
  const certificateColumn = at("certificate");
  if (certificateColumn !== undefined && !grid.blank(r, certificateColumn)) {
    const read = parseCertificate(grid.value(r, certificateColumn), {
      onOrAfter: date,
      defaultYear,
    });
    if (read === undefined) {
      findings.push(
        cannotRead(
          grid,
          r,
          certificateColumn,
          "intyget",
          "Skriv Ja, Nej eller datumet då intyget kom in.",
          participantId,
        ),
      );
    } else certificate = read;
  }

  let reportedDate: IsoDate | null = null;
  const reportedColumn = at("reported");
  if (reportedColumn !== undefined && !grid.blank(r, reportedColumn)) {
    reportedDate = parseDateCell(grid.value(r, reportedColumn), { onOrAfter: date, defaultYear });
    if (reportedDate === null) {
      findings.push(
        cannotRead(
          grid,
          r,
          reportedColumn,
          "datumet",
          "Skriv datumet då frånvaron rapporterades, t.ex. 2024-03-05.",
          participantId,
        ),
      );
    }
  }

  if (word === null && reasonText === null && certificate === null && reportedDate === null) {
    return null;
  }
  // A reason, certificate or report date without a Närvaro word means an absence.
  const status = word?.status ?? "frånvarande";
  const classified =
    (word === null || word.reason === null ? null : classifyReason(word.reason)) ??
    (reasonText === null ? null : classifyReason(reasonText));
  const reason = classified ?? reasonText ?? word?.reason ?? null;
  return { status, reason, certificate, reportedDate };
}
