/**
 * Shared pieces for the ITA.* rules: the parts (del 1–3) of a participant's period, from the
 * register's part dates (Participant.itaDelar).
 *
 * Tolkning: del 1 starts on its register date, else on startdatum; each part ends the day
 * before the next recorded part starts, the last one on the period's end (slutdatum, else the
 * last planned day; open when neither exists). A part without a date is not in the period.
 */
import { addDays } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { absenceText, isAbsent, weekName, type PeriodWeek } from "../helpers";
import type { RuleContext, RuleHit } from "../types";

export interface ItaPart {
  del: 1 | 2 | 3;
  from: IsoDate;
  /** The part's last day; null when the period has no end yet. */
  to: IsoDate | null;
}

export function itaParts(context: RuleContext): ItaPart[] {
  const { del1, del2, del3 } = context.participant.itaDelar;
  const starts: { del: 1 | 2 | 3; from: IsoDate }[] = [
    { del: 1 as const, from: del1 ?? context.periodStart },
    ...(del2 === null ? [] : [{ del: 2 as const, from: del2 }]),
    ...(del3 === null ? [] : [{ del: 3 as const, from: del3 }]),
  ];
  return starts.map((s, i) => {
    const next = starts[i + 1];
    return { ...s, to: next === undefined ? context.periodEnd : addDays(next.from, -1) };
  });
}

/** The part a date falls in, or null. */
export function partOf(parts: readonly ItaPart[], date: IsoDate): ItaPart | null {
  return parts.find((p) => date >= p.from && (p.to === null || date <= p.to)) ?? null;
}

/**
 * For each given week: an error when it has no activity of `category`, a warning when every
 * such activity was missed because of absence (naming it).
 */
export function weeklyCategory(
  context: RuleContext,
  weeks: readonly PeriodWeek[],
  category: string,
  missing: string,
  requirement: string,
): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const week of weeks) {
    const from = week.days[0];
    const to = week.days.at(-1);
    if (from === undefined || to === undefined) continue;
    const acts = week.activities.filter(
      (a) => a.category === category && a.date >= from && a.date <= to,
    );
    if (acts.some((a) => !isAbsent(a))) continue;
    const absence =
      acts.length > 0 ? ` Planerad aktivitet hölls inte: ${acts.map(absenceText).join(", ")}.` : "";
    hits.push({
      severity: acts.length > 0 ? "warning" : "error",
      refs: [
        ...(week.refs.length > 0 ? week.refs : context.participant.refs.slice(0, 1)),
        ...acts.flatMap((a) => a.refs.slice(0, 1)),
      ],
      from,
      to,
      message: `Ingen ${missing} ${weekName(week)} (${from} – ${to}). Krav: ${requirement}.${absence}`,
    });
  }
  return hits;
}
