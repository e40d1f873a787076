/**
 * ITA.TOTAL — Introduktion till arbete 2018, 1 Anvisningstid i tjänsten: "Om man räknar
 * maximal tid endast i del 2 och del 3 (endast en arbetsprövning) blir det 48 veckor … maximal
 * tid i tjänsten kan uppgå till 56 veckor totalt".
 *
 * Del 2 + del 3 (from the first of them to the period's end) last at most 48 weeks, and the
 * whole period (del 1's start to the end) at most 56 weeks; days past either limit are an
 * error pointing at the register row.
 *
 * Tolkning: the weeks are 7 calendar days each, counted from the part's start date; the
 * period's end is slutdatum, else the last planned day.
 */
import { addDays } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { spanDays } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { itaParts } from "./util";

export const ITA_TOTAL = defineRule<{ del23Veckor: number; totalVeckor: number }>({
  id: "ITA.TOTAL",
  programmes: ["ITA"],
  source: "Introduktion till arbete 2018, 1 Anvisningstid i tjänsten",
  summary: "Del 2 och del 3 högst 48 veckor tillsammans; hela tjänsten högst 56 veckor.",
  severities: ["error"],
  tolkning:
    "Veckorna är 7 kalenderdagar räknade från delens startdatum; periodens slut är slutdatum, annars sista planerade dag.",
  params: {
    del23Veckor: { default: 48, description: "längsta tid i veckor för del 2 och del 3" },
    totalVeckor: { default: 56, description: "längsta tid i veckor för hela tjänsten" },
  },
  check(context) {
    const end = context.periodEnd;
    if (end === null) return [];
    const parts = itaParts(context);
    const first = parts[0];
    const later = parts.find((p) => p.del > 1);
    const hits: RuleHit[] = [];
    const limit = (from: IsoDate, weeks: number, what: string) => {
      const last = addDays(from, Math.round(weeks * 7) - 1);
      if (end <= last) return;
      hits.push({
        severity: "error",
        refs: context.participant.refs.slice(0, 1),
        from: addDays(last, 1),
        to: end,
        message: `${what} ${from} – ${end} är ${spanDays(from, end)} dagar. Krav: högst ${weeks} veckor (till och med ${last}).`,
      });
    };
    if (later !== undefined) limit(later.from, context.params.del23Veckor, "Del 2 och 3");
    if (first !== undefined) limit(first.from, context.params.totalVeckor, "Hela tjänsten");
    return hits;
  },
});
