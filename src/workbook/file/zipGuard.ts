/**
 * Checks an .xlsx before ExcelJS sees it. ExcelJS inflates every part into memory and builds
 * an object per cell, and expands merged areas, data validations, defined names and column
 * definitions cell by cell (or column by column), so a hostile or broken file could exhaust
 * memory (a zip bomb, millions of cells, a merge over the whole sheet) or stall it for
 * minutes (a row numbered in the billions) — a crash no try/catch can catch. This reads the
 * zip's central directory itself, inflates each part with a hard output cap (a part that
 * inflates beyond the size it declares is refused), and scans workbook.xml and the
 * worksheets' XML with a few linear regular expressions, all with Node's own zlib.
 */
import { inflateRawSync } from "node:zlib";
import { WORKBOOK_LIMITS, WorkbookReadError } from "../port";
import { columnNumber } from "./a1";

export const NOT_XLSX_MESSAGE = "Filen kan inte läsas som en Excel-arbetsbok (.xlsx).";

export const ZIP_LIMITS = {
  maxEntries: 10_000,
  /**
   * One part inflated. The guard holds a part inflated and as a string while it scans it, and
   * ExcelJS inflates and parses it again: 400 MB of sheet XML peaked at 1.35 GB, so about
   * 3.4 times the part; 200 MB keeps a part well within 1 GB.
   */
  maxEntryBytes: 200_000_000,
  maxTotalBytes: 400_000_000,
  /**
   * A part larger than this (inflated) must not inflate to more than maxRatio times its
   * packed size: Excel's own XML packs some 5–20 to one, a zip bomb a thousand to one.
   */
  ratioCheckBytes: 50_000_000,
  maxRatio: 100,
  /**
   * Cells in the whole workbook. Measured (peak RSS of `validera` in a child process, an
   * activity list of 5 columns): 500 000 cells 571 MB, 750 000 cells 844 MB, 1 000 000 cells
   * 1 077 MB (1.33 GB on a busier machine) — about 1.1 kB a cell, nearly all ExcelJS's. So
   * 800 000 cells (some 900 MB) is the most that stays under 1 GB.
   */
  maxFileCells: 800_000,
  /**
   * Cells under data validation: ExcelJS keeps one entry per cell (some 80 bytes each, and
   * slow to write back), so a list validation on a whole column costs a million of them.
   */
  maxValidationCells: 5_000_000,
} as const;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/** 1234567 → "1 234 567", the Swedish way. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

function notXlsx(detail?: string, cause?: unknown): WorkbookReadError {
  return new WorkbookReadError(
    detail ? `${NOT_XLSX_MESSAGE} ${detail}` : NOT_XLSX_MESSAGE,
    cause === undefined ? undefined : { cause },
  );
}

class Reader {
  constructor(private readonly buf: Buffer) {}

  private check(offset: number, length: number): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + length > this.buf.length) {
      throw notXlsx("Filen är skadad.");
    }
  }

  u16(offset: number): number {
    this.check(offset, 2);
    return this.buf.readUInt16LE(offset);
  }

  u32(offset: number): number {
    this.check(offset, 4);
    return this.buf.readUInt32LE(offset);
  }

  u64(offset: number): number {
    this.check(offset, 8);
    const value = this.buf.readBigUInt64LE(offset);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw notXlsx("Filen är skadad.");
    return Number(value);
  }

  slice(offset: number, length: number): Buffer {
    this.check(offset, length);
    return this.buf.subarray(offset, offset + length);
  }
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const last = buf.length - 22;
  const first = Math.max(0, last - U16_MAX);
  for (let i = last; i >= first; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw notXlsx();
}

/** The zip's entries from its central directory; throws WorkbookReadError if it is no zip. */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length >= OLE_SIGNATURE.length && buf.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw notXlsx(
      "Den är lösenordsskyddad eller sparad i det äldre .xls-formatet; spara den som .xlsx utan lösenord i Excel och försök igen.",
    );
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  const r = new Reader(buf);
  const eocd = findEndOfCentralDirectory(buf);
  let count = r.u16(eocd + 10);
  let cdOffset = r.u32(eocd + 16);
  if (count === U16_MAX || cdOffset === U32_MAX) {
    const locator = eocd - 20;
    if (r.u32(locator) !== 0x07064b50) throw notXlsx("Filen är skadad.");
    const zip64 = r.u64(locator + 8);
    if (r.u32(zip64) !== 0x06064b50) throw notXlsx("Filen är skadad.");
    count = r.u64(zip64 + 32);
    cdOffset = r.u64(zip64 + 48);
  }
  if (count > ZIP_LIMITS.maxEntries) {
    throw new WorkbookReadError(
      `Arbetsboken har för många delar (${formatCount(count)}) för att läsas.`,
    );
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (r.u32(p) !== 0x02014b50) throw notXlsx("Filen är skadad.");
    const flags = r.u16(p + 8);
    const method = r.u16(p + 10);
    let compressedSize = r.u32(p + 20);
    let uncompressedSize = r.u32(p + 24);
    const nameLength = r.u16(p + 28);
    const extraLength = r.u16(p + 30);
    const commentLength = r.u16(p + 32);
    let localHeaderOffset = r.u32(p + 42);
    const name = r.slice(p + 46, nameLength).toString("utf8");
    // ZIP64: the sizes and offset that overflowed 32 bits follow in extra field 0x0001.
    let q = p + 46 + nameLength;
    const extraEnd = q + extraLength;
    while (q + 4 <= extraEnd) {
      const id = r.u16(q);
      const size = r.u16(q + 2);
      if (id === 0x0001) {
        let f = q + 4;
        if (uncompressedSize === U32_MAX) {
          uncompressedSize = r.u64(f);
          f += 8;
        }
        if (compressedSize === U32_MAX) {
          compressedSize = r.u64(f);
          f += 8;
        }
        if (localHeaderOffset === U32_MAX) localHeaderOffset = r.u64(f);
      }
      q += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return entries;
}

/** One entry's content, inflated to at most its declared size (and maxBytes). */
export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  if (entry.flags & 1) throw notXlsx("Den är krypterad.");
  if (entry.uncompressedSize > ZIP_LIMITS.maxEntryBytes) throw tooLarge();
  const r = new Reader(buf);
  const local = entry.localHeaderOffset;
  if (r.u32(local) !== 0x04034b50) throw notXlsx("Filen är skadad.");
  const start = local + 30 + r.u16(local + 26) + r.u16(local + 28);
  const data = r.slice(start, entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) {
    out = data;
  } else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (cause) {
      throw notXlsx("Filen är skadad.", cause);
    }
  } else {
    throw notXlsx("Den använder en komprimering som Excel inte använder.");
  }
  if (out.length !== entry.uncompressedSize) throw notXlsx("Filen är skadad.");
  return out;
}

