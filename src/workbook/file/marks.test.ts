/** markCells and clearMarks: fills and notes come and go; the workbook's own never change. */
import ExcelJS, { ValueType } from "exceljs";
import { MARK_FILL_ARGB, MARKS_SHEET_NAME, type CellMark } from "../port";
import { FileWorkbook } from "./fileWorkbook";
import { cellNote } from "./excelInternals";
import { markNoteText } from "./marks";
import { loadWithExcelJS, rewriteZip, xlsxBuffer, zipText } from "./testing";

const OWN_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FF00B050" },
};
const RICH_NOTE: ExcelJS.Comment = {
  texts: [{ text: "Handledare: ", font: { bold: true } }, { text: "Eva, tfn 08-123 45" }],
};

/** A schedule with every kind of cell a mark could land on. */
function schedule(w: ExcelJS.Workbook): void {
  const s = w.addWorksheet("Vecka 10");
  s.getCell("A1").value = "Datum";
  s.getCell("B1").value = "Aktivitet";
  s.getCell("A1").font = { bold: true };
  s.getCell("B1").font = { bold: true };
  s.getCell("A2").value = new Date(Date.UTC(2024, 2, 5));
  s.getCell("A2").numFmt = "yyyy-mm-dd";
  s.getCell("B2").value = "Praktik 08-12";
  s.getCell("B2").fill = OWN_FILL; // own fill
  s.getCell("B2").note = "Egen anteckning"; // own note
  s.getCell("C2").value = 4;
  s.getCell("C2").note = RICH_NOTE; // own rich note
  s.getCell("D2").value = { formula: "C2*2", result: 8 };
  s.getCell("D2").border = { bottom: { style: "thin", color: { argb: "FF000000" } } };
  s.getCell("B3").value = "Sjuk";
  s.getCell("C3").value = { richText: [{ text: "fet", font: { bold: true } }, { text: "mager" }] };
  s.getCell("B4").value = "Sammanslagen";
  s.mergeCells("B4:C4");
  s.getCell("E5").fill = OWN_FILL; // formatted, empty
  const t = w.addWorksheet("Register");
  t.getCell("A1").value = "Jan Ek";
  t.getCell("A2").value = true;
  w.addWorksheet("Dolt", { state: "hidden" }).getCell("A1").value = "x";
}

const MARKS: CellMark[] = [
  { sheet: "Vecka 10", cells: ["B2"], severity: "error", note: "Tiden saknas." },
  { sheet: "Vecka 10", cells: ["C2:D3"], severity: "warning", note: "Timmarna stämmer inte." },
  { sheet: "Vecka 10", cells: ["B4", "E5", "F9"], severity: "info", note: "Kontrollera." },
  { sheet: "Register", cells: ["A1"], severity: "warning", note: "Personnummer saknas." },
];

interface CellSnapshot {
  type: ValueType;
  value: unknown;
  style: unknown;
  note: unknown;
}

/** Every cell of every sheet but Schemakoll's own: value, type, style and note, as JSON. */
function snapshot(workbook: ExcelJS.Workbook): Record<string, CellSnapshot> {
  const out: Record<string, CellSnapshot> = {};
  for (const sheet of workbook.worksheets) {
    if (sheet.name === MARKS_SHEET_NAME) continue;
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const snap: CellSnapshot = {
          type: cell.type,
          value: cell.value,
          style: cell.style,
          note: cellNote(cell) ?? null,
        };
        if (cell.type === ValueType.Null && JSON.stringify(snap.style) === "{}" && !snap.note) {
          return;
        }
        out[`${sheet.name}!${cell.address}`] = snap;
      });
    });
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, CellSnapshot>;
}

function valuesOnly(snap: Record<string, CellSnapshot>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(snap)
      .filter(([, c]) => c.type !== ValueType.Null)
      .map(([k, c]) => [k, [c.type, c.value]]),
  );
}

