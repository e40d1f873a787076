/**
 * SheetModel → worksheet through the Excel JavaScript API, in 2 syncs (more only when the
 * data passes the request budget): 1 the sheets (names, positions, the active one) and the
 * workbook's table names; 2 everything written.
 *
 * A sheet of that name is replaced in place: the new sheet is added under a temporary name,
 * moved to the old one's tab position, the old one deleted and the new one renamed (so a
 * workbook whose only visible sheet is replaced never has none). Text is literal (support.ts
 * `literal`); formulas only through SAFE_FORMULA; charts natively.
 */
import {
  MARKS_SHEET_NAME,
  SAFE_FORMULA,
  WorkbookWriteError,
  type ChartSpec,
  type SheetCell,
  type SheetModel,
} from "../port";
import { columnLetters, formatAddress, parseAddress, parseRange } from "../file/a1";
import { cleanText, prepareTable, sheetNameProblem } from "../file/writeSheet";
import {
  areaAddresses,
  FILL_OVERHEAD,
  findName,
  literal,
  sizeOf,
  WriteBatch,
  type ExcelRun,
} from "./support";

const MAX_COLUMN_WIDTH = 255;
const DEFAULT_CHART_COLUMNS = 8;
const DEFAULT_CHART_ROWS = 15;

/**
 * Excel's column width in characters of the default font (Calibri 11: 7 pixels a character,
 * 5 pixels of padding) → points, which is what Range.format.columnWidth takes (0.75 pt a pixel).
 */
export function columnWidthPoints(chars: number): number {
  const width = Math.min(chars, MAX_COLUMN_WIDTH);
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}

interface Prepared {
  rows: number;
  cols: number;
  values: (string | number | boolean)[][];
  formats: string[][];
  formulas: { address: string; formula: string }[];
  bold: string[];
  fills: Map<string, string[]>;
  links: { address: string; reference: string; text: string }[];
}

function where(model: SheetModel, r: number, c: number): string {
  return `${model.name}!${formatAddress(r + 1, c + 1)}`;
}

