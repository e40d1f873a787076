/**
 * Reading one schedule cell the way a coordinator reads it. A cell holds one or more
 * activities ("OBL-Individuellt möte 8.00-8.30 därefter eget arbete - Information om
 * arbetsmarknaden 8.30-12.00- Lyssna på webbinar om bristyrken"); each activity may carry its
 * own time range, the "OBL-" marker, a mode ("Eget arbete", "hos LEV", "På distans"), a
 * category phrase and a description, and the cell may end with an attendance marker
 * ("(sjuk)"). What the cell leaves out comes from the row's block label ("Hos Leverantör
 * 13.00-16.30"). Nothing here throws: unreadable parts come back as nulls for the caller to
 * report.
 */
import { z } from "zod";
import { findTimeRanges, type Minutes } from "./time";
import { fold } from "./vocabulary/fold";
import { matchCategory, type CategoryMatch } from "./vocabulary/match";
import type { Vocabulary } from "./vocabulary/types";

export const MODES = [
  "eget arbete",
  "hos leverantör",
  "distans med handledare",
  "arbetsplats",
  "annan aktör",
] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;

/** Phrases for each mode, on folded text, strongest first (eget arbete beats a place). */
const MODE_PATTERNS: readonly (readonly [Mode, RegExp])[] = [
  ["eget arbete", /\beget\s*arbete\b|\begen\s+hand\b|\bsjalvstudie/],
  [
    "hos leverantör",
    /\bhos\s+lev(\.|erantor\w*)?\b|\bpa\s+plats\b|\bfysisk\w*\s+mote|\bhos\s+oss\b/,
  ],
  [
    "distans med handledare",
    /(\bpa\s+)?\bdistans\b|\bdigitalt\s+mote|\bvia\s+(teams|zoom|skype)\b/,
  ],
  ["arbetsplats", /\bpa\s+arbetsplats\w*|\bpraktikplats\w*|\barbetstraningsplats/],
  ["annan aktör", /\bannan\s+aktor|\bextern\s+aktor/],
];

/** The mode a text names, or null. */
export function matchMode(text: string): Mode | null {
  const folded = fold(text);
  return MODE_PATTERNS.find(([, re]) => re.test(folded))?.[0] ?? null;
}

/** A row label down the first column of a week grid. */
export type BlockLabel =
  | { kind: "lunch" }
  | { kind: "block"; start: Minutes | null; end: Minutes | null; mode: Mode | null };

const LABEL_FILLER = /\b(kl|fm|em|formiddag|eftermiddag|pass|tid)\b\.?/g;

/**
 * "8.00-12.00", "På distans 8.00-12.00", "Hos Leverantör 13.00-16.30", "Lunch" — or null when
 * the text is not a block label (it says more than a place and a time).
 */
export function parseBlockLabel(text: string): BlockLabel | null {
  // Memo: a week grid's block labels ("8.00-12.00", "Lunch") are read again in every week.
  // A copy is returned, so that no caller can change what the memo holds.
  let label = blockLabels.get(text);
  if (label === undefined) {
    label = parseBlockLabelText(text);
    if (blockLabels.size >= BLOCK_LABEL_MEMO_SIZE) blockLabels.clear();
    blockLabels.set(text, label);
  }
  return label === null ? null : { ...label };
}

const BLOCK_LABEL_MEMO_SIZE = 5_000;
const blockLabels = new Map<string, BlockLabel | null>();

/** @internal parseBlockLabel without its memo, for the test that both agree. */
export function parseBlockLabelText(text: string): BlockLabel | null {
  const folded = fold(text).trim();
  if (folded === "") return null;
  if (
    /^lunch\b/.test(folded) &&
    folded.replace(/^lunch\b/, "").replace(/[\d.:\-\s]|kl/g, "") === ""
  ) {
    return { kind: "lunch" };
  }
  const ranges = findTimeRanges(text);
  if (ranges.length > 1) return null;
  const range = ranges[0];
  let rest = range
    ? folded.slice(0, range.index) + " " + folded.slice(range.index + range.length)
    : folded;
  const mode = matchMode(rest);
  for (const [, re] of MODE_PATTERNS) rest = rest.replace(new RegExp(re.source, "g"), " ");
  rest = rest.replace(LABEL_FILLER, " ").replace(/[\s\-:,.()]+/g, "");
  if (rest !== "") return null;
  if (!range && mode === null) return null;
  return { kind: "block", start: range?.start ?? null, end: range?.end ?? null, mode };
}

