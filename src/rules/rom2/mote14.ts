/**
 * ROM2.MOTE14 — Rusta och matcha 2, 4.1.1 Individuellt möte: "Leverantören ska genomföra ett
 * enskilt, individuellt möte med varje deltagare minst en gång per fjorton (14) kalenderdagar."
 *
 * Every window of 14 consecutive calendar days inside the period (up to the planning horizon)
 * contains an individual meeting. Reported per meeting-free stretch of 14 days or more, with
 * the stretch's day-header cells. A meeting that was planned but not held because the
 * participant was absent turns the error into a warning that names the absence.
 */
import { addDays } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { absenceText, isAbsent, snart, spanDays, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";

export const ROM2_MOTE14 = defineRule<{ fönster: number }>({
  id: "ROM2.MOTE14",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.1.1 Individuellt möte",
  summary: "Ett individuellt möte minst var 14:e kalenderdag under hela perioden.",
  severities: ["error", "warning", "info"],
  params: {
    fönster: { default: 14, description: "längsta tid i kalenderdagar mellan individuella möten" },
  },
  check(context) {
    const { horizon, periodStart } = context;
    const window = Math.max(1, Math.round(context.params.fönster));
    if (horizon === null) return [];
    const meetings = context.activities.filter(
      (a) => a.category === 0 && a.date >= periodStart && a.date <= horizon,
    );
    const held = [...new Set(meetings.filter((m) => !isAbsent(m)).map((m) => m.date))].sort();
    const hits: RuleHit[] = [];

    // Meeting-free stretches inside [start, horizon]: before the first, between, after the last.
    const bounds: [IsoDate, IsoDate][] = [];
    let from: IsoDate = periodStart;
    for (const date of held) {
      if (date > from) bounds.push([from, addDays(date, -1)]);
      from = addDays(date, 1);
    }
    if (from <= horizon) bounds.push([from, horizon]);

    for (const [a, b] of bounds) {
      const days = spanDays(a, b);
      if (days < window) continue;
      const missed = meetings.filter((m) => isAbsent(m) && m.date >= a && m.date <= b);
      const absence =
        missed.length > 0
          ? ` Planerat möte hölls inte: ${missed.map(absenceText).join(", ")}.`
          : "";
      hits.push({
        severity: missed.length > 0 ? "warning" : "error",
        refs: [...windowRefs(context, a, b), ...missed.flatMap((m) => m.refs.slice(0, 1))],
        from: a,
        to: b,
        message: `Inget individuellt möte ${a} – ${b} (${days} dagar). Krav: minst var ${window}:e kalenderdag.${absence}`,
      });
    }

    // Snart: the next deadline after the last meeting held up to idag.
    const last = held.filter((d) => d <= context.idag).at(-1) ?? addDays(periodStart, -1);
    const deadline = addDays(last, window);
    if (context.periodEnd === null || deadline <= context.periodEnd) {
      const planned = held.find((d) => d > context.idag && d <= deadline);
      const note = planned === undefined ? "" : ` (planerat ${planned})`;
      hits.push(
        ...snart(
          context,
          deadline,
          `Nästa individuella möte senast ${deadline}${note}.`,
          windowRefs(context, context.idag, deadline),
        ),
      );
    }
    return hits;
  },
});
