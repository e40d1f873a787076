/**
 * One engine measurement in a process of its own, so that its peak memory is its own:
 *
 *   node --expose-gc --import tsx bench/engine.ts <weekgrid|activitylist> <participants>
 *   node --expose-gc --import tsx bench/engine.ts xlsx <participants>
 *   node --expose-gc --import tsx bench/engine.ts <batched|batched-list> <participants> [batch size]
 *
 * Prints one line "BENCH {json}" after every phase, so that the parent keeps what was measured
 * when it has to stop a run that takes too long. "Read" is readWorkbook over the in-memory
 * SheetData; the xlsx mode writes the workbook with ExcelJS first and measures what the CLI
 * does: FileWorkbook.fromBuffer + readSheets, then readWorkbook (what `schemakoll las` does)
 * and, apart, validateBatched over the same sheets (what `schemakoll validera` does after the
 * file port). The week-grid and list modes validate once more three times after the measured
 * (cold) validation, for the warm median (phase "warm"). The batched modes measure
 * app/batched's validateBatched (what `schemakoll validera` and the task pane's Kontrollera
 * run) over generated week grids (batched) or activity lists (batched-list): first the same
 * batches read only (batchedReadMs), then read and validated (batchedMs, findings).
 */
import ExcelJS from "exceljs";
import { DEFAULT_BATCH_SIZE, validateBatched } from "../src/app/batched";
import { readWorkbook } from "../src/read/workbook";
import { validate } from "../src/rules/engine";
import { FileWorkbook } from "../src/workbook/file";
import { BENCH_IDAG, generateWorkbook, type Layout } from "./generate";

export interface EnginePhaseReport {
  layout: Layout | "xlsx";
  participants: number;
  phase: string;
  /** "batched" for the batched modes (layout says which schedules). */
  mode?: "batched";
  /** Participants per batch, and how many batches the register made. */
  batchSize?: number;
  batches?: number;
  /** The batched path reading every batch without validating (ms). */
  batchedReadMs?: number;
  /** The batched path reading and validating every batch, the findings merged (ms). */
  batchedMs?: number;
  generateMs?: number;
  activities?: number;
  cells?: number;
  readMs?: number;
  validateMs?: number;
  findings?: number;
  readFindings?: number;
  xlsxBytes?: number;
  fileOpenMs?: number;
  fileReadSheetsMs?: number;
  /** xlsx mode: what `schemakoll validera` does after the file port: validateBatched (ms). */
  cliValidateMs?: number;
  /**
   * The median of three more validations in the same process, after the measured (first, cold)
   * one: the engine with its code compiled and its caches warm (ms). 50 and 500 only.
   */
  validateWarmMs?: number;
  /** Peak resident set size of the process so far (MB). */
  peakRssMb: number;
  /** Largest heapUsed seen after a phase (MB). */
  peakHeapMb: number;
  error?: string;
  /** With phase "error": the last phase that completed. */
  after?: string;
}

const MB = 1024 * 1024;
let peakHeap = 0;
let lastPhase = "start";

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) collect();
}

function sample(): { peakRssMb: number; peakHeapMb: number } {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  // maxRSS is in kilobytes: the true peak, also inside a synchronous phase.
  return {
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMb: Math.round(peakHeap / MB),
  };
}

function report(r: Omit<EnginePhaseReport, "peakRssMb" | "peakHeapMb">): void {
  if (r.phase !== "error") lastPhase = r.phase;
  process.stdout.write(`BENCH ${JSON.stringify({ ...r, ...sample() })}\n`);
}

async function xlsxBuffer(participants: number): Promise<{ buffer: Buffer; activities: number }> {
  const generated = generateWorkbook({ participants, layout: "weekgrid" });
  const wb = new ExcelJS.Workbook();
  for (const sheet of generated.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row);
  }
  const data = await wb.xlsx.writeBuffer();
  return { buffer: Buffer.from(data), activities: generated.totalActivities };
}

