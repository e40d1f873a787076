/**
 * AMI.UPPSTART — Nacka kundvalsrutiner 2023, 2.2 Insats: Förstärkt Jobbpeng: "I samband med
 * uppdraget Förstärkt Jobbpeng bokas ett initialt uppstartsmöte inom de tre första månaderna
 * från uppdragets beslutsdatum, med syfte att klargöra uppdraget och förväntningar."
 *
 * JPF: the first uppstartsmöte — a Händelser event "uppstartsmöte", or an activity whose text
 * names an uppstartsmöte and that was not missed — is no later than beslutsdatum + 3 months.
 * Late: error at its cell. None when the deadline has passed: error. Snart: the deadline within
 * three days.
 *
 * Tolkning: without a beslutsdatum, startdatum is used.
 */
import { addMonths } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import type { SourceRef } from "../../domain/model";
import { fold } from "../../domain/vocabulary/fold";
import { isAbsent, snart, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventsOf } from "./util";

export const AMI_UPPSTART = defineRule<{ månader: number }>({
  id: "AMI.UPPSTART",
  programmes: ["JPF"],
  source: amiSource("2.2 Insats: Förstärkt Jobbpeng"),
  summary: "Förstärkt jobbpeng: uppstartsmöte inom tre månader från uppdragets beslutsdatum.",
  severities: ["error", "info"],
  tolkning: "Saknas beslutsdatum räknas från startdatum.",
  params: {
    månader: { default: 3, description: "månader från beslutsdatum till uppstartsmötet" },
  },
  check(context) {
    const months = Math.max(0, Math.round(context.params.månader));
    const beslut = context.participant.beslutsdatum ?? context.periodStart;
    const label = context.participant.beslutsdatum === null ? "startdatum" : "beslutsdatum";
    const deadline = addMonths(beslut, months);
    const basis = `${months} mån. från ${label} ${beslut}`;
    const meetings: { date: IsoDate; refs: SourceRef[] }[] = [
      ...eventsOf(context, "uppstartsmöte"),
      ...context.activities.filter((a) => /\bupps?tart/.test(fold(a.text)) && !isAbsent(a)),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const first = meetings[0];
    const hits: RuleHit[] = [];
    if (first !== undefined) {
      if (first.date > deadline) {
        hits.push({
          severity: "error",
          refs: first.refs.slice(0, 1),
          from: beslut,
          to: first.date,
          message: `Uppstartsmötet hölls ${first.date}; fristen var ${deadline} (${basis}).`,
        });
      }
      return hits;
    }
    if (deadline < context.idag) {
      hits.push({
        severity: "error",
        refs: windowRefs(context, beslut, deadline),
        from: beslut,
        to: deadline,
        message: `Inget uppstartsmöte; fristen var ${deadline} (${basis}).`,
      });
    } else {
      hits.push(
        ...snart(
          context,
          deadline,
          `Uppstartsmöte senast ${deadline} (${basis}).`,
          windowRefs(context, context.idag, deadline),
        ),
      );
    }
    return hits;
  },
});
