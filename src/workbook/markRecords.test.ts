/**
 * The mark records both ports share (markRecords.ts): v2 written compactly, v1 (older
 * workbooks) still read, by both ports, and a cell's own note kept whichever port marks it with a
 * message after the other only filled it.
 */
import type ExcelJS from "exceljs";
import { FakeExcel, type FakeSheetInit } from "../../test/excelFake";
import { FileWorkbook } from "./file";
import { loadWithExcelJS, xlsxBuffer } from "./file/testing";
import { decodeRecord, recordCells, RECORD_CHUNK } from "./markRecords";
import { OfficeWorkbook } from "./office";
import { MARKS_SHEET_NAME } from "./port";

const ERROR_FILL = "#FFC7CE";

describe("the record of a marked cell", () => {
  const empty = { sheet: "Jan Ek", address: "B7", severity: "error" as const, messages: [] };

  it.each<[string, Parameters<typeof recordCells>[0], string[]]>([
    [
      "nothing of its own, no message: only the version",
      { ...empty, style: {}, note: null },
      ["B7", "Jan Ek", "error", '{"v":2}'],
    ],
    [
      "own fill, own note and a message",
      {
        ...empty,
        messages: ["Fel"],
        style: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } },
        note: "Ring Jan",
      },
      [
        "B7",
        "Jan Ek",
        "error",
        '{"v":2,"style":{"fill":{"type":"pattern","pattern":"solid","fgColor":{"argb":"FFFFFF00"}}},"note":"Ring Jan","messages":["Fel"]}',
      ],
    ],
    [
      // Column B could come back from a file as "aAb": the name goes into the JSON, escaped.
      "a sheet name with an escape-like _x0041_",
      { ...empty, sheet: "a_x0041_b", style: {}, note: null },
      ["B7", "a_x0041_b", "error", '{"v":2,"sheet":"a_\\u00780041_b"}'],
    ],
  ])("is written as v2: %s", (_label, record, row) => {
    expect(recordCells(record)).toEqual(row);
    expect(decodeRecord(row)).toEqual({
      sheet: record.sheet,
      address: record.address,
      severity: record.severity,
      messages: record.messages,
      style: record.style,
      note: record.note,
    });
  });

  it("is cut into pieces of RECORD_CHUNK characters and read back whole", () => {
    const message = "å".repeat(2000);
    const messages = Array.from(
      { length: 20 },
      (_, i) => `${String(i).padStart(2, "0")}${message}`,
    );
    const row = recordCells({ ...empty, messages, style: {}, note: null });
    // {"v":2,"messages":[…]}: 20 messages of 2 001 characters, quoted and comma-separated:
    // '{"v":2,' (7) + '"messages":[' (12) + 20 × (2 002 + 2 quotes) + 19 commas + "]}" (2)
    // = 40 120 characters: two pieces.
    expect(row.slice(3).map((p) => p.length)).toEqual([RECORD_CHUNK, 40_120 - RECORD_CHUNK]);
    expect(decodeRecord(row).messages).toEqual(messages);
  });

  it.each<[string, string[], Partial<ReturnType<typeof decodeRecord>> | null]>([
    [
      "v1, as older versions wrote it",
      [
        "B7",
        "Jan Ek",
        "warning",
        '{"v":1,"sheet":"Jan Ek","address":"$b$7","severity":"warning","style":{},"note":"Egen","messages":["Fel"]}',
      ],
      { sheet: "Jan Ek", address: "B7", severity: "warning", note: "Egen", messages: ["Fel"] },
    ],
    ["v2 without a severity in C", ["B7", "Jan Ek", "", '{"v":2}'], null],
    ["v2 without a sheet in B", ["B7", "", "error", '{"v":2}'], null],
    ["v2 with no cell in A", ["nej", "Jan Ek", "error", '{"v":2}'], null],
    ["an unknown version", ["B7", "Jan Ek", "error", '{"v":3}'], null],
    ["not JSON", ["B7", "Jan Ek", "error", "{inte json"], null],
  ])("is read from %s", (_label, row, expected) => {
    if (expected === null) expect(() => decodeRecord(row)).toThrow();
    else expect(decodeRecord(row)).toMatchObject(expected);
  });
});

/** A schedule where B2 has its own yellow fill and note, C3 nothing of its own. */
function schedule(): FakeSheetInit {
  return {
    name: "Jan Ek",
    values: [["Datum"], ["", "Studiebesök"], ["", "", 5]],
    fills: [[], [null, "#FFFF00"]],
    notes: [[], [null, "Ring Jan"]],
  };
}

const V1_ROWS = [
  ["Cell", "Blad", "Allvarlighetsgrad", "Ursprungligt format"],
  [
    "B2",
    "Jan Ek",
    "error",
    '{"v":1,"sheet":"Jan Ek","address":"B2","severity":"error","style":{"fill":{"type":"pattern","pattern":"solid","fgColor":{"argb":"FFFFFF00"}}},"note":"Ring Jan","messages":["Fel"]}',
  ],
  [
    "C3",
    "Jan Ek",
    "error",
    '{"v":1,"sheet":"Jan Ek","address":"C3","severity":"error","style":{},"note":null,"messages":[]}',
  ],
];

