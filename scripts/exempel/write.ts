/**
 * Writes the example workbooks of data.ts as .xlsx files with ExcelJS, styled the way a
 * coordinator's own file looks: bold headers, sensible column widths, dates as date cells
 * ("yyyy-mm-dd"), wrapped schedule cells, frozen header rows in lists, an Excel table for the
 * Nacka activity list. The sheet "Om exemplet" explains the workbook and lists every deliberate
 * breach with the cells it is about.
 *
 * The output is deterministic: fixed workbook properties, and the zip entries' timestamps
 * (which JSZip takes from the clock) are set to a fixed date, so every run gives the same bytes.
 */
import ExcelJS from "exceljs";
import { isoWeekStart, addDays } from "../../src/domain/calendar";
import { dateParts, type IsoDate } from "../../src/domain/date";
import type { Severity } from "../../src/domain/model";
import {
  clock,
  upptrappningText,
  type BreachTarget,
  type EventColumnKey,
  type ExampleActivity,
  type ExampleBreach,
  type ExampleEvent,
  type ExampleParticipant,
  type ExampleWorkbook,
  type ListColumnKey,
  type RegisterField,
  type WeekGridSheet,
} from "./data";

/** Every generated file says it was created and last saved at this moment. */
export const FIXED_TIMESTAMP = new Date(Date.UTC(2024, 5, 3, 8, 0, 0));
export const DATE_FORMAT = "yyyy-mm-dd";
export const ABOUT_SHEET = "Om exemplet";

const WEEKDAY_NAMES = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"] as const;
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9E1F2" },
};
const LUNCH_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};
const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };

/** A date as ExcelJS wants it: the UTC midnight of the day (written as its serial number). */
export function excelDate(date: IsoDate): Date {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "Anna Andersson" → "'Anna Andersson'", the way Excel writes a sheet name in a reference. */
function sheetRef(sheet: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Where things landed: a key (grid cell id, activity key + column, …) → sheet and cell. */
class Locator {
  private readonly map = new Map<string, { sheet: string; row: number; col: number }>();

  set(key: string, sheet: string, row: number, col: number): void {
    this.map.set(key, { sheet, row, col });
  }

  get(key: string): { sheet: string; row: number; col: number } {
    const found = this.map.get(key);
    if (found === undefined) throw new Error(`Exemplet pekar på något som inte skrevs: ${key}`);
    return found;
  }
}

function targetKey(target: BreachTarget): string {
  switch (target.kind) {
    case "gridCell":
      return `cell:${target.id}`;
    case "gridHeading":
      return `heading:${target.sheet}`;
    case "register":
      return `reg:${target.participantId}:${target.field}`;
    case "activity":
      return `act:${target.key}:${target.column}`;
    case "event":
      return `ev:${target.key}:${target.column}`;
  }
}

/** The cells of a breach, written compactly: "'Cecilia Ek'!C30, Aktiviteter!I412:I414". */
export function describeCells(locator: Locator, targets: readonly BreachTarget[]): string {
  const bySheetColumn = new Map<string, { sheet: string; col: number; rows: number[] }>();
  for (const target of targets) {
    const at = locator.get(targetKey(target));
    const key = `${at.sheet}\u0000${at.col}`;
    const group = bySheetColumn.get(key) ?? { sheet: at.sheet, col: at.col, rows: [] };
    group.rows.push(at.row);
    bySheetColumn.set(key, group);
  }
  const parts: string[] = [];
  for (const { sheet, col, rows } of bySheetColumn.values()) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    const letter = columnLetter(col);
    let runStart = sorted[0];
    let previous = runStart;
    const flush = () => {
      if (runStart === undefined || previous === undefined) return;
      parts.push(
        runStart === previous
          ? `${sheetRef(sheet)}!${letter}${runStart}`
          : `${sheetRef(sheet)}!${letter}${runStart}:${letter}${previous}`,
      );
    };
    for (const row of sorted.slice(1)) {
      if (previous !== undefined && row === previous + 1) {
        previous = row;
        continue;
      }
      flush();
      runStart = row;
      previous = row;
    }
    flush();
  }
  return parts.join(", ");
}

function styleHeaderRow(row: ExcelJS.Row, columns: number): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "middle" };
    cell.border = { bottom: { style: "thin" } };
  }
}

