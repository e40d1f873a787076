/**
 * Issue 9, item 3 — formula injection. Participant and activity texts that a spreadsheet would
 * run as a formula (=HYPERLINK…, +cmd|…, @SUM…, -1+1, and the same behind a tab or a carriage
 * return) must come out as literal text everywhere Schemakoll writes: the marked copy of
 * `validera --markera` (the coordinator's own sheets, the findings sheet "Schemakoll fynd",
 * the notes on marked cells), writeSheet of any SheetModel, appendRows and writeCells — looked
 * at both through ExcelJS and in the raw XML (no <f> element but Schemakoll's own sums) — and
 * the CLI's JSON holds them only as JSON strings.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { FileWorkbook } from "../../src/workbook/file";
import { SAFE_FORMULA, type SheetModel } from "../../src/workbook/port";
import { runCli } from "./cli";
import { decodeXml, formulaElements, utc, writtenTexts, type WrittenTexts } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "schemakoll-injektion-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const BASE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1"];
/** Every payload bare, and behind a leading tab and a leading carriage return. */
const PAYLOADS = [...BASE, ...BASE.map((p) => `\t${p}`), ...BASE.map((p) => `\r${p}`)];

/** The payloads as an .xlsx string stores them (a CR as _x000D_). */
const stored = (p: string) => p.replace(/\r/g, "_x000D_");

/**
 * A workbook whose every free text is a payload: participant names, unknown participant ids
 * on the activity list, activity texts, unreadable dates and times, event kinds and comments.
 */
function hostileWorkbook(): ExcelJS.Workbook {
  // ExcelJS writes a bare CR into the XML, where it would read back as a line feed; Excel
  // itself stores it as _x000D_, so the input does too.
  const PAYLOADS_IN = PAYLOADS.map(stored);
  const wb = new ExcelJS.Workbook();
  const reg = wb.addWorksheet("Deltagare");
  reg.addRow(["Deltagar-ID", "Namn", "Insats", "Startdatum"]);
  PAYLOADS_IN.forEach((p, i) => reg.addRow([`D${i + 1}`, p, "ROM2", utc(2024, 3, 4)]));
  const list = wb.addWorksheet("Aktiviteter");
  list.addRow(["Deltagare", "Datum", "Start", "Slut", "Aktivitet"]);
  PAYLOADS_IN.forEach((p, i) => {
    list.addRow([`D${i + 1}`, utc(2024, 3, 5), "8:00", "12:00", p]); // unknown activity
    list.addRow([p, utc(2024, 3, 5), "8:00", "12:00", "Praktiskt stöd: CV"]); // unknown id
    list.addRow([`D${i + 1}`, p, "8:00", "12:00", "Praktiskt stöd: CV"]); // unreadable date
    list.addRow([`D${i + 1}`, utc(2024, 3, 6), p, "12:00", "Praktiskt stöd: CV"]); // time
  });
  const log = wb.addWorksheet("Händelser");
  log.addRow(["Deltagare", "Datum", "Händelse", "Kommentar"]);
  PAYLOADS_IN.forEach((p, i) => {
    log.addRow([`D${i + 1}`, utc(2024, 3, 4), p, p]); // unknown event kind, comment
  });
  return wb;
}

/** Every formula in a written file is one Schemakoll builds (SAFE_FORMULA), none a payload. */
function expectNoPayloadFormula(texts: WrittenTexts): void {
  const elements = formulaElements(texts.parts);
  expect(elements.filter((f) => !SAFE_FORMULA.test(f))).toEqual([]);
  for (const payload of PAYLOADS) {
    const core = payload.replace(/^[\t\r]/, "").slice(1);
    expect(elements.filter((f) => f.includes(core))).toEqual([]);
  }
  expect(texts.formulas.filter((f) => !SAFE_FORMULA.test(f.replace(/^.*? = /, "")))).toEqual([]);
  // No cell of the formula-string type ("str"): that is a formula's cached text result.
  for (const [name, xml] of texts.parts) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) expect(xml).not.toMatch(/<c\b[^>]*\st="str"/);
  }
}