async function fileSnapshot(wb: FileWorkbook): Promise<Record<string, CellSnapshot>> {
  return snapshot(await loadWithExcelJS(await wb.toBuffer()));
}

function cell(workbook: ExcelJS.Workbook, sheet: string, address: string): ExcelJS.Cell {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return ws.getCell(address);
}

function fillArgb(c: ExcelJS.Cell): string | undefined {
  const fill = c.fill as ExcelJS.Fill | undefined;
  return fill?.type === "pattern" ? fill.fgColor?.argb : undefined;
}

let original: Buffer;
let originalSnap: Record<string, CellSnapshot>;

beforeAll(async () => {
  original = await xlsxBuffer(schedule);
  originalSnap = snapshot(await loadWithExcelJS(original));
});

test("marks fill every cell by severity and put the message in a note on the first cell", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  await wb.markCells(MARKS);
  const marked = await loadWithExcelJS(await wb.toBuffer());
  const v = (a: string): ExcelJS.Cell => cell(marked, "Vecka 10", a);
  expect(fillArgb(v("B2"))).toBe(MARK_FILL_ARGB.error);
  for (const a of ["C2", "D2", "C3", "D3"]) expect(fillArgb(v(a))).toBe(MARK_FILL_ARGB.warning);
  for (const a of ["B4", "E5", "F9"]) expect(fillArgb(v(a))).toBe(MARK_FILL_ARGB.info);
  expect(fillArgb(cell(marked, "Register", "A1"))).toBe(MARK_FILL_ARGB.warning);
  // The note: Schemakoll's message first, the cell's own note below it.
  expect(v("B2").note).toBe("Schemakoll: Tiden saknas.\n\nEgen anteckning");
  expect(v("C2").note).toBe("Schemakoll: Timmarna stämmer inte.\n\nHandledare: Eva, tfn 08-123 45");
  expect(v("B4").note).toBe("Schemakoll: Kontrollera.");
  for (const a of ["D2", "C3", "D3", "E5", "F9"]) expect(v(a).note).toBeUndefined();
  // Only the cells marked changed; no value changed anywhere.
  const after = snapshot(marked);
  expect(valuesOnly(after)).toEqual(valuesOnly(originalSnap));
  expect(after["Vecka 10!A2"]).toEqual(originalSnap["Vecka 10!A2"]);
  expect(after["Vecka 10!B3"]).toEqual(originalSnap["Vecka 10!B3"]);
  expect(after["Register!A2"]).toEqual(originalSnap["Register!A2"]);
  expect(await wb.readSheets()).toEqual(
    await (await FileWorkbook.fromBuffer(original)).readSheets(),
  );
});

test("the state sheet is hidden, not read as a schedule, and gone after clearing", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  await wb.markCells(MARKS);
  const marked = await loadWithExcelJS(await wb.toBuffer());
  expect(marked.getWorksheet(MARKS_SHEET_NAME)?.state).toBe("hidden");
  expect(wb.sheetNames()).toEqual(["Vecka 10", "Register", "Dolt"]);
  expect((await wb.readSheets()).map((s) => s.name)).toEqual(["Vecka 10", "Register", "Dolt"]);
  expect(wb.markedCells()).toHaveLength(9);
  await wb.clearMarks();
  expect(wb.markedCells()).toEqual([]);
  const cleared = await loadWithExcelJS(await wb.toBuffer());
  expect(cleared.getWorksheet(MARKS_SHEET_NAME)).toBeUndefined();
  expect(cleared.worksheets.map((s) => s.name)).toEqual(["Vecka 10", "Register", "Dolt"]);
});

test("clearMarks in the same session restores styles and notes exactly", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  const before = await fileSnapshot(wb);
  await wb.markCells(MARKS);
  await wb.clearMarks();
  expect(await fileSnapshot(wb)).toEqual(before);
  expect(await fileSnapshot(wb)).toEqual(originalSnap);
});

