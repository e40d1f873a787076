/**
 * Writes the example workbooks (scripts/exempel/data.ts) as .xlsx files.
 *
 *   tsx scripts/exempel.ts [utkatalog=assets/exempel]
 *
 * Deterministic: the same data gives the same bytes on every run (fixed dates, no clock).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { EXAMPLES } from "./exempel/data";
import { exampleBuffer } from "./exempel/write";

async function main(args: readonly string[]): Promise<void> {
  const outDir = resolve(args[0] ?? "assets/exempel");
  mkdirSync(outDir, { recursive: true });
  for (const example of EXAMPLES) {
    const path = join(outDir, example.file);
    writeFileSync(path, await exampleBuffer(example));
    console.log(
      `Skrev ${relative(process.cwd(), path) || path}: ${example.participants.length} deltagare, ` +
        `${example.activities.length} aktiviteter, ${example.events.length} händelser, ` +
        `${example.breaches.length} avsiktliga fel`,
    );
  }
}

void main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
