/**
 * AMI.KONTAKT — Nacka kundvalsrutiner 2023, 3.3 Kundkontakt: "Anordnare inom kundval
 * arbetsmarknadsinsatser förväntas ha kontakt med kund minst en gång per vecka, i första hand
 * via personliga möten."
 *
 * Every ISO week of the period (up to the planning horizon) has a contact with the participant:
 * an activity coded "mote", "uppfoljning" or "avstamning" (a personal meeting unless its mode is
 * distans or eget arbete), or "kontakt" (telefon, digitalt: a contact, not a personal meeting),
 * or a Händelser event "kontakt". "kontaktforsok" is not a contact. A week without one is an
 * error; a partial week, or a week whose planned contact was missed because the participant was
 * absent, is a warning. A week whose contacts are all non-personal is a warning. Snart: the
 * current week's deadline (its Sunday) when no contact has been held yet.
 *
 * Tolkning: an activity without a mode counts as a personal meeting; a contact on a Saturday or
 * Sunday counts for its week.
 */
import type { Activity } from "../../domain/model";
import { absenceText, isAbsent, periodWeeks, snart, weekName } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventsOf } from "./util";

const MEETINGS: readonly (string | number | null)[] = ["mote", "uppfoljning", "avstamning"];

function isContact(a: Activity): boolean {
  return MEETINGS.includes(a.category) || a.category === "kontakt";
}

function isPersonal(a: Activity): boolean {
  return (
    MEETINGS.includes(a.category) && a.mode !== "distans med handledare" && a.mode !== "eget arbete"
  );
}

export const AMI_KONTAKT = defineRule<{ antal: number }>({
  id: "AMI.KONTAKT",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("3.3 Kundkontakt"),
  summary: "Kontakt med kunden minst en gång per vecka, i första hand via personliga möten.",
  severities: ["error", "warning", "info"],
  tolkning:
    "En aktivitet utan angivet arbetssätt räknas som personligt möte; telefon, digitala möten, " +
    "sms och mejl är kontakt men inte personligt möte; kontaktförsök är ingen kontakt. En " +
    "kontakt på lördag eller söndag räknas till sin vecka.",
  params: {
    antal: { default: 1, description: "minsta antal kontakter med kunden per vecka" },
  },
  check(context) {
    const needed = Math.max(1, Math.round(context.params.antal));
    const contactEvents = eventsOf(context, "kontakt");
    const hits: RuleHit[] = [];
    for (const week of periodWeeks(context)) {
      const first = week.days[0];
      const last = week.days.at(-1);
      if (first === undefined || last === undefined) continue;
      const contacts = week.activities.filter(isContact);
      const held = contacts.filter((a) => !isAbsent(a));
      const events = contactEvents.filter((e) => e.date >= week.monday && e.date <= week.sunday);
      const count = held.length + events.length;
      const name = weekName(week);
      if (count < needed) {
        const missed = contacts.filter(isAbsent);
        const absence =
          missed.length > 0
            ? ` Planerad kontakt hölls inte: ${missed.map(absenceText).join(", ")}.`
            : "";
        const what =
          count === 0 ? "Ingen kontakt" : `${count} ${count === 1 ? "kontakt" : "kontakter"}`;
        hits.push({
          severity: missed.length > 0 || week.partial ? "warning" : "error",
          refs: [...week.refs, ...missed.flatMap((a) => a.refs.slice(0, 1))],
          from: first,
          to: last,
          message: `${what} med kunden ${name} (${first} – ${last}). Krav: minst ${needed} per vecka.${absence}`,
        });
        continue;
      }
      if (!held.some(isPersonal)) {
        const list = [
          ...held.map((a) => `${a.text} ${a.date}`),
          ...events.map((e) => `kontakt ${e.date}`),
        ].join(", ");
        hits.push({
          severity: "warning",
          refs: [
            ...held.flatMap((a) => a.refs.slice(0, 1)),
            ...events.flatMap((e) => e.refs.slice(0, 1)),
          ],
          from: first,
          to: last,
          message: `Inget personligt möte med kunden ${name}, bara ${list}. Kontakten ska i första hand ske via personliga möten.`,
        });
      }
    }

    // Snart: this week's deadline when nothing has been held yet this week.
    const now = periodWeeks(context).find(
      (w) => w.monday <= context.idag && context.idag <= w.sunday,
    );
    if (now !== undefined) {
      const heldSoFar =
        now.activities.some((a) => isContact(a) && !isAbsent(a) && a.date <= context.idag) ||
        contactEvents.some((e) => e.date >= now.monday && e.date <= context.idag);
      if (!heldSoFar) {
        const planned = now.activities.find(
          (a) => isContact(a) && !isAbsent(a) && a.date > context.idag,
        );
        const note = planned === undefined ? "" : ` (planerad ${planned.date})`;
        hits.push(
          ...snart(
            context,
            now.sunday,
            `Veckans kontakt med kunden (${weekName(now)}) senast ${now.sunday}${note}.`,
            now.refs,
          ),
        );
      }
    }
    return hits;
  },
});
