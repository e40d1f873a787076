/**
 * The example workbooks' documented breaches (their sheet "Om exemplet", from
 * scripts/exempel/data.ts) are all found by the rules, and nothing else is an error.
 */
import { join } from "node:path";
import { readWorkbook } from "../src/read/workbook";
import { validate } from "../src/rules/engine";
import { RULES } from "../src/rules/registry";
import type { Finding } from "../src/rules/types";
import { openWorkbookFile } from "../src/workbook/file";
import { EXAMPLES } from "../scripts/exempel/data";

const results = new Map<string, Finding[]>();

beforeAll(async () => {
  for (const example of EXAMPLES) {
    const workbook = await openWorkbookFile(
      join(__dirname, "..", "assets", "exempel", example.file),
    );
    const model = readWorkbook(await workbook.readSheets());
    results.set(example.file, validate(model, model.settings, example.idag, { rules: RULES }));
  }
}, 60_000);

const key = (x: { ruleId: string; participantId: string | null; severity: string }) =>
  `${x.ruleId} ${x.participantId ?? "-"} ${x.severity}`;

describe.each(EXAMPLES.map((e) => [e.file, e] as const))("%s", (file, example) => {
  // ERS.* rows belong to the invoice (reports), not to the rule engine.
  const documented = example.breaches.filter((b) => !b.ruleId.startsWith("ERS."));

  test("every documented breach is found, with its severity", () => {
    const found = new Set((results.get(file) ?? []).map(key));
    for (const breach of documented) expect(found).toContain(key(breach));
  });

  test("nothing else is an error", () => {
    const errors = (results.get(file) ?? [])
      .filter((f) => f.severity === "error" && !f.accepted)
      .map(key);
    expect([...new Set(errors)].sort()).toEqual(
      [...new Set(documented.filter((b) => b.severity === "error").map(key))].sort(),
    );
  });

  test("every finding points at cells and passes through the contract fields", () => {
    for (const f of results.get(file) ?? []) {
      expect(f.refs.length).toBeGreaterThan(0);
      expect(f.message.length).toBeGreaterThan(10);
    }
  });
});