/** Rough row height for wrapped text: lines of about `charsPerLine` characters, 15 pt each. */
function wrappedHeight(texts: readonly string[], charsPerLine: number): number {
  let lines = 1;
  for (const text of texts) {
    const estimate = text
      .split("\n")
      .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / charsPerLine)), 0);
    lines = Math.max(lines, estimate);
  }
  return Math.max(15, lines * 15 + 2);
}

// ---------------------------------------------------------------------------------------------
// Sheets
// ---------------------------------------------------------------------------------------------

function registerValue(p: ExampleParticipant, field: RegisterField): ExcelJS.CellValue {
  switch (field) {
    case "id":
      return p.id;
    case "name":
      return p.name;
    case "kon":
      return p.kon;
    case "insats":
      return p.insats;
    case "niva":
      return p.niva;
    case "beslutsdatum":
      return p.beslutsdatum === null ? null : excelDate(p.beslutsdatum);
    case "start":
      return excelDate(p.start);
    case "end":
      return p.end === null ? null : excelDate(p.end);
    case "omfattning":
      return p.omfattning;
    case "bistand":
      return p.ekonomisktBistand === null ? null : p.ekonomisktBistand ? "Ja" : "Nej";
    case "upptrappning":
      return p.upptrappning.length === 0 ? null : upptrappningText(p.upptrappning);
    case "jobbexpert":
    case "jobbspar":
    case "arbetsgivare":
    case "comment":
      return p.extra[field] ?? null;
  }
}

const DATE_FIELDS: ReadonlySet<RegisterField> = new Set(["beslutsdatum", "start", "end"]);

function writeRegister(wb: ExcelJS.Workbook, example: ExampleWorkbook, loc: Locator): void {
  const { sheet, title, columns } = example.register;
  const headerRow = title === null ? 1 : 3;
  const ws = wb.addWorksheet(sheet, { views: [{ state: "frozen", ySplit: headerRow }] });
  if (title !== null) {
    ws.getCell(1, 1).value = title;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
  }
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    ws.getCell(headerRow, i + 1).value = c.header;
  });
  styleHeaderRow(ws.getRow(headerRow), columns.length);
  example.participants.forEach((p, index) => {
    const r = headerRow + 1 + index;
    columns.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = registerValue(p, c.field);
      if (DATE_FIELDS.has(c.field)) cell.numFmt = DATE_FORMAT;
      loc.set(`reg:${p.id}:${c.field}`, sheet, r, i + 1);
    });
  });
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + example.participants.length, column: columns.length },
  };
}