async function main(): Promise<void> {
  const [mode = "weekgrid", sizeText = "50"] = process.argv.slice(2);
  const participants = Number(sizeText);
  if (mode === "xlsx") {
    const { buffer, activities } = await xlsxBuffer(participants);
    const base = { layout: "xlsx" as const, participants, activities, xlsxBytes: buffer.length };
    report({ ...base, phase: "generated" });
    gc();
    let t = performance.now();
    const file = await FileWorkbook.fromBuffer(buffer);
    const fileOpenMs = performance.now() - t;
    t = performance.now();
    const sheets = await file.readSheets();
    const fileReadSheetsMs = performance.now() - t;
    report({ ...base, phase: "file", fileOpenMs, fileReadSheetsMs });
    t = performance.now();
    const model = readWorkbook(sheets);
    const readMs = performance.now() - t;
    const read = { fileOpenMs, fileReadSheetsMs, readMs, readFindings: model.findings.length };
    report({ ...base, phase: "read", ...read });
    t = performance.now();
    const checked = validateBatched(sheets, { today: () => BENCH_IDAG, idag: BENCH_IDAG });
    const cliValidateMs = performance.now() - t;
    report({
      ...base,
      phase: "done",
      ...read,
      cliValidateMs,
      findings: checked.findings.length,
    });
    return;
  }
  if (mode === "batched" || mode === "batched-list") {
    batched(mode === "batched-list" ? "activitylist" : "weekgrid", participants);
    return;
  }
  const layout: Layout = mode === "activitylist" ? "activitylist" : "weekgrid";
  const { generated, base } = generate(layout, participants);
  let t = performance.now();
  const model = readWorkbook(generated.sheets);
  const readMs = performance.now() - t;
  report({ ...base, phase: "read", readMs, readFindings: model.findings.length });
  t = performance.now();
  const findings = validate(model, model.settings, generated.idag);
  const validateMs = performance.now() - t;
  report({
    ...base,
    phase: "done",
    readMs,
    validateMs,
    readFindings: model.findings.length,
    findings: findings.length,
  });
  if (participants > 500) return;
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    validate(model, model.settings, generated.idag);
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  report({ ...base, phase: "warm", validateWarmMs: warm[1] ?? 0 });
}

/** The generated workbook and the figures every report of it carries ("generated" reported). */
function generate(layout: Layout, participants: number) {
  const t = performance.now();
  const generated = generateWorkbook({ participants, layout });
  const base = {
    layout,
    participants,
    generateMs: performance.now() - t,
    activities: generated.totalActivities,
    cells: generated.cells,
  };
  report({ ...base, phase: "generated" });
  gc();
  return { generated, base };
}

function batched(layout: Layout, participants: number): void {
  const size = process.argv[4];
  const batchSize = size === undefined ? undefined : Number(size);
  const generation = generate(layout, participants);
  const { generated } = generation;
  const base = { ...generation.base, mode: "batched" as const };
  const today = () => generated.idag;
  let t = performance.now();
  const readOnly = validateBatched(generated.sheets, {
    today,
    idag: generated.idag,
    ...(batchSize === undefined ? {} : { batchSize }),
    check: () => [],
  });
  const batchedReadMs = performance.now() - t;
  const counted = { batchSize: batchSize ?? DEFAULT_BATCH_SIZE, batches: readOnly.counts.batches };
  report({ ...base, ...counted, phase: "batched-read", batchedReadMs });
  gc();
  t = performance.now();
  const result = validateBatched(generated.sheets, {
    today,
    idag: generated.idag,
    ...(batchSize === undefined ? {} : { batchSize }),
  });
  const batchedMs = performance.now() - t;
  report({
    ...base,
    ...counted,
    phase: "done",
    batchedReadMs,
    batchedMs,
    findings: result.findings.length,
  });
}

main().catch((error: unknown) => {
  const [mode = "", size = "0"] = process.argv.slice(2);
  report({
    layout:
      mode === "xlsx"
        ? "xlsx"
        : mode === "activitylist" || mode === "batched-list"
          ? "activitylist"
          : "weekgrid",
    participants: Number(size),
    phase: "error",
    after: lastPhase,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  process.exitCode = 1;
});
