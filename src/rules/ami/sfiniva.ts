/**
 * SAI.SFINIVA — Nacka kundvalsrutiner 2023, 2.3.2 Sfi obligatoriskt: "I uppdragsbeskrivningen
 * anger karriärvägledare kundens aktuella studieväg på sfi inklusive nivå, tider, startdatum för
 * kunds aktuella sfi-nivå samt på vilken skola kund går sin kurs." "Respektive studienivå
 * beräknas ta max sex månader".
 *
 * Each SFI level, from its Händelser event "sfi-nivå start" (Avser: the level) to the next
 * level's start — or, for the current level, to idag (never past slutdatum) — lasting longer
 * than 6 months (start + 6 months, date-fns addMonths) is a warning.
 *
 * Tolkning: without "sfi-nivå start" events the level's start is unknown and nothing is judged.
 */
import { addMonths } from "../../domain/calendar";
import { minDate } from "../../domain/date";
import { defineRule, type RuleHit } from "../types";
import { amiSource, eventsOf } from "./util";

export const SAI_SFINIVA = defineRule<{ månader: number }>({
  id: "SAI.SFINIVA",
  programmes: ["SAI"],
  source: amiSource("2.3.2 Sfi obligatoriskt"),
  summary: "En SFI-nivå beräknas ta högst sex månader.",
  severities: ["warning"],
  tolkning:
    "Nivåns start läses från händelsen sfi-nivå start; utan sådan händelse prövas regeln inte.",
  params: {
    månader: { default: 6, description: "längsta tid i månader för en SFI-nivå" },
  },
  check(context) {
    const months = Math.max(1, Math.round(context.params.månader));
    const starts = eventsOf(context, "sfi-nivå start");
    const now =
      context.participant.end === null
        ? context.idag
        : minDate(context.participant.end, context.idag);
    const hits: RuleHit[] = [];
    starts.forEach((start, i) => {
      const next = starts[i + 1];
      const end = next?.date ?? now;
      const limit = addMonths(start.date, months);
      if (end <= limit) return;
      const level = start.avser === null ? "" : ` ${start.avser.trim()}`;
      hits.push({
        severity: "warning",
        refs: start.refs.slice(0, 1),
        from: start.date,
        to: end,
        message:
          next === undefined
            ? `SFI-nivå${level} sedan ${start.date}: mer än ${months} månader (${limit}) utan ny nivå.`
            : `SFI-nivå${level} ${start.date} – ${next.date} tog mer än ${months} månader (${limit}).`,
      });
    });
    return hits;
  },
});
