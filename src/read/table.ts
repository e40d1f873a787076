/**
 * What the tabular readers share: a defensive view of a sheet's cells, locating the header
 * row (or reusing a stored SheetMap), the SheetMap to store, and the LAS.OKLAR findings that
 * quote a cell. Nothing here throws on odd input: a ragged row, a hole, an object a file
 * reader left in a cell are all just cells.
 */
import type { ReadFinding, SheetData, SheetMap, SourceRef } from "../domain/model";
import {
  a1,
  columnIndex,
  MAX_COLUMN_INDEX,
  columnLetter,
  formattedCellText,
  parseA1,
  plainValue,
  sheetAddress,
} from "./a1";
import {
  findHeaderRow,
  headerKey,
  matchHeaderRow,
  mayBeHeaderRow,
  type HeaderMatch,
  type LayoutSpec,
} from "./headers";
import { isBlankValue, isExcelError } from "./values";

/** What every reader returns: the items read, the findings, and what it recognised. */
export interface ReadResult<T> {
  items: T;
  findings: ReadFinding[];
  /** Null when the sheet has no header row of the layout (nothing was read). */
  map: SheetMap | null;
}

/** Options every tabular reader takes. */
export interface TableOptions {
  /**
   * A stored or hand-corrected map of this sheet: its anchor row is the header row and its
   * columns are used as they are. Ignored when it names another kind or an unknown concept.
   */
  map?: SheetMap | null;
}

const MAX_ROWS = 1_048_576;

/** The cells of a sheet, read defensively. Rows and columns are 0-based. */
export class Grid {
  readonly sheet: string;
  readonly height: number;
  /** The longest row's length. */
  readonly width: number;
  private readonly rows: readonly (readonly unknown[])[];
  private readonly formats: readonly (readonly unknown[])[];
  /** Cells `content` met holding an Excel error value, by A1 address (see errorFindings). */
  private readonly errorCells = new Map<string, { r: number; c: number }>();

  constructor(data: SheetData) {
    this.sheet = typeof data.name === "string" ? data.name : String(data.name);
    const values: unknown = data.values;
    // Excel's own limits: 1,048,576 rows, 16,384 columns; nothing beyond has an address.
    // The rows are only read, never written: a row within Excel's width is used as it is
    // (copying every row doubled the memory of a large sheet while it was read).
    const rows = Array.isArray(values) ? (values as unknown[]).slice(0, MAX_ROWS) : [];
    this.rows = rows.map((row) =>
      Array.isArray(row)
        ? row.length > MAX_COLUMN_INDEX + 1
          ? (row as unknown[]).slice(0, MAX_COLUMN_INDEX + 1)
          : (row as unknown[])
        : [],
    );
    const formats: unknown = data.numberFormats;
    this.formats = Array.isArray(formats)
      ? (formats as unknown[]).map((row) => (Array.isArray(row) ? (row as unknown[]) : []))
      : [];
    this.height = this.rows.length;
    this.width = this.rows.reduce((w, row) => Math.max(w, row.length), 0);
  }

  row(r: number): readonly unknown[] {
    return this.rows[r] ?? [];
  }

  /** The cell's plain value ("" for a missing cell). */
  value(r: number, c: number | undefined): unknown {
    if (c === undefined) return "";
    return plainValue(this.rows[r]?.[c]);
  }

  format(r: number, c: number | undefined): string | null {
    if (c === undefined) return null;
    const f = this.formats[r]?.[c];
    return typeof f === "string" ? f : null;
  }

  /** The cell as a person sees it. */
  text(r: number, c: number | undefined): string {
    if (c === undefined) return "";
    return formattedCellText(this.rows[r]?.[c], this.format(r, c));
  }

  /**
   * The cell's text trimmed, or null when the cell is blank (or the column absent). An Excel
   * error value ("#REF!") is not text anyone wrote: null, and remembered for errorFindings.
   */
  content(r: number, c: number | undefined): string | null {
    if (c === undefined || this.blank(r, c)) return null;
    if (isExcelError(this.rows[r]?.[c])) {
      this.errorCells.set(a1(r, c), { r, c });
      return null;
    }
    const text = this.text(r, c).trim();
    return text === "" ? null : text;
  }

  /** The cells `content` has met holding an Excel error value, by A1 address. */
  errorCellsSeen(): ReadonlyMap<string, { r: number; c: number }> {
    return this.errorCells;
  }

  blank(r: number, c: number | undefined): boolean {
    return c === undefined || isBlankValue(this.rows[r]?.[c]);
  }

  rowBlank(r: number): boolean {
    return this.row(r).every((v) => isBlankValue(v));
  }

  ref(r: number, c: number): SourceRef {
    return { sheet: this.sheet, cell: a1(r, c), text: this.text(r, c) };
  }

  /** The row's non-empty cells, left to right. */
  rowRefs(r: number): SourceRef[] {
    const refs: SourceRef[] = [];
    this.row(r).forEach((v, c) => {
      if (!isBlankValue(v)) refs.push(this.ref(r, c));
    });
    return refs;
  }

  /** "Aktiviteter!B7" */
  address(r: number, c: number): string {
    return sheetAddress(this.sheet, a1(r, c));
  }
}

/** A text quoted for a message, shortened past 60 characters. */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return `"${oneLine.length > 60 ? oneLine.slice(0, 59) + "…" : oneLine}"`;
}

/** A LAS.OKLAR warning about one cell. */
export function unreadable(
  grid: Grid,
  r: number,
  c: number,
  message: string,
  participantId: string | null = null,
): ReadFinding {
  return {
    ruleId: "LAS.OKLAR",
    severity: "warning",
    participantId,
    refs: [grid.ref(r, c)],
    message,
  };
}

