/**
 * An in-memory Excel with the load/sync semantics of the Excel JavaScript API, for the surface
 * the Office port uses and nothing more. Proxy objects queue their writes and loads; sync()
 * applies them in order; a property read before it was loaded and synced throws
 * PropertyNotLoaded, as Office does. Every sync is counted and its request measured: the UTF-8
 * bytes of the JSON of the queued operations, plus the arguments of the object paths made since
 * the last sync (a sheet's name, a range's or RangeAreas' address, a note's cell), which Office
 * sends as well; proxies are counted.
 *
 * Responses are measured too: the UTF-8 bytes of the JSON of what every load and every
 * ClientResult of the sync returns — per loaded object its loaded properties as one object
 * ({"address":…,"values":[[…]],"numberFormat":[[…]]}, a collection's items as an array of such
 * objects, isNullObject where the proxy is nullable), a getCellProperties result as its grid of
 * property objects — plus one byte per result. That is the data Office.js's response carries for
 * them, without its framing ({"Results":[{"ActionId":…,"Value":{"_ReferenceId":…, …}}]}: some tens
 * of bytes per result), the same approximation as for requests. A sync whose response passes
 * maxResponseBytes fails with ResponsePayloadSizeLimitExceeded (Excel on the web's code for a
 * response over its 5 MB; RequestPayloadSizeLimitExceeded is the request's) and delivers
 * nothing: no property it loaded becomes readable, as a failed sync in Office. Its writes stay
 * applied (Excel ran the batch before the response was too large to send).
 *
 * Plain TypeScript without Node imports: the browser E2E tests bundle it into a page.
 *
 * Cells behave like Excel's where it matters for safety: a string written through `values`
 * or `formulas` that starts with "=" (or with "+", "-", "@" and is not a plain number) becomes
 * a FORMULA unless the cell's number format is "@" or the string starts with an apostrophe
 * (which Excel keeps as a prefix, not as text); "123" becomes a number, "TRUE" a boolean.
 */
import { cellKey, parseRect, quoteSheet, rectAddress, type Rect } from "./address";

export type CellValue = string | number | boolean;

export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
}

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** "#RRGGBB" or null (no fill). */
  fill: string | null;
  bold: boolean;
  hyperlink: FakeHyperlink | null;
}

/** What cellsOf gives per cell that holds anything. */
export interface CellSnapshot {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  note: string | null;
  hyperlink: FakeHyperlink | null;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface TableRecord {
  name: string;
  address: string;
  hasHeaders: boolean;
  style: string | null;
}

export interface ChartRecord {
  type: string;
  /** The source range on the chart's own sheet ("A12:B14"). */
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string | null } | null;
}

export interface FakeSheetInit {
  name: string;
  values: unknown[][];
  numberFormats?: string[][];
  fills?: (string | null)[][];
  notes?: (string | null)[][];
  visibility?: Visibility;
}

export interface FakeOptions {
  /** Requirement sets this Excel supports; every set and version by default. */
  isSetSupported?: (set: string, version: string) => boolean;
  /** Whether defined names evaluate LAMBDA (true by default). */
  lambda?: boolean;
  /** Largest request accepted (Excel on the web: 5 MB). */
  maxRequestBytes?: number;
  /**
   * Largest response delivered (Excel on the web: 5 MB, 5 000 000 here: Microsoft's "5 MB" read
   * as the smaller figure); Infinity switches the check off. Measured either way.
   */
  maxResponseBytes?: number;
}

interface SheetState {
  id: number;
  name: string;
  visibility: Visibility;
  cells: Map<string, FakeCell>;
  notes: Map<string, string>;
  tables: TableRecord[];
  charts: ChartRecord[];
  frozenRows: number;
  /** Column number → width in points. */
  columnWidths: Map<number, number>;
}

interface NameState {
  name: string;
  formula: string;
  comment: string;
}

/** Errors as Office reports them: a code and a message. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const GENERAL = "General";
const ADDRESS_LIMIT = 8_192;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function emptyCell(): FakeCell {
  return {
    value: "",
    formula: null,
    numberFormat: GENERAL,
    fill: null,
    bold: false,
    hyperlink: null,
  };
}

function isDefault(cell: FakeCell, note: string | undefined): boolean {
  return (
    cell.value === "" &&
    cell.formula === null &&
    cell.numberFormat === GENERAL &&
    cell.fill === null &&
    !cell.bold &&
    cell.hyperlink === null &&
    note === undefined
  );
}

function normalizeColor(color: string): string {
  const hex = color.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `#${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return `#${hex.slice(2)}`;
  throw new FakeOfficeError("InvalidArgument", `Bad colour ${color}`);
}

function normalizeCellAddress(address: string): string {
  const rect = parseRect(address);
  return cellKey(rect.top, rect.left);
}

/** The whole workbook's state, and the run function the port is given. */
export class FakeExcel {
  syncCount = 0;
  largestRequestBytes = 0;
  proxyCount = 0;
  /** Each sync's request size, in order. */
  requestSizes: number[] = [];
  /** The largest response of a sync, refused or not. */
  largestResponseBytes = 0;
  /** The largest response delivered (at most maxResponseBytes). */
  largestDeliveredResponseBytes = 0;
  /** Each sync's response size, in order (a refused one's too). */
  responseSizes: number[] = [];
  /** Syncs that failed because their response passed maxResponseBytes. */
  responseLimitFailures = 0;
  suspendCalculationCalls = 0;
  /** The longest address given to worksheet.getRanges. */
  longestAreasAddress = 0;
  selection: { sheet: string; address: string } | null = null;
  readonly isSetSupported: (set: string, version: string) => boolean;
  readonly lambda: boolean;
  readonly maxRequestBytes: number;
  maxResponseBytes: number;
  /** Sheets in tab order. */
  sheets: SheetState[] = [];
  names: NameState[] = [];
  activeSheetId = 0;
  /**
   * Test hook: operation `index` (0-based, in queue order) of sync number `sync` (counted since
   * resetCounters) fails with `code`. The operations before it stay applied and the ones after
   * it are not, as Excel applies a batch in order and stops at the first failing operation.
   */
  failOperation: { sync: number; index: number; code: string } | null = null;
  /** Whether failOperation fired. */
  failedOperation = false;
  /**
   * Test hook: runs at the start of every sync (its number since resetCounters) before its
   * operations apply, to change the workbook between two syncs as a user could.
   */
  beforeSync: ((sync: number) => void) | null = null;
  private nextId = 1;

