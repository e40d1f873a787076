/**
 * A validation is readSheets, then replaceMarks: 4 syncs in all (replace.ts), with the same
 * result as clearMarks then markCells, a fall-back to that full path when the workbook changed
 * in between, and no cell left marked without its original recorded whatever operation of the
 * write fails.
 */
import fc from "fast-check";
import { FakeExcel, type CellSnapshot, type FakeSheetInit } from "../../../test/excelFake";
import { MARKS_SHEET_NAME, WorkbookWriteError, type CellMark } from "../port";
import { OfficeWorkbook } from "./index";
import { parseRecords } from "./records";

const ERROR_FILL = "#FFC7CE";
const WARNING_FILL = "#FFEB9C";
const INFO_FILL = "#DDEBF7";

function portOn(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
}

const NO_NOTES = (set: string, version: string): boolean =>
  !(set === "ExcelApi" && version === "1.18");

/** Two participants' sheets with their own fills and notes. */
function workbook(options?: { notes?: boolean }): FakeExcel {
  const sheets: FakeSheetInit[] = [
    {
      name: "Jan Ek",
      values: [
        ["Datum", "Aktivitet", "Timmar"],
        [45292, "Studiebesök", 3],
        [45293, "Praktik", 4],
        [45294, "", 5],
      ],
      // B2 has its own yellow fill, C3 its own green one.
      fills: [[], [null, "#FFFF00"], [null, null, "#00FF00"]],
      // B2 and A3 carry the coordinator's own notes.
      notes: [[], [null, "Ring Jan"], ["Kolla intyg"]],
    },
    {
      name: "Eva Ek",
      values: [
        ["Datum", "Aktivitet"],
        [45300, "Kurs"],
      ],
      fills: [["#C0C0C0"]],
      notes: [["Egen"]],
    },
  ];
  return FakeExcel.fromSheets(
    sheets,
    options?.notes === false ? { isSetSupported: NO_NOTES } : undefined,
  );
}

/** Every cell holding anything, of every sheet, the records sheet included. */
function everything(fake: FakeExcel): Record<string, Record<string, CellSnapshot>> {
  return Object.fromEntries(fake.sheetNames().map((name) => [name, fake.cellsOf(name)]));
}

/** The records in the hidden sheet, by "sheet!cell", in no particular order. */
function recordsIn(fake: FakeExcel): Record<string, unknown> {
  if (!fake.sheetNames().includes(MARKS_SHEET_NAME)) return {};
  const { records, unreadable } = parseRecords(fake.valuesOf(MARKS_SHEET_NAME));
  expect(unreadable).toEqual([]);
  return Object.fromEntries([...records.values()].map((r) => [`${r.sheet}!${r.address}`, r]));
}

// Run 1 (A) and run 2 (B). In both: B2 (severity and text change), A3 (unchanged), Eva Ek A1
// (unchanged). Only in A: C2, C3. Only in B: C4.
const RUN_A: CellMark[] = [
  { sheet: "Jan Ek", cells: ["B2:C2"], severity: "error", note: "Fel kategori" },
  { sheet: "Jan Ek", cells: ["A3", "C3"], severity: "warning", note: "Intyg saknas" },
  { sheet: "Eva Ek", cells: ["A1"], severity: "info", note: "Info" },
];
const RUN_B: CellMark[] = [
  { sheet: "Jan Ek", cells: ["B2"], severity: "warning", note: "Annat fel" },
  { sheet: "Jan Ek", cells: ["A3"], severity: "warning", note: "Intyg saknas" },
  { sheet: "Jan Ek", cells: ["C4"], severity: "error", note: "Nytt" },
  { sheet: "Eva Ek", cells: ["A1"], severity: "info", note: "Info" },
];

/** readSheets then replaceMarks, as the app validates; the syncs it took. */
async function validate(fake: FakeExcel, office: OfficeWorkbook, marks: CellMark[]) {
  fake.resetCounters();
  const sheets = await office.readSheets();
  expect(sheets.map((s) => s.name)).not.toContain(MARKS_SHEET_NAME);
  await office.replaceMarks(marks);
  return fake.syncCount;
}

