/** The README's rule table is the one the rule modules produce (scripts/rules-table.ts). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rulesTable } from "../scripts/rules-table";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");

test("the README lists every rule id with its Swedish summary, as the modules say", () => {
  const section =
    /<!-- regler:start -->([\s\S]*?)<!-- regler:slut -->/.exec(readme)?.[1]?.trim() ?? "";
  const norm = (t: string) =>
    t
      .split("\n")
      .map((l) =>
        l
          .replace(/\s*\|\s*/g, "|")
          .replace(/-{3,}/g, "---")
          .trim(),
      )
      .join("\n");
  expect(norm(section)).toBe(norm(rulesTable()));
});
