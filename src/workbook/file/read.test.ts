/** readSheets: values exactly as Excel's Range.values gives them, on .xlsx built with ExcelJS. */
import ExcelJS from "exceljs";
import { fromUtc, toSerial } from "../../domain/date";
import { FileWorkbook } from "./fileWorkbook";
import { rewriteZip, xlsxBuffer, zipText } from "./testing";

const utc = (y: number, m: number, d: number, h = 0, min = 0): Date =>
  new Date(Date.UTC(y, m - 1, d, h, min));

async function open(build: (workbook: ExcelJS.Workbook) => void): Promise<FileWorkbook> {
  return FileWorkbook.fromBuffer(await xlsxBuffer(build));
}

async function only(workbook: FileWorkbook): Promise<{ values: unknown[][]; formats: string[][] }> {
  const [sheet] = await workbook.readSheets();
  if (!sheet) throw new Error("no sheet");
  return { values: sheet.values, formats: sheet.numberFormats ?? [] };
}

describe("dates", () => {
  test("a date cell is its Excel serial number (2024-03-05 → 45356)", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = utc(2024, 3, 5);
      s.getCell("A1").numFmt = "yyyy-mm-dd";
    });
    const { values, formats } = await only(wb);
    expect(values).toEqual([[45356]]);
    expect(formats).toEqual([["yyyy-mm-dd"]]);
  });

  test("the DST days of 2024 and other dates are the whole serials of toSerial(fromUtc(date))", async () => {
    const dates = [
      utc(2024, 3, 31),
      utc(2024, 10, 27),
      utc(2024, 3, 30),
      utc(2024, 10, 28),
      utc(1900, 3, 1),
      utc(2000, 2, 29),
      utc(2024, 12, 31),
      utc(9999, 12, 31),
    ];
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      dates.forEach((d, i) => {
        const cell = s.getCell(i + 1, 1);
        cell.value = d;
        cell.numFmt = "yyyy-mm-dd";
      });
    });
    const { values } = await only(wb);
    expect(values.map((r) => r[0])).toEqual(dates.map((d) => toSerial(fromUtc(d))));
    expect(values.slice(0, 2)).toEqual([[45382], [45592]]);
  });

  test("a time of day stays as the fraction (2024-03-05 13:30 → 45356.5625)", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = utc(2024, 3, 5, 13, 30);
      s.getCell("A1").numFmt = "yyyy-mm-dd hh:mm";
      s.getCell("A2").value = utc(2024, 3, 31, 2, 30); // the hour that does not exist in Sweden
      s.getCell("A2").numFmt = "yyyy-mm-dd hh:mm";
      s.getCell("A3").value = 8 / 24 + 10 / 1440; // a time without a date: 08:10
      s.getCell("A3").numFmt = "hh:mm";
    });
    const { values } = await only(wb);
    expect(values[0]).toEqual([45356.5625]);
    expect(values[1]).toEqual([45382 + 2.5 / 24]);
    expect(values[2]?.[0]).toBeCloseTo(8 / 24 + 10 / 1440, 12);
  });

  test("a formula whose cached result is a date gives the serial", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = { formula: "DATE(2024,3,5)", result: utc(2024, 3, 5) };
      s.getCell("A1").numFmt = "yyyy-mm-dd";
    });
    expect((await only(wb)).values).toEqual([[45356]]);
  });

  test("a workbook on the 1904 date system gives its dates as 1900 serials of the same days", async () => {
    const wb = await open((w) => {
      w.properties.date1904 = true;
      const s = w.addWorksheet("S");
      s.getCell("A1").value = utc(2024, 3, 5);
      s.getCell("A1").numFmt = "yyyy-mm-dd";
    });
    expect(wb.date1904).toBe(true);
    expect((await only(wb)).values).toEqual([[45356]]);
  });

  test("no local-time getter is used on the way from a cell to a value", () => {
    const spies = (
      [
        "getFullYear",
        "getMonth",
        "getDate",
        "getDay",
        "getHours",
        "getMinutes",
        "getSeconds",
        "getTimezoneOffset",
      ] as const
    ).map((name) => jest.spyOn(Date.prototype, name));
    return open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = utc(2024, 10, 27, 2, 30);
      s.getCell("A1").numFmt = "yyyy-mm-dd hh:mm";
    })
      .then((wb) => {
        for (const spy of spies) spy.mockClear();
        return only(wb);
      })
      .then(({ values }) => {
        expect(values).toEqual([[45592 + 2.5 / 24]]);
        for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      })
      .finally(() => {
        for (const spy of spies) spy.mockRestore();
      });
  });
});

