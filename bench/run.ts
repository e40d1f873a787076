/**
 * `npm run bench`: Schemakoll's benchmark (issue 8). Prints a Swedish table (Mått · Värde · Mål ·
 * Uppfyllt) and writes every figure to bench/results.json:
 *
 * 1. Engine: generated workbooks (bench/generate.ts) of 50, 500 and 5,000 participants × 12
 *    months, as week grids and as activity lists, each size in a process of its own (peak
 *    memory); read and validate time, activities per second, time per participant and its
 *    growth, the ratio (read + validate) / read, the warm validation at 50 and 500; the .xlsx
 *    through the file port as the CLI reads it (50 and 500); at 5,000 the batched validation the
 *    CLI and the task pane run (app/batched.ts) under a V8 heap of at most 900 MB, for memory.
 * 2. Excel round trips over the in-memory fake (bench/roundtrips.ts).
 * 3. Custom functions: µs per call over 10,000 calls.
 * 4. Bundles: gzip sizes and the task pane's time to first render in headless Chromium.
 *
 * Options: --snabb (50 and 500 only), --bygg (rebuild dist/ first even when it is there),
 * --utan-webblasare (no Chromium), --markdown (the table for the README too).
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { ensureBuilt, measureBundles, measureFirstRender, ROOT } from "./bundles";
import type { EnginePhaseReport } from "./engine";
import { measureFunctions } from "./functions";
import type { Layout } from "./generate";
import { measureRoundTrips, type RoundTripResult } from "./roundtrips";
import { dec, int, kb, ms, renderMarkdown, renderTable, type Row } from "./table";

const args = new Set(process.argv.slice(2));
const SIZES = args.has("--snabb") ? [50, 500] : [50, 500, 5000];
const LAYOUTS: readonly Layout[] = ["weekgrid", "activitylist"];
const LAYOUT_NAME: Record<Layout, string> = {
  weekgrid: "Veckoschema",
  activitylist: "Aktivitetslista",
};

/**
 * Longest a single engine run may take before it is stopped, and all engine runs together: the
 * whole bench must stay under 5 minutes even while the engine misses its targets.
 */
const TIME_LIMIT_MS: Record<number, number> = { 50: 20_000, 500: 40_000, 5000: 40_000 };
const XLSX_TIME_LIMIT_MS = 45_000;
const BATCHED_TIME_LIMIT_MS = 60_000;
/** The engine runs end this long after the bench started, leaving time for sections 2–4. */
const ENGINE_DEADLINE_MS = 235_000;

export const TARGETS = {
  validate500Ms: 1000,
  ratio: 1.25,
  memory5000Mb: 1024,
  /** Time per participant may grow at most this much from one size to the next (linear growth). */
  growth: 1.5,
  validateSyncs: 4,
  largestRequestBytes: 5 * 1024 * 1024,
  taskpaneGzipBytes: 350 * 1024,
  functionsGzipBytes: 40 * 1024,
  benchMs: 5 * 60_000,
};

interface EngineRun {
  layout: Layout | "xlsx";
  participants: number;
  /** Every field of the phases the child reported, the last phase's values winning. */
  result: Partial<EnginePhaseReport>;
  completed: boolean;
  timedOut: boolean;
  wallMs: number;
  stderr: string;
  /** Not run: the engine's share of the time budget was used up. */
  skipped: boolean;
}

/** The V8 heap the batched 5,000-participant runs get: the process must do with under 1 GB. */
const BATCHED_HEAP_MB = 900;

function runChild(
  mode: string,
  participants: number,
  limitMs: number,
  heapMb = 6144,
): Promise<EngineRun> {
  const layout =
    mode === "xlsx"
      ? "xlsx"
      : mode === "batched-list"
        ? "activitylist"
        : mode === "batched"
          ? "weekgrid"
          : (mode as Layout);
  if (limitMs < 2000) {
    return Promise.resolve({
      layout,
      participants,
      result: {},
      completed: false,
      timedOut: false,
      wallMs: 0,
      stderr: "",
      skipped: true,
    });
  }
  return new Promise((done) => {
    const t = performance.now();
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        `--max-old-space-size=${heapMb}`,
        "--import",
        "tsx",
        join(ROOT, "bench", "engine.ts"),
        mode,
        String(participants),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    const result: Partial<EnginePhaseReport> = {};
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      const lines = stdout.split("\n");
      stdout = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("BENCH ")) continue;
        const parsed = JSON.parse(line.slice(6)) as EnginePhaseReport;
        // The warm validations come after the measured run: only their time is kept (the
        // phase, the peak memory and the rest stay those of the measured run).
        if (parsed.phase === "warm") result.validateWarmMs = parsed.validateWarmMs;
        else Object.assign(result, parsed);
      }
    });
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limitMs);
    child.on("close", () => {
      clearTimeout(timer);
      done({
        layout,
        participants,
        skipped: false,
        result,
        completed: result.phase === "done",
        timedOut,
        wallMs: performance.now() - t,
        stderr,
      });
    });
  });
}