/** A cell of the written file holding exactly the payload, read back as that very string. */
function expectLiteral(texts: WrittenTexts, at: string, payload: string): void {
  expect([at, texts.cells.get(at)]).toEqual([at, payload]);
}

let input: string;
let marked: WrittenTexts;
let jsonOut: string;
let lasOut: string;

beforeAll(async () => {
  input = join(dir, "injektion.xlsx");
  await hostileWorkbook().xlsx.writeFile(input);
  const copy = join(dir, "markerad.xlsx");
  const run = await runCli("validera", input, "--idag", "2024-03-29", "--markera", copy);
  expect(run.err).toBe("");
  expect([0, 1]).toContain(run.code);
  marked = await writtenTexts(readFileSync(copy));
  jsonOut = (await runCli("validera", input, "--idag", "2024-03-29", "--json")).out;
  lasOut = (await runCli("las", input, "--json")).out;
}, 60_000);

describe("validera --markera: the marked copy", () => {
  test("holds no formula at all but Schemakoll's own sums, in ExcelJS and in the raw XML", () => {
    expectNoPayloadFormula(marked);
  });

  test("the coordinator's own payload cells are still the literal text", () => {
    // A leading CR comes back as a line feed: the known save bug of nothing-lost
    // (nothingLost.test.ts), not a formula matter; compared with that folded.
    const folded = (p: string) => p.replace(/\r/g, "\n");
    PAYLOADS.forEach((p, i) => {
      for (const at of [
        `Deltagare!B${i + 2}`,
        `Aktiviteter!E${4 * i + 2}`,
        `Händelser!C${i + 2}`,
      ]) {
        expect([at, folded(marked.cells.get(at) ?? "")]).toEqual([at, folded(p)]);
      }
    });
  });

  test("the findings sheet quotes the payloads as text, one starting a cell (an unknown id)", () => {
    const fynd = [...marked.cells].filter(([at]) => at.startsWith("Schemakoll fynd!"));
    expect(fynd.length).toBeGreaterThan(PAYLOADS.length);
    // Column A is the participant: the unknown ids on the list are the payloads themselves.
    const ids = fynd.filter(([at]) => /!A\d+$/.test(at)).map(([, v]) => v);
    // (An id is read trimmed, so a leading tab or CR is gone from it.)
    for (const p of PAYLOADS) expect(ids).toContain(p.trim());
    // Every payload is quoted in some message (column F).
    const messages = fynd.filter(([at]) => /!F\d+$/.test(at)).map(([, v]) => v);
    for (const p of PAYLOADS) expect(messages.some((m) => m.includes(p.trim()))).toBe(true);
  });

  test("the notes on marked cells quote payloads as plain note text", () => {
    const notes = [...marked.notes.values()].join("\n");
    for (const p of BASE) expect(notes).toContain(p);
    // A note is a comment part, never a cell formula.
    const comments = [...marked.parts].filter(([n]) => /comments\d*\.xml$/.test(n));
    expect(comments.length).toBeGreaterThan(0);
  });

  test("the payloads are shared strings in the XML, not formulas", () => {
    const shared = decodeXml(marked.parts.get("xl/sharedStrings.xml") ?? "");
    for (const p of BASE) expect(shared.includes(p)).toBe(true);
  });
});

describe("CLI output", () => {
  test.each([
    ["validera --json", () => jsonOut],
    ["las --json", () => lasOut],
  ])("%s is one JSON value; payloads appear only inside its strings", (_name, out) => {
    const text = out();
    const parsed: unknown = JSON.parse(text);
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(parsed);
    // Tab and CR only escaped (\t, \r) in the output, never raw.
    expect(text).not.toMatch(/[\t\r]/);
    for (const p of BASE) {
      expect(strings.some((s) => s.includes(p))).toBe(true);
      // Outside the JSON strings (all of them blanked out), nothing of the payload is left.
      const outside = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
      expect(outside.includes(p)).toBe(false);
    }
  });
});

