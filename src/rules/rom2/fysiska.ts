/**
 * ROM2.FYSISKA — Rusta och matcha 2, 4.1.1 Möte varje vecka: "Minst hälften (varannan gång)
 * av de möten som anordnas ska vara fysiska möten med deltagarna, resterande möten kan utföras
 * som eget arbete (på distans) och/eller som en aktivitet hos leverantören".
 *
 * Of the weeks (up to the planning horizon) that have an occasion of a valbar aktivitet
 * (categories 1–8), at least half have one held physically at the provider (mode "hos
 * leverantör", på plats; "distans med handledare" and "eget arbete" are not physical). A week
 * counts once (catalog's Tolkning). The share is cumulative from startdatum and judged over the
 * whole judged range; "hälften" is rounded down, so that
 * "varannan gång" is met also when the period starts with a distance week (1 of 3 weeks).
 * Also a warning for each run of two or more consecutive such weeks with no physical occasion.
 * A physical occasion not held because the participant was absent does not count; when it
 * would have met the share, the error becomes a warning naming the absence.
 */
import { addDays } from "../../domain/calendar";
import { absenceText, isAbsent, periodWeeks, type PeriodWeek } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { isValbar, judgedEnd, veckaName } from "./util";

export const ROM2_FYSISKA = defineRule<{ andel: number }>({
  id: "ROM2.FYSISKA",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.1.1 Möte varje vecka",
  summary:
    "Minst hälften (varannan gång) av veckorna med valbara aktiviteter har ett fysiskt möte hos leverantören.",
  severities: ["error", "warning"],
  tolkning:
    "Källan talar om veckans möten, så en vecka räknas en gång: minst hälften av veckorna med valbara aktiviteter ska ha ett tillfälle på plats hos leverantören, räknat från startdatum (hälften avrundat nedåt, så att varannan gång godtas även när perioden börjar med distans). Två veckor i följd utan fysiskt möte ger en varning.",
  params: {
    andel: {
      default: 50,
      description:
        "minsta andel (%) av veckorna med valbara aktiviteter som ska ha ett fysiskt möte",
    },
  },
  check(context) {
    const last = judgedEnd(context);
    if (last === null) return [];
    const { periodStart } = context;
    const inRange = (w: PeriodWeek) =>
      w.activities.filter((a) => isValbar(a) && a.date >= periodStart && a.date <= last);
    const weeks = periodWeeks(context)
      .map((week) => {
        const valbara = inRange(week);
        const onSite = valbara.filter((a) => a.mode === "hos leverantör");
        return {
          week,
          valbara,
          physical: onSite.some((a) => !isAbsent(a)),
          missed: onSite.filter(isAbsent),
        };
      })
      .filter((w) => w.valbara.some((a) => !isAbsent(a)) || w.missed.length > 0);
    const hits: RuleHit[] = [];
    const first = weeks[0];
    const lastWeek = weeks.at(-1);
    if (first === undefined || lastWeek === undefined) return [];

    const physical = weeks.filter((w) => w.physical).length;
    const required = Math.floor((weeks.length * context.params.andel) / 100);
    if (physical < required) {
      const without = weeks.filter((w) => !w.physical);
      const missed = without.flatMap((w) => w.missed);
      const couldHave = physical + without.filter((w) => w.missed.length > 0).length >= required;
      const absence =
        missed.length > 0
          ? ` Planerat fysiskt möte hölls inte: ${missed.map(absenceText).join(", ")}.`
          : "";
      const share = Math.round((physical / weeks.length) * 100);
      hits.push({
        severity: missed.length > 0 && couldHave ? "warning" : "error",
        refs: without.flatMap((w) => w.week.refs),
        from: first.week.days[0] ?? first.week.monday,
        to: lastWeek.week.days.at(-1) ?? lastWeek.week.sunday,
        message: `${physical} av ${weeks.length} veckor med valbara aktiviteter har ett fysiskt möte hos leverantören (${share} %). Krav: minst ${context.params.andel} % (varannan gång).${absence}`,
      });
    }

    // Runs of consecutive calendar weeks with occasions but no physical one.
    let run: typeof weeks = [];
    const flush = () => {
      const a = run[0];
      const b = run.at(-1);
      if (run.length >= 2 && a !== undefined && b !== undefined) {
        hits.push({
          severity: "warning",
          refs: run.flatMap((w) => w.week.refs),
          from: a.week.days[0] ?? a.week.monday,
          to: b.week.days.at(-1) ?? b.week.sunday,
          message: `${veckaName(a.week)} – ${veckaName(b.week).toLowerCase()}: inget fysiskt möte hos leverantören ${run.length} veckor i följd. Krav: minst varannan gång ett fysiskt möte.`,
        });
      }
      run = [];
    };
    for (const w of weeks) {
      const prev = run.at(-1);
      const adjacent = prev !== undefined && addDays(prev.week.monday, 7) === w.week.monday;
      if (!w.physical) {
        if (prev !== undefined && !adjacent) flush();
        run.push(w);
      } else flush();
    }
    flush();
    return hits;
  },
});
