/**
 * FAI1.LANGD and FAI2.LANGD — FAI bilaga 2024, 1.1 Insatser inom kundval FAI: "Arbetsprövning
 * för specificering av arbetsförmåga, tre månader, FAI 1"; "Arbetsnärmande
 * förstegsaktiviteter, tolv månader, FAI 2".
 *
 * The period (startdatum to slutdatum, else the last planned day) ends no later than
 * startdatum + 3 (FAI 1) or 12 (FAI 2) months − 1 day, or the latest new end date decided in a
 * "förlängning" event (2.4). Days past that are an error pointing at the register row and the
 * last extension.
 *
 * Tolkning: "tre månader" counts like every service month (date-fns addMonths): a start on
 * 2024-03-04 may run to 2024-06-03. Whether each extension is one month is FAI.FORLANGNING's.
 */
import { addDays } from "../../domain/calendar";
import type { Programme } from "../../domain/programmes";
import { spanDays } from "../helpers";
import { defineRule, type Rule, type RuleHit } from "../types";
import { allowedEnd, extensions } from "./util";

function lengthRule(
  id: string,
  programme: Programme,
  months: number,
  word: string,
): Rule<{ månader: number }> {
  return defineRule<{ månader: number }>({
    id,
    programmes: [programme],
    source: `FAI bilaga 2024, 1.1 Insatser inom kundval FAI (”${word}”)`,
    summary: `Perioden är högst ${word} plus beslutade förlängningar.`,
    severities: ["error"],
    tolkning:
      "Månaderna räknas från startdatum som tjänstemånader (sista dag = startdatum + månader − 1 dag). En förlängning räknas som beslutad när händelsen ”Förlängning” har det nya slutdatumet i Avser.",
    params: {
      månader: { default: months, description: "insatsens längd i månader utan förlängning" },
    },
    check(context) {
      const end = context.periodEnd;
      if (end === null) return [];
      const n = Math.max(1, Math.round(context.params.månader));
      const limit = allowedEnd(context, n);
      if (end <= limit) return [];
      const last = extensions(context).at(-1);
      const extended = last === undefined ? "" : ` (förlängd till ${last.newEnd})`;
      const hit: RuleHit = {
        severity: "error",
        refs: [...context.participant.refs.slice(0, 1), ...(last?.event.refs.slice(0, 1) ?? [])],
        from: addDays(limit, 1),
        to: end,
        message: `Perioden ${context.periodStart} – ${end} är ${spanDays(addDays(limit, 1), end)} dagar för lång: högst ${n} månader${extended}, sista dag ${limit}.`,
      };
      return [hit];
    },
  });
}

export const FAI1_LANGD = lengthRule("FAI1.LANGD", "FAI1", 3, "tre månader");
export const FAI2_LANGD = lengthRule("FAI2.LANGD", "FAI2", 12, "tolv månader");
