/**
 * AMI.REVIDERAD — Nacka kundvalsrutiner 2023, 6.5 Uppföljningsmöten trepart: "Efter
 * uppföljningssamtal där karriärvägledare är med ska ny reviderad genomförandeplan inkomma inom
 * två veckor från uppföljningsmöte."
 *
 * For every trepart follow-up held up to idag (Händelser "trepartsmöte" or "uppföljning med
 * karriärvägledare", or an activity coded "uppfoljning" not missed), the first Händelser event
 * "reviderad genomförandeplan" on or after the meeting (and before the next one) is dated no later
 * than the meeting + 14 days. Late: error at the event. Missing after the deadline: error at the
 * meeting. Missing with the deadline within three days: info (Snart).
 *
 * Tolkning: the source's exception ("om karriärvägledare bedömer att ny genomförande inte är
 * nödvändig") is recorded as a Godkänd avvikelse for the finding.
 */
import { addDays, daysBetween } from "../../domain/calendar";
import { snart } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventsOf, trepartMeetings } from "./util";

export const AMI_REVIDERAD = defineRule<{ dagar: number }>({
  id: "AMI.REVIDERAD",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("6.5 Uppföljningsmöten trepart"),
  summary:
    "En reviderad genomförandeplan inkommer inom två veckor (14 dagar) efter varje uppföljningsmöte med karriärvägledare.",
  severities: ["error", "info"],
  tolkning:
    "Undantaget när karriärvägledaren bedömer att en ny plan inte behövs registreras som " +
    "godkänd avvikelse.",
  params: {
    dagar: {
      default: 14,
      description: "dagar efter uppföljningsmötet då reviderad genomförandeplan senast inkommer",
    },
  },
  check(context) {
    const days = Math.max(0, Math.round(context.params.dagar));
    const meetings = trepartMeetings(context).filter((m) => m.date <= context.idag);
    const plans = eventsOf(context, "reviderad genomförandeplan");
    const hits: RuleHit[] = [];
    meetings.forEach((m, i) => {
      const next = meetings[i + 1]?.date;
      const deadline = addDays(m.date, days);
      const plan = plans.find((p) => p.date >= m.date && (next === undefined || p.date < next));
      if (plan !== undefined) {
        if (plan.date > deadline) {
          const late = daysBetween(deadline, plan.date);
          hits.push({
            severity: "error",
            refs: [...plan.refs.slice(0, 1), ...m.refs],
            from: m.date,
            to: plan.date,
            message: `Reviderad genomförandeplan efter uppföljningsmötet ${m.date} inkom ${plan.date}, ${late} ${late === 1 ? "dag" : "dagar"} efter fristen ${deadline}.`,
          });
        }
        return;
      }
      if (deadline < context.idag) {
        hits.push({
          severity: "error",
          refs: m.refs,
          from: m.date,
          to: deadline,
          message: `Reviderad genomförandeplan saknas efter uppföljningsmötet ${m.date}; fristen var ${deadline}.`,
        });
      } else {
        hits.push(
          ...snart(
            context,
            deadline,
            `Reviderad genomförandeplan efter uppföljningsmötet ${m.date} senast ${deadline}.`,
            m.refs,
          ),
        );
      }
    });
    return hits;
  },
});
