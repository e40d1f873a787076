/**
 * The application layer: what the task pane (and the command line) can ask of Schemakoll,
 * over any WorkbookPort. The task pane's React components depend on this interface only, so
 * they are tested against an in-memory implementation and run against the real one in Excel.
 */
import type { IsoDate, YearMonth } from "../domain/date";
import type { Kon, Severity, SheetKind, TemplateMap } from "../domain/model";
import type { Programme } from "../domain/programmes";
import type { Invoice } from "../reports/types";
import type { Finding, ParamValue } from "../rules/types";

/** A finding as the task pane lists it. */
export interface FindingView extends Finding {
  /** Stable within one validation: for React keys and for "which finding did you click". */
  key: string;
  /** Masked id ("19850101-****") or the register id; null for workbook-level findings. */
  participantLabel: string | null;
  programme: Programme | null;
  /** Sheet and cells of the first ref's sheet, for navigation; null when the finding has no cells. */
  sheet: string | null;
  cells: string[];
}

export interface ParticipantView {
  /** The register id (may be a personnummer: never shown, only used to match). */
  id: string;
  /** What the user sees: masked id and name. */
  label: string;
  name: string | null;
  programme: Programme | null;
  kon: Kon | null;
  counts: Record<Severity, number>;
  accepted: number;
}

export interface ValidationView {
  idag: IsoDate;
  participants: ParticipantView[];
  findings: FindingView[];
  /** Cells marked in this run. */
  markedCells: number;
  /** What the recognition says (Swedish sentences), e.g. a sheet it did not understand. */
  notices: string[];
  /** True when no schedule, register or list was recognised at all. */
  empty: boolean;
}

export type ProgressStep = "läser" | "kontrollerar" | "markerar" | "skriver" | "klar";
export type Progress = (step: ProgressStep, fraction: number) => void;

export interface ReportResult {
  /** The sheet written ("Månadsrapport 2024-05"). */
  sheet: string;
  /** True when a sheet of that name existed and was replaced. */
  replaced: boolean;
  participants: number;
}

export interface InvoiceResult {
  sheet: string;
  replaced: boolean;
  invoice: Invoice;
}

/** One sheet of the template map, as the Mall form shows and edits it. */
export interface TemplateSheetView {
  sheet: string;
  /** null: not recognised as any layout. */
  kind: SheetKind | null;
  anchor: string | null;
  columns: Record<string, string>;
  participant: string | null;
  programme: Programme | null;
  manual: boolean;
}

export interface TemplateView {
  sheets: TemplateSheetView[];
  /** Concepts the Mall form offers per kind ("date", "participant", "start", …). */
  conceptsByKind: Record<SheetKind, string[]>;
  map: TemplateMap;
}

export interface ParameterView {
  /** As written in Inställningar: "AMI.HELTID.fullTime". */
  key: string;
  ruleId: string;
  description: string;
  defaultValue: ParamValue;
  /** The workbook's value, when Inställningar has one. */
  value: ParamValue | null;
}

export interface SettingsView {
  idag: IsoDate | null;
  fullTimeHours: number;
  anordnare: string | null;
  parameters: ParameterView[];
}

export interface SettingsChange {
  idag?: IsoDate | null;
  fullTimeHours?: number;
  anordnare?: string | null;
  /** key → value; null removes the workbook's value (the default applies again). */
  parameters?: Record<string, ParamValue | null>;
}

export interface ShortNamesView {
  /** False when this Excel lacks LAMBDA (the option is then explained, not offered). */
  supported: boolean;
  /** True when every "DAGERSATTNING"… name is defined in this workbook. */
  enabled: boolean;
  names: string[];
}

export interface SchemakollApp {
  /** Reads, validates, replaces the previous marks with this run's, and lists the findings. */
  validate(progress?: Progress): Promise<ValidationView>;
  /** Takes every mark away, restoring the cells' own formats and notes. */
  clearMarks(): Promise<void>;
  /** Activates the finding's sheet and selects its cells. */
  select(finding: FindingView): Promise<void>;
  /** Writes the acceptance to "Godkända avvikelser" and validates again. */
  accept(finding: FindingView, reason: string, acceptedBy: string | null): Promise<ValidationView>;
  createMonthlyReport(month: YearMonth, progress?: Progress): Promise<ReportResult>;
  createInvoice(month: YearMonth, progress?: Progress): Promise<InvoiceResult>;
  readTemplate(): Promise<TemplateView>;
  /** Stores a corrected sheet map (manual: true) in the workbook; the next validation uses it. */
  saveTemplateSheet(sheet: TemplateSheetView): Promise<TemplateView>;
  readSettings(): Promise<SettingsView>;
  saveSettings(change: SettingsChange): Promise<SettingsView>;
  /** null when the workbook port has no names (the file port). */
  shortNames(): Promise<ShortNamesView | null>;
  enableShortNames(): Promise<ShortNamesView>;
  disableShortNames(): Promise<ShortNamesView>;
}

/** Swedish sheet name where acceptances are kept (mallar.md). */
export const ACCEPTANCES_SHEET = "Godkända avvikelser";
/** Swedish sheet name of the settings (mallar.md §5). */
export const SETTINGS_SHEET = "Inställningar";
