import type { IsoDate, YearMonth } from "../domain/date";
import type { SheetCell } from "../domain/model";
import { event, participant, settings } from "../rules/testing";
import { buildInvoice } from "./invoice";
import { invoiceSheet } from "./invoiceSheet";
import { KR_FORMAT, MASKED_NOTE } from "./style";
import type { Invoice, ReportInput } from "./types";

const IDAG = "2024-06-10" as IsoDate;

function may(): Invoice {
  const input: ReportInput = {
    participants: [
      participant("19850101-1234", "JPG", "2024-03-04"),
      participant("N-102", "JPF", "2024-05-13", "2024-08-30"),
      participant("R-1", "ROM2", "2024-05-01"),
    ],
    activities: [],
    weeks: [],
    events: [
      event("19850101-1234", "2024-06-10", "månadsrapport klar", "maj 2024"),
      event("N-102", "2024-05-20", "tilläggscheck", "10 000 kr"),
      event("N-102", "2024-05-21", "tilläggscheck", "7 000"),
    ],
    acceptances: [],
    findings: [],
    tariffs: [],
    settings: { ...settings(), anordnare: "Exempel AB" },
  };
  return buildInvoice(input, "2024-05" as YearMonth, { idag: IDAG });
}

const values = (row: SheetCell[] | undefined) => (row ?? []).map((c) => c.value);

describe("Fakturaunderlag 2024-05", () => {
  const invoice = may();
  const sheet = invoiceSheet(invoice, { idag: IDAG });
  const headerRow = sheet.table?.headerRow ?? -1;

  test("name, title lines and the masked-id note", () => {
    expect(sheet.name).toBe("Fakturaunderlag 2024-05");
    expect(values(sheet.rows[0])).toEqual(["Fakturaunderlag för maj 2024"]);
    expect(values(sheet.rows[1])).toEqual(["Anordnare: Exempel AB"]);
    expect(values(sheet.rows[2])).toEqual(["Skapad av Schemakoll 2024-06-10"]);
    expect(values(sheet.rows[3])).toEqual([MASKED_NOTE]);
  });

  test("an Excel table over the header and the rows, frozen at the header", () => {
    expect(values(sheet.rows[headerRow])).toEqual([
      "Anordnare",
      "Deltagare",
      "Insats",
      "Från",
      "Till",
      "Insatsdagar",
      "Belopp",
      "Regel",
      "Flaggor",
    ]);
    expect(sheet.table).toEqual({ name: "Fakturaunderlag_2024_05", headerRow, rowCount: 3 });
    expect(sheet.freezeRows).toBe(headerRow + 1);
    expect(sheet.columnWidths).toHaveLength(9);
  });

  test("row values: masked id, programme name, period, days, kronor, rule, flag text", () => {
    const rows = sheet.rows.slice(headerRow + 1, headerRow + 4).map(values);
    expect(rows).toEqual([
      // May 2024 whole month: 3 686; report of May klarmarkerad 2024-06-10, after 2024-06-07
      [
        "Exempel AB",
        "19850101-****",
        "Jobbpeng grund (JPG)",
        "2024-05-01",
        "2024-05-31",
        31,
        3686,
        "ERS.MANAD",
        "Sen månadsrapport (ERS.SEN): utbetalningen kan skjutas till nästa utbetalningstillfälle",
      ],
      // 13..31 May = 19 days × 162 = 3 078; no May report and idag 2024-06-10 > 2024-06-07
      [
        "Exempel AB",
        "N-102",
        "Förstärkt jobbpeng (JPF)",
        "2024-05-13",
        "2024-05-31",
        19,
        3078,
        "ERS.DAG",
        expect.stringContaining("inte klarmarkerad") as unknown,
      ],
      [
        "Exempel AB",
        "N-102",
        "Förstärkt jobbpeng (JPF)",
        "2024-05-20",
        "2024-05-20",
        "",
        10000,
        "ERS.TILLAGG",
        "",
      ],
    ]);
    for (const row of sheet.rows.slice(headerRow + 1, headerRow + 4))
      expect(row[6]?.numberFormat).toBe(KR_FORMAT);
  });

  test("the total row sums exactly the amount cells of the table", () => {
    const total = sheet.rows[headerRow + 4];
    expect(total?.[0]?.value).toBe("Summa");
    // 3 686 + 3 078 + 10 000 = 16 764; the data are Excel rows headerRow+2 … headerRow+4
    expect(total?.[6]).toEqual(
      expect.objectContaining({
        value: 16764,
        formula: `SUM(G${headerRow + 2}:G${headerRow + 4})`,
        numberFormat: KR_FORMAT,
      }),
    );
    // The shape the workbook port accepts as a safe formula (reports may not import it).
    expect(total?.[6]?.formula).toMatch(/^SUM\(G\d+:G\d+\)$/);
    expect(invoice.total).toBe(16764);
  });

  test("refusals and problems below the total, severity in Swedish", () => {
    const texts = sheet.rows.map(values);
    const refusedAt = texts.findIndex((r) => r[0] === "Kan inte faktureras");
    const problemsAt = texts.findIndex((r) => r[0] === "Att kontrollera");
    expect(refusedAt).toBeGreaterThan(headerRow + 4);
    expect(String(texts[refusedAt + 1]?.[0])).toMatch(/Rusta och matcha 2 \(ROM2\) i 2024-05.*R-1/);
    expect(problemsAt).toBeGreaterThan(refusedAt);
    expect(texts[problemsAt + 2]).toEqual([
      "fel",
      "N-102",
      "ERS.TILLAGG",
      "Tilläggscheck 7 000 kr för N-102 är inget giltigt belopp – bara 5 000, 10 000 eller 15 000 kr kan beslutas (9.3).",
    ]);
  });

  test("no personnummer in any cell, and only the total carries a formula", () => {
    const cells = sheet.rows.flat();
    expect(cells.some((c) => String(c.value).includes("1234"))).toBe(false);
    const withFormula = cells.filter((c) => c.formula !== undefined);
    expect(withFormula).toHaveLength(1);
    expect(typeof withFormula[0]?.value).toBe("number");
  });
});

test("an empty month: one empty table row, total 0, no masked note, friendly sections", () => {
  const empty: Invoice = {
    month: "2024-02" as YearMonth,
    anordnare: null,
    rows: [],
    total: 0,
    refused: [],
    problems: [],
  };
  const sheet = invoiceSheet(empty, { idag: IDAG });
  const headerRow = sheet.table?.headerRow ?? -1;
  expect(headerRow).toBe(4);
  expect(values(sheet.rows[1])).toEqual(["Anordnare: anges inte i bladet Inställningar"]);
  expect(sheet.rows.flat().some((c) => c.value === MASKED_NOTE)).toBe(false);
  expect(sheet.table?.rowCount).toBe(1);
  // header on Excel row 5, the empty data row on row 6
  expect(sheet.rows[headerRow + 2]?.[6]).toEqual(
    expect.objectContaining({ value: 0, formula: "SUM(G6:G6)" }),
  );
  const texts = sheet.rows.flat().map((c) => c.value);
  expect(texts).toContain("Inget att kontrollera.");
});