  constructor(options: FakeOptions = {}) {
    this.isSetSupported = options.isSetSupported ?? (() => true);
    this.lambda = options.lambda ?? true;
    this.maxRequestBytes = options.maxRequestBytes ?? 5 * 1024 * 1024;
    this.maxResponseBytes = options.maxResponseBytes ?? 5_000_000;
  }

  static fromSheets(sheets: FakeSheetInit[], options?: FakeOptions): FakeExcel {
    const fake = new FakeExcel(options);
    for (const init of sheets) {
      const sheet = fake.addSheet(init.name);
      sheet.visibility = init.visibility ?? "Visible";
      init.values.forEach((row, r) => {
        row.forEach((value, c) => {
          if (value === "" || value === null || value === undefined) return;
          const cell = fake.cellAt(sheet, r + 1, c + 1);
          if (typeof value === "number" || typeof value === "boolean") cell.value = value;
          else if (typeof value === "string") cell.value = value;
          else throw new Error(`fake: unsupported initial value ${JSON.stringify(value)}`);
        });
      });
      init.numberFormats?.forEach((row, r) => {
        row.forEach((format, c) => {
          if (format !== GENERAL) fake.cellAt(sheet, r + 1, c + 1).numberFormat = format;
        });
      });
      init.fills?.forEach((row, r) => {
        row.forEach((fill, c) => {
          if (fill !== null) fake.cellAt(sheet, r + 1, c + 1).fill = normalizeColor(fill);
        });
      });
      init.notes?.forEach((row, r) => {
        row.forEach((note, c) => {
          if (note !== null) sheet.notes.set(cellKey(r + 1, c + 1), note);
        });
      });
    }
    const firstVisible = fake.sheets.find((s) => s.visibility === "Visible");
    fake.activeSheetId = firstVisible?.id ?? 0;
    return fake;
  }

  /** Runs a batch like Excel.run: a fresh request context, the batch's result. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  /** Same as resetCounters. */
  reset(): void {
    this.resetCounters();
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.largestRequestBytes = 0;
    this.proxyCount = 0;
    this.requestSizes = [];
    this.largestResponseBytes = 0;
    this.largestDeliveredResponseBytes = 0;
    this.responseSizes = [];
    this.responseLimitFailures = 0;
    this.suspendCalculationCalls = 0;
    this.longestAreasAddress = 0;
  }

