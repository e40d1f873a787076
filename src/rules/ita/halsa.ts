/**
 * ITA.HALSA — Introduktion till arbete 2018, 2 Obligatoriska aktiviteter: "Del 1-3: Veckovis
 * hälsa och friskvårdsaktiviteter".
 *
 * Every full ISO week of the period (del 1–3, up to the planning horizon) has at least one
 * activity of category "halsa". None is an error; one planned but missed because of absence
 * is a warning naming the absence. Partial weeks are not judged (the catalog says "every full
 * week").
 */
import { periodWeeks } from "../helpers";
import { defineRule } from "../types";
import { weeklyCategory } from "./util";

export const ITA_HALSA = defineRule<Record<string, never>>({
  id: "ITA.HALSA",
  programmes: ["ITA"],
  source: "Introduktion till arbete 2018, 2 Obligatoriska aktiviteter",
  summary: "Minst en hälso- och friskvårdsaktivitet varje hel vecka i del 1–3.",
  severities: ["error", "warning"],
  params: {},
  check(context) {
    return weeklyCategory(
      context,
      periodWeeks(context).filter((w) => !w.partial),
      "halsa",
      "hälso- och friskvårdsaktivitet",
      "veckovis hälsa och friskvårdsaktiviteter i del 1–3",
    );
  },
});
