/**
 * Excel round trips over the in-memory fake (test/excelFake) through the Office port
 * (src/workbook/office, OfficeWorkbook with the fake's `run`), driven by the app layer the task
 * pane uses (createApp). Per command (validate, clear, each report) at 1, 50 and 500 schedule
 * sheets: syncs, proxy objects, the largest request and the largest response (the fake applies
 * Excel on the web's 5 MB limit to both; a response over it is refused and the port reads by
 * parts), and the port's estimate of each request beside what the fake measured for it (never
 * below). Then the marks of 5,000 findings
 * (and of all findings of the largest workbook, to show the chunking), and beside it the naive
 * baseline: the same fills with one context.sync() per marked cell.
 *
 * The workbooks are the generator's week grids, 2 months per participant for the commands (the
 * sync count does not depend on the months, and the fake keeps every cell in memory), 4 months
 * for the mark requests (enough findings to pass 5 MB in one request).
 */
import type { YearMonth } from "../src/domain/date";
import type { CellMark } from "../src/workbook/port";
import type { FakeExcel } from "../test/excelFake";
import { generateWorkbook } from "./generate";
import { int, kb } from "./table";

export interface RoundTripMeasurement {
  label: string;
  value: string;
  target?: string;
  met?: boolean;
}

export type RoundTripResult =
  | { status: "mätt"; measurements: RoundTripMeasurement[]; raw: Record<string, unknown> }
  | { status: "inte mätt ännu"; reason: string };

export const SHEET_COUNTS = [1, 50, 500] as const;
const MONTHS = 2;
const REPORT_MONTH = "2024-03" as YearMonth;
const MAX_VALIDATE_SYNCS = 4;
const MAX_REQUEST_BYTES = 5 * 1024 * 1024;
/** Excel on the web's response limit as the fake applies it (Microsoft's "5 MB", the smaller). */
const MAX_RESPONSE_BYTES = 5_000_000;
const FINDINGS_FOR_REQUEST = 5000;
/** Months per participant of the workbook the mark requests are measured on. */
const MARK_MONTHS = 4;

interface Counters {
  syncs: number;
  proxies: number;
  largestRequestBytes: number;
  /** The largest response Excel delivered (a refused one is not delivered). */
  largestResponseBytes: number;
  /** Syncs Excel refused for their response's size (the port then reads by parts). */
  refusedResponses: number;
  /** Estimate ÷ measured size over the requests the port estimated (min, max). */
  estimateRatio: { min: number; max: number } | null;
}

interface CommandFigures {
  sheets: number;
  findings: number;
  markedCells: number;
  validate: Counters;
  /** A second validation in the same task pane: the port has learnt the bytes per cell. */
  validateAgain: Counters;
  clear: Counters;
  monthlyReport: Counters;
  invoice: Counters;
}

/** The port's hook for its request estimates (support.ts), when it has one. */
interface EstimateHook {
  observer: ((estimate: number) => void) | null;
}
let estimateHook: EstimateHook | null = null;

async function counted(fake: FakeExcel, action: () => Promise<unknown>): Promise<Counters> {
  fake.resetCounters();
  const estimates: { sync: number; estimate: number }[] = [];
  if (estimateHook) {
    estimateHook.observer = (estimate) => {
      estimates.push({ sync: fake.syncCount + 1, estimate });
    };
  }
  try {
    await action();
  } finally {
    if (estimateHook) estimateHook.observer = null;
  }
  const ratios = estimates.map(
    ({ sync, estimate }) => estimate / Math.max(1, fake.requestSizes[sync - 1] ?? 0),
  );
  return {
    syncs: fake.syncCount,
    proxies: fake.proxyCount,
    largestRequestBytes: fake.largestRequestBytes,
    largestResponseBytes: fake.largestDeliveredResponseBytes,
    refusedResponses: fake.responseLimitFailures,
    estimateRatio:
      ratios.length === 0 ? null : { min: Math.min(...ratios), max: Math.max(...ratios) },
  };
}

