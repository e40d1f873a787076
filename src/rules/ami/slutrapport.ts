/**
 * AMI.SLUTRAPPORT — Nacka kundvalsrutiner 2023, 6.6 Slutrapportering: "Anordnare av
 * arbetsmarknadsinsatser ska inkomma med slutrapport för aktuell kund innan insatstiden är slut.
 * I dialog med karriärvägledare kan slutrapport skickas in i anslutning till uppdragets
 * slutdatum, dock senast 14 dagar efter avslutad insats. Denna möjlighet gäller när avslut sker
 * på grund av oförutsatta situationer."
 *
 * With a slutdatum in the register, the first Händelser event "slutrapport" is dated no later
 * than slutdatum (in time), up to slutdatum + 14 days (warning: allowed only for unforeseen
 * ends), or later (error). Missing: error after slutdatum + 14, warning between slutdatum and
 * then, info (Snart) when slutdatum is within three days.
 *
 * Tolkning: a slutrapport dated on slutdatum itself is in time. Without a slutdatum in the
 * register (the period ends with the plan) nothing is judged.
 */
import { addDays, daysBetween } from "../../domain/calendar";
import { snart, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventsOf } from "./util";

export const AMI_SLUTRAPPORT = defineRule<{ dagar: number }>({
  id: "AMI.SLUTRAPPORT",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("6.6 Slutrapportering"),
  summary:
    "Slutrapporten inkommer innan insatstiden är slut; senast 14 dagar efter slutdatum bara vid oförutsett avslut.",
  severities: ["error", "warning", "info"],
  tolkning:
    "En slutrapport daterad på slutdatum är i tid. Utan slutdatum i registret prövas regeln inte.",
  params: {
    dagar: {
      default: 14,
      description: "dagar efter slutdatum som slutrapporten får dröja vid oförutsett avslut",
    },
  },
  check(context) {
    const end = context.participant.end;
    if (end === null) return [];
    const grace = Math.max(0, Math.round(context.params.dagar));
    const last = addDays(end, grace);
    const report = eventsOf(context, "slutrapport")[0];
    const hits: RuleHit[] = [];
    if (report !== undefined) {
      if (report.date <= end) return [];
      const late = daysBetween(end, report.date);
      hits.push({
        severity: report.date <= last ? "warning" : "error",
        refs: report.refs.slice(0, 1),
        from: end,
        to: report.date,
        message:
          report.date <= last
            ? `Slutrapporten inkom ${report.date}, ${late} ${late === 1 ? "dag" : "dagar"} efter slutdatum ${end}; tillåtet bara vid oförutsett avslut (senast ${last}).`
            : `Slutrapporten inkom ${report.date}, ${late} dagar efter slutdatum ${end}; senast ${last} även vid oförutsett avslut.`,
      });
      return hits;
    }
    const refs = windowRefs(context, end, end);
    if (context.idag > last) {
      hits.push({
        severity: "error",
        refs,
        from: end,
        to: last,
        message: `Slutrapport saknas; slutdatum ${end}, senast ${last} även vid oförutsett avslut.`,
      });
    } else if (context.idag > end) {
      hits.push({
        severity: "warning",
        refs,
        from: end,
        to: last,
        message: `Slutrapport saknas efter slutdatum ${end}; senast ${last}, och bara vid oförutsett avslut.`,
      });
    } else {
      hits.push(...snart(context, end, `Slutrapporten ska inkomma senast slutdatum ${end}.`, refs));
    }
    return hits;
  },
});
