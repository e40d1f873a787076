/**
 * FAI1.UPPFOLJNING — FAI bilaga 2024, 3.3 Uppföljning med karriärvägledare: "Uppföljning med
 * karriärvägledare ska ske minst efter sex veckor och vid avslut."
 * FAI2.UPPFOLJNING — 4.7 Uppföljning med karriärvägledare: "Uppföljning av kundens
 * progression i insatsen ska ske minst varannan månad efter uppdragsstart, månad 2, 4 och
 * inför slutrapporteringen månad 6."
 *
 * Follow-ups are events "uppföljning med karriärvägledare" and scheduled activities of
 * category "uppfoljning" not missed (util.ts). A deadline that has passed (before idag) without
 * one is an error; Snart: an info when a deadline is within three days and nothing is recorded.
 *
 * FAI 1: one follow-up from startdatum up to startdatum + 6 weeks + 7 days' grace, and one
 * "vid avslut", read as the last 14 days of the period up to 7 days after slutdatum (judged
 * only when slutdatum is set). FAI 2: one follow-up inside each service month 2, 4, 6, …
 * (month n as in the Conventions, cut at the period's end).
 */
import { addDays, serviceMonthRange } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { snart, windowRefs } from "../helpers";
import { defineRule, type RuleContext, type RuleHit } from "../types";
import { followUps } from "./util";

/** An error when [from, to] has passed without a follow-up; a Snart info when it is due. */
function requireFollowUp(
  context: RuleContext,
  from: IsoDate,
  to: IsoDate,
  what: string,
  rule: string,
): RuleHit[] {
  if (followUps(context).some((f) => f.date >= from && f.date <= to)) return [];
  const refs = windowRefs(context, from, to);
  if (to < context.idag) {
    return [
      {
        severity: "error",
        refs,
        from,
        to,
        message: `Ingen uppföljning med karriärvägledare ${what} (${from} – ${to}). Krav: ${rule}.`,
      },
    ];
  }
  return snart(context, to, `Uppföljning med karriärvägledare ${what} senast ${to}.`, refs);
}

export const FAI1_UPPFOLJNING = defineRule<{ veckor: number; marginal: number }>({
  id: "FAI1.UPPFOLJNING",
  programmes: ["FAI1"],
  source: "FAI bilaga 2024, 3.3 Uppföljning med karriärvägledare",
  summary: "Uppföljning med karriärvägledare senast efter sex veckor (+ 7 dagar) och vid avslut.",
  severities: ["error", "info"],
  tolkning:
    "”Minst efter sex veckor” läses som en uppföljning från startdatum till och med startdatum + 6 veckor + 7 dagars marginal; ”vid avslut” som en uppföljning under periodens sista 14 dagar eller högst 7 dagar efter slutdatum.",
  params: {
    veckor: { default: 6, description: "veckor från start till första uppföljningen" },
    marginal: { default: 7, description: "dagars marginal efter sex veckor och efter slutdatum" },
  },
  check(context) {
    const weeks = Math.max(1, Math.round(context.params.veckor));
    const grace = Math.max(0, Math.round(context.params.marginal));
    const start = context.periodStart;
    const hits = requireFollowUp(
      context,
      start,
      addDays(start, weeks * 7 + grace),
      `efter ${weeks} veckor`,
      `minst efter ${weeks} veckor (startdatum + ${weeks} veckor + ${grace} dagar)`,
    );
    const end = context.participant.end;
    if (end !== null) {
      const from = addDays(end, -13);
      hits.push(
        ...requireFollowUp(
          context,
          from < start ? start : from,
          addDays(end, grace),
          "vid avslut",
          `uppföljning vid avslut (periodens sista 14 dagar eller högst ${grace} dagar efter slutdatum ${end})`,
        ),
      );
    }
    return hits;
  },
});

export const FAI2_UPPFOLJNING = defineRule<{ månader: number }>({
  id: "FAI2.UPPFOLJNING",
  programmes: ["FAI2"],
  source: "FAI bilaga 2024, 4.7 Uppföljning med karriärvägledare",
  summary: "Uppföljning med karriärvägledare minst varannan månad: månad 2, 4, 6, …",
  severities: ["error", "info"],
  tolkning:
    "Månad n räknas från startdatum (tjänstemånad); uppföljningen ska ligga inom månad 2, 4, 6, … och en månad som perioden slutar i räknas till periodens sista dag.",
  params: {
    månader: { default: 2, description: "uppföljning var n:e tjänstemånad" },
  },
  check(context) {
    const every = Math.max(1, Math.round(context.params.månader));
    const end = context.periodEnd;
    if (end === null) return [];
    const hits: RuleHit[] = [];
    for (let n = every; ; n += every) {
      const range = serviceMonthRange(context.periodStart, n);
      if (range.from > end) break;
      const to = range.to > end ? end : range.to;
      hits.push(
        ...requireFollowUp(
          context,
          range.from,
          to,
          `i månad ${n}`,
          `minst var ${every}:e månad (månad ${every}, ${every * 2}, ${every * 3} …)`,
        ),
      );
    }
    return hits;
  },
});
