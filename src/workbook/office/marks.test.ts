import { FakeExcel, type FakeSheetInit } from "../../../test/excelFake";
import { FileWorkbook } from "../file";
import { loadWithExcelJS, xlsxBuffer } from "../file/testing";
import { MARKS_SHEET_NAME, type CellMark } from "../port";
import { OfficeWorkbook } from "./index";

/** The port over the fake, with the fake's own requirement sets. */
function portOn(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
}

const ERROR_FILL = "#FFC7CE";
const WARNING_FILL = "#FFEB9C";

function schedule(): FakeSheetInit {
  return {
    name: "Jan Ek",
    values: [
      ["Datum", "Aktivitet", "Timmar"],
      [45292, "Studiebesök", 3],
      [45293, "=inte en formel", 4],
      [45294, "", 5],
    ],
    numberFormats: [
      ["General", "General", "General"],
      ["yyyy-mm-dd", "@", "0.0"],
      ["yyyy-mm-dd", "@", "0.0"],
      ["yyyy-mm-dd", "General", "0.0"],
    ],
    // B2 has its own yellow fill; C3 its own green one.
    fills: [
      [null, null, null],
      [null, "#FFFF00", null],
      [null, null, "#00FF00"],
    ],
    // A3 and B2 carry the coordinator's own notes.
    notes: [
      [null, null, null],
      [null, "Ring Jan", null],
      ["Kolla intyg", null, null],
    ],
  };
}

