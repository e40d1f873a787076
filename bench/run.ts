/**
 * `npm run bench`: Schemakoll's benchmark (issue 8). Prints a Swedish table (Mått · Värde · Mål ·
 * Uppfyllt) and writes every figure to bench/results.json:
 *
 * 1. Engine: generated workbooks (bench/generate.ts) of 50, 500 and 5,000 participants × 12
 *    months, as week grids and as activity lists, each size in a process of its own (peak
 *    memory); read and validate time, activities per second, time per participant and its
 *    growth, the ratio (read + validate) / read; the .xlsx read through the file port at 500.
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
/** The engine runs end this long after the bench started, leaving time for sections 2–4. */
const ENGINE_DEADLINE_MS = 215_000;

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

function runChild(mode: string, participants: number, limitMs: number): Promise<EngineRun> {
  const layout = mode === "xlsx" ? "xlsx" : (mode as Layout);
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
        "--max-old-space-size=6144",
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
        if (line.startsWith("BENCH ")) Object.assign(result, JSON.parse(line.slice(6)));
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
        : phase === "read"
          ? "validering"
          : phase === "file"
            ? "readWorkbook"
            : phase;
  if (run.timedOut) return `avbröts efter ${ms(run.wallMs)} (under ${during})`;
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
      const memoryTarget = n === 5000;
      rows.push({
        section,
        matt: `${label}: toppminne (RSS / heap)`,
        varde:
          r.peakRssMb === undefined
            ? "–"
            : `${int(r.peakRssMb)} MB / ${int(r.peakHeapMb ?? 0)} MB${run.completed ? "" : " (senast mätt före avbrottet)"}`,
        mal: memoryTarget ? `< ${int(TARGETS.memory5000Mb)} MB` : "",
        uppfyllt: memoryTarget
          ? run.completed && r.peakRssMb !== undefined && r.peakRssMb < TARGETS.memory5000Mb
          : null,
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
  rows.push({
    section,
    matt: `${label}: toppminne (RSS)`,
    varde: r.peakRssMb === undefined ? "–" : `${int(r.peakRssMb)} MB`,
    mal: "",
    uppfyllt: null,
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
  log("Motorn: .xlsx genom filporten, 500 deltagare …");
  const xlsx = await runChild("xlsx", 500, within(XLSX_TIME_LIMIT_MS));
  await engine(SIZES.filter((n) => n > 500));
  runs.sort((a, b) => a.participants - b.participants);
  engineRows(runs, rows);
  xlsxRows(xlsx, rows);

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
    xlsx: {
      completed: xlsx.completed,
      stopped: stopped(xlsx),
      wallMs: xlsx.wallMs,
      ...xlsx.result,
    },
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
