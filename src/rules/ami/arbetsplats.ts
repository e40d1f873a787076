/**
 * AMI.ARBETSPLATS — Nacka kundvalsrutiner 2023, 5.2 Kunds erfarenhet av arbetsplats:
 * 5.2.2 "I de fall en kund bedöms ha behov av kortvarig praktik förväntas anordnare stötta kund
 * att påbörja en praktik inom en månad från insatsens beslutsdatum." 5.2.3 "Kunder som beviljats
 * förstärkt jobbpeng förväntas ha en arbetsträningsplats inom tre månader från insatsens
 * beslutsdatum." 5.2.4 "kunder som deltar i insatsen språk och arbetsintroduktion förväntas ha
 * en språkträningsplats inom två månader från insatsens beslutsdatum."
 *
 * The first day at the workplace — a Händelser event "arbetsplats start", or the first activity
 * coded "praktik" (JPG), "arbetstraning" (JPF) or "spraktraning" (SAI) that was not missed — is
 * no later than beslutsdatum + 1 / 3 / 2 months. Late: error at that cell. None by the deadline
 * (passed, or inside the plan): error for JPF and SAI. Snart: the deadline within three days.
 *
 * Tolkning: for JPG only a late start is judged, since praktik is only required when the
 * uppdrag says so (the schedule or the Händelser sheet then shows it). Without a beslutsdatum,
 * startdatum is used.
 */
import { addMonths } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import type { SourceRef } from "../../domain/model";
import { isAbsent, snart, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventsOf } from "./util";

const PLACE = {
  JPG: { code: "praktik", name: "praktik" },
  JPF: { code: "arbetstraning", name: "arbetsträningsplats" },
  SAI: { code: "spraktraning", name: "språkträningsplats" },
} as const;

export const AMI_ARBETSPLATS = defineRule<{ jpg: number; jpf: number; sai: number }>({
  id: "AMI.ARBETSPLATS",
  programmes: ["JPG", "JPF", "SAI"],
  source: amiSource("5.2 Kunds erfarenhet av arbetsplats"),
  summary:
    "Första dagen på arbetsplats: praktik inom 1 månad (Jobbpeng grund, när praktik ingår), arbetsträning inom 3 månader (Förstärkt jobbpeng), språkträningsplats inom 2 månader (SAI) från beslutsdatum.",
  severities: ["error", "info"],
  tolkning:
    "För Jobbpeng grund prövas bara en sen start, eftersom praktik bara krävs när uppdraget " +
    "anger det. Saknas beslutsdatum räknas från startdatum.",
  params: {
    jpg: { default: 1, description: "månader från beslutsdatum till praktik, Jobbpeng grund" },
    jpf: {
      default: 3,
      description: "månader från beslutsdatum till arbetsträning, Förstärkt jobbpeng",
    },
    sai: { default: 2, description: "månader från beslutsdatum till språkträningsplats, SAI" },
  },
  check(context) {
    const { participant, idag, horizon } = context;
    const programme = participant.programme;
    if (programme !== "JPG" && programme !== "JPF" && programme !== "SAI") return [];
    const place = PLACE[programme];
    const raw =
      programme === "JPG"
        ? context.params.jpg
        : programme === "JPF"
          ? context.params.jpf
          : context.params.sai;
    const months = Math.max(0, Math.round(raw));
    const beslut = participant.beslutsdatum ?? context.periodStart;
    const label = participant.beslutsdatum === null ? "startdatum" : "beslutsdatum";
    const deadline = addMonths(beslut, months);
    const starts: { date: IsoDate; refs: SourceRef[] }[] = [
      ...eventsOf(context, "arbetsplats start"),
      ...context.activities.filter((a) => a.category === place.code && !isAbsent(a)),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const first = starts[0];
    const basis = `${months} mån. från ${label} ${beslut}`;
    const hits: RuleHit[] = [];
    if (first !== undefined) {
      if (first.date > deadline) {
        hits.push({
          severity: "error",
          refs: first.refs.slice(0, 1),
          from: beslut,
          to: first.date,
          message: `Första dagen på ${place.name} ${first.date}; fristen var ${deadline} (${basis}).`,
        });
      }
      return hits;
    }
    if (programme === "JPG") return hits;
    if (deadline < idag || (horizon !== null && deadline <= horizon)) {
      hits.push({
        severity: "error",
        refs: windowRefs(context, beslut, deadline),
        from: beslut,
        to: deadline,
        message: `Ingen ${place.name} senast ${deadline} (${basis}).`,
      });
    } else {
      hits.push(
        ...snart(
          context,
          deadline,
          `Första dagen på ${place.name} senast ${deadline} (${basis}).`,
          windowRefs(context, idag, deadline),
        ),
      );
    }
    return hits;
  },
});