describe("OfficeWorkbook.markCells and clearMarks", () => {
  it("marks with the severity's fill and the message, and clearing restores every cell exactly", async () => {
    const fake = FakeExcel.fromSheets([schedule(), { name: "Annat", values: [["orörd"]] }]);
    const office = portOn(fake);
    const before = fake.cellsOf("Jan Ek");
    const other = fake.cellsOf("Annat");

    await office.markCells([
      { sheet: "Jan Ek", cells: ["B2:C2"], severity: "error", note: "Fel kategori" },
      { sheet: "Jan Ek", cells: ["A3", "C3", "D9"], severity: "warning", note: "Intyg saknas" },
    ]);
    const marked = fake.cellsOf("Jan Ek");
    expect(marked.B2).toMatchObject({
      fill: ERROR_FILL,
      note: "Schemakoll: Fel kategori\n\nRing Jan",
    });
    expect(marked.C2).toMatchObject({ fill: ERROR_FILL, note: null });
    expect(marked.A3).toMatchObject({
      fill: WARNING_FILL,
      note: "Schemakoll: Intyg saknas\n\nKolla intyg",
    });
    expect(marked.C3).toMatchObject({ fill: WARNING_FILL, note: null });
    expect(marked.D9).toMatchObject({ fill: WARNING_FILL, value: "" });
    // Values and number formats are never touched.
    for (const [address, cell] of Object.entries(before)) {
      expect([address, marked[address]?.value, marked[address]?.numberFormat]).toEqual([
        address,
        cell.value,
        cell.numberFormat,
      ]);
    }
    expect(fake.sheet(MARKS_SHEET_NAME).visibility).toBe("Hidden");
    // Calculation is suspended for the write.
    expect(fake.suspendCalculationCalls).toBe(1);

    await office.clearMarks();
    expect(fake.cellsOf("Jan Ek")).toEqual(before);
    expect(fake.cellsOf("Annat")).toEqual(other);
    expect(fake.sheetNames()).toEqual(["Jan Ek", "Annat"]);
  });

  it("keeps the first original when a cell is marked twice, and raises the severity", async () => {
    const fake = FakeExcel.fromSheets([schedule()]);
    const office = portOn(fake);
    const before = fake.cellsOf("Jan Ek");
    await office.markCells([
      { sheet: "Jan Ek", cells: ["B2"], severity: "warning", note: "Första" },
    ]);
    await office.markCells([{ sheet: "Jan Ek", cells: ["B2"], severity: "error", note: "Andra" }]);
    expect(fake.cellsOf("Jan Ek").B2).toMatchObject({
      fill: ERROR_FILL,
      note: "Schemakoll: Första\nSchemakoll: Andra\n\nRing Jan",
    });
    await office.clearMarks();
    expect(fake.cellsOf("Jan Ek")).toEqual(before);
  });

  it("leaves a fill or note the coordinator changed after marking as they made it", async () => {
    const fake = FakeExcel.fromSheets([schedule()]);
    const office = portOn(fake);
    await office.markCells([
      { sheet: "Jan Ek", cells: ["A2", "C4"], severity: "error", note: "Fel" },
    ]);
    const a2 = fake.sheet("Jan Ek").cells.get("A2");
    if (a2) a2.fill = "#0000FF";
    fake.sheet("Jan Ek").notes.set("A2", "Min egen");
    await office.clearMarks();
    const after = fake.cellsOf("Jan Ek");
    expect(after.A2).toMatchObject({ fill: "#0000FF", note: "Min egen" });
    expect(after.C4).toMatchObject({ fill: null, note: null });
  });

  it("marks with fills only where notes (ExcelApi 1.18) are missing, and restores them", async () => {
    const fake = FakeExcel.fromSheets([schedule()], {
      isSetSupported: (set, version) => !(set === "ExcelApi" && version === "1.18"),
    });
    const office = new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
    const before = fake.cellsOf("Jan Ek");
    await office.markCells([
      { sheet: "Jan Ek", cells: ["B2", "A4"], severity: "info", note: "Info" },
    ]);
    expect(fake.cellsOf("Jan Ek").B2).toMatchObject({ fill: "#DDEBF7", note: "Ring Jan" });
    await office.clearMarks();
    expect(fake.cellsOf("Jan Ek")).toEqual(before);
  });

  it.each<[string, CellMark]>([
    ["a missing sheet", { sheet: "Saknas", cells: ["A1"], severity: "error", note: "x" }],
    ["not an address", { sheet: "Jan Ek", cells: ["B"], severity: "error", note: "x" }],
  ])("refuses %s before anything changes", async (_label, mark) => {
    const fake = FakeExcel.fromSheets([schedule()]);
    const before = fake.cellsOf("Jan Ek");
    await expect(portOn(fake).markCells([mark])).rejects.toThrow(
      /finns inte i arbetsboken|är ingen celladress/,
    );
    expect(fake.cellsOf("Jan Ek")).toEqual(before);
    expect(fake.sheetNames()).toEqual(["Jan Ek"]);
  });

  it("clears marks the CLI (file port) made, from its records in the hidden sheet", async () => {
    // The CLI marks B2 (own yellow fill, own note) and C4 (nothing of its own).
    const buffer = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet("Jan Ek");
      sheet.getCell("A1").value = "Datum";
      sheet.getCell("B2").value = "Studiebesök";
      sheet.getCell("B2").fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FFFFFF00" },
      };
      sheet.getCell("B2").note = "Ring Jan";
      sheet.getCell("C4").value = 5;
    });
    const file = await FileWorkbook.fromBuffer(buffer);
    await file.markCells([
      { sheet: "Jan Ek", cells: ["B2", "C4"], severity: "error", note: "Fel" },
    ]);
    const [records] = await file.readSheets([MARKS_SHEET_NAME]);
    // The same workbook as Excel would show it after opening the CLI's file.
    const fake = FakeExcel.fromSheets([
      {
        name: "Jan Ek",
        values: [["Datum"], ["", "Studiebesök"], [], ["", "", 5]],
        fills: [[], [null, ERROR_FILL], [], [null, null, ERROR_FILL]],
        notes: [[], [null, "Schemakoll: Fel\n\nRing Jan"]],
      },
      { name: MARKS_SHEET_NAME, values: records?.values ?? [], visibility: "Hidden" },
    ]);
    await portOn(fake).clearMarks();
    const after = fake.cellsOf("Jan Ek");
    expect(after.B2).toMatchObject({ fill: "#FFFF00", note: "Ring Jan", value: "Studiebesök" });
    expect(after.C4).toMatchObject({ fill: null, note: null, value: 5 });
    expect(fake.sheetNames()).toEqual(["Jan Ek"]);
  });

  it("writes records the file port can clear (same JSON v1 format)", async () => {
    const fake = FakeExcel.fromSheets([schedule()]);
    await portOn(fake).markCells([
      { sheet: "Jan Ek", cells: ["B2", "C4"], severity: "warning", note: "Varning" },
    ]);
    // Rebuild the fake's workbook with ExcelJS, records sheet included, and clear it there.
    const buffer = await xlsxBuffer((workbook) => {
      for (const name of fake.sheetNames()) {
        const sheet = workbook.addWorksheet(name);
        for (const [address, cell] of Object.entries(fake.cellsOf(name))) {
          const target = sheet.getCell(address);
          target.value = cell.value;
          if (cell.fill !== null) {
            target.fill = {
              type: "pattern",
              pattern: "solid",
              fgColor: { argb: `FF${cell.fill.slice(1)}` },
            };
          }
          if (cell.note !== null) target.note = cell.note;
        }
      }
    });
    const file = await FileWorkbook.fromBuffer(buffer);
    expect(file.markedCells().sort()).toEqual(["Jan Ek!B2", "Jan Ek!C4"]);
    await file.clearMarks();
    const workbook = await loadWithExcelJS(await file.toBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Jan Ek"]);
    const sheet = workbook.getWorksheet("Jan Ek");
    // B2's own yellow fill and note come back; C4 had none.
    expect(sheet?.getCell("B2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(sheet?.getCell("B2").note).toBe("Ring Jan");
    expect(sheet?.getCell("C4").fill).toBeUndefined();
  });
});
