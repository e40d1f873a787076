/**
 * ROM2.TILLATNA — Rusta och matcha 2, 4.1.1 Individuellt schema: "Schemat ska endast bestå av
 * obligatoriska samt de olika valbara aktiviteterna." and "Aktiviteternas innehåll ska bestå
 * av de tillåtna aktiviteterna enligt 4.1.2.2 Tillåtna aktiviteter."
 *
 * Every activity maps to the individual meeting (0) or one of the valbara aktiviteter 1–8.
 * An activity whose text the reader could not place in the vocabulary is an error that quotes
 * the text and names the closest category (by letter trigrams) as a suggestion. A cell
 * repeated by a relative-week template gives one finding naming all its dates.
 */
import { closestCategory } from "../../domain/vocabulary/match";
import { ROM2_VOCABULARY } from "../../domain/vocabulary/rom2";
import { defineRule } from "../types";
import { byCell, datesText, rom2Category } from "./util";

export const ROM2_TILLATNA = defineRule({
  id: "ROM2.TILLATNA",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.1.1 Individuellt schema; 4.1.2.2 Tillåtna aktiviteter",
  summary:
    "Schemat består endast av det individuella mötet och de valbara aktiviteterna 1–8 i 4.1.1.",
  severities: ["error"],
  params: {},
  check(context) {
    return byCell(context.activities.filter((a) => rom2Category(a) === null)).flatMap((group) => {
      const a = group[0];
      if (a === undefined) return [];
      const dates = group.map((x) => x.date);
      const text = a.text.trim();
      const closest = closestCategory(text, ROM2_VOCABULARY);
      const hint =
        closest === null || closest.similarity === 0
          ? ""
          : ` Närmast: ${closest.code} ${closest.name}.`;
      return [
        {
          severity: "error" as const,
          refs: a.refs.length > 0 ? a.refs : context.participant.refs.slice(0, 1),
          from: dates[0] ?? a.date,
          to: dates.at(-1) ?? a.date,
          message: `${datesText(dates)}: ”${text}” är ingen tillåten aktivitet. Krav: endast individuellt möte och de valbara aktiviteterna 1–8.${hint}`,
        },
      ];
    });
  },
});