/** Loads the fake and the port; null with the reason when they are not there (yet). */
async function load() {
  try {
    const [fakeModule, office, support, app, marks, engine, read] = await Promise.all([
      import("../test/excelFake"),
      import("../src/workbook/office"),
      import("../src/workbook/office/support"),
      import("../src/app/app"),
      import("../src/app/marks"),
      import("../src/rules/engine"),
      import("../src/read/workbook"),
    ]);
    estimateHook = support.RequestBatch;
    return {
      FakeExcel: fakeModule.FakeExcel,
      OfficeWorkbook: office.OfficeWorkbook,
      createApp: app.createApp,
      marksOf: marks.marksOf,
      validate: engine.validate,
      readWorkbook: read.readWorkbook,
    };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

type Loaded = Exclude<Awaited<ReturnType<typeof load>>, string>;

function fakeOf(
  m: Loaded,
  participants: number,
  months = MONTHS,
  maxResponseBytes?: number,
): FakeExcel {
  const generated = generateWorkbook({ participants, layout: "weekgrid", months });
  return m.FakeExcel.fromSheets(
    generated.sheets.map((s) => ({
      name: s.name,
      values: s.values as (string | number | boolean | null)[][],
    })),
    maxResponseBytes === undefined ? undefined : { maxResponseBytes },
  );
}

/** Syncs of one validation on Excel on the desktop, where responses have no 5 MB limit. */
async function desktopValidateSyncs(m: Loaded, sheets: number): Promise<number> {
  const fake = fakeOf(m, sheets, MONTHS, Number.POSITIVE_INFINITY);
  const port = new m.OfficeWorkbook(fake.run, { apiVersion: () => true });
  const app = m.createApp(port, port);
  return (await counted(fake, () => app.validate())).syncs;
}

async function commands(m: Loaded, sheets: number): Promise<CommandFigures> {
  const fake = fakeOf(m, sheets);
  const port = new m.OfficeWorkbook(fake.run, { apiVersion: () => true });
  const app = m.createApp(port, port);
  let findings = 0;
  let markedCells = 0;
  const validate = await counted(fake, async () => {
    const view = await app.validate();
    findings = view.findings.length;
    markedCells = view.markedCells;
  });
  const validateAgain = await counted(fake, () => app.validate());
  const clear = await counted(fake, () => app.clearMarks());
  const monthlyReport = await counted(fake, () => app.createMonthlyReport(REPORT_MONTH));
  const invoice = await counted(fake, () => app.createInvoice(REPORT_MONTH));
  return { sheets, findings, markedCells, validate, validateAgain, clear, monthlyReport, invoice };
}

/** Every finding's marks of the generated workbook (validated once, outside Excel). */
function allMarks(m: Loaded, participants: number, months: number): CellMark[] {
  const generated = generateWorkbook({ participants, layout: "weekgrid", months });
  const model = m.readWorkbook(generated.sheets);
  return m.marksOf(m.validate(model, model.settings, generated.idag));
}

/** Marks the cells through the port on a fresh fake of the same workbook. */
async function markRequest(m: Loaded, fake: FakeExcel, marks: CellMark[]) {
  const port = new m.OfficeWorkbook(fake.run, { apiVersion: () => true });
  const counters = await counted(fake, () => port.markCells(marks));
  const cells = marks.reduce((n, mark) => n + mark.cells.length, 0);
  return { marks: marks.length, cells, ...counters };
}

const FILL: Record<CellMark["severity"], string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** The naive way: every marked cell filled with a sync of its own. */
async function naiveMarking(fake: FakeExcel, marks: CellMark[]) {
  const counters = await counted(fake, () =>
    fake.run(async (context) => {
      for (const mark of marks) {
        const sheet = context.workbook.worksheets.getItem(mark.sheet);
        for (const cell of mark.cells) {
          sheet.getRange(cell).format.fill.color = FILL[mark.severity];
          await context.sync();
        }
      }
    }),
  );
  return { marks: marks.length, ...counters };
}

export async function measureRoundTrips(): Promise<RoundTripResult> {
  const m = await load();
  if (typeof m === "string") {
    return {
      status: "inte mätt ännu",
      reason: `inte mätt ännu – det fejkade Excel eller Office-porten kan inte laddas (${m})`,
    };
  }
  const perSize: CommandFigures[] = [];
  for (const sheets of SHEET_COUNTS) perSize.push(await commands(m, sheets));
  const desktop: number[] = [];
  for (const sheets of SHEET_COUNTS) desktop.push(await desktopValidateSyncs(m, sheets));

  // The marks of 500 participants × 4 months: more than 5,000 findings, whose marks as one
  // request would pass 5 MB. The first 5,000, and all of them to show the chunking.
  const marks = allMarks(m, 500, MARK_MONTHS);
  const firstMarks = marks.slice(0, FINDINGS_FOR_REQUEST);
  const fiveThousand = await markRequest(m, fakeOf(m, 500, MARK_MONTHS), firstMarks);
  const all = await markRequest(m, fakeOf(m, 500, MARK_MONTHS), marks);
  const naive = await naiveMarking(fakeOf(m, 500, MARK_MONTHS), firstMarks);

  const measurements: RoundTripMeasurement[] = [];
  const sizes = perSize
    .map((f) => `${int(f.sheets)}/`)
    .join("")
    .slice(0, -1);
  const row = (
    label: string,
    pick: (f: CommandFigures) => number,
    target?: { text: string; ok: (values: number[]) => boolean },
  ) => {
    const values = perSize.map(pick);
    measurements.push({
      label: `${label} vid ${sizes} schemablad`,
      value: values.map(int).join(" / "),
      ...(target === undefined ? {} : { target: target.text, met: target.ok(values) }),
    });
  };
  // Fewer syncs cannot be had once the values pass one response (5 MB): then they grow with
  // the bytes (the read by parts), and the row says so.
  measurements.push({
    label: `Validera: syncs i Excel på datorn (svaren har ingen gräns) vid ${sizes} schemablad`,
    value: desktop.map(int).join(" / "),
    target: `konstant ≤ ${MAX_VALIDATE_SYNCS}`,
    met: desktop.every((x) => x <= MAX_VALIDATE_SYNCS),
  });
  row("Validera: syncs i Excel på webben (svar högst 5 MB)", (f) => f.validate.syncs, {
    text: `konstant ≤ ${MAX_VALIDATE_SYNCS}`,
    ok: (v) => v.every((x) => x <= MAX_VALIDATE_SYNCS),
  });
  row("Validera igen i samma fönster: syncs i Excel på webben", (f) => f.validateAgain.syncs);
  row(
    "Validera: svar som Excel vägrade (över 5 MB, läses sedan i delar)",
    (f) => f.validate.refusedResponses,
  );
  row("Validera: proxyobjekt", (f) => f.validate.proxies);
  row("Validera: avvikelser", (f) => f.findings);
  row("Validera: markerade celler", (f) => f.markedCells);
  row("Rensa markeringar: syncs", (f) => f.clear.syncs);
  row("Månadsrapport: syncs", (f) => f.monthlyReport.syncs);
  row("Fakturaunderlag: syncs", (f) => f.invoice.syncs);
  row("Största begäran vid validering (byte)", (f) => f.validate.largestRequestBytes);
  row("Excel: största svar vid validering (byte)", (f) => f.validate.largestResponseBytes, {
    text: "< 5 MB",
    ok: (v) => v.every((x) => x < MAX_RESPONSE_BYTES),
  });
  row("Excel: största svar vid rensning (byte)", (f) => f.clear.largestResponseBytes, {
    text: "< 5 MB",
    ok: (v) => v.every((x) => x < MAX_RESPONSE_BYTES),
  });
  const ratios = perSize.map((f) => f.validate.estimateRatio);
  measurements.push({
    label: `Validera: portens uppskattning / uppmätt storlek per begäran vid ${sizes} schemablad`,
    value: ratios
      .map((r) =>
        r === null ? "–" : `${r.min.toFixed(2)}–${r.max.toFixed(2)}`.replace(/\./g, ","),
      )
      .join(" / "),
    target: "≥ 1 (aldrig under)",
    met: ratios.every((r) => r !== null && r.min >= 1),
  });
  measurements.push({
    label: `Markera ${int(fiveThousand.marks)} avvikelser (${int(fiveThousand.cells)} celler): största begäran`,
    value: `${kb(fiveThousand.largestRequestBytes)} i ${int(fiveThousand.syncs)} syncs`,
    target: "< 5 MB",
    met: fiveThousand.largestRequestBytes < MAX_REQUEST_BYTES,
  });
  measurements.push({
    label: `Markera alla ${int(all.marks)} avvikelser (${int(all.cells)} celler): delas upp`,
    value: `${kb(all.largestRequestBytes)} största begäran, ${kb(all.largestResponseBytes)} största svar, ${int(all.syncs)} syncs`,
    target: "varje begäran och svar < 5 MB",
    met:
      all.largestRequestBytes < MAX_REQUEST_BYTES && all.largestResponseBytes < MAX_RESPONSE_BYTES,
  });
  measurements.push({
    label: `Naiv markering, en sync per cell (${int(naive.marks)} avvikelser)`,
    value: `${int(naive.syncs)} syncs, ${int(naive.proxies)} proxyobjekt`,
  });
  measurements.push({
    label: "Naiv / porten: antal syncs för samma markering",
    value: `${int(naive.syncs)} / ${int(fiveThousand.syncs)} = ${int(naive.syncs / Math.max(1, fiveThousand.syncs))} gånger`,
  });
  return {
    status: "mätt",
    measurements,
    raw: {
      months: MONTHS,
      markMonths: MARK_MONTHS,
      reportMonth: REPORT_MONTH,
      perSize,
      fiveThousand,
      all,
      naive,
    },
  };
}
