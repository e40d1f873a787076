/**
 * Shared helpers of the safety suites (issue 9): running the CLI in-process, looking at every
 * text a written .xlsx holds (cells, notes, sheet names, raw XML), and valid personnummer.
 * Used only by tests.
 */
import fc from "fast-check";
import ExcelJS from "exceljs";
import { unzip } from "../../src/workbook/file/testing";

/** Excel's 1900 serial of a UTC date: days since 1899-12-30. */
export function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A UTC midnight Date, the way ExcelJS writes a date cell. */
export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

// ---------------------------------------------------------------- what a written file holds

/** A cell's value as text, whatever ExcelJS made of it (rich text, formula, hyperlink …). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "object") return String(value);
  return JSON.stringify(value);
}

/** A note's text (a plain string or ExcelJS's rich-text comment). */
export function noteText(note: unknown): string {
  if (note === undefined || note === null) return "";
  if (typeof note === "string") return note;
  return JSON.stringify(note);
}

export interface WrittenTexts {
  sheetNames: string[];
  /** "Blad!A1" → the cell's value as text (formulas as their JSON). */
  cells: Map<string, string>;
  /** "Blad!A1" → the note's text. */
  notes: Map<string, string>;
  /** Cells ExcelJS reads back as formulas (shared or not), "Blad!A1 = formula". */
  formulas: string[];
  /** Every part of the zip, decoded as UTF-8 (the raw XML). */
  parts: Map<string, string>;
}

/** Everything a written .xlsx holds, read with ExcelJS and, separately, as raw zip parts. */
export async function writtenTexts(data: Buffer): Promise<WrittenTexts> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const cells = new Map<string, string>();
  const notes = new Map<string, string>();
  const formulas: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const at = `${sheet.name}!${cell.address}`;
        cells.set(at, cellText(cell.value));
        const note: unknown = cell.note;
        if (note !== undefined) notes.set(at, noteText(note));
        if (cell.type === ExcelJS.ValueType.Formula) formulas.push(`${at} = ${cell.formula}`);
      });
    });
  }
  const parts = new Map(unzip(data).map((p) => [p.name, p.data.toString("utf8")]));
  return {
    sheetNames: workbook.worksheets.map((s) => s.name),
    cells,
    notes,
    formulas,
    parts,
  };
}

/** XML text as a string holds it (the five entities and numeric references decoded). */
export function decodeXml(text: string): string {
  return text
    .replace(/&#x([\da-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The contents of every <f> element of every worksheet part, decoded. */
export function formulaElements(parts: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  for (const [name, xml] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    for (const m of xml.matchAll(/<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/g)) {
      found.push(decodeXml(m[1] ?? ""));
    }
  }
  return found;
}

// ---------------------------------------------------------------- personnummer

/** The Luhn check digit of nine digits (the personnummer's YYMMDDNNN). */
export function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = nine.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export interface GeneratedPnr {
  /** As written in the workbook ("850101-1234", "198501011234" …). */
  written: string;
  /** The ten digits YYMMDDNNNC, the part that must never be written anywhere. */
  ten: string;
  /** The date part as written (6 or 8 digits): what the masked form keeps. */
  datePart: string;
}

/** Valid personnummer (and samordningsnummer) with a correct Luhn digit, in all written forms. */
export const validPnr: fc.Arbitrary<GeneratedPnr> = fc
  .record({
    century: fc.constantFrom("19", "20"),
    yy: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    samordning: fc.boolean(),
    serial: fc.integer({ min: 0, max: 999 }),
    long: fc.boolean(),
    separator: fc.constantFrom("-", "", "+"),
  })
  .map((r) => {
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    const six = `${pad(r.yy, 2)}${pad(r.month, 2)}${pad(r.samordning ? r.day + 60 : r.day, 2)}`;
    const nine = `${six}${pad(r.serial, 3)}`;
    const ten = `${nine}${String(luhnDigit(nine))}`;
    const datePart = r.long ? `${r.century}${six}` : six;
    // "+" (over 100 years old) belongs to the short form only.
    const separator = r.long && r.separator === "+" ? "-" : r.separator;
    return { written: `${datePart}${separator}${ten.slice(6)}`, ten, datePart };
  });

/** Whether a text holds the ten digits of the personnummer, with any separator or spacing. */
export function leaks(text: string, pnr: GeneratedPnr): boolean {
  const digits = text.replace(/[\s+-]/g, "");
  return digits.includes(pnr.ten);
}
