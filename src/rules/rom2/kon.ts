/**
 * ROM2.KON — Rusta och matcha 2, allmänna villkor 12.1 Uppföljning: "All individbaserad
 * statistik ska vara uppdelad efter kön."
 *
 * Every participant in the register has kön, so that every figure in the reports can be split
 * by kön. A participant without kön is a warning for the whole period, pointing at the
 * register row.
 */
import { defineRule } from "../types";

export const ROM2_KON = defineRule({
  id: "ROM2.KON",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, allmänna villkor 12.1 Uppföljning",
  summary: "Varje deltagare har kön i registret, så att statistiken kan delas upp efter kön.",
  severities: ["warning"],
  params: {},
  check(context) {
    const { participant, periodStart, periodEnd } = context;
    if (participant.kon !== null) return [];
    return [
      {
        severity: "warning",
        refs: participant.refs.slice(0, 1),
        from: periodStart,
        to: periodEnd ?? periodStart,
        message: `${participant.id} saknar kön i registret. Krav: all individbaserad statistik ska vara uppdelad efter kön.`,
      },
    ];
  },
});
