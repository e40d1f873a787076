/**
 * Issue 9, item 6: how the CLI reports a failure that is not the user's. An internal error
 * (here a RangeError such as the stack overflow a 200 000-row list caused, simulated by a
 * test-local engine that throws it) must be reported as "något oväntat hände", not as if the
 * user had given a wrong argument.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./cli";
import { utc } from "./helpers";

jest.mock("../../src/rules/engine", () => {
  const actual = jest.requireActual<Record<string, unknown>>("../../src/rules/engine");
  return {
    ...actual,
    validate: () => {
      throw new RangeError("Maximum call stack size exceeded");
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), "schemakoll-fel-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// BUG (reported to the integrator): src/cli/main.ts turns every RangeError thrown by
// validera (and rapport/faktura) into a UsageError, meant for "--idag ska vara ett datum …";
// an internal RangeError then reads "Fel: Maximum call stack size exceeded" like a usage
// error. Fix: throw UsageError (not RangeError) for bad --idag/--manad in validera.ts,
// rapport.ts and faktura.ts, and drop the RangeError → UsageError mapping in main.ts.
test("an internal RangeError is reported as unexpected, exit 2", async () => {
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("Deltagare");
  reg.addRow(["Deltagar-ID", "Insats", "Startdatum"]);
  reg.addRow(["D1", "ROM2", utc(2024, 3, 4)]);
  const path = join(dir, "fel.xlsx");
  await wb.xlsx.writeFile(path);
  const run = await runCli("validera", path, "--idag", "2024-03-29");
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/^Fel: något oväntat hände\. Inget har skrivits eller ändrats\./);
});

test("a bad --idag is still a usage error in Swedish", async () => {
  const run = await runCli("validera", join(dir, "finns-inte.xlsx"), "--idag", "igår");
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/^Fel: --idag ska vara ett datum som 2024-03-15, inte "igår"\./);
});
