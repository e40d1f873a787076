import { FakeExcel } from "../../../test/excelFake";
import { internalLink, WorkbookWriteError, type SheetModel } from "../port";
import { OfficeWorkbook } from "./index";
import { columnWidthPoints } from "./writeSheet";

function portOn(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
}

function workbook(): FakeExcel {
  return FakeExcel.fromSheets([
    {
      name: "Aktiviteter",
      values: [
        ["Namn", "Timmar"],
        ["Jan Ek", 3],
      ],
      fills: [["#FFFF00"]],
    },
    { name: "Månadsrapport", values: [["gammal"], ["rapport"]] },
    { name: "Inställningar", values: [["Heltid", 40]], numberFormats: [["General", "0.0"]] },
  ]);
}

/** Texts a workbook could hold that Excel would run as formulas if written as typed. */
const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-1+1",
  "=1+1",
  "'citat",
  "00123",
  "2024-01-05",
];

describe("OfficeWorkbook.writeSheet", () => {
  const model: SheetModel = {
    name: "Månadsrapport",
    rows: [
      [
        { value: "Text", bold: true },
        { value: "Timmar", bold: true },
      ],
      ...HOSTILE.map((text, i) => [{ value: text }, { value: i + 1, numberFormat: "0.0" }]),
      [
        { value: "Summa", bold: true, fill: "FFDDEBF7" },
        // 1 + 2 + … + 8 = 36 is what Schemakoll computed.
        { value: 36, formula: "SUM(B2:B9)", numberFormat: "0.0" },
      ],
      [{ value: "Till Jan Ek", hyperlink: internalLink("Aktiviteter", "A2") }, { value: null }],
      [{ value: "Datum" }, { value: "Timmar" }],
      [{ value: 45292, numberFormat: "yyyy-mm-dd" }, { value: 7 }],
      [{ value: 45293, numberFormat: "yyyy-mm-dd" }, { value: 8 }],
    ],
    columnWidths: [20, 10],
    table: { name: "Timmar per dag", headerRow: 0, rowCount: 10 },
    freezeRows: 1,
    charts: [{ title: "Timmar per dag", type: "line", dataRange: "A12:B14", anchor: "D2" }],
  };

  it("replaces the sheet in place, at the same tab position, and leaves the others alone", async () => {
    const fake = workbook();
    const others = ["Aktiviteter", "Inställningar"].map((n) => fake.cellsOf(n));
    await portOn(fake).writeSheet(model);
    expect(fake.sheetNames()).toEqual(["Aktiviteter", "Månadsrapport", "Inställningar"]);
    expect(["Aktiviteter", "Inställningar"].map((n) => fake.cellsOf(n))).toEqual(others);
    expect(fake.cellsOf("Månadsrapport").A1).toMatchObject({ value: "Text", bold: true });
  });

  it("writes every text as literal text and only the SUM as a formula", async () => {
    const fake = workbook();
    await portOn(fake).writeSheet(model);
    const cells = fake.cellsOf("Månadsrapport");
    HOSTILE.forEach((text, i) => {
      expect(cells[`A${i + 2}`]).toMatchObject({ value: text, formula: null });
    });
    expect(cells.B10).toMatchObject({ formula: "=SUM(B2:B9)", value: 36, numberFormat: "0.0" });
    expect(cells.A10).toMatchObject({ value: "Summa", bold: true, fill: "#DDEBF7" });
    expect(cells.A11).toMatchObject({
      value: "Till Jan Ek",
      hyperlink: { documentReference: "'Aktiviteter'!A2", textToDisplay: "Till Jan Ek" },
    });
    expect(cells.A13).toMatchObject({ value: 45292, numberFormat: "yyyy-mm-dd" });
  });

  it("adds the table, chart, frozen header and column widths natively", async () => {
    const fake = workbook();
    await portOn(fake).writeSheet(model);
    const sheet = fake.sheet("Månadsrapport");
    // Header row 1 and 10 data rows: A1:B11; the name without spaces.
    expect(sheet.tables).toEqual([
      { name: "Timmar_per_dag", address: "A1:B11", hasHeaders: true, style: "TableStyleMedium2" },
    ]);
    // Default size 8 columns × 15 rows from D2: D2…K16.
    expect(sheet.charts).toEqual([
      {
        type: "Line",
        source: "A12:B14",
        seriesBy: "Auto",
        title: "Timmar per dag",
        position: { start: "D2", end: "K16" },
      },
    ]);
    expect(sheet.frozenRows).toBe(1);
    // 20 characters: (20 × 7 + 5) px × 0.75 = 108.75 pt; 10: (70 + 5) × 0.75 = 56.25 pt.
    expect([...sheet.columnWidths.entries()]).toEqual([
      [1, 108.75],
      [2, 56.25],
    ]);
    expect(columnWidthPoints(300)).toBe(columnWidthPoints(255));
  });

  it("adds a new sheet last, hidden when asked, without changing the active sheet", async () => {
    const fake = workbook();
    await portOn(fake).writeSheet({ name: "Mallkarta", rows: [[{ value: "x" }]], hidden: true });
    expect(fake.sheetNames()).toEqual([
      "Aktiviteter",
      "Månadsrapport",
      "Inställningar",
      "Mallkarta",
    ]);
    expect(fake.sheet("Mallkarta").visibility).toBe("Hidden");
    expect(fake.activeSheetName()).toBe("Aktiviteter");
  });

  it("replaces the only sheet of a workbook, and it stays active", async () => {
    const fake = FakeExcel.fromSheets([{ name: "Rapport", values: [["gammal"]] }]);
    await portOn(fake).writeSheet({ name: "rapport", rows: [[{ value: "ny" }]] });
    expect(fake.sheetNames()).toEqual(["rapport"]);
    expect(fake.cellsOf("rapport").A1?.value).toBe("ny");
    expect(fake.activeSheetName()).toBe("rapport");
  });

  it.each<[string, SheetModel, string]>([
    [
      "an unsafe formula",
      { name: "R", rows: [[{ value: 1, formula: 'HYPERLINK("x")' }]] },
      "Formeln i R!A1 är inte en av Schemakolls egna.",
    ],
    [
      "an external link",
      { name: "R", rows: [[{ value: "x", hyperlink: "http://x" }]] },
      "Länken i R!A1 går utanför arbetsboken; Schemakoll skriver bara interna länkar.",
    ],
    [
      "a bad sheet name",
      { name: "Ja/Nej", rows: [] },
      "Bladnamnet ”Ja/Nej” innehåller något av tecknen [ ] : * ? / \\.",
    ],
    [
      "the marks sheet's name",
      { name: "Schemakoll_markeringar", rows: [] },
      "Bladnamnet ”Schemakoll_markeringar” är reserverat.",
    ],
  ])("refuses %s before anything changes", async (_label, bad, message) => {
    const fake = workbook();
    await expect(portOn(fake).writeSheet(bad)).rejects.toThrow(new WorkbookWriteError(message));
    expect(fake.syncCount).toBe(0);
  });
});

