/**
 * Week grids (mallar.md §2), the layout of seed 000's example schedules: a "Vecka N" cell with
 * the weekday names across, time-block labels down the first column ("8.00-12.00", "På distans
 * 8.00-12.00", "Lunch"), one free-text cell per block and day. Weeks are stacked down the
 * sheet; several participants' grids may share a sheet under their own headings.
 *
 * Which participant: a heading above the grid or the sheet's name, matched against the
 * register. Which dates: the ISO week with the year from the heading, a dates row, or the
 * participant's period; a relative template ("Vecka 1", "Vecka 2" of a tvåveckorsschema)
 * repeats from startdatum through the period.
 */
import {
  activityHours,
  parseActivityCell,
  parseBlockLabel,
  type BlockLabel,
} from "../domain/activityText";
import {
  addDays,
  addMonths,
  daysBetween,
  isoWeekOf,
  isoWeekStart,
  weekDates,
} from "../domain/calendar";
import { parseDateValue, type IsoDate } from "../domain/date";
import type {
  Activity,
  Participant,
  ReadFinding,
  ScheduleWeek,
  SheetData,
  SheetMap,
  SourceRef,
} from "../domain/model";
import type { Programme } from "../domain/programmes";
import { fold } from "../domain/vocabulary/fold";
import { vocabularyFor } from "../domain/vocabulary";
import { ROM2_VOCABULARY } from "../domain/vocabulary/rom2";
import type { Vocabulary } from "../domain/vocabulary/types";
import { a1 as toA1, cellText } from "./a1";

const WEEKDAYS: readonly (readonly [number, RegExp])[] = [
  [0, /^man(dag)?\.?$/],
  [1, /^tis(dag)?\.?$/],
  [2, /^ons(dag)?\.?$/],
  [3, /^tor(s|sdag)?\.?$/],
  [4, /^fre(dag)?\.?$/],
  [5, /^lor(dag)?\.?$/],
  [6, /^son(dag)?\.?$/],
];

/** "Måndag", "Mån", "måndag 20/5" → 0 (Monday) … 6, with the date text that follows, if any. */
export function parseWeekday(text: string): { day: number; rest: string } | null {
  const folded = fold(text).trim();
  const m = /^([a-z]+\.?)\s*(.*)$/.exec(folded);
  if (!m) return null;
  const word = m[1] ?? "";
  const found = WEEKDAYS.find(([, re]) => re.test(word));
  return found ? { day: found[0], rest: text.trim().slice(word.length).trim() } : null;
}

const WEEK_CELL =
  /^(?:vecka|vecka\s*nr\.?|v\.?|v)\s*(\d{1,2})(?:\s*[,:-]?\s*(?:ar\s*)?(\d{4}))?\s*:?$/;

/** "Vecka 21", "v. 21", "V21", "Vecka 21 2024" → { week, year? }. */
export function parseWeekCell(text: string): { week: number; year: number | null } | null {
  // Every week cell starts with "v"/"V" ("Vecka", "v."): most cells are rejected here,
  // without folding the text.
  const head = text.trimStart().charAt(0);
  if (head !== "v" && head !== "V") return null;
  const m = WEEK_CELL.exec(fold(text).trim());
  if (!m) return null;
  const week = Number(m[1]);
  if (week < 1 || week > 53) return null;
  return { week, year: m[2] === undefined ? null : Number(m[2]) };
}

export interface WeekGridContext {
  participants: readonly Participant[];
  /**
   * A stored map a person corrected (Mall in the task pane): its participant and programme
   * then apply to every grid of the sheet, whatever the headings say.
   */
  map?: SheetMap | null;
  /** Defaults to the programmes' own vocabularies (domain/vocabulary). */
  vocabularyFor?: (programme: Programme) => Vocabulary;
  /** The last day a repeating template is expanded to when the participant has no slutdatum. */
  defaultTemplateMonths?: number;
  /**
   * Whether to read this participant's weeks (all when absent). The grids of the others are
   * still located, their maps given and a heading that names nobody reported, but their weeks,
   * activities and findings are skipped: the expensive part of a batched read.
   */
  keep?: (participant: Participant) => boolean;
  /** Grids located by an earlier read of the same, unchanged sheet (see WeekGridMemo). */
  memo?: WeekGridMemo;
}

