/**
 * ITA.ANVISNING — Introduktion till arbete 2018, 1 Anvisningstid i tjänsten: "Anvisningar sker
 * vanligtvis i sexmånadersperioder. … Övergång från en del av tjänsten till en annan kräver
 * dock nytt anvisningsbeslut och varje anvisningsperiod räknas separat och kan vara maximalt
 * 6 månader lång."
 *
 * (1) Every change of part (del 2 and del 3 start dates in the register) has an "anvisning"
 * event dated after the previous part's start and no later than the new part's start; missing
 * is an error pointing at the register row. (2) Anvisning periods begin on startdatum, on each
 * part's start and on each "anvisning" event dated after a part's start inside that part (a
 * renewed anvisning); each runs to the day before the next begins, the last to the period's
 * end, and may be at most 6 months (startdatum + 6 months − 1 day).
 *
 * Tolkning: the anvisning decision for a part change is dated before or on the new part's
 * first day; an "anvisning" inside a part renews the anvisning period there.
 */
import { addDays, addMonths } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { defineRule, type RuleHit } from "../types";
import { itaParts } from "./util";

export const ITA_ANVISNING = defineRule<{ månader: number }>({
  id: "ITA.ANVISNING",
  programmes: ["ITA"],
  source: "Introduktion till arbete 2018, 1 Anvisningstid i tjänsten",
  summary:
    "Varje anvisningsperiod är högst 6 månader, och varje övergång mellan delar har ett nytt anvisningsbeslut.",
  severities: ["error"],
  tolkning:
    "Anvisningsbeslutet för en ny del är händelsen ”Anvisning”, daterad efter föregående dels start och senast den nya delens första dag. En ”Anvisning” inne i en del förnyar anvisningsperioden där.",
  params: {
    månader: { default: 6, description: "längsta anvisningsperiod i månader" },
  },
  check(context) {
    const months = Math.max(1, Math.round(context.params.månader));
    const parts = itaParts(context);
    const anvisningar = context.events.filter((e) => e.kind === "anvisning");
    const hits: RuleHit[] = [];
    const starts: IsoDate[] = [];
    parts.forEach((part, i) => {
      starts.push(part.from);
      const previous = parts[i - 1];
      if (previous !== undefined) {
        const decided = anvisningar.some((e) => e.date > previous.from && e.date <= part.from);
        if (!decided) {
          hits.push({
            severity: "error",
            refs: context.participant.refs.slice(0, 1),
            from: part.from,
            to: part.from,
            message: `Inget anvisningsbeslut vid övergången till del ${part.del} ${part.from}. Krav: övergång från en del till en annan kräver nytt anvisningsbeslut.`,
          });
        }
      }
      for (const e of anvisningar) {
        if (e.date > part.from && (part.to === null || e.date <= part.to)) starts.push(e.date);
      }
    });
    const sorted = [...new Set(starts)].sort();
    sorted.forEach((from, i) => {
      const next = sorted[i + 1];
      const to = next === undefined ? context.periodEnd : addDays(next, -1);
      if (to === null) return;
      const last = addDays(addMonths(from, months), -1);
      if (to <= last) return;
      const renewal = anvisningar.find((e) => e.date === from);
      hits.push({
        severity: "error",
        refs: [...(renewal?.refs.slice(0, 1) ?? []), ...context.participant.refs.slice(0, 1)],
        from: addDays(last, 1),
        to,
        message: `Anvisningsperioden ${from} – ${to} är längre än ${months} månader (högst till och med ${last}).`,
      });
    });
    return hits;
  },
});