  // ---- snapshots for tests -------------------------------------------------------------

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  sheet(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`fake: no sheet ${name}`);
    return sheet;
  }

  activeSheetName(): string | undefined {
    return this.sheets.find((s) => s.id === this.activeSheetId)?.name;
  }

  /** Every cell holding anything (value, formula, format, fill, bold, note, link), by address. */
  cellsOf(sheetName: string): Record<string, CellSnapshot> {
    const sheet = this.sheet(sheetName);
    const out: Record<string, CellSnapshot> = {};
    const keys = new Set([...sheet.cells.keys(), ...sheet.notes.keys()]);
    for (const key of [...keys].sort()) {
      const cell = sheet.cells.get(key) ?? emptyCell();
      const note = sheet.notes.get(key);
      if (isDefault(cell, note)) continue;
      out[key] = {
        value: cell.value,
        formula: cell.formula,
        numberFormat: cell.numberFormat,
        fill: cell.fill,
        bold: cell.bold,
        note: note ?? null,
        hyperlink: cell.hyperlink === null ? null : { ...cell.hyperlink },
      };
    }
    return out;
  }

  /** Values from A1 to the last cell holding a value, "" elsewhere (like the file port). */
  valuesOf(sheetName: string): CellValue[][] {
    const sheet = this.sheet(sheetName);
    const rect = this.usedRect(sheet, true);
    if (!rect) return [];
    return this.grid(
      { top: 1, left: 1, bottom: rect.bottom, right: rect.right },
      sheet,
      (c) => c.value,
    );
  }

  /** Deletes a sheet as a user would (no checks). */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? 0;
    }
  }

  // ---- internals used by the proxies ---------------------------------------------------

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetState {
    if (this.findSheet(name)) {
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    }
    const sheet: SheetState = {
      id: this.nextId++,
      name,
      visibility: "Visible",
      cells: new Map(),
      notes: new Map(),
      tables: [],
      charts: [],
      frozenRows: 0,
      columnWidths: new Map(),
    };
    this.sheets.push(sheet);
    if (this.activeSheetId === 0) this.activeSheetId = sheet.id;
    return sheet;
  }

  cellAt(sheet: SheetState, row: number, col: number): FakeCell {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  peek(sheet: SheetState, row: number, col: number): FakeCell {
    return sheet.cells.get(cellKey(row, col)) ?? emptyCell();
  }

  /** The used range: cells with values (valuesOnly) or with anything. */
  usedRect(sheet: SheetState, valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    const keys = valuesOnly
      ? [...sheet.cells.keys()]
      : [...sheet.cells.keys(), ...sheet.notes.keys()];
    for (const key of keys) {
      const cell = sheet.cells.get(key) ?? emptyCell();
      if (
        valuesOnly
          ? cell.value === "" && cell.formula === null
          : isDefault(cell, sheet.notes.get(key))
      ) {
        continue;
      }
      const at = parseRect(key);
      rect = rect
        ? {
            top: Math.min(rect.top, at.top),
            left: Math.min(rect.left, at.left),
            bottom: Math.max(rect.bottom, at.bottom),
            right: Math.max(rect.right, at.right),
          }
        : at;
    }
    return rect;
  }

  grid<T>(rect: Rect, sheet: SheetState, pick: (cell: FakeCell, key: string) => T): T[][] {
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (cells > 20_000_000)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "Too big");
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: T[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        row.push(pick(this.peek(sheet, r, c), cellKey(r, c)));
      }
      out.push(row);
    }
    return out;
  }

  /** Writes one value as Excel does when a value is set through the API. */
  writeValue(sheet: SheetState, row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) return;
    const cell = this.cellAt(sheet, row, col);
    cell.formula = null;
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
      return;
    }
    if (typeof input !== "string") {
      throw new FakeOfficeError("InvalidArgument", `Bad value ${JSON.stringify(input)}`);
    }
    if (cell.numberFormat === "@") {
      cell.value = input;
      return;
    }
    if (input.startsWith("'")) {
      cell.value = input.slice(1);
      return;
    }
    const first = input.charAt(0);
    if (
      first === "=" ||
      ((first === "+" || first === "-" || first === "@") && !PLAIN_NUMBER.test(input))
    ) {
      cell.formula = first === "=" ? input : `=${input}`;
      cell.value = this.evaluate(sheet, cell.formula);
      return;
    }
    if (PLAIN_NUMBER.test(input.trim())) {
      cell.value = Number(input);
      return;
    }
    if (/^(true|false)$/i.test(input)) {
      cell.value = input.toLowerCase() === "true";
      return;
    }
    cell.value = input;
  }

  /** SUM/COUNT/COUNTA/SUBTOTAL(109) over a range; anything else is #NAME?. */
  private evaluate(sheet: SheetState, formula: string): CellValue {
    const m = /^=(SUM|COUNT|COUNTA|SUBTOTAL)\((?:109,)?([$A-Z0-9]+:[$A-Z0-9]+)\)$/.exec(formula);
    if (!m) return "#NAME?";
    const rect = parseRect((m[2] ?? "").replace(/\$/g, ""));
    const values = this.grid(rect, sheet, (c) => c.value).flat();
    switch (m[1]) {
      case "COUNT":
        return values.filter((v) => typeof v === "number").length;
      case "COUNTA":
        return values.filter((v) => v !== "").length;
      default:
        return values.reduce<number>((sum, v) => (typeof v === "number" ? sum + v : sum), 0);
    }
  }

  notesSupported(): boolean {
    return this.isSetSupported("ExcelApi", "1.18");
  }

  requireNotes(): void {
    if (!this.notesSupported()) {
      throw new FakeOfficeError("ApiNotFound", "The notes API is not supported (ExcelApi 1.18).");
    }
  }

  /** A name's value: LAMBDA(p,p+N)(M) evaluates to M+N where LAMBDA is supported. */
  nameValue(formula: string): unknown {
    if (/LAMBDA\(/i.test(formula)) {
      if (!this.lambda) return "#NAME?";
      const m = /^=LAMBDA\((\w+),\s*\1\s*\+\s*(\d+)\)\((\d+)\)$/i.exec(formula);
      return m ? Number(m[3]) + Number(m[2]) : "#CALC!";
    }
    const plain = formula.replace(/^=/, "");
    return PLAIN_NUMBER.test(plain) ? Number(plain) : plain;
  }
}

// ---- the request context and its proxies ------------------------------------------------

interface QueuedOperation {
  description: unknown;
  apply: () => void;
}