export interface WeekGridResult {
  activities: Activity[];
  weeks: ScheduleWeek[];
  findings: ReadFinding[];
  maps: SheetMap[];
}

export interface GridHeader {
  row: number;
  labelCol: number;
  weekCol: number;
  week: number;
  year: number | null;
  /** weekday (0–6) → column */
  dayCols: Map<number, number>;
  dayRow: number;
  datesRow: number | null;
}

function rowTexts(values: unknown[][], row: number): string[] {
  return (values[row] ?? []).map((v) => cellText(v));
}

/** Finds the weekday header on the week cell's row or the next one. */
function findGrid(values: unknown[][], row: number, col: number): GridHeader | null {
  const weekInfo = parseWeekCell(cellText(values[row]?.[col]));
  if (!weekInfo) return null;
  for (const dayRow of [row, row + 1]) {
    const texts = rowTexts(values, dayRow);
    const dayCols = new Map<number, number>();
    texts.forEach((t, c) => {
      if (c < col || (dayRow === row && c === col)) return;
      const wd = parseWeekday(t);
      if (wd && !dayCols.has(wd.day)) dayCols.set(wd.day, c);
    });
    if (dayCols.size >= 3) {
      const firstDayCol = Math.min(...dayCols.values());
      // A dates row under the weekday names (the year is only needed to recognise it here).
      const datedNext = [...dayCols.values()].filter(
        (c) => parseDateValue(values[dayRow + 1]?.[c], { defaultYear: 2000 }) !== null,
      ).length;
      return {
        row,
        labelCol: dayRow === row ? col : Math.max(col, firstDayCol - 1),
        weekCol: col,
        week: weekInfo.week,
        year: weekInfo.year,
        dayCols,
        dayRow,
        datesRow: datedNext >= Math.min(3, dayCols.size) ? dayRow + 1 : null,
      };
    }
  }
  return null;
}

/** Dates written under the weekday names, on the same row ("Måndag 20/5") or the next. */
function readDatesRow(
  values: unknown[][],
  grid: GridHeader,
  yearHint: number | null,
): Map<number, IsoDate> {
  const out = new Map<number, IsoDate>();
  const options = yearHint === null ? {} : { defaultYear: yearHint };
  for (const [day, c] of grid.dayCols) {
    const rest = parseWeekday(cellText(values[grid.dayRow]?.[c]))?.rest ?? "";
    const inline = rest === "" ? null : parseDateValue(rest, options);
    if (inline) out.set(day, inline);
  }
  if (out.size > 0 || grid.datesRow === null) return out;
  for (const [day, c] of grid.dayCols) {
    const date = parseDateValue(values[grid.datesRow]?.[c], options);
    if (date) out.set(day, date);
  }
  return out;
}

function ref(sheet: string, row: number, col: number, value: unknown): SourceRef {
  return { sheet, cell: toA1(row, col), text: cellText(value) };
}

