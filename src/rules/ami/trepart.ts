/**
 * AMI.TREPART — Nacka kundvalsrutiner 2023, 6.5 Uppföljningsmöten trepart: "Utgångspunkten,
 * för kunder som följer sin planering och där det inte finns oklarheter, är att
 * uppföljningsmöten sker: - Jobbpeng grund: minst var 3:e månad - Förstärkt jobbpeng: minst
 * var 6:e månad - Språk och arbetsintroduktion: minst var 6:e månad."
 *
 * Counting from beslutsdatum, each trepart follow-up (a Händelser event "trepartsmöte" or
 * "uppföljning med karriärvägledare", or an activity coded "uppfoljning" that was not missed)
 * falls no later than the previous one (or beslutsdatum) + 3 months (JPG) / 6 months (JPF,
 * SAI). A gap is an error; with no further meeting, an error once the deadline has passed (or
 * falls inside the plan without a meeting). Snart: the next deadline within three days.
 *
 * Tolkning: FAI1 and FAI2 are not checked here, their bilaga sets stricter follow-ups
 * (FAI1.UPPFOLJNING, FAI2.UPPFOLJNING). Without a beslutsdatum, startdatum is used. Deadlines
 * after slutdatum are not judged.
 */
import { addMonths } from "../../domain/calendar";
import { maxDate, minDate } from "../../domain/date";
import { snart, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, trepartMeetings } from "./util";

export const AMI_TREPART = defineRule<{ jpg: number; jpf: number; sai: number }>({
  id: "AMI.TREPART",
  programmes: ["JPG", "JPF", "SAI"],
  source: amiSource("6.5 Uppföljningsmöten trepart"),
  summary:
    "Uppföljningsmöte trepart minst var 3:e månad (Jobbpeng grund) eller var 6:e månad (Förstärkt jobbpeng, SAI), räknat från beslutsdatum.",
  severities: ["error", "info"],
  tolkning:
    "Gäller inte FAI1/FAI2, vars bilaga kräver tätare uppföljning. Saknas beslutsdatum räknas " +
    "från startdatum. Frister efter slutdatum prövas inte.",
  params: {
    jpg: { default: 3, description: "längsta tid i månader mellan trepartsmöten, Jobbpeng grund" },
    jpf: {
      default: 6,
      description: "längsta tid i månader mellan trepartsmöten, Förstärkt jobbpeng",
    },
    sai: { default: 6, description: "längsta tid i månader mellan trepartsmöten, SAI" },
  },
  check(context) {
    const { participant, idag, periodEnd, horizon } = context;
    const raw =
      participant.programme === "JPG"
        ? context.params.jpg
        : participant.programme === "JPF"
          ? context.params.jpf
          : context.params.sai;
    const months = Math.max(1, Math.round(raw));
    const beslut = participant.beslutsdatum ?? context.periodStart;
    const label = participant.beslutsdatum === null ? "startdatum" : "beslutsdatum";
    const meetings = trepartMeetings(context).filter((m) => m.date >= beslut);
    const seen = maxDate(idag, horizon ?? idag);
    const limit = periodEnd === null ? seen : minDate(periodEnd, seen);
    const hits: RuleHit[] = [];
    let prev = beslut;
    let prevLabel = `${label} ${beslut}`;
    for (const m of meetings) {
      const deadline = addMonths(prev, months);
      if (m.date > deadline && deadline <= limit) {
        hits.push({
          severity: "error",
          refs: [...windowRefs(context, prev, deadline).slice(0, 1), ...m.refs],
          from: prev,
          to: m.date,
          message: `Uppföljningsmöte trepart senast ${deadline} (${months} mån. efter ${prevLabel}); nästa ${m.date}.`,
        });
      }
      prev = m.date;
      prevLabel = `mötet ${m.date}`;
    }
    const deadline = addMonths(prev, months);
    if (deadline < limit) {
      hits.push({
        severity: "error",
        refs: windowRefs(context, prev, deadline),
        from: prev,
        to: deadline,
        message: `Uppföljningsmöte trepart senast ${deadline} (${months} mån. efter ${prevLabel}); inget möte efter ${prev}.`,
      });
    } else if (periodEnd === null || deadline <= periodEnd) {
      hits.push(
        ...snart(
          context,
          deadline,
          `Nästa uppföljningsmöte trepart senast ${deadline}.`,
          windowRefs(context, idag, deadline),
        ),
      );
    }
    return hits;
  },
});
