/**
 * `schemakoll faktura <arbetsbok.xlsx> --manad ÅÅÅÅ-MM [--json] [--idag ÅÅÅÅ-MM-DD]`: the month's
 * fakturaunderlag — one row per participant with insatsdagar in the month, tilläggscheckar and
 * bonus — as a Swedish table with its total, or as one JSON object. Nothing is written.
 */
import { z } from "zod";
import {
  isoDateSchema,
  monthText,
  makeYearMonth,
  todayLocal,
  type IsoDate,
  type YearMonth,
} from "../domain/date";
import { programmeLabel, programmeSchema } from "../domain/programmes";
import { readWorkbook, TEMPLATE_MAP_SHEET, templateMapFromValues } from "../read/workbook";
import { formatKronor } from "../domain/numbers";
import { buildInvoice } from "../reports/invoice";
import { FLAG_TEXTS } from "../reports/invoiceSheet";
import type { Invoice } from "../reports/types";
import { openWorkbookFile } from "../workbook/file";
import { parseIdagOption, UsageError } from "./usage";

/** The public JSON contract of `schemakoll faktura --json`. Ids are masked; amounts whole kronor. */
export const invoiceOutputSchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    rows: z.array(
      z
        .object({
          participantId: z.string(),
          programme: programmeSchema,
          from: isoDateSchema,
          to: isoDateSchema,
          days: z.number().int().positive().nullable(),
          amount: z.number().int().nonnegative(),
          ruleId: z.enum(["ERS.MANAD", "ERS.DAG", "ERS.BONUS", "ERS.TILLAGG"]),
          flags: z.array(z.enum(["ERS.SEN", "EJ_KLARMARKERAD", "TAK"])),
        })
        .strict(),
    ),
    total: z.number().int().nonnegative(),
  })
  .strict();
export type InvoiceOutput = z.infer<typeof invoiceOutputSchema>;

export const MONTH_USAGE = "--manad ska vara en månad som 2024-05";

/** "2024-05" → YearMonth; throws UsageError otherwise. */
export function parseManad(value: string | undefined): YearMonth {
  if (value === undefined) throw new UsageError(`Ange månaden: ${MONTH_USAGE}.`);
  const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
  const month = m === null ? null : makeYearMonth(Number(m[1]), Number(m[2]));
  if (month === null) throw new UsageError(`${MONTH_USAGE}, inte "${value}".`);
  return month;
}

export function toInvoiceOutput(invoice: Invoice): InvoiceOutput {
  return invoiceOutputSchema.parse({
    month: invoice.month,
    rows: invoice.rows.map((r) => ({
      participantId: r.participantId,
      programme: r.programme,
      from: r.from,
      to: r.to,
      days: r.days,
      amount: r.amount,
      ruleId: r.ruleId,
      flags: r.flags,
    })),
    total: invoice.total,
  });
}

const SEVERITY_SV = { error: "fel", warning: "varning", info: "info" } as const;

/** The problems as Swedish lines ("fel      ERS.TILLAGG N-102: …"). */
export function problemLines(invoice: Invoice): string[] {
  return invoice.problems.map(
    (p) => `${SEVERITY_SV[p.severity].padEnd(8)} ${p.ruleId} ${p.participantId}: ${p.message}`,
  );
}

/** The human report: a table of rows, the total, refusals and problems. */
export function fakturaText(file: string, result: FakturaResult): string {
  const { invoice, idag } = result;
  const lines = [
    `Fakturaunderlag för ${monthText(invoice.month)} – ${file} (idag ${idag})`,
    `Anordnare: ${invoice.anordnare ?? "anges inte i bladet Inställningar"}`,
    "",
  ];
  if (invoice.rows.length === 0) lines.push("Inga rader att fakturera.");
  else {
    const table = [
      ["Deltagare", "Insats", "Från", "Till", "Dagar", "Belopp", "Regel", "Flaggor"],
      ...invoice.rows.map((r) => [
        r.participantId,
        programmeLabel(r.programme),
        r.from,
        r.to,
        r.days === null ? "" : String(r.days),
        formatKronor(r.amount),
        r.ruleId,
        r.flags.map((f) => FLAG_TEXTS[f]).join("; "),
      ]),
    ];
    const widths = table[0]?.map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length)));
    for (const row of table)
      lines.push(
        row
          .map((cell, i) =>
            i === 5 ? cell.padStart(widths?.[i] ?? 0) : cell.padEnd(widths?.[i] ?? 0),
          )
          .join("  ")
          .trimEnd(),
      );
  }
  lines.push("", `Summa: ${formatKronor(invoice.total)}`);
  if (invoice.refused.length > 0) {
    lines.push("", "Kan inte faktureras:");
    for (const r of invoice.refused) lines.push(`  ${r.message}`);
  }
  if (invoice.problems.length > 0) {
    lines.push("", "Att kontrollera:");
    for (const l of problemLines(invoice)) lines.push(`  ${l}`);
  }
  return lines.join("\n");
}

export interface FakturaOptions {
  manad: string | undefined;
  idag?: string | undefined;
}

export interface FakturaResult {
  invoice: Invoice;
  output: InvoiceOutput;
  idag: IsoDate;
}

/** Reads the workbook and builds the month's invoice; UsageError for bad arguments. */
export async function faktura(path: string, options: FakturaOptions): Promise<FakturaResult> {
  const month = parseManad(options.manad);
  const idag = parseIdagOption(options.idag);
  const workbook = await openWorkbookFile(path);
  const sheets = await workbook.readSheets();
  const storedSheet = sheets.find((s) => s.name === TEMPLATE_MAP_SHEET);
  const storedMap = storedSheet === undefined ? null : templateMapFromValues(storedSheet.values);
  // readWorkbook skips Schemakoll's own sheets (Fakturaunderlag, Månadsrapport, Schemakoll …).
  const model = readWorkbook(sheets, { storedMap });
  const day = idag ?? model.settings.idag ?? todayLocal();
  const invoice = buildInvoice(model, month, { idag: day });
  return { invoice, output: toInvoiceOutput(invoice), idag: day };
}