function matchKey(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Folded id and name → participant (the first one registered), built once per register. */
const KEY_INDEX = new WeakMap<
  readonly Participant[],
  {
    index: Map<string, Participant>;
    maxWords: number;
    order: Map<Participant, number>;
  }
>();

function keyIndex(participants: readonly Participant[]) {
  let entry = KEY_INDEX.get(participants);
  if (entry === undefined) {
    const index = new Map<string, Participant>();
    let maxWords = 1;
    for (const p of participants) {
      for (const key of [p.id, p.name]) {
        if (key === null) continue;
        const k = matchKey(key);
        if (k.length < 2 || index.has(k)) continue;
        index.set(k, p);
        maxWords = Math.max(maxWords, k.split(" ").length);
      }
    }
    entry = {
      index,
      maxWords,
      order: new Map(participants.map((p, i) => [p, i])),
    };
    KEY_INDEX.set(participants, entry);
  }
  return entry;
}

/**
 * The participant whose id or name stands in the text as whole words, the longest such key
 * winning (the first registered on a tie): every run of words of the text is looked up once,
 * instead of every participant's key being searched for in the text.
 */
function matchParticipant(text: string, participants: readonly Participant[]): Participant | null {
  const { index, maxWords, order } = keyIndex(participants);
  const words = matchKey(text)
    .split(" ")
    .filter((w) => w !== "");
  let best: { p: Participant; length: number; order: number } | null = null;
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
      const k = words.slice(i, i + n).join(" ");
      const p = index.get(k);
      if (p === undefined) continue;
      const o = order.get(p) ?? 0;
      if (best === null || k.length > best.length || (k.length === best.length && o < best.order))
        best = { p, length: k.length, order: o };
    }
  }
  return best?.p ?? null;
}

/** The name a heading gives after "Deltagare:" when it is not in the register. */
function namedInHeading(heading: string): string | null {
  const m = /deltagare\s*[:-]\s*([^,;()]+)/i.exec(heading);
  const name = m?.[1]?.trim();
  return name !== undefined && name !== "" && !/^niv[åa]\b/i.test(name) ? name : null;
}

const EXCEL_ERROR =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!)$/;

const RELATIVE_HINT =
  /(\d+|tva|tre|fyra|fem|sex)\s*-?\s*veckors\s*-?\s*schema|rullande|aterkommande|veckomall/;

function isRowBlank(values: unknown[][], row: number): boolean {
  return (values[row] ?? []).every((v) => cellText(v).trim() === "");
}

/** Whether a sheet holds at least one week grid (a "Vecka N" cell with weekday names). */
export function hasWeekGrid(values: unknown[][]): boolean {
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (typeof row[c] === "string" && findGrid(values, r, c) !== null) return true;
    }
  }
  return false;
}

/** One week grid found in a sheet: its header, the heading above it and its block rows. */
interface Block {
  grid: GridHeader;
  heading: string;
  headingRef: SourceRef | null;
  rows: number[];
}

/**
 * Where a week grid stands: enough to group it by heading, name its map and rebuild the
 * Block (findGrid at its week cell, its non-blank rows between the first and the last).
 */
interface Place {
  row: number;
  weekCol: number;
  week: number;
  /** The heading row above it, or -1. */
  headingRow: number;
  /** Its first and last block row, or -1 for a grid without rows. */
  firstRow: number;
  lastRow: number;
}

const PLACE_FIELDS = 6;

/**
 * The grids of each sheet as located (six numbers a grid), kept by the caller for further
 * reads of the same, unchanged sheets (the batches of one validation): locating the grids
 * is a third of a read, and the Blocks themselves would cost ~700 bytes a grid to keep.
 */
export type WeekGridMemo = WeakMap<SheetData, Int32Array>;

function packPlaces(places: readonly Place[]): Int32Array {
  const packed = new Int32Array(places.length * PLACE_FIELDS);
  places.forEach((p, i) => {
    packed.set([p.row, p.weekCol, p.week, p.headingRow, p.firstRow, p.lastRow], i * PLACE_FIELDS);
  });
  return packed;
}

function unpackPlaces(packed: Int32Array): Place[] {
  const places: Place[] = [];
  for (let i = 0; i + PLACE_FIELDS <= packed.length; i += PLACE_FIELDS) {
    places.push({
      row: packed[i] ?? 0,
      weekCol: packed[i + 1] ?? 0,
      week: packed[i + 2] ?? 0,
      headingRow: packed[i + 3] ?? -1,
      firstRow: packed[i + 4] ?? -1,
      lastRow: packed[i + 5] ?? -1,
    });
  }
  return places;
}

