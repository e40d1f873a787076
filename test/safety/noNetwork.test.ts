/**
 * Issue 9, item 5 — no network. Schemakoll makes no network calls and sends no telemetry
 * (design.md): the built bundles hold no URL but Microsoft's office.js and strings that are
 * not network addresses (each allowed below with the reason), our own source uses no network
 * API, the task pane page forbids connections to any other host by its Content-Security-
 * Policy, and the Office add-in tooling sends no usage data.
 * CI runs `npm run build` before the tests; when dist/ is missing this suite builds it itself.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const ROOT = join(__dirname, "../..");
/** The built add-in; SCHEMAKOLL_DIST points elsewhere (a fresh build in a temporary folder). */
const DIST = process.env.SCHEMAKOLL_DIST ?? join(ROOT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_HOST = "https://appsforoffice.microsoft.com";

/** Every URL-like string a bundle may hold, and why it is no network call. */
const ALLOWED: readonly { url: string | RegExp; why: string }[] = [
  { url: OFFICE_JS, why: "Office.js, which Microsoft requires add-ins to load from its CDN" },
  { url: OFFICE_HOST, why: "office.js's host, named in the page's CSP script-src" },
  { url: "http://www.w3.org/2000/svg", why: "XML namespace (React DOM creates SVG elements)" },
  { url: "http://www.w3.org/1999/xlink", why: "XML namespace (React DOM, xlink attributes)" },
  { url: "http://www.w3.org/1999/xhtml", why: "XML namespace (React DOM)" },
  { url: "http://www.w3.org/XML/1998/namespace", why: "XML namespace (React DOM, xml:lang)" },
  { url: "http://www.w3.org/1998/Math/MathML", why: "XML namespace (React DOM, MathML)" },
  {
    url: /^http:\/\/schemas\.(?:microsoft\.com\/office|openxmlformats\.org)\/[\w./-]*$/,
    why: "Office Open XML namespaces (identifiers, never fetched)",
  },
  {
    url: "https://react.dev/errors/",
    why: "text of React's minified error messages (a link for a developer to read)",
  },
  {
    url: /^https?:\/\/json-schema\.org\/(?:draft-0[47]\/schema#|draft\/2020-12\/schema)$/,
    why: "zod's JSON Schema $schema identifiers (strings, never fetched)",
  },
  {
    url: "http://[${e}]",
    why: "zod's IPv6 check parses new URL(`http://[${address}]`) — parsing only",
  },
];

const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>)\\,;]*/g;

function allowed(url: string): boolean {
  return ALLOWED.some((a) => (typeof a.url === "string" ? a.url === url : a.url.test(url)));
}

function bundles(): string[] {
  return readdirSync(DIST)
    .filter((f) => /\.(?:js|html)$/.test(f))
    .map((f) => join(DIST, f));
}

/** Our own source files (tests excepted: they may name an API to check it is not used). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx|js|html)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

beforeAll(() => {
  const built = ["taskpane.html", "taskpane.js", "functions.js"].every((f) =>
    existsSync(join(DIST, f)),
  );
  if (!built) {
    // `npm test` alone still checks the bundles: build them as CI does.
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules/webpack/bin/webpack.js"), "--mode", "production"],
      {
        cwd: ROOT,
        stdio: "pipe",
        timeout: 280_000,
      },
    );
  }
}, 300_000);

describe("the built bundles", () => {
  test("hold no URL but office.js and the allowed non-network strings", () => {
    const found: string[] = [];
    for (const file of bundles()) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(URL_RE)) {
        if (!allowed(m[0])) found.push(`${relative(ROOT, file)}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  test("office.js is the only script loaded from outside", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const sources = [...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(sources.filter((s) => s !== undefined && /^(?:[a-z]+:)?\/\//i.test(s))).toEqual([
      OFFICE_JS,
    ]);
    const links = [...html.matchAll(/<link\b[^>]*\shref=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(links.filter((s) => s !== undefined && /^(?:[a-z]+:)?\/\//i.test(s))).toEqual([]);
  });

  test("call no network API", () => {
    const found: string[] = [];
    for (const file of bundles()) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(
        /\bfetch\(|\bXMLHttpRequest\b|\bnew WebSocket\b|\bsendBeacon\b|\bEventSource\b/g,
      )) {
        found.push(`${relative(ROOT, file)}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe("our own source", () => {
  const API =
    /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b|navigator\.\s*sendBeacon|\bnode:(?:http|https|net|dgram|tls)\b|require\(["'](?:http|https|net|dgram|tls)["']\)/g;

  test("uses no network API (fetch, XMLHttpRequest, WebSocket, sendBeacon, node:http …)", () => {
    const found: string[] = [];
    for (const file of sourceFiles(join(ROOT, "src"))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          // Comments may name an API to say it is not used.
          const code = line.replace(/\/\/.*$/, "").replace(/^\s*\*.*$/, "");
          for (const m of code.matchAll(API)) {
            found.push(`${relative(ROOT, file)}:${String(i + 1)}: ${m[0]}`);
          }
        });
    }
    expect(found).toEqual([]);
  });

  test("deliberate break: a fetch( in a bundle or in the source would be caught", () => {
    expect("window.fetch('https://evil.example/x')".match(API)).not.toBeNull();
    expect("https://evil.example/x".match(URL_RE)?.every(allowed)).toBe(false);
    expect(allowed(OFFICE_JS)).toBe(true);
    expect(allowed(`${OFFICE_JS}?v=2`)).toBe(false);
  });
});

/** The page's CSP directives: name → tokens; null when there is no CSP meta tag. */
function cspOf(html: string): Map<string, string[]> | null {
  const tag = /<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html)?.[0];
  if (tag === undefined) return null;
  const content = /\scontent=(?:"([^"]*)"|'([^']*)')/i.exec(tag);
  const policy = content?.[1] ?? content?.[2] ?? "";
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== undefined && d[0] !== "")
      .map(([name = "", ...tokens]) => [name.toLowerCase(), tokens]),
  );
}

