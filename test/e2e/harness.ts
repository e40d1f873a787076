/**
 * The browser harness: the production build of the task pane (dist/, or a fresh build of it
 * under out/e2e-dist when dist/ is missing or older than the sources), the real office.js from
 * @microsoft/office-js, and the in-memory Excel of test/excelFake loaded from a real workbook,
 * all in Debian's Chromium driven by playwright-core. Nothing goes to the network: every request
 * is answered from local files through page.route, and anything else is refused and recorded.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { AxeResults } from "axe-core";
import type { CellSnapshot, FakeSheetInit } from "../excelFake";
import { FileWorkbook } from "../../src/workbook/file";
import type { HostInit } from "./page/host";

export const ROOT = resolve(__dirname, "..", "..");
export const EXEMPEL = join(ROOT, "assets", "exempel");
export const SCREENSHOTS = join(__dirname, "screenshots");
/** The add-in's address in manifest.xml during development; the pages are served from memory. */
export const ORIGIN = "https://localhost:3000";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** Where the harness serves axe-core (never part of the build). */
const AXE_PATH = "/__e2e__/axe.min.js";
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const E2E_DIST = join(ROOT, "out", "e2e-dist");
/** office.js's own telemetry (an iframe it opens even outside Office). */
const OFFICE_TELEMETRY = /(^|\.)oaspapps\.com$/;
const OFFICE_TELEMETRY_REFUSED =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;

export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

// ---- the build -------------------------------------------------------------------------------

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The inputs of webpack's build; a build older than any of them is stale. */
function sourcesMtime(): number {
  return Math.max(
    ...["src", "webpack.config.js", join("scripts", "webpack"), "manifest.xml"]
      .map((p) => join(ROOT, p))
      .filter((p) => existsSync(p))
      .map(newestMtime),
  );
}

function isFreshBuild(dir: string, sources: number): boolean {
  const files = ["taskpane.html", "taskpane.js", "functions.js"].map((f) => join(dir, f));
  return files.every((f) => existsSync(f) && statSync(f).mtimeMs >= sources);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolvePromise();
      else
        reject(
          new Error(
            `${command} ${args.join(" ")} failed (${String(code)}):\n${output.slice(-4000)}`,
          ),
        );
    });
  });
}

/**
 * The directory holding the production build: dist/ when it is newer than the sources (CI runs
 * `npm run build` before the tests), otherwise a production build written to out/e2e-dist, so
 * that dist/ is never replaced under someone's feet.
 */
export async function taskpaneBuild(): Promise<string> {
  const sources = sourcesMtime();
  const dist = join(ROOT, "dist");
  if (process.env.SCHEMAKOLL_E2E_DIST) return resolve(process.env.SCHEMAKOLL_E2E_DIST);
  if (isFreshBuild(dist, sources)) return dist;
  if (isFreshBuild(E2E_DIST, sources)) return E2E_DIST;
  // Several test files may ask at once (Jest workers): one builds, the others wait for it.
  const lock = `${E2E_DIST}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 10 * 60_000) {
        rmSync(lock, { recursive: true, force: true });
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  try {
    if (isFreshBuild(E2E_DIST, sourcesMtime())) return E2E_DIST;
    const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    await run(process.execPath, [cli, "--mode", "production", "--output-path", E2E_DIST]);
    return E2E_DIST;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

let hostBundle: Promise<string> | null = null;

/** test/e2e/page/host.ts and the fake as one browser script (esbuild, which tsx brings along). */
export function fakeHostBundle(): Promise<string> {
  hostBundle ??= (async () => {
    const esbuild = await import("esbuild");
    const result = await esbuild.build({
      entryPoints: [join(__dirname, "page", "host.ts")],
      bundle: true,
      format: "iife",
      globalName: "__e2eHostModule",
      platform: "browser",
      target: "es2020",
      write: false,
      logLevel: "silent",
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error("esbuild wrote nothing");
    return file.text;
  })();
  return hostBundle;
}

// ---- workbooks -------------------------------------------------------------------------------

function argbToHex(argb: string | undefined): string | null {
  if (argb === undefined) return null;
  const hex = argb.replace(/^#/, "");
  if (/^[0-9A-Fa-f]{8}$/.test(hex)) return `#${hex.slice(2).toUpperCase()}`;
  if (/^[0-9A-Fa-f]{6}$/.test(hex)) return `#${hex.toUpperCase()}`;
  return null;
}