/** What stopped a run, in Swedish, or null when it completed. */
function stopped(run: EngineRun): string | null {
  if (run.completed) return null;
  if (run.skipped) return "hoppades över: tidsbudgeten för motorn var slut";
  const phase = run.result.phase === "error" ? run.result.after : run.result.phase;
  const during =
    phase === undefined || phase === "start"
      ? "generering"
      : phase === "generated"
        ? run.layout === "xlsx"
          ? "filporten"
          : "läsning"
        : phase === "read" || phase === "batched-read"
          ? "validering"
          : phase === "file"
            ? "readWorkbook"
            : phase;
  if (run.timedOut) return `avbröts efter ${ms(run.wallMs)} (under ${during})`;
  if (/heap out of memory|Allocation failed/i.test(run.stderr))
    return `minnet tog slut under ${during}`;
  const error = run.result.error ?? /(\w*Error[^\n]*)/.exec(run.stderr)?.[1] ?? "okänt fel";
  return `fel under ${during}: ${error}`;
}

function engineRows(runs: readonly EngineRun[], rows: Row[]): void {
  for (const layout of LAYOUTS) {
    const section = `1. Motorn – ${LAYOUT_NAME[layout].toLowerCase()} (12 månader per deltagare)`;
    const mine = runs.filter((r) => r.layout === layout);
    for (const run of mine) {
      const r = run.result;
      const n = run.participants;
      const label = `${LAYOUT_NAME[layout]} ${int(n)} deltagare`;
      const problem = stopped(run);
      rows.push({
        section,
        matt: `${label}: aktiviteter / celler`,
        varde: r.activities === undefined ? "–" : `${int(r.activities)} / ${int(r.cells ?? 0)}`,
        mal: "",
        uppfyllt: null,
      });
      rows.push({
        section,
        matt: `${label}: läsning (readWorkbook)`,
        varde: r.readMs === undefined ? (problem ?? "–") : ms(r.readMs),
        mal: "",
        uppfyllt: r.readMs === undefined ? false : null,
      });
      const validateTarget = n === 500;
      rows.push({
        section,
        matt: `${label}: validering (validate)`,
        varde:
          r.validateMs === undefined
            ? r.readMs === undefined
              ? "–"
              : (problem ?? "–")
            : ms(r.validateMs),
        mal: validateTarget ? "< 1 s" : "",
        uppfyllt: validateTarget
          ? r.validateMs !== undefined && r.validateMs < TARGETS.validate500Ms
          : r.validateMs === undefined
            ? false
            : null,
      });
      if (r.validateWarmMs !== undefined) {
        rows.push({
          section,
          matt: `${label}: validering igen, varm (median av 3 följande i samma process)`,
          varde: ms(r.validateWarmMs),
          mal: "",
          uppfyllt: null,
        });
      }
      if (r.readMs !== undefined && r.validateMs !== undefined) {
        const total = r.readMs + r.validateMs;
        rows.push({
          section,
          matt: `${label}: läsning + validering`,
          varde: ms(total),
          mal: "",
          uppfyllt: null,
        });
        rows.push({
          section,
          matt: `${label}: aktiviteter per sekund (läsning + validering)`,
          varde: int(((r.activities ?? 0) * 1000) / total),
          mal: "",
          uppfyllt: null,
        });
        rows.push({
          section,
          matt: `${label}: tid per deltagare`,
          varde: ms(total / n),
          mal: "",
          uppfyllt: null,
        });
        const ratio = total / r.readMs;
        rows.push({
          section,
          matt: `${label}: kvot (läsning + validering) / läsning`,
          varde: dec(ratio),
          mal: `≤ ${dec(TARGETS.ratio)}`,
          uppfyllt: ratio <= TARGETS.ratio,
        });
      }
      rows.push({
        section,
        matt: `${label}: toppminne (RSS / heap), hela modellen på en gång`,
        varde:
          r.peakRssMb === undefined
            ? "–"
            : `${int(r.peakRssMb)} MB / ${int(r.peakHeapMb ?? 0)} MB${run.completed ? "" : " (senast mätt före avbrottet)"}`,
        mal: "",
        uppfyllt: null,
      });
    }
    const sizes = mine.map((r) => r.participants);
    for (let i = 1; i < sizes.length; i++) {
      const a = mine[i - 1]?.result;
      const b = mine[i]?.result;
      const na = sizes[i - 1] ?? 1;
      const nb = sizes[i] ?? 1;
      // Time per participant at the larger size over the smaller: 1 when growth is linear.
      const growth = (pick: (r: Partial<EnginePhaseReport>) => number | undefined) => {
        const x = a === undefined ? undefined : pick(a);
        const y = b === undefined ? undefined : pick(b);
        return x === undefined || y === undefined ? undefined : y / nb / (x / na);
      };
      const read = growth((r) => r.readMs);
      const validate = growth((r) => r.validateMs);
      const total = growth((r) =>
        r.readMs === undefined || r.validateMs === undefined ? undefined : r.readMs + r.validateMs,
      );
      const shown = (g: number | undefined) => (g === undefined ? "–" : dec(g));
      rows.push({
        section,
        matt: `${LAYOUT_NAME[layout]}: tid per deltagare ${int(nb)} / ${int(na)}, läsning · validering · totalt (linjär = 1)`,
        varde:
          total === undefined && read === undefined
            ? "ej mätbar (körningen fullföljdes inte)"
            : `${shown(read)} · ${shown(validate)} · ${shown(total)}`,
        mal: `≤ ${dec(TARGETS.growth, 1)} var`,
        uppfyllt: [read, validate].every((g) => g !== undefined && g <= TARGETS.growth),
      });
    }
  }
}

