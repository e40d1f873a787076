/**
 * AMI.GENOMFORANDEPLAN — Nacka kundvalsrutiner 2023, 6.3.1 Genomförandeplan – inom 30 dagar:
 * "Den första genomförandeplanen ska inkomma inom en månad från uppdragets beslutsdatum."
 *
 * The first Händelser event "genomförandeplan" is dated no later than beslutsdatum + 1 month
 * (date-fns addMonths). Late: error at the event. Missing after the deadline: error. Missing
 * before it: info naming the deadline.
 *
 * Tolkning: without a beslutsdatum in the register the month counts from startdatum.
 */
import { addMonths, daysBetween } from "../../domain/calendar";
import { windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventsOf } from "./util";

export const AMI_GENOMFORANDEPLAN = defineRule<{ månader: number }>({
  id: "AMI.GENOMFORANDEPLAN",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("6.3.1 Genomförandeplan"),
  summary: "Den första genomförandeplanen inkommer inom en månad från uppdragets beslutsdatum.",
  severities: ["error", "info"],
  tolkning: "Saknas beslutsdatum i registret räknas månaden från startdatum.",
  params: {
    månader: { default: 1, description: "månader från beslutsdatum till genomförandeplanen" },
  },
  check(context) {
    const months = Math.max(0, Math.round(context.params.månader));
    const beslut = context.participant.beslutsdatum ?? context.periodStart;
    const label = context.participant.beslutsdatum === null ? "startdatum" : "beslutsdatum";
    const deadline = addMonths(beslut, months);
    const plan = eventsOf(context, "genomförandeplan")[0];
    const hits: RuleHit[] = [];
    if (plan !== undefined) {
      if (plan.date > deadline) {
        const late = daysBetween(deadline, plan.date);
        hits.push({
          severity: "error",
          refs: plan.refs.slice(0, 1),
          from: beslut,
          to: plan.date,
          message: `Genomförandeplanen inkom ${plan.date}, ${late} ${late === 1 ? "dag" : "dagar"} efter fristen ${deadline} (${months} mån. från ${label} ${beslut}).`,
        });
      }
      return hits;
    }
    const refs = windowRefs(context, beslut, deadline);
    if (deadline < context.idag) {
      hits.push({
        severity: "error",
        refs,
        from: beslut,
        to: deadline,
        message: `Genomförandeplan saknas; fristen var ${deadline} (${months} mån. från ${label} ${beslut}).`,
      });
    } else {
      hits.push({
        severity: "info",
        refs,
        from: context.idag,
        to: deadline,
        message: `Genomförandeplanen ska inkomma senast ${deadline} (${months} mån. från ${label} ${beslut}).`,
      });
    }
    return hits;
  },
});
