/**
 * The typed model a workbook is read into (read/) and the rules judge (rules/). One source of
 * truth: the zod schemas; the TypeScript types are inferred from them. Every object remembers
 * the cells it came from (SourceRef), so a finding can point at them.
 */
import { z } from "zod";
import { modeSchema } from "./activityText";
import { isoDateSchema } from "./date";
import { programmeSchema } from "./programmes";

/** One cell a model object was read from: sheet, A1 address, and the text as written. */
export const sourceRefSchema = z.object({
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
  text: z.string(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

/** A cell grid as Excel's Range.values gives it: numbers, strings, booleans, "" for empty. */
export interface SheetData {
  name: string;
  values: unknown[][];
  /** Excel's number format per cell ("yyyy-mm-dd", "General", "[h]:mm"), when known. */
  numberFormats?: string[][];
}

/** One cell of a generated sheet. */
export interface SheetCell {
  /** Text is always written as text, never as a formula, whatever it starts with. */
  value: string | number | boolean | null;
  numberFormat?: string;
  bold?: boolean;
  /** Solid fill, ARGB ("FFDDEBF7"). */
  fill?: string;
  /** An internal link only: "#'Blad'!B7" (see workbook/port internalLink). */
  hyperlink?: string;
  /**
   * A formula Schemakoll builds itself from cell addresses of the same sheet (a total:
   * "SUM(G6:G12)", without "="), never from text read from a workbook. `value` holds its
   * result as Schemakoll computed it, so that a program that does not recalculate still shows it.
   */
  formula?: string;
}

/** A generated sheet (Månadsrapport, Fakturaunderlag), built by reports/ and written by the workbook port. */
export interface SheetModel {
  name: string;
  rows: SheetCell[][];
  /** Column widths in Excel's character units, column A first. */
  columnWidths?: number[];
  /** An Excel table over the header row (0-based) and the rowCount data rows below it. */
  table?: { name: string; headerRow: number; rowCount: number };
  /** Rows kept in view when scrolling (the header). */
  freezeRows?: number;
  /**
   * Charts over data already in `rows`. The Office port draws them natively; ExcelJS cannot
   * write charts, so the file port writes the data table only (and a line saying so).
   */
  charts?: ChartSpec[];
  /** Schemakoll's own bookkeeping sheets (the template map) are written hidden. */
  hidden?: boolean;
}

/** A native chart over a range of the same sheet: header row = series names, first column = categories. */
export interface ChartSpec {
  /** Swedish chart title ("Timmar per vecka – N-101"). */
  title: string;
  type: "line" | "columnClustered";
  /** The data, with header row and category column, A1 on the same sheet ("A40:C45"). */
  dataRange: string;
  /** The chart's top-left cell ("F40"). */
  anchor: string;
  /** Size in cells from the anchor (default 8 columns × 15 rows). */
  widthColumns?: number;
  heightRows?: number;
}

export const konSchema = z.enum(["kvinna", "man", "annat"]);
export type Kon = z.infer<typeof konSchema>;

export const omfattningSchema = z.object({
  /** Hours per week; a percentage is kept as written and converted with the full-time hours. */
  hoursPerWeek: z.number().nonnegative().nullable(),
  percent: z.number().nonnegative().nullable(),
});
export type Omfattning = z.infer<typeof omfattningSchema>;

export const participantSchema = z.object({
  /** The register's id value as written (may be a name; a personnummer is never copied out). */
  id: z.string().min(1),
  name: z.string().nullable(),
  kon: konSchema.nullable(),
  programme: programmeSchema.nullable(),
  /** ROM2 nivå A/B/C. */
  niva: z.string().nullable(),
  beslutsdatum: isoDateSchema.nullable(),
  start: isoDateSchema.nullable(),
  end: isoDateSchema.nullable(),
  omfattning: omfattningSchema.nullable(),
  ekonomisktBistand: z.boolean().nullable(),
  /** ITA: the start of each part (del 1–3). */
  itaDelar: z.object({
    del1: isoDateSchema.nullable(),
    del2: isoDateSchema.nullable(),
    del3: isoDateSchema.nullable(),
  }),
  /** "från 2024-03-01 20 h; från 2024-04-01 30 h" */
  upptrappning: z.array(z.object({ from: isoDateSchema, hoursPerWeek: z.number().nonnegative() })),
  refs: z.array(sourceRefSchema),
});
export type Participant = z.infer<typeof participantSchema>;

/**
 * The key by which a participant's schedule, events, acceptances and findings are matched to
 * the register (the engine's and the batched read's): the id trimmed, in lower case.
 */
export function participantIdKey(id: string): string {
  return id.trim().toLowerCase();
}

export const attendanceStatusSchema = z.enum(["närvarande", "frånvarande"]);

export const activityAttendanceSchema = z.object({
  status: attendanceStatusSchema,
  /** "sjuk", "VAB", "ogiltig frånvaro", "ledig" or the reason as written; null when not given. */
  reason: z.string().nullable(),
  /** Läkarintyg / VAB-intyg: true, or the date it came in; null when not recorded. */
  certificate: z.union([z.boolean(), isoDateSchema]).nullable(),
  /** When the absence was reported to the karriärvägledare. */
  reportedDate: isoDateSchema.nullable(),
});
export type ActivityAttendance = z.infer<typeof activityAttendanceSchema>;

export const activitySchema = z.object({
  participantId: z.string(),
  date: isoDateSchema,
  /** Minutes after midnight. */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  /** end − start, or the list's Timmar column when it has no times. */
  hours: z.number().nonnegative().nullable(),
  /** The category's code in its programme's vocabulary (ROM2: 0–8), or null if unrecognised. */
  category: z.union([z.string(), z.number()]).nullable(),
  categoryName: z.string().nullable(),
  mode: modeSchema.nullable(),
  obligatory: z.boolean(),
  description: z.string(),
  /** The activity's own text as written. */
  text: z.string(),
  attendance: activityAttendanceSchema.nullable(),
  refs: z.array(sourceRefSchema),
});
export type Activity = z.infer<typeof activitySchema>;

export const EVENT_KINDS = [
  "uppstartsmöte",
  "genomförandeplan",
  "reviderad genomförandeplan",
  "avstämning genomförandeplan",
  "månadsrapport klar",
  "trepartsmöte",
  "uppföljning med karriärvägledare",
  /** A follow-up of the participant by the provider (jobbspår: "regelbunden uppföljning"). */
  "uppföljning",
  "slutrapport",
  "bonusrapport",
  "kontakt",
  "kontaktförsök",
  "meddelat karriärvägledare",
  "läkarintyg",
  "vab-intyg",
  "statusrapport",
  "förlängning",
  "arbetsplats start",
  "sfi-nivå start",
  "egen försörjning start",
  "tilläggscheck",
  "insats",
  "anvisning",
  "avslut",
] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKindSchema>;

export const eventSchema = z.object({
  participantId: z.string(),
  date: isoDateSchema,
  kind: eventKindSchema,
  /** The "Avser" column as written: a month, a new end date, a level, an amount, an insats. */
  avser: z.string().nullable(),
  comment: z.string().nullable(),
  refs: z.array(sourceRefSchema),
});
export type ScheduleEvent = z.infer<typeof eventSchema>;

export const acceptanceSchema = z.object({
  participantId: z.string(),
  ruleId: z.string(),
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
  reason: z.string(),
  acceptedBy: z.string().nullable(),
  date: isoDateSchema.nullable(),
  refs: z.array(sourceRefSchema),
});
export type Acceptance = z.infer<typeof acceptanceSchema>;

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

/** A problem found while reading (rule ids LAS.OKLAR, LAS.DELTAGARE, LAS.REGISTER). */
export const readFindingSchema = z.object({
  ruleId: z.enum(["LAS.OKLAR", "LAS.DELTAGARE", "LAS.REGISTER"]),
  severity: severitySchema,
  participantId: z.string().nullable(),
  refs: z.array(sourceRefSchema),
  message: z.string(),
});
export type ReadFinding = z.infer<typeof readFindingSchema>;

export const SHEET_KINDS = [
  "register",
  "weekgrid",
  "activitylist",
  "events",
  "tariffs",
  "settings",
  "acceptances",
] as const;
export const sheetKindSchema = z.enum(SHEET_KINDS);
export type SheetKind = z.infer<typeof sheetKindSchema>;

/** What Schemakoll recognised in one sheet; stored in the workbook and reused next time. */
export const sheetMapSchema = z.object({
  sheet: z.string(),
  kind: sheetKindSchema,
  /** The header row's first cell, or a week grid's first "Vecka" cell. */
  anchor: z.string(),
  /** Concept → column letter, for tabular layouts ("date" → "B"). */
  columns: z.record(z.string(), z.string()),
  /** A week grid's participant (register id) and programme when the sheet says or the user set them. */
  participant: z.string().nullable(),
  programme: programmeSchema.nullable(),
  /** A fingerprint of the labels the map was built from, to notice when the sheet changed. */
  signature: z.string(),
  /** Set when a person corrected the map in the task pane; detection then keeps it. */
  manual: z.boolean(),
});
export type SheetMap = z.infer<typeof sheetMapSchema>;

export const templateMapSchema = z.object({
  version: z.literal(1),
  sheets: z.array(sheetMapSchema),
});
export type TemplateMap = z.infer<typeof templateMapSchema>;

export const settingsSchema = z.object({
  /** Reference date ("Idag"); null = the machine's today. */
  idag: isoDateSchema.nullable(),
  fullTimeHours: z.number().positive(),
  anordnare: z.string().nullable(),
  /** Every other row of Inställningar, by parameter name as written ("ROM2.MOTE14.fönster"). */
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  refs: z.record(z.string(), sourceRefSchema),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * A week of a participant's week-grid schedule as it stands in the sheet: which dates it
 * covers and where its headers are, so that a "something is missing this week" finding can
 * point at the week's own day-header cells.
 */
export const scheduleWeekSchema = z.object({
  participantId: z.string(),
  isoYear: z.number().int(),
  isoWeek: z.number().int().min(1).max(53),
  /** Monday … Sunday of the week that the grid has a column for. */
  dates: z.array(isoDateSchema),
  /** The "Vecka N" cell. */
  weekRef: sourceRefSchema,
  /** Day-header cell per date (ISO date → ref). */
  dayRefs: z.record(z.string(), sourceRefSchema),
  /** Set when the week was produced by repeating a relative template ("Vecka 1" of a tvåveckorsschema). */
  templateWeek: z.number().int().positive().nullable(),
});
export type ScheduleWeek = z.infer<typeof scheduleWeekSchema>;