/** The heading text of a heading row: its (one to three) non-blank cells, joined. */
function headingAt(sheet: SheetData, r: number): { heading: string; headingRef: SourceRef | null } {
  if (r < 0) return { heading: "", headingRef: null };
  const row = sheet.values[r] ?? [];
  const heading = rowTexts(sheet.values, r)
    .filter((t) => t.trim() !== "")
    .join(" ");
  const c = row.findIndex((v) => cellText(v).trim() !== "");
  return { heading, headingRef: ref(sheet.name, r, c, row[c]) };
}

/** Locates every week grid of a sheet, in sheet order: each one's place and Block. */
function locateBlocks(sheet: SheetData): { place: Place; block: Block }[] {
  const { values } = sheet;
  const claimed = new Set<number>();
  let heading = "";
  let headingRef: SourceRef | null = null;
  let headingRow = -1;
  const found: { place: Place; block: Block }[] = [];

  for (let r = 0; r < values.length; r++) {
    if (claimed.has(r)) continue;
    const row = values[r] ?? [];
    let grid: GridHeader | null = null;
    for (let c = 0; c < row.length && grid === null; c++) grid = findGrid(values, r, c);
    if (grid === null) {
      const texts = rowTexts(values, r).filter((t) => t.trim() !== "");
      if (texts.length > 0 && texts.length <= 3 && parseBlockLabel(texts[0] ?? "") === null) {
        ({ heading, headingRef } = headingAt(sheet, r));
        headingRow = r;
      }
      continue;
    }
    claimed.add(r);
    claimed.add(grid.dayRow);
    if (grid.datesRow !== null) claimed.add(grid.datesRow);
    const blockRows: number[] = [];
    let blanks = 0;
    for (let rr = (grid.datesRow ?? grid.dayRow) + 1; rr < values.length; rr++) {
      if (isRowBlank(values, rr)) {
        blanks++;
        if (blanks >= 2) break;
        continue;
      }
      const label = cellText(values[rr]?.[grid.labelCol]);
      const isNewGrid = (values[rr] ?? []).some((_, c) => findGrid(values, rr, c) !== null);
      if (isNewGrid) break;
      const hasDayContent = [...grid.dayCols.values()].some(
        (c) => cellText(values[rr]?.[c]).trim() !== "",
      );
      if (label.trim() !== "" && parseBlockLabel(label) === null && !hasDayContent) break;
      blanks = 0;
      blockRows.push(rr);
      claimed.add(rr);
    }
    found.push({
      place: {
        row: r,
        weekCol: grid.weekCol,
        week: grid.week,
        headingRow,
        firstRow: blockRows[0] ?? -1,
        lastRow: blockRows.at(-1) ?? -1,
      },
      block: { grid, heading, headingRef, rows: blockRows },
    });
  }
  return found;
}

/**
 * The Block of a located place, as locateBlocks built it: the grid is findGrid's at the week
 * cell, the rows every non-blank row from the first to the last (a non-blank row between
 * them that did not belong to the grid would have ended it).
 */
function rebuildBlock(sheet: SheetData, place: Place): Block {
  const grid = findGrid(sheet.values, place.row, place.weekCol);
  if (grid === null) throw new Error(`No week grid at ${toA1(place.row, place.weekCol)}`);
  const rows: number[] = [];
  if (place.firstRow >= 0) {
    for (let r = place.firstRow; r <= place.lastRow; r++)
      if (!isRowBlank(sheet.values, r)) rows.push(r);
  }
  return { grid, ...headingAt(sheet, place.headingRow), rows };
}

