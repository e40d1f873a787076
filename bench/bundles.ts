/**
 * Bundles: the gzip sizes of dist/taskpane.js and dist/functions.js (built with `npm run build`
 * first when dist/ lacks them or is older than src/), and the task pane's time to first render
 * in headless Chromium.
 *
 * The render: dist/ is served over a local http server; office.js, which the page loads from
 * Microsoft's CDN, is answered from node_modules/@microsoft/office-js/dist instead (no network:
 * every other outside request is refused). Measured per fresh browser context from navigation
 * start to the moment the pane's heading "Schemakoll" is in the document and a frame has been
 * painted after it, beside the browser's own first-contentful-paint.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import { generateWorkbook } from "./generate";

export const ROOT = resolve(__dirname, "..");
const DIST = join(ROOT, "dist");
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

export interface BuildInfo {
  built: boolean;
  buildMs: number | null;
  /** Why the bench built dist/ first ("dist/ saknas", "--bygg"). */
  reason: string | null;
  /** Set when dist/ was measured although it is older than its sources. */
  stale: string | null;
}

export interface BundleSizes extends BuildInfo {
  taskpaneBytes: number;
  taskpaneGzipBytes: number;
  functionsBytes: number;
  functionsGzipBytes: number;
}

export interface FirstRender {
  /** How the page was opened: the E2E harness (fake Excel host) or a plain local server. */
  via: "e2e-harness" | "local-server";
  /** Navigation start → first paint of the pane's content, ms, per run. */
  runsMs: number[];
  medianMs: number;
  /** first-contentful-paint (the page is blank until the pane renders), median, ms. */
  firstContentfulPaintMs: number | null;
  /** largest-contentful-paint, median, ms (harness only). */
  largestContentfulPaintMs: number | null;
  /** Errors the page reported (harness only). */
  pageErrors: string[];
}

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The newest modification time of any file under a directory (ms). */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why dist/ must be built first, or null when its bundles are there and newer than src/. */
export function buildReason(): string | null {
  const bundles = ["taskpane.js", "functions.js", "taskpane.html"].map((f) => join(DIST, f));
  if (bundles.some((f) => !existsSync(f))) return "dist/ saknas";
  const built = Math.min(...bundles.map((f) => statSync(f).mtimeMs));
  // The build's inputs, as the E2E harness counts them.
  const inputs = ["src", join("scripts", "webpack"), "webpack.config.js", "manifest.xml"]
    .map((p) => join(ROOT, p))
    .filter((p) => existsSync(p))
    .map((p) => (statSync(p).isDirectory() ? newestUnder(p) : statSync(p).mtimeMs));
  return Math.max(...inputs) > built ? "källorna är nyare än dist/" : null;
}

/**
 * Builds dist/ with `npm run build` when it is missing (a fresh clone) or when forced. A dist/
 * older than the sources is measured as it is and said so: the bench does not replace a build
 * someone else may be using (the E2E harness builds to out/ for the same reason).
 */
export function ensureBuilt(force = false): BuildInfo {
  const why = buildReason();
  const reason = force ? "--bygg" : why === "dist/ saknas" ? why : null;
  if (reason === null) return { built: false, buildMs: null, reason: null, stale: why };
  const t = performance.now();
  const result = spawnSync("npm", ["run", "build"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 240_000,
    shell: process.platform === "win32",
  });
  if (result.status !== 0) {
    throw new Error(
      `npm run build misslyckades (${String(result.status)}):\n${result.stderr.slice(-2000)}`,
    );
  }
  return { built: true, buildMs: performance.now() - t, reason, stale: null };
}

