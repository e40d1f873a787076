/**
 * Issue 9, item 2 on the Office port (src/workbook/office, over the in-memory Excel of
 * test/excelFake): over random sheets (values, number formats, fills, notes, hidden sheets),
 * markCells in two batches then clearMarks leaves every cell's value, format, fill and note
 * identical, and writing a report sheet twice changes no other sheet.
 */
import fc from "fast-check";
import { FakeExcel, type FakeSheetInit } from "../excelFake";
import { OfficeWorkbook } from "../../src/workbook/office";
import type { CellMark, SheetModel } from "../../src/workbook/port";

const RUNS = 60;
const COLUMNS = "ABCDEF";
const ROWS = 8;

const value = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("=inte en formel", "Praktiskt stöd: CV", "ÅÄÖ", "rad1\nrad2"),
  fc.integer({ min: -100, max: 50_000 }),
  fc.boolean(),
);
const format = fc.constantFrom("General", "yyyy-mm-dd", "0.0", "@", "[h]:mm");
const fill = fc.option(fc.constantFrom("#FFFF00", "#00FF00", "#FFC7CE", "#123456"), { freq: 3 });
const note = fc.option(fc.string({ minLength: 1, maxLength: 20 }), { freq: 4 });

const grid = <T>(arb: fc.Arbitrary<T>) =>
  fc.array(fc.array(arb, { minLength: COLUMNS.length, maxLength: COLUMNS.length }), {
    minLength: ROWS,
    maxLength: ROWS,
  });

const sheetInit: fc.Arbitrary<FakeSheetInit> = fc.record({
  name: fc.constantFrom("Jan Ek", "Deltagare", "Vecka 10", "Händelser"),
  values: grid(value),
  numberFormats: grid(format),
  fills: grid(fill),
  notes: grid(note),
  visibility: fc.constantFrom("Visible" as const, "Visible" as const, "Hidden" as const),
});

const sheets = fc
  .array(sheetInit, { minLength: 1, maxLength: 3 })
  .map((all) => all.filter((s, i) => all.findIndex((o) => o.name === s.name) === i))
  .map((all) => all.map((s, i) => (i === 0 ? { ...s, visibility: "Visible" as const } : s)));

const address = fc
  .tuple(fc.nat({ max: COLUMNS.length + 1 }), fc.integer({ min: 1, max: ROWS + 2 }))
  .map(([c, r]) => `${"ABCDEFGH"[c] ?? "A"}${String(r)}`);

function marksFor(names: readonly string[]): fc.Arbitrary<CellMark[]> {
  return fc.array(
    fc.record({
      sheet: fc.constantFrom(...names),
      cells: fc.array(address, { minLength: 1, maxLength: 3 }),
      severity: fc.constantFrom("error" as const, "warning" as const, "info" as const),
      note: fc.string({ minLength: 1, maxLength: 30 }),
    }),
    { minLength: 1, maxLength: 5 },
  );
}

const scenario = sheets.chain((s) =>
  fc.tuple(fc.constant(s), marksFor(s.map((x) => x.name)), marksFor(s.map((x) => x.name))),
);

const REPORT: SheetModel = {
  name: "Månadsrapport 2024-03",
  rows: [
    [
      { value: "Deltagare", bold: true },
      { value: "Timmar", bold: true },
    ],
    [{ value: "=Anna Ek" }, { value: 12.5, numberFormat: "0.0" }],
    [
      { value: "Summa", bold: true },
      { value: 12.5, formula: "SUM(B2:B2)" },
    ],
  ],
};

function everything(fake: FakeExcel, names: readonly string[]): unknown {
  return names.map((n) => [n, fake.sheet(n).visibility, fake.cellsOf(n)]);
}

test(`mark → clear leaves every cell identical; a report written twice changes no other sheet (${String(RUNS)} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ([inits, marks1, marks2]) => {
      const fake = FakeExcel.fromSheets(inits);
      const office = new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
      const names = inits.map((s) => s.name);
      const before = everything(fake, names);
      await office.markCells(marks1);
      await office.markCells(marks2);
      await office.clearMarks();
      expect(everything(fake, names)).toEqual(before);
      await office.writeSheet(REPORT);
      await office.writeSheet(REPORT);
      expect(everything(fake, names)).toEqual(before);
      expect(fake.sheetNames().filter((n) => !names.includes(n))).toEqual([REPORT.name]);
    }),
    { numRuns: RUNS },
  );
}, 60_000);

test("deliberate break: a clearMarks that restores nothing is caught by the same property", async () => {
  const result = await fc.check(
    fc.asyncProperty(scenario, async ([inits, marks1]) => {
      const fake = FakeExcel.fromSheets(inits);
      const office = new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
      const names = inits.map((s) => s.name);
      const before = everything(fake, names);
      await office.markCells(marks1);
      // No clearMarks: the marks stay.
      expect(everything(fake, names)).toEqual(before);
    }),
    { numRuns: 20, endOnFailure: true },
  );
  expect(result.failed).toBe(true);
});

const PAYLOADS = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-1+1",
  "\t=1+2",
  "\r=1+2",
];

test("formula-like texts written through the Office port stay literal text (no formula)", async () => {
  const fake = FakeExcel.fromSheets([{ name: "Deltagare", values: [["Deltagar-ID"]] }]);
  const office = new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
  await office.writeSheet({ name: "Rapport", rows: [PAYLOADS.map((value) => ({ value }))] });
  await office.appendRows(
    "Godkända avvikelser",
    ["Deltagare"],
    PAYLOADS.map((value) => [{ value }]),
  );
  await office.writeCells(
    "Inställningar",
    PAYLOADS.map((value, i) => ({ cell: `B${String(i + 1)}`, value })),
  );
  for (const sheet of ["Rapport", "Godkända avvikelser", "Inställningar"]) {
    const cells = Object.values(fake.cellsOf(sheet));
    expect(cells.filter((c) => c.formula !== null)).toEqual([]);
    for (const p of PAYLOADS) expect(cells.some((c) => c.value === p)).toBe(true);
  }
});
