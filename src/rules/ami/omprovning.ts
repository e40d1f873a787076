/**
 * AMI.OMPROVNING — Nacka kundvalsrutiner 2023, 7 Avslut av insats: "När insatserna Språk och
 * arbetsintroduktion eller Förstärkt jobbpeng pågått under ett år görs en omprövning utifrån
 * kundens progression."
 *
 * JPF, SAI: when the period reaches 12 months (startdatum + 12 months, date-fns addMonths), an
 * info naming the date; the period reaches it when slutdatum (or the last planned day) is on or
 * after that date, or, with nothing planned, when idag is.
 *
 * Tolkning: "pågått under ett år" counts from startdatum.
 */
import { addMonths } from "../../domain/calendar";
import { windowRefs } from "../helpers";
import { defineRule } from "../types";
import { amiSource } from "./util";

export const AMI_OMPROVNING = defineRule<{ månader: number }>({
  id: "AMI.OMPROVNING",
  programmes: ["JPF", "SAI"],
  source: amiSource("7 Avslut av insats"),
  summary: "Förstärkt jobbpeng och SAI: omprövning när insatsen pågått ett år.",
  severities: ["info"],
  tolkning: "Året räknas från startdatum.",
  params: {
    månader: { default: 12, description: "månader från startdatum till omprövningen" },
  },
  check(context) {
    const months = Math.max(1, Math.round(context.params.månader));
    const date = addMonths(context.periodStart, months);
    const reach = context.periodEnd ?? context.idag;
    if (reach < date) return [];
    const passed = date <= context.idag;
    return [
      {
        severity: "info",
        refs: windowRefs(context, date, date),
        from: date,
        to: date,
        message: passed
          ? `Insatsen har pågått ${months} månader ${date} (startdatum ${context.periodStart}): omprövning utifrån kundens progression.`
          : `Insatsen når ${months} månader ${date} (startdatum ${context.periodStart}): då görs en omprövning utifrån kundens progression.`,
      },
    ];
  },
});