/** A directive's tokens, falling back to default-src as browsers do. */
function directive(csp: Map<string, string[]>, name: string): string[] | undefined {
  return csp.get(name) ?? csp.get("default-src");
}

/** What is wrong with a page's CSP for Schemakoll (empty: fine). */
function cspProblems(html: string): string[] {
  const csp = cspOf(html);
  if (csp === null) return ["no Content-Security-Policy meta tag"];
  const problems: string[] = [];
  const connect = directive(csp, "connect-src");
  if (connect === undefined) problems.push("neither connect-src nor default-src");
  for (const token of connect ?? []) {
    if (token !== "'self'" && token !== "'none'") problems.push(`connect-src ${token}`);
  }
  const script = directive(csp, "script-src");
  if (script === undefined) problems.push("neither script-src nor default-src");
  for (const token of script ?? []) {
    const ok =
      token === "'self'" ||
      token === OFFICE_HOST ||
      token === `${OFFICE_HOST}/` ||
      token.startsWith(`${OFFICE_HOST}/lib/`);
    if (!ok) problems.push(`script-src ${token}`);
  }
  return problems;
}

describe("the task pane's Content-Security-Policy", () => {
  test.each([
    ["the built page", join(DIST, "taskpane.html")],
    ["its source", join(ROOT, "src/taskpane/taskpane.html")],
  ])("%s allows connections to no remote host, scripts only from us and office.js", (_n, file) => {
    expect(cspProblems(readFileSync(file, "utf8"))).toEqual([]);
  });

  test("deliberate break: a remote connect-src, a wildcard or 'unsafe-inline' script is caught", () => {
    const page = (policy: string) =>
      `<head><meta http-equiv="Content-Security-Policy" content="${policy}"></head>`;
    const good = `default-src 'self'; script-src 'self' ${OFFICE_HOST}; connect-src 'self'`;
    expect(cspProblems(page(good))).toEqual([]);
    // connect-src falls back to default-src, as in a browser.
    expect(cspProblems(page(`default-src 'self'; script-src 'self' ${OFFICE_HOST}`))).toEqual([]);
    expect(cspProblems(page(`${good} https://evil.example`))).toEqual([
      "connect-src https://evil.example",
    ]);
    expect(cspProblems(page(`default-src *; script-src 'self'`))).toEqual(["connect-src *"]);
    expect(
      cspProblems(page(`connect-src 'none'; script-src 'self' 'unsafe-inline' ${OFFICE_HOST}`)),
    ).toEqual(["script-src 'unsafe-inline'"]);
    expect(cspProblems("<head></head>")).toEqual(["no Content-Security-Policy meta tag"]);
  });
});

describe("the Office add-in tooling sends no usage data", () => {
  /** Every installed copy of office-addin-usage-data (hoisted and nested). */
  function usageDataCopies(dir = join(ROOT, "node_modules"), depth = 0): string[] {
    if (depth > 4 || !existsSync(dir)) return [];
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === "office-addin-usage-data") return [path];
      if (name.startsWith("@")) return usageDataCopies(path, depth);
      const nested = join(path, "node_modules");
      return existsSync(nested) ? usageDataCopies(nested, depth + 1) : [];
    });
  }

  interface UsageDataModule {
    OfficeAddinUsageData: new (options: Record<string, unknown>) => {
      isUsageDataOn(): boolean;
      getUsageDataLevel(): string;
    };
  }

  test("every installed office-addin-usage-data is the version with telemetry removed", () => {
    const copies = usageDataCopies();
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(copy, "lib/usageData.js")) as UsageDataModule;
      // Asked to turn usage data on, it stays off.
      const usage = new mod.OfficeAddinUsageData({
        usageDataLevel: "on",
        projectName: "schemakoll",
        instrumentationKey: "x",
        raisePrompt: false,
      });
      expect([relative(ROOT, copy), usage.isUsageDataOn(), usage.getUsageDataLevel()]).toEqual([
        relative(ROOT, copy),
        false,
        "off",
      ]);
    }
  });

  test("no telemetry client (Application Insights) is installed at all", () => {
    const found: string[] = [];
    const walk = (dir: string, depth: number): void => {
      if (depth > 4 || !existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (/^(?:applicationinsights|@microsoft\/applicationinsights-web)$/.test(name)) {
          found.push(relative(ROOT, path));
        }
        if (name.startsWith("@")) walk(path, depth);
        else if (existsSync(join(path, "node_modules")))
          walk(join(path, "node_modules"), depth + 1);
      }
    };
    walk(join(ROOT, "node_modules"), 0);
    expect(found).toEqual([]);
  });

  test("no package.json script turns usage data on", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    const on = Object.entries(pkg.scripts ?? {}).filter(([, s]) =>
      /office-addin-usage-data\s+on\b|usageDataLevel\W+on/.test(s),
    );
    expect(on).toEqual([]);
  });
});