function xlsxRows(run: EngineRun, rows: Row[]): void {
  const section = "1. Motorn – .xlsx-filen genom filporten (som CLI:t)";
  const r = run.result;
  const label = `Veckoschema ${int(run.participants)} deltagare`;
  const problem = stopped(run);
  rows.push({
    section,
    matt: `${label}: filstorlek`,
    varde: r.xlsxBytes === undefined ? "–" : kb(r.xlsxBytes),
    mal: "",
    uppfyllt: null,
  });
  rows.push({
    section,
    matt: `${label}: FileWorkbook.fromBuffer + readSheets`,
    varde:
      r.fileOpenMs === undefined || r.fileReadSheetsMs === undefined
        ? (problem ?? "–")
        : `${ms(r.fileOpenMs + r.fileReadSheetsMs)} (öppna ${ms(r.fileOpenMs)}, läsa blad ${ms(r.fileReadSheetsMs)})`,
    mal: "",
    uppfyllt: null,
  });
  rows.push({
    section,
    matt: `${label}: fil → modell (filporten + readWorkbook)`,
    varde:
      r.fileOpenMs === undefined || r.fileReadSheetsMs === undefined || r.readMs === undefined
        ? (problem ?? "–")
        : ms(r.fileOpenMs + r.fileReadSheetsMs + r.readMs),
    mal: "",
    uppfyllt: null,
  });
  const { fileOpenMs, fileReadSheetsMs, readMs, cliValidateMs } = r;
  if (
    fileOpenMs !== undefined &&
    fileReadSheetsMs !== undefined &&
    readMs !== undefined &&
    cliValidateMs !== undefined
  ) {
    const fileRead = fileOpenMs + fileReadSheetsMs + readMs;
    rows.push({
      section,
      matt: `${label}: validering som \`schemakoll validera\` (validateBatched efter filporten)`,
      varde: ms(cliValidateMs),
      mal: "",
      uppfyllt: null,
    });
    // validateBatched reads the sheets again itself: its time holds a second readWorkbook.
    const ratio = (fileRead + cliValidateMs - readMs) / fileRead;
    rows.push({
      section,
      matt: `${label}: kvot (filen läst + validerad) / (filen läst), som CLI:t`,
      varde: dec(ratio),
      mal: `≤ ${dec(TARGETS.ratio)}`,
      uppfyllt: ratio <= TARGETS.ratio,
    });
  }
  rows.push({
    section,
    matt: `${label}: toppminne (RSS)`,
    varde: r.peakRssMb === undefined ? "–" : `${int(r.peakRssMb)} MB`,
    mal: "",
    uppfyllt: null,
  });
}