function writeGrid(wb: ExcelJS.Workbook, grid: WeekGridSheet, loc: Locator): void {
  const ws = wb.addWorksheet(grid.sheet);
  ws.getColumn(1).width = 26;
  for (let c = 2; c <= 6; c++) ws.getColumn(c).width = 40;
  ws.getCell(1, 1).value = grid.heading;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  loc.set(`heading:${grid.sheet}`, grid.sheet, 1, 1);
  let r = 3;
  for (const week of grid.weeks) {
    const head = ws.getRow(r);
    head.getCell(1).value = week.label;
    WEEKDAY_NAMES.forEach((name, i) => (head.getCell(i + 2).value = name));
    for (let c = 1; c <= 6; c++) {
      const cell = head.getCell(c);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
    }
    r++;
    if (week.datesRow) {
      const monday =
        week.isoYear === null || week.isoWeek === null
          ? null
          : isoWeekStart(week.isoYear, week.isoWeek);
      if (monday === null) throw new Error(`${grid.sheet}: ${week.label} har datumrad utan vecka`);
      const dates = ws.getRow(r);
      for (let i = 0; i < 5; i++) {
        const cell = dates.getCell(i + 2);
        cell.value = excelDate(addDays(monday, i));
        cell.numFmt = DATE_FORMAT;
        cell.alignment = { horizontal: "left" };
        cell.border = THIN;
      }
      dates.getCell(1).border = THIN;
      r++;
    }
    for (const row of week.rows) {
      const line = ws.getRow(r);
      line.getCell(1).value = row.label;
      line.getCell(1).font = { bold: true };
      line.getCell(1).alignment = WRAP_TOP;
      line.getCell(1).border = THIN;
      const texts: string[] = [];
      for (let i = 0; i < 5; i++) {
        const cell = line.getCell(i + 2);
        cell.border = THIN;
        cell.alignment = WRAP_TOP;
        if (row.lunch) {
          cell.value = "Lunch";
          cell.fill = LUNCH_FILL;
          continue;
        }
        const content = row.cells[i] ?? null;
        if (content === null) continue;
        cell.value = content.text;
        texts.push(content.text);
        loc.set(`cell:${content.id}`, grid.sheet, r, i + 2);
      }
      if (row.lunch) {
        line.getCell(1).fill = LUNCH_FILL;
        line.getCell(1).font = { italic: true };
      }
      line.height = wrappedHeight(texts, 38);
      r++;
    }
    r++; // one blank row between weeks
  }
  r += 1;
  for (const note of grid.notes) {
    ws.getCell(r, 1).value = note;
    ws.getCell(r, 1).font = { italic: true, color: { argb: "FF595959" } };
    r++;
  }
}

function activityValue(a: ExampleActivity, key: ListColumnKey): ExcelJS.CellValue {
  switch (key) {
    case "participant":
      return a.participantId;
    case "date":
      return excelDate(a.date);
    case "start":
      return clock(a.start);
    case "end":
      return clock(a.end);
    case "time":
      return `${clock(a.start)}-${clock(a.end)}`;
    case "text":
      return a.text;
    case "form":
      return a.form;
    case "narvaro":
      return a.attendance?.narvaro ?? null;
    case "orsak":
      return a.attendance?.orsak ?? null;
    case "intyg":
      return a.attendance?.certificate ? excelDate(a.attendance.certificate) : null;
    case "reported":
      return a.attendance?.reported ? excelDate(a.attendance.reported) : null;
    case "anordnare":
      return a.anordnare;
  }
}

const DATE_COLUMNS: ReadonlySet<ListColumnKey> = new Set(["date", "intyg", "reported"]);

function writeActivityList(wb: ExcelJS.Workbook, example: ExampleWorkbook, loc: Locator): void {
  const list = example.activityList;
  if (list === null) return;
  const ws = wb.addWorksheet(list.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  list.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const rows = example.activities.map((a) => list.columns.map((c) => activityValue(a, c.key)));
  if (list.tableName !== null) {
    ws.addTable({
      name: list.tableName,
      ref: "A1",
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: list.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows,
    });
  } else {
    ws.addRow(list.columns.map((c) => c.header));
    for (const row of rows) ws.addRow(row);
    ws.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: rows.length + 1, column: list.columns.length },
    };
  }
  styleHeaderRow(ws.getRow(1), list.columns.length);
  example.activities.forEach((a, index) => {
    const r = index + 2;
    list.columns.forEach((c, i) => {
      if (DATE_COLUMNS.has(c.key)) ws.getCell(r, i + 1).numFmt = DATE_FORMAT;
      loc.set(`act:${a.key}:${c.key}`, list.sheet, r, i + 1);
    });
  });
}

const EVENT_COLUMNS: readonly { key: EventColumnKey; header: string; width: number }[] = [
  { key: "participant", header: "Deltagare", width: 11 },
  { key: "date", header: "Datum", width: 12 },
  { key: "handelse", header: "Händelse", width: 32 },
  { key: "avser", header: "Avser", width: 52 },
  { key: "kommentar", header: "Kommentar", width: 70 },
];

