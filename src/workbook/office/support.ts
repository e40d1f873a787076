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
 * Excel on the web refuses a request over 5 MB. The port estimates each write from the strings
 * it sends (JSON length, plus a fixed allowance per operation) and starts a new sync when the
 * estimate would pass this budget, so the number of syncs grows with the data written, never with
 * the number of sheets or findings as such.
 */
export const REQUEST_BUDGET = 3_500_000;
const OPERATION_OVERHEAD = 200;

/** Starts a new chunk when the next write would make the request too large. */
export class WriteBatch {
  private size = 0;

  constructor(private readonly context: Excel.RequestContext) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
  }

  /** Queues a write of about `estimate` characters; syncs first when the request would be too big. */
  async add(estimate: number, write: () => void): Promise<void> {
    const cost = estimate + OPERATION_OVERHEAD;
    if (this.size > 0 && this.size + cost > REQUEST_BUDGET) {
      await this.context.sync();
      this.size = 0;
      this.context.workbook.application.suspendApiCalculationUntilNextSync();
    }
    write();
    this.size += cost;
  }

  /** Small writes whose size does not depend on the data. */
  fixed(write: () => void): void {
    write();
    this.size += OPERATION_OVERHEAD;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.size = 0;
  }
}

/** Characters a value adds to a request. */
export function sizeOf(value: unknown): number {
  return JSON.stringify(value).length;
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
