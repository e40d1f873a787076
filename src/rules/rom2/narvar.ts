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
    return narvarHits(context.participant.refs, cellsThatLack(context.activities));
  },
});

function lacks(a: Activity): boolean {
  return a.start === null || a.end === null || a.mode === null;
}

/**
 * The activities of the cells where something lacks a time or a mode, in their order: only
 * those cells' groups give findings, and byCell of this subsequence is the subsequence of
 * byCell of all activities (groups in the order of their first activity, whole groups kept).
 * With an address holding "!" byCell's joined key can name two (sheet, cell) pairs: all then.
 */
export function cellsThatLack(activities: readonly Activity[]): readonly Activity[] {
  let cells: Map<string, Set<string>> | null = null;
  for (const a of activities) {
    if (!lacks(a)) continue;
    const ref = a.refs[0];
    if (ref === undefined) continue;
    if (ref.cell.includes("!") || ref.sheet.includes("!")) return activities;
    cells ??= new Map();
    let set = cells.get(ref.sheet);
    if (set === undefined) {
      set = new Set();
      cells.set(ref.sheet, set);
    }
    set.add(ref.cell);
  }
  const found = cells;
  return activities.filter((a) => {
    const ref = a.refs[0];
    if (ref === undefined) return lacks(a); // stands alone in byCell
    if (ref.cell.includes("!")) return true;
    return found?.get(ref.sheet)?.has(ref.cell) === true;
  });
}

/** @internal The findings for the given activities (all of them in the test of cellsThatLack). */
export function narvarHits(
  participantRefs: readonly SourceRef[],
  activities: readonly Activity[],
): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const group of byCell(activities)) {
    const a = group[0];
    if (a === undefined) continue;
    const refs = a.refs.length > 0 ? a.refs : participantRefs.slice(0, 1);
    const noTime = group.filter((x) => x.start === null || x.end === null);
    if (noTime.length > 0) hits.push(hit("error", a, refs, noTime, "tid"));
    const noMode = group.filter((x) => x.mode === null);
    if (noMode.length > 0)
      hits.push(
        hit("warning", a, refs, noMode, "plats eller form (hos leverantör, distans, eget arbete)"),
      );
  }
  return hits;
}

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
