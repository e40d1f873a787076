/** `schemakoll validera` end to end: the JSON contract, exit codes, and --markera. */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { validationOutputSchema } from "../../src/cli/contract";
import { main } from "../../src/cli/main";
import { FINDINGS_SHEET } from "../../src/cli/validera";
import { openWorkbookFile } from "../../src/workbook/file";

const dir = mkdtempSync(join(tmpdir(), "schemakoll-validera-"));
const ROM2 = join(__dirname, "../../assets/exempel/rom2-veckoscheman.xlsx");
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") });
  return { code, out, err };
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

test("--json passes the contract schema and finds Cecilia's documented 15-day gap", async () => {
  const { code, out } = await run("validera", ROM2, "--json");
  const json = validationOutputSchema.parse(JSON.parse(out));
  expect(code).toBe(1);
  expect(json.participants.map((p) => p.id)).toEqual(["R-001", "R-002", "R-003"]);
  expect(json.findings).toContainEqual(
    expect.objectContaining({
      ruleId: "ROM2.MOTE14",
      severity: "error",
      participantId: "R-003",
      from: "2024-03-06",
      to: "2024-03-20",
      sheet: "Cecilia Ek",
      accepted: false,
    }),
  );
  expect(json.findings).toContainEqual(
    expect.objectContaining({ ruleId: "LAS.DELTAGARE", sheet: "Ny deltagare", cells: ["A1"] }),
  );
});

test("--markera writes a marked copy with a findings sheet and leaves the input untouched", async () => {
  const before = sha(ROM2);
  const copy = join(dir, "markerad.xlsx");
  const { code, out } = await run("validera", ROM2, "--markera", copy);
  expect(code).toBe(1);
  expect(out).toContain(`Markerad kopia: ${copy}`);
  expect(sha(ROM2)).toBe(before);
  const marked = await openWorkbookFile(copy);
  expect(marked.markedCells().length).toBeGreaterThan(0);
  const [sheet] = await marked.readSheets([FINDINGS_SHEET]);
  expect(sheet?.values[0]).toEqual([
    "Deltagare",
    "Regel",
    "Allvarlighet",
    "Från",
    "Till",
    "Meddelande",
    "Källa",
    "Godkänd",
    "Celler",
  ]);
  expect(sheet?.values.some((row) => row[1] === "ROM2.MOTE14" && row[0] === "R-003")).toBe(true);
});

test("a workbook without errors exits 0", async () => {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("Deltagare");
  reg.addRow(["Deltagar-ID", "Kön", "Insats", "Startdatum", "Slutdatum"]);
  reg.addRow(["R-010", "Kvinna", "ROM2", utc(2024, 3, 4), utc(2024, 3, 8)]);
  const grid = wb.addWorksheet("R-010");
  grid.addRow(["Vecka 10 2024", "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"]);
  grid.addRow([
    "Hos leverantör 8.00-12.00",
    "OBL-Individuellt möte 8.00-9.00 därefter Praktiskt stöd: CV",
    "Praktiskt stöd: CV",
    "Praktiskt stöd: CV",
    "Praktiskt stöd: CV",
    "Praktiskt stöd: CV",
  ]);
  const path = join(dir, "ren.xlsx");
  await wb.xlsx.writeFile(path);
  const { code, out } = await run("validera", path, "--idag", "2024-03-01");
  expect(out).toContain("Arbetsbok: ren.xlsx (idag 2024-03-01)");
  expect(out).toMatch(/^0 fel/m);
  expect(code).toBe(0);
});

test.each([
  [["validera", ROM2, "--idag", "igår"], /--idag ska vara ett datum/],
  [["validera", ROM2, "--markera", ROM2], /sparar aldrig över arbetsboken/],
  [["validera", "/finns/inte.xlsx"], /finns inte/],
  [["las", ROM2, "--idag", "2024-01-01"], /hör till schemakoll validera/],
])("%j exits 2 with a Swedish message", async (args, message) => {
  const { code, err } = await run(...args);
  expect(code).toBe(2);
  expect(err).toMatch(message);
});

test("a Godkänd avvikelse keeps the finding, shows it as accepted and it no longer counts as an error", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(ROM2);
  const sheet = wb.addWorksheet("Godkända avvikelser");
  sheet.addRow(["Deltagare", "Regel", "Från", "Till", "Orsak", "Godkänd av", "Datum"]);
  sheet.addRow([
    "R-003",
    "ROM2.MOTE14",
    utc(2024, 3, 1),
    utc(2024, 3, 31),
    "Handledaren sjuk, möte flyttat",
    "KV Nacka",
    utc(2024, 3, 25),
  ]);
  const path = join(dir, "godkand.xlsx");
  await wb.xlsx.writeFile(path);
  const { out } = await run("validera", path, "--json");
  const json = validationOutputSchema.parse(JSON.parse(out));
  expect(json.findings.find((f) => f.ruleId === "ROM2.MOTE14")).toMatchObject({
    participantId: "R-003",
    accepted: true,
  });
  const text = await run("validera", path);
  expect(text.out).toMatch(/godkänd\s+ROM2\.MOTE14/);
  expect(text.out).toMatch(/, 1 godkänd avvikelse$/m);
});
