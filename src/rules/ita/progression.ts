/**
 * ITA.PROGRESSION — Introduktion till arbete 2018, 8 Progression: "Progression definieras som
 * en successiv ökning av deltagarens tid i tjänsten och/eller genomförande av arbetsprövning i
 * del 3."
 *
 * Over the full ISO weeks outside del 3 (up to the planning horizon), the scheduled hours per
 * week (all activities, as planned) must rise at least once in every 8 consecutive weeks: a
 * stretch of 8 or more weeks in which no week has more hours than the stretch's first week is
 * a warning, reported once per stretch with the weeks' cells. A stretch that starts at full
 * time (Inställningar heltid) needs no rise.
 *
 * Tolkning: the 8-week span is ours; the source gives no number. Del 3 is judged by
 * arbetsprövning instead (ITA.DEL3), as the source's "och/eller" allows.
 */
import { decimalText } from "../../domain/numbers";
import { addDays } from "../../domain/calendar";
import { periodWeeks, sumHours, weekName, type PeriodWeek } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { itaParts } from "./util";

export const ITA_PROGRESSION = defineRule<{ veckor: number }>({
  id: "ITA.PROGRESSION",
  programmes: ["ITA"],
  source: "Introduktion till arbete 2018, 8 Progression",
  summary: "Schemalagd tid per vecka ökar successivt utanför del 3.",
  severities: ["warning"],
  tolkning:
    "Källan anger inget antal veckor; katalogen kräver en ökning inom varje 8 veckor i följd (veckor med fler timmar än periodens första vecka). Del 3 prövas i stället genom arbetsprövning (ITA.DEL3). En period som börjar på heltid behöver ingen ökning.",
  params: {
    veckor: { default: 8, description: "veckor i följd utan ökning som ger en varning" },
  },
  check(context) {
    const span = Math.max(2, Math.round(context.params.veckor));
    const del3 = itaParts(context).find((p) => p.del === 3)?.from ?? null;
    const weeks = periodWeeks(context).filter(
      (w) => !w.partial && (del3 === null || w.monday < del3),
    );
    const hours = (w: PeriodWeek) => sumHours(w.activities);
    const hits: RuleHit[] = [];
    let run: PeriodWeek[] = [];
    let base = 0;
    const flush = () => {
      const first = run[0];
      const last = run.at(-1);
      if (first === undefined || last === undefined || run.length < span) return;
      if (base >= context.fullTimeHours) return;
      const n = run.length;
      hits.push({
        severity: "warning",
        refs: run.flatMap((w) => w.refs),
        from: first.days[0] ?? first.monday,
        to: last.days.at(-1) ?? last.sunday,
        message: `Ingen ökning av schemalagd tid på ${n} veckor (${weekName(first)} – ${weekName(last)}): högst ${decimalText(base)} timmar i veckan. Krav: successiv ökning av deltagarens tid i tjänsten (inom ${span} veckor).`,
      });
    };
    let previous: PeriodWeek | null = null;
    for (const week of weeks) {
      const h = hours(week);
      const consecutive = previous !== null && week.monday === addDays(previous.monday, 7);
      if (run.length === 0 || !consecutive || h > base) {
        flush();
        run = [week];
        base = h;
      } else {
        run.push(week);
      }
      previous = week;
    }
    flush();
    return hits;
  },
});
