/**
 * What both ports share about mark records in the hidden sheet Schemakoll_markeringar (JSON v1,
 * see file/marks.ts): the sizes, the note Schemakoll shows on a marked cell, and how severities
 * combine. Pure: no ExcelJS, no Office, no Node — the Office port runs in the browser.
 */
import { z } from "zod";
import type { Severity } from "../domain/model";

/** The JSON of one record is cut into pieces of at most this many characters (D, E, F …). */
export const RECORD_CHUNK = 30_000;
/** A finding's message in a note at most. */
export const MAX_MESSAGE = 2_000;
/** A note at most (Excel holds 32 767 characters in a cell). */
export const MAX_NOTE = 32_000;
const NOTE_PREFIX = "Schemakoll: ";
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A cell's own note as a record keeps it: a string, or ExcelJS rich text. */
export const recordNoteSchema = z.union([
  z.string(),
  z.looseObject({ texts: z.array(z.looseObject({ text: z.string() })) }),
]);

export function recordKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address}`;
}

/** The more serious of two severities. */
export function higher(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A note's plain text: a string as it is, ExcelJS rich text joined. */
export function noteText(note: unknown): string {
  if (typeof note === "string") return note;
  if (typeof note === "object" && note !== null && "texts" in note && Array.isArray(note.texts)) {
    return note.texts
      .map((t: unknown) =>
        typeof t === "object" && t !== null && "text" in t && typeof t.text === "string"
          ? t.text
          : "",
      )
      .join("");
  }
  return "";
}

/** The note Schemakoll shows: its messages, then the cell's own note text below them. */
export function markNoteText(record: { messages: readonly string[]; note: unknown }): string {
  const lines = record.messages.map((m) => NOTE_PREFIX + m).join("\n");
  const own = record.note === null ? "" : noteText(record.note);
  return truncate(own === "" ? lines : `${lines}\n\n${own}`, MAX_NOTE);
}
