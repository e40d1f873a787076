/**
 * A validation in Excel at the bench's sizes (bench/roundtrips.ts: the generator's week grids,
 * 2 months per participant), through the app layer the task pane uses (createApp) over the
 * Office port and the in-memory Excel with Excel on the web's 5 MB limit on requests AND
 * responses: every request under 5 MB and never larger than the port estimated, no response
 * over 5 MB delivered, and clearing the marks gives back every cell as it was.
 *
 * Syncs: 4 (readSheets 2, replaceMarks 2: the reads, then one write) while the whole read fits
 * in one response — 1 and 50 sheets. At 500 sheets the values and number formats of 180 043
 * cells come to about 6.0 MB (33 bytes a cell): Excel refuses that response, and the port reads
 * the sizes, then the values by parts (usedRanges.ts): syncs in proportion to the bytes.
 */
import { generateWorkbook } from "../../bench/generate";
import { createApp } from "../../src/app/app";
import { OfficeWorkbook } from "../../src/workbook/office";
import { REQUEST_BUDGET, RequestBatch, RESPONSE_BUDGET } from "../../src/workbook/office/support";
import { CELL_ESTIMATE } from "../../src/workbook/office/usedRanges";
import { MARKS_SHEET_NAME } from "../../src/workbook/port";
import { FakeExcel } from "../excelFake";

const FIVE_MB = 5_000_000;
const MONTHS = 2;

function fakeOf(participants: number): { fake: FakeExcel; cells: number } {
  const generated = generateWorkbook({ participants, layout: "weekgrid", months: MONTHS });
  // The used ranges' cells: each sheet's rows × its widest row (every sheet starts at A1).
  const cells = generated.sheets.reduce(
    (n, s) => n + s.values.length * Math.max(0, ...s.values.map((row) => row.length)),
    0,
  );
  const fake = FakeExcel.fromSheets(
    generated.sheets.map((s) => ({
      name: s.name,
      values: s.values as (string | number | boolean | null)[][],
    })),
  );
  return { fake, cells };
}

function everything(fake: FakeExcel): Record<string, unknown> {
  return Object.fromEntries(fake.sheetNames().map((name) => [name, fake.cellsOf(name)]));
}

describe("validating in Excel at the bench's sizes", () => {
  afterEach(() => {
    RequestBatch.observer = null;
  });

  it.each([1, 50, 500])(
    "validates %i participant sheets in syncs in proportion to the bytes, every request and response under 5 MB",
    async (participants) => {
      const { fake, cells } = fakeOf(participants);
      expect(fake.maxResponseBytes).toBe(FIVE_MB);
      const before = everything(fake);
      const port = new OfficeWorkbook(fake.run, { apiVersion: () => true });
      const app = createApp(port, port);
      // Whether the read fits in one response: the values and formats measured in one sync.
      const probe = fakeOf(participants).fake;
      probe.maxResponseBytes = Infinity;
      await new OfficeWorkbook(probe.run, { apiVersion: () => true }).readSheets();
      const readBytes = probe.responseSizes[1] ?? Infinity;
      const fits = readBytes <= FIVE_MB;
      // By parts, the values are planned at CELL_ESTIMATE (40) bytes a cell under
      // RESPONSE_BUDGET: 500 sheets, 180 043 cells × 40 = 7 201 720 bytes → 2 parts.
      const parts = Math.ceil((cells * CELL_ESTIMATE) / RESPONSE_BUDGET);
      expect(fits).toBe(participants < 500);

      for (const round of ["first", "again"]) {
        const estimated: { sync: number; estimate: number }[] = [];
        RequestBatch.observer = (estimate) => {
          estimated.push({ sync: fake.syncCount + 1, estimate });
        };
        fake.resetCounters();
        const view = await app.validate();
        // The generated workbook has findings on every participant's sheet.
        expect(view.markedCells).toBeGreaterThan(participants);
        // readSheets: names, then the values (2); replaceMarks: every marked cell's fill and the
        // notes where a message goes (1), then restores, records and marks (1; none again, when
        // the marks are the same). A read too large for one response: names, the one sync
        // refused (the first time only: the port then remembers), the sizes, the parts.
        const first = round === "first";
        const replace = first ? 2 : 1;
        if (fits) {
          expect(fake.syncCount).toBe(2 + replace);
        } else {
          const before = 1 + (first ? 1 : 0) + 1;
          const partSyncs = fake.syncCount - before - replace;
          const partBytes = fake.responseSizes
            .slice(before, before + partSyncs)
            .reduce((a, b) => a + b, 0);
          // In proportion to the bytes: every part but the last is planned to fill the budget on
          // an estimate under twice the truth (40 against 33 bytes a cell), so carries at least
          // half of it. The first time, with no records yet, exactly the 2 parts planned above.
          expect(partSyncs).toBeLessThanOrEqual(1 + Math.floor(partBytes / (RESPONSE_BUDGET / 2)));
          if (first) expect(partSyncs).toBe(parts);
        }
        expect(fake.responseLimitFailures).toBe(!fits && round === "first" ? 1 : 0);
        expect(fake.largestDeliveredResponseBytes).toBeLessThan(FIVE_MB);
        expect(fake.sheetNames()).toContain(MARKS_SHEET_NAME);
        for (const size of fake.requestSizes) expect(size).toBeLessThan(FIVE_MB);
        for (const { sync, estimate } of estimated) {
          expect(estimate).toBeLessThanOrEqual(REQUEST_BUDGET);
          expect(estimate).toBeGreaterThanOrEqual(fake.requestSizes[sync - 1] ?? Infinity);
        }
        RequestBatch.observer = null;
      }

      await app.clearMarks();
      expect(fake.largestDeliveredResponseBytes).toBeLessThan(FIVE_MB);
      expect(fake.sheetNames()).not.toContain(MARKS_SHEET_NAME);
      expect(everything(fake)).toEqual(before);
    },
    120_000,
  );
});