function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function loadList(options?: string | string[] | { select?: string }): string[] {
  if (options === undefined) return [];
  const text = Array.isArray(options)
    ? options.join(",")
    : typeof options === "string"
      ? options
      : (options.select ?? "");
  return text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** The UTF-8 length of a text (Excel's limit is in bytes; "å" is two). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private queue: QueuedOperation[] = [];
  /** Bytes of the object paths (their arguments) made since the last sync. */
  private pathBytes = 0;
  /** The sync being applied: its response bytes so far, and what it delivers if it succeeds. */
  private responseBytes = 0;
  private deliveries: (() => void)[] = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }

  enqueue(description: unknown, apply: () => void): void {
    this.queue.push({ description, apply });
  }

  /** An object path with arguments (getItem(name), getRange(address) …) goes into the request. */
  path(description: unknown): void {
    this.pathBytes += utf8Bytes(JSON.stringify(description)) + 1;
  }

  /**
   * A result of the sync being applied: `data` (what Office would send back) is measured, and
   * `deliver` makes it readable once the whole sync succeeded.
   */
  respond(data: unknown, deliver: () => void): void {
    this.responseBytes += utf8Bytes(JSON.stringify(data)) + 1;
    this.deliveries.push(deliver);
  }

  sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const fake = this.fake;
    fake.syncCount++;
    const bytes = utf8Bytes(JSON.stringify(queue.map((q) => q.description))) + this.pathBytes;
    this.pathBytes = 0;
    fake.requestSizes.push(bytes);
    fake.largestRequestBytes = Math.max(fake.largestRequestBytes, bytes);
    if (bytes > fake.maxRequestBytes) {
      return Promise.reject(
        new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload is too large."),
      );
    }
    fake.beforeSync?.(fake.syncCount);
    const failure = fake.failOperation;
    this.responseBytes = 0;
    this.deliveries = [];
    try {
      for (const [index, op] of queue.entries()) {
        if (failure && failure.sync === fake.syncCount && failure.index === index) {
          fake.failedOperation = true;
          throw new FakeOfficeError(failure.code, `fake: operation ${index} fails.`);
        }
        op.apply();
      }
    } catch (error) {
      this.deliveries = [];
      return Promise.reject(
        error instanceof FakeOfficeError
          ? error
          : new FakeOfficeError(
              "InvalidArgument",
              error instanceof Error ? error.message : "error",
            ),
      );
    }
    const response = this.responseBytes;
    const deliveries = this.deliveries;
    this.deliveries = [];
    fake.responseSizes.push(response);
    fake.largestResponseBytes = Math.max(fake.largestResponseBytes, response);
    if (response > fake.maxResponseBytes) {
      fake.responseLimitFailures++;
      return Promise.reject(
        new FakeOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit.",
        ),
      );
    }
    fake.largestDeliveredResponseBytes = Math.max(fake.largestDeliveredResponseBytes, response);
    for (const deliver of deliveries) deliver();
    return Promise.resolve();
  }

  trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
}

abstract class FakeProxy {
  protected loaded = new Map<string, unknown>();

  constructor(protected readonly ctx: FakeRequestContext) {
    ctx.fake.proxyCount++;
  }

  get context(): FakeRequestContext {
    return this.ctx;
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the property's type
  protected got<T>(property: string): T {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** Makes properties read at sync time readable (once the sync succeeded). */
  deliver(data: Record<string, unknown>): void {
    for (const [p, value] of Object.entries(data)) this.loaded.set(p, value);
  }

  /** Reads a property from the state at sync time. */
  protected abstract read(property: string): unknown;

  /** For an *OrNullObject proxy: whether it points at nothing (undefined: not nullable). */
  protected isNull(): boolean | undefined {
    return undefined;
  }

  load(options?: string | string[] | { select?: string }): this {
    const properties = loadList(options);
    this.ctx.enqueue({ op: "load", properties }, () => {
      const data: Record<string, unknown> = {};
      const isNull = this.isNull();
      if (isNull !== undefined) data.isNullObject = isNull;
      // A null object loads nothing but isNullObject; its other properties stay unreadable.
      if (isNull !== true) for (const p of properties) data[p] = this.read(p);
      this.ctx.respond(data, () => {
        this.deliver(data);
      });
    });
    return this;
  }
}

class FakeApplication extends FakeProxy {
  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ op: "suspendApiCalculationUntilNextSync" }, () => {
      this.ctx.fake.suspendCalculationCalls++;
    });
  }
}

class FakeClientResult<T> {
  private result: { value: T } | null = null;

  get value(): T {
    if (this.result === null) throw notLoaded("value");
    return this.result.value;
  }

  set(value: T): void {
    this.result = { value };
  }
}

class FakeWorkbook extends FakeProxy {
  readonly application: FakeApplication;
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeWorkbookTables;

  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.application = new FakeApplication(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeWorkbookTables(ctx);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }
}

type SheetResolver = () => SheetState | null;

/**
 * A collection whose load("items/…") snapshots every item at sync and delivers them together
 * (the worksheets, the workbook's names).
 */
abstract class FakeItemCollection<
  T extends FakeProxy & { snapshot(properties: string[]): Record<string, unknown> },
> extends FakeProxy {
  private loadedItems: T[] | null = null;

  /** The operation's name in the queued request ("loadWorksheets"). */
  protected abstract readonly loadOp: string;

  /** A proxy for every item as the workbook has them at sync. */
  protected abstract currentItems(): T[];

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  get items(): T[] {
    if (this.loadedItems === null) throw notLoaded("items");
    return this.loadedItems;
  }

  override load(options?: string | string[] | { select?: string }): this {
    const properties = loadList(options).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({ op: this.loadOp, properties }, () => {
      const items = this.currentItems().map((item) => ({
        item,
        data: item.snapshot(properties),
      }));
      this.ctx.respond(
        items.map((i) => i.data),
        () => {
          for (const { item, data } of items) item.deliver(data);
          this.loadedItems = items.map((i) => i.item);
        },
      );
    });
    return this;
  }
}

class FakeWorksheetCollection extends FakeItemCollection<FakeWorksheet> {
  protected readonly loadOp = "loadWorksheets";

  protected currentItems(): FakeWorksheet[] {
    return this.ctx.fake.sheets.map((state) => new FakeWorksheet(this.ctx, () => state, false));
  }

