import ExcelJS from "exceljs";
import { FileWorkbook } from "./fileWorkbook";
import { loadWithExcelJS } from "./testing";

async function workbookWith(setup: (wb: ExcelJS.Workbook) => void): Promise<FileWorkbook> {
  const wb = new ExcelJS.Workbook();
  setup(wb);
  return FileWorkbook.fromBuffer(await wb.xlsx.writeBuffer());
}

async function reread(file: FileWorkbook): Promise<ExcelJS.Workbook> {
  return loadWithExcelJS(await file.toBuffer());
}

describe("appendRows", () => {
  test("creates the sheet with a bold header, then appends below the last used row", async () => {
    const file = await workbookWith((wb) => wb.addWorksheet("Deltagare").addRow(["Id"]));
    const header = ["Deltagare", "Regel", "Orsak"];
    await file.appendRows("Godkända avvikelser", header, [
      [{ value: "N-101" }, { value: "AMI.KONTAKT" }, { value: '=HYPERLINK("http://x","y")' }],
    ]);
    await file.appendRows("Godkända avvikelser", header, [
      [{ value: "N-102" }, { value: "AMI.HELTID" }, { value: "Sjukskriven" }],
    ]);
    const sheet = (await reread(file)).getWorksheet("Godkända avvikelser");
    expect(sheet?.getCell("A1").value).toBe("Deltagare");
    expect(sheet?.getCell("A1").font.bold).toBe(true);
    expect(sheet?.getCell("A2").value).toBe("N-101");
    // A text that looks like a formula stays text.
    expect(sheet?.getCell("C2").value).toBe('=HYPERLINK("http://x","y")');
    expect(sheet?.getCell("C2").formula).toBeUndefined();
    expect(sheet?.getCell("A3").value).toBe("N-102");
  });

  test("leaves the coordinator's rows and their formats alone", async () => {
    const file = await workbookWith((wb) => {
      const s = wb.addWorksheet("Godkända avvikelser");
      s.addRow(["Deltagare", "Regel", "Orsak"]);
      s.addRow(["N-1", "AMI.KONTAKT", "Ledig"]);
      s.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
    });
    await file.appendRows("Godkända avvikelser", ["x"], [[{ value: "N-2" }]]);
    const sheet = (await reread(file)).getWorksheet("Godkända avvikelser");
    expect(sheet?.getCell("A1").value).toBe("Deltagare");
    expect(sheet?.getCell("A2").fill).toMatchObject({ fgColor: { argb: "FF00FF00" } });
    expect(sheet?.getCell("A3").value).toBe("N-2");
  });
});

describe("writeCells", () => {
  test("writes values only and keeps the cells' own formats", async () => {
    const file = await workbookWith((wb) => {
      const s = wb.addWorksheet("Inställningar");
      s.addRow(["Parameter", "Värde"]);
      s.addRow(["Heltid timmar", 40]);
      s.getCell("B2").numFmt = "0.0";
    });
    await file.writeCells("Inställningar", [
      { cell: "B2", value: 35 },
      { cell: "A3", value: "Idag" },
      { cell: "B3", value: "+cmd|' /C calc'!A0" },
    ]);
    const sheet = (await reread(file)).getWorksheet("Inställningar");
    expect(sheet?.getCell("B2").value).toBe(35);
    expect(sheet?.getCell("B2").numFmt).toBe("0.0");
    expect(sheet?.getCell("B3").value).toBe("+cmd|' /C calc'!A0");
  });

  test("refuses an address that is not one, before anything changes", async () => {
    const file = await workbookWith((wb) => wb.addWorksheet("Inställningar"));
    await expect(
      file.writeCells("Inställningar", [
        { cell: "B2", value: 1 },
        { cell: "nej", value: 2 },
      ]),
    ).rejects.toThrow("”nej” är ingen celladress.");
    const sheet = (await reread(file)).getWorksheet("Inställningar");
    expect(sheet?.getCell("B2").value).toBeNull();
  });
});

test("a hidden SheetModel is written hidden", async () => {
  const file = await workbookWith((wb) => wb.addWorksheet("Data"));
  await file.writeSheet({ name: "Schemakoll_mall", rows: [[{ value: "x" }]], hidden: true });
  expect((await reread(file)).getWorksheet("Schemakoll_mall")?.state).toBe("hidden");
});

describe("formulas in a generated sheet", () => {
  it.each([
    ["SUM(G6:G12)", true],
    ["SUBTOTAL(109,G6:G12)", true],
    ["COUNTA($A$1:$A$3)", true],
    ["SUM(G6:G12)+1", false],
    ['HYPERLINK("http://x","y")', false],
    ["SUMG6:G12)", false],
    ["SUBTOTAL(109,(G1:G2)", false],
    ["SUM('Annat blad'!A1:A2)", false],
  ])("%j is one of Schemakoll's own: %j", async (formula, allowed) => {
    const file = await workbookWith((wb) => wb.addWorksheet("Data"));
    const write = file.writeSheet({
      name: "Summa",
      rows: [[{ value: 1 }], [{ value: 2 }], [{ value: 3, formula }]],
    });
    if (!allowed) {
      await expect(write).rejects.toThrow("inte en av Schemakolls egna");
      return;
    }
    await write;
    const cell = (await reread(file)).getWorksheet("Summa")?.getCell("A3");
    expect(cell?.formula).toBe(formula);
    expect(cell?.result).toBe(3);
  });
});
