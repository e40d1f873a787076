/**
 * AMI.MANADSRAPPORT — Nacka kundvalsrutiner 2023, 6.4 Månadsrapportering: "Rapportering sker
 * varje månad som en kund är aktuell i en insats." "Anordnaren skickar in rapporten genom att
 * klarmarkera månadsrapporten." "Datum för månadsrapportering: 1:a-7:e klarmarkeras
 * månadsrapport i systemet".
 *
 * For every calendar month the participant is active in (startdatum's month to slutdatum's
 * month, never past idag), a Händelser event "månadsrapport klar" about that month is dated no
 * later than the 7th of the next month. Late: error naming both dates, at the event's cell.
 * Missing after the deadline: error at the month's cells. Missing with the deadline within three
 * days: info (Snart).
 *
 * Tolkning: a deadline on a Saturday, Sunday or holiday stays the 7th (the source names a date,
 * not a working day). An event without a readable "Avser" month is about the month before its
 * date.
 */
import { daysBetween } from "../../domain/calendar";
import { firstDayOf, lastDayOf, maxDate, minDate } from "../../domain/date";
import { reportDeadline } from "../../domain/requirements";
import { snart, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventMonth, eventsOf, monthsBetween } from "./util";

export const AMI_MANADSRAPPORT = defineRule<{ dag: number }>({
  id: "AMI.MANADSRAPPORT",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("6.4 Månadsrapport"),
  summary:
    "Månadsrapporten för varje månad i insatsen klarmarkeras senast den 7:e i följande månad.",
  severities: ["error", "info"],
  tolkning:
    "Fristen är den 7:e även när den infaller på en lördag, söndag eller helgdag. En händelse " +
    "utan läsbar månad i Avser gäller månaden före händelsens datum.",
  params: {
    dag: { default: 7, description: "sista dag i följande månad att klarmarkera månadsrapporten" },
  },
  check(context) {
    const { periodStart, periodEnd, idag } = context;
    const day = Math.min(28, Math.max(1, Math.round(context.params.dag)));
    const last = periodEnd === null ? idag : minDate(periodEnd, idag);
    if (last < periodStart) return [];
    const reports = eventsOf(context, "månadsrapport klar");
    // Each report's month read once (the first report of a month is the one that counts,
    // as the find over the reports gave it).
    const reportMonths = reports.map(eventMonth);
    const hits: RuleHit[] = [];
    for (const month of monthsBetween(periodStart, last)) {
      const deadline = reportDeadline(month, day);
      const from = maxDate(firstDayOf(month), periodStart);
      const to = periodEnd === null ? lastDayOf(month) : minDate(lastDayOf(month), periodEnd);
      const at = reportMonths.indexOf(month);
      const report = at === -1 ? undefined : reports[at];
      if (report !== undefined) {
        if (report.date > deadline) {
          const late = daysBetween(deadline, report.date);
          hits.push({
            severity: "error",
            refs: report.refs.slice(0, 1),
            from: report.date,
            to: report.date,
            message: `Månadsrapporten för ${month} klarmarkerades ${report.date}, ${late} ${late === 1 ? "dag" : "dagar"} efter fristen ${deadline} (1:a–${day}:e).`,
          });
        }
        continue;
      }
      if (deadline < idag) {
        hits.push({
          severity: "error",
          refs: windowRefs(context, from, to),
          from,
          to,
          message: `Månadsrapporten för ${month} är inte klarmarkerad; fristen var ${deadline}.`,
        });
      } else {
        hits.push(
          ...snart(
            context,
            deadline,
            `Månadsrapporten för ${month} ska klarmarkeras senast ${deadline}.`,
            windowRefs(context, from, to),
          ),
        );
      }
    }
    return hits;
  },
});
