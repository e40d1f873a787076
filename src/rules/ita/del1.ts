/**
 * ITA.DEL1 — Introduktion till arbete 2018, 1 Anvisningstid i tjänsten: "Behov av minst 2 och
 * maximalt 8 veckor för kartläggning har identifierats".
 *
 * Del 1 (kartläggning) runs from its register date (else startdatum) to the day before the
 * next part starts. An ended del 1 shorter than 2 weeks (14 days) or longer than 8 weeks
 * (56 days) is an error; a del 1 still going on idag past 8 weeks is an error too. Snart: an
 * info when the 8 weeks end within three days and no later part is recorded.
 *
 * Tolkning: a del 1 not followed by a later part (the participant left during kartläggning)
 * is not held to the 2-week minimum.
 */
import { decimalText } from "../../domain/numbers";
import { addDays } from "../../domain/calendar";
import { snart, spanDays, windowRefs } from "../helpers";
import { defineRule, type RuleHit } from "../types";
import { itaParts } from "./util";

export const ITA_DEL1 = defineRule<{ minVeckor: number; maxVeckor: number }>({
  id: "ITA.DEL1",
  programmes: ["ITA"],
  source: "Introduktion till arbete 2018, 1 Anvisningstid i tjänsten",
  summary: "Del 1 (kartläggning) pågår minst 2 och högst 8 veckor.",
  severities: ["error", "info"],
  tolkning:
    "Del 1 räknas från registrets datum för del 1 (annars startdatum) till dagen före nästa del. En del 1 som inte följs av en senare del (deltagaren avslutades under kartläggningen) prövas inte mot minimitiden.",
  params: {
    minVeckor: { default: 2, description: "kortaste del 1 i veckor" },
    maxVeckor: { default: 8, description: "längsta del 1 i veckor" },
  },
  check(context) {
    const parts = itaParts(context);
    const del1 = parts[0];
    if (del1 === undefined) return [];
    const minDays = Math.round(context.params.minVeckor * 7);
    const maxDays = Math.round(context.params.maxVeckor * 7);
    const lastAllowed = addDays(del1.from, maxDays - 1);
    const next = parts[1];
    const refs = [
      ...context.participant.refs.slice(0, 1),
      ...windowRefs(context, del1.from, del1.to ?? lastAllowed),
    ];
    const hits: RuleHit[] = [];
    if (next !== undefined) {
      const to = addDays(next.from, -1);
      const days = spanDays(del1.from, to);
      const weeks = `${decimalText(days / 7, 1)} veckor`;
      if (days < minDays) {
        hits.push({
          severity: "error",
          refs,
          from: del1.from,
          to,
          message: `Del 1 (kartläggning) ${del1.from} – ${to} är ${days} dagar (${weeks}). Krav: minst ${context.params.minVeckor} veckor.`,
        });
      } else if (days > maxDays) {
        hits.push({
          severity: "error",
          refs,
          from: addDays(lastAllowed, 1),
          to,
          message: `Del 1 (kartläggning) ${del1.from} – ${to} är ${days} dagar (${weeks}). Krav: högst ${context.params.maxVeckor} veckor (till och med ${lastAllowed}).`,
        });
      }
      return hits;
    }
    const end = del1.to !== null && del1.to < context.idag ? del1.to : context.idag;
    if (end > lastAllowed) {
      hits.push({
        severity: "error",
        refs,
        from: addDays(lastAllowed, 1),
        to: end,
        message: `Del 1 (kartläggning) från ${del1.from} ${end === context.idag ? `pågår fortfarande ${end}, ingen del 2 registrerad` : `varade till ${end}`}. Krav: högst ${context.params.maxVeckor} veckor (till och med ${lastAllowed}).`,
      });
    } else {
      hits.push(
        ...snart(
          context,
          lastAllowed,
          `Del 1 (kartläggning) får pågå till och med ${lastAllowed}; nästa del behöver anvisas.`,
          refs,
        ),
      );
    }
    return hits;
  },
});
