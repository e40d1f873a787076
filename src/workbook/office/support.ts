/**
 * What every Office command shares: the Excel.run wrapper type, Office errors turned into the
 * port's Swedish errors, literal text, sheet lookup, RangeAreas addresses within Excel's limit
 * and write batches that stay under Excel on the web's request size limit.
 */
import { WorkbookError, WorkbookReadError, WorkbookWriteError, type SheetCell } from "../port";
import { cleanText } from "../file/writeSheet";

/** Excel.run, or anything with its shape (the tests' in-memory Excel). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Whether this Excel supports a requirement set (Office.context.requirements.isSetSupported). */
export type ApiVersionCheck = (set: string, version: string) => boolean;

/**
 * A RangeAreas address (worksheet.getRanges) may be at most 8 192 characters long; the port
 * keeps well below.
 */
export const MAX_AREAS_ADDRESS = 8_000;

/**
 * Excel on the web refuses a request (and a response) over 5 MB. The port estimates every
 * operation it queues: the UTF-8 bytes of every string and value it sends (values, note texts,
 * addresses, sheet names: sizeOf) plus an allowance for the operation's own framing, and starts a
 * new sync when the estimate would pass this budget — for reads as for writes — so the number of
 * syncs grows with the data, never with the number of sheets or findings as such.
 *
 * The allowance: Office.js sends each call as an action ({"Id":…,"ActionType":…,"Name":…,
 * "ObjectPathId":…,"ArgumentInfo":{"Arguments":[…]}}, about 95 bytes) and each object it is
 * made on as an object path of about 100 bytes more (a range by address, a note by cell): about
 * 160–210 bytes for a call on one new object (notes.add, a note's load, getCellProperties on
 * getRange). OPERATION_OVERHEAD is 250. A fill over RangeAreas goes through three new objects
 * (getRanges, format, fill) and a property set, about 355 bytes: FILL_OVERHEAD is 500.
 *
 * The in-memory Excel of the tests measures each request (the operations' JSON and the object
 * paths' arguments, without Office.js's framing); a test holds every estimate at or above what
 * it measures. The budget leaves 500 000 bytes below 5 000 000 (Microsoft's "5 MB", read as the
 * smaller figure) for the framing's uncertainty.
 */
export const REQUEST_BUDGET = 4_500_000;
export const OPERATION_OVERHEAD = 250;
export const FILL_OVERHEAD = 500;

/**
 * The same limit holds for what Excel sends back. A read's response cannot be known before it is
 * made (a cell's text may be 1 byte or 30 000), so reads are planned on an estimate — exact where
 * the port knows the data (the records readSheets just read), per cell elsewhere — under this
 * budget, a million bytes below 5 000 000 for Office.js's framing ("Results", "ActionId",
 * "_ReferenceId"… some tens of bytes per result; RESULT_OVERHEAD counts 100) and the estimate's
 * error; and a read whose response still passes the limit is made again in halves (RequestBatch,
 * usedRanges.ts), so no estimate has to be an upper bound.
 */
export const RESPONSE_BUDGET = 4_000_000;
export const RESULT_OVERHEAD = 100;

function isPayloadLimit(error: unknown): boolean {
  const code = officeCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Whether Excel refused a request or a response for its size (Excel on the web's 5 MB). */
export function isPayloadLimitError(error: unknown): boolean {
  return isPayloadLimit(error);
}

interface Queued {
  queue: () => void;
  cost: number;
  response: number;
}

/**
 * Operations queued for one or more syncs: a new sync starts when the next operation would make
 * the request, or the response expected for it, too large.
 *
 * Reads (this class, not WriteBatch) are made again in halves when Excel refuses a sync for its
 * size anyway (a response larger than estimated): each operation's `queue` is run again in the
 * half it falls in, so it must only (re)create proxies and store them by key, never append. A
 * single operation that is still refused fails the batch with Excel's error.
 */
export class RequestBatch {
  /** Test hook: called with each request's estimate just before it is sent. */
  static observer: ((estimate: number) => void) | null = null;
  private size = 0;
  private responseSize = 0;
  /** The operations of the sync being built (reads only), to make again in halves. */
  private pending: Queued[] = [];
  /** Called before operations are made again (callers drop proxies cached across syncs). */
  onRetry: (() => void) | null = null;

  constructor(
    protected readonly context: Excel.RequestContext,
    private readonly retry = true,
  ) {}

  /**
   * Queues an operation sending `estimate` bytes of data (and `overhead` of framing) and getting
   * about `response` bytes back; syncs first when either would pass its budget.
   */
  async add(
    estimate: number,
    queue: () => void,
    overhead = OPERATION_OVERHEAD,
    response = 0,
  ): Promise<void> {
    const cost = estimate + overhead;
    const back = response === 0 ? 0 : response + RESULT_OVERHEAD;
    if (
      (this.size > 0 && this.size + cost > REQUEST_BUDGET) ||
      (this.responseSize > 0 && this.responseSize + back > RESPONSE_BUDGET)
    ) {
      await this.sync();
      this.afterSplit();
    }
    queue();
    this.size += cost;
    this.responseSize += back;
    if (this.retry) this.pending.push({ queue, cost, response: back });
  }

  /** An operation whose data is a few short names (counted as one operation). */
  fixed(queue: () => void): void {
    queue();
    this.size += OPERATION_OVERHEAD;
  }

  /** Sends what is queued (always, even nothing: the caller reads results after it). */
  async flush(): Promise<void> {
    await this.sync();
  }

  protected async sync(): Promise<void> {
    RequestBatch.observer?.(this.size);
    const pending = this.pending;
    this.size = 0;
    this.responseSize = 0;
    this.pending = [];
    try {
      await this.context.sync();
    } catch (error) {
      if (!this.retry || pending.length < 2 || !isPayloadLimit(error)) throw error;
      await this.inHalves(pending);
    }
  }

  /** The operations again, in two syncs (each halved again if refused too). */
  private async inHalves(operations: Queued[]): Promise<void> {
    const middle = Math.ceil(operations.length / 2);
    this.onRetry?.();
    for (const half of [operations.slice(0, middle), operations.slice(middle)]) {
      let size = 0;
      for (const op of half) {
        op.queue();
        size += op.cost;
      }
      RequestBatch.observer?.(size);
      try {
        await this.context.sync();
      } catch (error) {
        if (half.length < 2 || !isPayloadLimit(error)) throw error;
        await this.inHalves(half);
      }
    }
  }

  /** Queues what every further sync of the batch needs again. */
  protected afterSplit(): void {
    // Nothing for reads.
  }
}

/** Writes, with calculation suspended until each of their syncs. */
export class WriteBatch extends RequestBatch {
  constructor(context: Excel.RequestContext) {
    super(context, false);
    this.fixed(() => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
    });
  }

  protected override afterSplit(): void {
    this.fixed(() => {
      this.context.workbook.application.suspendApiCalculationUntilNextSync();
    });
  }
}

/** UTF-8 bytes a value adds to a request (as JSON). */
export function sizeOf(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/**
 * Addresses joined for worksheet.getRanges, each string below MAX_AREAS_ADDRESS characters
 * (more strings when there are more cells).
 */
export function areaAddresses(addresses: readonly string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current !== "" && current.length + 1 + address.length > MAX_AREAS_ADDRESS) {
      out.push(current);
      current = "";
    }
    current = current === "" ? address : `${current},${address}`;
  }
  if (current !== "") out.push(current);
  return out;
}

