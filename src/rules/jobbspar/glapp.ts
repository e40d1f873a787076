/**
 * JOBBSPAR.GLAPP — Jobbspår i samverkan, Koordinering av jobbspår, Genomförandefas: "Behöver
 * särskilt vara uppmärksam i övergången mellan insatser och säkerställa att det inte blir glapp
 * för deltagare eller arbetsgivare."
 *
 * The insatser (events "insats", Avser "namn, från–till", see util.ts) sorted by start. A gap
 * is the working days strictly between the latest end so far and the next start; when insatser
 * run in parallel the gap is measured from the one that ends last ("i följd efter varandra
 * och/eller parallellt"). Working days exclude weekends, Swedish public holidays and the eves
 * that are not working days (holidays.ts). A gap of more than N working days is a warning,
 * pointing at the two insats events.
 */
import { addWorkingDays, workingDaysBetween } from "../../domain/holidays";
import { defineRule, type RuleHit } from "../types";
import { insatser, type Insats } from "./util";

export const JOBBSPAR_GLAPP = defineRule<{ arbetsdagar: number }>({
  id: "JOBBSPAR.GLAPP",
  programmes: ["JOBBSPAR"],
  source: "Jobbspår i samverkan, Koordinering av jobbspår: Genomförandefas",
  summary: "Inget glapp på mer än 3 arbetsdagar mellan en insats slut och nästa insats start.",
  severities: ["warning"],
  tolkning:
    "Insatserna läses från händelserna ”Insats” med Avser ”namn, från–till”; en rad som inte går att läsa hoppas över (inläsningen rapporterar den). Glappet räknas i arbetsdagar mellan den senaste slutdagen hittills och nästa start, så parallella insatser räknas från den som slutar sist. Helgdagar och helgaftnar räknas inte som arbetsdagar.",
  params: {
    arbetsdagar: {
      default: 3,
      description: "längsta tillåtna glapp i arbetsdagar mellan två insatser",
    },
  },
  check(context) {
    const allowed = Math.max(0, Math.round(context.params.arbetsdagar));
    const hits: RuleHit[] = [];
    let latest: Insats | null = null;
    for (const next of insatser(context)) {
      if (latest !== null && next.from > latest.to) {
        const gap = workingDaysBetween(latest.to, next.from);
        if (gap > allowed) {
          const from = addWorkingDays(latest.to, 1);
          const to = addWorkingDays(next.from, -1);
          hits.push({
            severity: "warning",
            refs: [...latest.event.refs.slice(0, 1), ...next.event.refs.slice(0, 1)],
            from,
            to,
            message: `Glapp på ${gap} arbetsdagar (${from} – ${to}) mellan ”${latest.name}” (slut ${latest.to}) och ”${next.name}” (start ${next.from}). Högst ${allowed} arbetsdagar utan insats.`,
          });
        }
      }
      if (latest === null || next.to > latest.to) latest = next;
    }
    return hits;
  },
});