  getItem(name: string): FakeWorksheet {
    this.ctx.path({ path: "getItem", name });
    return new FakeWorksheet(this.ctx, this.byName(name, true), false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.path({ path: "getItemOrNullObject", name });
    return new FakeWorksheet(this.ctx, this.byName(name, false), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    const fake = this.ctx.fake;
    return new FakeWorksheet(
      this.ctx,
      () => fake.sheets.find((s) => s.id === fake.activeSheetId) ?? null,
      false,
    );
  }

  add(name: string): FakeWorksheet {
    let created: SheetState | null = null;
    this.ctx.enqueue({ op: "addWorksheet", name }, () => {
      created = this.ctx.fake.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => created, false);
  }

  private byName(name: string, required: boolean): SheetResolver {
    let found: SheetState | null = null;
    return () => {
      if (found && this.ctx.fake.sheets.includes(found)) return found;
      found = this.ctx.fake.findSheet(name) ?? null;
      if (!found && required) {
        throw new FakeOfficeError("ItemNotFound", `The worksheet ${name} does not exist.`);
      }
      return found;
    };
  }
}

class FakeWorksheet extends FakeProxy {
  readonly notes: FakeNoteCollection;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;
  readonly freezePanes: FakeFreezePanes;

  constructor(
    ctx: FakeRequestContext,
    readonly resolve: SheetResolver,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    this.notes = new FakeNoteCollection(ctx, () => this.state());
    this.tables = new FakeTableCollection(ctx, () => this.state());
    this.charts = new FakeChartCollection(ctx, () => this.state());
    this.freezePanes = new FakeFreezePanes(ctx, () => this.state());
  }

  /** The sheet, or ItemNotFound (an operation on a missing sheet fails the batch). */
  state(): SheetState {
    const sheet = this.resolve();
    if (!sheet) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist.");
    return sheet;
  }

  /** The properties' values now (what a collection's load returns for this item). */
  snapshot(properties: string[]): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const p of properties) data[p] = this.read(p);
    return data;
  }

  protected override isNull(): boolean | undefined {
    return this.nullable ? this.resolve() === null : undefined;
  }

  protected read(property: string): unknown {
    const sheet = this.state();
    switch (property) {
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.ctx.fake.sheets.indexOf(sheet);
      case "id":
        return String(sheet.id);
      default:
        throw new FakeOfficeError("InvalidArgument", `fake: worksheet.${property} not supported`);
    }
  }

  get isNullObject(): boolean {
    return this.got("isNullObject");
  }

  get name(): string {
    return this.got("name");
  }

  set name(name: string) {
    this.ctx.enqueue({ op: "setName", name }, () => {
      const sheet = this.state();
      const other = this.ctx.fake.findSheet(name);
      if (other && other !== sheet) {
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      }
      sheet.name = name;
    });
  }

  get visibility(): Visibility {
    return this.got("visibility");
  }

  set visibility(visibility: Visibility) {
    this.ctx.enqueue({ op: "setVisibility", visibility }, () => {
      const sheet = this.state();
      const fake = this.ctx.fake;
      if (
        visibility !== "Visible" &&
        !fake.sheets.some((s) => s !== sheet && s.visibility === "Visible")
      ) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep one visible sheet.");
      }
      sheet.visibility = visibility;
      if (visibility !== "Visible" && fake.activeSheetId === sheet.id) {
        fake.activeSheetId = fake.sheets.find((s) => s.visibility === "Visible")?.id ?? 0;
      }
    });
  }

  get position(): number {
    return this.got("position");
  }

  set position(position: number) {
    this.ctx.enqueue({ op: "setPosition", position }, () => {
      const sheet = this.state();
      const sheets = this.ctx.fake.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(Math.max(0, position), sheets.length), 0, sheet);
    });
  }

  activate(): void {
    this.ctx.enqueue({ op: "activate" }, () => {
      const sheet = this.state();
      if (sheet.visibility !== "Visible") {
        throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.");
      }
      this.ctx.fake.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.ctx.enqueue({ op: "deleteWorksheet" }, () => {
      const sheet = this.state();
      const fake = this.ctx.fake;
      if (!fake.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new FakeOfficeError("InvalidOperation", "The last visible sheet cannot be deleted.");
      }
      fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
      if (fake.activeSheetId === sheet.id) {
        fake.activeSheetId = fake.sheets.find((s) => s.visibility === "Visible")?.id ?? 0;
      }
    });
  }

  getRange(address?: string): FakeRange {
    const text = address ?? "A1";
    this.ctx.path({ path: "getRange", address: text });
    return new FakeRange(this.ctx, () => ({ sheet: this.state(), rect: parseRect(text) }), false);
  }

  getRanges(address: string): FakeRangeAreas {
    this.ctx.fake.longestAreasAddress = Math.max(this.ctx.fake.longestAreasAddress, address.length);
    this.ctx.path({ path: "getRanges", address });
    return new FakeRangeAreas(this.ctx, () => this.state(), address);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.state();
        const rect = this.ctx.fake.usedRect(sheet, valuesOnly === true);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }
}

type RangeResolver = () => { sheet: SheetState; rect: Rect } | null;

interface CellPropertiesOptions {
  address?: boolean;
  format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { bold?: boolean } };
}

class FakeRange extends FakeProxy {
  readonly format: FakeRangeFormat;
  private memo: { sheet: SheetState; rect: Rect } | null | undefined = undefined;

