/** `schemakoll faktura` end to end: text, the --json contract, exit codes. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { invoiceOutputSchema } from "../../src/cli/faktura";
import { main } from "../../src/cli/main";

const dir = mkdtempSync(join(tmpdir(), "schemakoll-faktura-"));
const NACKA = join(__dirname, "../../assets/exempel/nacka-aktivitetslista.xlsx");
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") });
  return { code, out, err };
}

type Row = (string | number | Date | null)[];

/**
 * A small Nacka workbook: N-1 JPG from 2024-03-15, N-2 JPF from 2024-03-01 (its March report
 * klarmarkerad 2024-04-09, after the 7th), a tilläggscheck of 7 000 kr for N-2, and whatever
 * extra register rows a test adds.
 */
async function workbook(name: string, extra: Row[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("Deltagare");
  reg.addRow(["Deltagar-ID", "Kön", "Insats", "Startdatum", "Slutdatum"]);
  reg.addRow(["N-1", "Kvinna", "Jobbpeng grund", utc(2024, 3, 15), null]);
  reg.addRow(["N-2", "Man", "JPF", utc(2024, 3, 1), utc(2024, 8, 30)]);
  for (const row of extra) reg.addRow(row);
  const ev = wb.addWorksheet("Händelser");
  ev.addRow(["Deltagare", "Datum", "Händelse", "Avser", "Kommentar"]);
  ev.addRow(["N-1", utc(2024, 4, 5), "Månadsrapport klar", "2024-03", null]);
  ev.addRow(["N-2", utc(2024, 4, 9), "Månadsrapport klar", "mars 2024", null]);
  ev.addRow(["N-2", utc(2024, 3, 20), "Tilläggscheck", "7 000", "Arbetskläder"]);
  const set = wb.addWorksheet("Inställningar");
  set.addRow(["Parameter", "Värde"]);
  set.addRow(["Anordnare", "Testbolaget AB"]);
  set.addRow(["Idag", utc(2024, 4, 10)]);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

test("text: a Swedish table of rows, the total with a thousands space, the problems", async () => {
  const { code, out, err } = await run(
    "faktura",
    await workbook("liten.xlsx"),
    "--manad",
    "2024-03",
  );
  expect(code).toBe(0);
  expect(err).toBe("");
  expect(out).toContain("Fakturaunderlag för mars 2024 – liten.xlsx (idag 2024-04-10)");
  expect(out).toContain("Anordnare: Testbolaget AB");
  // N-1: 15..31 March = 17 days × 123 = 2 091 kr
  expect(out).toMatch(
    /^N-1 +Jobbpeng grund \(JPG\) +2024-03-15 +2024-03-31 +17 +2 091 kr +ERS\.DAG$/m,
  );
  // N-2: whole March, JPF 4 858 kr, report 2024-04-09 after the deadline 2024-04-07
  expect(out).toMatch(
    /^N-2 +Förstärkt jobbpeng \(JPF\) .* 4 858 kr +ERS\.MANAD +Sen månadsrapport/m,
  );
  // 2 091 + 4 858 = 6 949
  expect(out).toContain("Summa: 6 949 kr");
  expect(out).toContain("Att kontrollera:");
  expect(out).toContain("Tilläggscheck 7 000 kr för N-2 är inget giltigt belopp");
});

test("--json: exactly one object matching the contract; problems go to stderr", async () => {
  const { code, out, err } = await run(
    "faktura",
    await workbook("json.xlsx"),
    "--manad",
    "2024-03",
    "--json",
  );
  expect(code).toBe(0);
  const json = invoiceOutputSchema.parse(JSON.parse(out));
  expect(json).toEqual({
    month: "2024-03",
    rows: [
      {
        participantId: "N-1",
        programme: "JPG",
        from: "2024-03-15",
        to: "2024-03-31",
        days: 17,
        amount: 2091,
        ruleId: "ERS.DAG",
        flags: [],
      },
      {
        participantId: "N-2",
        programme: "JPF",
        from: "2024-03-01",
        to: "2024-03-31",
        days: 31,
        amount: 4858,
        ruleId: "ERS.MANAD",
        flags: ["ERS.SEN"],
      },
    ],
    total: 6949,
  });
  expect(err).toMatch(/^fel +ERS\.TILLAGG N-2: Tilläggscheck 7 000 kr/m);
});

test("--idag decides whether a missing report is overdue", async () => {
  const path = await workbook("idag.xlsx");
  // April: N-1's April report is not klarmarkerad; deadline 2024-05-07.
  const before = invoiceOutputSchema.parse(
    JSON.parse(
      (await run("faktura", path, "--manad", "2024-04", "--json", "--idag", "2024-05-07")).out,
    ),
  );
  const after = invoiceOutputSchema.parse(
    JSON.parse(
      (await run("faktura", path, "--manad", "2024-04", "--json", "--idag", "2024-05-08")).out,
    ),
  );
  expect(before.rows[0]?.flags).toEqual([]);
  expect(after.rows[0]?.flags).toEqual(["EJ_KLARMARKERAD"]);
});

test("a participant without a tariff: exit 2, the refusal on stderr, nothing on stdout with --json", async () => {
  const path = await workbook("utan-tariff.xlsx", [
    ["19850101-1234", "Kvinna", "ROM2", utc(2024, 3, 4), null],
  ]);
  const json = await run("faktura", path, "--manad", "2024-03", "--json");
  expect(json.code).toBe(2);
  expect(json.out).toBe("");
  expect(json.err).toContain(
    "Fel: Ingen ersättningsnivå finns för Rusta och matcha 2 (ROM2) i 2024-03, så deltagaren 19850101-**** kan inte faktureras.",
  );
  expect(json.err).not.toContain("1234");
  const text = await run("faktura", path, "--manad", "2024-03");
  expect(text.code).toBe(2);
  expect(text.out).toContain("Kan inte faktureras:");
  expect(text.out).toContain("Summa: 6 949 kr");
  expect(text.out + text.err).not.toContain("1234");
});

test.each([
  [["faktura", NACKA], /--manad ska vara en månad som 2024-05/],
  [["faktura", NACKA, "--manad", "maj"], /--manad ska vara en månad som 2024-05, inte "maj"/],
  [["faktura", NACKA, "--manad", "2024-13"], /--manad ska vara en månad som 2024-05/],
  [["faktura", NACKA, "--manad", "2024-05", "--idag", "igår"], /--idag ska vara ett datum/],
  [["faktura", "/finns/inte.xlsx", "--manad", "2024-05"], /finns inte/],
  [["faktura", "--manad", "2024-05"], /Ange arbetsboken/],
  [
    ["faktura", NACKA, "--manad", "2024-05", "--markera", "x.xlsx"],
    /--markera hör till schemakoll validera/,
  ],
  [["validera", NACKA, "--manad", "2024-05"], /--manad hör till schemakoll faktura/],
])("%j exits 2 with a Swedish message", async (args, message) => {
  const { code, out, err } = await run(...args);
  expect(code).toBe(2);
  expect(out).toBe("");
  expect(err).toMatch(message);
});

describe("the Nacka example, April 2024", () => {
  test("every participant a whole month; N-102's April report late (2024-05-10), N-101's on time", async () => {
    const { code, out } = await run("faktura", NACKA, "--manad", "2024-04", "--json");
    expect(code).toBe(0);
    const json = invoiceOutputSchema.parse(JSON.parse(out));
    const row = (id: string) => json.rows.find((r) => r.participantId === id);
    // N-101 JPG from 2024-03-04, ongoing: April whole month = 3 686; report 2024-05-03 ≤ 2024-05-07
    expect(row("N-101")).toEqual(
      expect.objectContaining({ amount: 3686, ruleId: "ERS.MANAD", days: 30, flags: [] }),
    );
    // N-102 JPF: 4 858; April report klarmarkerad 2024-05-10 > 2024-05-07
    expect(row("N-102")).toEqual(
      expect.objectContaining({ amount: 4858, ruleId: "ERS.MANAD", flags: ["ERS.SEN"] }),
    );
    // SAI 6 080; FAI 1 and FAI 2 from the example's own (invented) tariffs 7 200 and 5 400
    expect(row("N-103")?.amount).toBe(6080);
    expect(row("N-104")?.amount).toBe(7200);
    expect(row("N-105")?.amount).toBe(5400);
    // 3 686 + 4 858 + 6 080 + 7 200 + 5 400 = 27 224
    expect(json.total).toBe(27224);
  });

  test("text output ends with the Swedish total", async () => {
    const { code, out } = await run("faktura", NACKA, "--manad", "2024-04");
    expect(code).toBe(0);
    expect(out).toContain("Summa: 27 224 kr");
    expect(out).toMatch(/^N-102 .*Sen månadsrapport \(ERS\.SEN\)/m);
  });
});

test("rapport and faktura are in the help", async () => {
  const { code, out } = await run("--hjalp");
  expect(code).toBe(0);
  expect(out).toContain("schemakoll faktura <arbetsbok.xlsx> --manad ÅÅÅÅ-MM");
  expect(out).toContain("schemakoll rapport <arbetsbok.xlsx> --manad ÅÅÅÅ-MM --ut <ut.xlsx>");
});

test("rapport without --ut is a usage error (exit 2)", async () => {
  const { code, err } = await run("rapport", NACKA, "--manad", "2024-04");
  expect(code).toBe(2);
  expect(err).toMatch(/^Fel: /);
});