test("clearMarks restores exactly after a save and reopen between marking and clearing", async () => {
  const first = await FileWorkbook.fromBuffer(original);
  await first.markCells(MARKS);
  const reopened = await FileWorkbook.fromBuffer(await first.toBuffer());
  await reopened.clearMarks();
  const cleared = snapshot(await loadWithExcelJS(await reopened.toBuffer()));
  expect(cleared).toEqual(originalSnap);
  // The cells with their own fill and note in particular.
  expect(cleared["Vecka 10!B2"]?.note).toBe("Egen anteckning");
  expect(cleared["Vecka 10!C2"]?.note).toEqual(originalSnap["Vecka 10!C2"]?.note);
  expect(cleared["Vecka 10!B2"]?.style).toEqual(originalSnap["Vecka 10!B2"]?.style);
});

test("marks added in a later session keep the first originals", async () => {
  const first = await FileWorkbook.fromBuffer(original);
  await first.markCells([MARKS[0] as CellMark]);
  const second = await FileWorkbook.fromBuffer(await first.toBuffer());
  await second.markCells(MARKS);
  const marked = await loadWithExcelJS(await second.toBuffer());
  expect(cell(marked, "Vecka 10", "B2").note).toBe("Schemakoll: Tiden saknas.\n\nEgen anteckning");
  const third = await FileWorkbook.fromBuffer(await second.toBuffer());
  await third.clearMarks();
  expect(await fileSnapshot(third)).toEqual(originalSnap);
});

test("messages on the same cell are appended, the highest severity wins", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  await wb.markCells([
    { sheet: "Register", cells: ["A1"], severity: "info", note: "Först." },
    { sheet: "Register", cells: ["A1:A2"], severity: "error", note: "Sedan." },
  ]);
  await wb.markCells([
    { sheet: "Register", cells: ["A1"], severity: "warning", note: "Sist." },
    { sheet: "Register", cells: ["A1"], severity: "warning", note: "Sist." },
  ]);
  const marked = await loadWithExcelJS(await wb.toBuffer());
  const a1 = cell(marked, "Register", "A1");
  expect(a1.note).toBe("Schemakoll: Först.\nSchemakoll: Sedan.\nSchemakoll: Sist.");
  expect(fillArgb(a1)).toBe(MARK_FILL_ARGB.error);
  expect(fillArgb(cell(marked, "Register", "A2"))).toBe(MARK_FILL_ARGB.error);
  expect(cell(marked, "Register", "A2").note).toBeUndefined();
  await wb.clearMarks();
  expect(await fileSnapshot(wb)).toEqual(originalSnap);
});

test("a mark never changes a cell that shares the marked cell's style", async () => {
  const data = await xlsxBuffer((w) => {
    const s = w.addWorksheet("S");
    for (const a of ["A1", "A2", "A3"]) {
      s.getCell(a).value = a;
      s.getCell(a).fill = OWN_FILL;
      s.getCell(a).numFmt = "@";
    }
  });
  const wb = await FileWorkbook.fromBuffer(data);
  await wb.markCells([{ sheet: "S", cells: ["A2"], severity: "error", note: "x" }]);
  const marked = await loadWithExcelJS(await wb.toBuffer());
  expect(fillArgb(cell(marked, "S", "A1"))).toBe("FF00B050");
  expect(fillArgb(cell(marked, "S", "A2"))).toBe(MARK_FILL_ARGB.error);
  expect(fillArgb(cell(marked, "S", "A3"))).toBe("FF00B050");
  expect(cell(marked, "S", "A2").numFmt).toBe("@");
});