  constructor(
    ctx: FakeRequestContext,
    private readonly resolver: RangeResolver,
    private readonly nullable: boolean,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, () => this.cells());
  }

  private target(): { sheet: SheetState; rect: Rect } | null {
    if (this.memo === undefined) this.memo = this.resolver();
    return this.memo;
  }

  private required(): { sheet: SheetState; rect: Rect } {
    const t = this.target();
    if (!t) throw new FakeOfficeError("ItemNotFound", "The range does not exist.");
    return t;
  }

  private cells(): { sheet: SheetState; rects: Rect[] } {
    const t = this.required();
    return { sheet: t.sheet, rects: [t.rect] };
  }

  protected override isNull(): boolean | undefined {
    return this.nullable ? this.target() === null : undefined;
  }

  protected read(property: string): unknown {
    const { sheet, rect } = this.required();
    const fake = this.ctx.fake;
    switch (property) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "values":
        return fake.grid(rect, sheet, (c) => c.value);
      case "formulas":
        return fake.grid(rect, sheet, (c) => c.formula ?? c.value);
      case "numberFormat":
        return fake.grid(rect, sheet, (c) => c.numberFormat);
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      default:
        throw new FakeOfficeError("InvalidArgument", `fake: range.${property} not supported`);
    }
  }

  get isNullObject(): boolean {
    return this.got("isNullObject");
  }

  /** The address without its sheet (a chart's source), at sync time, without a load. */
  readLocalAddress(): string {
    return rectAddress(this.required().rect);
  }

  get address(): string {
    return this.got("address");
  }

  get values(): unknown[][] {
    return this.got("values");
  }

  set values(values: unknown) {
    this.ctx.enqueue({ op: "setValues", values }, () => {
      this.writeGrid(values, (sheet, r, c, v) => {
        this.ctx.fake.writeValue(sheet, r, c, v);
      });
    });
  }

  get formulas(): unknown[][] {
    return this.got("formulas");
  }

  set formulas(formulas: unknown) {
    this.ctx.enqueue({ op: "setFormulas", formulas }, () => {
      this.writeGrid(formulas, (sheet, r, c, v) => {
        this.ctx.fake.writeValue(sheet, r, c, v);
      });
    });
  }

  get numberFormat(): string[][] {
    return this.got("numberFormat");
  }

  set numberFormat(formats: unknown) {
    this.ctx.enqueue({ op: "setNumberFormat", formats }, () => {
      this.writeGrid(formats, (sheet, r, c, v) => {
        if (v === null || v === undefined) return;
        if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", "Bad format");
        this.ctx.fake.cellAt(sheet, r, c).numberFormat = v;
      });
    });
  }

  set hyperlink(link: FakeHyperlink) {
    this.ctx.enqueue({ op: "setHyperlink", link }, () => {
      const { sheet, rect } = this.required();
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = this.ctx.fake.cellAt(sheet, r, c);
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined) {
            cell.value = link.textToDisplay;
            cell.formula = null;
          }
        }
      }
    });
  }

  private writeGrid(
    input: unknown,
    write: (sheet: SheetState, row: number, col: number, value: unknown) => void,
  ): void {
    const { sheet, rect } = this.required();
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    if (!Array.isArray(input)) {
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) write(sheet, rect.top + r, rect.left + c, input);
      }
      return;
    }
    const grid = input as unknown[];
    if (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      );
    }
    (grid as unknown[][]).forEach((row, r) => {
      row.forEach((v, c) => {
        write(sheet, rect.top + r, rect.left + c, v);
      });
    });
  }

  getCellProperties(options: CellPropertiesOptions): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>();
    this.ctx.enqueue({ op: "getCellProperties", options }, () => {
      const { sheet, rect } = this.required();
      const grid = this.ctx.fake.grid(rect, sheet, (cell, key) => {
        const out: Record<string, unknown> = {};
        if (options.address === true) out.address = `${quoteSheet(sheet.name)}!${key}`;
        const format: Record<string, unknown> = {};
        if (options.format?.fill) {
          const fill: Record<string, unknown> = {};
          if (options.format.fill.color === true) fill.color = cell.fill ?? "#FFFFFF";
          if (options.format.fill.pattern === true) {
            fill.pattern = cell.fill === null ? "None" : "Solid";
          }
          format.fill = fill;
        }
        if (options.format?.font?.bold === true) format.font = { bold: cell.bold };
        if (options.format) out.format = format;
        return out;
      });
      this.ctx.respond(grid, () => {
        result.set(grid);
      });
    });
    return result;
  }

  clear(applyTo?: string): void {
    this.ctx.enqueue({ op: "clear", applyTo }, () => {
      const { sheet, rect } = this.required();
      const what = applyTo ?? "All";
      for (const [key, cell] of sheet.cells) {
        const at = parseRect(key);
        if (
          at.top < rect.top ||
          at.top > rect.bottom ||
          at.left < rect.left ||
          at.left > rect.right
        ) {
          continue;
        }
        if (what === "Contents" || what === "All") {
          cell.value = "";
          cell.formula = null;
        }
        if (what === "Formats" || what === "All") {
          cell.numberFormat = GENERAL;
          cell.fill = null;
          cell.bold = false;
        }
      }
    });
  }

  select(): void {
    this.ctx.enqueue({ op: "select" }, () => {
      const { sheet, rect } = this.required();
      if (sheet.id !== this.ctx.fake.activeSheetId) {
        throw new FakeOfficeError("InvalidSelection", "The range is not on the active sheet.");
      }
      this.ctx.fake.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }
}

class FakeRangeAreas extends FakeProxy {
  readonly format: FakeRangeFormat;

  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
    private readonly addressText: string,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, () => this.cells());
  }

  private cells(): { sheet: SheetState; rects: Rect[] } {
    if (this.addressText.length > ADDRESS_LIMIT) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The address of getRanges is longer than ${ADDRESS_LIMIT} characters.`,
      );
    }
    return { sheet: this.sheet(), rects: this.addressText.split(",").map((a) => parseRect(a)) };
  }

  protected read(property: string): unknown {
    const { sheet, rects } = this.cells();
    if (property === "address") {
      return rects.map((r) => `${quoteSheet(sheet.name)}!${rectAddress(r)}`).join(",");
    }
    throw new FakeOfficeError("InvalidArgument", `fake: rangeAreas.${property} not supported`);
  }

  get address(): string {
    return this.got("address");
  }

  select(): void {
    this.ctx.enqueue({ op: "selectAreas", address: this.addressText }, () => {
      const { sheet, rects } = this.cells();
      if (sheet.id !== this.ctx.fake.activeSheetId) {
        throw new FakeOfficeError("InvalidSelection", "The ranges are not on the active sheet.");
      }
      this.ctx.fake.selection = { sheet: sheet.name, address: rects.map(rectAddress).join(",") };
    });
  }
}

type CellsResolver = () => { sheet: SheetState; rects: Rect[] };

function eachCell(fake: FakeExcel, resolve: CellsResolver, change: (cell: FakeCell) => void): void {
  const { sheet, rects } = resolve();
  for (const rect of rects) {
    const size = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (size > 5_000_000) throw new FakeOfficeError("InvalidArgument", "fake: range too large");
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) change(fake.cellAt(sheet, r, c));
    }
  }
}

class FakeRangeFormat extends FakeProxy {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;

  constructor(
    ctx: FakeRequestContext,
    private readonly cells: CellsResolver,
  ) {
    super(ctx);
    this.fill = new FakeRangeFill(ctx, cells);
    this.font = new FakeRangeFont(ctx, cells);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  set columnWidth(points: number) {
    this.ctx.enqueue({ op: "setColumnWidth", points }, () => {
      const { sheet, rects } = this.cells();
      for (const rect of rects) {
        for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
      }
    });
  }
}

class FakeRangeFill extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly cells: CellsResolver,
  ) {
    super(ctx);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  set color(color: string) {
    this.ctx.enqueue({ op: "setFill", color }, () => {
      const normalized = normalizeColor(color);
      eachCell(this.ctx.fake, this.cells, (cell) => {
        cell.fill = normalized;
      });
    });
  }

  clear(): void {
    this.ctx.enqueue({ op: "clearFill" }, () => {
      eachCell(this.ctx.fake, this.cells, (cell) => {
        cell.fill = null;
      });
    });
  }
}

class FakeRangeFont extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly cells: CellsResolver,
  ) {
    super(ctx);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  set bold(bold: boolean) {
    this.ctx.enqueue({ op: "setBold", bold }, () => {
      eachCell(this.ctx.fake, this.cells, (cell) => {
        cell.bold = bold;
      });
    });
  }
}

class FakeNoteCollection extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  add(cellAddress: string, content: string): FakeNote {
    const key = normalizeCellAddress(cellAddress);
    this.ctx.enqueue({ op: "addNote", cellAddress, content }, () => {
      this.ctx.fake.requireNotes();
      const sheet = this.sheet();
      if (sheet.notes.has(key)) {
        throw new FakeOfficeError("InvalidArgument", `The cell ${key} already has a note.`);
      }
      sheet.notes.set(key, content);
    });
    return new FakeNote(this.ctx, this.sheet, key, false);
  }

  getItem(key: string): FakeNote {
    this.ctx.path({ path: "getNote", key });
    return new FakeNote(this.ctx, this.sheet, normalizeCellAddress(key), false);
  }

  getItemOrNullObject(key: string): FakeNote {
    this.ctx.path({ path: "getNoteOrNullObject", key });
    return new FakeNote(this.ctx, this.sheet, normalizeCellAddress(key), true);
  }
}

class FakeNote extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
    private readonly key: string,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }

  private existing(): string {
    this.ctx.fake.requireNotes();
    const content = this.sheet().notes.get(this.key);
    if (content === undefined) {
      throw new FakeOfficeError("ItemNotFound", `The cell ${this.key} has no note.`);
    }
    return content;
  }

  protected override isNull(): boolean | undefined {
    this.ctx.fake.requireNotes();
    return this.nullable ? !this.sheet().notes.has(this.key) : undefined;
  }

  protected read(property: string): unknown {
    if (property === "content") return this.existing();
    throw new FakeOfficeError("InvalidArgument", `fake: note.${property} not supported`);
  }

  get isNullObject(): boolean {
    return this.got("isNullObject");
  }

  get content(): string {
    return this.got("content");
  }

  set content(content: string) {
    this.ctx.enqueue({ op: "setNote", key: this.key, content }, () => {
      this.existing();
      this.sheet().notes.set(this.key, content);
    });
  }

  delete(): void {
    this.ctx.enqueue({ op: "deleteNote", key: this.key }, () => {
      this.existing();
      this.sheet().notes.delete(this.key);
    });
  }
}

class FakeTableCollection extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const record: TableRecord = {
      name: "",
      address: typeof address === "string" ? address : "",
      hasHeaders,
      style: null,
    };
    this.ctx.enqueue({ op: "addTable", address: record.address, hasHeaders }, () => {
      const sheet = this.sheet();
      const taken = this.ctx.fake.sheets.flatMap((s) => s.tables).length;
      record.name = `Table${taken + 1}`;
      sheet.tables.push(record);
    });
    return new FakeTable(this.ctx, record);
  }
}

class FakeTable extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly record: TableRecord,
  ) {
    super(ctx);
  }

  protected read(property: string): unknown {
    if (property === "name") return this.record.name;
    throw notLoaded(property);
  }

  set name(name: string) {
    this.ctx.enqueue({ op: "setTableName", name }, () => {
      const taken = this.ctx.fake.sheets
        .flatMap((s) => s.tables)
        .some((t) => t !== this.record && t.name.toLowerCase() === name.toLowerCase());
      if (taken) throw new FakeOfficeError("InvalidArgument", `Table name ${name} is taken.`);
      this.record.name = name;
    });
  }

  set style(style: string) {
    this.ctx.enqueue({ op: "setTableStyle", style }, () => {
      this.record.style = style;
    });
  }
}

class FakeWorkbookTables extends FakeProxy {
  private loadedItems: { name: string }[] | null = null;

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  get items(): { name: string }[] {
    if (this.loadedItems === null) throw notLoaded("items");
    return this.loadedItems;
  }

  override load(options?: string | string[] | { select?: string }): this {
    this.ctx.enqueue({ op: "loadTables", options: loadList(options) }, () => {
      const items = this.ctx.fake.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name })));
      this.ctx.respond(items, () => {
        this.loadedItems = items;
      });
    });
    return this;
  }
}

class FakeChartCollection extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    const record: ChartRecord = {
      type,
      source: "",
      seriesBy: seriesBy ?? "Auto",
      title: null,
      position: null,
    };
    this.ctx.enqueue({ op: "addChart", type, seriesBy }, () => {
      const sheet = this.sheet();
      record.source = source.readLocalAddress();
      sheet.charts.push(record);
    });
    return new FakeChart(this.ctx, record);
  }
}

class FakeChart extends FakeProxy {
  readonly title: FakeChartTitle;

  constructor(
    ctx: FakeRequestContext,
    private readonly record: ChartRecord,
  ) {
    super(ctx);
    this.title = new FakeChartTitle(ctx, record);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  setPosition(start: string, end?: string): void {
    this.ctx.enqueue({ op: "setChartPosition", start, end }, () => {
      parseRect(start);
      if (end !== undefined) parseRect(end);
      this.record.position = { start, end: end ?? null };
    });
  }
}

class FakeChartTitle extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly record: ChartRecord,
  ) {
    super(ctx);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  set text(text: string) {
    this.ctx.enqueue({ op: "setChartTitle", text }, () => {
      this.record.title = text;
    });
  }
}

class FakeFreezePanes extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx);
  }

  protected read(property: string): unknown {
    throw notLoaded(property);
  }

  freezeRows(count?: number): void {
    this.ctx.enqueue({ op: "freezeRows", count }, () => {
      this.sheet().frozenRows = count ?? 1;
    });
  }
}

class FakeNamedItemCollection extends FakeItemCollection<FakeNamedItem> {
  protected readonly loadOp = "loadNames";

  protected currentItems(): FakeNamedItem[] {
    return this.ctx.fake.names.map((state) => new FakeNamedItem(this.ctx, () => state, false));
  }

  add(name: string, reference: string, comment?: string): FakeNamedItem {
    let created: NameState | null = null;
    this.ctx.enqueue({ op: "addName", name, reference, comment }, () => {
      const fake = this.ctx.fake;
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) {
        throw new FakeOfficeError("InvalidArgument", `Bad name ${name}`);
      }
      if (fake.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} exists.`);
      }
      created = { name, formula: reference, comment: comment ?? "" };
      fake.names.push(created);
    });
    return new FakeNamedItem(this.ctx, () => created, false);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    const fake = this.ctx.fake;
    return new FakeNamedItem(
      this.ctx,
      () => fake.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null,
      true,
    );
  }
}

