/**
 * Property tests for every tabular reader: random grids (strings, numbers, booleans, dates,
 * Excel error texts, ragged rows, empty and 300×40 grids, a real header row followed by random
 * rows) must never make a reader throw, and what comes back must be well-formed and point at
 * real cells.
 */
import fc from "fast-check";
import { parseActivityCell } from "../domain/activityText";
import type { IsoDate } from "../domain/date";
import {
  acceptanceSchema,
  activitySchema,
  eventSchema,
  participantSchema,
  readFindingSchema,
  settingsSchema,
  sheetMapSchema,
  type ReadFinding,
  type SheetData,
  type SheetMap,
  type SourceRef,
} from "../domain/model";
import { tariffSchema } from "../domain/tariffs";
import { ROM2_VOCABULARY } from "../domain/vocabulary/rom2";
import { parseA1 } from "./a1";
import { readAcceptances } from "./acceptances";
import { readActivityList } from "./activityList";
import { readEvents } from "./events";
import { HEADER_TABLE, matchHeaderRow, type LayoutSpec, type TabularKind } from "./headers";
import { readRegister } from "./register";
import { readSettings, readTariffs } from "./tariffsSettings";
import { refsProblems } from "./testGrids";
import { isBlankValue } from "./values";

const RUNS = 1000;

const INTERESTING = [
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NAME?",
  "#NULL!",
  "#NUM!",
  "#SPILL!",
  "D1",
  "D2",
  "Anna Andersson",
  "19850101-1234",
  "2024-03-05",
  "5/3 2024",
  "5 mars 2024",
  "5 mar",
  "31/13 2024",
  "2024-02-30",
  "8",
  "8.00",
  "08:00",
  "8:30",
  "25.00",
  "8.00-12.00",
  "8-12",
  "8.00–12.00",
  "kl 8-12",
  "12-8",
  "Ja",
  "Nej",
  "K",
  "M",
  "Kvinna",
  "ROM2",
  "JPG",
  "Rusta och matcha 2",
  "20 h",
  "50 %",
  "heltid",
  "från 2024-03-01 20 h; från 2024-04-01 30 h",
  "OBL-Individuellt möte 8.00-8.30 därefter eget arbete - Information om arbetsmarknaden 8.30-12.00",
  "Lunch",
  "Vägledning (sjuk)",
  "På plats",
  "Distans",
  "Närvarande",
  "Sjuk",
  "VAB",
  "Uppstart",
  "GFP",
  "Månadsrapport klar",
  "SFI nivå C start",
  "ROM2.MOTE14",
  "Idag",
  "Heltid timmar",
  "Anordnare",
  "3 686 kr",
  " ",
  "\n",
  "'",
  "=SUMMA(A1:A3)",
];

const ALL_HEADERS = Object.values(HEADER_TABLE).flatMap((layout) =>
  (layout.concepts as readonly { headers: readonly string[] }[]).flatMap((c) => c.headers),
);

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constant(""), weight: 6 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 3 },
  { arbitrary: fc.constantFrom(...INTERESTING), weight: 6 },
  { arbitrary: fc.constantFrom(...ALL_HEADERS), weight: 2 },
  { arbitrary: fc.integer({ min: -10, max: 100_000 }), weight: 2 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.constantFrom(45356, 45356.354166, 0.3541666, 0.5, 8, 24, 45292), weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.date(), weight: 1 },
);

const row = fc.array(cell, { maxLength: 14 });

function headerRow(kind: TabularKind): fc.Arbitrary<unknown[]> {
  const layout = HEADER_TABLE[kind] as LayoutSpec;
  const headers = layout.concepts.map((c) => c.headers);
  return fc
    .tuple(
      fc.tuple(...headers.map((h) => fc.constantFrom(...h))),
      fc.array(fc.constantFrom("Nr", "Anteckning", "", "Övrigt"), { maxLength: 3 }),
    )
    .chain(([named, extra]) =>
      fc.shuffledSubarray([...named, ...extra], { minLength: named.length }),
    );
}

