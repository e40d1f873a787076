/** "Använd formelnamn utan AMI.": the LAMBDA names, checked against the functions' metadata. */
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { createApp } from "../../src/app";
import { SHORT_NAME_FUNCTIONS, shortNameFormula } from "../../src/app/shortNames";
import type { DefinedName, NamesPort } from "../../src/workbook/port";
import { nacka, today } from "./helpers";

interface Metadata {
  functions: { id: string; parameters: { name: string; optional?: boolean }[] }[];
}

let metadata: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    join(__dirname, "../../src/functions/functions.ts"),
    false,
  );
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as Metadata;
}, 60_000);

/** LAMBDA parameters that must differ from the JavaScript name ("text" is Excel's TEXT). */
const RENAMED: Record<string, string> = { text: "celltext" };

test("the table has every function the build generates, parameters in order, optional ones marked", () => {
  const table = SHORT_NAME_FUNCTIONS.map((fn) => ({
    id: fn.id,
    parameters: fn.parameters.map((p) => ({ name: p.name, optional: p.optional })),
  }));
  const built = metadata.functions.map((fn) => ({
    id: fn.id,
    parameters: fn.parameters.map((p) => ({
      name: RENAMED[p.name] ?? p.name,
      optional: p.optional ?? false,
    })),
  }));
  expect(table).toEqual(built);
});

test("no LAMBDA parameter looks like a cell reference or holds a period", () => {
  for (const fn of SHORT_NAME_FUNCTIONS)
    for (const p of fn.parameters) {
      expect(p.name).toMatch(/^[a-z_][a-z_]*$/);
      expect(p.name).not.toMatch(/^[a-z]{1,3}\d+$|^r\d*c\d*$/i);
    }
});

test.each([
  [
    "DAGERSATTNING",
    "=LAMBDA(insats,[datum],IF(ISOMITTED(datum),AMI.DAGERSATTNING(insats),AMI.DAGERSATTNING(insats,datum)))",
  ],
  [
    "NASTAMOTE",
    "=LAMBDA(senaste_mote,[insats],IF(ISOMITTED(insats),AMI.NASTAMOTE(senaste_mote),AMI.NASTAMOTE(senaste_mote,insats)))",
  ],
  [
    "MANADSERSATTNING",
    "=LAMBDA(insats,startdatum,slutdatum,manad,AMI.MANADSERSATTNING(insats,startdatum,slutdatum,manad))",
  ],
  ["TIMMAR", "=LAMBDA(omrade,AMI.TIMMAR(omrade))"],
  ["AKTIVITET", "=LAMBDA(celltext,AMI.AKTIVITET(celltext))"],
])("%s = %s", (id, formula) => {
  const fn = SHORT_NAME_FUNCTIONS.find((f) => f.id === id);
  if (fn === undefined) throw new Error("missing");
  expect(shortNameFormula(fn)).toBe(formula);
});

/** A NamesPort that keeps names in memory and records every call. */
function fakeNames(
  lambda = true,
): NamesPort & { calls: string[]; names: Map<string, DefinedName> } {
  const names = new Map<string, DefinedName>();
  const calls: string[] = [];
  return {
    calls,
    names,
    lambdaSupported: () => Promise.resolve(lambda),
    listNames: () => Promise.resolve([...names.values()]),
    setNames: (list, comment) => {
      calls.push(`set ${list.map((n) => n.name).join(",")} | ${comment}`);
      for (const n of list) names.set(n.name, n);
      return Promise.resolve();
    },
    deleteNames: (list) => {
      calls.push(`delete ${list.join(",")}`);
      for (const n of list) names.delete(n);
      return Promise.resolve();
    },
  };
}

test("enable defines the nine names with their LAMBDAs; disable deletes them", async () => {
  const names = fakeNames();
  names.names.set("MIN_EGEN", { name: "MIN_EGEN", formula: "=1" });
  const app = createApp(await nacka(), names, { today });
  expect(await app.shortNames()).toMatchObject({ supported: true, enabled: false });

  const on = await app.enableShortNames();
  expect(on.enabled).toBe(true);
  expect(on.names).toHaveLength(9);
  expect(names.calls[0]).toMatch(
    /^set DAGERSATTNING,MANADSERSATTNING,.*,AKTIVITET \| .*utan AMI\./,
  );
  expect(names.names.get("DAGERSATTNING")?.formula).toBe(
    "=LAMBDA(insats,[datum],IF(ISOMITTED(datum),AMI.DAGERSATTNING(insats),AMI.DAGERSATTNING(insats,datum)))",
  );

  const off = await app.disableShortNames();
  expect(off.enabled).toBe(false);
  expect([...names.names.keys()]).toEqual(["MIN_EGEN"]); // the workbook's own name stays
});

test("without a NamesPort shortNames is null; without LAMBDA enabling is refused", async () => {
  expect(await createApp(await nacka(), null, { today }).shortNames()).toBeNull();
  const app = createApp(await nacka(), fakeNames(false), { today });
  expect(await app.shortNames()).toMatchObject({ supported: false, enabled: false });
  await expect(app.enableShortNames()).rejects.toThrow(/LAMBDA/);
});

test("disable leaves a workbook's own name of the same spelling alone", async () => {
  const names = fakeNames();
  names.names.set("TIMMAR", { name: "TIMMAR", formula: "=Blad1!$A$1:$A$9" });
  names.names.set("DAGERSATTNING", {
    name: "DAGERSATTNING",
    formula: shortNameFormula(SHORT_NAME_FUNCTIONS[0] ?? { id: "", parameters: [] }),
  });
  const app = createApp(await nacka(), names, { today });
  await app.disableShortNames();
  expect(names.calls).toEqual(["delete DAGERSATTNING"]);
  expect([...names.names.keys()]).toEqual(["TIMMAR"]);
});