/** The batched validation at 5,000 participants under a V8 heap of BATCHED_HEAP_MB. */
function batchedRows(run: EngineRun, rows: Row[]): void {
  const section = `1. Motorn – Validera schema i omgångar (app/batched.ts), V8-heap högst ${int(BATCHED_HEAP_MB)} MB`;
  const r = run.result;
  const label = `${run.layout === "activitylist" ? "Aktivitetslista" : "Veckoschema"} ${int(run.participants)} deltagare, ${int(r.batchSize ?? 0)} åt gången (${int(r.batches ?? 0)} omgångar)`;
  const problem = stopped(run);
  rows.push({
    section,
    matt: `${label}: läsning i omgångar / läsning + validering i omgångar`,
    varde:
      r.batchedReadMs === undefined
        ? (problem ?? "–")
        : `${ms(r.batchedReadMs)} / ${r.batchedMs === undefined ? (problem ?? "–") : ms(r.batchedMs)}`,
    mal: "",
    uppfyllt: null,
  });
  if (r.batchedReadMs !== undefined && r.batchedMs !== undefined) {
    rows.push({
      section,
      matt: `${label}: kvot (läsning + validering) / läsning, i omgångar`,
      varde: dec(r.batchedMs / r.batchedReadMs),
      mal: `≤ ${dec(TARGETS.ratio)}`,
      uppfyllt: r.batchedMs / r.batchedReadMs <= TARGETS.ratio,
    });
  }
  rows.push({
    section,
    matt: `${label}: toppminne (RSS / heap)`,
    varde:
      r.peakRssMb === undefined
        ? "–"
        : `${int(r.peakRssMb)} MB / ${int(r.peakHeapMb ?? 0)} MB${run.completed ? "" : ` (${problem ?? "avbröts"}; senast mätt före avbrottet)`}`,
    mal: `< ${int(TARGETS.memory5000Mb)} MB`,
    uppfyllt: run.completed && r.peakRssMb !== undefined && r.peakRssMb < TARGETS.memory5000Mb,
  });
}