describe("OfficeWorkbook.appendRows and writeCells", () => {
  it("appends below the last used row, text literal, the sheet's own formats kept", async () => {
    const fake = FakeExcel.fromSheets([
      {
        name: "Godkända avvikelser",
        values: [
          ["Deltagare", "Regel"],
          ["Jan Ek", "R1"],
        ],
        numberFormats: [
          ["General", "General"],
          ["General", "General"],
          ["@", "yyyy-mm-dd"],
        ],
        fills: [
          [null, null],
          [null, null],
          ["#FFFF00", null],
        ],
      },
    ]);
    await portOn(fake).appendRows(
      "Godkända avvikelser",
      ["Deltagare", "Regel"],
      [[{ value: "=1+1" }, { value: 45292 }]],
    );
    const cells = fake.cellsOf("Godkända avvikelser");
    expect(cells.A3).toMatchObject({
      value: "=1+1",
      formula: null,
      numberFormat: "@",
      fill: "#FFFF00",
    });
    expect(cells.B3).toMatchObject({ value: 45292, numberFormat: "yyyy-mm-dd" });
    expect(cells.A1).toMatchObject({ value: "Deltagare", bold: false });
  });

  it("creates a missing sheet with a bold header", async () => {
    const fake = workbook();
    await portOn(fake).appendRows(
      "Godkända avvikelser",
      ["Deltagare", "Regel"],
      [[{ value: "+cmd" }, { value: "R1" }]],
    );
    const cells = fake.cellsOf("Godkända avvikelser");
    expect(cells.A1).toMatchObject({ value: "Deltagare", bold: true });
    expect(cells.A2).toMatchObject({ value: "+cmd", formula: null });
    expect(fake.sheetNames()).toHaveLength(4);
  });

  it("writes single values and keeps the cells' number formats and fills", async () => {
    const fake = workbook();
    await portOn(fake).writeCells("Inställningar", [
      { cell: "B1", value: 37.5 },
      { cell: "C1", value: "@SUM(1)" },
    ]);
    const cells = fake.cellsOf("Inställningar");
    expect(cells.B1).toMatchObject({ value: 37.5, numberFormat: "0.0" });
    expect(cells.C1).toMatchObject({ value: "@SUM(1)", formula: null });
    // Sheet names; the cells' own formats; the values.
    expect(fake.syncCount).toBe(3);
  });

  it("refuses an address that is not a cell", async () => {
    await expect(
      portOn(workbook()).writeCells("Inställningar", [{ cell: "B", value: 1 }]),
    ).rejects.toThrow(new WorkbookWriteError("”B” är ingen celladress."));
  });
});

