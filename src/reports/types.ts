/**
 * What reports/ needs and gives: the read workbook in (read/workbook's WorkbookModel satisfies
 * ReportInput), pure data and SheetModels out. Writing them is the workbook port's job.
 */
import type { IsoDate, YearMonth } from "../domain/date";
import type { Settings, SourceRef } from "../domain/model";
import type { Programme } from "../domain/programmes";
import type { Tariff } from "../domain/tariffs";
import type { RuleModel } from "../rules/engine";

/** The read workbook, as reports see it. */
export interface ReportInput extends RuleModel {
  tariffs: readonly Tariff[];
  settings: Settings;
}

/** "Månadsrapport 2024-05": read/workbook's isOwnSheet recognises it and never reads it as data. */
export function monthlySheetName(month: YearMonth): string {
  return `Månadsrapport ${month}`;
}

/** "Fakturaunderlag 2024-05". */
export function invoiceSheetName(month: YearMonth): string {
  return `Fakturaunderlag ${month}`;
}

/** The rule that produced an invoice row (regelkatalog, Compensation). */
export type InvoiceRuleId = "ERS.MANAD" | "ERS.DAG" | "ERS.BONUS" | "ERS.TILLAGG";

/**
 * A flag on an invoice row, as a stable code (JSON) with a Swedish text (the sheet):
 * - "ERS.SEN": that month's månadsrapport was klarmarkerad after the deadline (003 §9), so the
 *   payment may move to the next payment date;
 * - "EJ_KLARMARKERAD": the month's report is not klarmarkerad yet and its deadline has passed;
 * - "TAK": a part month's day amount was cut to the monthly amount (catalog Tolkning).
 */
export type InvoiceFlag = "ERS.SEN" | "EJ_KLARMARKERAD" | "TAK";

export interface InvoiceRow {
  /** The participant's id as it may be written: a personnummer is masked ("19850101-****"). */
  participantId: string;
  /** The register's id as read (never written anywhere; for matching and navigation only). */
  rawParticipantId: string;
  programme: Programme;
  /** First and last day the row covers in the month. */
  from: IsoDate;
  to: IsoDate;
  /** Insatsdagar (ERS.MANAD, ERS.DAG); null for bonus and tilläggscheck rows. */
  days: number | null;
  /** Whole kronor. */
  amount: number;
  ruleId: InvoiceRuleId;
  flags: InvoiceFlag[];
  /** The register row and the events the row is based on. */
  refs: SourceRef[];
}

/** Participants that cannot be invoiced because their programme has no tariff for the month. */
export interface InvoiceRefusal {
  programme: Programme;
  /** Masked ids. */
  participantIds: string[];
  /** Swedish, names the programme, the month, the participants and what to do. */
  message: string;
}

/** Something in the month that needs a person (an invalid tilläggscheck amount, a bonus not yet payable). */
export interface InvoiceProblem {
  participantId: string;
  ruleId: "ERS.BONUS" | "ERS.TILLAGG";
  severity: "error" | "warning" | "info";
  message: string;
  refs: SourceRef[];
}

export interface Invoice {
  month: YearMonth;
  /** Inställningar "Anordnare", or null when the workbook does not say. */
  anordnare: string | null;
  rows: InvoiceRow[];
  /** Sum of rows' amounts, whole kronor. */
  total: number;
  refused: InvoiceRefusal[];
  problems: InvoiceProblem[];
}