function roundTripRows(result: RoundTripResult, rows: Row[]): void {
  const section = "2. Rundresor till Excel (i minnet, fejkat Excel)";
  if (result.status !== "mätt") {
    rows.push({ section, matt: "Rundresor", varde: result.reason, mal: "", uppfyllt: null });
    return;
  }
  for (const m of result.measurements) {
    rows.push({
      section,
      matt: m.label,
      varde: m.value,
      mal: m.target ?? "",
      uppfyllt: m.met ?? null,
    });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const rows: Row[] = [];
  const log = (text: string) => process.stderr.write(`${text}\n`);

  // 4a. The bundles first: a fresh clone has no dist/, and the build must not share the CPU.
  log("Bygger/mäter paketen …");
  const build = ensureBuilt(args.has("--bygg"));
  const bundles = measureBundles(build);

  // 1. Engine.
  const engineDeadline = started + ENGINE_DEADLINE_MS;
  const within = (limit: number) => Math.min(limit, engineDeadline - performance.now());
  const runs: EngineRun[] = [];
  const engine = async (sizes: readonly number[]) => {
    for (const n of sizes) {
      for (const layout of LAYOUTS) {
        log(`Motorn: ${LAYOUT_NAME[layout]}, ${n} deltagare …`);
        runs.push(await runChild(layout, n, within(TIME_LIMIT_MS[n] ?? 40_000)));
      }
    }
  };
  // The small sizes and the file read first, so that the largest size is what a short budget cuts.
  await engine(SIZES.filter((n) => n <= 500));
  const xlsxRuns: EngineRun[] = [];
  for (const n of [50, 500]) {
    log(`Motorn: .xlsx genom filporten, ${n} deltagare …`);
    xlsxRuns.push(await runChild("xlsx", n, within(XLSX_TIME_LIMIT_MS)));
  }
  await engine(SIZES.filter((n) => n > 500));
  const batchedRuns: EngineRun[] = [];
  for (const n of SIZES.filter((size) => size > 500)) {
    for (const mode of ["batched", "batched-list"]) {
      log(`Motorn: i omgångar (${mode}), ${n} deltagare, heap ${BATCHED_HEAP_MB} MB …`);
      batchedRuns.push(await runChild(mode, n, within(BATCHED_TIME_LIMIT_MS), BATCHED_HEAP_MB));
    }
  }
  runs.sort((a, b) => a.participants - b.participants);
  engineRows(runs, rows);
  for (const run of xlsxRuns) xlsxRows(run, rows);
  for (const run of batchedRuns) batchedRows(run, rows);

  // 2. Round trips.
  log("Rundresor över det fejkade Excel …");
  const roundTrips = await measureRoundTrips();
  roundTripRows(roundTrips, rows);

  // 3. Custom functions.
  log("Anpassade funktioner …");
  const functions = measureFunctions();
  for (const f of functions) {
    rows.push({
      section: "3. Anpassade funktioner",
      matt: `=AMI.${f.name}: tid per anrop (${int(f.calls)} anrop)`,
      varde: `${dec(f.microsecondsPerCall, 1)} µs`,
      mal: "",
      uppfyllt: null,
    });
  }

  // 4b. Bundle sizes and first render.
  const bundleSection = "4. Paket";
  if (bundles.stale !== null) {
    rows.push({
      section: bundleSection,
      matt: "Obs: dist/ mättes som den är",
      varde: `${bundles.stale} – kör npm run build eller npm run bench -- --bygg`,
      mal: "",
      uppfyllt: null,
    });
  }
  rows.push({
    section: bundleSection,
    matt: "Aktivitetspanelen (dist/taskpane.js), gzip",
    varde: `${kb(bundles.taskpaneGzipBytes)} (okomprimerat ${kb(bundles.taskpaneBytes)})`,
    mal: `≤ ${kb(TARGETS.taskpaneGzipBytes)}`,
    uppfyllt: bundles.taskpaneGzipBytes <= TARGETS.taskpaneGzipBytes,
  });
  rows.push({
    section: bundleSection,
    matt: "Funktionskoden (dist/functions.js), gzip",
    varde: `${kb(bundles.functionsGzipBytes)} (okomprimerat ${kb(bundles.functionsBytes)})`,
    mal: `≤ ${kb(TARGETS.functionsGzipBytes)}`,
    uppfyllt: bundles.functionsGzipBytes <= TARGETS.functionsGzipBytes,
  });
  let firstRender: Awaited<ReturnType<typeof measureFirstRender>> | { error: string } | null = null;
  if (!args.has("--utan-webblasare")) {
    log("Aktivitetspanelen i Chromium …");
    try {
      firstRender = await measureFirstRender(3);
      rows.push({
        section: bundleSection,
        matt: `Aktivitetspanelen: tid till första rendering (Chromium, ${firstRender.via === "e2e-harness" ? "E2E-harnessen" : "lokal server"}, median av 3)`,
        varde: `${ms(firstRender.medianMs)}${firstRender.largestContentfulPaintMs === null ? "" : ` (largest-contentful-paint ${ms(firstRender.largestContentfulPaintMs)})`}`,
        mal: "",
        uppfyllt: null,
      });
    } catch (error) {
      firstRender = { error: error instanceof Error ? error.message : String(error) };
      rows.push({
        section: bundleSection,
        matt: "Aktivitetspanelen: tid till första rendering",
        varde: `kunde inte mätas: ${firstRender.error.split("\n")[0] ?? ""}`,
        mal: "",
        uppfyllt: null,
      });
    }
  }

  const totalMs = performance.now() - started;
  rows.push({
    section: "Hela körningen",
    matt: `npm run bench${build.built ? ` (med bygget, ${build.reason ?? ""})` : ""}`,
    varde: ms(totalMs),
    mal: `< ${ms(TARGETS.benchMs)}`,
    uppfyllt: totalMs < TARGETS.benchMs,
  });

  const cpuList = cpus();
  const results = {
    timestamp: new Date().toISOString(),
    machine: {
      cpus: cpuList.length,
      cpuModel: cpuList[0]?.model ?? null,
      totalMemoryMb: Math.round(totalmem() / (1024 * 1024)),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
    },
    options: [...args],
    targets: TARGETS,
    engine: runs.map((r) => ({
      layout: r.layout,
      participants: r.participants,
      completed: r.completed,
      timedOut: r.timedOut,
      stopped: stopped(r),
      wallMs: r.wallMs,
      ...r.result,
      readPlusValidateMs:
        r.result.readMs !== undefined && r.result.validateMs !== undefined
          ? r.result.readMs + r.result.validateMs
          : null,
    })),
    xlsx: xlsxRuns.map((x) => ({
      completed: x.completed,
      stopped: stopped(x),
      wallMs: x.wallMs,
      ...x.result,
    })),
    batched: batchedRuns.map((b) => ({
      layout: b.layout,
      participants: b.participants,
      heapMb: BATCHED_HEAP_MB,
      completed: b.completed,
      stopped: stopped(b),
      wallMs: b.wallMs,
      ...b.result,
    })),
    roundTrips,
    functions,
    bundles: { ...bundles, firstRender },
    totalMs,
    table: rows,
  };
  writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${renderTable(rows)}\n\nResultaten står i bench/results.json.\n`);
  if (args.has("--markdown")) process.stdout.write(`\n${renderMarkdown(rows)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