/**
 * A value as written through Range.values. Text always gets a leading apostrophe: Excel keeps
 * it as the cell's quote prefix (not part of the text), so "=HYPERLINK(…)", "+cmd", "@SUM(1)",
 * "-1+1" stay text and "00123" or "2024-01-05" are not turned into numbers or dates. Chosen over
 * number format "@" because it leaves the cell's own number format alone (writeCells and
 * appendRows promise that). Only a cell already formatted "@" gets the text as it is: Excel
 * takes everything written there literally, so the port reads the target cells' formats first.
 */
export function literal(
  value: SheetCell["value"],
  numberFormat?: unknown,
): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") {
    const text = cleanText(value);
    // A cell formatted as text ("@") takes everything literally, an apostrophe too.
    if (numberFormat === "@") return text;
    return text === "" ? "" : `'${text}`;
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return value;
}

/** The sheet of that name among `names`: exactly, or else ignoring case as Excel does. */
export function findName(names: readonly string[], name: string): string | undefined {
  if (names.includes(name)) return name;
  const lower = name.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}

function officeCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code: unknown = error.code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/**
 * Whether an Office error says the workbook is not as the port last saw it (a sheet deleted or
 * renamed, a range gone): worth one more try from a fresh read.
 */
export function isChangedWorkbookError(error: unknown): boolean {
  const code = officeCode(error);
  return code === "ItemNotFound" || code === "InvalidArgument" || code === "InvalidReference";
}

function officeDetail(error: unknown): string {
  switch (officeCode(error)) {
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return " Ändringen blev för stor för Excel på webben; försök med färre blad åt gången.";
    case "ItemNotFound":
      return " Något i arbetsboken ändrades under tiden (ett blad eller en cell saknas); försök igen.";
    case "InvalidOperation":
    case "AccessDenied":
      return " Arbetsboken eller bladet är kanske skyddat, eller en cell redigeras just nu.";
    case undefined:
      return "";
    default:
      return ` (Excel: ${officeCode(error) ?? ""})`;
  }
}

/** Runs an Office command; any error that is not the port's own becomes WorkbookReadError. */
export async function reading<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (cause instanceof WorkbookError) throw cause;
    throw new WorkbookReadError(`${what} gick inte att läsa i Excel.${officeDetail(cause)}`, {
      cause,
    });
  }
}

/** Runs an Office command; any error that is not the port's own becomes WorkbookWriteError. */
export async function writing<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (cause instanceof WorkbookError) throw cause;
    throw new WorkbookWriteError(`${what} misslyckades i Excel.${officeDetail(cause)}`, {
      cause,
    });
  }
}

/** "'Jan Ek'!B2:D9" → "B2:D9". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/**
 * One worksheet proxy per sheet name within a batch, so that many ranges of a sheet share it;
 * forget() drops them when a refused sync is run again in halves (its proxies are spent).
 */
export function worksheetProxies(context: Excel.RequestContext): {
  sheetOf: (name: string) => Excel.Worksheet;
  forget: () => void;
} {
  const proxies = new Map<string, Excel.Worksheet>();
  return {
    sheetOf(name) {
      let sheet = proxies.get(name);
      if (!sheet) {
        sheet = context.workbook.worksheets.getItem(name);
        proxies.set(name, sheet);
      }
      return sheet;
    },
    forget() {
      proxies.clear();
    },
  };
}
