/**
 * ROM2.FRAMFORHALLNING — Rusta och matcha 2, 4.4 Individuellt schema: "Det individuella schemat
 * ska även … på kort sikt, 1-4 veckor fram i tiden, ge en mer detaljerad bild av vilka
 * aktiviteter deltagaren ska utföra eller medverka i".
 *
 * On the reference date (idag): every working day of the next 7 days (idag … idag + 6, inside
 * the period) has activities — else an error naming the unplanned days; else, a warning when
 * less than 2 weeks ahead is planned (the plan ends before idag + 13 and before slutdatum);
 * else an info naming how far ahead is planned. Tolkning (the catalog has none for these
 * details): "the next 7 days" include idag; Swedish public holidays and weekends need no plan;
 * a day counts as planned when any activity stands on it, whatever its attendance; the 4 weeks
 * are the source's upper figure, shown in the info. Nothing is said before startdatum's week
 * comes within reach or after the period.
 */
import { addDays, daysBetween, eachDay } from "../../domain/calendar";
import { isWorkingDay } from "../../domain/holidays";
import { windowRefs } from "../helpers";
import { defineRule } from "../types";

export const ROM2_FRAMFORHALLNING = defineRule<{
  kortSikt: number;
  varning: number;
  detalj: number;
}>({
  id: "ROM2.FRAMFORHALLNING",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.4 Individuellt schema",
  summary:
    "Schemat visar de närmaste 1–4 veckorna i detalj: nästa vecka ska vara planerad, minst 2 veckor framåt bör vara det.",
  severities: ["error", "warning", "info"],
  tolkning:
    "”Nästa vecka” är idag och de följande 6 dagarna; varje vardag som inte är helgdag ska ha aktiviteter. En dag räknas som planerad när någon aktivitet står på den.",
  params: {
    kortSikt: { default: 1, description: "veckor framåt där varje vardag ska vara planerad" },
    varning: { default: 2, description: "veckor framåt som bör vara planerade" },
    detalj: { default: 4, description: "veckor framåt som schemat högst behöver visa i detalj" },
  },
  check(context) {
    const { idag, periodStart, periodEnd, params } = context;
    if (periodEnd !== null && idag > periodEnd) return [];
    const end = (weeks: number) => {
      const to = addDays(idag, Math.max(1, Math.round(weeks * 7)) - 1);
      return periodEnd !== null && periodEnd < to ? periodEnd : to;
    };
    const from = idag < periodStart ? periodStart : idag;
    const shortEnd = end(params.kortSikt);
    if (from > shortEnd) return [];
    const plannedDays = new Set(context.activities.map((a) => a.date));
    const unplanned = eachDay(from, shortEnd).filter((d) => isWorkingDay(d) && !plannedDays.has(d));
    const first = unplanned[0];
    const last = unplanned.at(-1);
    if (first !== undefined && last !== undefined) {
      return [
        {
          severity: "error",
          refs: windowRefs(context, from, shortEnd),
          from: first,
          to: last,
          message: `Inget planerat ${unplanned.join(", ")}. Krav: varje vardag ${from} – ${shortEnd} ska vara planerad (4.4: 1–4 veckor fram i tiden i detalj).`,
        },
      ];
    }
    const horizon = context.horizon ?? idag;
    const ahead = daysBetween(idag, horizon);
    const warnEnd = end(params.varning);
    if (horizon < warnEnd) {
      return [
        {
          severity: "warning",
          refs: windowRefs(context, addDays(horizon, 1), warnEnd),
          from: addDays(horizon, 1),
          to: warnEnd,
          message: `Planerat t.o.m. ${horizon} (${ahead} dagar fram). Schemat bör visa minst ${params.varning} veckor framåt, till ${warnEnd}.`,
        },
      ];
    }
    return [
      {
        severity: "info",
        refs: windowRefs(context, idag, horizon),
        from: idag,
        to: horizon,
        message: `Planerat t.o.m. ${horizon} (${ahead} dagar fram; 4.4: detaljerad bild 1–${params.detalj} veckor fram i tiden).`,
      },
    ];
  },
});
