/**
 * AMI.LEDIGHET — Nacka kundvalsrutiner 2023, 3.5 Avvikelse från planering - självförsörjande
 * kunder: "Kunder utan ekonomiskt bistånd kan själva välja att avbryta insatsen när de önskar.
 * De har rätt att vara lediga på sommaren och andra lov, upp till 14 dagar, vilket anordnare
 * rapporterar i verksamhetssystemet som frånvaro. Vid längre planerad frånvaro över 14 dagar ska
 * insatsen avslutas och ett nytt beslut fattas om insats behövs vid förnyad kontakt med
 * kundansvarig karriärvägledare."
 *
 * For a participant without ekonomiskt bistånd (register "nej"), a continuous leave (scheduled
 * days recorded as frånvarande with reason ledig/semester/lov, continuing over days with nothing
 * scheduled) longer than 14 calendar days is an error at the leave's cells.
 *
 * Tolkning: the leave counts calendar days from its first to its last scheduled day of leave;
 * a participant whose ekonomiskt bistånd is not given in the register is not judged.
 */
import { daysBetween } from "../../domain/calendar";
import { defineRule, type RuleHit } from "../types";
import { absenceRuns, amiSource } from "./util";

export const AMI_LEDIGHET = defineRule<{ dagar: number }>({
  id: "AMI.LEDIGHET",
  programmes: ["JPG", "JPF", "SAI", "FAI1", "FAI2"],
  source: amiSource("3.5 Avvikelse från planering - självförsörjande kunder"),
  summary:
    "Kunder utan ekonomiskt bistånd får vara lediga upp till 14 dagar i följd; längre ledighet ska avsluta insatsen.",
  severities: ["error"],
  tolkning:
    "Ledigheten räknas i kalenderdagar från första till sista schemalagda lediga dag, över " +
    "helger och dagar utan schema. Kunder utan uppgift om ekonomiskt bistånd prövas inte.",
  params: {
    dagar: { default: 14, description: "längsta sammanhängande ledighet i kalenderdagar" },
  },
  check(context) {
    if (context.participant.ekonomisktBistand !== false) return [];
    const max = Math.max(0, Math.round(context.params.dagar));
    const hits: RuleHit[] = [];
    for (const run of absenceRuns(context.activities, "ledig")) {
      const days = daysBetween(run.first, run.last) + 1;
      if (days <= max) continue;
      hits.push({
        severity: "error",
        refs: run.activities.flatMap((a) => a.refs.slice(0, 1)),
        from: run.first,
        to: run.last,
        message: `Ledighet ${run.first} – ${run.last} (${days} dagar) är längre än ${max} dagar; insatsen ska avslutas och nytt beslut fattas.`,
      });
    }
    return hits;
  },
});
