/**
 * A real spreadsheet program for the tests: LibreOffice Calc headless (Debian's
 * libreoffice-calc, installed by .ci/run and scripts/system-deps.mjs). It opens an .xlsx we
 * wrote, recalculates every formula (a private profile sets "always recalculate on load", since
 * by default Calc trusts the cached results we wrote) and exports every sheet as CSV.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

export const SOFFICE = "/usr/bin/soffice";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Fails with what to do when LibreOffice is missing (never skips silently). */
export function requireLibreOffice(): void {
  if (!existsSync(SOFFICE)) {
    throw new Error(
      "LibreOffice saknas: kör `apt-get install -y libreoffice-calc` (eller `node scripts/system-deps.mjs` som root).",
    );
  }
}

/** A minimal RFC 4180 reader: quotes, doubled quotes, commas and line breaks inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text.charAt(i + 1) === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Every sheet of the workbook as LibreOffice computes it: sheet name → rows of cell texts
 * (raw values, not as formatted).
 */
export function sheetsAsLibreOfficeSeesThem(xlsx: string): Map<string, string[][]> {
  requireLibreOffice();
  const work = mkdtempSync(join(tmpdir(), "schemakoll-lo-"));
  const profile = join(work, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const outdir = join(work, "out");
  // Filter options: comma, double quote, UTF-8, from row 1, …, -1 = every sheet to its own file.
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      outdir,
      xlsx,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const stem = basename(xlsx).replace(/\.xlsx$/i, "");
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(outdir)) {
    if (!file.startsWith(`${stem}-`) || !file.endsWith(".csv")) continue;
    const name = file.slice(stem.length + 1, -".csv".length);
    sheets.set(name, parseCsv(readFileSync(join(outdir, file), "utf8")));
  }
  return sheets;
}
