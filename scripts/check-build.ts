/**
 * After `npm run build`: what Excel will load from dist/ is complete. The nine AMI functions
 * are in functions.json with descriptions, every function has its CustomFunctions.associate
 * call in functions.js, the task pane page loads both bundles, and the production manifest
 * points nowhere near localhost. Prints one Swedish line per check; exit 1 on a failure.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dist = join(__dirname, "..", "dist");
const failures: string[] = [];
const ok: string[] = [];

function check(condition: boolean, good: string, bad: string): void {
  (condition ? ok : failures).push(condition ? good : bad);
}

function read(name: string): string {
  const path = join(dist, name);
  if (!existsSync(path)) {
    failures.push(`${name} saknas i dist/ – kör npm run build först.`);
    return "";
  }
  return readFileSync(path, "utf8");
}

interface FunctionMetadata {
  id: string;
  description?: string;
}
const metadataText = read("functions.json");
const functionsJs = read("functions.js");
const html = read("taskpane.html");
const manifest = read("manifest.xml");
const taskpaneJs = read("taskpane.js");

if (metadataText !== "") {
  const ids = (JSON.parse(metadataText) as { functions: FunctionMetadata[] }).functions;
  check(
    ids.length === 9,
    "functions.json: nio funktioner",
    `functions.json: ${ids.length} funktioner, väntade 9`,
  );
  for (const fn of ids) {
    check(
      (fn.description ?? "").length > 20,
      `AMI.${fn.id}: beskrivning finns`,
      `AMI.${fn.id}: beskrivning saknas`,
    );
    check(
      functionsJs.includes(`CustomFunctions.associate("${fn.id}"`),
      `AMI.${fn.id}: kopplad i functions.js`,
      `AMI.${fn.id}: CustomFunctions.associate saknas i functions.js`,
    );
  }
}
check(
  /src="?functions\.js/.test(html) && /src="?taskpane\.js/.test(html),
  "taskpane.html laddar både funktionerna och åtgärdsfönstret (delad körmiljö)",
  "taskpane.html laddar inte både functions.js och taskpane.js",
);
// Every ribbon button that runs a function must find it registered in the shared runtime.
for (const [, name] of manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)) {
  check(
    name !== undefined && taskpaneJs.includes(`"${name}"`) && taskpaneJs.includes(".associate("),
    `menyfliksknappen ${name ?? ""}: kopplad i taskpane.js`,
    `menyfliksknappen ${name ?? ""}: Office.actions.associate saknas i taskpane.js`,
  );
}
check(
  manifest !== "" && !manifest.includes("localhost"),
  "manifest.xml: produktionsadresser",
  "manifest.xml i dist/ innehåller fortfarande localhost",
);

for (const line of ok) console.log(`OK: ${line}`);
for (const line of failures) console.error(`FEL: ${line}`);
process.exitCode = failures.length === 0 ? 0 : 1;
