/**
 * One engine measurement in a process of its own, so that its peak memory is its own:
 *
 *   node --expose-gc --import tsx bench/engine.ts <weekgrid|activitylist> <participants>
 *   node --expose-gc --import tsx bench/engine.ts xlsx <participants>
 *
 * Prints one line "BENCH {json}" after every phase, so that the parent keeps what was measured
 * when it has to stop a run that takes too long. "Read" is readWorkbook over the in-memory
 * SheetData; the xlsx mode writes the workbook with ExcelJS first and measures what the CLI
 * does: FileWorkbook.fromBuffer + readSheets, then readWorkbook.
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../src/read/workbook";
import { validate } from "../src/rules/engine";
import { FileWorkbook } from "../src/workbook/file";
import { generateWorkbook, type Layout } from "./generate";

export interface EnginePhaseReport {
  layout: Layout | "xlsx";
  participants: number;
  phase: string;
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
    report({
      ...base,
      phase: "done",
      fileOpenMs,
      fileReadSheetsMs,
      readMs,
      readFindings: model.findings.length,
    });
    return;
  }
  const layout: Layout = mode === "activitylist" ? "activitylist" : "weekgrid";
  let t = performance.now();
  const generated = generateWorkbook({ participants, layout });
  const generateMs = performance.now() - t;
  const base = {
    layout,
    participants,
    generateMs,
    activities: generated.totalActivities,
    cells: generated.cells,
  };
  report({ ...base, phase: "generated" });
  gc();
  t = performance.now();
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
}

main().catch((error: unknown) => {
  const [mode = "", size = "0"] = process.argv.slice(2);
  report({
    layout: mode === "xlsx" ? "xlsx" : mode === "activitylist" ? "activitylist" : "weekgrid",
    participants: Number(size),
    phase: "error",
    after: lastPhase,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
  process.exitCode = 1;
});
