/**
 * AMI.AVSTAMNING — Nacka kundvalsrutiner 2023, 6.3.2 Uppföljning av kundens aktiviteter:
 * "Anordnaren ska regelbundet minst en gång per månad stämma av genomförandeplanen tillsammans
 * med kund."
 *
 * Every calendar month of the period (up to the planning horizon) has an avstämning: an activity
 * coded "avstamning" that was not missed, or a Händelser event "avstämning genomförandeplan".
 * A month without one is a warning (naming a planned avstämning the participant was absent
 * from). Snart: the current month's last day, when no avstämning has been held in it yet.
 *
 * Tolkning: a calendar month with fewer than 14 days inside the judged period (a start or end
 * late or early in the month) is not judged; the first avstämning then falls in the next month.
 */
import { daysBetween } from "../../domain/calendar";
import { firstDayOf, lastDayOf, maxDate, minDate, yearMonthOf } from "../../domain/date";
import { absenceText, isAbsent, snart, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventsOf, monthsBetween } from "./util";

const MIN_DAYS = 14;

export const AMI_AVSTAMNING = defineRule<{ antal: number }>({
  id: "AMI.AVSTAMNING",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("6.3.2 Uppföljning av kundens aktiviteter"),
  summary: "Genomförandeplanen stäms av tillsammans med kunden minst en gång per kalendermånad.",
  severities: ["warning", "info"],
  tolkning:
    "En kalendermånad med färre än 14 dagar inom perioden (start eller slut i månaden) prövas inte.",
  params: {
    antal: { default: 1, description: "minsta antal avstämningar av genomförandeplanen per månad" },
  },
  check(context) {
    const { periodStart, horizon, idag } = context;
    if (horizon === null) return [];
    const needed = Math.max(1, Math.round(context.params.antal));
    const events = eventsOf(context, "avstämning genomförandeplan");
    const planned = context.activities.filter((a) => a.category === "avstamning");
    const hits: RuleHit[] = [];
    for (const month of monthsBetween(periodStart, horizon)) {
      const from = maxDate(firstDayOf(month), periodStart);
      const to = minDate(lastDayOf(month), horizon);
      if (daysBetween(from, to) + 1 < MIN_DAYS) continue;
      const inMonth = planned.filter((a) => a.date >= from && a.date <= to);
      const held =
        inMonth.filter((a) => !isAbsent(a)).length +
        events.filter((e) => e.date >= from && e.date <= to).length;
      if (held >= needed) continue;
      const missed = inMonth.filter(isAbsent);
      const absence =
        missed.length > 0
          ? ` Planerad avstämning hölls inte: ${missed.map(absenceText).join(", ")}.`
          : "";
      const what = held === 0 ? "Ingen avstämning" : `${held} avstämning${held === 1 ? "" : "ar"}`;
      hits.push({
        severity: "warning",
        refs: [...windowRefs(context, from, to), ...missed.flatMap((a) => a.refs.slice(0, 1))],
        from,
        to,
        message: `${what} av genomförandeplanen med kunden i ${month} (${from} – ${to}). Krav: minst ${needed} per månad.${absence}`,
      });
    }

    // Snart: the current month's last day, when nothing has been held in it yet.
    const month = yearMonthOf(idag);
    const monthEnd = lastDayOf(month);
    const from = maxDate(firstDayOf(month), periodStart);
    if (from <= idag && (context.periodEnd === null || monthEnd <= context.periodEnd)) {
      const heldSoFar =
        planned.some((a) => !isAbsent(a) && a.date >= from && a.date <= idag) ||
        events.some((e) => e.date >= from && e.date <= idag);
      if (!heldSoFar) {
        const next = planned.find((a) => !isAbsent(a) && a.date > idag && a.date <= monthEnd);
        const note = next === undefined ? "" : ` (planerad ${next.date})`;
        hits.push(
          ...snart(
            context,
            monthEnd,
            `Månadens avstämning av genomförandeplanen (${month}) senast ${monthEnd}${note}.`,
            windowRefs(context, idag, monthEnd),
          ),
        );
      }
    }
    return hits;
  },
});
