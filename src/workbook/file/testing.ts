/**
 * Test helpers (not used by the add-in or the CLI): workbooks built in memory with ExcelJS, and
 * a minimal zip writer to take an .xlsx apart and put it back together with a part changed,
 * for the hostile files ExcelJS would never write itself.
 */
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { loadXlsx } from "./excelInternals";
import { listZipEntries, readZipEntry } from "./zipGuard";

export async function xlsxBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads .xlsx bytes back with ExcelJS alone (to look at what was written, cell by cell). */
export async function loadWithExcelJS(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await loadXlsx(workbook, data);
  return workbook;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** A size to declare instead of the true one (a lying header). */
  declaredSize?: number;
}

/** A zip of the parts, deflated, no zip64. */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const compressed = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a zip, inflated. */
export function unzip(data: Buffer): ZipPart[] {
  return listZipEntries(data).map((entry) => ({
    name: entry.name,
    data: readZipEntry(data, entry),
  }));
}

/** The zip with one part's text changed (and parts added). */
export function rewriteZip(
  data: Buffer,
  name: string,
  change: (text: string) => string,
  extra: ZipPart[] = [],
): Buffer {
  const parts = unzip(data).map((part) =>
    part.name === name ? { name, data: Buffer.from(change(part.data.toString("utf8"))) } : part,
  );
  if (!parts.some((p) => p.name === name)) throw new Error(`no part ${name}`);
  return buildZip([...parts, ...extra]);
}

/** A part's text. */
export function zipText(data: Buffer, name: string): string {
  const part = unzip(data).find((p) => p.name === name);
  if (!part) throw new Error(`no part ${name}`);
  return part.data.toString("utf8");
}
