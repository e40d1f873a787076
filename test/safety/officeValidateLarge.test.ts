/**
 * A validation in Excel at the bench's sizes (bench/roundtrips.ts: the generator's week grids,
 * 2 months per participant), through the app layer the task pane uses (createApp) over the
 * Office port and the in-memory Excel: at most 4 syncs whatever the number of sheets (readSheets
 * 2, replaceMarks 2: the reads, then one write), every request under Excel on the web's 5 MB and
 * never larger than the port estimated, and clearing the marks gives back every cell as it was.
 */
import { generateWorkbook } from "../../bench/generate";
import { createApp } from "../../src/app/app";
import { OfficeWorkbook } from "../../src/workbook/office";
import { REQUEST_BUDGET, RequestBatch } from "../../src/workbook/office/support";
import { MARKS_SHEET_NAME } from "../../src/workbook/port";
import { FakeExcel } from "../excelFake";

const FIVE_MB = 5_000_000;
const MONTHS = 2;

function fakeOf(participants: number): FakeExcel {
  const generated = generateWorkbook({ participants, layout: "weekgrid", months: MONTHS });
  return FakeExcel.fromSheets(
    generated.sheets.map((s) => ({
      name: s.name,
      values: s.values as (string | number | boolean | null)[][],
    })),
  );
}

function everything(fake: FakeExcel): Record<string, unknown> {
  return Object.fromEntries(fake.sheetNames().map((name) => [name, fake.cellsOf(name)]));
}

describe("validating in Excel at the bench's sizes", () => {
  afterEach(() => {
    RequestBatch.observer = null;
  });

  it.each([1, 50, 500])(
    "takes at most 4 syncs at %i participant sheets, every request under 5 MB",
    async (participants) => {
      const fake = fakeOf(participants);
      const before = everything(fake);
      const port = new OfficeWorkbook(fake.run, { apiVersion: () => true });
      const app = createApp(port, port);
      const estimated: { sync: number; estimate: number }[] = [];
      RequestBatch.observer = (estimate) => {
        estimated.push({ sync: fake.syncCount + 1, estimate });
      };
      fake.resetCounters();
      const view = await app.validate();
      // The generated workbook has findings on every participant's sheet.
      expect(view.markedCells).toBeGreaterThan(participants);
      // readSheets: names and sizes, then the values (2); replaceMarks: every marked cell's fill
      // and the notes where a message goes (1), then restores, records and marks (1).
      expect(fake.syncCount).toBeLessThanOrEqual(2 + 2);
      expect(fake.sheetNames()).toContain(MARKS_SHEET_NAME);
      for (const size of fake.requestSizes) expect(size).toBeLessThan(FIVE_MB);
      for (const { sync, estimate } of estimated) {
        expect(estimate).toBeLessThanOrEqual(REQUEST_BUDGET);
        expect(estimate).toBeGreaterThanOrEqual(fake.requestSizes[sync - 1] ?? Infinity);
      }
      RequestBatch.observer = null;

      await app.clearMarks();
      expect(fake.sheetNames()).not.toContain(MARKS_SHEET_NAME);
      expect(everything(fake)).toEqual(before);
    },
    120_000,
  );
});