function eventValue(e: ExampleEvent, key: EventColumnKey): ExcelJS.CellValue {
  switch (key) {
    case "participant":
      return e.participantId;
    case "date":
      return excelDate(e.date);
    case "handelse":
      return e.handelse;
    case "avser":
      return e.avser;
    case "kommentar":
      return e.kommentar;
  }
}

function writeEvents(wb: ExcelJS.Workbook, example: ExampleWorkbook, loc: Locator): void {
  if (example.eventsSheet === null) return;
  const sheet = example.eventsSheet;
  const ws = wb.addWorksheet(sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  EVENT_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
    ws.getCell(1, i + 1).value = c.header;
  });
  styleHeaderRow(ws.getRow(1), EVENT_COLUMNS.length);
  example.events.forEach((e, index) => {
    const r = index + 2;
    EVENT_COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = eventValue(e, c.key);
      if (c.key === "date") cell.numFmt = DATE_FORMAT;
      loc.set(`ev:${e.key}:${c.key}`, sheet, r, i + 1);
    });
  });
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: example.events.length + 1, column: EVENT_COLUMNS.length },
  };
}

function writeTariffs(wb: ExcelJS.Workbook, example: ExampleWorkbook): void {
  if (example.tariffs.length === 0) return;
  const ws = wb.addWorksheet("Ersättningar", { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = ["Insats", "Gäller från", "Månadsbelopp", "Dagersättning", "Källa"];
  const widths = [20, 13, 15, 15, 58];
  headers.forEach((h, i) => {
    ws.getCell(1, i + 1).value = h;
    ws.getColumn(i + 1).width = widths[i] ?? 12;
  });
  styleHeaderRow(ws.getRow(1), headers.length);
  example.tariffs.forEach((t, index) => {
    const row = ws.getRow(index + 2);
    row.getCell(1).value = t.insats;
    row.getCell(2).value = excelDate(t.validFrom);
    row.getCell(2).numFmt = DATE_FORMAT;
    row.getCell(3).value = t.monthly;
    row.getCell(3).numFmt = "#,##0";
    row.getCell(4).value = t.dayRate;
    row.getCell(4).numFmt = "#,##0";
    row.getCell(5).value = t.source;
  });
}

function writeSettings(wb: ExcelJS.Workbook, example: ExampleWorkbook): void {
  if (example.settings.length === 0) return;
  const ws = wb.addWorksheet("Inställningar", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 16;
  ws.getCell(1, 1).value = "Parameter";
  ws.getCell(1, 2).value = "Värde";
  styleHeaderRow(ws.getRow(1), 2);
  example.settings.forEach((s, index) => {
    const row = ws.getRow(index + 2);
    row.getCell(1).value = s.parameter;
    const value = row.getCell(2);
    if (typeof s.value === "object") {
      value.value = excelDate(s.value.date);
      value.numFmt = DATE_FORMAT;
    } else {
      value.value = s.value;
    }
    value.alignment = { horizontal: "left" };
  });
}

const SEVERITY_NAMES: Readonly<Record<Severity, string>> = {
  error: "Fel",
  warning: "Varning",
  info: "Information",
};

function breachWhen(b: ExampleBreach): string {
  if (b.when !== null) return b.when;
  return b.from === b.to ? b.from : `${b.from} – ${b.to}`;
}

function breachWho(b: ExampleBreach, example: ExampleWorkbook): string {
  const registered = example.participants.some((p) => p.id === b.participantId);
  return registered
    ? `${b.participantName} (${b.participantId})`
    : `${b.participantName} (finns inte i registret)`;
}

const ABOUT_WIDTHS = [22, 12, 24, 30, 40, 70];
const ABOUT_CHARS = ABOUT_WIDTHS.reduce((a, b) => a + b, 0) - 12;

function writeAbout(ws: ExcelJS.Worksheet, example: ExampleWorkbook, loc: Locator): void {
  ABOUT_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let r = 1;
  ws.getCell(r, 1).value = example.title;
  ws.getCell(r, 1).font = { bold: true, size: 16 };
  r += 2;
  const paragraph = (text: string, font?: Partial<ExcelJS.Font>) => {
    ws.mergeCells(r, 1, r, 6);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.alignment = WRAP_TOP;
    if (font) cell.font = font;
    ws.getRow(r).height = wrappedHeight([text], ABOUT_CHARS);
    r++;
  };
  const heading = (text: string) => {
    ws.getCell(r, 1).value = text;
    ws.getCell(r, 1).font = { bold: true, size: 13 };
    r++;
  };
  for (const text of example.intro) paragraph(text);
  r++;

  heading("Bladen i arbetsboken");
  for (const note of example.sheetNotes) {
    ws.getCell(r, 1).value = note.sheet;
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 1).alignment = WRAP_TOP;
    ws.mergeCells(r, 2, r, 6);
    ws.getCell(r, 2).value = note.text;
    ws.getCell(r, 2).alignment = WRAP_TOP;
    ws.getRow(r).height = wrappedHeight([note.text], ABOUT_CHARS - (ABOUT_WIDTHS[0] ?? 0));
    r++;
  }
  r++;

  heading("Avsiktliga fel");
  paragraph(
    "Varje rad är ett avsiktligt fel: regeln (id i regelkatalogen), hur allvarligt det är, vem och vilken tid det gäller, vilka celler det handlar om och varför det är ett fel.",
  );
  const headers = ["Regel som bryts", "Allvarlighet", "Berör", "När", "Celler", "Varför"];
  headers.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
  styleHeaderRow(ws.getRow(r), headers.length);
  r++;
  for (const b of example.breaches) {
    const values = [
      b.ruleId,
      SEVERITY_NAMES[b.severity],
      breachWho(b, example),
      breachWhen(b),
      describeCells(loc, b.targets),
      b.why,
    ];
    values.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      cell.alignment = WRAP_TOP;
      cell.border = THIN;
    });
    ws.getCell(r, 1).font = { bold: true };
    ws.getRow(r).height = Math.max(
      ...values.map((v, i) => wrappedHeight([v], (ABOUT_WIDTHS[i] ?? 12) - 2)),
    );
    r++;
  }
  r++;

  heading("Antaganden och tolkningar");
  for (const text of example.assumptions) paragraph(`• ${text}`);
}

