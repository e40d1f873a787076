/**
 * ITA.DEL2OBL — Introduktion till arbete 2018, 2 Obligatoriska aktiviteter: "Del 2:
 * Vägledningsinformation om arbetsmarknad och studier, Studiebesök, Identifiera yrke och
 * arbetsprövningsplats".
 *
 * By the end of del 2 (the day before del 3, else the period's end) del 2 has held at least
 * one activity of each category "vagledning", "studiebesok" and "identifiera_yrke" (a missed
 * one, frånvarande, does not count). When del 2 has ended (its last day before idag) and one
 * is missing: an error listing what is missing. While del 2 is going on: an info listing
 * what is neither held nor planned yet.
 */
import { isAbsent, windowRefs } from "../helpers";
import { defineRule } from "../types";
import { itaParts } from "./util";

const REQUIRED = [
  { code: "vagledning", name: "vägledning/information om arbetsmarknad och studier" },
  { code: "studiebesok", name: "studiebesök" },
  { code: "identifiera_yrke", name: "identifiera yrke och arbetsprövningsplats" },
] as const;

export const ITA_DEL2OBL = defineRule<Record<string, never>>({
  id: "ITA.DEL2OBL",
  programmes: ["ITA"],
  source: "Introduktion till arbete 2018, 2 Obligatoriska aktiviteter",
  summary:
    "Del 2 innehåller vägledning om arbetsmarknad och studier, studiebesök och att identifiera yrke och arbetsprövningsplats.",
  severities: ["error", "info"],
  tolkning:
    "”Vägledningsinformation om arbetsmarknad och studier” läses som en aktivitet. Så länge del 2 pågår visas det som saknas (varken genomfört eller planerat) som information.",
  params: {},
  check(context) {
    const del2 = itaParts(context).find((p) => p.del === 2);
    if (del2 === undefined) return [];
    const inDel2 = context.activities.filter(
      (a) => a.date >= del2.from && (del2.to === null || a.date <= del2.to) && !isAbsent(a),
    );
    const ended = del2.to !== null && del2.to < context.idag;
    const missing = REQUIRED.filter(
      (r) => !inDel2.some((a) => a.category === r.code && (!ended || a.date <= context.idag)),
    );
    if (missing.length === 0) return [];
    const names = missing.map((r) => r.name).join(", ");
    const to = del2.to ?? context.idag;
    const refs = [...context.participant.refs.slice(0, 1), ...windowRefs(context, del2.from, to)];
    if (ended) {
      return [
        {
          severity: "error",
          refs,
          from: del2.from,
          to,
          message: `Del 2 (${del2.from} – ${to}) saknar: ${names}.`,
        },
      ];
    }
    const until = del2.to === null ? "" : ` (slutar ${del2.to})`;
    return [
      {
        severity: "info",
        refs,
        from: del2.from,
        to,
        message: `Del 2${until} har ännu inte: ${names}.`,
      },
    ];
  },
});
