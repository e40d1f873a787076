/** Swedish texts and number formats the task pane shows (pure; no React). */
import type { IsoDate, YearMonth } from "../domain/date";
import { makeYearMonth, parseMonthValue, todayLocal } from "../domain/date";
import type { Severity, SheetKind } from "../domain/model";
import { PROGRAMMES, type Programme } from "../domain/programmes";
import type { ProgressStep } from "../app/api";
import { formatKronor as domainKronor } from "../domain/numbers";

/** Whole kronor as a Swedish reader writes them: "12 345 kr", with no-break spaces for the pane. */
export function formatKronor(amount: number): string {
  return domainKronor(amount).replace(/ /g, "\u00a0");
}

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = {
  error: "Fel",
  warning: "Varning",
  info: "Info",
};

/** "2 fel", "1 varning", "3 varningar", "1 info". */
export function severityCount(severity: Severity, count: number): string {
  if (severity === "error") return `${count} fel`;
  if (severity === "warning") return `${count} ${count === 1 ? "varning" : "varningar"}`;
  return `${count} info`;
}

export const SHEET_KIND_LABEL: Readonly<Record<SheetKind, string>> = {
  register: "Deltagarregister",
  weekgrid: "Veckoschema",
  activitylist: "Aktivitetslista",
  events: "Händelser",
  tariffs: "Ersättningar",
  settings: "Inställningar",
  acceptances: "Godkända avvikelser",
};

export function sheetKindLabel(kind: SheetKind | null): string {
  return kind === null ? "Inte igenkänt" : SHEET_KIND_LABEL[kind];
}

/** Swedish names of the template concepts (read/headers.ts); unknown ones are shown as written. */
const CONCEPT_LABEL: Readonly<Record<string, string>> = {
  acceptedBy: "Godkänd av",
  activity: "Aktivitet",
  attendance: "Närvaro",
  avser: "Avser",
  beslutsdatum: "Beslutsdatum",
  bistand: "Bistånd",
  category: "Kategori",
  certificate: "Intyg",
  comment: "Kommentar",
  date: "Datum",
  dayRate: "Dagersättning",
  del1: "Del 1",
  del2: "Del 2",
  del3: "Del 3",
  description: "Beskrivning",
  end: "Sluttid",
  firstName: "Förnamn",
  from: "Från",
  hours: "Timmar",
  id: "Id",
  kind: "Typ",
  kon: "Kön",
  lastName: "Efternamn",
  mode: "Form",
  monthly: "Månadsersättning",
  name: "Namn",
  niva: "Nivå",
  omfattning: "Omfattning",
  parameter: "Parameter",
  participant: "Deltagare",
  programme: "Insats",
  reason: "Motivering",
  reported: "Rapporterad",
  ruleId: "Regel",
  slutdatum: "Slutdatum",
  start: "Starttid",
  startdatum: "Startdatum",
  time: "Tid",
  to: "Till",
  upptrappning: "Upptrappning",
  validFrom: "Gäller från",
  value: "Värde",
};

export function conceptLabel(concept: string): string {
  return CONCEPT_LABEL[concept] ?? concept;
}

export function programmeLabel(programme: Programme): string {
  return PROGRAMMES[programme].name;
}

export const PROGRESS_STEP_LABEL: Readonly<Record<ProgressStep, string>> = {
  läser: "Läser arbetsboken…",
  kontrollerar: "Kontrollerar reglerna…",
  markerar: "Markerar celler…",
  skriver: "Skriver bladet…",
  klar: "Klart",
};

/** The month before the one `idag` falls in ("2024-06-10" → "2024-05"). */
export function previousMonth(idag: IsoDate): YearMonth {
  const year = Number(idag.slice(0, 4));
  const month = Number(idag.slice(5, 7));
  const result = month === 1 ? makeYearMonth(year - 1, 12) : makeYearMonth(year, month - 1);
  return result ?? (idag.slice(0, 7) as YearMonth);
}

export function defaultReportMonth(idag: IsoDate | null, now: Date = new Date()): YearMonth {
  return previousMonth(idag ?? todayLocal(now));
}

/** A month typed as ÅÅÅÅ-MM (also "2024-5"); null when it is not a month. */
export function parseMonthInput(text: string): YearMonth | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{1,2}$/.test(trimmed)) return null;
  return parseMonthValue(trimmed);
}

/** The Swedish message of a thrown error, never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== "") {
    return error.message;
  }
  if (typeof error === "string" && error.trim() !== "") return error;
  return "Något gick fel. Försök igen.";
}

/** "7,5" or "7.5" → 7.5; null when not a number. */
export function parseDecimal(text: string): number | null {
  const normalized = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}

/** 37.5 → "37,5". */
export function decimalInput(n: number): string {
  return String(n).replace(".", ",");
}
