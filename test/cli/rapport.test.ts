/**
 * `schemakoll rapport` end to end on the bundled Nacka example: both month sheets in a copy,
 * nothing else changed, the same month replaced in place, and a real spreadsheet program
 * (LibreOffice Calc) computing the same invoice total as we do.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { invoiceOutputSchema } from "../../src/cli/faktura";
import { main } from "../../src/cli/main";
import { sheetsAsLibreOfficeSeesThem } from "../support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "schemakoll-rapport-"));
const NACKA = join(__dirname, "../../assets/exempel/nacka-aktivitetslista.xlsx");
const MONTHLY = "Månadsrapport 2024-04";
const INVOICE = "Fakturaunderlag 2024-04";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") });
  return { code, out, err };
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every cell of a sheet: address → value and style, as JSON, for exact comparison. */
function cells(sheet: ExcelJS.Worksheet): Record<string, string> {
  const out: Record<string, string> = {};
  sheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      out[cell.address] = JSON.stringify({ v: cell.value, s: cell.style, n: cell.note });
    });
  });
  return out;
}

async function invoiceJson(file: string) {
  const { code, out } = await run("faktura", file, "--manad", "2024-04", "--json");
  expect(code).toBe(0);
  return invoiceOutputSchema.parse(JSON.parse(out));
}

const first = join(dir, "rapport.xlsx");
const second = join(dir, "rapport-igen.xlsx");

beforeAll(async () => {
  const { code, out, err } = await run("rapport", NACKA, "--manad", "2024-04", "--ut", first);
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(out).toContain(`Skrev ${first}`);
  const again = await run("rapport", first, "--manad", "2024-04", "--ut", second);
  expect(again.code).toBe(0);
  expect(again.out).toContain("(bladet ersattes)");
}, 120_000);

test("the copy holds both month sheets after the workbook's own, which are unchanged", async () => {
  const [input, output] = await Promise.all([load(NACKA), load(first)]);
  const own = input.worksheets.map((s) => s.name);
  expect(output.worksheets.map((s) => s.name)).toEqual([...own, MONTHLY, INVOICE]);
  for (const name of own) {
    const before = input.getWorksheet(name);
    const after = output.getWorksheet(name);
    if (!before || !after) throw new Error(name);
    expect(cells(after)).toEqual(cells(before));
  }
});

test("running it again for the same month replaces the two sheets in place and touches nothing else", async () => {
  const [once, twice] = await Promise.all([load(first), load(second)]);
  expect(twice.worksheets.map((s) => s.name)).toEqual(once.worksheets.map((s) => s.name));
  for (const sheet of once.worksheets) {
    const other = twice.getWorksheet(sheet.name);
    if (!other) throw new Error(sheet.name);
    // The generated sheets are rebuilt from the same data: equal too.
    expect(cells(other)).toEqual(cells(sheet));
  }
});

test("the invoice sheet's rows and total are the faktura command's", async () => {
  const json = await invoiceJson(NACKA);
  const sheet = (await load(first)).getWorksheet(INVOICE);
  if (!sheet) throw new Error(INVOICE);
  const amounts: number[] = [];
  let total: ExcelJS.CellValue = null;
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    const amount = row.getCell(7).value;
    if (label === "Summa") total = row.getCell(7).value;
    else if (typeof amount === "number" && label !== "Anordnare") amounts.push(amount);
  });
  expect(amounts).toEqual(json.rows.map((r) => r.amount));
  const sum = total as unknown as ExcelJS.CellFormulaValue | null;
  expect(sum?.formula).toMatch(/^SUM\(G\d+:G\d+\)$/);
  expect(sum?.result).toBe(json.total);
});

test("LibreOffice Calc opens the copy, recalculates, and agrees on the total", async () => {
  const json = await invoiceJson(NACKA);
  expect(json.total).toBeGreaterThan(0);
  const sheets = sheetsAsLibreOfficeSeesThem(first);
  const invoice = sheets.get(INVOICE);
  const monthly = sheets.get(MONTHLY);
  expect(monthly?.[0]?.[0]).toBe("Månadsrapport för april 2024");
  if (!invoice)
    throw new Error(`LibreOffice såg inget blad ${INVOICE}: ${[...sheets.keys()].join(", ")}`);
  const summa = invoice.find((row) => row[0] === "Summa");
  expect(Number(summa?.[6])).toBe(json.total);
  // And the rows it shows add up to the same figure.
  const header = invoice.findIndex((row) => row[1] === "Deltagare");
  const rows = invoice.slice(header + 1, invoice.indexOf(summa ?? []));
  expect(rows.map((r) => Number(r[6]))).toEqual(json.rows.map((r) => r.amount));
}, 180_000);

test.each([
  [["rapport", NACKA, "--manad", "2024-04"], "--ut"],
  [
    ["rapport", NACKA, "--manad", "april", "--ut", join(dir, "x.xlsx")],
    "--manad ska vara en månad",
  ],
  [["rapport", NACKA, "--manad", "2024-04", "--ut", NACKA], "sparar aldrig över arbetsboken"],
  [["rapport", NACKA, "--manad", "2024-04", "--ut", join(dir, "x.xlsx"), "--json"], "--json"],
])("bad input %j exits 2 with a Swedish message", async (args, message) => {
  const { code, err } = await run(...args);
  expect(code).toBe(2);
  expect(err).toContain(message);
});