export const attendanceSchema = z.object({
  status: z.enum(["närvarande", "frånvarande"]),
  /** "sjuk", "VAB", "ogiltig frånvaro", "ledig" or the reason as written. */
  reason: z.string().nullable(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

const ATTENDANCE_MARKER =
  /\(\s*(narvarande|narvaro|narv|sjuk\w*|vab|vard\s+av\s+barn|ogiltig\w*(?:\s+franvaro)?|ledig\w*|franvarande|franvaro)\s*(?:[:\-–]\s*([^)]*))?\)/;

function attendanceFrom(keyword: string, detail: string | undefined): Attendance {
  const reasonText = detail?.trim() ?? "";
  if (keyword.startsWith("narv")) return { status: "närvarande", reason: null };
  if (keyword.startsWith("sjuk")) return { status: "frånvarande", reason: "sjuk" };
  if (keyword === "vab" || keyword.startsWith("vard"))
    return { status: "frånvarande", reason: "VAB" };
  if (keyword.startsWith("ogiltig")) return { status: "frånvarande", reason: "ogiltig frånvaro" };
  if (keyword.startsWith("ledig")) return { status: "frånvarande", reason: "ledig" };
  return { status: "frånvarande", reason: reasonText === "" ? null : reasonText };
}

export interface ParsedActivity<Code extends string | number = string | number> {
  /** The activity's own part of the cell, as written. */
  text: string;
  start: Minutes | null;
  end: Minutes | null;
  /** Where the time came from: the activity's own range, or the row's block label. */
  timeFrom: "cell" | "block" | null;
  mode: Mode | null;
  modeFrom: "cell" | "block" | null;
  obligatory: boolean;
  category: CategoryMatch<Code> | null;
  /** What is left after the mode and category phrases ("Skriva CV och personligt brev"). */
  description: string;
  attendance: Attendance | null;
}

export interface ParsedCell<Code extends string | number = string | number> {
  /** The cell is a lunch break and holds no activity. */
  lunch: boolean;
  activities: ParsedActivity<Code>[];
}

export interface CellContext<Code extends string | number> {
  vocabulary: Vocabulary<Code>;
  /** The row's block label, when the cell stands in a week grid. */
  block?: BlockLabel | null;
}

const SPLIT_WORDS = /\s*\b(?:darefter|darpa)\b\s*/g;
const OBL_MARKER = /^\s*obl\b\s*[-:.]?\s*|\bobligatorisk\w*\b/;

function splitSegments(text: string): string[] {
  const folded = fold(text);
  const parts: string[] = [];
  let from = 0;
  for (const m of folded.matchAll(SPLIT_WORDS)) {
    parts.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  parts.push(text.slice(from));
  // A line break starts a new activity only when the new line has its own time or marker.
  const out: string[] = [];
  for (const part of parts) {
    const lines = part.split(/\r?\n/);
    let current = lines[0] ?? "";
    for (const line of lines.slice(1)) {
      const startsNew = findTimeRanges(line).length > 0 || /^\s*obl\b/i.test(line);
      if (startsNew && current.trim() !== "") {
        out.push(current);
        current = line;
      } else current += " " + line;
    }
    out.push(current);
  }
  return out.map((s) => s.replace(/\s+/g, " ").trim()).filter((s) => s !== "");
}

interface SegmentParse<Code extends string | number> {
  text: string;
  ownStart: Minutes | null;
  ownEnd: Minutes | null;
  mode: Mode | null;
  obligatory: boolean;
  category: CategoryMatch<Code> | null;
  description: string;
  attendance: Attendance | null;
  lunch: boolean;
}

function parseSegment<Code extends string | number>(
  segment: string,
  vocabulary: Vocabulary<Code>,
): SegmentParse<Code> {
  let working = segment;
  let attendance: Attendance | null = null;
  const marker = ATTENDANCE_MARKER.exec(fold(working));
  if (marker) {
    // fold() keeps every index, so the detail can be cut from the original text.
    const detailStart =
      marker[2] === undefined ? -1 : marker.index + marker[0].lastIndexOf(marker[2]);
    const detail =
      detailStart < 0
        ? undefined
        : working.slice(detailStart, detailStart + (marker[2]?.length ?? 0));
    attendance = attendanceFrom(marker[1] ?? "", detail);
    working = working.slice(0, marker.index) + working.slice(marker.index + marker[0].length);
  }
  const range = findTimeRanges(working)[0];
  if (range)
    working = working.slice(0, range.index) + " " + working.slice(range.index + range.length);
  working = working.replace(/\s+/g, " ").trim();
  const folded = fold(working);
  const obligatory = OBL_MARKER.test(folded);
  const category = matchCategory(working, vocabulary);
  const mode = matchMode(working);
  let description: string;
  if (category?.strength === "name") {
    // What follows the category's own name is the description; a mere keyword ("CV") is
    // part of the description itself.
    let end = category.index + category.length;
    while (end < folded.length && /[a-z0-9]/.test(folded[end] ?? "")) end++;
    description = working.slice(end);
  } else {
    description = working.replace(/^\s*obl\b\s*[-:.]?/i, "");
  }
  description = description
    .replace(/^[\s\-:.,;]+/, "")
    .replace(/[\s\-:,;]+$/, "")
    .trim();
  const lunch = category === null && /^lunch\b/.test(folded);
  return {
    text: segment,
    ownStart: range?.start ?? null,
    ownEnd: range?.end ?? null,
    mode,
    obligatory,
    category,
    description,
    attendance,
    lunch,
  };
}

/**
 * A cell's segments depend on its text and the vocabulary only, and schedules repeat the same
 * texts week after week: parse each text once per vocabulary. The segments are never changed
 * after parsing, so sharing them is safe. Bounded, so a huge workbook of unique texts cannot
 * grow it without limit.
 */
const SEGMENT_CACHE = new WeakMap<
  object,
  Map<string, readonly ReturnType<typeof parseSegment>[]>
>();
const SEGMENT_CACHE_MAX = 20_000;

function parsedSegments<Code extends string | number>(
  text: string,
  vocabulary: CellContext<Code>["vocabulary"],
): readonly ReturnType<typeof parseSegment<Code>>[] {
  let cache = SEGMENT_CACHE.get(vocabulary);
  if (cache === undefined) {
    cache = new Map();
    SEGMENT_CACHE.set(vocabulary, cache);
  }
  const hit = cache.get(text) as readonly ReturnType<typeof parseSegment<Code>>[] | undefined;
  if (hit !== undefined) return hit;
  const segments = splitSegments(text).map((s) => parseSegment(s, vocabulary));
  if (cache.size >= SEGMENT_CACHE_MAX) cache.clear();
  cache.set(text, segments);
  return segments;
}

/** Parses a schedule cell into the activities it holds. */
export function parseActivityCell<Code extends string | number>(
  text: string,
  context: CellContext<Code>,
): ParsedCell<Code> {
  const block = context.block ?? null;
  if (block?.kind === "lunch") return { lunch: true, activities: [] };
  const segments = parsedSegments(text, context.vocabulary);
  const kept = segments.filter((s) => !s.lunch);
  if (kept.length === 0) return { lunch: segments.length > 0, activities: [] };

  // An attendance marker written once at the end of the cell is about the whole cell.
  const markers = kept.filter((s) => s.attendance !== null);
  const cellAttendance =
    markers.length === 1 && kept.at(-1)?.attendance ? (kept.at(-1)?.attendance ?? null) : null;

  const activities = kept.map((segment, i): ParsedActivity<Code> => {
    let start = segment.ownStart;
    let end = segment.ownEnd;
    let timeFrom: ParsedActivity["timeFrom"] = start === null ? null : "cell";
    if (start === null && block?.kind === "block" && block.start !== null && block.end !== null) {
      const previous = kept[i - 1];
      const following = kept.slice(i + 1).find((s) => s.ownStart !== null);
      const s = previous?.ownEnd ?? block.start;
      const e = following?.ownStart ?? block.end;
      if (e > s) {
        start = s;
        end = e;
        timeFrom = "block";
      }
    }
    const blockMode = block?.kind === "block" ? block.mode : null;
    const mode = segment.mode ?? blockMode;
    return {
      text: segment.text,
      start,
      end,
      timeFrom,
      mode,
      modeFrom: segment.mode !== null ? "cell" : mode !== null ? "block" : null,
      obligatory: segment.obligatory,
      category: segment.category,
      description: segment.description,
      attendance: segment.attendance ?? cellAttendance,
    };
  });
  return { lunch: false, activities };
}

/** Hours of an activity, or null when it has no time. */
export function activityHours(activity: Pick<ParsedActivity, "start" | "end">): number | null {
  return activity.start === null || activity.end === null
    ? null
    : (activity.end - activity.start) / 60;
}
