/**
 * ROM2.SPRAK20 — Rusta och matcha 2, 4.1.1 punkt 8 Stöd för att stärka deltagarens
 * språkkunskaper: "Insatsen kan endast utgöra 20 % av tiden i tjänsten."
 *
 * The hours of category 8 are at most 20 % of all scheduled activity hours in the period so
 * far (startdatum up to the planning horizon, never past slutdatum). Tolkning: "tiden i
 * tjänsten" is the scheduled time — every scheduled activity counts, held, planned or missed,
 * since the share is about how the schedule is built, not about attendance.
 */
import { decimalText } from "../../domain/numbers";
import { sumHours } from "../helpers";
import { defineRule } from "../types";
import { judgedEnd, rom2Category } from "./util";

export const ROM2_SPRAK20 = defineRule<{ andel: number }>({
  id: "ROM2.SPRAK20",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.1.1 punkt 8 Stöd för att stärka deltagarens språkkunskaper",
  summary: "Språkträning (kategori 8) utgör högst 20 % av den schemalagda tiden i tjänsten.",
  severities: ["error"],
  tolkning:
    "”Tiden i tjänsten” är den schemalagda tiden hittills (startdatum till sista planerade dag): alla schemalagda aktiviteter räknas, oavsett närvaro.",
  params: {
    andel: { default: 20, description: "högsta andel (%) språkträning av den schemalagda tiden" },
  },
  check(context) {
    const last = judgedEnd(context);
    if (last === null) return [];
    const { periodStart } = context;
    const scheduled = context.activities.filter((a) => a.date >= periodStart && a.date <= last);
    const total = sumHours(scheduled);
    const sprak = scheduled.filter((a) => rom2Category(a) === 8);
    const hours = sumHours(sprak);
    if (total === 0 || hours <= (total * context.params.andel) / 100) return [];
    const share = Math.round((hours / total) * 100);
    return [
      {
        severity: "error",
        refs: sprak.flatMap((a) => a.refs.slice(0, 1)),
        from: periodStart,
        to: last,
        message: `Språkträning ${decimalText(hours)} h av ${decimalText(total)} h schemalagd tid ${periodStart} – ${last} (${share} %). Krav: högst ${decimalText(context.params.andel)} % av tiden i tjänsten.`,
      },
    ];
  },
});