export function measureBundles(build: BuildInfo): BundleSizes {
  const taskpane = join(DIST, "taskpane.js");
  const functions = join(DIST, "functions.js");
  return {
    ...build,
    taskpaneBytes: statSync(taskpane).size,
    taskpaneGzipBytes: gzipSize(taskpane),
    functionsBytes: statSync(functions).size,
    functionsGzipBytes: gzipSize(functions),
  };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/** Serves a directory, nothing outside it. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(dir, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((done) => {
    server.listen(0, "127.0.0.1", () => {
      done(server);
    });
  });
}

/** The local copy of a file the page asks appsforoffice.microsoft.com for, or null. */
function officeFile(url: string): string | null {
  const m = /\/lib\/1\/hosted\/(.+)$/.exec(new URL(url).pathname);
  const rest = m?.[1];
  if (rest === undefined) return null;
  const file = normalize(join(OFFICE_DIST, rest));
  return file.startsWith(OFFICE_DIST + sep) && existsSync(file) ? file : null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export const CHROMIUM = "/usr/bin/chromium";

/**
 * Runs in the page before its own scripts (a string, so that no compiled helper leaks in):
 * records performance.now() at the first frame after the heading "Schemakoll" went in.
 */
const RENDER_PROBE = `
(() => {
  const observer = new MutationObserver(() => {
    const h1 = document.querySelector("h1");
    if (!h1 || !(h1.textContent || "").includes("Schemakoll")) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      if (window.__benchRendered === undefined) window.__benchRendered = performance.now();
    }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

async function measureFirstRenderLocal(runs: number): Promise<FirstRender> {
  const { chromium } = await import("playwright-core");
  const server = await serve(DIST);
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  const times: number[] = [];
  const paints: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route("**/*", async (route) => {
        const url = route.request().url();
        const host = new URL(url).hostname;
        if (host === "127.0.0.1") return route.continue();
        if (host === "appsforoffice.microsoft.com") {
          const file = officeFile(url);
          if (file !== null) {
            return route.fulfill({
              status: 200,
              contentType: "text/javascript; charset=utf-8",
              body: readFileSync(file),
            });
          }
        }
        return route.abort();
      });
      await page.addInitScript({ content: RENDER_PROBE });
      await page.goto(`http://127.0.0.1:${port}/taskpane.html`, { waitUntil: "commit" });
      await page.waitForFunction("window.__benchRendered !== undefined", undefined, {
        timeout: 30_000,
      });
      // The browser reports its paint entries a little later than the frame itself.
      await page
        .waitForFunction(
          'performance.getEntriesByName("first-contentful-paint").length > 0',
          undefined,
          { timeout: 5_000 },
        )
        .catch(() => undefined);
      const measured = await page.evaluate<{ rendered: number; fcp: number | null }>(
        `({ rendered: window.__benchRendered,
            fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null })`,
      );
      times.push(measured.rendered);
      if (measured.fcp !== null) paints.push(measured.fcp);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return {
    via: "local-server",
    runsMs: times,
    medianMs: median(times),
    firstContentfulPaintMs: paints.length === 0 ? null : median(paints),
    largestContentfulPaintMs: null,
    pageErrors: [],
  };
}

/** The paint entries of the page so far (largest-contentful-paint only through an observer). */
const PAINTS = `new Promise((done) => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  let lcp = null;
  try {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      lcp = entries[entries.length - 1].startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch (e) {}
  setTimeout(() => done({ fcp: fcp ? fcp.startTime : null, lcp }), 200);
})`;

/**
 * Through the E2E harness (test/e2e/harness.ts): the pane inside a fake Excel host over a small
 * generated workbook, as the browser tests open it. first-contentful-paint is the first render
 * of the pane (the page shows nothing before it).
 */
async function measureFirstRenderHarness(runs: number): Promise<FirstRender> {
  const harness = await import("../test/e2e/harness");
  const sheets = generateWorkbook({ participants: 1, layout: "weekgrid", months: 2 }).sheets;
  const browser = await harness.launchChromium();
  const fcps: number[] = [];
  const lcps: number[] = [];
  const pageErrors: string[] = [];
  try {
    const dist = await harness.taskpaneBuild();
    for (let i = 0; i < runs; i++) {
      const pane = await harness.openPane(browser, dist, { sheets });
      const paints = await pane.page.evaluate<{ fcp: number | null; lcp: number | null }>(PAINTS);
      if (paints.fcp !== null) fcps.push(paints.fcp);
      if (paints.lcp !== null) lcps.push(paints.lcp);
      pageErrors.push(...pane.errors);
      await pane.close();
    }
  } finally {
    await browser.close();
  }
  if (fcps.length === 0) throw new Error("first-contentful-paint saknas");
  return {
    via: "e2e-harness",
    runsMs: fcps,
    medianMs: median(fcps),
    firstContentfulPaintMs: median(fcps),
    largestContentfulPaintMs: lcps.length === 0 ? null : median(lcps),
    pageErrors,
  };
}

/** The E2E harness when it is there, else dist/ over a local server. */
export async function measureFirstRender(runs = 3): Promise<FirstRender> {
  try {
    return await measureFirstRenderHarness(runs);
  } catch (error) {
    const fallback = await measureFirstRenderLocal(runs);
    fallback.pageErrors.push(
      `E2E-harnessen kunde inte användas: ${error instanceof Error ? error.message : String(error)}`,
    );
    return fallback;
  }
}
