/**
 * Compensation rates (ersättningsnivåer) as versioned data (regelkatalog.md, Compensation):
 * programme, valid from, monthly amount, day rate. The 2023 Nacka figures of source 003 §9.1
 * are built in; a workbook's own table (sheet "Ersättningar") takes precedence.
 */
import { z } from "zod";
import { isoDateSchema, type IsoDate, type YearMonth } from "./date";
import { programmeName, programmeSchema, type Programme } from "./programmes";

/** One row of a tariff table (built in, or read from the workbook's sheet Ersättningar). */
export const tariffSchema = z.object({
  programme: programmeSchema,
  /** First day the rates apply. */
  validFrom: isoDateSchema,
  /** Kronor for a full calendar month in the insats (ERS.MANAD). */
  monthly: z.number().positive(),
  /** Kronor per insatsdag in a part month (ERS.DAG). */
  dayRate: z.number().positive(),
  /** Where the figures come from (document and section, or the workbook sheet). */
  source: z.string(),
});
export type Tariff = z.infer<typeof tariffSchema>;

const NACKA_2023_SOURCE =
  "Nacka kommun, Rutiner för auktoriserade anordnare inom kundval arbetsmarknadsinsatser (2023-09-29), 9.1";
/**
 * Tolkning: the routine document is dated 2023-09-29 and names no start date; the catalog calls
 * these "the 2023 Nacka figures", so they are taken to apply from 2023-01-01.
 */
const NACKA_2023_FROM = "2023-01-01" as IsoDate;

/** The tariffs Schemakoll knows without a workbook table: Nacka 2023 for JPG, JPF and SAI. */
export const BUILT_IN_TARIFFS: readonly Tariff[] = Object.freeze(
  (
    [
      {
        programme: "JPG",
        validFrom: NACKA_2023_FROM,
        monthly: 3686,
        dayRate: 123,
        source: NACKA_2023_SOURCE,
      },
      {
        programme: "JPF",
        validFrom: NACKA_2023_FROM,
        monthly: 4858,
        dayRate: 162,
        source: NACKA_2023_SOURCE,
      },
      {
        programme: "SAI",
        validFrom: NACKA_2023_FROM,
        monthly: 6080,
        dayRate: 203,
        source: NACKA_2023_SOURCE,
      },
    ] satisfies Tariff[]
  ).map((t) => Object.freeze(t)),
);

/**
 * The tariff in force for a programme on a date: the row with the latest validFrom ≤ date. When
 * the workbook has any row for the programme only the workbook's rows count; otherwise the
 * built-in table. Two rows with the same validFrom: the later one in the table wins (a
 * correction appended below). Null when no row applies.
 */
export function findTariff(
  programme: Programme,
  date: IsoDate,
  workbookTariffs: readonly Tariff[] = [],
): Tariff | null {
  const own = workbookTariffs.filter((t) => t.programme === programme);
  const table = own.length > 0 ? own : BUILT_IN_TARIFFS.filter((t) => t.programme === programme);
  let best: Tariff | null = null;
  for (const tariff of table) {
    if (tariff.validFrom <= date && (best === null || tariff.validFrom >= best.validFrom)) {
      best = tariff;
    }
  }
  return best;
}

/** ERS.BONUS: kronor paid once for six months of egen försörjning (003 §9.2). */
export const BONUS_AMOUNT = 18000;
/** ERS.TILLAGG: the only amounts a tilläggscheck can have (003 §9.3). */
export const TILLAGG_AMOUNTS = [5000, 10000, 15000] as const;

/** True when the amount is one of the tilläggscheck levels 5 000, 10 000 or 15 000 kr. */
export function isValidTillagg(amount: number): boolean {
  return (TILLAGG_AMOUNTS as readonly number[]).includes(amount);
}

/** The Swedish message for an invoice month that has no tariff (the row is refused, never 0 kr). */
export function noTariffMessage(programme: Programme, month: YearMonth): string {
  return (
    `Ingen ersättningsnivå finns för ${programmeName(programme)} i ${month}. ` +
    "Lägg in månadsbelopp och dagersättning på bladet Ersättningar."
  );
}
