/**
 * What Excel loads: the metadata that the build generates from functions.ts's JSDoc (the same
 * generator the webpack plugin runs), with the Swedish parameter names, and the manifest the
 * production build writes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";

const root = join(__dirname, "..");

interface Metadata {
  functions: {
    id: string;
    name: string;
    description: string;
    parameters: { name: string; description?: string; optional?: boolean }[];
  }[];
}

// CommonJS build helpers, shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renameParameters } = require("../scripts/webpack/swedishParameterNames") as {
  renameParameters: (m: Metadata) => Metadata;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest } = require("../scripts/webpack/productionManifest") as {
  productionManifest: (xml: string, url: string) => string;
};

let metadata: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    join(root, "src/functions/functions.ts"),
    false,
  );
  expect(result.errors).toEqual([]);
  metadata = renameParameters(JSON.parse(result.metadataJson) as Metadata);
}, 60_000);

const NINE = [
  "DAGERSATTNING",
  "MANADSERSATTNING",
  "INSATSDAGAR",
  "TJANSTEMANAD",
  "KRAVTIMMAR",
  "NASTAMOTE",
  "RAPPORTFRIST",
  "TIMMAR",
  "AKTIVITET",
];

test("all nine functions are in the metadata", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual([...NINE].sort());
});

test("every function and parameter is described in Swedish", () => {
  const swedish = /[åäö]|\b(och|eller|för|en|ett|som|av|i|med|till|insats\w*|datum)\b/i;
  const english = /\b(the|and|of|returns?|date|month|hours)\b/i;
  for (const fn of metadata.functions) {
    expect(fn.description).toMatch(swedish);
    expect(fn.description).not.toMatch(english);
    for (const p of fn.parameters)
      expect(`${fn.id} ${p.name}: ${p.description ?? ""}`).toMatch(swedish);
  }
});

test("parameter names are Swedish words, optional ones marked", () => {
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  expect(byId.get("MANADSERSATTNING")?.parameters.map((p) => p.name)).toEqual([
    "insats",
    "startdatum",
    "slutdatum",
    "månad",
  ]);
  expect(byId.get("TIMMAR")?.parameters.map((p) => p.name)).toEqual(["område"]);
  expect(byId.get("NASTAMOTE")?.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
    ["senaste_möte", false],
    ["insats", true],
  ]);
  expect(byId.get("DAGERSATTNING")?.parameters.map((p) => p.optional ?? false)).toEqual([
    false,
    true,
  ]);
});

test("the manifest declares the AMI namespace the functions live under", () => {
  const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
  expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="AMI"\s*\/>/);
});

describe("production manifest", () => {
  const manifest = readFileSync(join(root, "manifest.xml"), "utf8");

  test("every localhost URL is replaced by the production address", () => {
    const out = productionManifest(manifest, "https://tillagg.exempel.se/schemakoll/");
    expect(out).not.toContain("localhost");
    const count = (s: string, x: string) => s.split(x).length - 1;
    expect(count(out, "https://tillagg.exempel.se/schemakoll/")).toBe(
      count(manifest, "https://localhost:3000/"),
    );
  });

  test.each(["http://tillagg.exempel.se/", "https://tillagg.exempel.se", "ftp://x/"])(
    "%s is refused",
    (url) => {
      expect(() => productionManifest(manifest, url)).toThrow(/https-adress/);
    },
  );
});
