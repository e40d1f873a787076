/**
 * Monthly compensation per participant (regelkatalog.md, Compensation; source 003 §9.1):
 * a full calendar month in the insats pays the monthly amount (ERS.MANAD), a part month pays
 * insatsdagar × day rate (ERS.DAG), never more than the monthly amount.
 */
import { daysBetween } from "./calendar";
import { firstDayOf, lastDayOf, type IsoDate, type YearMonth } from "./date";
import type { Programme } from "./programmes";
import { findTariff, noTariffMessage, type Tariff } from "./tariffs";

/** The days of a month inside the period, or null when there are none. */
function daysInMonth(
  start: IsoDate,
  end: IsoDate | null,
  month: YearMonth,
): { from: IsoDate; to: IsoDate; days: number } | null {
  const first = firstDayOf(month);
  const last = lastDayOf(month);
  const from = start > first ? start : first;
  const to = end !== null && end < last ? end : last;
  return from > to ? null : { from, to, days: daysBetween(from, to) + 1 };
}

/**
 * Insatsdagar: the calendar days of `month` inside [start, end], both inclusive; end null means
 * the insats is ongoing (counts to the month's end). 0 when the month is outside the period.
 */
export function insatsdagar(start: IsoDate, end: IsoDate | null, month: YearMonth): number {
  return daysInMonth(start, end, month)?.days ?? 0;
}

export interface CompensationInput {
  programme: Programme;
  start: IsoDate;
  /** Last day of the insats, inclusive; null while it is ongoing. */
  end: IsoDate | null;
  month: YearMonth;
  /** The workbook's own tariff rows (sheet Ersättningar); they take precedence per programme. */
  workbookTariffs?: readonly Tariff[];
  /** Setting: part months pay round(monthly / 30 × days) instead of days × the listed day rate. */
  exactDayRate?: boolean;
}

export type CompensationResult =
  | { kind: "outside" }
  | { kind: "noTariff"; message: string }
  | {
      kind: "amount";
      ruleId: "ERS.MANAD" | "ERS.DAG";
      /** First and last insatsdag of the month. */
      from: IsoDate;
      to: IsoDate;
      /** Insatsdagar in the month. */
      days: number;
      /** Whole kronor. */
      amount: number;
      /** True when a part month's day amount exceeded the monthly amount and was cut to it. */
      capped: boolean;
      tariff: Tariff;
    };

/**
 * The compensation for one participant, programme and month. The tariff is the one in force on
 * the month's first insatsdag (a rate change later in the month applies from the next month).
 * Whole month inside the period: the monthly amount (ERS.MANAD). Otherwise insatsdagar × day
 * rate, or with `exactDayRate` round(monthly / 30 × insatsdagar) (ERS.DAG); Tolkning: a part
 * month never pays more than the monthly amount (`capped`). Amounts are rounded to whole kronor.
 */
export function monthlyCompensation(input: CompensationInput): CompensationResult {
  const range = daysInMonth(input.start, input.end, input.month);
  if (range === null) return { kind: "outside" };
  const tariff = findTariff(input.programme, range.from, input.workbookTariffs ?? []);
  if (tariff === null) {
    return { kind: "noTariff", message: noTariffMessage(input.programme, input.month) };
  }
  const monthly = Math.round(tariff.monthly);
  const wholeMonth = range.from === firstDayOf(input.month) && range.to === lastDayOf(input.month);
  if (wholeMonth) {
    return {
      kind: "amount",
      ruleId: "ERS.MANAD",
      ...range,
      amount: monthly,
      capped: false,
      tariff,
    };
  }
  const raw =
    input.exactDayRate === true
      ? Math.round((tariff.monthly / 30) * range.days)
      : Math.round(tariff.dayRate * range.days);
  const capped = raw > monthly;
  return {
    kind: "amount",
    ruleId: "ERS.DAG",
    ...range,
    amount: capped ? monthly : raw,
    capped,
    tariff,
  };
}
