/**
 * FAI.GENOMFORANDEPLAN — FAI bilaga 2024, 2.1 Uppstartsmöte vid inledande av insats: "…
 * vad som kan ses som en rimlig initial planering i avvaktan att genomförandeplan upprättas
 * inom 14 dagar. Kund förväntas kunna påbörja sin insats i princip dagen efter
 * upptartsmötet."
 *
 * The first "genomförandeplan" event is dated no later than the uppstartsmöte + 14 days. A
 * plan after the deadline, or none once the deadline has passed (before idag), is an error;
 * Snart: an info when the deadline is within three days and no plan is recorded yet.
 *
 * Tolkning: the 14 days are calendar days counted from the first "uppstartsmöte" event;
 * without one, from the day before startdatum ("påbörja sin insats i princip dagen efter
 * upptartsmötet").
 */
import { addDays, daysBetween } from "../../domain/calendar";
import { snart, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";

export const FAI_GENOMFORANDEPLAN = defineRule<{ dagar: number }>({
  id: "FAI.GENOMFORANDEPLAN",
  programmes: ["FAI1", "FAI2"],
  source: "FAI bilaga 2024, 2.1 Uppstartsmöte vid inledande av insats",
  summary: "Genomförandeplanen upprättas inom 14 dagar från uppstartsmötet.",
  severities: ["error", "info"],
  tolkning:
    "14 kalenderdagar från händelsen ”Uppstartsmöte”; saknas den räknas från dagen före startdatum (kunden börjar ”i princip dagen efter upptartsmötet”).",
  params: {
    dagar: { default: 14, description: "dagar från uppstartsmötet till genomförandeplanen" },
  },
  check(context) {
    const days = Math.max(0, Math.round(context.params.dagar));
    const start = context.events.find((e) => e.kind === "uppstartsmöte");
    const meeting = start?.date ?? addDays(context.periodStart, -1);
    const from = start === undefined ? "dagen före startdatum" : "uppstartsmötet";
    const deadline = addDays(meeting, days);
    const plan = context.events.find((e) => e.kind === "genomförandeplan");
    const anchor = start?.refs.slice(0, 1) ?? context.participant.refs.slice(0, 1);
    const hits: RuleHit[] = [];
    if (plan !== undefined) {
      if (plan.date > deadline) {
        hits.push({
          severity: "error",
          refs: [...plan.refs.slice(0, 1), ...anchor],
          from: addDays(deadline, 1),
          to: plan.date,
          message: `Genomförandeplanen upprättades ${plan.date}, ${daysBetween(deadline, plan.date)} dagar för sent: senast ${deadline} (${days} dagar efter ${from} ${meeting}).`,
        });
      }
    } else if (deadline < context.idag) {
      hits.push({
        severity: "error",
        refs: [...anchor, ...windowRefs(context, meeting, deadline)],
        from: addDays(deadline, 1),
        to: context.idag,
        message: `Ingen genomförandeplan: senast ${deadline} (${days} dagar efter ${from} ${meeting}).`,
      });
    } else {
      hits.push(
        ...snart(context, deadline, `Genomförandeplanen ska upprättas senast ${deadline}.`, [
          ...anchor,
        ]),
      );
    }
    return hits;
  },
});
