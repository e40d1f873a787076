/**
 * AMI.OGILTIG — Nacka kundvalsrutiner 2023, 3.6.4 Ogiltig frånvaro: "Är kund inte tillgänglig
 * vid kontaktförsök efter tre försök eller uteblir från ett möte eller från sin arbetsplats utan
 * att meddela sig behöver anordnare meddela detta via verksamhetssystemet samma dag eller dagen
 * därpå. Glöm ej uppge datum för frånvaro och kontaktförsök."
 *
 * Every day with an activity recorded as ogiltig frånvaro is reported to the karriärvägledare
 * no later than the next day: the activity's reported date, or else a Händelser event
 * "meddelat karriärvägledare" on or after the absence whose Avser is empty or that date. Late:
 * error naming both dates. Not reported after the deadline: error. Not reported with the deadline
 * within three days: info (Snart).
 *
 * Tolkning: "dagen därpå" is the next calendar day, also over a weekend.
 */
import { addDays, daysBetween } from "../../domain/calendar";
import { parseDateText, type IsoDate } from "../../domain/date";
import { isAbsent, snart } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { absenceKind, activitiesByDay, amiSource, eventsOf } from "./util";

export const AMI_OGILTIG = defineRule<{ dagar: number }>({
  id: "AMI.OGILTIG",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("3.6.4 Ogiltig frånvaro"),
  summary:
    "Ogiltig frånvaro meddelas karriärvägledaren samma dag eller dagen därpå (meddelat ≤ frånvarodag + 1).",
  severities: ["error", "info"],
  tolkning: '"Dagen därpå" är nästa kalenderdag, även över en helg.',
  params: {
    dagar: {
      default: 1,
      description: "dagar efter frånvarodagen då karriärvägledaren senast ska ha meddelats",
    },
  },
  check(context) {
    // Only a recorded absence can be ogiltig: most participants have none to look at by day.
    if (!context.activities.some(isAbsent)) return [];
    const allowed = Math.max(0, Math.round(context.params.dagar));
    const told = eventsOf(context, "meddelat karriärvägledare");
    const hits: RuleHit[] = [];
    for (const [date, acts] of activitiesByDay(context.activities)) {
      if (!acts.some(isAbsent)) continue;
      const ogiltig = acts.filter((a) => absenceKind(a) === "ogiltig");
      if (ogiltig.length === 0) continue;
      const deadline = addDays(date, allowed);
      const dates = ogiltig
        .map((a) => a.attendance?.reportedDate ?? null)
        .filter((d): d is IsoDate => d !== null)
        .sort();
      const event = told.find(
        (e) => e.date >= date && (e.avser === null || parseDateText(e.avser) === date),
      );
      const reported = dates[0] ?? event?.date ?? null;
      const refs = ogiltig.flatMap((a) => a.refs.slice(0, 1));
      if (reported !== null) {
        if (reported > deadline) {
          const late = daysBetween(deadline, reported);
          hits.push({
            severity: "error",
            refs: [...refs, ...(event?.date === reported ? event.refs.slice(0, 1) : [])],
            from: date,
            to: reported,
            message: `Ogiltig frånvaro ${date} meddelades karriärvägledaren ${reported}, ${late} ${late === 1 ? "dag" : "dagar"} efter fristen ${deadline}.`,
          });
        }
      } else if (deadline < context.idag) {
        hits.push({
          severity: "error",
          refs,
          from: date,
          to: deadline,
          message: `Ogiltig frånvaro ${date} är inte meddelad karriärvägledaren; fristen var ${deadline}.`,
        });
      } else {
        hits.push(
          ...snart(
            context,
            deadline,
            `Ogiltig frånvaro ${date} ska meddelas karriärvägledaren senast ${deadline}.`,
            refs,
          ),
        );
      }
    }
    return hits;
  },
});