class FakeNamedItem extends FakeProxy {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => NameState | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }

  /** The properties' values now (what a collection's load returns for this item). */
  snapshot(properties: string[]): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const p of properties) data[p] = this.read(p);
    return data;
  }

  private state(): NameState {
    const state = this.resolve();
    if (!state) throw new FakeOfficeError("ItemNotFound", "The name does not exist.");
    return state;
  }

  protected override isNull(): boolean | undefined {
    return this.nullable ? this.resolve() === null : undefined;
  }

  protected read(property: string): unknown {
    const state = this.state();
    switch (property) {
      case "name":
        return state.name;
      case "formula":
        return state.formula;
      case "comment":
        return state.comment;
      case "value":
        return this.ctx.fake.nameValue(state.formula);
      case "type": {
        const value = this.ctx.fake.nameValue(state.formula);
        return typeof value === "number"
          ? "Double"
          : typeof value === "string" && value.startsWith("#")
            ? "Error"
            : "String";
      }
      default:
        throw new FakeOfficeError("InvalidArgument", `fake: name.${property} not supported`);
    }
  }

  get isNullObject(): boolean {
    return this.got("isNullObject");
  }

  get name(): string {
    return this.got("name");
  }

  get formula(): string {
    return this.got("formula");
  }

  set formula(formula: string) {
    this.ctx.enqueue({ op: "setNameFormula", formula }, () => {
      this.state().formula = formula;
    });
  }

  get value(): unknown {
    return this.got("value");
  }

  get type(): string {
    return this.got("type");
  }

  set comment(comment: string) {
    this.ctx.enqueue({ op: "setNameComment", comment }, () => {
      this.state().comment = comment;
    });
  }

  delete(): void {
    this.ctx.enqueue({ op: "deleteName" }, () => {
      const state = this.state();
      const names = this.ctx.fake.names;
      names.splice(names.indexOf(state), 1);
    });
  }
}