function tooManyCells(): WorkbookReadError {
  return new WorkbookReadError(
    `Arbetsboken har fler än ${formatCount(ZIP_LIMITS.maxFileCells)} celler; så stora arbetsböcker kan Schemakoll inte läsa. Dela upp den eller ta bort blad som inte behövs.`,
  );
}

function packedTooHard(entry: ZipEntry): WorkbookReadError {
  const mb = (bytes: number): string =>
    bytes >= 1_000_000
      ? formatCount(Math.round(bytes / 1_000_000))
      : String(Math.max(0.01, Math.round(bytes / 10_000) / 100)).replace(".", ",");
  return new WorkbookReadError(
    `Arbetsboken innehåller en del som packas upp från ${mb(entry.compressedSize)} MB till ${mb(entry.uncompressedSize)} MB, mer än ${String(ZIP_LIMITS.maxRatio)} gånger sin packade storlek. Så hårt packade filer läser Schemakoll inte, eftersom de kan fylla datorns minne; filen är skadad eller inte sparad av Excel.`,
  );
}

function tooLarge(): WorkbookReadError {
  return new WorkbookReadError(
    `Arbetsboken är för stor för att läsas (mer än ${formatCount(ZIP_LIMITS.maxTotalBytes / 1_000_000)} MB okomprimerad).`,
  );
}