describe("values", () => {
  test("formulas give their cached result; without one, an empty string", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = 2;
      s.getCell("B1").value = { formula: "A1*3", result: 6 };
      s.getCell("C1").value = { formula: "A1*3" };
      s.getCell("D1").value = { formula: 'IF(A1>1,"stor","liten")', result: "stor" };
      s.getCell("E1").value = { formula: "A1>1", result: true };
      s.getCell("F1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    });
    expect((await only(wb)).values).toEqual([[2, 6, "", "stor", true, "#DIV/0!"]]);
  });

  test("shared formulas give each cell's cached result", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = 1;
      s.getCell("A2").value = 2;
      s.getCell("A3").value = 3;
      s.fillFormula("B1:B3", "A1*10", [10, 20, 30]);
    });
    const { values } = await only(wb);
    expect(values).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
  });

  test("a merged range has its value in the top-left cell and '' elsewhere", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("B2").value = "Vecka 10";
      s.mergeCells("B2:D3");
      s.getCell("E3").value = 1;
    });
    expect((await only(wb)).values).toEqual([
      ["", "", "", "", ""],
      ["", "Vecka 10", "", "", ""],
      ["", "", "", "", 1],
    ]);
  });

  test("rich text, hyperlinks, errors, booleans and numbers", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = {
        richText: [{ text: "Praktik ", font: { bold: true } }, { text: "08–12" }],
      };
      s.getCell("B1").value = { text: "Jan Ek", hyperlink: "#'Blad 2'!A1" };
      s.getCell("C1").value = { error: "#N/A" };
      s.getCell("D1").value = { error: "#REF!" };
      s.getCell("E1").value = { error: "#VALUE!" };
      s.getCell("F1").value = true;
      s.getCell("G1").value = false;
      s.getCell("H1").value = 7.5;
      s.getCell("I1").value = "text";
    });
    expect((await only(wb)).values).toEqual([
      ["Praktik 08–12", "Jan Ek", "#N/A", "#REF!", "#VALUE!", true, false, 7.5, "text"],
    ]);
  });

  test("ragged rows become a rectangle from A1 filled with ''", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = "a";
      s.getCell("D2").value = "d";
      s.getCell("B4").value = "b";
    });
    const { values, formats } = await only(wb);
    expect(values).toEqual([
      ["a", "", "", ""],
      ["", "", "", "d"],
      ["", "", "", ""],
      ["", "b", "", ""],
    ]);
    expect(formats).toHaveLength(4);
    for (const row of formats) expect(row).toEqual(["General", "General", "General", "General"]);
  });

  test("formatting alone does not widen the grid; an empty sheet is []", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = 1;
      s.getCell("K40").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
      w.addWorksheet("Tom");
    });
    const sheets = await wb.readSheets();
    expect(sheets.map((s) => [s.name, s.values])).toEqual([
      ["S", [[1]]],
      ["Tom", []],
    ]);
  });

  test("number formats per cell, 'General' where there is none", async () => {
    const wb = await open((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = 0.35;
      s.getCell("A1").numFmt = "[h]:mm";
      s.getCell("B1").value = 1234.5;
      s.getCell("B1").numFmt = '# ##0,00 "kr"';
      s.getCell("C1").value = 3;
      s.getCell("D1").value = 0.5;
      s.getCell("D1").numFmt = "0%";
    });
    const { values, formats } = await only(wb);
    expect(values[0]?.[1]).toBe(1234.5);
    expect(values[0]?.[3]).toBe(0.5);
    expect(formats).toEqual([["[h]:mm", '# ##0,00 "kr"', "General", "0%"]]);
  });

  test("hidden and very hidden sheets are read, in tab order; names select sheets", async () => {
    const wb = await open((w) => {
      w.addWorksheet("Synlig").getCell("A1").value = 1;
      w.addWorksheet("Dold", { state: "hidden" }).getCell("A1").value = 2;
      w.addWorksheet("Mycket dold", { state: "veryHidden" }).getCell("A1").value = 3;
    });
    expect((await wb.readSheets()).map((s) => [s.name, s.values])).toEqual([
      ["Synlig", [[1]]],
      ["Dold", [[2]]],
      ["Mycket dold", [[3]]],
    ]);
    expect((await wb.readSheets(["mycket dold", "Synlig"])).map((s) => s.name)).toEqual([
      "Mycket dold",
      "Synlig",
    ]);
    await expect(wb.readSheets(["Finns inte"])).rejects.toMatchObject({
      name: "WorkbookReadError",
      message: "Bladet ”Finns inte” finns inte i arbetsboken.",
    });
  });

  test("a chartsheet is skipped", async () => {
    const base = await xlsxBuffer((w) => {
      w.addWorksheet("Data").getCell("A1").value = 1;
    });
    const chart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
    let data = rewriteZip(
      base,
      "xl/workbook.xml",
      (xml) =>
        xml.replace("</sheets>", '<sheet name="Diagram" sheetId="9" r:id="rId99"/></sheets>'),
      [{ name: "xl/chartsheets/sheet1.xml", data: Buffer.from(chart) }],
    );
    data = rewriteZip(data, "xl/_rels/workbook.xml.rels", (xml) =>
      xml.replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    const wb = await FileWorkbook.fromBuffer(data);
    expect((await wb.readSheets()).map((s) => [s.name, s.values])).toEqual([["Data", [[1]]]]);
  });

  test("reading changes nothing: the sheet is written back the same, no cell created", async () => {
    const data = await xlsxBuffer((w) => {
      const s = w.addWorksheet("S");
      s.getCell("A1").value = 1;
      s.getCell("C5").value = 2;
      s.getCell("B3").value = { formula: "A1+1", result: 2 };
    });
    const untouched = await FileWorkbook.fromBuffer(data);
    const read = await FileWorkbook.fromBuffer(data);
    await read.readSheets();
    const sheetXml = "xl/worksheets/sheet1.xml";
    expect(zipText(await read.toBuffer(), sheetXml)).toBe(
      zipText(await untouched.toBuffer(), sheetXml),
    );
  });
});