/** Reads every week grid in a sheet. */
export function readWeekGrids(sheet: SheetData, context: WeekGridContext): WeekGridResult {
  const { values } = sheet;
  const result: WeekGridResult = {
    activities: [],
    weeks: [],
    findings: [],
    maps: [],
  };
  const vocabularyOf = context.vocabularyFor ?? vocabularyFor;
  const reported = new Set<string>();
  // The places of the grids, located now or by an earlier read (then each Block is rebuilt
  // only when its participant is read).
  const packed = context.memo?.get(sheet);
  const located = packed === undefined ? locateBlocks(sheet) : null;
  if (located !== null) context.memo?.set(sheet, packPlaces(located.map((l) => l.place)));
  const places = located?.map((l) => l.place) ?? unpackPlaces(packed ?? new Int32Array());
  const built = new Map(located?.map((l) => [l.place, l.block]));
  const blockOf = (place: Place): Block => built.get(place) ?? rebuildBlock(sheet, place);
  const headings = new Map<number, { heading: string; headingRef: SourceRef | null }>();
  const headingOf = (place: Place) => {
    let h = headings.get(place.headingRow);
    if (h === undefined) {
      h = built.get(place) ?? headingAt(sheet, place.headingRow);
      headings.set(place.headingRow, h);
    }
    return h;
  };

  // Relative templates: a heading that says so, or weeks numbered 1…N (N ≥ 2) with no year.
  const byHeading = new Map<string, Place[]>();
  for (const p of places) {
    const { heading } = headingOf(p);
    const group = byHeading.get(heading);
    if (group === undefined) byHeading.set(heading, [p]);
    else group.push(p);
  }

  const manual = context.map?.manual === true ? context.map : null;
  const chosenId = manual?.participant ?? null;
  const chosen =
    chosenId === null ? null : (context.participants.find((p) => p.id === chosenId) ?? null);
  for (const [headingText, placed] of byHeading) {
    const participant =
      chosen ??
      matchParticipant(headingText, context.participants) ??
      matchParticipant(sheet.name, context.participants);
    const first = placed[0];
    if (first === undefined) continue;
    const anchor = ref(sheet.name, first.row, first.weekCol, values[first.row]?.[first.weekCol]);
    const firstHeadingRef = headingOf(first).headingRef;
    result.maps.push({
      sheet: sheet.name,
      kind: "weekgrid",
      anchor: anchor.cell,
      columns: {},
      participant: participant?.id ?? null,
      programme: manual?.programme ?? participant?.programme ?? null,
      signature: fold(`${headingText}|${placed.map((p) => p.week).join(",")}`),
      manual: manual !== null,
    });
    if (participant === null) {
      const named = namedInHeading(headingText);
      result.findings.push({
        ruleId: "LAS.DELTAGARE",
        severity: "error",
        participantId: named,
        refs: [firstHeadingRef ?? anchor],
        message:
          named === null
            ? `Schemat i ${sheet.name}!${anchor.cell} går inte att koppla till någon deltagare i registret. Skriv deltagarens namn eller id i rubriken ovanför schemat eller i bladets namn.`
            : `Deltagaren "${named}" i ${sheet.name}!${(firstHeadingRef ?? anchor).cell} finns inte i deltagarregistret.`,
      });
      continue;
    }
    if (context.keep !== undefined && !context.keep(participant)) continue;
    const group = placed.map(blockOf);
    const weeks = group.map((b) => b.grid.week);
    const years = group.map((b) => b.grid.year).filter((y): y is number => y !== null);
    const headingYear = /\b(20\d{2})\b/.exec(headingText)?.[1];
    const yearHint = years[0] ?? (headingYear === undefined ? null : Number(headingYear));
    const relative =
      RELATIVE_HINT.test(fold(headingText)) ||
      (yearHint === null && weeks.length >= 2 && weeks.every((w, i) => w === i + 1));
    const programme = manual?.programme ?? participant.programme;
    const vocabulary = programme === null ? ROM2_VOCABULARY : vocabularyOf(programme);

    if (relative) {
      expandTemplate(sheet, group, participant, vocabulary, context, result);
    } else {
      // Each block's own year when its heading says one ("Vecka 1 2025" below "Vecka 52
      // 2024"); otherwise the year runs on from the block before, and a week number that
      // falls by more than half a year ("Vecka 52" then "Vecka 1") starts the next year
      // (weeks merely out of order, "Vecka 12" then "Vecka 11", stay in their year).
      let year = yearHint;
      let previousWeek: number | null = null;
      for (const block of group) {
        if (block.grid.year !== null) year = block.grid.year;
        else if (year !== null && previousWeek !== null && block.grid.week < previousWeek - 26)
          year++;
        previousWeek = block.grid.week;
        readAbsoluteWeek(sheet, block, participant, vocabulary, year, result);
      }
    }
  }
  return result;

  function readAbsoluteWeek(
    sheetData: SheetData,
    block: Block,
    participant: Participant,
    vocabulary: Vocabulary,
    yearHint: number | null,
    out: WeekGridResult,
  ): void {
    const { grid } = block;
    const datesInRow = readDatesRow(values, grid, yearHint);
    let monday: IsoDate | null;
    const firstDated = [...datesInRow.entries()][0];
    if (firstDated) {
      monday = addDays(firstDated[1], -firstDated[0]);
      const w = isoWeekOf(monday);
      if (w.week !== grid.week) {
        out.findings.push({
          ruleId: "LAS.OKLAR",
          severity: "warning",
          participantId: participant.id,
          refs: [ref(sheetData.name, grid.row, grid.weekCol, values[grid.row]?.[grid.weekCol])],
          message: `Veckonumret i ${sheetData.name}!${toA1(grid.row, grid.weekCol)} (vecka ${grid.week}) stämmer inte med datumen under veckodagarna (vecka ${w.week}). Schemakoll följer datumen.`,
        });
      }
    } else {
      monday = mondayOfWeek(grid.week, yearHint, participant);
    }
    if (monday === null) {
      out.findings.push({
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: participant.id,
        refs: [ref(sheetData.name, grid.row, grid.weekCol, values[grid.row]?.[grid.weekCol])],
        message: `Kan inte avgöra vilket år vecka ${grid.week} i ${sheetData.name}!${toA1(grid.row, grid.weekCol)} gäller. Skriv året i rubriken (t.ex. "Vecka ${grid.week} 2024") eller datum under veckodagarna, eller ange deltagarens startdatum i registret.`,
      });
      return;
    }
    emitWeek(sheetData, block, participant, vocabulary, monday, null, out);
  }

  function expandTemplate(
    sheetData: SheetData,
    group: Block[],
    participant: Participant,
    vocabulary: Vocabulary,
    ctx: WeekGridContext,
    out: WeekGridResult,
  ): void {
    const start = participant.start;
    const first = group[0];
    if (start === null || first === undefined) {
      if (first) {
        out.findings.push({
          ruleId: "LAS.OKLAR",
          severity: "warning",
          participantId: participant.id,
          refs: [
            ref(
              sheetData.name,
              first.grid.row,
              first.grid.weekCol,
              values[first.grid.row]?.[first.grid.weekCol],
            ),
          ],
          message: `Schemat i ${sheetData.name} är en mall med veckorna ${group.map((b) => b.grid.week).join(", ")}; utan startdatum för ${participant.id} i registret går det inte att lägga ut på datum.`,
        });
      }
      return;
    }
    const end = participant.end ?? addDays(addMonths(start, ctx.defaultTemplateMonths ?? 12), -1);
    const firstMonday = mondayOf(start);
    const weeksTotal = Math.floor(daysBetween(firstMonday, end) / 7) + 1;
    for (let i = 0; i < weeksTotal; i++) {
      const block = group[i % group.length];
      if (block === undefined) continue;
      emitWeek(
        sheetData,
        block,
        participant,
        vocabulary,
        addDays(firstMonday, i * 7),
        block.grid.week,
        out,
        start,
        end,
      );
    }
  }

  function emitWeek(
    sheetData: SheetData,
    block: Block,
    participant: Participant,
    vocabulary: Vocabulary,
    monday: IsoDate,
    templateWeek: number | null,
    out: WeekGridResult,
    from: IsoDate | null = null,
    to: IsoDate | null = null,
  ): void {
    const { grid } = block;
    const iso = isoWeekOf(monday);
    const dates = weekDates(iso.year, iso.week);
    const dayRefs: Record<string, SourceRef> = {};
    const inRange = (d: IsoDate) => (from === null || d >= from) && (to === null || d <= to);
    for (const [day, c] of grid.dayCols) {
      const date = dates[day];
      if (date !== undefined && inRange(date))
        dayRefs[date] = ref(sheetData.name, grid.dayRow, c, values[grid.dayRow]?.[c]);
    }
    out.weeks.push({
      participantId: participant.id,
      isoYear: iso.year,
      isoWeek: iso.week,
      dates: [...grid.dayCols.keys()]
        .map((d) => dates[d])
        .filter((d): d is IsoDate => d !== undefined && inRange(d))
        .sort(),
      weekRef: ref(sheetData.name, grid.row, grid.weekCol, values[grid.row]?.[grid.weekCol]),
      dayRefs,
      templateWeek,
    });
    for (const r of block.rows) {
      const labelText = cellText(values[r]?.[grid.labelCol]);
      const label: BlockLabel | null = labelText.trim() === "" ? null : parseBlockLabel(labelText);
      for (const [day, c] of grid.dayCols) {
        const date = dates[day];
        const raw = values[r]?.[c];
        const text = cellText(raw);
        if (date === undefined || text.trim() === "" || !inRange(date)) continue;
        const cellRef = ref(sheetData.name, r, c, raw);
        if (typeof raw !== "string" || EXCEL_ERROR.test(raw.trim())) {
          // A number, a boolean or an error value where a schedule text belongs. Report it once
          // per cell, not once per week a template repeats it.
          if (!reported.has(cellRef.cell)) {
            reported.add(cellRef.cell);
            out.findings.push({
              ruleId: "LAS.OKLAR",
              severity: "warning",
              participantId: participant.id,
              refs: [cellRef],
              message: `Kan inte läsa "${text}" i ${sheetData.name}!${cellRef.cell} som en aktivitet.`,
            });
          }
          continue;
        }
        const parsed = parseActivityCell(text, { vocabulary, block: label });
        for (const a of parsed.activities) {
          out.activities.push({
            participantId: participant.id,
            date,
            start: a.start,
            end: a.end,
            hours: activityHours(a),
            category: a.category?.code ?? null,
            categoryName: a.category?.name ?? null,
            mode: a.mode,
            obligatory: a.obligatory,
            description: a.description,
            text: a.text,
            attendance:
              a.attendance === null
                ? null
                : {
                    status: a.attendance.status,
                    reason: a.attendance.reason,
                    certificate: null,
                    reportedDate: null,
                  },
            refs: [cellRef],
          });
        }
      }
    }
  }
}

function mondayOf(date: IsoDate): IsoDate {
  const { year, week } = isoWeekOf(date);
  return isoWeekStart(year, week) ?? date;
}

/**
 * The Monday of ISO week `week`: in the given year, else the occurrence inside the
 * participant's period (the first one on or after the week of startdatum), else null.
 */
function mondayOfWeek(week: number, year: number | null, participant: Participant): IsoDate | null {
  if (year !== null) return isoWeekStart(year, week);
  if (participant.start === null) return null;
  const startWeek = isoWeekOf(participant.start);
  for (const y of [startWeek.year, startWeek.year + 1]) {
    const monday = isoWeekStart(y, week);
    if (monday !== null && monday >= mondayOf(participant.start)) return monday;
  }
  return null;
}
