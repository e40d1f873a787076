/**
 * ROM2.OMFATTNING — Rusta och matcha 2, 4.1 Individuellt schema: "Det individuella schemat ska
 * motsvara aktiviteter för den omfattning som Arbetsförmedlingen har bedömt att deltagaren ska
 * delta i tjänsten." and 4.4: "motsvara den omfattning som deltagaren är anvisad
 * förmedlingsinsatser".
 *
 * The planned hours of every full week (all five weekdays inside the period and up to the
 * planning horizon) equal the participant's omfattning within the tolerance: hours per week,
 * or percent × full time (Inställningar "Heltid timmar", 40 h by default). Where the register
 * has an upptrappning ("från 2024-03-01 20 h"), the step in force on the week's Monday decides.
 * Tolkning: planned hours count every scheduled activity whatever its attendance (the rule is
 * about the plan); partial weeks are not judged; a week with a public holiday is not scaled
 * (the catalog does not ask for it) — the message says that the week has a holiday.
 */
import { decimalText } from "../../domain/numbers";
import type { IsoDate } from "../../domain/date";
import { holidayName } from "../../domain/holidays";
import type { Participant } from "../../domain/model";
import { periodWeeks, sumHours, upptrappningOn } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { veckaName } from "./util";

/** The weekly hours the participant is to be planned for on a date, with how it was given. */
function target(
  participant: Participant,
  date: IsoDate,
  fullTime: number,
): { hours: number; text: string } | null {
  const step = upptrappningOn(participant, date);
  if (step !== null) {
    return { hours: step.hoursPerWeek, text: `upptrappning från ${step.from}` };
  }
  const o = participant.omfattning;
  if (o === null) return null;
  if (o.hoursPerWeek !== null) return { hours: o.hoursPerWeek, text: "" };
  if (o.percent !== null) {
    return {
      hours: (o.percent / 100) * fullTime,
      text: `${decimalText(o.percent)} % av ${decimalText(fullTime)} h`,
    };
  }
  return null;
}

export const ROM2_OMFATTNING = defineRule<{ tolerans: number }>({
  id: "ROM2.OMFATTNING",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.1 Individuellt schema; 4.4",
  summary:
    "De planerade timmarna varje hel vecka motsvarar deltagarens omfattning (timmar per vecka eller procent av heltid).",
  severities: ["warning"],
  tolkning:
    "Alla schemalagda aktiviteter räknas, oavsett närvaro; bara hela veckor prövas; en vecka med helgdag skalas inte om.",
  params: {
    tolerans: {
      default: 10,
      description: "tillåten avvikelse (%) från omfattningen per vecka",
    },
  },
  check(context) {
    const { participant, periodStart } = context;
    const hits: RuleHit[] = [];
    for (const week of periodWeeks(context)) {
      const first = week.days[0];
      const last = week.days.at(-1);
      if (week.partial || first === undefined || last === undefined) continue;
      const goal = target(participant, week.monday, context.fullTimeHours);
      if (goal === null) continue;
      const planned = sumHours(
        week.activities.filter((a) => a.date >= periodStart && a.date <= week.sunday),
      );
      const margin = (goal.hours * context.params.tolerans) / 100;
      const low = goal.hours - margin;
      const high = goal.hours + margin;
      if (planned >= low - 1e-9 && planned <= high + 1e-9) continue;
      const holidays = week.days.flatMap((d) => {
        const name = holidayName(d);
        return name === null ? [] : [`${name} ${d}`];
      });
      const holidayNote = holidays.length > 0 ? ` Veckan har helgdag: ${holidays.join(", ")}.` : "";
      hits.push({
        severity: "warning",
        refs: week.refs,
        from: first,
        to: last,
        message: `${veckaName(week)}: ${decimalText(planned)} h planerat. Omfattning: ${decimalText(goal.hours)} h per vecka${goal.text === "" ? "" : ` (${goal.text})`}, tolerans ±${decimalText(context.params.tolerans)} % (${decimalText(low)}–${decimalText(high)} h).${holidayNote}`,
      });
    }
    return hits;
  },
});