describe("OfficeWorkbook.replaceMarks right after readSheets", () => {
  it("marks, re-marks and restores exactly, in 4 syncs per validation", async () => {
    const fake = workbook();
    const office = portOn(fake);
    const before = everything(fake);

    expect(await validate(fake, office, RUN_A)).toBe(4);
    const afterA = fake.cellsOf("Jan Ek");
    expect(afterA.B2).toMatchObject({
      fill: ERROR_FILL,
      note: "Schemakoll: Fel kategori\n\nRing Jan",
    });
    expect(afterA.C3).toMatchObject({ fill: WARNING_FILL, note: null });

    expect(await validate(fake, office, RUN_B)).toBe(4);
    const afterB = fake.cellsOf("Jan Ek");
    // Only in A: exactly as before run 1 (C3's own green fill is back).
    expect(afterB.C2).toEqual(before["Jan Ek"]?.C2);
    expect(afterB.C3).toEqual(before["Jan Ek"]?.C3);
    // In both: the new severity and text over the cell's own note; A3 unchanged.
    expect(afterB.B2).toMatchObject({
      fill: WARNING_FILL,
      note: "Schemakoll: Annat fel\n\nRing Jan",
    });
    expect(afterB.A3).toEqual(afterA.A3);
    expect(afterB.C4).toMatchObject({ fill: ERROR_FILL, note: "Schemakoll: Nytt", value: 5 });
    expect(fake.cellsOf("Eva Ek").A1).toMatchObject({
      fill: INFO_FILL,
      note: "Schemakoll: Info\n\nEgen",
    });
    // B2 keeps its FIRST original (yellow, "Ring Jan"), not run 1's red mark.
    expect(recordsIn(fake)["Jan Ek!B2"]).toMatchObject({
      severity: "warning",
      messages: ["Annat fel"],
      style: { fill: { fgColor: { argb: "FFFFFF00" } } },
      note: "Ring Jan",
    });
    expect(Object.keys(recordsIn(fake)).sort()).toEqual([
      "Eva Ek!A1",
      "Jan Ek!A3",
      "Jan Ek!B2",
      "Jan Ek!C4",
    ]);

    // The same findings again: nothing to write, 3 syncs (readSheets 2 + 1 read).
    const unchanged = everything(fake);
    expect(await validate(fake, office, RUN_B)).toBe(3);
    expect(everything(fake)).toEqual(unchanged);

    // Clearing (right after a read too) gives back every cell of every sheet.
    fake.resetCounters();
    await office.readSheets();
    await office.clearMarks();
    // readSheets 2 + clearMarks 2 (check and read the cells; restore).
    expect(fake.syncCount).toBe(4);
    expect(everything(fake)).toEqual(before);
  });

  it.each([
    ["with notes (ExcelApi 1.18)", true],
    ["without notes", false],
  ])(
    "gives the same workbook and records as clearMarks then markCells, %s",
    async (_label, notes) => {
      const fast = workbook({ notes });
      const full = workbook({ notes });
      const before = everything(fast);
      const fastPort = portOn(fast);
      const fullPort = portOn(full);
      for (const marks of [RUN_A, RUN_B, RUN_A]) {
        await validate(fast, fastPort, marks);
        await fullPort.clearMarks();
        await fullPort.markCells(marks);
        const { [MARKS_SHEET_NAME]: fastRecords, ...fastCells } = everything(fast);
        const { [MARKS_SHEET_NAME]: fullRecords, ...fullCells } = everything(full);
        expect(fastCells).toEqual(fullCells);
        expect(fastRecords === undefined).toBe(fullRecords === undefined);
        expect(recordsIn(fast)).toEqual(recordsIn(full));
      }
      await fastPort.clearMarks();
      expect(everything(fast)).toEqual(before);
    },
  );

  it("takes what the coordinator changed since the last mark as the cell's own", async () => {
    const fake = workbook();
    const office = portOn(fake);
    await validate(fake, office, RUN_A);
    // C2 (not marked in B) gets a blue fill; B2 (marked again) a note of the coordinator's.
    const c2 = fake.sheet("Jan Ek").cells.get("C2");
    if (c2) c2.fill = "#0000FF";
    fake.sheet("Jan Ek").notes.set("B2", "Min egen");
    expect(await validate(fake, office, RUN_B)).toBe(4);
    expect(fake.cellsOf("Jan Ek").C2).toMatchObject({ fill: "#0000FF", note: null });
    expect(fake.cellsOf("Jan Ek").B2).toMatchObject({
      fill: WARNING_FILL,
      note: "Schemakoll: Annat fel\n\nMin egen",
    });
    await office.clearMarks();
    // B2: its first own fill, and the note the coordinator wrote.
    expect(fake.cellsOf("Jan Ek").B2).toMatchObject({ fill: "#FFFF00", note: "Min egen" });
    expect(fake.cellsOf("Jan Ek").C2).toMatchObject({ fill: "#0000FF" });
  });

  it("falls back to the full path when a marked sheet was deleted after readSheets", async () => {
    const fake = workbook();
    const office = portOn(fake);
    await validate(fake, office, RUN_A);
    const before = workbook().cellsOf("Jan Ek");
    fake.resetCounters();
    await office.readSheets();
    fake.deleteSheet("Eva Ek");
    const marks = RUN_B.filter((m) => m.sheet === "Jan Ek");
    await office.replaceMarks(marks);
    // readSheets 2 + the failed read 1 + clearMarks 4 + markCells 3 = 10.
    expect(fake.syncCount).toBe(10);
    expect(Object.keys(recordsIn(fake)).sort()).toEqual(["Jan Ek!A3", "Jan Ek!B2", "Jan Ek!C4"]);
    expect(fake.cellsOf("Jan Ek").B2).toMatchObject({
      fill: WARNING_FILL,
      note: "Schemakoll: Annat fel\n\nRing Jan",
    });
    expect(fake.cellsOf("Jan Ek").C3).toEqual(before.C3);
    await office.clearMarks();
    expect(fake.cellsOf("Jan Ek")).toEqual(before);
    expect(fake.sheetNames()).toEqual(["Jan Ek"]);
  });

  it("refuses marks on a sheet deleted after readSheets, leaving nothing marked without a record", async () => {
    const fake = workbook();
    const office = portOn(fake);
    await validate(fake, office, RUN_A);
    const before = workbook().cellsOf("Jan Ek");
    await office.readSheets();
    fake.deleteSheet("Eva Ek");
    await expect(office.replaceMarks(RUN_B)).rejects.toThrow(
      new WorkbookWriteError("Bladet ”Eva Ek” finns inte i arbetsboken."),
    );
    // The full path cleared the old marks before it found the sheet missing.
    expect(fake.cellsOf("Jan Ek")).toEqual(before);
    expect(fake.sheetNames()).toEqual(["Jan Ek"]);
  });

  it("falls back to the full path when a sheet is deleted between its two syncs", async () => {
    const fake = workbook();
    const office = portOn(fake);
    await validate(fake, office, RUN_A);
    const before = workbook().cellsOf("Jan Ek");
    fake.resetCounters();
    // Sync 3 is replaceMarks' read; the sheet goes just before sync 4, its write.
    fake.beforeSync = (sync) => {
      if (sync === 4) fake.deleteSheet("Eva Ek");
    };
    await office.readSheets();
    await office.replaceMarks(RUN_B.filter((m) => m.sheet === "Jan Ek"));
    fake.beforeSync = null;
    // 2 + 2 (the write fails) + clearMarks 4 + markCells 3 = 11.
    expect(fake.syncCount).toBe(11);
    expect(fake.cellsOf("Jan Ek").C4).toMatchObject({ fill: ERROR_FILL, note: "Schemakoll: Nytt" });
    expect(fake.cellsOf("Jan Ek").C2).toEqual(before.C2);
    await office.clearMarks();
    expect(fake.cellsOf("Jan Ek")).toEqual(before);
    expect(fake.sheetNames()).toEqual(["Jan Ek"]);
  });

  it.each([
    ["AccessDenied", "a protected sheet: the error is reported"],
    ["ItemNotFound", "a changed workbook: the full path runs"],
  ])(
    "never leaves a cell marked without its original when operation n of the write fails (%s, %s)",
    async (code) => {
      let operations = 0;
      for (let index = 0; ; index++) {
        const fake = workbook();
        const office = portOn(fake);
        const before = everything(fake);
        await validate(fake, office, RUN_A);
        fake.resetCounters();
        // Syncs 1–2: readSheets; 3: replaceMarks' read; 4: its write.
        fake.failOperation = { sync: 4, index, code };
        const outcome = await office
          .readSheets()
          .then(() => office.replaceMarks(RUN_B))
          .then(
            () => "done",
            (error: unknown) => error,
          );
        fake.failOperation = null;
        if (!fake.failedOperation) {
          expect(outcome).toBe("done");
          break;
        }
        operations++;
        if (code === "AccessDenied") {
          expect(outcome).toBeInstanceOf(WorkbookWriteError);
        } else {
          // The full path marked B exactly.
          expect(outcome).toBe("done");
          expect(fake.cellsOf("Jan Ek").B2).toMatchObject({
            fill: WARNING_FILL,
            note: "Schemakoll: Annat fel\n\nRing Jan",
          });
          expect(fake.cellsOf("Jan Ek").C3).toEqual(before["Jan Ek"]?.C3);
        }
        // Whatever was applied, clearing gives back every cell of every sheet.
        await office.clearMarks();
        expect([index, everything(fake)]).toEqual([index, before]);
      }
      // suspendApiCalculation, 3 restores (C2+C3 clear… see replace.ts), notes, records, marks:
      // at least a dozen operations were each made to fail once.
      expect(operations).toBeGreaterThanOrEqual(10);
    },
  );

  it("falls back to the full path when someone else marked cells after readSheets", async () => {
    const fake = workbook();
    const office = portOn(fake);
    const before = everything(fake);
    await validate(fake, office, RUN_A);
    fake.resetCounters();
    await office.readSheets();
    // Another task pane on the same workbook marks Eva Ek's B2 meanwhile.
    await portOn(fake).markCells([
      { sheet: "Eva Ek", cells: ["B2"], severity: "error", note: "Annan" },
    ]);
    const other = fake.syncCount;
    await office.replaceMarks(RUN_B);
    // The records read again differ from readSheets': clearMarks 4 + markCells 3 after the read.
    expect(fake.syncCount - other).toBe(1 + 4 + 3);
    expect(fake.cellsOf("Eva Ek").B2).toEqual(before["Eva Ek"]?.B2);
    await office.clearMarks();
    expect(everything(fake)).toEqual(before);
  });

  it("marks right after readSheets in 2 syncs, and again from scratch when a sheet went", async () => {
    const fake = workbook();
    const office = portOn(fake);
    const before = everything(fake);
    fake.resetCounters();
    await office.readSheets();
    await office.markCells(RUN_A);
    expect(fake.syncCount).toBe(2 + 2);
    await office.readSheets();
    fake.deleteSheet("Eva Ek");
    fake.resetCounters();
    const marks = RUN_B.filter((m) => m.sheet === "Jan Ek");
    await office.markCells(marks);
    // The read that finds the names changed, then markCells' own 3.
    expect(fake.syncCount).toBe(1 + 3);
    expect(fake.cellsOf("Jan Ek").C4).toMatchObject({ fill: ERROR_FILL, note: "Schemakoll: Nytt" });
    await office.clearMarks();
    expect(fake.cellsOf("Jan Ek")).toEqual(before["Jan Ek"]);
  });

  it.each<[string, (office: OfficeWorkbook) => Promise<unknown>]>([
    ["writeSheet", (o) => o.writeSheet({ name: "Rapport", rows: [[{ value: "x" }]] })],
    ["appendRows", (o) => o.appendRows("Godkända avvikelser", ["Regel"], [[{ value: "R1" }]])],
    ["writeCells", (o) => o.writeCells("Inställningar", [{ cell: "B2", value: 3 }])],
    ["select", (o) => o.select("Jan Ek", ["B2"])],
    ["markCells", (o) => o.markCells(RUN_A)],
    ["setNames", (o) => o.setNames([{ name: "Tim", formula: "=1" }], "x")],
  ])("does not use what readSheets saw after a %s in between", async (_label, write) => {
    const fake = workbook();
    const office = portOn(fake);
    await validate(fake, office, RUN_A);
    await office.readSheets();
    await write(office);
    fake.resetCounters();
    await office.replaceMarks(RUN_B);
    // The full path: clearMarks 4 (names; records; cells; restores) + markCells 3.
    expect(fake.syncCount).toBe(4 + 3);
  });

  it("keeps no snapshot when a write runs while readSheets reads", async () => {
    const fake = workbook();
    const office = portOn(fake);
    await validate(fake, office, RUN_A);
    await Promise.all([
      office.writeCells("Inställningar", [{ cell: "B2", value: 3 }]),
      office.readSheets(),
    ]);
    fake.resetCounters();
    await office.replaceMarks(RUN_B);
    expect(fake.syncCount).toBe(4 + 3);
  });
});