describe("the port's writes", () => {
  async function written(change: (wb: FileWorkbook) => Promise<void>): Promise<WrittenTexts> {
    const wb = await FileWorkbook.fromBuffer(readFileSync(input));
    await change(wb);
    return writtenTexts(await wb.toBuffer());
  }

  test("writeSheet of a SheetModel: payload values, header, sheet-name-like text all literal", async () => {
    const model: SheetModel = {
      name: "Månadsrapport 2024-03",
      rows: [
        // A table header (its names made unique: "\t=X" and "=X" clash once cleaned).
        PAYLOADS.map((p) => ({ value: p, bold: true })),
        PAYLOADS.map((p) => ({ value: p })),
        PAYLOADS.map((p) => ({ value: p, hyperlink: "#'Deltagare'!A1" })),
        [{ value: 2, formula: "SUM(A2:A2)" }],
      ],
      table: { name: "Rapport", headerRow: 0, rowCount: 2 },
    };
    const texts = await written((wb) => wb.writeSheet(model));
    expectNoPayloadFormula(texts);
    PAYLOADS.forEach((p, c) => {
      const col = String.fromCharCode(65 + c);
      expectLiteral(texts, `Månadsrapport 2024-03!${col}2`, p);
      // A linked cell: the payload is the link's text, the link stays internal.
      expect(JSON.parse(texts.cells.get(`Månadsrapport 2024-03!${col}3`) ?? "{}")).toEqual({
        text: p,
        hyperlink: "#'Deltagare'!A1",
      });
    });
    // The one formula is Schemakoll's own sum.
    expect(texts.formulas).toEqual(["Månadsrapport 2024-03!A4 = SUM(A2:A2)"]);
  });

  test("appendRows and writeCells write payloads as literal text", async () => {
    const texts = await written(async (wb) => {
      await wb.appendRows(
        "Godkända avvikelser",
        ["Deltagare", "Regel", "Orsak"],
        PAYLOADS.map((p) => [{ value: p }, { value: "ROM2.MOTE14" }, { value: p }]),
      );
      await wb.writeCells(
        "Inställningar",
        PAYLOADS.map((p, i) => ({ cell: `B${i + 1}`, value: p })),
      );
    });
    expectNoPayloadFormula(texts);
    PAYLOADS.forEach((p, i) => {
      expectLiteral(texts, `Godkända avvikelser!A${i + 2}`, p);
      expectLiteral(texts, `Inställningar!B${i + 1}`, p);
    });
  });

  test("a formula that is not Schemakoll's own plain sum is refused", async () => {
    for (const formula of [
      'HYPERLINK("http://x","y")',
      "SUM(A1:A2)+cmd|' /C calc'!A0",
      "SUM(Blad2!A1:A2)",
    ]) {
      const wb = await FileWorkbook.fromBuffer(readFileSync(input));
      await expect(
        wb.writeSheet({ name: "Rapport", rows: [[{ value: 1, formula }]] }),
      ).rejects.toMatchObject({ name: "WorkbookWriteError" });
    }
  });

  test("deliberate break: the unprotected ExcelJS path (a { formula } value) is caught", async () => {
    // What writeSheet would do without its guard: hand ExcelJS the text as a formula.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Rapport");
    sheet.getCell("A1").value = { formula: BASE[0]?.slice(1) ?? "", result: "y" };
    // And what ExcelJS does with a bare "=…" string: it stays a string (no guard needed there).
    sheet.getCell("A2").value = BASE[0] ?? "";
    const texts = await writtenTexts(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(() => {
      expectNoPayloadFormula(texts);
    }).toThrow();
    expect(texts.cells.get("Rapport!A2")).toBe(BASE[0]);
  });
});
