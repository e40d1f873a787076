/**
 * Excel on the web refuses a response over 5 MB as it refuses a request (Microsoft, "Resource
 * limits and performance optimization": ResponsePayloadSizeLimitExceeded). A workbook whose
 * values alone are about 12 MB — the bench's week grids, sheets of long notes-to-self and, after
 * the first validation, a records sheet holding the marked cells' own long notes — validates,
 * validates again, and clears on the in-memory Excel with that limit on: no response over it
 * delivered, nothing lost, and the syncs in proportion to the bytes read. A cell that alone is
 * over the limit is named in a Swedish error.
 */
import { generateWorkbook } from "../../bench/generate";
import { createApp } from "../../src/app/app";
import { OfficeWorkbook } from "../../src/workbook/office";
import { RESPONSE_BUDGET } from "../../src/workbook/office/support";
import { MARKS_SHEET_NAME, WorkbookReadError } from "../../src/workbook/port";
import { FakeExcel, type FakeSheetInit } from "../excelFake";

const FIVE_MB = 5_000_000;
const PARTICIPANTS = 100;
/** Sheets of long texts beside the schedules: 24 × 40 rows × 10 columns of 1 000 characters. */
const TEXT_SHEETS = 24;
const TEXT_ROWS = 40;
const TEXT_COLS = 10;
const TEXT_LENGTH = 1_000;
/** Marked cells given an own note of 20 000 characters before the first validation. */
const NOTED_CELLS = 300;
const NOTE_LENGTH = 20_000;

function longText(seed: number, length: number): string {
  // "Anteckning 17: " then "å" (2 bytes in UTF-8) and letters, so the bytes are not the length.
  const head = `Anteckning ${String(seed)}: `;
  return head + "åbcdefghij".repeat(Math.ceil(length / 10)).slice(0, length - head.length);
}

function sheets(): FakeSheetInit[] {
  const generated = generateWorkbook({ participants: PARTICIPANTS, layout: "weekgrid", months: 2 });
  const schedules = generated.sheets.map((s) => ({
    name: s.name,
    values: s.values as (string | number | boolean | null)[][],
  }));
  const texts = Array.from({ length: TEXT_SHEETS }, (_, i) => ({
    name: `Anteckningar ${String(i + 1)}`,
    values: Array.from({ length: TEXT_ROWS }, (_, r) =>
      Array.from({ length: TEXT_COLS }, (_, c) => longText(i * 1000 + r * 10 + c, TEXT_LENGTH)),
    ),
  }));
  return [...schedules, ...texts];
}

function everything(fake: FakeExcel): Record<string, unknown> {
  return Object.fromEntries(fake.sheetNames().map((name) => [name, fake.cellsOf(name)]));
}

/** Delivered responses' bytes (a refused one is measured, then refused: not delivered). */
function delivered(fake: FakeExcel): number[] {
  return fake.responseSizes.filter((size) => size <= FIVE_MB);
}

