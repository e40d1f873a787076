/**
 * Prints the README's rule table from the rule modules themselves (id, programmes, summary,
 * source), so the documentation cannot drift: test/readme.test.ts checks the README has it.
 * Usage: npx tsx scripts/rules-table.ts
 */
import { CATALOG_READ_IDS } from "../src/rules/catalog";
import { RULES } from "../src/rules/registry";

const READ_SUMMARIES: Record<(typeof CATALOG_READ_IDS)[number], string> = {
  "LAS.OKLAR": "En cell, ett datum eller en tid som inte går att läsa; cellen citeras.",
  "LAS.DELTAGARE": "Ett schema eller en rad för en deltagare som inte finns i deltagarregistret.",
  "LAS.REGISTER": "En rad i deltagarregistret utan insats eller startdatum.",
};

export function rulesTable(): string {
  const rows = [
    "| regel | insatser | vad som kontrolleras | källa |",
    "|---|---|---|---|",
    ...RULES.map((r) => `| ${r.id} | ${r.programmes.join(", ")} | ${r.summary} | ${r.source} |`),
    ...CATALOG_READ_IDS.map(
      (id) => `| ${id} | alla | ${READ_SUMMARIES[id]} | regelkatalogens konventioner |`,
    ),
  ];
  return rows.join("\n");
}

if (require.main === module) console.log(rulesTable());
