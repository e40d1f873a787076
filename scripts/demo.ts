/**
 * npm run demo — the main job on the bundled examples: validates every workbook in
 * assets/exempel, writes the marked copies to out/, and prints each summary. The examples
 * break rules on purpose (their sheet "Om exemplet" lists how), so findings are the point,
 * not a failure: the demo exits 0 unless a workbook cannot be validated at all.
 */
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { main } from "../src/cli/main";

async function demo(): Promise<number> {
  const root = join(__dirname, "..");
  const dir = join(root, "assets", "exempel");
  const out = join(root, "out");
  mkdirSync(out, { recursive: true });
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort();
  let failed = 0;
  for (const file of files) {
    const marked = join(out, file.replace(/\.xlsx$/, "-markerad.xlsx"));
    console.log(`\n=== ${file} ===`);
    const code = await main(["validera", join(dir, file), "--markera", marked]);
    if (code === 2) failed++;
  }
  console.log(`\n${files.length} exempelarbetsböcker validerade; markerade kopior i out/.`);
  return failed === 0 ? 0 : 2;
}

void demo().then((code) => {
  process.exitCode = code;
});
