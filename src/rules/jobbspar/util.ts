/**
 * Shared pieces for the JOBBSPAR.* rules: reading a participant's chain of insatser from the
 * Händelser sheet.
 *
 * Tolkning: a jobbspår's insatser are the events of kind "insats" whose Avser reads
 * "namn, från–till" ("Praktik på Nacka Bygg, 2024-04-15–2024-06-14"; en dash, em dash or hyphen,
 * spaces allowed). An Avser that cannot be read that way is skipped here: reporting it is the
 * reader's job (LAS.OKLAR), and guessing dates would give false findings.
 */
import { parseIsoDate, type IsoDate } from "../../domain/date";
import type { ScheduleEvent } from "../../domain/model";
import type { RuleContext } from "../types";

/** One insats of a participant's jobbspår, from an "insats" event. */
export interface Insats {
  name: string;
  from: IsoDate;
  to: IsoDate;
  event: ScheduleEvent;
}

const INSATS_RE = /^(.+?),\s*(\d{4}-\d{2}-\d{2})\s*[–—-]\s*(\d{4}-\d{2}-\d{2})\s*$/;

/** "namn, 2024-03-04–2024-03-08" → the insats; null when the Avser cannot be read. */
export function parseInsats(event: ScheduleEvent): Insats | null {
  if (event.kind !== "insats" || event.avser === null) return null;
  const m = INSATS_RE.exec(event.avser.trim());
  if (!m) return null;
  const name = (m[1] ?? "").trim();
  const from = parseIsoDate(m[2] ?? "");
  const to = parseIsoDate(m[3] ?? "");
  if (name === "" || from === null || to === null || to < from) return null;
  return { name, from, to, event };
}

/** The participant's readable insatser, by start date (then end date). */
export function insatser(context: RuleContext): Insats[] {
  return context.events
    .map(parseInsats)
    .filter((i): i is Insats => i !== null)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : 1));
}

/**
 * The span of the active chain: the first insats' start to the last insats' end, cut to
 * slutdatum when that is earlier; without readable insatser, the participant's period.
 * Null when there is no end to judge by.
 */
export function chainSpan(context: RuleContext): { from: IsoDate; to: IsoDate } | null {
  const chain = insatser(context);
  const first = chain[0];
  if (first === undefined) {
    return context.periodEnd === null ? null : { from: context.periodStart, to: context.periodEnd };
  }
  let to = first.to;
  for (const i of chain) if (i.to > to) to = i.to;
  const end = context.participant.end;
  if (end !== null && end < to) to = end;
  return { from: first.from, to };
}
