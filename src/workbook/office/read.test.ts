import { FakeExcel, type FakeSheetInit } from "../../../test/excelFake";
import { FileWorkbook } from "../file";
import { xlsxBuffer } from "../file/testing";
import { MARKS_SHEET_NAME, WorkbookReadError } from "../port";
import { OfficeWorkbook } from "./index";

interface Grid {
  name: string;
  /** Cells by address: value and, optionally, number format. */
  cells: Record<string, { value: string | number | boolean; format?: string }>;
  hidden?: boolean;
}

/** The same workbook for both ports: the fake from values, the file port through ExcelJS. */
async function bothPorts(grids: Grid[]): Promise<{ office: OfficeWorkbook; file: FileWorkbook }> {
  const inits: FakeSheetInit[] = grids.map((g) => {
    const values: unknown[][] = [];
    const numberFormats: string[][] = [];
    for (const [address, cell] of Object.entries(g.cells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(address);
      if (!m) throw new Error(address);
      const col = (m[1] ?? "A").charCodeAt(0) - 64;
      const row = Number(m[2]);
      while (values.length < row) values.push([]);
      while (numberFormats.length < row) numberFormats.push([]);
      const valueRow = values[row - 1] ?? [];
      const formatRow = numberFormats[row - 1] ?? [];
      while (valueRow.length < col) valueRow.push("");
      while (formatRow.length < col) formatRow.push("General");
      valueRow[col - 1] = cell.value;
      formatRow[col - 1] = cell.format ?? "General";
    }
    return { name: g.name, values, numberFormats, visibility: g.hidden ? "Hidden" : "Visible" };
  });
  const fake = FakeExcel.fromSheets(inits);
  const buffer = await xlsxBuffer((workbook) => {
    for (const g of grids) {
      const sheet = workbook.addWorksheet(g.name, { state: g.hidden ? "hidden" : "visible" });
      for (const [address, cell] of Object.entries(g.cells)) {
        const target = sheet.getCell(address);
        target.value = cell.value;
        if (cell.format !== undefined) target.numFmt = cell.format;
      }
    }
  });
  return { office: new OfficeWorkbook(fake.run), file: await FileWorkbook.fromBuffer(buffer) };
}

describe("OfficeWorkbook.readSheets", () => {
  it.each<[string, Grid[]]>([
    [
      "a grid starting at A1, with text, numbers, booleans and formats",
      [
        {
          name: "Aktiviteter",
          cells: {
            A1: { value: "Namn" },
            B1: { value: "Datum" },
            C1: { value: "Timmar" },
            A2: { value: "Jan Ek" },
            // 45292 = 2024-01-01 as an Excel serial.
            B2: { value: 45292, format: "yyyy-mm-dd" },
            C2: { value: 7.5, format: "0.0" },
            D2: { value: true },
          },
        },
      ],
    ],
    [
      "a grid that starts at C4 is padded from A1 with empty cells",
      [{ name: "Blad1", cells: { C4: { value: "x" }, E6: { value: 3 } } }],
    ],
    [
      "an empty sheet, a hidden sheet and a sheet with spaces in its name, in tab order",
      [
        { name: "Tom", cells: {} },
        { name: "Dold", cells: { A1: { value: "hemlig" } }, hidden: true },
        { name: "Jan Ek", cells: { B2: { value: "=inte en formel" } } },
      ],
    ],
  ])("returns exactly what the file port returns: %s", async (_label, grids) => {
    const { office, file } = await bothPorts(grids);
    const expected = await file.readSheets();
    expect(await office.readSheets()).toEqual(expected);
    const names = grids.map((g) => g.name).reverse();
    expect(await office.readSheets(names)).toEqual(await file.readSheets(names));
  });

  it("pads a grid starting at C4 to 6 rows × 5 columns (E6 is the last cell)", async () => {
    const { office } = await bothPorts([
      { name: "B", cells: { C4: { value: "x" }, E6: { value: 3 } } },
    ]);
    const [sheet] = await office.readSheets();
    // Rows 1–6, columns A–E: values[3][2] is C4, values[5][4] is E6.
    expect(sheet?.values).toHaveLength(6);
    expect(sheet?.values[0]).toEqual(["", "", "", "", ""]);
    expect(sheet?.values[3]?.[2]).toBe("x");
    expect(sheet?.values[5]?.[4]).toBe(3);
  });

  it("leaves out Schemakoll's own hidden sheet and finds a sheet ignoring case", async () => {
    const fake = FakeExcel.fromSheets([
      { name: "Lista", values: [["a"]] },
      { name: MARKS_SHEET_NAME, values: [["Cell"]], visibility: "Hidden" },
    ]);
    const office = new OfficeWorkbook(fake.run);
    expect((await office.readSheets()).map((s) => s.name)).toEqual(["Lista"]);
    expect((await office.readSheets(["lista"])).map((s) => s.name)).toEqual(["Lista"]);
  });

  it("refuses a missing sheet with a Swedish message", async () => {
    const office = new OfficeWorkbook(FakeExcel.fromSheets([{ name: "A", values: [[1]] }]).run);
    await expect(office.readSheets(["Saknas"])).rejects.toThrow(
      new WorkbookReadError("Bladet ”Saknas” finns inte i arbetsboken."),
    );
  });

  it("refuses a sheet whose grid from A1 passes the cell limit", async () => {
    // One value, in E1000001: the grid from A1 is 1 000 001 rows × 5 columns = 5 000 005
    // cells > 5 000 000 (the used range itself is one cell, so the check is on the grid).
    const values: unknown[][] = Array.from({ length: 1_000_000 }, () => []);
    values.push(["", "", "", "", "b"]);
    const office = new OfficeWorkbook(FakeExcel.fromSheets([{ name: "Stor", values }]).run);
    await expect(office.readSheets()).rejects.toThrow(
      /för stort för att läsas \(1 000 001 rader × 5 kolumner\)/,
    );
  });

  it("wraps an Office error into a WorkbookReadError and keeps the cause", async () => {
    const failing = new OfficeWorkbook(() =>
      Promise.reject(Object.assign(new Error("boom"), { code: "GeneralException" })),
    );
    const error: unknown = await failing.readSheets().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as Error).message).toBe(
      "Arbetsboken gick inte att läsa i Excel. (Excel: GeneralException)",
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
