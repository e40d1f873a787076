/**
 * Run in a child process by the large-workbook tests (node --import tsx child.ts …), so that
 * its peak memory is its own:
 *   child.ts make-list <rows> <file>        a Deltagare sheet and an activity list of <rows> rows
 *   child.ts make-grids <participants> <weeks> <file>   one week-grid sheet per participant
 *   child.ts make-blank-sheet <megabytes> <file>        a sheet of <megabytes> MB of blank XML
 *   child.ts run <cli args…>                 runs the CLI (main) and prints a JSON line:
 *     {"code":…,"ms":…,"maxRssMb":…,"err":"…"}
 * Not a test (no .test.ts); used only by tests.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { createDeflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { main } from "../../../src/cli/main";
import { buildZip, unzip } from "../../../src/workbook/file/testing";

const WEEKDAYS = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"];
const ACTIVITIES = [
  "OBL-Individuellt möte 8.00-8.30 därefter eget arbete - Information om arbetsmarknaden 8.30-12.00",
  "Praktiskt stöd: CV",
  "Hos leverantör 13.00-16.00",
  "Lunch",
];

/** Excel serial of a UTC day: days since 1899-12-30. */
function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function register(wb: ExcelJS.stream.xlsx.WorkbookWriter, participants: number): void {
  const reg = wb.addWorksheet("Deltagare");
  reg.addRow(["Deltagar-ID", "Namn", "Kön", "Insats", "Startdatum"]).commit();
  for (let p = 1; p <= participants; p++) {
    reg
      .addRow([`D${String(p)}`, `Deltagare ${String(p)}`, "Kvinna", "ROM2", serial(2024, 1, 1)])
      .commit();
  }
  reg.commit();
}

async function makeList(rows: number, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const participants = 40;
  register(wb, participants);
  const list = wb.addWorksheet("Aktiviteter");
  list.addRow(["Deltagare", "Datum", "Start", "Slut", "Aktivitet"]).commit();
  const first = serial(2024, 1, 1);
  for (let i = 0; i < rows; i++) {
    // Spread over 40 participants and about a year of days.
    const day = first + (Math.floor(i / participants / 2) % 365);
    const morning = i % 2 === 0;
    list
      .addRow([
        `D${String((i % participants) + 1)}`,
        day,
        morning ? "8:00" : "13:00",
        morning ? "12:00" : "16:00",
        ACTIVITIES[i % 3],
      ])
      .commit();
  }
  list.commit();
  await wb.commit();
}

async function makeGrids(participants: number, weeks: number, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  register(wb, participants);
  for (let p = 1; p <= participants; p++) {
    const sheet = wb.addWorksheet(`D${String(p)}`);
    for (let w = 1; w <= weeks; w++) {
      sheet.addRow([`Vecka ${String(w)} 2024`, ...WEEKDAYS]).commit();
      sheet.addRow(["8.00-12.00", ...WEEKDAYS.map((_, d) => ACTIVITIES[(w + d) % 3])]).commit();
      sheet.addRow(["12.00-13.00", ...WEEKDAYS.map(() => "Lunch")]).commit();
      sheet
        .addRow(["13.00-16.00", ...WEEKDAYS.map((_, d) => ACTIVITIES[(w + d + 1) % 3])])
        .commit();
      sheet.addRow([]).commit();
    }
    sheet.commit();
  }
  await wb.commit();
}

/**
 * A valid .xlsx whose one sheet holds `megabytes` MB of blank space inside <sheetData>: it
 * compresses about a thousandfold, so a small file inflates to a huge part. Written as a zip
 * by hand, streaming the deflate, so that building it needs little memory.
 */
async function makeBlankSheet(megabytes: number, file: string): Promise<void> {
  const small = new ExcelJS.Workbook();
  small.addWorksheet("Schema").getCell("A1").value = "Deltagare";
  const parts = unzip(Buffer.from(await small.xlsx.writeBuffer()));
  const sheet = parts.find((p) => p.name === "xl/worksheets/sheet1.xml");
  if (sheet === undefined) throw new Error("no sheet1.xml");
  const xml = sheet.data.toString("utf8");
  const at = xml.indexOf("<sheetData>") + "<sheetData>".length;
  const head = Buffer.from(xml.slice(0, at));
  const tail = Buffer.from(xml.slice(at));
  const others = parts.filter((p) => p !== sheet);
  // The other parts through the test zip writer; the big one streamed after them.
  const prefix = buildZip(others);
  const eocd = prefix.length - 22;
  const centralSize = prefix.readUInt32LE(eocd + 12);
  const centralStart = prefix.readUInt32LE(eocd + 16);
  const locals = prefix.subarray(0, centralStart);
  const central = prefix.subarray(centralStart, centralStart + centralSize);

  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const blankBytes = megabytes * 1024 * 1024;
  const size = head.length + blankBytes + tail.length;
  const out = createWriteStream(file);
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (c: Buffer) => chunks.push(c));
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  const feed = async (data: Buffer): Promise<void> => {
    for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
    if (!deflate.write(data)) await once(deflate, "drain");
  };
  await feed(head);
  const blank = Buffer.alloc(1024 * 1024, 0x20);
  // The CRC of a megabyte of spaces, folded in once per megabyte (fast enough at this size).
  for (let i = 0; i < megabytes; i++) await feed(blank);
  await feed(tail);
  deflate.end();
  await once(deflate, "end");
  crc = (crc ^ 0xffffffff) >>> 0;
  const compressed = Buffer.concat(chunks);

  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4);
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(0x0800, 8);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(crc, 16);
  entry.writeUInt32LE(compressed.length, 20);
  entry.writeUInt32LE(size, 24);
  entry.writeUInt16LE(name.length, 28);
  entry.writeUInt32LE(locals.length, 42);
  const directory = Buffer.concat([central, entry, name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(others.length + 1, 8);
  end.writeUInt16LE(others.length + 1, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(locals.length + local.length + name.length + compressed.length, 16);
  out.write(Buffer.concat([locals, local, name, compressed, directory, end]));
  out.end();
  await once(out, "finish");
}

async function run(args: string[]): Promise<void> {
  const started = Date.now();
  let err = "";
  const code = await main(args, {
    out: () => undefined,
    err: (t) => (err += t + "\n"),
  });
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ code, ms: Date.now() - started, maxRssMb, err }) + "\n");
}

async function entry(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  const n = (i: number) => Number(rest[i]);
  if (mode === "make-list") await makeList(n(0), rest[1] ?? "");
  else if (mode === "make-grids") await makeGrids(n(0), n(1), rest[2] ?? "");
  else if (mode === "make-blank-sheet") await makeBlankSheet(n(0), rest[1] ?? "");
  else if (mode === "run") await run(rest);
  else throw new Error(`unknown mode ${String(mode)}`);
}

entry().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 3;
});
