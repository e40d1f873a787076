/**
 * FAI.OGILTIG — FAI bilaga 2024, 2.3 Ogiltig frånvaro inom FAI: "Om en kund inte deltar i
 * verksamheten eller missar möten … och om kunden inte tar kontakt med anordnaren, förväntas
 * anordnaren göra försök att nå kunden samma dag eller senast nästa dag. Om anordnaren inte
 * kan nå kunden, bör anordnaren snarast informera den aktuella karriärvägledaren …"
 *
 * For each day with ogiltig frånvaro (an activity recorded frånvarande with a reason
 * containing "ogiltig"): a contact attempt — event "kontaktförsök" or "kontakt", or an activity
 * of category "kontaktforsok"/"kontakt" — the same day or up to N days after. When the attempts
 * in that window are only "kontaktförsök" (nobody reached), the karriärvägledare is informed —
 * event "meddelat karriärvägledare", or the absence's reported date — no later than N days
 * after the first attempt. Either missing once its deadline has passed is an error; Snart:
 * an info for the contact deadline.
 *
 * Tolkning: a "kontakt" event means the participant was reached, a "kontaktförsök" alone that
 * the attempt failed; "snarast" is read with the same N days as the contact attempt.
 */
import { addDays } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import type { Activity, SourceRef } from "../../domain/model";
import { snart } from "../helpers";
import { defineRule, type RuleHit } from "../types";

interface Contact {
  date: IsoDate;
  reached: boolean;
  refs: SourceRef[];
}

export const FAI_OGILTIG = defineRule<{ dagar: number }>({
  id: "FAI.OGILTIG",
  programmes: ["FAI1", "FAI2"],
  source: "FAI bilaga 2024, 2.3 Ogiltig frånvaro inom FAI",
  summary:
    "Vid ogiltig frånvaro: kontaktförsök samma dag eller nästa dag, och karriärvägledaren informeras om kunden inte nås.",
  severities: ["error", "info"],
  tolkning:
    "Händelsen ”Kontakt” betyder att kunden nåddes, ”Kontaktförsök” ensamt att försöket misslyckades. ”Snarast” läses som samma frist som kontaktförsöket: senast nästa dag efter första försöket.",
  params: {
    dagar: { default: 1, description: "dagar efter frånvarodagen för kontaktförsök" },
  },
  check(context) {
    const n = Math.max(0, Math.round(context.params.dagar));
    const contacts: Contact[] = [
      ...context.events
        .filter((e) => e.kind === "kontaktförsök" || e.kind === "kontakt")
        .map((e) => ({ date: e.date, reached: e.kind === "kontakt", refs: e.refs })),
      ...context.activities
        .filter((a) => a.category === "kontaktforsok" || a.category === "kontakt")
        .map((a) => ({ date: a.date, reached: a.category === "kontakt", refs: a.refs })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const informed = context.events.filter((e) => e.kind === "meddelat karriärvägledare");

    const byDate = new Map<IsoDate, Activity[]>();
    for (const a of context.activities) {
      if (a.attendance?.status !== "frånvarande") continue;
      if (!/ogiltig/i.test(a.attendance.reason ?? "")) continue;
      byDate.set(a.date, [...(byDate.get(a.date) ?? []), a]);
    }

    const hits: RuleHit[] = [];
    for (const [date, missed] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const refs = missed.flatMap((a) => a.refs.slice(0, 1));
      const deadline = addDays(date, n);
      const tries = contacts.filter((c) => c.date >= date && c.date <= deadline);
      const first = tries[0];
      if (first === undefined) {
        if (deadline < context.idag) {
          hits.push({
            severity: "error",
            refs,
            from: date,
            to: deadline,
            message: `Ogiltig frånvaro ${date}: inget kontaktförsök samma dag eller senast ${deadline}.`,
          });
        } else {
          hits.push(
            ...snart(
              context,
              deadline,
              `Kontaktförsök efter ogiltig frånvaro ${date} senast ${deadline}.`,
              refs,
            ),
          );
        }
        continue;
      }
      if (tries.some((c) => c.reached)) continue;
      const informBy = addDays(first.date, n);
      const told =
        informed.some((e) => e.date >= date && e.date <= informBy) ||
        missed.some((a) => {
          const reported = a.attendance?.reportedDate ?? null;
          return reported !== null && reported >= date && reported <= informBy;
        });
      if (!told && informBy < context.idag) {
        hits.push({
          severity: "error",
          refs: [...refs, ...first.refs.slice(0, 1)],
          from: date,
          to: informBy,
          message: `Ogiltig frånvaro ${date}: kontaktförsöket ${first.date} nådde inte kunden, men karriärvägledaren informerades inte (senast ${informBy}).`,
        });
      }
    }
    return hits;
  },
});