function officeOn(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
}

function copyTo(workbook: ExcelJS.Workbook, fake: FakeExcel): void {
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
}

describe("older records (v1) in a workbook", () => {
  it("are cleared by the Office port", async () => {
    const fake = FakeExcel.fromSheets([
      {
        name: "Jan Ek",
        values: [["Datum"], ["", "Studiebesök"], ["", "", 5]],
        fills: [[], [null, ERROR_FILL], [null, null, ERROR_FILL]],
        notes: [[], [null, "Schemakoll: Fel\n\nRing Jan"]],
      },
      { name: MARKS_SHEET_NAME, values: V1_ROWS, visibility: "Hidden" },
    ]);
    await officeOn(fake).clearMarks();
    expect(fake.cellsOf("Jan Ek")).toEqual(FakeExcel.fromSheets([schedule()]).cellsOf("Jan Ek"));
    expect(fake.sheetNames()).toEqual(["Jan Ek"]);
  });

  it("are cleared by the file port", async () => {
    const buffer = await xlsxBuffer((workbook) => {
      const sheet = workbook.addWorksheet("Jan Ek");
      sheet.getCell("A1").value = "Datum";
      sheet.getCell("B2").value = "Studiebesök";
      sheet.getCell("B2").fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FFFFC7CE" },
      };
      sheet.getCell("B2").note = "Schemakoll: Fel\n\nRing Jan";
      sheet.getCell("C3").value = 5;
      sheet.getCell("C3").fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: "FFFFC7CE" },
      };
      const records = workbook.addWorksheet(MARKS_SHEET_NAME, { state: "hidden" });
      for (const row of V1_ROWS) records.addRow(row);
    });
    const file = await FileWorkbook.fromBuffer(buffer);
    await file.clearMarks();
    const workbook = await loadWithExcelJS(await file.toBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Jan Ek"]);
    const sheet = workbook.getWorksheet("Jan Ek");
    expect(sheet?.getCell("B2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(sheet?.getCell("B2").note).toBe("Ring Jan");
    expect(sheet?.getCell("C3").fill).toBeUndefined();
  });
});

describe("a cell the Office port only filled (its record holds no note)", () => {
  it("keeps its own note when the file port then marks it with a message, and gets it back", async () => {
    const fake = FakeExcel.fromSheets([schedule()]);
    const office = officeOn(fake);
    // Validation 1 in Excel: B2 is one of a finding's later cells: filled, no message.
    await office.readSheets();
    await office.replaceMarks([
      { sheet: "Jan Ek", cells: ["C3", "B2"], severity: "error", note: "Fel i C3" },
    ]);
    expect(fake.cellsOf("Jan Ek").B2).toMatchObject({ fill: ERROR_FILL, note: "Ring Jan" });
    // The workbook saved and opened by the CLI, which marks B2 with a message of its own.
    const file = await FileWorkbook.fromBuffer(
      await xlsxBuffer((w) => {
        copyTo(w, fake);
      }),
    );
    await file.markCells([{ sheet: "Jan Ek", cells: ["B2"], severity: "error", note: "Fel i B2" }]);
    const marked = await file.toBuffer();
    let sheet = (await loadWithExcelJS(marked)).getWorksheet("Jan Ek");
    expect(sheet?.getCell("B2").note).toBe("Schemakoll: Fel i B2\n\nRing Jan");
    // Saved, opened again and cleared (as the CLI does, one command per run).
    const reopened = await FileWorkbook.fromBuffer(marked);
    await reopened.clearMarks();
    sheet = (await loadWithExcelJS(await reopened.toBuffer())).getWorksheet("Jan Ek");
    expect(sheet?.getCell("B2").note).toBe("Ring Jan");
    expect(sheet?.getCell("B2").fill).toMatchObject({ fgColor: { argb: "FFFFFF00" } });
    expect(sheet?.getCell("C3").fill).toBeUndefined();
  });

  it("keeps its own note when the Office port marks it again with a message (markCells)", async () => {
    const fake = FakeExcel.fromSheets([schedule()]);
    const office = officeOn(fake);
    const before = fake.cellsOf("Jan Ek");
    await office.readSheets();
    await office.replaceMarks([
      { sheet: "Jan Ek", cells: ["C3", "B2"], severity: "error", note: "Fel i C3" },
    ]);
    await office.markCells([{ sheet: "Jan Ek", cells: ["B2"], severity: "error", note: "Fel" }]);
    expect(fake.cellsOf("Jan Ek").B2).toMatchObject({ note: "Schemakoll: Fel\n\nRing Jan" });
    await office.clearMarks();
    expect(fake.cellsOf("Jan Ek")).toEqual(before);
  });
});
