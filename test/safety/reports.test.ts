/**
 * Issue 9, items 3 and 4 for the report commands (`schemakoll rapport` and `faktura`): the
 * Månadsrapport and Fakturaunderlag sheets and the faktura output hold formula-like texts
 * only as literal text, no formula but Schemakoll's own sums, and never a full personnummer.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { SAFE_FORMULA } from "../../src/workbook/port";
import { runCli, type CliRun } from "./cli";
import {
  formulaElements,
  leaks,
  utc,
  writtenTexts,
  type GeneratedPnr,
  type WrittenTexts,
} from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "schemakoll-rapport-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const PAYLOADS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1", "\t=1+2"];
// 8·2=16→7, 6, 0, 3, 0, 4, 0, 4, 5·2=10→1: 7+6+0+3+0+4+0+4+1 = 25 → check digit 5.
const PNR: GeneratedPnr = { written: "860304-0455", ten: "8603040455", datePart: "860304" };

let input: string;
let report: WrittenTexts;
let newSheets: string[];
let rapport: CliRun;
let faktura: CliRun;
let fakturaText: CliRun;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("Deltagare");
  reg.addRow(["Deltagar-ID", "Namn", "Kön", "Insats", "Startdatum"]);
  PAYLOADS.forEach((p, i) =>
    reg.addRow([`D${String(i + 1)}`, p, "Kvinna", "ROM2", utc(2024, 3, 4)]),
  );
  reg.addRow([PNR.written, `Anna ${PNR.written}`, "Kvinna", "ROM2", utc(2024, 3, 4)]);
  const list = wb.addWorksheet("Aktiviteter");
  list.addRow(["Deltagare", "Datum", "Start", "Slut", "Aktivitet"]);
  PAYLOADS.forEach((p, i) =>
    list.addRow([`D${String(i + 1)}`, utc(2024, 3, 5), "8:00", "12:00", p]),
  );
  list.addRow([PNR.written, utc(2024, 3, 5), "8:00", "12:00", `Möte om ${PNR.written}`]);
  const log = wb.addWorksheet("Händelser");
  log.addRow(["Deltagare", "Datum", "Händelse", "Avser", "Kommentar"]);
  PAYLOADS.forEach((p, i) =>
    log.addRow([`D${String(i + 1)}`, utc(2024, 3, 4), "Uppstartsmöte", p, p]),
  );
  log.addRow([PNR.written, utc(2024, 3, 4), "Uppstartsmöte", PNR.written, `Ring ${PNR.written}`]);
  const tariffs = wb.addWorksheet("Ersättningar");
  tariffs.addRow(["Insats", "Gäller från", "Månadsbelopp", "Dagersättning"]);
  tariffs.addRow(["ROM2", utc(2024, 1, 1), 3686, 170]);
  input = join(dir, "rapport.xlsx");
  await wb.xlsx.writeFile(input);

  const out = join(dir, "rapport-ut.xlsx");
  const month = ["--manad", "2024-03", "--idag", "2024-04-05"];
  rapport = await runCli("rapport", input, ...month, "--ut", out);
  faktura = await runCli("faktura", input, ...month, "--json");
  fakturaText = await runCli("faktura", input, ...month);
  if (rapport.code === 0) {
    report = await writtenTexts(readFileSync(out));
    newSheets = report.sheetNames.filter(
      (n) => !["Deltagare", "Aktiviteter", "Händelser", "Ersättningar"].includes(n),
    );
  }
}, 120_000);

test("rapport and faktura run (exit 0) and rapport adds its two sheets", () => {
  expect([rapport.code, rapport.err]).toEqual([0, ""]);
  expect([faktura.code, faktura.err]).toEqual([0, ""]);
  expect(newSheets).toEqual(["Månadsrapport 2024-03", "Fakturaunderlag 2024-03"]);
});

test("the report sheets hold no formula but Schemakoll's own sums (ExcelJS and raw XML)", () => {
  expect(formulaElements(report.parts).filter((f) => !SAFE_FORMULA.test(f))).toEqual([]);
  expect(report.formulas.filter((f) => !SAFE_FORMULA.test(f.replace(/^.*? = /, "")))).toEqual([]);
});

test("a payload that appears in a report sheet is a text cell, never a formula", () => {
  const cells = [...report.cells].filter(([at]) => newSheets.some((s) => at.startsWith(`${s}!`)));
  for (const [, value] of cells) {
    // A formula cell reads back as {"formula":…}; anything else with the payload is text.
    if (value.startsWith("{")) {
      const parsed = JSON.parse(value) as { formula?: string; sharedFormula?: string };
      expect(SAFE_FORMULA.test(parsed.formula ?? parsed.sharedFormula ?? "SUM(A1:A1)")).toBe(true);
    }
  }
});

function pnrLeaks(): string[] {
  const places: (readonly [string, string])[] = [
    ...newSheets.map((n) => [`sheet ${n}`, n] as const),
    ...[...report.cells].filter(([at]) => newSheets.some((s) => at.startsWith(`${s}!`))),
    ["rapport stdout", rapport.out],
    ["faktura --json", faktura.out],
    ["faktura", fakturaText.out],
  ];
  return places
    .filter(([, text]) => leaks(text, PNR))
    .map(([at, text]) => `${at}: ${text.slice(0, 120)}`);
}

test("no full personnummer from the id, an activity text, Avser or a comment, anywhere", () => {
  // The participant's name ("Anna 860304-0455") is the known leak below; everything else clean.
  expect(pnrLeaks().filter((l) => !l.includes(`Anna ${PNR.written}`))).toEqual([]);
});

// BUG (reported to the integrator): a participant's name holding a personnummer is written
// as read into the Månadsrapport (the name column and the participant's heading,
// "Deltagare 860304-**** – Anna 860304-0455"). Fix: maskPersonnummerInText on
// Participant.name where reports/monthlySheet.ts (and invoiceSheet.ts, if it shows names)
// writes it. Flip to test() then.
test("no full personnummer from a participant's name in the reports", () => {
  expect(pnrLeaks()).toEqual([]);
});

test("the payload names reach the Månadsrapport as literal text", () => {
  const texts = [...report.cells]
    .filter(([at]) => at.startsWith("Månadsrapport 2024-03!"))
    .map(([, v]) => v);
  for (const p of PAYLOADS) expect(texts.some((t) => t.includes(p.trim()))).toBe(true);
});

test("faktura --json is one JSON value; tab and CR only escaped", () => {
  expect(() => JSON.parse(faktura.out) as unknown).not.toThrow();
  expect(faktura.out).not.toMatch(/[\t\r]/);
});