function noteText(note: ExcelJS.Cell["note"] | undefined): string | null {
  if (note === undefined) return null;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * A workbook as the fake's initial state: values and number formats as the file port reads
 * them (what Range.values and numberFormat give), solid fills and notes read with ExcelJS.
 */
export async function sheetsFromXlsx(data: Buffer): Promise<FakeSheetInit[]> {
  const port = await FileWorkbook.fromBuffer(data);
  const sheets = await port.readSheets();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return sheets.map((sheet) => {
    const ws = workbook.getWorksheet(sheet.name);
    const rows = Math.max(sheet.values.length, ws?.rowCount ?? 0);
    const cols = Math.max(sheet.values[0]?.length ?? 0, ws?.columnCount ?? 0);
    const fills: (string | null)[][] = [];
    const notes: (string | null)[][] = [];
    for (let r = 1; r <= rows; r++) {
      const fillRow: (string | null)[] = [];
      const noteRow: (string | null)[] = [];
      for (let c = 1; c <= cols; c++) {
        const cell = ws?.findCell(r, c);
        const fill = cell?.fill;
        fillRow.push(
          fill?.type === "pattern" && fill.pattern === "solid"
            ? argbToHex(fill.fgColor?.argb)
            : null,
        );
        noteRow.push(cell ? noteText(cell.note) : null);
      }
      fills.push(fillRow);
      notes.push(noteRow);
    }
    const state = ws?.state;
    return {
      name: sheet.name,
      values: sheet.values,
      ...(sheet.numberFormats ? { numberFormats: sheet.numberFormats } : {}),
      fills,
      notes,
      visibility: state === "hidden" ? "Hidden" : state === "veryHidden" ? "VeryHidden" : "Visible",
    };
  });
}

/** An example workbook, optionally edited with ExcelJS first, as the fake's initial state. */
export async function exampleSheets(
  file: string,
  edit?: (workbook: ExcelJS.Workbook) => void,
): Promise<FakeSheetInit[]> {
  const path = join(EXEMPEL, file);
  if (!edit) return sheetsFromXlsx(readFileSync(path));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  edit(workbook);
  return sheetsFromXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
}

// ---- the browser -----------------------------------------------------------------------------

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Webbläsartesterna behöver Debians Chromium (${CHROMIUM}): sudo apt-get install -y chromium`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Answers `path` under `dir`, or 404; never outside `dir`. */
function localFile(dir: string, path: string): { status: number; body: Buffer; type: string } {
  const file = resolve(dir, `.${decodeURIComponent(path)}`);
  if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
    return { status: 404, body: Buffer.from(""), type: "text/plain" };
  }
  return {
    status: 200,
    body: readFileSync(file),
    type: CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
  };
}

export interface Pane {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors in the page. */
  errors: string[];
  /** Requests the harness refused (anything not served from local files). */
  blocked: string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  sheets: FakeSheetInit[];
  /** Task pane width in CSS pixels (Excel's pane: 320 narrowest, 500 wide). */
  width?: number;
  height?: number;
  /** "none": office.js as it is outside Office, without the Excel host parts. */
  officeHost?: HostInit["officeHost"];
}

/** Opens the built task pane over a fake workbook and waits until it has rendered. */
export async function openPane(
  browser: Browser,
  dist: string,
  options: PaneOptions,
): Promise<Pane> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 360, height: options.height ?? 900 },
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const blocked: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    // taskpane.html's Content-Security-Policy allows no frames, so office.js's own telemetry
    // frame is refused (as the policy intends); Chromium logs that as an error.
    if (m.type() === "error" && !OFFICE_TELEMETRY_REFUSED.test(m.text())) {
      errors.push(`console: ${m.text()}`);
    }
  });

  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.href.startsWith(OFFICE_CDN)) {
      const file = localFile(OFFICE_DIST, url.pathname.slice("/lib/1/hosted".length));
      // After office.js itself: the host parts Excel would give (test/e2e/page/host.ts).
      const body =
        url.pathname.endsWith("/office.js") && file.status === 200
          ? Buffer.concat([
              file.body,
              Buffer.from("\n;window.__e2eAfterOffice && window.__e2eAfterOffice();\n"),
            ])
          : file.body;
      await route.fulfill({ status: file.status, body, contentType: file.type });
      return;
    }
    if (url.origin === ORIGIN && url.pathname === AXE_PATH) {
      const file = readFileSync(require.resolve("axe-core/axe.min.js"));
      await route.fulfill({ status: 200, body: file, contentType: CONTENT_TYPES[".js"] });
      return;
    }
    if (url.origin === ORIGIN) {
      const file = localFile(dist, url.pathname);
      await route.fulfill({ status: file.status, body: file.body, contentType: file.type });
      return;
    }
    if (OFFICE_TELEMETRY.test(url.host)) {
      // office.js opens its telemetry frame even outside Office; answer it with an empty page.
      await route.fulfill({ status: 200, body: "", contentType: "text/html" });
      return;
    }
    blocked.push(url.href);
    await route.abort("blockedbyclient");
  });

  const init: HostInit = { sheets: options.sheets, officeHost: options.officeHost ?? "Excel" };
  await page.addInitScript({
    content: `${await fakeHostBundle()}\n__e2eHostModule.install(${JSON.stringify(init)});`,
  });
  await page.goto(`${ORIGIN}/taskpane.html`);
  await page.getByRole("heading", { name: "Schemakoll" }).waitFor();
  return {
    context,
    page,
    errors,
    blocked,
    close: () => context.close(),
  };
}

// ---- the fake's state, read from the page -----------------------------------------------------

export type WorkbookCells = Record<string, Record<string, CellSnapshot>>;

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__e2e?.fake.sheetNames() ?? []);
}

/** Every cell holding anything, on every sheet: value, formula, format, fill, bold, note, link. */
export function allCells(page: Page): Promise<WorkbookCells> {
  return page.evaluate(() => {
    const fake = window.__e2e?.fake;
    if (!fake) throw new Error("no fake");
    const out: Record<string, Record<string, CellSnapshot>> = {};
    for (const name of fake.sheetNames()) out[name] = fake.cellsOf(name);
    return out;
  });
}

export function sheetValues(page: Page, sheet: string): Promise<(string | number | boolean)[][]> {
  return page.evaluate((name) => {
    const fake = window.__e2e?.fake;
    if (!fake) throw new Error("no fake");
    return fake.valuesOf(name);
  }, sheet);
}

export function selection(
  page: Page,
): Promise<{ active: string | null; selection: { sheet: string; address: string } | null }> {
  return page.evaluate(() => {
    const fake = window.__e2e?.fake;
    if (!fake) throw new Error("no fake");
    return { active: fake.activeSheetName() ?? null, selection: fake.selection };
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core (node_modules/axe-core/axe.min.js) over the whole document.
 *
 * One known false positive is left out, as Microsoft's Accessibility Insights does
 * (microsoft/accessibility-insights-web#7605, microsoft/tabster#288): aria-hidden-focus on
 * Tabster's focus-redirecting dummies (<i data-tabster-dummy tabindex=0 aria-hidden>, which
 * Fluent UI v9's TabList and Dialog add); they pass the focus on at once and are meant to be
 * hidden from screen readers. Any other node of that rule still counts.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  // Served from the pane's own origin: taskpane.html's Content-Security-Policy refuses inline
  // scripts, and the page is tested under that policy as it ships.
  if (!loaded) await page.addScriptTag({ url: `${ORIGIN}${AXE_PATH}` });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document, options: object): Promise<AxeResults> };
      }
    ).axe;
    const results = await axe.run(document, { resultTypes: ["violations"], elementRef: true });
    const tabsterDummy = (id: string, element: unknown) =>
      id === "aria-hidden-focus" &&
      element instanceof Element &&
      element.hasAttribute("data-tabster-dummy");
    // axe files text whose contrast it computed but will not judge (1:1, "maybe hidden on
    // purpose") under incomplete; text a user cannot read is a violation all the same.
    const unreadable = results.incomplete
      .filter((v) => v.id === "color-contrast")
      .map((v) => ({
        ...v,
        id: "color-contrast-incomplete",
        impact: "serious" as const,
        nodes: v.nodes.filter((n) => {
          const data = n.any[0]?.data as
            { contrastRatio?: unknown; expectedContrastRatio?: unknown } | undefined;
          const ratio = typeof data?.contrastRatio === "number" ? data.contrastRatio : 0;
          const expected =
            typeof data?.expectedContrastRatio === "string"
              ? parseFloat(data.expectedContrastRatio)
              : 4.5;
          return ratio > 0 && ratio < expected;
        }),
      }));
    return [...results.violations, ...unreadable]
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes
          .filter((n) => !tabsterDummy(v.id, (n as { element?: unknown }).element))
          .map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`),
      }))
      .filter((v) => v.nodes.length > 0);
  });
}

/** Only what axe calls serious or critical. */
export function severe(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