// ExcelJS reads only unprefixed SpreadsheetML (a file written with "x:" prefixes is refused
// before, see PREFIXED_RE), so only unprefixed tags can become rows and cells in memory.
const CELL_REF_RE = /<c\b[^>]*?\sr\s*=\s*["']([A-Za-z]+)(\d+)["']/g;
const ROW_REF_RE = /<row\b[^>]*?\sr\s*=\s*["'](\d+)["']/g;
const PREFIXED_RE = /<[A-Za-z_][\w.-]*:(?:workbook|worksheet)\b/;

export interface WorksheetScan {
  /** Cells ExcelJS would create. */
  cells: number;
  /** Merged areas. */
  merges: number;
  /** Cells under data validation. */
  validationCells: number;
  /** Beyond Excel's sheet size. */
  rowTooLarge: boolean;
  columnTooLarge: boolean;
}

function countCellTags(xml: string): number {
  let count = 0;
  for (let i = xml.indexOf("<c"); i !== -1; i = xml.indexOf("<c", i + 2)) {
    const next = xml.charCodeAt(i + 2);
    // "<c " "<c>" "<c/>" and whitespace; not <col>, <cfRule> …
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) {
      count++;
    }
  }
  return count;
}

const MERGE_REF_RE = /<mergeCell\b[^>]*?\sref\s*=\s*["']([^"']*)["']/g;
const COL_LIMIT_RES = [
  /<col\b[^>]*?\smin\s*=\s*["'](\d+)["']/g,
  /<col\b[^>]*?\smax\s*=\s*["'](\d+)["']/g,
];
const VALIDATION_RE = /<dataValidation\b[^>]*?\ssqref\s*=\s*["']([^"']*)["']/g;
const AREA_RE = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/;

/** ExcelJS checks each new merge against every earlier one: keep the square small. */
export const MAX_MERGES_PER_SHEET = 20_000;

function rowInRange(digits: string): boolean {
  return digits.length <= 7 && Number(digits) <= WORKBOOK_LIMITS.maxRows;
}

/**
 * Counts what a worksheet part makes ExcelJS build: its cells, every cell of a merged area
 * (ExcelJS creates them one by one), merged areas, and cells under data validation (one
 * entry each). Looks for rows and columns Excel cannot have, in cells, rows, merges,
 * validations and column definitions, which ExcelJS would also expand one by one.
 */
export function scanWorksheetXml(xml: string): WorksheetScan {
  let cells = countCellTags(xml);
  let rowTooLarge = false;
  let columnTooLarge = false;
  let merges = 0;
  for (const m of xml.matchAll(ROW_REF_RE)) {
    if (!rowInRange(m[1] ?? "")) {
      rowTooLarge = true;
      break;
    }
  }
  for (const m of xml.matchAll(CELL_REF_RE)) {
    if (!rowInRange(m[2] ?? "")) rowTooLarge = true;
    if (columnNumber(m[1] ?? "") === null) columnTooLarge = true;
    if (rowTooLarge && columnTooLarge) break;
  }
  // <col min max>: ExcelJS builds every column from 1 to max (and to min), one by one.
  for (const re of COL_LIMIT_RES) {
    for (const m of xml.matchAll(re)) {
      const digits = m[1] ?? "";
      if (digits.length > 5 || Number(digits) > WORKBOOK_LIMITS.maxColumns) columnTooLarge = true;
    }
  }
  const area = (ref: string): number => {
    const m = AREA_RE.exec(ref);
    if (!m) return 0;
    const [, c1 = "", r1 = "", c2 = c1, r2 = r1] = m;
    const left = columnNumber(c1);
    const right = columnNumber(c2);
    if (!rowInRange(r1) || !rowInRange(r2)) rowTooLarge = true;
    if (left === null || right === null) columnTooLarge = true;
    if (left === null || right === null || !rowInRange(r1) || !rowInRange(r2)) return 0;
    return (Math.abs(Number(r2) - Number(r1)) + 1) * (Math.abs(right - left) + 1);
  };
  for (const m of xml.matchAll(MERGE_REF_RE)) {
    merges++;
    cells += area(m[1] ?? "");
  }
  let validationCells = 0;
  for (const m of xml.matchAll(VALIDATION_RE)) {
    for (const ref of (m[1] ?? "").trim().split(/\s+/)) validationCells += area(ref);
  }
  return { cells, merges, validationCells, rowTooLarge, columnTooLarge };
}

const DEFINED_NAME_RE = /<definedName\b[^>]*>([^<]*)<\/definedName>/g;
const ABSOLUTE_AREA_RE = /\$([A-Za-z]+)\$(\d+)(?::\$([A-Za-z]+)\$(\d+))?/g;

/**
 * Cells named in the workbook's defined names ("$A$1:$K$500"): ExcelJS makes an object for
 * every one. Infinity when a name reaches beyond Excel's sheet size.
 */
export function definedNameCells(workbookXml: string): number {
  let cells = 0;
  for (const name of workbookXml.matchAll(DEFINED_NAME_RE)) {
    for (const m of (name[1] ?? "").matchAll(ABSOLUTE_AREA_RE)) {
      const [, c1 = "", r1 = "", c2 = c1, r2 = r1] = m;
      const left = columnNumber(c1);
      const right = columnNumber(c2);
      if (left === null || right === null || !rowInRange(r1) || !rowInRange(r2)) {
        return Number.POSITIVE_INFINITY;
      }
      cells += (Math.abs(Number(r2) - Number(r1)) + 1) * (Math.abs(right - left) + 1);
    }
  }
  return cells;
}

function prefixedXml(): WorkbookReadError {
  return new WorkbookReadError(
    "Arbetsboken är sparad av ett program som skriver .xlsx på ett sätt Schemakoll inte kan läsa. Öppna den i Excel, spara den som .xlsx och försök igen.",
  );
}

function decodeXmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-fA-F]+);/g, (all, code: string) => {
    switch (code) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const n = code.startsWith("#x") ? parseInt(code.slice(2), 16) : Number(code.slice(1));
        return n <= 0x10ffff ? String.fromCodePoint(n) : all;
      }
    }
  });
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXmlText(m[1] ?? m[2] ?? "") : undefined;
}

