/**
 * AMI.JPG100 — Nacka kundvalsrutiner 2023, 2.1 Insats: Jobbpeng grund: "Jobbpeng grund är en
 * arbetsmarknadsinsats som riktar sig till kunder som bedöms stå närmre arbetsmarknaden och
 * förväntas komma ut i egen försörjning genom arbete, eget företagande eller via
 * studiemedelsberättigade studier, inom 100 dagar."
 *
 * JPG: a warning when the participant is still active on beslutsdatum + 100 days, i.e. the
 * period (slutdatum, or the last planned day, or idag when neither exists) goes past it.
 *
 * Tolkning: the 100 days are calendar days from beslutsdatum (startdatum when it is missing);
 * the warning is given as soon as the plan or slutdatum goes past day 100.
 */
import { addDays } from "../../domain/calendar";
import { windowRefs } from "../helpers";
import { defineRule } from "../types";
import { amiSource } from "./util";

export const AMI_JPG100 = defineRule<{ dagar: number }>({
  id: "AMI.JPG100",
  programmes: ["JPG"],
  source: amiSource("2.1 Insats: Jobbpeng grund"),
  summary: "Jobbpeng grund: kunden förväntas nå egen försörjning inom 100 dagar från beslutsdatum.",
  severities: ["warning"],
  tolkning:
    "100 kalenderdagar från beslutsdatum (startdatum om beslutsdatum saknas); varningen ges när " +
    "slutdatum eller planeringen går förbi dag 100.",
  params: {
    dagar: { default: 100, description: "dagar från beslutsdatum till förväntad egen försörjning" },
  },
  check(context) {
    const days = Math.max(1, Math.round(context.params.dagar));
    const beslut = context.participant.beslutsdatum ?? context.periodStart;
    const label = context.participant.beslutsdatum === null ? "startdatum" : "beslutsdatum";
    const limit = addDays(beslut, days);
    const end = context.periodEnd ?? context.idag;
    if (end <= limit) return [];
    return [
      {
        severity: "warning",
        refs: windowRefs(context, addDays(limit, 1), end),
        from: addDays(limit, 1),
        to: end,
        message: `Jobbpeng grund förväntas leda till egen försörjning inom ${days} dagar (${limit}, från ${label} ${beslut}); insatsen pågår till ${end}.`,
      },
    ];
  },
});
