/**
 * `schemakoll rapport <arbetsbok.xlsx> --manad ÅÅÅÅ-MM --ut <ut.xlsx> [--idag ÅÅÅÅ-MM-DD]`: a
 * copy of the workbook with the month's "Månadsrapport ÅÅÅÅ-MM" and "Fakturaunderlag ÅÅÅÅ-MM".
 * Sheets of those names are replaced in place; every other sheet is left exactly as it was,
 * and the workbook read is never written (the file port refuses to save over it).
 */
import { formatKronor } from "../domain/numbers";
import { createApp } from "../app";
import { openWorkbookFile } from "../workbook/file";
import { parseManad } from "./faktura";
import { parseIdagOption, UsageError } from "./usage";

export interface RapportOptions {
  manad: string | undefined;
  ut: string | undefined;
  idag?: string | undefined;
}

export interface RapportResult {
  monthlySheet: string;
  invoiceSheet: string;
  /** Kronor in the invoice. */
  total: number;
  /** Lines for the user (Swedish). */
  lines: string[];
}

export async function rapport(path: string, options: RapportOptions): Promise<RapportResult> {
  const month = parseManad(options.manad);
  if (options.ut === undefined) {
    throw new UsageError(
      "Ange filen att skriva: --ut rapport.xlsx (arbetsboken själv ändras aldrig).",
    );
  }
  const idag = parseIdagOption(options.idag) ?? undefined;
  const workbook = await openWorkbookFile(path);
  const app = createApp(workbook, null, { idag });
  const monthly = await app.createMonthlyReport(month);
  const invoice = await app.createInvoice(month);
  await workbook.save(options.ut);
  const { rows, total, refused, problems } = invoice.invoice;
  const lines = [
    `${monthly.sheet}: ${monthly.participants} ${monthly.participants === 1 ? "deltagare" : "deltagare"}${monthly.replaced ? " (bladet ersattes)" : ""}.`,
    `${invoice.sheet}: ${rows.length} ${rows.length === 1 ? "rad" : "rader"}, summa ${formatKronor(total)}${invoice.replaced ? " (bladet ersattes)" : ""}.`,
    ...refused.map((r) => `Kan inte faktureras: ${r.message}`),
    ...problems.map((p) => `Att kontrollera: ${p.message}`),
    `Skrev ${options.ut}; ${path} är oförändrad.`,
  ];
  return { monthlySheet: monthly.sheet, invoiceSheet: invoice.sheet, total, lines };
}