// ---- the same over random workbooks and findings ------------------------------------------

const COLUMNS = "ABCD";
const ROWS = 5;
const cellGrid = <T>(arb: fc.Arbitrary<T>) =>
  fc.array(fc.array(arb, { minLength: COLUMNS.length, maxLength: COLUMNS.length }), {
    minLength: ROWS,
    maxLength: ROWS,
  });
// Own fills include the mark colours themselves (a cell that is red of its own).
const randomSheets = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom("Jan Ek", "Eva Ek", "Vecka 10"),
    values: cellGrid(fc.oneof(fc.constant(""), fc.integer({ max: 99 }), fc.constant("text"))),
    fills: cellGrid(fc.option(fc.constantFrom("#FFFF00", ERROR_FILL, WARNING_FILL), { freq: 2 })),
    notes: cellGrid(fc.option(fc.constantFrom("Egen", "Ring\r\nJan"), { freq: 3 })),
  }),
  { minLength: 1, maxLength: 2, selector: (s) => s.name },
);
const randomMarks = (names: string[]): fc.Arbitrary<CellMark[]> =>
  fc.array(
    fc.record({
      sheet: fc.constantFrom(...names),
      cells: fc.array(
        fc
          .tuple(fc.nat({ max: COLUMNS.length }), fc.integer({ min: 1, max: ROWS + 1 }))
          .map(([c, r]) => `${"ABCDE"[c] ?? "A"}${String(r)}`),
        { minLength: 1, maxLength: 3 },
      ),
      severity: fc.constantFrom("error" as const, "warning" as const, "info" as const),
      note: fc.constantFrom("Fel", "Varning", " ", "Fel"),
    }),
    { maxLength: 6 },
  );