// ---------------------------------------------------------------------------------------------
// Workbook
// ---------------------------------------------------------------------------------------------

/** The example as an ExcelJS workbook (sheets in the order a reader meets them). */
export function buildWorkbook(example: ExampleWorkbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Schemakoll (exempel)";
  wb.lastModifiedBy = "Schemakoll (exempel)";
  wb.company = "Exempel AB";
  wb.title = example.title;
  wb.created = FIXED_TIMESTAMP;
  wb.modified = FIXED_TIMESTAMP;
  const loc = new Locator();
  const about = wb.addWorksheet(ABOUT_SHEET);
  writeRegister(wb, example, loc);
  for (const grid of example.grids) writeGrid(wb, grid, loc);
  writeActivityList(wb, example, loc);
  writeEvents(wb, example, loc);
  writeTariffs(wb, example);
  writeSettings(wb, example);
  writeAbout(about, example, loc);
  return wb;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * Sets the modification time of every entry of a zip (local and central headers) to `date`,
 * so that a file written twice is the same bytes. Throws on anything but a plain zip.
 */
export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const dosTime =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const dosDate =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let end = -1;
  for (let i = out.length - 22; i >= 0; i--) {
    if (out.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("Ingen zip-katalog hittades");
  const count = out.readUInt16LE(end + 10);
  let p = out.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (out.readUInt32LE(p) !== CENTRAL_HEADER) throw new Error("Oväntad zip-katalog");
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error("Oväntat zip-huvud");
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** The .xlsx bytes of an example; the same bytes on every run. */
export async function exampleBuffer(example: ExampleWorkbook): Promise<Buffer> {
  const raw = await buildWorkbook(example).xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(raw), FIXED_TIMESTAMP);
}
