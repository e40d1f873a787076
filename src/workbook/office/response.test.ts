/**
 * Excel on the web's 5 MB response limit in the mark commands outside a validation: the cells'
 * own notes, whose length the port cannot know before it reads them, and records sheets larger
 * than one response. The in-memory Excel refuses any response over 5 000 000 bytes; every
 * command still completes, and clearing gives every cell back as it was.
 */
import { FakeExcel } from "../../../test/excelFake";
import { MARKS_SHEET_NAME, type CellMark } from "../port";
import { OfficeWorkbook } from "./index";

const FIVE_MB = 5_000_000;
/** 300 cells whose own notes are 20 000 characters: 6 000 000 characters of notes. */
const CELLS = 300;
const NOTE_LENGTH = 20_000;

function fakeWithLongNotes(): FakeExcel {
  return FakeExcel.fromSheets([
    {
      name: "Vecka 1",
      values: Array.from({ length: CELLS }, (_, r) => [`Pass ${String(r + 1)}`, "Lunch"]),
      notes: Array.from({ length: CELLS }, (_, r) => [
        `Egen anteckning ${String(r + 1)}: ${"x".repeat(NOTE_LENGTH)}`,
        null,
      ]),
      fills: Array.from({ length: CELLS }, (_, r) => [r % 2 === 0 ? "#00B050" : null, null]),
    },
  ]);
}

/** One mark per cell (a mark's note goes on its first cell only): every cell gets a note. */
function marksOn(column: string): CellMark[] {
  return Array.from({ length: CELLS }, (_, r) => ({
    sheet: "Vecka 1",
    cells: [`${column}${String(r + 1)}`],
    severity: "error" as const,
    note: "Passet saknar närvaro.",
  }));
}

function everything(fake: FakeExcel): Record<string, unknown> {
  return Object.fromEntries(fake.sheetNames().map((name) => [name, fake.cellsOf(name)]));
}

describe("the mark commands under the 5 MB response limit", () => {
  it("marks cells with long own notes, marks more beside large records, and clears", async () => {
    const fake = fakeWithLongNotes();
    const before = everything(fake);

    // 1. The own notes (6 MB) do not fit one response: the reads are made again in halves.
    fake.resetCounters();
    await new OfficeWorkbook(fake.run, { apiVersion: () => true }).markCells(marksOn("A"));
    expect(fake.responseLimitFailures).toBeGreaterThan(0);
    expect(fake.largestDeliveredResponseBytes).toBeLessThanOrEqual(FIVE_MB);
    // The first note's cell: Schemakoll's note now, the own one kept in the records.
    expect(fake.cellsOf("Vecka 1").A1?.note).toContain("Passet saknar närvaro.");
    const records = fake.valuesOf(MARKS_SHEET_NAME).flat().join("");
    expect(records).toContain(`Egen anteckning 1: ${"x".repeat(100)}`);
    // Every own note is in the records: more than 300 × 20 000 characters.
    expect(records.length).toBeGreaterThan(CELLS * NOTE_LENGTH);

    // 2. A new port (no readSheets before): the records (over 6 MB) come back by parts.
    fake.resetCounters();
    await new OfficeWorkbook(fake.run, { apiVersion: () => true }).markCells(marksOn("B"));
    expect(fake.responseLimitFailures).toBeGreaterThan(0);
    expect(fake.largestDeliveredResponseBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(fake.cellsOf("Vecka 1").B1?.fill).toBe("#FFC7CE");
    expect(fake.cellsOf("Vecka 1").A1?.note).toContain("Passet saknar närvaro.");

    // 3. Clearing reads the records by parts too, and restores every fill and note.
    fake.resetCounters();
    await new OfficeWorkbook(fake.run, { apiVersion: () => true }).clearMarks();
    expect(fake.largestDeliveredResponseBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(fake.sheetNames()).not.toContain(MARKS_SHEET_NAME);
    expect(everything(fake)).toEqual(before);
  }, 120_000);

  it("reads a workbook that fits in one response in one sync, refusing nothing", async () => {
    const fake = FakeExcel.fromSheets([{ name: "Vecka 1", values: [["Pass 1", "Lunch"]] }]);
    const port = new OfficeWorkbook(fake.run, { apiVersion: () => true });
    fake.resetCounters();
    const sheets = await port.readSheets();
    expect(sheets).toEqual([
      {
        name: "Vecka 1",
        values: [["Pass 1", "Lunch"]],
        numberFormats: [["General", "General"]],
      },
    ]);
    // The names, then the values: 2 syncs.
    expect(fake.syncCount).toBe(2);
    expect(fake.responseLimitFailures).toBe(0);
  });
});
