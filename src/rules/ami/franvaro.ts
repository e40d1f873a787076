/**
 * AMI.FRANVARO — Nacka kundvalsrutiner 2023, 3.6 Frånvaro: "All frånvaro ska redogöras i
 * månadsrapport med datum och orsak."
 *
 * Every activity recorded as frånvarande has a reason (the date is the activity's own). An
 * absence without a reason is an error at the activity's cell, naming the date and the
 * activity.
 */
import { defineRule, type RuleHit } from "../types";
import { amiSource } from "./util";

export const AMI_FRANVARO = defineRule({
  id: "AMI.FRANVARO",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("3.6 Frånvaro"),
  summary: "All frånvaro redovisas med datum och orsak.",
  severities: ["error"],
  params: {},
  check(context) {
    const hits: RuleHit[] = [];
    for (const a of context.activities) {
      if (a.attendance?.status !== "frånvarande") continue;
      if ((a.attendance.reason ?? "").trim() !== "") continue;
      const name = a.text.trim() === "" ? "aktivitet" : a.text.trim();
      hits.push({
        severity: "error",
        refs: a.refs.slice(0, 1),
        from: a.date,
        to: a.date,
        message: `Frånvaro ${a.date} (${name}) saknar orsak. All frånvaro ska redovisas med datum och orsak.`,
      });
    }
    return hits;
  },
});
