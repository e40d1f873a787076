/**
 * ROM2.KOSTHALSA — Rusta och matcha 2, 4.1.1 punkt 6 Kost och hälsa: "Kan tillhandahållas i
 * form av seminarier eller föreläsningar gällande exempelvis kost, sömn och motion. Åtgärderna
 * får inte utföras som fysisk aktivitet."
 *
 * A category-6 activity whose text describes physical exercise is an error. The keywords
 * (a parameter, comma-separated) match on folded text as a whole word or as the last part of
 * a compound word, never inside or at the start of a longer word: "pass" hits "Yoga-pass",
 * "Gympass" and "träningspass" but not "passar". Tolkning: a keyword that is the topic of a seminar or lecture
 * is not exercise — a keyword after "om" in the same clause ("Föreläsning om kost, sömn och
 * motion", "Seminarium om träning") does not count; clauses are split at ".", ":", ";" and
 * dashes.
 */
import { fold } from "../../domain/vocabulary/fold";
import { defineRule } from "../types";
import { byCell, datesText, rom2Category } from "./util";

const DEFAULT_KEYWORDS =
  "träning, träna, tränar, gym, gymmet, gympa, promenad, promenera, promenerar, motion, motionera, motionspass, yoga, pass, pilates, zumba, löpning, jogging, joggning, stavgång, simning, cykling, styrketräning, cirkelträning, dans, fysisk aktivitet";

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The word of the text that shows exercise — a keyword standing as a whole word or as the last
 * part of a compound ("Gympass", "träningspass") — or null.
 */
export function exerciseWord(text: string, keywords: readonly string[]): string | null {
  const folded = fold(text);
  let offset = 0;
  for (const clause of folded.split(/([.:;]|\s-|-\s)/)) {
    for (const keyword of keywords) {
      const re = new RegExp(
        `(?<![\\p{L}\\d])[\\p{L}\\d]*${escape(fold(keyword))}(?![\\p{L}\\d])`,
        "u",
      );
      const m = re.exec(clause);
      if (m === null) continue;
      if (/(?<![\p{L}\d])om(?![\p{L}\d])/u.test(clause.slice(0, m.index))) continue;
      return text.slice(offset + m.index, offset + m.index + m[0].length);
    }
    offset += clause.length;
  }
  return null;
}

export const ROM2_KOSTHALSA = defineRule<{ nyckelord: string }>({
  id: "ROM2.KOSTHALSA",
  programmes: ["ROM2"],
  source: "Rusta och matcha 2, 4.1.1 punkt 6 Kost och hälsa",
  summary: "Kost och hälsa ges som seminarier eller föreläsningar, inte som fysisk aktivitet.",
  severities: ["error"],
  tolkning:
    "Ett nyckelord (som helt ord eller sista led i ett sammansatt ord, t.ex. ”gympass”) i en kost och hälsa-aktivitet visar fysisk aktivitet, utom när det är ämnet för ett seminarium eller en föreläsning (”om kost, sömn och motion”).",
  params: {
    nyckelord: {
      default: DEFAULT_KEYWORDS,
      description: "ord som visar fysisk aktivitet, kommaseparerade (helt ord eller sista led)",
    },
  },
  check(context) {
    const keywords = context.params.nyckelord
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k.length > 0);
    const kost = context.activities.filter((a) => rom2Category(a) === 6);
    return byCell(kost).flatMap((group) => {
      const a = group[0];
      if (a === undefined) return [];
      const dates = group.map((x) => x.date);
      const text = [a.text, a.description].join(" ").trim();
      const word = exerciseWord(text, keywords);
      if (word === null) return [];
      return [
        {
          severity: "error" as const,
          refs: a.refs.length > 0 ? a.refs : context.participant.refs.slice(0, 1),
          from: dates[0] ?? a.date,
          to: dates.at(-1) ?? a.date,
          message: `${datesText(dates)}: Kost och hälsa ”${a.text.trim()}” beskriver fysisk aktivitet (”${word}”). Krav: åtgärderna får inte utföras som fysisk aktivitet.`,
        },
      ];
    });
  },
});
