/**
 * A rule, in the manner of an ESLint rule: metadata (id, programmes, source, severities,
 * parameters with the catalog's defaults, the catalog's Tolkning) and one `check` function
 * that looks at one participant and returns what it found. The engine (engine.ts) picks the
 * rules for each participant's programme, resolves parameters from the workbook's
 * Inställningar, and turns hits into findings.
 */
import { z } from "zod";
import type { IsoDate } from "../domain/date";
import { isoDateSchema } from "../domain/date";
import {
  severitySchema,
  sourceRefSchema,
  type Activity,
  type Participant,
  type ScheduleEvent,
  type ScheduleWeek,
  type Severity,
  type SourceRef,
} from "../domain/model";
import type { Programme } from "../domain/programmes";

export type ParamValue = number | string | boolean;

export interface ParamSpec<V extends ParamValue = ParamValue> {
  default: V;
  /** Swedish, for the settings view and the README ("fönster i kalenderdagar"). */
  description: string;
}

export type Params = Record<string, ParamValue>;

/** What a rule sees of one participant. */
export interface RuleContext<P extends Params = Params> {
  participant: Participant & { programme: Programme };
  /** The participant's activities, by date and start time. */
  activities: readonly Activity[];
  /** The participant's week-grid weeks (empty for activity lists). */
  weeks: readonly ScheduleWeek[];
  /** The participant's events, by date. */
  events: readonly ScheduleEvent[];
  /** The reference date: the past is judged by outcome, the future by plan. */
  idag: IsoDate;
  /** First day of the period (startdatum). */
  periodStart: IsoDate;
  /** slutdatum, or else the last planned day; null when neither exists. */
  periodEnd: IsoDate | null;
  /**
   * The planning horizon: rules judge the period only up to the last planned day (and never
   * past slutdatum). Null when nothing is planned.
   */
  horizon: IsoDate | null;
  fullTimeHours: number;
  params: P;
}

/** What a check reports; the engine adds rule id, participant, source and acceptance. */
export interface RuleHit {
  severity: Severity;
  /** The cells it is about; for something missing, the cells of the window where it is missing. */
  refs: SourceRef[];
  from: IsoDate;
  to: IsoDate;
  /** Swedish, with the concrete dates and figures. */
  message: string;
}

export interface Rule<P extends Params = Params> {
  id: string;
  programmes: readonly Programme[];
  /** "Rusta och matcha 2, 4.1.1 Individuellt möte" */
  source: string;
  /** One Swedish line for the README and the settings view. */
  summary: string;
  /** The severities the rule can give. */
  severities: readonly Severity[];
  /** The catalog's Tolkning, in Swedish, shown in every finding's explanation. */
  tolkning?: string;
  params: { [K in keyof P]: ParamSpec<P[K]> };
  check(context: RuleContext<P>): RuleHit[];
}

/** Identity, for type inference of a rule's parameters. */
export function defineRule<P extends Params>(rule: Rule<P>): Rule<P> {
  return rule;
}

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: severitySchema,
  participantId: z.string().nullable(),
  refs: z.array(sourceRefSchema),
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
  message: z.string(),
  /** The rule's summary and, where the catalog interpreted the source, "Tolkning: …". */
  explanation: z.string().nullable(),
  source: z.string(),
  accepted: z.boolean(),
  /** The acceptance that covers the finding, when accepted. */
  acceptance: z
    .object({
      reason: z.string(),
      acceptedBy: z.string().nullable(),
      date: isoDateSchema.nullable(),
    })
    .nullable(),
});
export type Finding = z.infer<typeof findingSchema>;