function prepare(model: SheetModel): Prepared {
  const rows = model.rows.length;
  const cols = Math.max(0, ...model.rows.map((r) => r.length));
  const out: Prepared = {
    rows,
    cols,
    values: [],
    formats: [],
    formulas: [],
    bold: [],
    fills: new Map(),
    links: [],
  };
  model.rows.forEach((row, r) => {
    const valueRow: (string | number | boolean)[] = [];
    const formatRow: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell: SheetCell | undefined = row[c];
      const address = formatAddress(r + 1, c + 1);
      const format =
        cell?.numberFormat !== undefined && cell.numberFormat !== ""
          ? cell.numberFormat
          : "General";
      valueRow.push(cell ? literal(cell.value, format) : "");
      formatRow.push(format);
      if (!cell) continue;
      if (cell.formula !== undefined) {
        if (!SAFE_FORMULA.test(cell.formula)) {
          throw new WorkbookWriteError(
            `Formeln i ${where(model, r, c)} är inte en av Schemakolls egna.`,
          );
        }
        out.formulas.push({ address, formula: `=${cell.formula}` });
      }
      if (cell.bold === true) out.bold.push(address);
      if (cell.fill !== undefined) {
        if (!/^[0-9A-Fa-f]{8}$/.test(cell.fill)) {
          throw new WorkbookWriteError(
            `Färgen ”${cell.fill}” i ${where(model, r, c)} är ingen ARGB-färg.`,
          );
        }
        const colour = `#${cell.fill.slice(2).toUpperCase()}`;
        const list = out.fills.get(colour) ?? [];
        list.push(address);
        out.fills.set(colour, list);
      }
      if (cell.hyperlink !== undefined) {
        if (!cell.hyperlink.startsWith("#")) {
          throw new WorkbookWriteError(
            `Länken i ${where(model, r, c)} går utanför arbetsboken; Schemakoll skriver bara interna länkar.`,
          );
        }
        out.links.push({
          address,
          reference: cleanText(cell.hyperlink.slice(1)).replace(/\s+(?=[^']*$)/g, ""),
          text: cell.value === null ? "" : cleanText(String(cell.value)),
        });
      }
    }
    out.values.push(valueRow);
    out.formats.push(formatRow);
  });
  return out;
}

/** A valid, unused table name: letters, digits, _ and . only, not like a cell address. */
function tableName(taken: readonly string[], wanted: string): string {
  let base = wanted.normalize("NFC").replace(/[^\p{L}\p{N}_.]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[Rr]\d*[Cc]?\d*$/.test(base) || /^[Cc]$/.test(base)) {
    base = `_${base}`;
  }
  base = base.slice(0, 240);
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  let name = base;
  for (let i = 2; lower.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

interface PreparedChart {
  type: "Line" | "ColumnClustered";
  title: string;
  dataRange: string;
  anchor: string;
  end: string;
}

function prepareCharts(model: SheetModel): PreparedChart[] {
  return (model.charts ?? []).map((chart: ChartSpec) => {
    const data = parseRange(chart.dataRange);
    const anchor = parseAddress(chart.anchor);
    if (!data || !anchor) {
      throw new WorkbookWriteError(
        `Diagrammet ”${chart.title}” på bladet ”${model.name}” har ett ogiltigt område.`,
      );
    }
    const cols = Math.max(1, Math.floor(chart.widthColumns ?? DEFAULT_CHART_COLUMNS));
    const rows = Math.max(1, Math.floor(chart.heightRows ?? DEFAULT_CHART_ROWS));
    return {
      type: chart.type === "line" ? "Line" : "ColumnClustered",
      title: cleanText(chart.title),
      dataRange: chart.dataRange.replace(/\$/g, "").toUpperCase(),
      anchor: formatAddress(anchor.row, anchor.col),
      end: formatAddress(anchor.row + rows - 1, Math.min(16_384, anchor.col + cols - 1)),
    };
  });
}

function temporaryName(names: readonly string[]): string {
  let name = "Schemakoll_ny";
  for (let i = 2; findName(names, name) !== undefined; i++) name = `Schemakoll_ny_${i}`;
  return name;
}

export async function writeSheetModel(run: ExcelRun, model: SheetModel): Promise<void> {
  const problem = sheetNameProblem(model.name);
  if (problem !== null) throw new WorkbookWriteError(problem);
  const cells = prepare(model);
  const table = prepareTable(model);
  const charts = prepareCharts(model);
  if (table) {
    // The header cells hold the column names as the table has them.
    const row = cells.values[table.headerRow];
    const formats = cells.formats[table.headerRow];
    if (row) table.columns.forEach((name, c) => (row[c] = literal(name, formats?.[c])));
  }
  await run(async (context) => {
    // Sync 1: the sheets and the table names in use.
    const worksheets = context.workbook.worksheets.load("items/name,items/position");
    const active = worksheets.getActiveWorksheet().load("name");
    const tables = context.workbook.tables.load("items/name");
    await context.sync();
    const names = worksheets.items.map((s) => s.name);
    const old = findName(names, model.name);
    if (old === MARKS_SHEET_NAME)
      throw new WorkbookWriteError(`Bladnamnet ”${model.name}” är reserverat.`);
    const oldPosition = worksheets.items.find((s) => s.name === old)?.position;

    // Sync 2: the new sheet, written in full, then put in the old one's place.
    const batch = new WriteBatch(context);
    const sheet = context.workbook.worksheets.add(
      old === undefined ? model.name : temporaryName(names),
    );
    if (cells.rows > 0 && cells.cols > 0) {
      const last = columnLetters(cells.cols);
      // Row blocks, so that a very large sheet still fits the request budget.
      let start = 0;
      while (start < cells.rows) {
        let end = start;
        let size = 0;
        while (end < cells.rows && (end === start || size < 1_000_000)) {
          // A row's values and formats, and the comma after each row in both grids.
          size += sizeOf(cells.values[end]) + sizeOf(cells.formats[end]) + 2;
          end++;
        }
        const address = `A${start + 1}:${last}${end}`;
        const values = cells.values.slice(start, end);
        const formats = cells.formats.slice(start, end);
        await batch.add(size + sizeOf(address), () => {
          const range = sheet.getRange(address);
          // Formats first: a value is read the way its cell's format says.
          range.numberFormat = formats;
          range.values = values;
        });
        start = end;
      }
    }
    for (const { address, formula } of cells.formulas) {
      await batch.add(sizeOf(formula) + sizeOf(address), () => {
        sheet.getRange(address).formulas = [[formula]];
      });
    }
    for (const areas of areaAddresses(cells.bold)) {
      await batch.add(
        sizeOf(areas),
        () => {
          sheet.getRanges(areas).format.font.bold = true;
        },
        FILL_OVERHEAD,
      );
    }
    for (const [colour, addresses] of cells.fills) {
      for (const areas of areaAddresses(addresses)) {
        await batch.add(
          sizeOf(areas) + sizeOf(colour),
          () => {
            sheet.getRanges(areas).format.fill.color = colour;
          },
          FILL_OVERHEAD,
        );
      }
    }
    for (const link of cells.links) {
      await batch.add(sizeOf(link.reference) + sizeOf(link.text) + sizeOf(link.address), () => {
        sheet.getRange(link.address).hyperlink = {
          documentReference: link.reference,
          textToDisplay: link.text,
        };
      });
    }
    (model.columnWidths ?? []).forEach((width, i) => {
      if (!Number.isFinite(width) || width <= 0) return;
      const letters = columnLetters(i + 1);
      batch.fixed(() => {
        sheet.getRange(`${letters}:${letters}`).format.columnWidth = columnWidthPoints(width);
      });
    });
    const freeze = model.freezeRows ?? 0;
    if (Number.isInteger(freeze) && freeze > 0) {
      batch.fixed(() => {
        sheet.freezePanes.freezeRows(freeze);
      });
    }
    if (table) {
      const top = table.headerRow + 1;
      const bottom = top + Math.max(1, table.rowCount);
      const address = `A${top}:${columnLetters(table.columns.length)}${bottom}`;
      const taken = tables.items.map((t) => t.name);
      const name = tableName(taken, model.table?.name ?? "Tabell");
      batch.fixed(() => {
        const added = sheet.tables.add(address, true);
        added.name = name;
        added.style = "TableStyleMedium2";
      });
    }
    for (const chart of charts) {
      batch.fixed(() => {
        const added = sheet.charts.add(chart.type, sheet.getRange(chart.dataRange), "Auto");
        added.title.text = chart.title;
        added.setPosition(chart.anchor, chart.end);
      });
    }
    if (model.hidden === true) {
      batch.fixed(() => {
        sheet.visibility = "Hidden";
      });
    }
    if (old !== undefined) {
      batch.fixed(() => {
        if (oldPosition !== undefined) sheet.position = oldPosition;
        context.workbook.worksheets.getItem(old).delete();
        sheet.name = model.name;
        // A replaced sheet keeps its tab: active before, active after.
        if (active.name === old && model.hidden !== true) sheet.activate();
      });
    }
    await batch.flush();
  });
}