/** Random grids: empty ones, noise, a real header row among noise (most), 300×40 (one in 60). */
function grids(kind: TabularKind): fc.Arbitrary<unknown[][]> {
  return fc.oneof(
    { arbitrary: fc.constant<unknown[][]>([]), weight: 1 },
    { arbitrary: fc.constant<unknown[][]>([[]]), weight: 1 },
    { arbitrary: fc.array(row, { maxLength: 25 }), weight: 20 },
    {
      arbitrary: fc
        .tuple(fc.array(row, { maxLength: 4 }), headerRow(kind), fc.array(row, { maxLength: 25 }))
        .map(([above, header, below]) => [...above, header, ...below]),
      weight: 36,
    },
    {
      arbitrary: fc.array(fc.array(cell, { minLength: 40, maxLength: 40 }), {
        minLength: 300,
        maxLength: 300,
      }),
      weight: 1,
    },
  );
}

interface Outcome {
  items: unknown[];
  findings: ReadFinding[];
  map: SheetMap | null;
  /** Every ref of an item (for row accounting and provenance). */
  itemRefs: SourceRef[];
  /** Rows an item came from without refs (tariffs name their row in `source`). */
  itemRows: number[];
}

interface ReaderCase {
  kind: TabularKind;
  name: string;
  run: (sheet: SheetData) => Outcome;
  check: (item: unknown) => boolean;
  /** A data row a reader may pass over without a word (e.g. a Lunch row). */
  exempt?: (sheet: SheetData, map: SheetMap, r: number) => boolean;
}

const refsOf = (items: readonly { refs: SourceRef[] }[]) => items.flatMap((i) => i.refs);

const CASES: ReaderCase[] = [
  {
    kind: "register",
    name: "Deltagare",
    run: (sheet) => {
      const r = readRegister(sheet, { defaultYear: 2024 });
      return { ...r, itemRefs: refsOf(r.items), itemRows: [] };
    },
    check: (item) => participantSchema.safeParse(item).success,
  },
  {
    kind: "activitylist",
    name: "Aktiviteter",
    run: (sheet) => {
      const r = readActivityList(sheet, {
        programmeOf: (id) => (id.startsWith("D") ? "ROM2" : null),
        vocabularyFor: () => ROM2_VOCABULARY,
        startOf: (id) => (id === "D1" ? ("2024-03-01" as IsoDate) : null),
      });
      return { ...r, itemRefs: refsOf(r.items), itemRows: [] };
    },
    check: (item) => activitySchema.safeParse(item).success,
    exempt: (sheet, map, r) => {
      // A row whose activity text is only a lunch break holds no activity.
      for (const concept of ["activity", "description"]) {
        const letter = map.columns[concept];
        const c = letter === undefined ? null : (parseA1(`${letter}1`)?.column ?? null);
        const value = c === null ? undefined : sheet.values[r]?.[c];
        if (typeof value === "string" && value.trim() !== "") {
          return parseActivityCell(value, { vocabulary: ROM2_VOCABULARY }).activities.length === 0;
        }
      }
      return false;
    },
  },
  {
    kind: "events",
    name: "Händelser",
    run: (sheet) => {
      const r = readEvents(sheet, { defaultYear: 2024 });
      return { ...r, itemRefs: refsOf(r.items), itemRows: [] };
    },
    check: (item) => eventSchema.safeParse(item).success,
  },
  {
    kind: "tariffs",
    name: "Ersättningar",
    run: (sheet) => {
      const r = readTariffs(sheet);
      const rows = r.items.map((t) => Number(/rad (\d+)$/.exec(t.source)?.[1] ?? 0) - 1);
      return { ...r, itemRefs: [], itemRows: rows };
    },
    check: (item) => tariffSchema.safeParse(item).success,
  },
  {
    kind: "settings",
    name: "Inställningar",
    run: (sheet) => {
      const r = readSettings(sheet);
      return { ...r, items: [r.items], itemRefs: Object.values(r.items.refs), itemRows: [] };
    },
    check: (item) => settingsSchema.safeParse(item).success,
  },
  {
    kind: "acceptances",
    name: "Godkända avvikelser",
    run: (sheet) => {
      const r = readAcceptances(sheet, { defaultYear: 2024 });
      return { ...r, itemRefs: refsOf(r.items), itemRows: [] };
    },
    check: (item) => acceptanceSchema.safeParse(item).success,
  },
];