/** `Kan inte läsa <what> "<cell text>" i Sheet!B7.` plus an optional hint. */
export function cannotRead(
  grid: Grid,
  r: number,
  c: number,
  what: string,
  hint = "",
  participantId: string | null = null,
): ReadFinding {
  const message =
    `Kan inte läsa ${what} ${quote(grid.text(r, c))} i ${grid.address(r, c)}.` +
    (hint === "" ? "" : ` ${hint}`);
  return unreadable(grid, r, c, message, participantId);
}

/**
 * A LAS.OKLAR for each cell `grid.content` found holding an Excel error value, except a cell
 * that already leads one of `findings` (e.g. a row reported as missing its participant).
 * A reader appends these to its findings when it has read its rows.
 */
export function errorFindings(grid: Grid, findings: readonly ReadFinding[]): ReadFinding[] {
  const named = new Set<string>();
  for (const f of findings) {
    const first = f.refs[0];
    if (first !== undefined && first.sheet === grid.sheet) named.add(first.cell);
  }
  const out: ReadFinding[] = [];
  for (const [cell, { r, c }] of grid.errorCellsSeen()) {
    if (named.has(cell)) continue;
    out.push(
      cannotRead(
        grid,
        r,
        c,
        "cellen",
        "Excel visar ett fel i cellen (t.ex. en trasig formel eller referens); värdet används inte. Rätta formeln eller skriv in värdet.",
      ),
    );
  }
  return out;
}

export interface LocatedTable<C extends string> {
  header: HeaderMatch<C>;
  map: SheetMap;
}

function fromStoredMap<C extends string>(
  grid: Grid,
  layout: LayoutSpec<C>,
  map: SheetMap,
): HeaderMatch<C> | null {
  if (map.kind !== layout.kind) return null;
  const anchor = parseA1(map.anchor);
  if (anchor === null || anchor.row >= grid.height) return null;
  const known = new Set<string>(layout.concepts.map((c) => c.concept));
  const columns: Partial<Record<C, number>> = {};
  const headers: Partial<Record<C, string>> = {};
  let count = 0;
  for (const [concept, letters] of Object.entries(map.columns)) {
    const index = columnIndex(letters);
    if (!known.has(concept) || index === null || index >= grid.width) return null;
    columns[concept as C] = index;
    headers[concept as C] = headerKey(grid.value(anchor.row, index));
    count++;
  }
  const meets = layout.required.every((group) => group.some((c) => columns[c] !== undefined));
  return meets ? { row: anchor.row, columns, headers, count } : null;
}

/** The folded texts of a header row's cells, joined: a fingerprint to notice a changed sheet. */
export function signatureOf(grid: Grid, row: number): string {
  return grid
    .row(row)
    .map((v) => headerKey(v))
    .filter((k) => k !== "")
    .join("|");
}

/**
 * Finds the layout's header row (or takes it from a stored map that still fits) and builds
 * the SheetMap: anchor = the header's first recognised cell, columns = concept → letter.
 */
export function locateTable<C extends string>(
  grid: Grid,
  layout: LayoutSpec<C>,
  options: TableOptions = {},
): LocatedTable<C> | null {
  const stored = options.map ?? null;
  const fromMap = stored === null ? null : fromStoredMap(grid, layout, stored);
  const header =
    fromMap ??
    findHeaderRow(
      Array.from({ length: grid.height }, (_, r) => grid.row(r)),
      layout,
    );
  if (header === null) return null;
  const columns: Record<string, string> = {};
  let first = Number.POSITIVE_INFINITY;
  for (const { concept } of layout.concepts) {
    const c = header.columns[concept];
    if (c === undefined) continue;
    columns[concept] = columnLetter(c);
    first = Math.min(first, c);
  }
  const map: SheetMap = {
    sheet: grid.sheet,
    kind: layout.kind,
    anchor: a1(header.row, Number.isFinite(first) ? first : 0),
    columns,
    participant: null,
    programme: null,
    signature: signatureOf(grid, header.row),
    manual: fromMap !== null ? (stored?.manual ?? false) : false,
  };
  return { header, map };
}

/**
 * The data rows below the header, skipping blank rows and rows that repeat the header (a
 * table printed in sections). Each row that has any content is yielded: a reader must either
 * read it or report it.
 */
export function* dataRows<C extends string>(
  grid: Grid,
  layout: LayoutSpec<C>,
  header: HeaderMatch<C>,
): Generator<number> {
  for (let r = header.row + 1; r < grid.height; r++) {
    if (grid.rowBlank(r)) continue;
    const row = grid.row(r);
    if (mayBeHeaderRow(row, layout) && matchHeaderRow(row, layout, r) !== null) continue;
    yield r;
  }
}

/**
 * The data rows of a list whose rows each belong to a participant: yields the row with its
 * participant id, and reports a row that has content but no participant (LAS.OKLAR).
 */
export function* participantRows<C extends string>(
  grid: Grid,
  layout: LayoutSpec<C>,
  header: HeaderMatch<C>,
  participantColumn: number,
  findings: ReadFinding[],
): Generator<{ r: number; participantId: string }> {
  for (const r of dataRows(grid, layout, header)) {
    const participantId = grid.content(r, participantColumn);
    if (participantId === null) {
      findings.push({
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: null,
        refs: [grid.ref(r, participantColumn), ...grid.rowRefs(r)],
        message: `Raden har uppgifter men saknar deltagare i ${grid.address(r, participantColumn)}.`,
      });
      continue;
    }
    yield { r, participantId };
  }
}
