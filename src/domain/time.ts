/**
 * Times of day as a coordinator writes them: "8", "8.00", "08:00", "8.30", "13-16.30",
 * "kl 8-12", or an Excel time fraction. Internally a time is whole minutes after midnight.
 */

export type Minutes = number;

const MINUTES_PER_DAY = 24 * 60;

export interface TimeRange {
  start: Minutes;
  end: Minutes;
}

function fromParts(hours: number, minutes: number): Minutes | null {
  if (!Number.isInteger(hours) || !Number.isInteger(minutes)) return null;
  if (hours < 0 || minutes < 0 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return total <= MINUTES_PER_DAY ? total : null;
}

const TIME_TEXT = /^(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?$/i;

/**
 * One time: "8", "8.00", "08:00", "8:30", "kl 8", or an Excel fraction of a day (0 ≤ x ≤ 1).
 * A number ≥ 1 is read as whole hours only when it is an integer up to 24 ("8" typed as a
 * number). Returns null for anything else.
 */
export function parseTime(value: unknown): Minutes | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return null;
    if (value <= 1) return Math.round(value * MINUTES_PER_DAY);
    return Number.isInteger(value) ? fromParts(value, 0) : null;
  }
  if (typeof value !== "string") return null;
  const m = TIME_TEXT.exec(value.trim());
  if (!m) return null;
  return fromParts(Number(m[1]), m[2] === undefined ? 0 : Number(m[2]));
}

/** A range "8.00-12.00", "8-12", "8.00–12.00", "kl 8-12", "13:00 — 16:30"; end after start. */
export function parseTimeRange(text: string): TimeRange | null {
  const trimmed = text.trim();
  const found = findTimeRanges(trimmed);
  const only = found[0];
  if (found.length !== 1 || only === undefined) return null;
  if (only.index !== 0 || only.length !== trimmed.length) return null;
  return { start: only.start, end: only.end };
}

export interface FoundTimeRange extends TimeRange {
  /** Where the range stands in the text (including a leading "kl"). */
  index: number;
  length: number;
}

// A time range inside free text. Not preceded by a digit, dot, colon, slash or dash (so dates
// such as 2024-03-05 or phone numbers never match) and not followed by another digit, nor by
// the digit pairs of a phone number written "08-12 34 56 78".
const RANGE_IN_TEXT =
  /(?<![\d.:/-])(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s*[-–—]\s*(\d{1,2})(?:[.:](\d{2}))?(?![\d]|[.:]\d|\s\d{2}\s\d{2})/gi;

/** Every well-formed time range inside a text, in order. */
export function findTimeRanges(text: string): FoundTimeRange[] {
  const out: FoundTimeRange[] = [];
  for (const m of text.matchAll(RANGE_IN_TEXT)) {
    const start = fromParts(Number(m[1]), m[2] === undefined ? 0 : Number(m[2]));
    const end = fromParts(Number(m[3]), m[4] === undefined ? 0 : Number(m[4]));
    if (start === null || end === null || end <= start) continue;
    out.push({ start, end, index: m.index, length: m[0].length });
  }
  return out;
}

/** "8:00", "16:30" — hours without a leading zero, as people write them. */
export function formatTime(minutes: Minutes): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h}:${String(m).padStart(2, "0")}`;
}

/** Hours of a range, e.g. 8:30–12:00 → 3.5. */
export function rangeHours(range: TimeRange): number {
  return (range.end - range.start) / 60;
}
