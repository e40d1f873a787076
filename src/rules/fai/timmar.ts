/**
 * FAI1.TIMMAR — FAI bilaga 2024, 3.2 Omfattning och innehåll av arbetsprövningen: "Kund ska
 * kunna delta i verksamheten från start minst 10 timmar i veckan som sedan utökas utifrån
 * kunds förutsättningar och karriärvägledarens bedömning i samråd med anordnare."
 *
 * Every ISO week of the period (up to the planning horizon) has at least 10 hours of
 * arbetsprövning (category "arbetsprovning") from the first week on. Less than that planned is
 * an error; in a partial week (or a week with a public holiday or eve on a weekday) a warning.
 * Enough planned but fewer hours held because the participant was absent is a warning naming
 * the absences.
 *
 * Tolkning: "arbetsprövning" is only the category arbetsprövning (other FAI activities do not
 * count); a week shortened by a holiday is judged like a partial week.
 */
import { decimalText } from "../../domain/numbers";
import { absenceText, isAbsent, periodWeeks, sumHours, weekName } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import {} from "./util";

export const FAI1_TIMMAR = defineRule<{ timmar: number }>({
  id: "FAI1.TIMMAR",
  programmes: ["FAI1"],
  source: "FAI bilaga 2024, 3.2 Omfattning och innehåll av arbetsprövningen",
  summary: "Minst 10 timmar arbetsprövning varje vecka från start.",
  severities: ["error", "warning"],
  tolkning:
    "Bara aktiviteter i kategorin arbetsprövning räknas. En delvis vecka i början eller slutet av perioden, och en vecka med helgdag på en vardag, ger en varning i stället för ett fel.",
  params: {
    timmar: { default: 10, description: "minsta antal timmar arbetsprövning per vecka" },
  },
  check(context) {
    const min = context.params.timmar;
    const hits: RuleHit[] = [];
    for (const week of periodWeeks(context)) {
      const first = week.days[0];
      const last = week.days.at(-1);
      if (first === undefined || last === undefined) continue;
      const work = week.activities.filter(
        (a) => a.category === "arbetsprovning" && a.date >= first && a.date <= last,
      );
      const planned = sumHours(work);
      const missed = work.filter(isAbsent);
      const held = planned - sumHours(missed);
      if (held >= min) continue;
      const short = week.partial || week.workingDays < week.days.length;
      const partial = week.partial ? ` (delvis vecka ${first} – ${last})` : "";
      const absence =
        missed.length > 0 ? ` Ej genomfört: ${missed.map(absenceText).join(", ")}.` : "";
      const figure =
        planned >= min
          ? `${decimalText(planned)} timmar planerade, ${decimalText(held)} genomförda`
          : `${decimalText(planned)} timmar`;
      hits.push({
        severity: planned < min && !short ? "error" : "warning",
        refs: week.refs.length > 0 ? week.refs : context.participant.refs.slice(0, 1),
        from: first,
        to: last,
        message: `Arbetsprövning ${weekName(week)}${partial}: ${figure}. Krav: minst ${decimalText(min)} timmar i veckan från start.${absence}`,
      });
    }
    return hits;
  },
});
