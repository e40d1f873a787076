/**
 * FAI2.UPPTRAPPNING — FAI bilaga 2024, 4.4 Del- och heltidsplanering: "Kunder som beviljas
 * arbetsförberedande aktiviteter kan under de första tre månaderna successivt öka sin närvaro
 * i verksamhetens aktiviteter. De ska efter den perioden kunna komma upp i minst tio timmar
 * per vecka." … "förväntas under de tre sista månaderna av insatsen kunna delta i
 * verksamhetens aktiviteter på plats i minst 10 timmar per vecka".
 *
 * Per ISO week of the period (up to the planning horizon), with the week's service month taken
 * from its first day inside the period:
 * - months 1–3: weekly hours (all activities, held) that fall three weeks in a row (each full
 *   week lower than the one before) are a warning;
 * - from month 4: fewer than 10 hours a week is an error (partial week: warning);
 * - the last 3 months before slutdatum: fewer than 10 hours *på plats* is an error (partial
 *   week: warning).
 * Enough planned but too little held because of absences is a warning naming the absences.
 *
 * Tolkning: "successivt öka" is broken by three falls in a row (a single dip is allowed);
 * "på plats" is mode hos leverantör or arbetsplats; the last three months are
 * slutdatum − 3 months + 1 day … slutdatum and are judged only when slutdatum is set.
 */
import { decimalText } from "../../domain/numbers";
import { addDays, addMonths, serviceMonth } from "../../domain/calendar";
import type { Activity } from "../../domain/model";
import {
  absenceText,
  isAbsent,
  periodWeeks,
  sumHours,
  weekName,
  type PeriodWeek,
} from "../helpers";
import { defineRule, type RuleHit } from "../types";
import {} from "./util";

const onSite = (a: Activity) => a.mode === "hos leverantör" || a.mode === "arbetsplats";

export const FAI2_UPPTRAPPNING = defineRule<{ månader: number; timmar: number }>({
  id: "FAI2.UPPTRAPPNING",
  programmes: ["FAI2"],
  source: "FAI bilaga 2024, 4.4 Del- och heltidsplanering",
  summary:
    "Månad 1–3: tiden ökar successivt; från månad 4 minst 10 timmar i veckan; de tre sista månaderna minst 10 timmar i veckan på plats.",
  severities: ["error", "warning"],
  tolkning:
    "”Successivt öka” bryts när veckotimmarna sjunker tre veckor i rad (en enstaka nedgång godtas). ”På plats” är formen hos leverantör eller arbetsplats. De tre sista månaderna räknas bakåt från slutdatum och prövas bara när slutdatum finns.",
  params: {
    månader: {
      default: 3,
      description: "upptrappningsmånader i början och på plats-månader i slutet",
    },
    timmar: { default: 10, description: "minsta antal timmar i veckan efter upptrappningen" },
  },
  check(context) {
    const months = Math.max(1, Math.round(context.params.månader));
    const min = context.params.timmar;
    const end = context.participant.end;
    const lastFrom = end === null ? null : addDays(addMonths(end, -months), 1);
    const hits: RuleHit[] = [];
    const falling: { week: PeriodWeek; hours: number }[] = [];

    for (const week of periodWeeks(context)) {
      const first = week.days[0];
      const last = week.days.at(-1);
      if (first === undefined || last === undefined) continue;
      const acts = week.activities.filter((a) => a.date >= first && a.date <= last);
      const held = acts.filter((a) => !isAbsent(a));
      const month = serviceMonth(context.periodStart, first) ?? 1;

      if (month <= months) {
        // Three falls in a row among consecutive full weeks.
        if (week.partial) {
          falling.length = 0;
          continue;
        }
        const hours = sumHours(held);
        const previous = falling.at(-1);
        if (previous !== undefined && hours >= previous.hours) falling.length = 0;
        falling.push({ week, hours });
        if (falling.length === 4) {
          const start = falling[0];
          if (start !== undefined) {
            hits.push({
              severity: "warning",
              refs: falling.flatMap((f) => f.week.refs),
              from: start.week.days[0] ?? start.week.monday,
              to: last,
              message: `Tiden minskar tre veckor i rad under upptrappningen: ${falling.map((f) => `${weekName(f.week)} ${decimalText(f.hours)} h`).join(", ")}. Krav: successivt öka närvaron de första ${months} månaderna.`,
            });
          }
          falling.splice(0, falling.length - 1);
        }
        continue;
      }

      const checks: { acts: Activity[]; what: string }[] = [{ acts, what: "timmar" }];
      if (lastFrom !== null && last >= lastFrom) {
        checks.push({ acts: acts.filter(onSite), what: "timmar på plats" });
      }
      for (const { acts: counted, what } of checks) {
        const planned = sumHours(counted);
        const missed = counted.filter(isAbsent);
        const done = planned - sumHours(missed);
        if (done >= min) continue;
        const figure =
          planned >= min
            ? `${decimalText(planned)} ${what} planerade, ${decimalText(done)} genomförda`
            : `${decimalText(planned)} ${what}`;
        const partial = week.partial ? ` (delvis vecka ${first} – ${last})` : "";
        const absence =
          missed.length > 0 ? ` Ej genomfört: ${missed.map(absenceText).join(", ")}.` : "";
        const rule =
          what === "timmar"
            ? `minst ${decimalText(min)} timmar i veckan från månad ${months + 1}`
            : `minst ${decimalText(min)} timmar i veckan på plats de ${months} sista månaderna`;
        hits.push({
          severity: planned < min && !week.partial ? "error" : "warning",
          refs: week.refs.length > 0 ? week.refs : context.participant.refs.slice(0, 1),
          from: first,
          to: last,
          message: `${weekName(week)}${partial}: ${figure}. Krav: ${rule}.${absence}`,
        });
      }
    }
    return hits;
  },
});
