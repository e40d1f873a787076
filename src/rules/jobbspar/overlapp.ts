/**
 * JOBBSPAR.OVERLAPP — Jobbspår i samverkan, Lokala jobbspår: insatserna "ska kunna ges i följd
 * efter varandra och/eller parallellt."
 *
 * Parallel insatser are allowed, but together they must not fill more than full time. For
 * every ISO week in which two or more insatser (events "insats", see util.ts) run on the same
 * day, the hours of all the participant's activities that week are summed; more than the
 * limit is a warning naming the parallel insatser, pointing at the week's activity cells and
 * the insats events.
 *
 * Tolkning: activities are not tied to an insats, so the week's hours are all the
 * participant's scheduled hours that week (attended or not: it is the plan that is judged).
 */
import { decimalText } from "../../domain/numbers";
import { addDays, isoWeekOf, isoWeekStart } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { sumHours, weekName } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { insatser } from "./util";

export const JOBBSPAR_OVERLAPP = defineRule<{ timmar: number }>({
  id: "JOBBSPAR.OVERLAPP",
  programmes: ["JOBBSPAR"],
  source: "Jobbspår i samverkan, Lokala jobbspår",
  summary: "Parallella insatser har tillsammans högst 40 timmar i veckan.",
  severities: ["warning"],
  tolkning:
    "Aktiviteterna är inte knutna till en insats, så veckans timmar är alla deltagarens schemalagda timmar den veckan; regeln prövar bara veckor där minst två insatser pågår samma dag.",
  params: {
    timmar: { default: 40, description: "högsta antal timmar i veckan för parallella insatser" },
  },
  check(context) {
    const limit = context.params.timmar;
    const chain = insatser(context);
    const first = chain[0];
    if (first === undefined) return [];
    let last = first.to;
    for (const i of chain) if (i.to > last) last = i.to;
    const hits: RuleHit[] = [];
    const w = isoWeekOf(first.from);
    let monday: IsoDate = isoWeekStart(w.year, w.week) ?? first.from;
    while (monday <= last) {
      const sunday = addDays(monday, 6);
      const parallel = new Set<number>();
      chain.forEach((a, i) => {
        chain.forEach((b, j) => {
          if (j <= i) return;
          const from = [a.from, b.from, monday].sort().at(-1) ?? monday;
          const to = [a.to, b.to, sunday].sort()[0] ?? sunday;
          if (from <= to) {
            parallel.add(i);
            parallel.add(j);
          }
        });
      });
      if (parallel.size >= 2) {
        const week = context.activities.filter((a) => a.date >= monday && a.date <= sunday);
        const hours = sumHours(week);
        if (hours > limit) {
          const named = chain.filter((_, i) => parallel.has(i));
          const { year, week: isoWeek } = isoWeekOf(monday);
          hits.push({
            severity: "warning",
            refs: [
              ...week.flatMap((a) => a.refs.slice(0, 1)),
              ...named.flatMap((i) => i.event.refs.slice(0, 1)),
            ],
            from: monday,
            to: sunday,
            message: `Parallella insatser ${weekName({ isoYear: year, isoWeek })} (${named.map((i) => i.name).join(", ")}): ${decimalText(hours)} timmar planerade. Högst ${decimalText(limit)} timmar i veckan.`,
          });
        }
      }
      monday = addDays(monday, 7);
    }
    return hits;
  },
});

/** 37.5 → "37,5". */