test("a fill or note someone changed after marking is left as they made it", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  await wb.markCells(MARKS);
  // Someone edits the marked copy with another program.
  const edited = await loadWithExcelJS(await wb.toBuffer());
  // (A new style object: ExcelJS shares one between cells read with the same style.)
  const c3cell = cell(edited, "Vecka 10", "C3");
  c3cell.style = {
    ...c3cell.style,
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF92D050" } },
  };
  cell(edited, "Vecka 10", "B4").note = "Åtgärdat /Eva";
  const reopened = await FileWorkbook.fromBuffer(Buffer.from(await edited.xlsx.writeBuffer()));
  await reopened.clearMarks();
  const cleared = snapshot(await loadWithExcelJS(await reopened.toBuffer()));
  const c3 = cleared["Vecka 10!C3"]?.style as { fill?: ExcelJS.FillPattern } | undefined;
  expect(c3?.fill?.fgColor?.argb).toBe("FF92D050");
  expect(cleared["Vecka 10!B4"]?.note).toBe("Åtgärdat /Eva");
  // Everything else is back.
  for (const key of ["Vecka 10!B2", "Vecka 10!C2", "Vecka 10!D2", "Register!A1"]) {
    expect(cleared[key]).toEqual(originalSnap[key]);
  }
});

test("clearMarks still restores after Excel rewrote the fills and notes its own way", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  await wb.markCells(MARKS);
  // Excel adds a bgColor to solid fills and font runs to note text, and writes CR LF.
  let data = rewriteZip(await wb.toBuffer(), "xl/styles.xml", (xml) =>
    xml.replace(/(<fgColor rgb="FF[0-9A-F]{6}"\/>)/g, '$1<bgColor indexed="64"/>'),
  );
  const comments = zipText(data, "xl/comments1.xml");
  expect(comments).toContain("Schemakoll: Tiden saknas.");
  data = rewriteZip(data, "xl/comments1.xml", (xml) =>
    xml
      .replace(/<r><t/g, '<r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/></rPr><t')
      .replace(/Schemakoll: Tiden saknas.\n/g, "Schemakoll: Tiden saknas.\r\n"),
  );
  const reopened = await FileWorkbook.fromBuffer(data);
  await reopened.clearMarks();
  const cleared = snapshot(await loadWithExcelJS(await reopened.toBuffer()));
  expect(cleared["Vecka 10!B2"]).toEqual(originalSnap["Vecka 10!B2"]);
  expect(cleared["Vecka 10!B4"]).toEqual(originalSnap["Vecka 10!B4"]);
  expect(cleared["Vecka 10!C3"]?.style).toEqual(originalSnap["Vecka 10!C3"]?.style);
});

test("a bad mark changes nothing at all", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  const before = await wb.toBuffer();
  await expect(
    wb.markCells([
      { sheet: "Vecka 10", cells: ["B2"], severity: "error", note: "ok" },
      { sheet: "Finns inte", cells: ["A1"], severity: "error", note: "x" },
    ]),
  ).rejects.toMatchObject({
    name: "WorkbookWriteError",
    message: "Bladet ”Finns inte” finns inte i arbetsboken.",
  });
  await expect(
    wb.markCells([{ sheet: "Vecka 10", cells: ["B2:ÅÄ3"], severity: "error", note: "x" }]),
  ).rejects.toMatchObject({
    name: "WorkbookWriteError",
    message: "”B2:ÅÄ3” på bladet ”Vecka 10” är ingen celladress.",
  });
  await expect(
    wb.markCells([{ sheet: "Vecka 10", cells: ["A1:Z100000"], severity: "info", note: "x" }]),
  ).rejects.toMatchObject({ name: "WorkbookWriteError" });
  expect(wb.markedCells()).toEqual([]);
  expect(snapshot(await loadWithExcelJS(await wb.toBuffer()))).toEqual(
    snapshot(await loadWithExcelJS(before)),
  );
});

