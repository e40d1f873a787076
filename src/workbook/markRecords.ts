/**
 * What both ports share about mark records in the hidden sheet Schemakoll_markeringar: the row
 * format, the sizes, the note Schemakoll shows on a marked cell, and how severities combine.
 * Pure: no ExcelJS, no Office, no Node — the Office port runs in the browser.
 *
 * One row per marked cell: A cell ("B7"), B sheet, C severity, D… the record's JSON in pieces of
 * at most RECORD_CHUNK characters. Two JSON versions are read; v2 is written.
 *   v1: {"v":1,"sheet":…,"address":…,"severity":…,"style":…,"note":…,"messages":[…]} — every
 *       field always, the cell, sheet and severity twice (A–C are then only for people).
 *   v2: {"v":2} plus only what is not empty: "style" (the cell's own style, when it has one),
 *       "note" (its own note, when it has one), "messages" (when the cell shows a note of
 *       Schemakoll's), "sheet" (only when column B could not carry the name exactly through an
 *       .xlsx: a name with "_x", which Excel reads as a character escape, or characters a cell
 *       does not keep). The cell and the severity are A and C. A record of a cell with nothing
 *       of its own and no message is {"v":2}, 7 characters instead of about 95: most marked
 *       cells are like that (only the first cell of a finding carries its message), and the
 *       records were most of a validation's write request.
 * The note a record holds matters only while it has messages (only then does Schemakoll show a
 * note of its own over the cell's, and put the cell's back when clearing). A cell that is only
 * filled keeps its note untouched; the Office port does not read it (one read less per cell) and
 * records none. So both ports, marking a cell whose record has no messages yet, take the note
 * the cell has at that moment as its own, whatever the record says.
 * In both, "_x" in the JSON is written "_\u0078" so that no "_x0041_" can be taken for Excel's
 * own escape when the workbook goes through a file.
 */
import { z } from "zod";
import { severitySchema, type Severity } from "../domain/model";
import { formatAddress, parseAddress } from "./file/a1";

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

/** What a record holds, whichever version it was read from. */
export interface StoredRecord {
  sheet: string;
  /** Normalised ("B7"). */
  address: string;
  severity: Severity;
  /** The messages shown in the note (none: the cell was only filled). */
  messages: string[];
  /** The cell's own style before the first mark (ExcelJS shape; {} when it had none). */
  style: Record<string, unknown>;
  /** The cell's own note before the first mark (a string or ExcelJS rich text), or null. */
  note: z.infer<typeof recordNoteSchema> | null;
}

const styleSchema = z.looseObject({ fill: z.looseObject({ type: z.string() }).optional() });
const v1Schema = z.object({
  v: z.literal(1),
  sheet: z.string().min(1),
  address: z.string(),
  severity: severitySchema,
  style: styleSchema,
  note: recordNoteSchema.nullable(),
  messages: z.array(z.string()),
});
const v2Schema = z.object({
  v: z.literal(2),
  sheet: z.string().min(1).optional(),
  style: styleSchema.optional(),
  note: recordNoteSchema.optional(),
  messages: z.array(z.string()).optional(),
});

/** Whether column B cannot be trusted to give the name back exactly (see the top). */
function sheetNeedsJson(sheet: string): boolean {
  // "_x" may start an escape; control characters and surrogates are dropped from cell text.
  // eslint-disable-next-line no-control-regex -- exactly the characters a cell does not keep
  return /_x|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/i.test(sheet);
}

/** A record's JSON (v2), as it goes into D… in pieces. */
export function recordJson(
  record: Omit<StoredRecord, "style" | "note"> & {
    style: object;
    note: unknown;
  },
): string {
  const json: Record<string, unknown> = { v: 2 };
  if (sheetNeedsJson(record.sheet)) json.sheet = record.sheet;
  if (Object.keys(record.style).length > 0) json.style = record.style;
  if (record.note !== null && record.note !== undefined) json.note = record.note;
  if (record.messages.length > 0) json.messages = record.messages;
  return JSON.stringify(json).replace(/_x/g, "_\\u0078");
}

/** The row's cells: A cell, B sheet, C severity, D… the JSON in pieces (texts as they are). */
export function recordCells(
  record: Omit<StoredRecord, "style" | "note"> & { style: object; note: unknown },
): string[] {
  const json = recordJson(record);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += RECORD_CHUNK) chunks.push(json.slice(i, i + RECORD_CHUNK));
  return [record.address, record.sheet, record.severity, ...chunks];
}

/**
 * A row of the hidden sheet (its cells' texts, left to right) as a record, v1 or v2; throws when
 * it is not one.
 */
export function decodeRecord(texts: readonly string[]): StoredRecord {
  const parsed: unknown = JSON.parse(texts.slice(3).join(""));
  const version =
    typeof parsed === "object" && parsed !== null && "v" in parsed ? parsed.v : undefined;
  let record: StoredRecord;
  if (version === 2) {
    const json = v2Schema.parse(parsed);
    const sheet = json.sheet ?? texts[1] ?? "";
    if (sheet === "") throw new Error("sheet");
    record = {
      sheet,
      address: texts[0] ?? "",
      severity: severitySchema.parse(texts[2]),
      messages: json.messages ?? [],
      style: json.style ?? {},
      note: json.note ?? null,
    };
  } else {
    const json = v1Schema.parse(parsed);
    record = {
      sheet: json.sheet,
      address: json.address,
      severity: json.severity,
      messages: json.messages,
      style: json.style,
      note: json.note,
    };
  }
  const position = parseAddress(record.address);
  if (!position) throw new Error("address");
  return { ...record, address: formatAddress(position.row, position.col) };
}

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
