/**
 * npm run demo — the main job on the bundled examples: validates every workbook in
 * assets/exempel, writes the marked copies to out/, and prints each summary; then writes the
 * Nacka example's Månadsrapport and Fakturaunderlag for April 2024 to out/. The examples
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
  const nacka = "nacka-aktivitetslista.xlsx";
  if (files.includes(nacka)) {
    console.log(`\n=== ${nacka}: månadsrapport och fakturaunderlag april 2024 ===`);
    const args = ["--manad", "2024-04"];
    const reports = join(out, "nacka-rapport-2024-04.xlsx");
    if ((await main(["rapport", join(dir, nacka), ...args, "--ut", reports])) !== 0) failed++;
    console.log("");
    if ((await main(["faktura", join(dir, nacka), ...args])) !== 0) failed++;
  }
  return failed === 0 ? 0 : 2;
}

void demo().then((code) => {
  process.exitCode = code;
});
