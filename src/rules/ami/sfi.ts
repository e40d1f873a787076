/**
 * SAI.SFI — Nacka kundvalsrutiner 2023, 2.3.2.1 Vid svårighet att nå målen inom SFI: "Kund
 * studerar SFI 3 timmar/dag och det accepteras inte att andra insatser inkräkta på SFI
 * studierna eventuellt kan en byta mellan studier på förmiddagen eller eftermiddagen."
 *
 * On every study day (a day with an activity coded "sfi"): no other activity's time range
 * overlaps an SFI block (error at both cells), and the day's SFI hours are at least 3 (error at
 * the SFI cells).
 *
 * Tolkning: only activities with a time range can overlap; an activity without times is not
 * judged for overlap. Planned SFI counts towards the 3 hours even when the participant was absent.
 */
import { decimalText } from "../../domain/numbers";
import type { Activity } from "../../domain/model";
import { formatTime } from "../../domain/time";
import { defineRule, type RuleHit } from "../types";
import { sumHours } from "../helpers";
import { activitiesByDay, amiSource } from "./util";

function timeText(a: Activity): string {
  return a.start !== null && a.end !== null ? `${formatTime(a.start)}–${formatTime(a.end)}` : "";
}

export const SAI_SFI = defineRule<{ timmar: number }>({
  id: "SAI.SFI",
  programmes: ["SAI"],
  source: amiSource("2.3.2.1 Vid svårighet att nå målen inom SFI"),
  summary: "SFI minst 3 timmar per studiedag, och inga andra aktiviteter inkräktar på SFI-passen.",
  severities: ["error"],
  tolkning:
    "Bara aktiviteter med tider kan krocka med SFI. Planerad SFI räknas mot timkravet även om " +
    "kunden var frånvarande.",
  params: {
    timmar: { default: 3, description: "minsta antal SFI-timmar per studiedag" },
  },
  check(context) {
    const hits: RuleHit[] = [];
    // Only days with SFI give findings: none, nothing to group by day.
    if (!context.activities.some((a) => a.category === "sfi")) return hits;
    for (const [date, acts] of activitiesByDay(context.activities)) {
      const sfi = acts.filter((a) => a.category === "sfi");
      if (sfi.length === 0) continue;
      for (const other of acts) {
        if (other.category === "sfi" || other.start === null || other.end === null) continue;
        for (const s of sfi) {
          if (s.start === null || s.end === null) continue;
          if (other.start < s.end && s.start < other.end) {
            hits.push({
              severity: "error",
              refs: [...other.refs.slice(0, 1), ...s.refs.slice(0, 1)],
              from: date,
              to: date,
              message: `${other.text} ${timeText(other)} inkräktar på SFI ${timeText(s)} ${date}.`,
            });
          }
        }
      }
      const hours = sumHours(sfi);
      if (hours + 1e-9 < context.params.timmar) {
        hits.push({
          severity: "error",
          refs: sfi.flatMap((a) => a.refs.slice(0, 1)),
          from: date,
          to: date,
          message: `SFI ${date}: ${decimalText(hours, 1)} h, krav ${decimalText(context.params.timmar, 1)} h per studiedag.`,
        });
      }
    }
    return hits;
  },
});