/** Cell by cell with Object.is (an invalid Date equals itself, -0 is not 0). */
function sameGrid(a: unknown[][], b: unknown[][]): boolean {
  const key = (v: unknown) => (v instanceof Date ? `Date(${String(v.getTime())})` : v);
  return (
    a.length === b.length &&
    a.every((row, r) => {
      const other = b[r] ?? [];
      return row.length === other.length && row.every((v, c) => Object.is(key(v), key(other[c])));
    })
  );
}

/** A deep copy of a grid (cells are primitives or Dates). */
const copy = (values: unknown[][]): unknown[][] =>
  values.map((r) => r.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));

function insideGrid(sheet: SheetData, ref: SourceRef): boolean {
  const at = parseA1(ref.cell);
  const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
  return (
    ref.sheet === sheet.name && at !== null && at.row < sheet.values.length && at.column < width
  );
}

describe.each(CASES)("$kind reader on random grids", ({ kind, name, run, check, exempt }) => {
  test(`never throws; items and findings are well-formed and point inside the grid (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(grids(kind), (values) => {
        const sheet: SheetData = { name, values };
        const before = copy(values);
        const out = run(sheet);

        // Input untouched; same input → same output.
        expect(sameGrid(values, before)).toBe(true);
        const json = JSON.stringify(out);
        expect(JSON.stringify(run(sheet))).toBe(json);
        expect(JSON.stringify(run({ name, values: copy(values) }))).toBe(json);

        // Collected first, so a passing run does not deep-compare every item.
        const bad: unknown[] = [];
        for (const item of out.items) if (!check(item)) bad.push(item);
        for (const finding of out.findings) {
          const wellFormed =
            readFindingSchema.safeParse(finding).success &&
            finding.refs.length > 0 &&
            finding.refs.every((ref) => insideGrid(sheet, ref)) &&
            (finding.ruleId !== "LAS.OKLAR" || finding.severity === "warning");
          if (!wellFormed) bad.push(finding);
        }
        expect(bad).toEqual([]);
        expect(refsProblems(sheet, out.itemRefs)).toEqual([]);
        expect(
          refsProblems(
            sheet,
            out.findings.flatMap((f) => f.refs),
          ),
        ).toEqual([]);

        if (out.map === null) {
          // No header row: nothing read (the settings reader then reads name/value pairs).
          if (kind !== "settings") expect([out.items, out.findings]).toEqual([[], []]);
          return;
        }
        expect(sheetMapSchema.safeParse(out.map).success).toBe(true);
        expect(out.map.kind).toBe(kind);

        // Never silently drop a row: every data row with content is an item or a finding.
        const headerRow = parseA1(out.map.anchor)?.row ?? 0;
        const seen = new Set<number>([
          ...out.itemRows,
          ...[...out.itemRefs, ...out.findings.flatMap((f) => f.refs)].map(
            (ref) => parseA1(ref.cell)?.row ?? -1,
          ),
        ]);
        const layout = HEADER_TABLE[kind] as LayoutSpec;
        for (let r = headerRow + 1; r < values.length; r++) {
          const cells = values[r] ?? [];
          if (cells.every((v) => isBlankValue(v))) continue;
          if (matchHeaderRow(cells, layout) !== null) continue;
          if (exempt?.(sheet, out.map, r) === true) continue;
          expect([r, seen.has(r)]).toEqual([r, true]);
        }
      }),
      // Shrinking a 300×40 counterexample can take long: give up after two minutes.
      { numRuns: RUNS, interruptAfterTimeLimit: 120_000, markInterruptAsFailure: true },
    );
  });
});

test("a 300×40 grid of header-like noise is read in reasonable time", () => {
  const values = Array.from({ length: 300 }, (_, r) =>
    Array.from({ length: 40 }, (_, c) => INTERESTING[(r * 40 + c) % INTERESTING.length]),
  );
  const started = Date.now();
  for (const { name, run } of CASES) run({ name, values });
  expect(Date.now() - started).toBeLessThan(5000);
});