test("an unreadable row in the state sheet is kept and reported; the rest is restored", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  await wb.markCells(MARKS);
  const edited = await loadWithExcelJS(await wb.toBuffer());
  const state = edited.getWorksheet(MARKS_SHEET_NAME);
  if (!state) throw new Error("no state sheet");
  state.addRow(["B9", "Vecka 10", "error", "{inte json"]);
  state.addRow(["B10", "Vecka 10", "error", '{"v":1,"sheet":"Vecka 10","address":"B10"}']);
  const reopened = await FileWorkbook.fromBuffer(Buffer.from(await edited.xlsx.writeBuffer()));
  await expect(reopened.clearMarks()).rejects.toMatchObject({
    name: "WorkbookWriteError",
    message: `2 markeringar i bladet ${MARKS_SHEET_NAME} gick inte att läsa och har lämnats kvar där; deras celler har inte återställts.`,
  });
  const cleared = await loadWithExcelJS(await reopened.toBuffer());
  expect(snapshot(cleared)).toEqual(originalSnap);
  expect(cleared.getWorksheet(MARKS_SHEET_NAME)?.getCell("A2").value).toBe("B9");
});

test("marking and clearing keep the active tab", async () => {
  const data = await xlsxBuffer((w) => {
    schedule(w);
    w.views = [
      {
        x: 0,
        y: 0,
        width: 10000,
        height: 20000,
        firstSheet: 0,
        activeTab: 1,
        visibility: "visible",
      },
    ];
  });
  const wb = await FileWorkbook.fromBuffer(data);
  await wb.markCells(MARKS);
  expect((await loadWithExcelJS(await wb.toBuffer())).views[0]?.activeTab).toBe(1);
  await wb.clearMarks();
  expect((await loadWithExcelJS(await wb.toBuffer())).views[0]?.activeTab).toBe(1);
});

test("clearMarks without marks changes nothing; markCells([]) creates nothing", async () => {
  const wb = await FileWorkbook.fromBuffer(original);
  await wb.markCells([]);
  await wb.clearMarks();
  expect(await fileSnapshot(wb)).toEqual(originalSnap);
  expect((await loadWithExcelJS(await wb.toBuffer())).worksheets).toHaveLength(3);
});

test("a very long message and a huge own note fit (the state JSON is cut into cells)", async () => {
  // 51 000 characters of JSON and more, with what an .xlsx would otherwise change on the way.
  // (Escaped as Excel writes them: the file holds "_x0041_" and a CR LF.)
  const longNote = `${"Lång anteckning. ".repeat(3000)}_x005F_x0041_ och_x000D_\nrad`;
  const data = await xlsxBuffer((w) => {
    const s = w.addWorksheet("S");
    s.getCell("A1").value = 1;
    s.getCell("A1").note = longNote;
  });
  const wb = await FileWorkbook.fromBuffer(data);
  await wb.markCells([{ sheet: "S", cells: ["A1"], severity: "error", note: "x".repeat(5000) }]);
  const saved = await loadWithExcelJS(await wb.toBuffer());
  const state = saved.getWorksheet(MARKS_SHEET_NAME);
  state?.eachRow((row) => {
    row.eachCell((c) => {
      expect(typeof c.value === "string" ? c.value.length : 0).toBeLessThanOrEqual(32_767);
    });
  });
  const shown = cell(saved, "S", "A1").note;
  expect(typeof shown === "string" && shown.startsWith("Schemakoll: xxx")).toBe(true);
  expect(typeof shown === "string" ? shown.length : 0).toBeLessThanOrEqual(32_000);
  const reopened = await FileWorkbook.fromBuffer(await wb.toBuffer());
  await reopened.clearMarks();
  const own = cell(await loadWithExcelJS(data), "S", "A1").note;
  expect(typeof own === "string" && own.endsWith("_x0041_ och\r\nrad")).toBe(true);
  expect(cell(await loadWithExcelJS(await reopened.toBuffer()), "S", "A1").note).toBe(own);
});

test("markNoteText puts the own note below the messages", () => {
  expect(markNoteText({ messages: ["a", "b"], note: null })).toBe("Schemakoll: a\nSchemakoll: b");
  expect(markNoteText({ messages: ["a"], note: RICH_NOTE })).toBe(
    "Schemakoll: a\n\nHandledare: Eva, tfn 08-123 45",
  );
});
