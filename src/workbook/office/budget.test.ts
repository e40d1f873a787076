/**
 * The sync budget (design.md: a fixed number of context.sync() calls per command, whatever the
 * number of sheets or findings) and Excel's request limits: RangeAreas addresses below 8 192
 * characters, requests below Excel on the web's 5 MB.
 */
import { FakeExcel, type FakeSheetInit } from "../../../test/excelFake";
import type { CellMark, SheetModel } from "../port";
import { OfficeWorkbook } from "./index";

const FIVE_MB = 5 * 1024 * 1024;

function portOn(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
}

function participantSheet(i: number): FakeSheetInit {
  return {
    name: `Deltagare ${i}`,
    values: Array.from({ length: 30 }, (_, r) => [45292 + r, `Aktivitet ${r}`, 3, r % 2 === 0]),
    fills: [[null, "#FFFF00"]],
    notes: [[null, null, "Egen anteckning"]],
  };
}

function report(): SheetModel {
  return {
    name: "Månadsrapport",
    rows: [
      [
        { value: "Deltagare", bold: true },
        { value: "Timmar", bold: true },
      ],
      ...Array.from({ length: 50 }, (_, r) => [{ value: `D${r}` }, { value: r }]),
    ],
    table: { name: "Rapport", headerRow: 0, rowCount: 50 },
    freezeRows: 1,
  };
}

interface Counts {
  readSheets: number;
  /** readSheets, then replaceMarks: a validation, nothing marked before. */
  firstValidation: number;
  /** The next validation, with other findings (cells restored, kept and newly marked). */
  nextValidation: number;
  /** The same findings once more: nothing to write. */
  sameValidation: number;
  markCellsAfterRead: number;
  markCells: number;
  clearMarksAfterRead: number;
  clearMarks: number;
  /** replaceMarks without a readSheets before it, over existing marks. */
  replaceMarks: number;
  writeSheet: number;
}

/** Marks rows 1…perSheet of every sheet: columns A–D, or B–E shifted with swapped severities. */
function marksOf(sheets: string[], perSheet: number, shifted: boolean): CellMark[] {
  return sheets.flatMap((sheet) =>
    Array.from({ length: perSheet }, (_, m) => ({
      sheet,
      cells: [shifted ? `B${m + 1}:E${m + 1}` : `A${m + 1}:D${m + 1}`],
      severity: (m % 2 === 0) !== shifted ? ("error" as const) : ("warning" as const),
      note: shifted ? `Regel ${m} bryts igen` : `Regel ${m} bryts`,
    })),
  );
}

async function syncCounts(sheets: number, marksPerSheet: number): Promise<Counts> {
  const fake = FakeExcel.fromSheets(
    Array.from({ length: sheets }, (_, i) => participantSheet(i + 1)),
  );
  const office = portOn(fake);
  const count = async (...work: (() => Promise<unknown>)[]): Promise<number> => {
    fake.resetCounters();
    for (const w of work) await w();
    return fake.syncCount;
  };
  const first = marksOf(fake.sheetNames(), marksPerSheet, false);
  const next = marksOf(fake.sheetNames(), marksPerSheet, true);
  const validation = (marks: CellMark[]) => [
    () => office.readSheets(),
    () => office.replaceMarks(marks),
  ];
  return {
    readSheets: await count(() => office.readSheets()),
    firstValidation: await count(...validation(first)),
    nextValidation: await count(...validation(next)),
    sameValidation: await count(...validation(next)),
    clearMarksAfterRead: await count(
      () => office.readSheets(),
      () => office.clearMarks(),
    ),
    markCellsAfterRead: await count(
      () => office.readSheets(),
      () => office.markCells(first),
    ),
    markCells: await count(() => office.markCells(next)),
    clearMarks: await count(() => office.clearMarks()),
    replaceMarks: await count(
      () => office.markCells(first),
      () => {
        fake.resetCounters();
        return office.replaceMarks(next);
      },
    ),
    writeSheet: await count(() => office.writeSheet(report())),
  };
}

