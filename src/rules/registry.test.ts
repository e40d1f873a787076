import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PROGRAMME_KEYS } from "../domain/programmes";
import { CATALOG_COMPENSATION_IDS, CATALOG_RULE_IDS } from "./catalog";
import { RULES } from "./registry";

const catalogPath = join(__dirname, "../../../shared/regelkatalog.md");
if (existsSync(catalogPath)) {
  test("the copied id list is the catalog's, in order", () => {
    const ids = [
      ...readFileSync(catalogPath, "utf8").matchAll(
        /^\| ((?:ROM2|ITA|AMI|SAI|FAI|FAI1|FAI2|JOBBSPAR|ERS)\.[A-Z0-9]+) \|/gm,
      ),
    ].map((m) => m[1]);
    expect(ids).toEqual([...CATALOG_RULE_IDS, ...CATALOG_COMPENSATION_IDS]);
  });
}

test("every registered rule has a catalog id, once", () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(CATALOG_RULE_IDS).toContain(id);
});

test.each(RULES.map((r) => [r.id, r] as const))(
  "%s has programmes, a source, a Swedish summary and defaults",
  (_id, rule) => {
    expect(rule.programmes.length).toBeGreaterThan(0);
    for (const p of rule.programmes) expect(PROGRAMME_KEYS).toContain(p);
    expect(rule.source.length).toBeGreaterThan(5);
    expect(rule.summary).toMatch(/[a-zåäö]/i);
    expect(rule.severities.length).toBeGreaterThan(0);
    for (const spec of Object.values(rule.params))
      expect(spec.description.length).toBeGreaterThan(3);
  },
);

test("every rule id of the catalog has a module", () => {
  const registered = new Set(RULES.map((r) => r.id));
  expect(CATALOG_RULE_IDS.filter((id) => !registered.has(id))).toEqual([]);
});
