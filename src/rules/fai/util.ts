/**
 * Shared pieces for the FAI.*, FAI1.* and FAI2.* rules: follow-ups with the karriärvägledare,
 * decided extensions (förlängning), and the insats' base length.
 */
import { addDays, addMonths } from "../../domain/calendar";
import { parseDateText, type IsoDate } from "../../domain/date";
import type { ScheduleEvent, SourceRef } from "../../domain/model";
import { isAbsent } from "../helpers";
import type { RuleContext } from "../types";

/** A dated thing with the cells that show it. */
export interface Dated {
  date: IsoDate;
  refs: SourceRef[];
}

/**
 * Follow-ups with the karriärvägledare: events "uppföljning med karriärvägledare" and
 * scheduled activities of category "uppfoljning" that were not missed (fai.ts vocabulary), by date.
 */
export function followUps(context: RuleContext): Dated[] {
  return [
    ...context.events
      .filter((e) => e.kind === "uppföljning med karriärvägledare")
      .map((e) => ({ date: e.date, refs: e.refs })),
    ...context.activities
      .filter((a) => a.category === "uppfoljning" && !isAbsent(a))
      .map((a) => ({ date: a.date, refs: a.refs })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A decided extension: the "förlängning" event and the new end date in its Avser. */
export interface Extension {
  event: ScheduleEvent;
  newEnd: IsoDate;
}

/**
 * The "förlängning" events whose Avser reads as a date (the new slutdatum), by new end.
 * Tolkning: an unreadable Avser is skipped here; the reader reports it (LAS.OKLAR).
 */
export function extensions(context: RuleContext): Extension[] {
  return context.events
    .filter((e) => e.kind === "förlängning")
    .flatMap((event) => {
      const newEnd = event.avser === null ? null : parseDateText(event.avser);
      return newEnd === null ? [] : [{ event, newEnd }];
    })
    .sort((a, b) => (a.newEnd < b.newEnd ? -1 : a.newEnd > b.newEnd ? 1 : 0));
}

/** The last day of an insats of `months` months from startdatum (start + months − 1 day). */
export function baseEnd(start: IsoDate, months: number): IsoDate {
  return addDays(addMonths(start, months), -1);
}

/** The last allowed day: the latest decided new end date, else the base length's last day. */
export function allowedEnd(context: RuleContext, months: number): IsoDate {
  const base = baseEnd(context.periodStart, months);
  const latest = extensions(context).at(-1)?.newEnd;
  return latest !== undefined && latest > base ? latest : base;
}
