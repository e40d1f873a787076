/**
 * The "Fakturaunderlag ÅÅÅÅ-MM" sheet: title lines, an Excel table of invoice rows, a total row
 * whose amount is Schemakoll's own SUM over exactly the table's Belopp cells, then what cannot
 * be invoiced and what needs checking. Participant ids are already masked in the Invoice.
 */
import { monthText, type IsoDate } from "../domain/date";
import type { SheetCell, SheetModel } from "../domain/model";
import { programmeLabel } from "../domain/programmes";
import { count, date, header, kr, KR_FORMAT, MASKED_NOTE, text, title } from "./style";
import { invoiceSheetName, type Invoice, type InvoiceFlag, type InvoiceProblem } from "./types";

export const INVOICE_HEADERS = [
  "Anordnare",
  "Deltagare",
  "Insats",
  "Från",
  "Till",
  "Insatsdagar",
  "Belopp",
  "Regel",
  "Flaggor",
] as const;

/** Column of Belopp (0-based) and its letter. */
const AMOUNT_COLUMN = 6;
const AMOUNT_LETTER = "G";

export const FLAG_TEXTS: Readonly<Record<InvoiceFlag, string>> = {
  "ERS.SEN":
    "Sen månadsrapport (ERS.SEN): utbetalningen kan skjutas till nästa utbetalningstillfälle",
  EJ_KLARMARKERAD:
    "Månadsrapporten är inte klarmarkerad och fristen har gått ut: utbetalningen kan skjutas till nästa utbetalningstillfälle",
  TAK: "Tak (TAK): dagbeloppen översteg månadsbeloppet och har begränsats till det",
};

const SEVERITY_SV: Readonly<Record<InvoiceProblem["severity"], string>> = {
  error: "fel",
  warning: "varning",
  info: "info",
};

const MASKED = /\d{6,8}-\*{4}/;

export function invoiceSheet(invoice: Invoice, options: { idag: IsoDate }): SheetModel {
  const rows: SheetCell[][] = [
    [title(`Fakturaunderlag för ${monthText(invoice.month)}`)],
    [text(`Anordnare: ${invoice.anordnare ?? "anges inte i bladet Inställningar"}`)],
    [text(`Skapad av Schemakoll ${options.idag}`)],
  ];
  const ids = [
    ...invoice.rows.map((r) => r.participantId),
    ...invoice.refused.flatMap((r) => r.participantIds),
    ...invoice.problems.map((p) => p.participantId),
  ];
  if (ids.some((id) => MASKED.test(id))) rows.push([text(MASKED_NOTE)]);
  rows.push([]);

  const headerRow = rows.length;
  rows.push(INVOICE_HEADERS.map((h) => header(h)));
  for (const r of invoice.rows) {
    rows.push([
      text(invoice.anordnare),
      text(r.participantId),
      text(programmeLabel(r.programme)),
      date(r.from),
      date(r.to),
      r.days === null ? text(null) : count(r.days),
      kr(r.amount),
      text(r.ruleId),
      text(r.flags.map((f) => FLAG_TEXTS[f]).join("; ")),
    ]);
  }
  // An Excel table needs a data row; an empty month gets one empty row (its sum is 0).
  if (invoice.rows.length === 0) rows.push(INVOICE_HEADERS.map(() => text(null)));
  const dataRows = rows.length - headerRow - 1;
  // Excel rows are 1-based: the header is row headerRow + 1, the data follow it.
  const first = headerRow + 2;
  const last = headerRow + 1 + dataRows;
  const totalRow: SheetCell[] = INVOICE_HEADERS.map(() => text(null));
  totalRow[0] = title("Summa");
  totalRow[AMOUNT_COLUMN] = {
    value: invoice.total,
    formula: `SUM(${AMOUNT_LETTER}${first}:${AMOUNT_LETTER}${last})`,
    numberFormat: KR_FORMAT,
    bold: true,
  };
  rows.push(totalRow);

  rows.push([], [title("Kan inte faktureras")]);
  if (invoice.refused.length === 0)
    rows.push([text("Alla deltagare med insatsdagar i månaden har en ersättningsnivå.")]);
  for (const r of invoice.refused) rows.push([text(r.message)]);

  rows.push([], [title("Att kontrollera")]);
  if (invoice.problems.length === 0) rows.push([text("Inget att kontrollera.")]);
  else
    rows.push([header("Allvarlighet"), header("Deltagare"), header("Regel"), header("Meddelande")]);
  for (const p of invoice.problems)
    rows.push([
      text(SEVERITY_SV[p.severity]),
      text(p.participantId),
      text(p.ruleId),
      text(p.message),
    ]);

  return {
    name: invoiceSheetName(invoice.month),
    rows,
    columnWidths: [22, 16, 40, 12, 12, 12, 14, 13, 90],
    table: {
      name: `Fakturaunderlag_${invoice.month.replace("-", "_")}`,
      headerRow,
      rowCount: dataRows,
    },
    freezeRows: headerRow + 1,
  };
}
