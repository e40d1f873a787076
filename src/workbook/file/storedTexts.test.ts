/**
 * A coordinator's text that Excel stores escaped (a carriage return as "_x000D_", a literal
 * "_x0041_" as "_x005F_x0041_") reads back the same from a saved copy, in every place
 * ExcelJS decodes it: shared strings, inline strings, rich text, hyperlink texts and notes.
 */
import ExcelJS from "exceljs";
import { FileWorkbook } from "./fileWorkbook";
import { loadWithExcelJS } from "./testing";

/** The text as Excel stores it in the file. */
const stored = (text: string): string => text.replace(/_x/g, "_x005F_x").replace(/\r/g, "_x000D_");

const CR = "rad1\rrad2";
const LITERAL = "kod _x0041_ och _x000d_";

type Put = (cell: ExcelJS.Cell, text: string) => void;
type Get = (cell: ExcelJS.Cell) => unknown;

const PLACES: [string, Put, Get, boolean][] = [
  ["a cell's text", (c, t) => (c.value = stored(t)), (c) => c.value, true],
  [
    "a rich-text run",
    (c, t) =>
      (c.value = { richText: [{ text: "fet ", font: { bold: true } }, { text: stored(t) }] }),
    (c) => (c.value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(""),
    true,
  ],
  [
    "an inline rich string",
    (c, t) =>
      (c.value = { richText: [{ text: stored(t) }, { text: "!", font: { italic: true } }] }),
    (c) => (c.value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(""),
    false, // written without shared strings: <is> in the sheet itself
  ],
  [
    "a hyperlink's text",
    (c, t) => (c.value = { text: stored(t), hyperlink: "#Blad1!A1" }),
    (c) => (c.value as ExcelJS.CellHyperlinkValue).text,
    true,
  ],
  [
    "a plain note",
    (c, t) => {
      c.value = "Notering";
      c.note = stored(t);
    },
    (c) => c.note,
    true,
  ],
  [
    "a rich note",
    (c, t) => {
      c.value = "Notering";
      c.note = { texts: [{ text: "Obs: ", font: { bold: true } }, { text: stored(t) }] };
    },
    (c) => (c.note as ExcelJS.Comment).texts?.map((r) => r.text).join(""),
    true,
  ],
];

const CASES = PLACES.flatMap(([place, put, get, shared]) =>
  [CR, LITERAL].map((text): [string, string, Put, Get, boolean] => [place, text, put, get, shared]),
);

async function original(put: Put, text: string, shared: boolean): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Blad1");
  put(sheet.getCell("B2"), text);
  sheet.getCell("A1").value = "Rubrik";
  return Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: shared }));
}

async function cellOf(data: Buffer): Promise<ExcelJS.Cell> {
  const sheet = (await loadWithExcelJS(data)).getWorksheet("Blad1");
  if (sheet === undefined) throw new Error("Blad1 saknas");
  return sheet.getCell("B2");
}

describe("a text Excel stores escaped survives open → save", () => {
  test.each(CASES)("%s: %j", async (_place, text, put, get, shared) => {
    const data = await original(put, text, shared);
    const suffix = _place.includes("rich") ? (_place.includes("inline") ? "!" : "") : "";
    const prefix = _place === "a rich-text run" ? "fet " : _place === "a rich note" ? "Obs: " : "";
    const expected = prefix + text + suffix;
    expect(get(await cellOf(data))).toBe(expected); // the file really holds the text
    const workbook = await FileWorkbook.fromBuffer(data);
    const before = await workbook.readSheets();
    const once = await workbook.toBuffer();
    const twice = await workbook.toBuffer(); // saving does not change what is in memory
    expect(get(await cellOf(once))).toBe(expected);
    expect(get(await cellOf(twice))).toBe(expected);
    expect(await workbook.readSheets()).toEqual(before);
  });

  test("a marked and cleared cell keeps its escaped text and note", async () => {
    const data = await original(
      (c, t) => {
        c.value = stored(t);
        c.note = stored(t);
      },
      CR,
      true,
    );
    const workbook = await FileWorkbook.fromBuffer(data);
    await workbook.markCells([{ sheet: "Blad1", cells: ["B2"], severity: "error", note: "Fel" }]);
    const marked = await cellOf(await workbook.toBuffer());
    expect(marked.value).toBe(CR);
    await workbook.clearMarks();
    const cleared = await cellOf(await workbook.toBuffer());
    expect([cleared.value, cleared.note]).toEqual([CR, CR]);
  });

  test("a text Schemakoll writes is escaped once, not twice", async () => {
    const workbook = await FileWorkbook.fromBuffer(
      await original((c, t) => (c.value = stored(t)), CR, true),
    );
    await workbook.writeCells("Blad1", [{ cell: "B2", value: LITERAL }]);
    expect((await cellOf(await workbook.toBuffer())).value).toBe(LITERAL);
  });
});
