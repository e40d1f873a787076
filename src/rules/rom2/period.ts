/**
 * ROM2.PERIOD — Rusta och matcha 2, 4.1.1 Möte varje vecka: "de första sex (6) månaderna …"
 * and "efterföljande sex (6) månader …" — the service runs at most twelve months.
 *
 * An activity dated before startdatum or after slutdatum is an error (one finding per
 * activity); a period longer than 12 service months (slutdatum, or else the last planned day,
 * after the last day of month 12: addMonths(startdatum, 12) − 1) is an error. Tolkning (the
 * catalog has none): the source's two six-month spans set the longest period; a longer period
 * is reported even when it was extended by a decision the workbook does not show.
 */
import { addDays, addMonths } from "../../domain/calendar";
import { windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";

export const ROM2_PERIOD = defineRule<{ månader: number }>({
  id: "ROM2.PERIOD",
  programmes: ["ROM2"],
  source:
    "Rusta och matcha 2, 4.1.1 Möte varje vecka (de första sex och efterföljande sex månaderna)",
  summary: "Aktiviteterna ligger inom deltagarens period, och perioden är högst 12 månader.",
  severities: ["error"],
  tolkning:
    "Källans två perioder om sex månader ger den längsta perioden, 12 tjänstemånader från startdatum.",
  params: {
    månader: { default: 12, description: "längsta period i tjänstemånader" },
  },
  check(context) {
    const { participant, periodStart, periodEnd } = context;
    const end = participant.end;
    const hits: RuleHit[] = [];
    for (const a of context.activities) {
      if (a.date >= periodStart && (end === null || a.date <= end)) continue;
      const period = `${periodStart} – ${end ?? "(inget slutdatum)"}`;
      hits.push({
        severity: "error",
        refs: a.refs.length > 0 ? a.refs : participant.refs.slice(0, 1),
        from: a.date,
        to: a.date,
        message: `${a.date}: ”${a.text.trim()}” ligger utanför perioden ${period}.`,
      });
    }
    const months = Math.max(1, Math.round(context.params.månader));
    const lastAllowed = addDays(addMonths(periodStart, months), -1);
    if (periodEnd !== null && periodEnd > lastAllowed) {
      const from = addDays(lastAllowed, 1);
      const what = end === null ? "sista planerade dag" : "slutdatum";
      hits.push({
        severity: "error",
        refs: [...participant.refs.slice(0, 1), ...windowRefs(context, from, periodEnd)],
        from,
        to: periodEnd,
        message: `Perioden ${periodStart} – ${periodEnd} (${what}) är längre än ${months} månader; månad ${months} slutar ${lastAllowed}.`,
      });
    }
    return hits;
  },
});
