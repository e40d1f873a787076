/**
 * ROM2.NARVAR — Rusta och matcha 2, 4.4 Individuellt schema: "Det individuella schemat ska även
 * … visa när och var aktiviteten äger rum".
 *
 * Every activity has a time (its own, or its block's, as the reader resolved it) and a place
 * or mode (eget arbete, hos leverantör, distans med handledare, …). Missing time is an error;
 * missing place/mode is a warning — the source's own example cell "OBL-Individuellt möte
 * 8.00-8.30" under a block label without a place ("8.00-12.00") has no mode. An activity with
 * only a number of hours (an activity list's Timmar column) has no time of day: an error.
 * A cell repeated by a relative-week template gives one finding naming all its dates.
 */
import type { Activity, SourceRef } from "../../domain/model";
import { defineRule, type RuleHit } from "../types";
import { byCell, datesText } from "./util";

const REQUIREMENT = "Krav: schemat ska visa när och var aktiviteten äger rum.";

export const ROM2_NARVAR = defineRule({
  id: "ROM2.NARVAR",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.4 Individuellt schema",
  summary: "Varje aktivitet visar när (tid) och var (plats eller form) den äger rum.",
  severities: ["error", "warning"],
  params: {},
  check(context) {
    const hits: RuleHit[] = [];
    for (const group of byCell(context.activities)) {
      const a = group[0];
      if (a === undefined) continue;
      const refs = a.refs.length > 0 ? a.refs : context.participant.refs.slice(0, 1);
      const noTime = group.filter((x) => x.start === null || x.end === null);
      if (noTime.length > 0) hits.push(hit("error", a, refs, noTime, "tid"));
      const noMode = group.filter((x) => x.mode === null);
      if (noMode.length > 0)
        hits.push(
          hit(
            "warning",
            a,
            refs,
            noMode,
            "plats eller form (hos leverantör, distans, eget arbete)",
          ),
        );
    }
    return hits;
  },
});

/** The finding for a cell's activities that lack something (a function, not a closure per cell). */
function hit(
  severity: "error" | "warning",
  a: Activity,
  refs: SourceRef[],
  list: readonly Activity[],
  lack: string,
): RuleHit {
  const dates = list.map((x) => x.date);
  return {
    severity,
    refs,
    from: dates[0] ?? a.date,
    to: dates.at(-1) ?? a.date,
    message: `${datesText(dates)}: ”${a.text.trim()}” saknar ${lack}. ${REQUIREMENT}`,
  };
}