describe("Excel on the web's 5 MB response limit", () => {
  it("validates, validates again and clears a workbook of about 12 MB of values", async () => {
    // The cells the validation marks with a note, found on a copy first.
    const probe = FakeExcel.fromSheets(sheets(), { maxResponseBytes: Infinity });
    const probePort = new OfficeWorkbook(probe.run, { apiVersion: () => true });
    await createApp(probePort, probePort).validate();
    const noted = probe
      .sheetNames()
      .filter((name) => name !== MARKS_SHEET_NAME)
      .flatMap((name) =>
        Object.entries(probe.cellsOf(name))
          .filter(([, cell]) => cell.note !== null)
          .map(([address]) => ({ name, address })),
      )
      .slice(0, NOTED_CELLS);
    expect(noted).toHaveLength(NOTED_CELLS);

    const fake = FakeExcel.fromSheets(sheets());
    expect(fake.maxResponseBytes).toBe(FIVE_MB);
    // Their own notes (20 000 characters: the records will carry them) and an own fill.
    for (const [i, { name, address }] of noted.entries()) {
      fake.sheet(name).notes.set(address, longText(i, NOTE_LENGTH));
      if (i % 2 === 0) {
        const [, letters = "", row = ""] = /^([A-Z]+)(\d+)$/.exec(address) ?? [];
        let col = 0;
        for (let k = 0; k < letters.length; k++) col = col * 26 + letters.charCodeAt(k) - 64;
        fake.cellAt(fake.sheet(name), Number(row), col).fill = "#00B050";
      }
    }
    const before = everything(fake);
    const port = new OfficeWorkbook(fake.run, { apiVersion: () => true });
    const app = createApp(port, port);

    // The values of every sheet as one response: measured with the limit off.
    const whole = FakeExcel.fromSheets(sheets(), { maxResponseBytes: Infinity });
    const wholePort = new OfficeWorkbook(whole.run, { apiVersion: () => true });
    await wholePort.readSheets();
    const valuesBytes = whole.responseSizes[1] ?? 0;
    // Read by parts under the limit, every value and number format is as read in one response.
    const parted = new OfficeWorkbook(fake.run, { apiVersion: () => true });
    expect(await parted.readSheets()).toEqual(await wholePort.readSheets());
    expect(fake.largestDeliveredResponseBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(fake.responseLimitFailures).toBeGreaterThan(0);
    // 24 × 40 × 10 texts of 1 000 characters, about 98 of them "å" (2 bytes), with quotes and
    // comma about 1 100 bytes each: 10.6 MB; the schedules of 100 participants about 1.2 MB more.
    expect(valuesBytes).toBeGreaterThan(11_000_000);
    expect(valuesBytes).toBeLessThan(13_000_000);

    for (const round of ["first", "again"]) {
      fake.resetCounters();
      const view = await app.validate();
      expect(view.markedCells).toBeGreaterThan(PARTICIPANTS);
      // No delivered response over 5 MB; the ones refused were read again by parts.
      expect(fake.largestDeliveredResponseBytes).toBeLessThanOrEqual(FIVE_MB);
      const read = delivered(fake).reduce((a, b) => a + b, 0);
      // Proportional: names, sizes, 2 for replaceMarks, and per RESPONSE_BUDGET read at most
      // 2 syncs (a part planned on the estimate is at least half the budget until the last),
      // plus each refusal and the halves it costs (2 syncs each).
      const bound =
        1 + 1 + 2 + 2 * Math.ceil(read / RESPONSE_BUDGET) + 3 * fake.responseLimitFailures;
      expect(fake.syncCount).toBeLessThanOrEqual(bound);
      // The refusals are few: the first read's single sync, parts planned before the long texts
      // were seen, the cells' own long notes read in halves (their length is not known before).
      expect(fake.responseLimitFailures).toBeLessThanOrEqual(round === "first" ? 8 : 4);
    }
    // The records hold the 300 own notes of 20 000 characters: more than 6 MB by themselves.
    expect(
      fake
        .valuesOf(MARKS_SHEET_NAME)
        .flat()
        .reduce<number>((n, v) => n + String(v).length, 0),
    ).toBeGreaterThan(NOTED_CELLS * NOTE_LENGTH);

    fake.resetCounters();
    await app.clearMarks();
    expect(fake.largestDeliveredResponseBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(fake.sheetNames()).not.toContain(MARKS_SHEET_NAME);
    expect(everything(fake)).toEqual(before);
  }, 240_000);

  it("names a cell whose content alone is more than one response can carry", async () => {
    const fake = FakeExcel.fromSheets([
      { name: "Vecka 21", values: [["Måndag"], ["x".repeat(6_000_000)]] },
    ]);
    const port = new OfficeWorkbook(fake.run, { apiVersion: () => true });
    const error = await port.readSheets().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as Error).message).toBe(
      "Cellen A2 i bladet ”Vecka 21” innehåller mer än Excel på webben kan skicka i ett svar (5 MB) och kan inte läsas. Korta innehållet i cellen och försök igen.",
    );
  });
});