const randomCase = fc.boolean().chain((notes) =>
  randomSheets.chain((sheets) => {
    const names = sheets.map((s) => s.name);
    return fc.record({
      notes: fc.constant(notes),
      sheets: fc.constant(sheets as FakeSheetInit[]),
      runs: fc.array(randomMarks(names), { minLength: 2, maxLength: 3 }),
      failAt: fc.nat({ max: 30 }),
    });
  }),
);

function fakeOf(sheets: FakeSheetInit[], notes: boolean): FakeExcel {
  return FakeExcel.fromSheets(sheets, notes ? undefined : { isSetSupported: NO_NOTES });
}

describe("replaceMarks after readSheets over random workbooks", () => {
  it("matches clearMarks then markCells after every validation, and clearing restores all", async () => {
    await fc.assert(
      fc.asyncProperty(randomCase, async ({ notes, sheets, runs }) => {
        const fast = fakeOf(sheets, notes);
        const full = fakeOf(sheets, notes);
        const before = everything(fast);
        const fastPort = portOn(fast);
        const fullPort = portOn(full);
        for (const marks of runs) {
          expect(await validate(fast, fastPort, marks)).toBeLessThanOrEqual(4);
          await fullPort.clearMarks();
          await fullPort.markCells(marks);
          const { [MARKS_SHEET_NAME]: fastRecords, ...fastCells } = everything(fast);
          const { [MARKS_SHEET_NAME]: fullRecords, ...fullCells } = everything(full);
          expect(fastCells).toEqual(fullCells);
          expect(fastRecords === undefined).toBe(fullRecords === undefined);
          expect(recordsIn(fast)).toEqual(recordsIn(full));
        }
        await fastPort.clearMarks();
        expect(everything(fast)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it("leaves a workbook that clearMarks restores exactly when any operation of the write fails", async () => {
    await fc.assert(
      fc.asyncProperty(randomCase, async ({ notes, sheets, runs, failAt }) => {
        const fake = fakeOf(sheets, notes);
        const before = everything(fake);
        const office = portOn(fake);
        for (const [i, marks] of runs.entries()) {
          fake.resetCounters();
          if (i === runs.length - 1)
            fake.failOperation = { sync: 4, index: failAt, code: "AccessDenied" };
          await office.readSheets();
          await office.replaceMarks(marks).catch((error: unknown) => {
            expect(error).toBeInstanceOf(WorkbookWriteError);
          });
          fake.failOperation = null;
        }
        await office.clearMarks();
        expect(everything(fake)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});