describe("Office errors", () => {
  it("become a Swedish WorkbookWriteError that keeps the cause", async () => {
    const cause = Object.assign(new Error("too big"), { code: "RequestPayloadSizeLimitExceeded" });
    const office = new OfficeWorkbook(() => Promise.reject(cause), { apiVersion: () => true });
    const error: unknown = await office
      .markCells([{ sheet: "A", cells: ["A1"], severity: "error", note: "x" }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookWriteError);
    expect((error as Error).message).toBe(
      "Markeringen misslyckades i Excel. Ändringen blev för stor för Excel på webben; försök med färre blad åt gången.",
    );
    expect((error as Error).cause).toBe(cause);
  });
});

describe("OfficeWorkbook.select", () => {
  it("activates the sheet and selects the cells", async () => {
    const fake = workbook();
    await portOn(fake).select("inställningar", ["B1", "A1:A2"]);
    expect(fake.activeSheetName()).toBe("Inställningar");
    expect(fake.selection).toEqual({ sheet: "Inställningar", address: "B1,A1:A2" });
  });

  it.each([
    ["Saknas", "Bladet ”Saknas” finns inte i arbetsboken."],
    ["Dold", "Bladet ”Dold” är dolt och kan inte visas."],
  ])("refuses %s in Swedish", async (sheet, message) => {
    const fake = FakeExcel.fromSheets([
      { name: "A", values: [[1]] },
      { name: "Dold", values: [[1]], visibility: "Hidden" },
    ]);
    await expect(portOn(fake).select(sheet, ["A1"])).rejects.toThrow(
      new WorkbookWriteError(message),
    );
  });
});

describe("OfficeWorkbook names", () => {
  it("sets, lists, replaces and deletes names, one batch each", async () => {
    const fake = workbook();
    const office = portOn(fake);
    await office.setNames(
      [
        { name: "AMI.HELTID", formula: "=40" },
        { name: "AMI_SKALA", formula: "LAMBDA(x,x*2)" },
      ],
      "Schemakoll",
    );
    await office.setNames([{ name: "ami.heltid", formula: "=37.5" }], "Schemakoll");
    expect(await office.listNames()).toEqual([
      { name: "AMI.HELTID", formula: "=37.5" },
      { name: "AMI_SKALA", formula: "=LAMBDA(x,x*2)" },
    ]);
    expect(fake.names.map((n) => n.comment)).toEqual(["Schemakoll", "Schemakoll"]);
    await office.deleteNames(["AMI_SKALA", "FINNS_INTE"]);
    expect((await office.listNames()).map((n) => n.name)).toEqual(["AMI.HELTID"]);
  });

  it.each([
    [true, true],
    [false, false],
  ])(
    "lambdaSupported is %s when the Excel's LAMBDA support is %s, and leaves no name",
    async (lambda, expected) => {
      const fake = FakeExcel.fromSheets([{ name: "A", values: [[1]] }], { lambda });
      expect(await portOn(fake).lambdaSupported()).toBe(expected);
      expect(fake.names).toEqual([]);
    },
  );

  it("lambdaSupported is false without the names API (ExcelApi 1.4)", async () => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [[1]] }], {
      isSetSupported: (_set, version) => version !== "1.4",
    });
    expect(await portOn(fake).lambdaSupported()).toBe(false);
    expect(fake.syncCount).toBe(0);
  });
});
