/** `schemakoll las` end to end on real .xlsx files written with ExcelJS. */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { LasOutput } from "../../src/cli/las";

const dir = mkdtempSync(join(tmpdir(), "schemakoll-las-"));
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function workbookFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("Deltagare");
  reg.addRow(["Deltagarregister"]);
  reg.addRow(["Deltagar-ID", "Namn", "Kön", "Insats", "Startdatum", "Slutdatum"]);
  reg.addRow([
    "R-001",
    "Anna Andersson",
    "Kvinna",
    "Rusta och matcha 2",
    utc(2024, 3, 4),
    utc(2024, 6, 28),
  ]);
  reg.addRow(["19850101-1234", "Bo Berg", "Man", "JPG", utc(2024, 3, 1), null]);
  const grid = wb.addWorksheet("Anna Andersson");
  grid.addRow(["Vecka 10 2024", "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"]);
  grid.addRow([
    "8.00-12.00",
    "Eget arbete- praktiskt stöd: Skriva CV",
    "OBL-Individuellt möte 8.00-8.30 därefter Praktiskt stöd",
    "",
    "",
    { formula: "NA()", result: { error: "#N/A" } },
  ]);
  const list = wb.addWorksheet("Aktiviteter");
  list.addRow(["Datum", "Deltagare", "Tid", "Aktivitet"]);
  list.addRow([utc(2024, 3, 4), "19850101-1234", "8.30-11.30", "Praktik på ICA"]);
  list.addRow(["31/13 2024", "19850101-1234", "8-12", "Jobbsökning"]);
  const events = wb.addWorksheet("Händelser");
  events.addRow(["Deltagare", "Datum", "Händelse", "Avser"]);
  events.addRow(["19850101-1234", utc(2024, 3, 1), "Uppstartsmöte", ""]);
  const path = join(dir, "exempel.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t + "\n"), err: (t) => (err += t + "\n") });
  return { code, out, err };
}

test("--json prints one object with sheets, participants, weeks, events and unreadable cells", async () => {
  const { code, out, err } = await run("las", await workbookFile(), "--json");
  expect([code, err]).toEqual([0, ""]);
  const json = JSON.parse(out) as LasOutput;
  expect(json.sheets.map((s) => [s.name, s.kind, s.anchor])).toEqual([
    ["Deltagare", "register", "A2"],
    ["Anna Andersson", "weekgrid", "A1"],
    ["Aktiviteter", "activitylist", "A1"],
    ["Händelser", "events", "A1"],
  ]);
  expect(json.participants.map((p) => [p.id, p.programme, p.start, p.end])).toEqual([
    ["R-001", "ROM2", "2024-03-04", "2024-06-28"],
    ["19850101-****", "JPG", "2024-03-01", null],
  ]);
  expect(json.participants[0]?.weeks).toEqual([
    { week: "2024-V10", from: "2024-03-04", to: "2024-03-05", activities: 3, hours: 8 },
  ]);
  expect(json.events).toEqual([
    { participantId: "19850101-****", date: "2024-03-01", kind: "uppstartsmöte", avser: null },
  ]);
  expect(json.unreadable.map((u) => [u.ruleId, u.sheet, u.cells])).toEqual([
    ["LAS.OKLAR", "Anna Andersson", ["F2"]],
    ["LAS.OKLAR", "Aktiviteter", ["A3"]],
  ]);
});

test("a personnummer in the register never appears in what las prints", async () => {
  const file = await workbookFile();
  for (const args of [
    ["las", file],
    ["las", file, "--json"],
  ]) {
    const { out } = await run(...args);
    expect(out).not.toMatch(/1234/);
    expect(out).toContain("19850101-****");
  }
});

test("the text report is Swedish and names what it found", async () => {
  const { code, out } = await run("las", await workbookFile());
  expect(code).toBe(0);
  expect(out).toContain("Anna Andersson  veckoschema, börjar i A1 – R-001 Anna Andersson");
  expect(out).toContain("2024-V10 (2024-03-04 – 2024-03-05): 3 aktiviteter, 8 h");
  expect(out).toContain("Kunde inte läsa (2)");
});

test.each([
  [["las", "/finns/inte.xlsx"], /Fel: .*finns inte/],
  [["las"], /Ange arbetsboken/],
  [["visa", "x.xlsx"], /Okänt kommando "visa"/],
  [["las", "x.xlsx", "--okand"], /Okänd flagga/],
])("%j exits 2 with a Swedish message and no stack trace", async (args, message) => {
  const { code, err } = await run(...args);
  expect(code).toBe(2);
  expect(err).toMatch(message);
  expect(err).not.toMatch(/\s+at\s+\S+\s+\(/);
});

test("a file that is not a workbook exits 2", async () => {
  const path = join(dir, "inte.xlsx");
  writeFileSync(path, "detta är ingen arbetsbok");
  const { code, err } = await run("las", path);
  expect(code).toBe(2);
  expect(err).toMatch(/^Fel: /);
});
