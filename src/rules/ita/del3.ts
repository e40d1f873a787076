/**
 * ITA.DEL3 — Introduktion till arbete 2018, 2 Obligatoriska aktiviteter: "Del 3:
 * Arbetsprövning"; 3 "genomförande av arbetsprövning i del 3".
 *
 * Every full ISO week inside del 3 (from the register's del 3 date to the period's end, up to
 * the planning horizon) has arbetsprövning (category "arbetsprovning"). None is an error; one
 * planned but missed because of absence is a warning naming the absence.
 *
 * Tolkning: the source names arbetsprövning as del 3's obligatory activity; a week of del 3
 * without it is read as a breach. A week that del 3 only partly covers is not judged.
 */
import { periodWeeks } from "../helpers";
import { defineRule } from "../types";
import { itaParts, weeklyCategory } from "./util";

export const ITA_DEL3 = defineRule<Record<string, never>>({
  id: "ITA.DEL3",
  programmes: ["ITA"],
  source: "Introduktion till arbete 2018, 2 Obligatoriska aktiviteter; 3",
  summary: "Arbetsprövning varje hel vecka i del 3.",
  severities: ["error", "warning"],
  tolkning:
    "Källan anger arbetsprövning som del 3:s obligatoriska aktivitet; en hel vecka i del 3 utan arbetsprövning läses som ett fel. En vecka som del 3 bara delvis täcker prövas inte.",
  params: {},
  check(context) {
    const del3 = itaParts(context).find((p) => p.del === 3);
    if (del3 === undefined) return [];
    const weeks = periodWeeks(context).filter((w) => !w.partial && w.monday >= del3.from);
    return weeklyCategory(
      context,
      weeks,
      "arbetsprovning",
      "arbetsprövning",
      "arbetsprövning varje vecka i del 3",
    );
  },
});