describe("the Office port's sync budget", () => {
  // readSheets: names, then every used range and the records. A validation: readSheets' 2,
  // then replaceMarks' 2 (names and records checked, every concerned cell's fill and note; the
  // writes), or 1 when no mark changes. Right after readSheets (its 2 counted too): markCells 2
  // (names checked, records, fills, notes; writes), clearMarks 2 (names and records checked,
  // fills and notes; restores). Alone: markCells 3 (names; records, fills, notes; writes),
  // clearMarks 4 (names; records; fills and notes; restores), replaceMarks over existing marks
  // 4 + 3 = 7. writeSheet: sheets and tables; writes.
  const expected: Counts = {
    readSheets: 2,
    firstValidation: 2 + 2,
    nextValidation: 2 + 2,
    sameValidation: 2 + 1,
    markCellsAfterRead: 2 + 2,
    markCells: 3,
    clearMarksAfterRead: 2 + 2,
    clearMarks: 4,
    replaceMarks: 4 + 3,
    writeSheet: 2,
  };

  // 200 sheets × 10 findings × 4 cells = 8 000 marked cells (2 000 findings), then 8 000 others
  // of which 6 000 are the same cells: many findings, yet a write well inside one request.
  // (Only a write past the request budget takes more syncs; see below.)
  it.each([
    [1, 1],
    [1, 5],
    [200, 10],
  ])("is the same for %i sheet(s) with %i findings each", async (sheets, marks) => {
    expect(await syncCounts(sheets, marks)).toEqual(expected);
  });

  it("writes thousands of scattered marks with every RangeAreas address below 8 192 characters", async () => {
    const fake = FakeExcel.fromSheets([{ name: "Lista", values: [["x"]] }]);
    const office = portOn(fake);
    // 3 000 single cells spread over columns A–CV and rows 1–3 000: about 7 characters each,
    // so one address string would be over 20 000 characters.
    const marks: CellMark[] = Array.from({ length: 3_000 }, (_, i) => ({
      sheet: "Lista",
      cells: [`${["A", "K", "AB", "BZ", "CV"][i % 5] ?? "A"}${i + 1}`],
      severity: "error",
      note: "",
    }));
    const before = fake.cellsOf("Lista");
    await office.markCells(marks);
    expect(fake.longestAreasAddress).toBeGreaterThan(7_000);
    expect(fake.longestAreasAddress).toBeLessThan(8_192);
    expect(Object.keys(fake.cellsOf("Lista"))).toHaveLength(3_000);
    await office.clearMarks();
    expect(fake.cellsOf("Lista")).toEqual(before);
  });

  it("keeps every request below 5 MB with 5 000 marks, and still restores exactly", async () => {
    const fake = FakeExcel.fromSheets(
      Array.from({ length: 10 }, (_, i) => participantSheet(i + 1)),
    );
    const office = portOn(fake);
    const before = fake.sheetNames().map((n) => fake.cellsOf(n));
    // 10 sheets × 500 cells (A1:E100) = 5 000 marks, each with a 300-character message.
    const marks: CellMark[] = fake.sheetNames().flatMap((sheet) =>
      Array.from({ length: 500 }, (_, i) => ({
        sheet,
        cells: [`${"ABCDE"[i % 5] ?? "A"}${Math.floor(i / 5) + 1}`],
        severity: "warning" as const,
        note: `Meddelande ${i} `.padEnd(300, "x"),
      })),
    );
    await office.markCells(marks);
    expect(fake.largestRequestBytes).toBeLessThan(FIVE_MB);
    await office.clearMarks();
    expect(fake.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.sheetNames().map((n) => fake.cellsOf(n))).toEqual(before);
    // The same as two validations (readSheets, replaceMarks), the second with every message
    // changed: 5 000 notes restored and 5 000 written in one command.
    for (const suffix of ["", " igen"]) {
      await office.readSheets();
      await office.replaceMarks(marks.map((m) => ({ ...m, note: m.note + suffix })));
      expect(fake.largestRequestBytes).toBeLessThan(FIVE_MB);
    }
    await office.clearMarks();
    expect(fake.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.sheetNames().map((n) => fake.cellsOf(n))).toEqual(before);
  });

  it("splits only a very large write into more syncs, each below 5 MB", async () => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [["x"]] }]);
    // 20 000 rows × 10 cells of 30 characters ≈ 6 MB of text alone: too big for one request.
    const text = "y".repeat(30);
    const model: SheetModel = {
      name: "Stor",
      rows: Array.from({ length: 20_000 }, () =>
        Array.from({ length: 10 }, () => ({ value: text })),
      ),
    };
    await portOn(fake).writeSheet(model);
    expect(fake.syncCount).toBeGreaterThan(2);
    expect(fake.largestRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.valuesOf("Stor")).toHaveLength(20_000);
    expect(fake.valuesOf("Stor")[19_999]?.[9]).toBe(text);
  });
});
