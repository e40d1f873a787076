/**
 * Offlinekontroll av manifestet från kommandoraden (ingen nätverksåtkomst).
 *
 *   npx tsx scripts/validate-manifest.ts [manifest.xml] [--root <katalog>]
 *
 * `--root` anger katalogen som https://localhost:3000/ motsvarar (där assets/ ligger);
 * standard är manifestfilens katalog. Avslutar med kod 0 om manifestet är giltigt,
 * annars 1. Fel skrivs med prefixet "FEL:" och varningar med "Varning:".
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { VALIDATE_COMMAND } from "../src/taskpane/ribbon";
import { validateManifest } from "./manifest/validateManifest";

interface CliArgs {
  readonly manifestPath: string;
  readonly rootDir: string | undefined;
}

function parseArgs(argv: readonly string[]): CliArgs {
  let manifestPath: string | undefined;
  let rootDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--root") {
      rootDir = argv[i + 1];
      i++;
      if (rootDir === undefined) throw new Error("--root kräver en katalog.");
    } else if (arg !== undefined && manifestPath === undefined) {
      manifestPath = arg;
    } else if (arg !== undefined) {
      throw new Error(`Okänt argument: ${arg}`);
    }
  }
  return { manifestPath: manifestPath ?? "manifest.xml", rootDir };
}

function main(): number {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`FEL: ${e instanceof Error ? e.message : String(e)}`);
    console.error("Användning: tsx scripts/validate-manifest.ts [manifest.xml] [--root <katalog>]");
    return 1;
  }

  const manifestPath = resolve(args.manifestPath);
  let xml: string;
  try {
    xml = readFileSync(manifestPath, "utf8");
  } catch (e) {
    console.error(
      `FEL: Kan inte läsa ${args.manifestPath}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }

  const rootDir = resolve(args.rootDir ?? dirname(manifestPath));
  const { errors, warnings, summary } = validateManifest(xml, {
    rootDir,
    // Every ribbon ExecuteFunction must be one the task pane registers (Office.actions.associate).
    associatedActions: [VALIDATE_COMMAND],
  });

  for (const warning of warnings) console.log(`Varning: ${warning}`);
  if (errors.length > 0) {
    for (const error of errors) console.error(`FEL: ${error}`);
    console.error(
      `${args.manifestPath}: ${errors.length} fel och ${warnings.length} varningar (offlinekontroll).`,
    );
    return 1;
  }

  const details = summary
    ? `${summary.displayName} ${summary.version} (Id ${summary.id}), funktionsnamnrymd ` +
      `${summary.functionsNamespace}, ${summary.resourceCount} resurser, ` +
      `${summary.iconFilesChecked} ikonfiler kontrollerade`
    : args.manifestPath;
  const warningNote = warnings.length > 0 ? `, ${warnings.length} varningar` : "";
  console.log(`Manifestet är giltigt (offlinekontroll): ${details}${warningNote}.`);
  return 0;
}

process.exitCode = main();