/** Worksheet part name ("xl/worksheets/sheet1.xml") → sheet name, as far as it can be told. */
function sheetNamesByPart(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = attribute(m[0], "Id");
    const target = attribute(m[0], "Target");
    if (id !== undefined && target !== undefined) {
      const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
      targets.set(id, path.toLowerCase());
    }
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = attribute(m[0], "name");
    const id = attribute(m[0], "r:id") ?? attribute(m[0], "[\\w.-]+:id");
    const part = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && part !== undefined) names.set(part, name);
  }
  return names;
}

/**
 * Throws WorkbookReadError (Swedish message) unless the buffer is a zip whose parts inflate
 * honestly within the size limits, whose worksheets stay inside Excel's sheet size, and whose
 * cells, merged areas, validated cells and named cells stay within what ExcelJS can hold.
 */
export function checkXlsxBuffer(buf: Buffer): void {
  const entries = listZipEntries(buf);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > ZIP_LIMITS.maxTotalBytes) throw tooLarge();
    if (
      entry.uncompressedSize > ZIP_LIMITS.ratioCheckBytes &&
      entry.uncompressedSize > ZIP_LIMITS.maxRatio * entry.compressedSize
    ) {
      throw packedTooHard(entry);
    }
  }
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, "").toLowerCase(), e]));
  const text = (name: string): string => {
    const entry = byName.get(name);
    return entry ? readZipEntry(buf, entry).toString("utf8") : "";
  };
  if (!byName.has("xl/workbook.xml")) throw notXlsx();
  const workbookXml = text("xl/workbook.xml");
  if (PREFIXED_RE.test(workbookXml.slice(0, 4096))) throw prefixedXml();
  const names = sheetNamesByPart(workbookXml, text("xl/_rels/workbook.xml.rels"));
  let cells = definedNameCells(workbookXml);
  let validationCells = 0;
  if (cells > ZIP_LIMITS.maxFileCells) throw tooManyCells();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const content = readZipEntry(buf, entry);
    const part = entry.name.replace(/^\//, "").toLowerCase();
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(part)) continue;
    const xml = content.toString("latin1");
    if (PREFIXED_RE.test(xml.slice(0, 4096))) throw prefixedXml();
    const scan = scanWorksheetXml(xml);
    const sheet = names.get(part);
    const which = sheet === undefined ? "Ett blad" : `Bladet ”${sheet}”`;
    if (scan.rowTooLarge || scan.columnTooLarge) {
      throw new WorkbookReadError(
        `${which} har celler bortom Excels sista ${scan.rowTooLarge ? `rad (${formatCount(WORKBOOK_LIMITS.maxRows)})` : `kolumn (XFD)`}; filen är skadad eller inte sparad av Excel.`,
      );
    }
    if (scan.merges > MAX_MERGES_PER_SHEET) {
      throw new WorkbookReadError(
        `${which} har fler än ${formatCount(MAX_MERGES_PER_SHEET)} sammanfogade cellområden; så många kan Schemakoll inte läsa.`,
      );
    }
    validationCells += scan.validationCells;
    if (validationCells > ZIP_LIMITS.maxValidationCells) {
      throw new WorkbookReadError(
        `${which} har datavalidering (till exempel listrutor) över fler än ${formatCount(ZIP_LIMITS.maxValidationCells)} celler, vilket Schemakoll inte kan läsa. Begränsa valideringen i Excel till raderna som används i stället för hela kolumner.`,
      );
    }
    cells += scan.cells;
    if (cells > ZIP_LIMITS.maxFileCells) throw tooManyCells();
  }
}
