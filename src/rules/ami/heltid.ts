/**
 * AMI.HELTID — Nacka kundvalsrutiner 2023, 3.1 Heltidsplanering med arbetsmarknadsfokus:
 * "Huvudregeln för kunder som beviljats insats hos en anordnare inom kundval
 * arbetsmarknadsinsatser är att kund ska ha en heltidsplanering." "Kunds heltidsplanering kan
 * även innefatta exempelvis pågående vårdinsatser." 3.2 Initial deltidsplanering och
 * upptrappning: "I uppdragsunderlaget anges även en plan för hur och när en upptrappning till
 * heltidsplanering bedöms kunna ske."
 *
 * The planned hours of every ISO week of the period (up to the planning horizon) reach the
 * week's requirement. Every activity counts (vårdinsatser and activities at other actors too),
 * also one the participant was later absent from: the rule judges the plan. Partial weeks give a
 * warning, full weeks an error.
 *
 * Tolkning: the requirement is full time (Inställningar "Heltid timmar", × the andel parameter)
 * or, from the date of an upptrappningsplan step, that step's hours per week; in a week with
 * public holidays (or only partly inside the period) it is scaled by the week's working days,
 * requirement × working days / 5, as the Nacka example plans 8 h per working day. FAI1 and FAI2
 * use their own weekly minimum (requirements.ts: FAI1 10 h, FAI2 10 h from month 4), not full
 * time, unscaled.
 */
import { decimalText } from "../../domain/numbers";
import { weeklyMinimumHours } from "../../domain/requirements";
import { periodWeeks, sumHours, upptrappningOn, weekName } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource } from "./util";

export const AMI_HELTID = defineRule<{ andel: number }>({
  id: "AMI.HELTID",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("3.1 Heltidsplanering, 3.2 Upptrappning"),
  summary:
    "Planerade timmar per vecka når heltid, eller upptrappningsplanens timmar när kunden har en sådan.",
  severities: ["error", "warning"],
  tolkning:
    "I en vecka med helgdagar (eller som bara delvis ligger i perioden) räknas kravet om efter " +
    "veckans arbetsdagar: krav × arbetsdagar / 5, som Nackas exempel planerar 8 timmar per " +
    "arbetsdag. FAI1 och FAI2 prövas mot sitt eget veckominimum (10 timmar), inte heltid. Alla " +
    "planerade aktiviteter räknas, även vårdinsatser och aktiviteter hos andra aktörer.",
  params: {
    andel: { default: 100, description: "heltidsplanering i procent av heltid (Heltid timmar)" },
  },
  check(context) {
    const { participant, periodStart } = context;
    const fai = participant.programme === "FAI1" || participant.programme === "FAI2";
    const hits: RuleHit[] = [];
    for (const week of periodWeeks(context)) {
      const first = week.days[0];
      const last = week.days.at(-1);
      if (first === undefined || last === undefined || week.workingDays === 0) continue;
      let required: number;
      let basis: string;
      if (fai) {
        const min = weeklyMinimumHours(
          participant.programme,
          periodStart,
          first,
          context.fullTimeHours,
        );
        if (min === null || min.hours <= 0) continue;
        required = min.hours;
        basis = min.source;
      } else {
        const step = upptrappningOn(participant, first);
        const weekly =
          step === null ? (context.fullTimeHours * context.params.andel) / 100 : step.hoursPerWeek;
        required = (weekly * week.workingDays) / 5;
        const what =
          step === null
            ? `heltid ${decimalText(weekly, 1)} h/vecka`
            : `upptrappningsplan från ${step.from}: ${decimalText(weekly, 1)} h/vecka`;
        basis = week.workingDays === 5 ? what : `${what} × ${week.workingDays}/5 arbetsdagar`;
      }
      const acts = week.activities.filter(
        (a) => a.date >= periodStart && (context.periodEnd === null || a.date <= context.periodEnd),
      );
      const planned = sumHours(acts);
      if (planned + 1e-9 >= required) continue;
      hits.push({
        severity: week.partial ? "warning" : "error",
        refs: week.refs,
        from: first,
        to: last,
        message: `Planerat ${decimalText(planned, 1)} h ${weekName(week)} (${first} – ${last}), krav ${decimalText(required, 1)} h (${basis}).`,
      });
    }
    return hits;
  },
});
