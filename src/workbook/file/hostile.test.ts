/** Files that are not what they claim: refused with a Swedish WorkbookReadError, never a crash. */
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WORKBOOK_LIMITS, WorkbookReadError } from "../port";
import { FileWorkbook, openWorkbookFile } from "./fileWorkbook";
import { buildZip, rewriteZip, unzip, xlsxBuffer } from "./testing";
import {
  NOT_XLSX_MESSAGE,
  ZIP_LIMITS,
  definedNameCells,
  formatCount,
  listZipEntries,
  scanWorksheetXml,
} from "./zipGuard";

const SHEET = "xl/worksheets/sheet1.xml";

async function small(): Promise<Buffer> {
  return xlsxBuffer((w) => {
    const s = w.addWorksheet("Schema");
    s.getCell("A1").value = 1;
    s.getCell("B2").value = 2;
  });
}

/** The zip with one part's compressed and inflated sizes in its central directory changed. */
function withDeclaredSizes(zip: Buffer, name: string, packed: number, size: number): Buffer {
  const out = Buffer.from(zip);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = out.readUInt32LE(eocd + 16);
  while (out.readUInt32LE(p) === 0x02014b50) {
    const nameLength = out.readUInt16LE(p + 28);
    if (out.subarray(p + 46, p + 46 + nameLength).toString() === name) {
      out.writeUInt32LE(packed, p + 20);
      out.writeUInt32LE(size, p + 24);
    }
    p += 46 + nameLength + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

async function readError(data: Buffer): Promise<WorkbookReadError> {
  try {
    const wb = await FileWorkbook.fromBuffer(data);
    await wb.readSheets();
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error("no WorkbookReadError");
}

describe("not an .xlsx", () => {
  test.each([
    ["text", Buffer.from("Namn;Datum\nJan;2024-03-05\n")],
    ["empty", Buffer.alloc(0)],
    ["a PNG", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex")],
    ["a zip's first bytes only", Buffer.from("504b0304140000000800", "hex")],
  ])("%s → the plain message", async (_name, data) => {
    const error = await readError(data);
    expect(error.message.startsWith(NOT_XLSX_MESSAGE)).toBe(true);
    expect(error.name).toBe("WorkbookReadError");
  });

  test("an old .xls or password-protected file is named as such", async () => {
    const ole = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
    const error = await readError(ole);
    expect(error.message).toBe(
      `${NOT_XLSX_MESSAGE} Den är lösenordsskyddad eller sparad i det äldre .xls-formatet; spara den som .xlsx utan lösenord i Excel och försök igen.`,
    );
  });

  test("a zip that is not a workbook", async () => {
    const zip = buildZip([{ name: "readme.txt", data: Buffer.from("hej") }]);
    expect((await readError(zip)).message).toBe(NOT_XLSX_MESSAGE);
  });

  test("a workbook whose sheet XML is broken", async () => {
    const data = rewriteZip(await small(), SHEET, (xml) =>
      xml.replace("<sheetData>", "<sheetData><row"),
    );
    expect((await readError(data)).message.startsWith(NOT_XLSX_MESSAGE)).toBe(true);
  });

  test("a truncated file", async () => {
    const data = await small();
    const error = await readError(data.subarray(0, Math.floor(data.length / 2)));
    expect(error.message.startsWith(NOT_XLSX_MESSAGE)).toBe(true);
  });
});

describe("hostile sizes", () => {
  test("a part that inflates to more than it declares (a lying zip bomb) is refused", async () => {
    const parts = unzip(await small()).map((p) =>
      p.name === SHEET ? { ...p, declaredSize: 100 } : p,
    );
    const error = await readError(buildZip(parts));
    expect(error.message).toBe(`${NOT_XLSX_MESSAGE} Filen är skadad.`);
  });

  test("parts declaring more than the limit are refused before inflating", async () => {
    const parts = unzip(await small()).map((p) =>
      p.name === SHEET ? { ...p, declaredSize: ZIP_LIMITS.maxTotalBytes + 1 } : p,
    );
    expect((await readError(buildZip(parts))).message).toBe(
      "Arbetsboken är för stor för att läsas (mer än 400 MB okomprimerad).",
    );
  });

  // A part over 50 MB inflated that packs more than 100 to one is refused before inflating;
  // sizes as declared in the zip (a part inflating beyond its declared size is refused anyway).
  test.each([
    // 60 000 000 > 50 MB and > 100 × compressed: 60 MB / 0,06 MB = 1 000 to one (blank XML).
    ["60 MB from 0,06 MB (1 000:1)", 60_000_000, 60_000, "0,06", "60"],
    // 190 000 000 / 1 000 000 = 190 to one; under the 200 MB a part and 400 MB in all.
    ["190 MB from 1 MB (190:1)", 190_000_000, 1_000_000, "1", "190"],
    // 50 000 001 > 50 MB, and 50 000 001 > 100 × 499 999 = 49 999 900.
    ["just over both limits", 50_000_001, 499_999, "0,5", "50"],
  ])("a part inflating %s is refused", async (_name, size, packed, packedMb, sizeMb) => {
    const zip = buildZip(unzip(await small()));
    expect(listZipEntries(zip).map((e) => e.name)).toContain(SHEET);
    const lying = withDeclaredSizes(zip, SHEET, packed, size);
    expect((await readError(lying)).message).toBe(
      `Arbetsboken innehåller en del som packas upp från ${packedMb} MB till ${sizeMb} MB, mer än 100 gånger sin packade storlek. Så hårt packade filer läser Schemakoll inte, eftersom de kan fylla datorns minne; filen är skadad eller inte sparad av Excel.`,
    );
  });

  test.each([
    // 50 000 000 is not over 50 MB, however hard it packs.
    ["50 MB from 0,05 MB (1 000:1, not over 50 MB)", 50_000_000, 50_000],
    // 60 000 000 = 100 × 600 000: not more than 100 to one.
    ["60 MB from 0,6 MB (100:1)", 60_000_000, 600_000],
  ])("a part inflating %s passes the packing check", async (_name, size, packed) => {
    const lying = withDeclaredSizes(buildZip(unzip(await small())), SHEET, packed, size);
    // It gets as far as inflating, where the sizes turn out to be false: "skadad".
    expect((await readError(lying)).message).toBe(`${NOT_XLSX_MESSAGE} Filen är skadad.`);
  });

  test("a row beyond Excel's last row is refused at once, naming the sheet", async () => {
    const data = rewriteZip(await small(), SHEET, (xml) =>
      xml.replace('<row r="2"', '<row r="1000000000"').replace('r="B2"', 'r="B1000000000"'),
    );
    const started = Date.now();
    const error = await readError(data);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).toBe(
      "Bladet ”Schema” har celler bortom Excels sista rad (1 048 576); filen är skadad eller inte sparad av Excel.",
    );
  });

  test("a column beyond XFD is refused", async () => {
    const data = rewriteZip(await small(), SHEET, (xml) => xml.replace('r="B2"', 'r="XFE2"'));
    expect((await readError(data)).message).toBe(
      "Bladet ”Schema” har celler bortom Excels sista kolumn (XFD); filen är skadad eller inte sparad av Excel.",
    );
  });

  test("a merge over the whole sheet (which ExcelJS would build cell by cell) is refused", async () => {
    const data = rewriteZip(await small(), SHEET, (xml) =>
      xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      ),
    );
    const started = Date.now();
    expect((await readError(data)).message).toBe(
      `Arbetsboken har fler än ${formatCount(ZIP_LIMITS.maxFileCells)} celler; så stora arbetsböcker kan Schemakoll inte läsa. Dela upp den eller ta bort blad som inte behövs.`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("column definitions beyond XFD (which ExcelJS would build one by one) are refused", async () => {
    const data = rewriteZip(await small(), SHEET, (xml) =>
      xml.replace(
        "<sheetData>",
        '<cols><col min="1" max="1000000000" width="9"/></cols><sheetData>',
      ),
    );
    expect((await readError(data)).message).toContain("bortom Excels sista kolumn");
  });

  test("data validation over the whole sheet is refused; on a whole column it is read", async () => {
    const validation = (sqref: string): Promise<Buffer> =>
      small().then((data) =>
        rewriteZip(data, SHEET, (xml) =>
          xml.replace(
            "</sheetData>",
            `</sheetData><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="${sqref}"><formula1>"Ja,Nej"</formula1></dataValidation></dataValidations>`,
          ),
        ),
      );
    expect((await readError(await validation("A1:XFD1048576"))).message).toBe(
      "Bladet ”Schema” har datavalidering (till exempel listrutor) över fler än 5 000 000 celler, vilket Schemakoll inte kan läsa. Begränsa valideringen i Excel till raderna som används i stället för hela kolumner.",
    );
    const wb = await FileWorkbook.fromBuffer(await validation("C2:C1048576"));
    expect((await wb.readSheets())[0]?.values).toEqual([
      [1, ""],
      ["", 2],
    ]);
  }, 30_000);

  test("a defined name over the whole sheet (which ExcelJS would expand) is refused", async () => {
    const data = rewriteZip(await small(), "xl/workbook.xml", (xml) =>
      xml.includes("<definedNames>")
        ? xml.replace(
            "<definedNames>",
            '<definedNames><definedName name="Allt">Schema!$A$1:$XFD$1048576</definedName>',
          )
        : xml.replace(
            "</sheets>",
            '</sheets><definedNames><definedName name="Allt">Schema!$A$1:$XFD$1048576</definedName></definedNames>',
          ),
    );
    expect((await readError(data)).message).toContain("Arbetsboken har fler än 800 000 celler");
    expect(definedNameCells('<definedName name="a">S!$A$1:$B$2,S!$D$4</definedName>')).toBe(5);
    expect(definedNameCells('<definedName name="a">S!$A$1:$A$2000000</definedName>')).toBe(
      Number.POSITIVE_INFINITY,
    );
  });

  test("more merged areas than ExcelJS can index in time are refused", async () => {
    const merges = Array.from(
      { length: 20_001 },
      (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`,
    );
    const data = rewriteZip(await small(), SHEET, (xml) =>
      xml.replace("</sheetData>", `</sheetData><mergeCells>${merges.join("")}</mergeCells>`),
    );
    expect((await readError(data)).message).toBe(
      "Bladet ”Schema” har fler än 20 000 sammanfogade cellområden; så många kan Schemakoll inte läsa.",
    );
  });

  test("a sheet whose grid would exceed 5 000 000 cells is refused when read", async () => {
    const data = await xlsxBuffer((w) => {
      w.addWorksheet("Liten").getCell("A1").value = 1;
      const big = w.addWorksheet("Stor");
      big.getCell("A1").value = "start";
      big.getCell("E1048576").value = "slut"; // 1 048 576 × 5 = 5 242 880 cells
    });
    const wb = await FileWorkbook.fromBuffer(data);
    await expect(wb.readSheets(["Liten"])).resolves.toHaveLength(1);
    await expect(wb.readSheets()).rejects.toMatchObject({
      name: "WorkbookReadError",
      message:
        "Bladet ”Stor” är för stort för att läsas (1 048 576 rader × 5 kolumner); Schemakoll läser högst 5 000 000 celler per blad. Ta bort innehåll långt ner eller långt till höger som inte hör till schemat.",
    });
  });

  test("the last cell Excel allows is fine when the grid stays under the limit", async () => {
    const wb = await FileWorkbook.fromBuffer(
      await xlsxBuffer((w) => {
        w.addWorksheet("S").getCell("XFD1").value = "x";
      }),
    );
    const [sheet] = await wb.readSheets();
    expect(sheet?.values[0]).toHaveLength(WORKBOOK_LIMITS.maxColumns);
    expect(sheet?.values[0]?.[WORKBOOK_LIMITS.maxColumns - 1]).toBe("x");
  });

  test("the worksheet scan counts cells and sees rows and columns", () => {
    expect(
      scanWorksheetXml(
        '<sheetData><row r="3"><c r="C3" s="1"><v>1</v></c><c r=\'D3\'/><c>\n</c></row></sheetData><cols><col min="1"/></cols><cfRule/>',
      ),
    ).toEqual({
      cells: 3,
      merges: 0,
      validationCells: 0,
      rowTooLarge: false,
      columnTooLarge: false,
    });
    expect(
      scanWorksheetXml('<mergeCells><mergeCell ref="B2:D3"/><mergeCell ref="A10"/></mergeCells>'),
    ).toEqual({
      cells: 7,
      merges: 2,
      validationCells: 0,
      rowTooLarge: false,
      columnTooLarge: false,
    });
    expect(scanWorksheetXml('<cols><col min="1" max="16385"/></cols>').columnTooLarge).toBe(true);
    expect(scanWorksheetXml('<cols><col max="2" min="16385"/></cols>').columnTooLarge).toBe(true);
    expect(scanWorksheetXml('<cols><col min="1" max="16384"/></cols>').columnTooLarge).toBe(false);
    expect(
      scanWorksheetXml('<dataValidation type="list" sqref="C2:C1048576 E5 F1:G2"><formula1/>')
        .validationCells,
    ).toBe(1_048_575 + 1 + 4);
    expect(scanWorksheetXml('<dataValidation sqref="A1:A2000000000"/>').rowTooLarge).toBe(true);
    expect(scanWorksheetXml('<row r="1048577"><c r="A1048577"/></row>').rowTooLarge).toBe(true);
    expect(scanWorksheetXml('<row r="1"><c r="AAAA1"/></row>').columnTooLarge).toBe(true);
    expect(formatCount(5_000_000)).toBe("5 000 000");
  });
});

test("SpreadsheetML written with namespace prefixes (which ExcelJS cannot read) is named", async () => {
  const data = rewriteZip(await small(), SHEET, (xml) =>
    xml
      .replace(/<(\/?)(worksheet|sheetData|row|c|v)\b/g, "<$1x:$2")
      .replace(
        'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
      ),
  );
  expect((await readError(data)).message).toBe(
    "Arbetsboken är sparad av ett program som skriver .xlsx på ett sätt Schemakoll inte kan läsa. Öppna den i Excel, spara den som .xlsx och försök igen.",
  );
});

describe("openWorkbookFile", () => {
  test("a missing file, a folder and a text file give Swedish messages", async () => {
    const dir = await mkdtemp(join(tmpdir(), "schemakoll-"));
    await expect(openWorkbookFile(join(dir, "saknas.xlsx"))).rejects.toMatchObject({
      name: "WorkbookReadError",
      message: `Filen ”${join(dir, "saknas.xlsx")}” finns inte.`,
    });
    await mkdir(join(dir, "mapp.xlsx"));
    await expect(openWorkbookFile(join(dir, "mapp.xlsx"))).rejects.toMatchObject({
      name: "WorkbookReadError",
      message: `”${join(dir, "mapp.xlsx")}” är en mapp, inte en fil.`,
    });
    await writeFile(join(dir, "schema.xlsx"), "inte en arbetsbok");
    await expect(openWorkbookFile(join(dir, "schema.xlsx"))).rejects.toMatchObject({
      name: "WorkbookReadError",
      message: NOT_XLSX_MESSAGE,
    });
  });

  test("a real file opens and remembers where it came from", async () => {
    const dir = await mkdtemp(join(tmpdir(), "schemakoll-"));
    const path = join(dir, "schema.xlsx");
    await writeFile(path, await small());
    const wb = await openWorkbookFile(path);
    expect(wb.sourcePath).toBe(path);
    expect(wb.sheetNames()).toEqual(["Schema"]);
  });
});
