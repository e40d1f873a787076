/**
 * AMI.INTYG — Nacka kundvalsrutiner 2023, 3.6.1 Sjukfrånvaro: "Från och med dag åtta i
 * sjukperioden ska kunden inkomma med läkarintyg med uppgifter om sin sjukdom eller skada till
 * anordnare." 3.6.2 Vård av barn: "Från och med dag åtta ska kunden inkomma med vård av
 * barn-intyg till anordnare."
 *
 * A sick (or VAB) period is the run of scheduled days recorded as absent for that reason; it
 * continues over days with nothing scheduled (weekends, holidays) and ends at the first
 * scheduled day not recorded as that absence (attended, or another reason). Days are calendar
 * days from the first absent day; a period whose last absent day is day 8 or later needs a
 * certificate: `attendance.certificate` on any of its days, or a "läkarintyg" / "vab-intyg"
 * event dated inside the period (up to the day before the next scheduled day).
 *
 * Snart: an open period (nothing scheduled after it) without a certificate that reaches day 8
 * within three days gives an info.
 *
 * Tolkning: calendar days, counted over unscheduled days; the period ends at the first
 * scheduled day attended. A certificate recorded on any day of the period covers it.
 */
import { addDays, daysBetween } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import type { Activity } from "../../domain/model";
import { isAbsent, snart } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { absenceKind, activitiesByDay, amiSource, eventsOf } from "./util";

interface AbsencePeriod {
  kind: "sjuk" | "vab";
  first: IsoDate;
  lastAbsent: IsoDate;
  /** The day before the next scheduled day, or the last absent day when nothing follows. */
  end: IsoDate;
  activities: Activity[];
}

function dayKind(acts: readonly Activity[]): "sjuk" | "vab" | null {
  if (acts.some((a) => a.attendance?.status === "närvarande")) return null;
  const kinds = acts.map(absenceKind);
  if (kinds.includes("sjuk")) return "sjuk";
  if (kinds.includes("vab")) return "vab";
  return null;
}

function absencePeriods(activities: readonly Activity[]): AbsencePeriod[] {
  const out: AbsencePeriod[] = [];
  let open: AbsencePeriod | null = null;
  for (const [date, acts] of activitiesByDay(activities)) {
    const kind = dayKind(acts);
    if (open !== null && kind === open.kind) {
      open.lastAbsent = date;
      open.end = date;
      open.activities.push(...acts);
      continue;
    }
    if (open !== null) {
      open.end = addDays(date, -1);
      out.push(open);
      open = null;
    }
    if (kind !== null)
      open = { kind, first: date, lastAbsent: date, end: date, activities: [...acts] };
  }
  if (open !== null) out.push(open);
  return out;
}

export const AMI_INTYG = defineRule<{ dag: number }>({
  id: "AMI.INTYG",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("3.6.1 Sjukfrånvaro, 3.6.2 Vård av barn"),
  summary:
    "En sammanhängande sjuk- eller VAB-period som når dag 8 har läkarintyg respektive vård av barn-intyg.",
  severities: ["error", "info"],
  tolkning:
    "Perioden räknas i kalenderdagar från första frånvarodagen och fortsätter över dagar utan " +
    "schemalagd aktivitet (helger, helgdagar); den slutar första schemalagda dag kunden är " +
    "närvarande. Ett intyg registrerat på någon dag i perioden, eller en händelse läkarintyg/" +
    "vab-intyg daterad i perioden, gäller hela perioden.",
  params: {
    dag: { default: 8, description: "dag i sjuk-/VAB-perioden från vilken intyg krävs" },
  },
  check(context) {
    // A period needs a recorded absence: without one there is nothing to group by day.
    if (!context.activities.some(isAbsent)) return [];
    const day = Math.max(1, Math.round(context.params.dag));
    const hits: RuleHit[] = [];
    const periods = absencePeriods(context.activities);
    const lastDay = context.activities.at(-1)?.date;
    for (const p of periods) {
      const days = daysBetween(p.first, p.lastAbsent) + 1;
      const kind = p.kind === "sjuk" ? "läkarintyg" : "vab-intyg";
      const certified =
        p.activities.some((a) => {
          const c = a.attendance?.certificate;
          return c !== null && c !== undefined && c !== false;
        }) || eventsOf(context, kind).some((e) => e.date >= p.first && e.date <= p.end);
      if (certified) continue;
      const name = p.kind === "sjuk" ? "Sjukperioden" : "VAB-perioden";
      const intyg = p.kind === "sjuk" ? "läkarintyg" : "vård av barn-intyg";
      if (days < day) {
        // Snart: a period still open (nothing scheduled after it) that reaches day 8 soon.
        if (p.lastAbsent === lastDay) {
          const deadline = addDays(p.first, day - 1);
          hits.push(
            ...snart(
              context,
              deadline,
              `${name} från ${p.first} når dag ${day} ${deadline}: då behövs ${intyg}.`,
              p.activities.flatMap((a) => a.refs.slice(0, 1)),
            ),
          );
        }
        continue;
      }
      hits.push({
        severity: "error",
        refs: p.activities.flatMap((a) => a.refs.slice(0, 1)),
        from: p.first,
        to: p.lastAbsent,
        message: `${name} ${p.first} – ${p.lastAbsent} (${days} kalenderdagar) når dag ${day} (${addDays(p.first, day - 1)}) utan ${intyg}.`,
      });
    }
    return hits;
  },
});
