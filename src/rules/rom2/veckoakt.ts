/**
 * ROM2.VECKOAKT — Rusta och matcha 2, 4.1.1 Möte varje vecka: "de första sex (6) månaderna ska
 * leverantören för varje deltagare planera och tillhandahålla aktiviteter vid minst ett (1)
 * tillfälle en gång i veckan, minst en (1) timme per vecka" and "efterföljande sex (6) månader
 * … minst två (2) timmar per vecka".
 *
 * Every ISO week of the period (up to the planning horizon) has at least one occasion of a
 * valbar aktivitet (categories 1–8) and their hours sum to at least 1 h in service months 1–6,
 * 2 h from month 7. The service month that contains the week's Monday decides (the first
 * week's Monday may lie before startdatum: month 1). All modes count (catalog's Tolkning).
 * A week only partly inside the judged range gives a warning, not an error. Activities
 * recorded as absent do not count; when they would have met the requirement the finding is a
 * warning naming the absence. Public holidays do not scale the 1 h / 2 h minimums.
 */
import { decimalText } from "../../domain/numbers";
import { serviceMonth } from "../../domain/calendar";
import { absenceText, isAbsent, periodWeeks, sumHours } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { isValbar, judgedEnd, ROM2_MIN_HOURS_FIRST, ROM2_MIN_HOURS_LATER, veckaName } from "./util";

export const ROM2_VECKOAKT = defineRule<{
  timmarFörsta: number;
  timmarSedan: number;
  månadsgräns: number;
}>({
  id: "ROM2.VECKOAKT",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.1.1 Möte varje vecka",
  summary:
    "Varje vecka minst ett tillfälle med valbara aktiviteter, minst 1 h per vecka månad 1–6 och minst 2 h per vecka därefter.",
  severities: ["error", "warning"],
  tolkning:
    "Alla former räknas (hos leverantör, distans, eget arbete), eftersom källan låter resterande möten vara ”eget arbete (på distans)”. Den tjänstemånad som veckans måndag ligger i avgör kravet.",
  params: {
    timmarFörsta: {
      default: ROM2_MIN_HOURS_FIRST,
      description: "minsta antal timmar valbara aktiviteter per vecka de första månaderna",
    },
    timmarSedan: {
      default: ROM2_MIN_HOURS_LATER,
      description: "minsta antal timmar valbara aktiviteter per vecka efter månadsgränsen",
    },
    månadsgräns: {
      default: 6,
      description: "sista tjänstemånaden med det lägre timkravet",
    },
  },
  check(context) {
    const last = judgedEnd(context);
    if (last === null) return [];
    const { periodStart, params } = context;
    const hits: RuleHit[] = [];
    for (const week of periodWeeks(context)) {
      const first = week.days[0];
      const end = week.days.at(-1);
      if (first === undefined || end === undefined) continue;
      const month =
        serviceMonth(periodStart, week.monday < periodStart ? periodStart : week.monday) ?? 1;
      const early = month <= params.månadsgräns;
      const required = early ? params.timmarFörsta : params.timmarSedan;
      const months = early
        ? `månad 1–${params.månadsgräns}`
        : `månad ${params.månadsgräns + 1}–${2 * params.månadsgräns}`;
      const valbara = week.activities.filter(
        (a) => isValbar(a) && a.date >= periodStart && a.date <= last,
      );
      const held = valbara.filter((a) => !isAbsent(a));
      const missed = valbara.filter(isAbsent);
      const hours = sumHours(held);
      if (held.length > 0 && hours >= required) continue;

      const found =
        held.length === 0
          ? "inga valbara aktiviteter"
          : `${decimalText(hours)} h valbara aktiviteter`;
      const partial = week.partial ? " Veckan ligger bara delvis inom perioden." : "";
      const absence =
        missed.length > 0
          ? ` Planerad aktivitet hölls inte: ${missed.map(absenceText).join(", ")}.`
          : "";
      const wouldHaveMet = missed.length > 0 && hours + sumHours(missed) >= required;
      hits.push({
        severity: week.partial || wouldHaveMet ? "warning" : "error",
        refs: [
          ...week.refs,
          ...held.flatMap((a) => a.refs.slice(0, 1)),
          ...missed.flatMap((a) => a.refs.slice(0, 1)),
        ],
        from: first,
        to: end,
        message: `${veckaName(week)}: ${found}. Krav: ${held.length === 0 ? "minst ett tillfälle och " : ""}minst ${decimalText(required)} h per vecka (${months}).${partial}${absence}`,
      });
    }
    return hits;
  },
});
