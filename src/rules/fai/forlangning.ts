/**
 * FAI.FORLANGNING — FAI bilaga 2024, 2.4 Begränsad förlängning av insatser: "Förlängningar
 * görs med en månad i taget och med uppföljning veckovis."; 2.4.1 Uppföljning vid beslut om
 * förlängning: "Uppföljning under eventuell förlängning ska vara via meddelandehantering i
 * verksamhetssystemet en gång per vecka. Statusrapportering behöver innehålla information om
 * progression …"
 *
 * Each "förlängning" event (Avser = the new slutdatum; util.ts) extends the previous end —
 * the base length's last day (FAI 1 three, FAI 2 twelve months from startdatum, see
 * FAI1/FAI2.LANGD), then each earlier extension's new end — by at most one month: a longer
 * extension is an error. Every ISO week of an extension has a "statusrapport" event: a week
 * that has passed (its last day before idag) without one is an error, or a warning when the
 * extension covers only part of the week (Conventions: partial week); Snart: an info for the
 * current week's report.
 *
 * Tolkning: "veckovis" is the ISO week (Monday–Sunday) inside the extension; an extension
 * whose Avser is not a date is skipped (the reader reports it).
 */
import { addDays, addMonths, isoWeekOf, isoWeekStart } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { snart, weekName, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { baseEnd, extensions } from "./util";

export const FAI_FORLANGNING = defineRule<{ månader: number }>({
  id: "FAI.FORLANGNING",
  programmes: ["FAI1", "FAI2"],
  source: "FAI bilaga 2024, 2.4 Begränsad förlängning av insatser; 2.4.1",
  summary: "Förlängning en månad i taget, med statusrapport varje vecka under förlängningen.",
  severities: ["error", "warning", "info"],
  tolkning:
    "Förlängningen läses från händelsen ”Förlängning” med det nya slutdatumet i Avser och räknas från föregående slut (grundlängden tre/tolv månader, sedan föregående förlängning). ”Veckovis” är varje ISO-vecka (måndag–söndag) i förlängningen; en vecka som förlängningen bara delvis täcker ger en varning.",
  params: {
    månader: { default: 1, description: "längsta förlängning i månader per beslut" },
  },
  check(context) {
    const months = Math.max(1, Math.round(context.params.månader));
    const base = context.participant.programme === "FAI2" ? 12 : 3;
    let previous: IsoDate = baseEnd(context.periodStart, base);
    const reports = context.events.filter((e) => e.kind === "statusrapport");
    const hits: RuleHit[] = [];
    for (const ext of extensions(context)) {
      if (ext.newEnd <= previous) continue;
      const first = addDays(previous, 1);
      const limit = addMonths(previous, months);
      if (ext.newEnd > limit) {
        hits.push({
          severity: "error",
          refs: ext.event.refs.slice(0, 1),
          from: addDays(limit, 1),
          to: ext.newEnd,
          message: `Förlängningen från ${previous} till ${ext.newEnd} är längre än ${months} ${months === 1 ? "månad" : "månader"} (högst till ${limit}).`,
        });
      }
      const w = isoWeekOf(first);
      let monday: IsoDate = isoWeekStart(w.year, w.week) ?? first;
      while (monday <= ext.newEnd) {
        const from = monday < first ? first : monday;
        const sunday = addDays(monday, 6);
        const to = sunday > ext.newEnd ? ext.newEnd : sunday;
        const { year, week } = isoWeekOf(monday);
        const name = weekName({ isoYear: year, isoWeek: week });
        const done = reports.some((r) => r.date >= from && r.date <= to);
        if (!done) {
          const refs = [...windowRefs(context, from, to), ...ext.event.refs.slice(0, 1)];
          if (to < context.idag) {
            const partial = from > monday || to < addDays(monday, 4);
            hits.push({
              severity: partial ? "warning" : "error",
              refs,
              from,
              to,
              message: `Ingen statusrapport ${name} (${from} – ${to}) under förlängningen till ${ext.newEnd}. Krav: uppföljning en gång per vecka.`,
            });
          } else {
            hits.push(
              ...snart(context, to, `Statusrapport för ${name} senast ${to} (förlängning).`, refs),
            );
          }
        }
        monday = addDays(monday, 7);
      }
      previous = ext.newEnd;
    }
    return hits;
  },
});
