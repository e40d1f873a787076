/**
 * SAI.ARBETSPLATS50 — Nacka kundvalsrutiner 2023, 2.3.1 Arbetsintroduktion – arbetsförlagd
 * språkträning: "Den arbetsplatsförlagda delen av insatsen kan starta i låg omfattning för att
 * sedan successivt utökas till 50%."
 *
 * A warning for every ISO week of the period (up to the planning horizon) whose planned hours of
 * workplace language training (activities coded "spraktraning") exceed 50 % of full time.
 *
 * Tolkning: 50 % of full time (Inställningar "Heltid timmar"), scaled like AMI.HELTID by the
 * week's working days (× working days / 5) in weeks with public holidays or partly outside the
 * period.
 */
import { decimalText } from "../../domain/numbers";
import { periodWeeks, sumHours, weekName } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource } from "./util";

export const SAI_ARBETSPLATS50 = defineRule<{ andel: number }>({
  id: "SAI.ARBETSPLATS50",
  programmes: ["SAI"],
  source: amiSource("2.3.1 Arbetsintroduktion – arbetsförlagd språkträning"),
  summary: "Språkträning på arbetsplats högst 50 % av heltid per vecka.",
  severities: ["warning"],
  tolkning:
    "50 % av heltid, i veckor med helgdagar (eller delvis utanför perioden) räknat om efter " +
    "veckans arbetsdagar: × arbetsdagar / 5.",
  params: {
    andel: {
      default: 50,
      description: "högsta andel av heltid för språkträning på arbetsplats, %",
    },
  },
  check(context) {
    const hits: RuleHit[] = [];
    for (const week of periodWeeks(context)) {
      const first = week.days[0];
      const last = week.days.at(-1);
      if (first === undefined || last === undefined || week.workingDays === 0) continue;
      const training = week.activities.filter((a) => a.category === "spraktraning");
      const hours = sumHours(training);
      const max = (context.fullTimeHours * context.params.andel * week.workingDays) / 500;
      if (hours <= max + 1e-9) continue;
      const scaled = week.workingDays === 5 ? "" : `, ${week.workingDays}/5 arbetsdagar`;
      hits.push({
        severity: "warning",
        refs: training.flatMap((a) => a.refs.slice(0, 1)),
        from: first,
        to: last,
        message: `Språkträning på arbetsplats ${weekName(week)}: ${decimalText(hours, 1)} h, mer än ${decimalText(context.params.andel, 1)} % av heltid (${decimalText(max, 1)} h${scaled}).`,
      });
    }
    return hits;
  },
});
