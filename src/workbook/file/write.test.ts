/** writeSheet, select and save. */
import { link, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS, { ValueType } from "exceljs";
import { internalLink, type SheetModel } from "../port";
import { FileWorkbook, openWorkbookFile } from "./fileWorkbook";
import { tableNames } from "./excelInternals";
import { loadWithExcelJS, unzip, xlsxBuffer, zipText } from "./testing";
import { cleanText, sheetNameProblem, xlsxText } from "./writeSheet";

function base(w: ExcelJS.Workbook): void {
  const a = w.addWorksheet("Schema");
  a.getCell("A1").value = "Datum";
  a.getCell("A2").value = new Date(Date.UTC(2024, 2, 5));
  a.getCell("A2").numFmt = "yyyy-mm-dd";
  a.getCell("B2").value = { formula: "1+1", result: 2 };
  const b = w.addWorksheet("Månadsrapport");
  b.getCell("A1").value = "gammal rapport";
  b.getCell("C9").value = 99;
  w.addWorksheet("Register").getCell("A1").value = "Jan Ek";
}

const REPORT: SheetModel = {
  name: "Månadsrapport",
  rows: [
    [{ value: "Månadsrapport mars 2024", bold: true }],
    [
      { value: "Deltagare", bold: true },
      { value: "Datum", bold: true },
      { value: "Timmar", bold: true },
      { value: "Belopp", bold: true },
    ],
    [
      { value: "Jan Ek", hyperlink: internalLink("Schema", "A2") },
      { value: 45356, numberFormat: "yyyy-mm-dd" },
      { value: 7.5, numberFormat: "0.0" },
      { value: 3686, numberFormat: '# ##0 "kr"', fill: "FFDDEBF7" },
    ],
    [
      { value: "Eva Berg" },
      { value: 45357, numberFormat: "yyyy-mm-dd" },
      { value: 4, numberFormat: "0.0" },
      { value: 1476, numberFormat: '# ##0 "kr"' },
    ],
  ],
  columnWidths: [24, 12, 8, 12],
  table: { name: "Månadsrapport mars", headerRow: 1, rowCount: 2 },
  freezeRows: 2,
};

async function sheetOf(wb: FileWorkbook, name: string): Promise<ExcelJS.Worksheet> {
  const sheet = (await loadWithExcelJS(await wb.toBuffer())).getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe("writeSheet", () => {
  test("replaces only that sheet, in place; every other sheet stays identical", async () => {
    const data = await xlsxBuffer(base);
    const wb = await FileWorkbook.fromBuffer(data);
    const before = await FileWorkbook.fromBuffer(data);
    await wb.writeSheet(REPORT);
    expect(wb.sheetNames()).toEqual(["Schema", "Månadsrapport", "Register"]);
    expect(await wb.readSheets(["Schema", "Register"])).toEqual(
      await before.readSheets(["Schema", "Register"]),
    );
    // Every cell of the other sheets: type, value, style and note.
    const snap = async (w: FileWorkbook, name: string): Promise<unknown> => {
      const sheet = await sheetOf(w, name);
      const cells: unknown[] = [];
      sheet.eachRow((row) => {
        row.eachCell((c) => {
          cells.push([c.address, c.type, c.value, c.style, c.note]);
        });
      });
      return JSON.parse(JSON.stringify(cells)) as unknown;
    };
    for (const name of ["Schema", "Register"]) {
      expect(await snap(wb, name)).toEqual(await snap(before, name));
    }
    const [report] = await wb.readSheets(["Månadsrapport"]);
    expect(report?.values).toEqual([
      ["Månadsrapport mars 2024", "", "", ""],
      ["Deltagare", "Datum", "Timmar", "Belopp"],
      ["Jan Ek", 45356, 7.5, 3686],
      ["Eva Berg", 45357, 4, 1476],
    ]);
    expect(report?.numberFormats?.[2]).toEqual(["General", "yyyy-mm-dd", "0.0", '# ##0 "kr"']);
  });

  test("writes bold, fills, widths, frozen rows, the table and the internal link", async () => {
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    await wb.writeSheet(REPORT);
    const sheet = await sheetOf(wb, "Månadsrapport");
    expect(sheet.getCell("A1").font.bold).toBe(true);
    expect(sheet.getCell("B2").font.bold).toBe(true);
    expect((sheet.getCell("D3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFDDEBF7");
    expect(sheet.getColumn(1).width).toBe(24);
    expect(sheet.getColumn(4).width).toBe(12);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(tableNames(sheet)).toEqual(["Månadsrapport_mars"]);
    const link = sheet.getCell("A3");
    expect(link.type).toBe(ValueType.Hyperlink);
    expect(link.value).toEqual({ text: "Jan Ek", hyperlink: "#'Schema'!A2" });
    const xml = zipText(await wb.toBuffer(), "xl/tables/table1.xml");
    expect(xml).toContain('ref="A2:D4"');
    expect(xml).toContain('name="Månadsrapport_mars"');
    expect(xml).toContain('<tableColumn id="1" name="Deltagare"');
  });

  test("text that looks like a formula is written and read back as text", async () => {
    const hostile = [
      '=HYPERLINK("http://x","y")',
      "+cmd|' /C calc'!A0",
      "@SUM(1)",
      "-1+1",
      "=1+1",
      "\t=1+1",
      "\r=1+1",
      "=cmd|' /C calc'!A0",
      "rad 1\r\nrad 2",
      "_x0041_ står kvar",
    ];
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    await wb.writeSheet({
      name: "Fakturaunderlag",
      rows: [[{ value: "Text" }], ...hostile.map((text) => [{ value: text }])],
      table: { name: "Faktura", headerRow: 0, rowCount: hostile.length },
    });
    const saved = await wb.toBuffer();
    const sheet = (await loadWithExcelJS(saved)).getWorksheet("Fakturaunderlag");
    hostile.forEach((text, i) => {
      const cell = sheet?.getCell(i + 2, 1);
      expect(cell?.type).toBe(ValueType.String);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
    });
    const [read] = await (await FileWorkbook.fromBuffer(saved)).readSheets(["Fakturaunderlag"]);
    expect(read?.values.slice(1).map((r) => r[0])).toEqual(hostile);
    // No formula anywhere in the sheet's XML: every text is a shared string.
    const part = unzip(saved).find((p) => p.data.toString("utf8").includes("Fakturaunderlag"));
    expect(part).toBeDefined();
    const sheetXml = zipText(saved, "xl/worksheets/sheet4.xml");
    expect(sheetXml).not.toMatch(/<f[\s>]/);
    expect(sheetXml.match(/t="s"/g)).toHaveLength(hostile.length + 1);
  });

  test("a formula-like text in a header, a link text or a sheet of its own stays text", async () => {
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    await wb.writeSheet({
      name: "Rapport",
      rows: [
        [{ value: "=1+1" }, { value: "+A1" }],
        [{ value: "@x", hyperlink: internalLink("Schema", "A1") }, { value: 1 }],
      ],
      table: { name: "T", headerRow: 0, rowCount: 1 },
    });
    const sheet = await sheetOf(wb, "Rapport");
    expect(sheet.getCell("A1").type).toBe(ValueType.String);
    expect(sheet.getCell("A1").value).toBe("=1+1");
    expect(sheet.getCell("B1").value).toBe("+A1");
    expect(sheet.getCell("A2").value).toEqual({ text: "@x", hyperlink: "#'Schema'!A1" });
    expect(zipText(await wb.toBuffer(), "xl/worksheets/sheet4.xml")).not.toMatch(/<f[\s>]/);
  });

  test("a new sheet is added last; a sheet is found ignoring case and keeps its tab", async () => {
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    await wb.writeSheet({ name: "Fakturaunderlag", rows: [[{ value: 1 }]] });
    expect(wb.sheetNames()).toEqual(["Schema", "Månadsrapport", "Register", "Fakturaunderlag"]);
    await wb.writeSheet({ name: "MÅNADSRAPPORT", rows: [[{ value: 2 }]] });
    expect(wb.sheetNames()).toEqual(["Schema", "MÅNADSRAPPORT", "Register", "Fakturaunderlag"]);
    const reopened = await FileWorkbook.fromBuffer(await wb.toBuffer());
    expect(reopened.sheetNames()).toEqual([
      "Schema",
      "MÅNADSRAPPORT",
      "Register",
      "Fakturaunderlag",
    ]);
    expect((await reopened.readSheets(["Månadsrapport"]))[0]?.values).toEqual([[2]]);
  });

  test("writing twice gives the same sheet; table names stay unique in the workbook", async () => {
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    await wb.writeSheet(REPORT);
    await wb.writeSheet(REPORT);
    await wb.writeSheet({ ...REPORT, name: "Kopia" });
    const saved = await loadWithExcelJS(await wb.toBuffer());
    expect(saved.worksheets.flatMap((s) => tableNames(s))).toEqual([
      "Månadsrapport_mars",
      "Månadsrapport_mars_2",
    ]);
  });

  test("replacing the active sheet keeps it active", async () => {
    const data = await xlsxBuffer((w) => {
      base(w);
      w.views = [
        {
          x: 0,
          y: 0,
          width: 9000,
          height: 9000,
          firstSheet: 0,
          activeTab: 1,
          visibility: "visible",
        },
      ];
    });
    const wb = await FileWorkbook.fromBuffer(data);
    await wb.writeSheet(REPORT);
    await wb.writeSheet({ name: "Ny", rows: [] });
    const saved = await loadWithExcelJS(await wb.toBuffer());
    expect(saved.views[0]?.activeTab).toBe(1);
  });

  test("marks on a replaced sheet are forgotten; others are still cleared", async () => {
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    await wb.markCells([
      { sheet: "Månadsrapport", cells: ["A1"], severity: "error", note: "x" },
      { sheet: "Register", cells: ["A1"], severity: "error", note: "y" },
    ]);
    await wb.writeSheet(REPORT);
    expect(wb.markedCells()).toEqual(["Register!A1"]);
    await wb.clearMarks();
    const sheet = await sheetOf(wb, "Register");
    expect(sheet.getCell("A1").note).toBeUndefined();
  });

  test("bad names, outside links and bad colours are refused before anything changes", async () => {
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    const cases: [SheetModel, string][] = [
      [
        { name: "Rapport: mars", rows: [] },
        "Bladnamnet ”Rapport: mars” innehåller något av tecknen [ ] : * ? / \\.",
      ],
      [
        { name: "x".repeat(32), rows: [] },
        `Bladnamnet ”${"x".repeat(32)}” är längre än 31 tecken.`,
      ],
      [
        { name: "Schemakoll_markeringar", rows: [] },
        "Bladnamnet ”Schemakoll_markeringar” är reserverat.",
      ],
      [
        { name: "Månadsrapport", rows: [[{ value: "klicka", hyperlink: "https://example.com" }]] },
        "Länken i Månadsrapport!A1 går utanför arbetsboken; Schemakoll skriver bara interna länkar.",
      ],
      [
        { name: "Månadsrapport", rows: [[{ value: 1 }, { value: 2, fill: "röd" }]] },
        "Färgen ”röd” i Månadsrapport!B1 är ingen ARGB-färg.",
      ],
      [
        {
          name: "Månadsrapport",
          rows: [[{ value: null }]],
          table: { name: "T", headerRow: 0, rowCount: 0 },
        },
        "Tabellen på bladet ”Månadsrapport” saknar rubriker.",
      ],
    ];
    for (const [model, message] of cases) {
      await expect(wb.writeSheet(model)).rejects.toMatchObject({
        name: "WorkbookWriteError",
        message,
      });
    }
    expect((await wb.readSheets(["Månadsrapport"]))[0]?.values[0]).toEqual([
      "gammal rapport",
      "",
      "",
    ]);
  });

  test("text is cleaned of what XML cannot hold and cut at Excel's cell limit", () => {
    expect(xlsxText("a\rb_x0041_c")).toBe("a_x000D_b_x005F_x0041_c");
    expect(cleanText("a\u0000b\u0007c\td\ne\rf\uFFFEg\uD800h😀")).toBe("abc\td\ne\rfgh😀");
    expect(cleanText("x".repeat(40_000))).toHaveLength(32_767);
    expect(sheetNameProblem("Vecka 10")).toBeNull();
    expect(sheetNameProblem("'Vecka")).not.toBeNull();
    expect(sheetNameProblem("history")).not.toBeNull();
  });

  test("non-finite numbers become #NUM!, booleans stay booleans", async () => {
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    await wb.writeSheet({
      name: "R",
      rows: [[{ value: Number.NaN }, { value: true }, { value: null, bold: true }, { value: 0 }]],
    });
    const [r] = await (await FileWorkbook.fromBuffer(await wb.toBuffer())).readSheets(["R"]);
    expect(r?.values).toEqual([["#NUM!", true, "", 0]]);
  });
});

describe("select", () => {
  test("records the selection and makes the sheet the tab a saved copy opens on", async () => {
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    expect(wb.selection).toBeNull();
    await wb.select("register", ["B7:F7", "A1"]);
    expect(wb.selection).toEqual({ sheet: "Register", cells: ["B7:F7", "A1"] });
    const saved = await loadWithExcelJS(await wb.toBuffer());
    expect(saved.views[0]?.activeTab).toBe(2);
    const views = (name: string): unknown => saved.getWorksheet(name)?.views[0];
    expect(views("Register")).toMatchObject({ activeCell: "B7" });
    // ExcelJS does not read tabSelected back; the XML shows it.
    const saved2 = await wb.toBuffer();
    expect(zipText(saved2, "xl/worksheets/sheet3.xml")).toContain('tabSelected="1"');
    expect(zipText(saved2, "xl/worksheets/sheet1.xml")).not.toContain('tabSelected="1"');
    await wb.select("Schema", []);
    const again = await loadWithExcelJS(await wb.toBuffer());
    expect(again.views[0]?.activeTab).toBe(0);
    expect(zipText(await wb.toBuffer(), "xl/worksheets/sheet3.xml")).not.toContain(
      'tabSelected="1"',
    );
  });

  test("an unknown or hidden sheet, or a bad address, is refused", async () => {
    const wb = await FileWorkbook.fromBuffer(
      await xlsxBuffer((w) => {
        base(w);
        w.addWorksheet("Dold", { state: "hidden" });
      }),
    );
    await expect(wb.select("Finns inte", ["A1"])).rejects.toMatchObject({
      name: "WorkbookWriteError",
      message: "Bladet ”Finns inte” finns inte i arbetsboken.",
    });
    await expect(wb.select("Dold", ["A1"])).rejects.toMatchObject({
      message: "Bladet ”Dold” är dolt och kan inte visas.",
    });
    await expect(wb.select("Schema", ["A0"])).rejects.toMatchObject({
      message: "”A0” på bladet ”Schema” är ingen celladress.",
    });
    expect(wb.selection).toBeNull();
  });
});

describe("save", () => {
  async function saved(): Promise<{ dir: string; path: string; bytes: Buffer }> {
    const dir = await mkdtemp(join(tmpdir(), "schemakoll-"));
    const path = join(dir, "schema.xlsx");
    const bytes = await xlsxBuffer(base);
    await writeFile(path, bytes);
    return { dir, path, bytes };
  }

  test("never over the input file, however it is spelled or linked", async () => {
    const { dir, path, bytes } = await saved();
    const wb = await openWorkbookFile(path);
    await wb.markCells([{ sheet: "Schema", cells: ["A1"], severity: "error", note: "x" }]);
    await symlink(path, join(dir, "länk.xlsx"));
    await link(path, join(dir, "hård.xlsx"));
    for (const target of [
      path,
      join(dir, ".", "schema.xlsx"),
      join(dir, "sub", "..", "schema.xlsx"),
      join(dir, "länk.xlsx"),
      join(dir, "hård.xlsx"),
    ]) {
      await expect(wb.save(target)).rejects.toMatchObject({
        name: "WorkbookWriteError",
        message: `Schemakoll sparar aldrig över arbetsboken den läste (”${target}”). Välj ett annat filnamn.`,
      });
    }
    expect(await readFile(path)).toEqual(bytes);
  });

  test("saves a copy elsewhere that opens with the changes; the input is untouched", async () => {
    const { dir, path, bytes } = await saved();
    const wb = await openWorkbookFile(path);
    await wb.writeSheet(REPORT);
    const copy = join(dir, "schema-kontrollerad.xlsx");
    await wb.save(copy);
    await wb.save(copy); // over an earlier copy is fine
    expect(await readFile(path)).toEqual(bytes);
    const reopened = await openWorkbookFile(copy);
    expect((await reopened.readSheets(["Månadsrapport"]))[0]?.values[2]).toEqual([
      "Jan Ek",
      45356,
      7.5,
      3686,
    ]);
    await expect(reopened.save(copy)).rejects.toMatchObject({ name: "WorkbookWriteError" });
  });

  test("only as .xlsx, and a folder that does not exist gives a Swedish error", async () => {
    const { dir, path } = await saved();
    const wb = await openWorkbookFile(path);
    await expect(wb.save(join(dir, "kopia.xls"))).rejects.toMatchObject({
      message: "Arbetsboken kan bara sparas som .xlsx, inte som ”kopia.xls”.",
    });
    const missing = join(dir, "saknas", "kopia.xlsx");
    await expect(wb.save(missing)).rejects.toMatchObject({
      name: "WorkbookWriteError",
      message: `Filen ”${missing}” kan inte sparas.`,
    });
  });

  test("a workbook from a buffer saves anywhere", async () => {
    const dir = await mkdtemp(join(tmpdir(), "schemakoll-"));
    const wb = await FileWorkbook.fromBuffer(await xlsxBuffer(base));
    await wb.save(join(dir, "ny.xlsx"));
    expect((await openWorkbookFile(join(dir, "ny.xlsx"))).sheetNames()).toHaveLength(3);
  });
});
