/**
 * Batched validation (app/batched.ts) gives exactly what the whole-workbook path gives:
 * validate(readState(...).model) — the same findings, in the same order, with the same
 * acceptances — for the example workbooks, the benchmark's generated workbooks (both
 * layouts) and a workbook of hand-made edge cases, with batches of 1, 2, 7 and the default
 * (one batch). The CLI's JSON and the task pane's view are what they were.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { generateWorkbook } from "../../bench/generate";
import { EXAMPLES } from "../../scripts/exempel/data";
import { createApp } from "../../src/app";
import { ACCEPTANCES_HEADER } from "../../src/app/acceptances";
import { batchesOf, validateBatched } from "../../src/app/batched";
import { readState, validationView } from "../../src/app/state";
import { main } from "../../src/cli/main";
import { toOutput } from "../../src/cli/validera";
import type { IsoDate } from "../../src/domain/date";
import type { Participant, SheetData } from "../../src/domain/model";
import {
  participantIdKey,
  readWorkbook,
  TEMPLATE_MAP_SHEET,
  templateMapToValues,
} from "../../src/read/workbook";
import { validate } from "../../src/rules/engine";
import type { Finding } from "../../src/rules/types";
import { openWorkbookFile } from "../../src/workbook/file";

const TODAY = "2025-03-01" as IsoDate;
const today = (): IsoDate => TODAY;
const SIZES = [1, 2, 7, undefined] as const;

/** The whole-workbook path: readState's model, the engine over all of it. */
function whole(sheets: SheetData[]): { findings: Finding[]; participants: Participant[] } {
  const state = readState(sheets, today);
  return {
    findings: validate(state.model, state.model.settings, state.idag),
    participants: state.model.participants,
  };
}

const examples = new Map<string, SheetData[]>();
beforeAll(async () => {
  for (const example of EXAMPLES) {
    const workbook = await openWorkbookFile(
      join(__dirname, "..", "..", "assets", "exempel", example.file),
    );
    examples.set(example.file, await workbook.readSheets());
  }
}, 60_000);

const generated = (layout: "weekgrid" | "activitylist") =>
  // 30 participants of 3 months; a list longer than 700 rows continues on "Aktiviteter 2".
  generateWorkbook({ participants: 30, months: 3, layout, sheetRows: 700 }).sheets;

/** A copy of a sheet list whose sheet `name` is replaced by `edit` of it (or removed). */
function editSheet(
  sheets: readonly SheetData[],
  name: string,
  edit: (values: unknown[][]) => unknown[][] | null,
): SheetData[] {
  return sheets.flatMap((s) => {
    if (s.name !== name) return [s];
    const values = edit(s.values.map((row) => [...row]));
    return values === null ? [] : [{ ...s, values }];
  });
}

/**
 * The generated week grids (12 participants D-00001…D-00012, 3 months) with every edge case
 * the batches must carry over: see the comments.
 */
function edgeCases(): SheetData[] {
  let sheets = generateWorkbook({ participants: 12, months: 3, layout: "weekgrid" }).sheets;
  // An Inställningar parameter the engine cannot read (reported once, no participant).
  sheets = editSheet(sheets, "Inställningar", (v) => [
    ...v,
    ["ROM2.FRAMFORHALLNING.varning", "många"],
  ]);
  // A duplicate register id differing in case (the engine gives both the same schedule), and
  // a participant registered with no schedule at all.
  sheets = editSheet(sheets, "Deltagare", (v) => {
    const d2 = v.find((row) => row[0] === "D-00002") ?? [];
    const d9 = v.find((row) => row[0] === "D-00009") ?? [];
    return [...v, ["d-00002", ...d2.slice(1)], ["D-00099", "Ingen Schema", ...d9.slice(2)]];
  });
  // D-00003's grids spread over two sheets: the second half of its weeks on "D-00003 forts".
  const d3 = sheets.find((s) => s.name === "D-00003")?.values ?? [];
  const weekRows = d3.flatMap((row, r) => (/^Vecka /.test(String(row[0])) ? [r] : []));
  const cut = weekRows[Math.floor(weekRows.length / 2)] ?? d3.length;
  sheets = editSheet(sheets, "D-00003", (v) => v.slice(0, cut));
  sheets.push({ name: "D-00003 forts", values: [d3[0] ?? [], [], ...d3.slice(cut)] });
  // A heading naming someone not in the register, and a grid under no heading on a sheet
  // whose name names nobody (LAS.DELTAGARE with a name, and with no participant).
  const d4 = sheets.find((s) => s.name === "D-00004")?.values ?? [];
  sheets.push({ name: "Okänd", values: [["Deltagare: Nils Okänd"], [], ...d4.slice(2, 30)] });
  sheets.push({ name: "Blad9", values: d4.slice(2, 30) });
  // An activity list: a known participant of a late batch, an unknown id on two rows, a
  // registered id written in lower case (its read finding ranks last), an Excel error value,
  // a row without participant, and a date that cannot be read.
  sheets.push({
    name: "Aktiviteter",
    values: [
      ["Deltagare", "Datum", "Start", "Slut", "Aktivitet", "Form", "Närvaro"],
      ["D-00011", "2025-01-07", "8.00", "12.00", "Jobbsökning", "På plats", "Närvarande"],
      ["X-999", "2025-01-07", "8.00", "12.00", "Jobbsökning", "På plats", ""],
      ["X-999", "2025-01-08", "8.00", "12.00", "Jobbsökning", "På plats", ""],
      ["d-00005", "2025-01-09", "8.00", "12.00", "Jobbsökning", "Ute i skogen", ""],
      ["D-00010", "2025-01-09", "8.00", "12.00", "Jobbsökning", "#REF!", ""],
      ["", "2025-01-09", "8.00", "12.00", "Jobbsökning", "På plats", ""],
      ["D-00008", "den nionde", "8.00", "12.00", "Jobbsökning", "På plats", ""],
    ],
  });
  // An event of an unknown participant.
  sheets = editSheet(sheets, "Händelser", (v) => [
    ...v,
    ["X-998", "2025-01-10", "Uppstartsmöte", "", ""],
  ]);
  return sheets;
}

/** The edge cases with an acceptance of every finding of one rule for D-00010 (a late batch). */
function withAcceptance(sheets: SheetData[]): SheetData[] {
  const target = whole(sheets).findings.find(
    (f) => f.participantId === "D-00010" && !f.ruleId.startsWith("LAS."),
  );
  if (target === undefined) throw new Error("D-00010 has no rule finding to accept");
  return [
    ...sheets,
    {
      name: "Godkända avvikelser",
      values: [
        [...ACCEPTANCES_HEADER],
        ["D-00010", target.ruleId, "", "", "Överenskommet", "AB", "2025-02-01"],
      ],
    },
  ];
}

/**
 * The edge cases with the template map stored in the workbook, one week grid's participant
 * written by name (readState restores it to the register id and reads again).
 */
function withStoredMap(sheets: SheetData[]): SheetData[] {
  const model = readWorkbook(sheets);
  const d6 = model.participants.find((p) => p.id === "D-00006");
  const map = {
    ...model.templateMap,
    sheets: model.templateMap.sheets.map((m) =>
      m.participant === "D-00006" ? { ...m, participant: d6?.name ?? null, manual: true } : m,
    ),
  };
  return [...sheets, { name: TEMPLATE_MAP_SHEET, values: templateMapToValues(map) }];
}

const cases: [string, () => SheetData[]][] = [
  ...EXAMPLES.map((e): [string, () => SheetData[]] => [e.file, () => examples.get(e.file) ?? []]),
  ["generated week grids", () => generated("weekgrid")],
  ["generated activity lists", () => generated("activitylist")],
  ["hand-made edge cases", () => withAcceptance(edgeCases())],
  ["edge cases with a stored template map", () => withStoredMap(withAcceptance(edgeCases()))],
];

describe.each(cases)("%s", (_name, sheetsOf) => {
  test.each(SIZES)("batches of %s give the whole workbook's findings in its order", (size) => {
    const sheets = sheetsOf();
    const expected = whole(sheets);
    // A size: batches of it, however few the participants; none: the defaults (one batch).
    const batched = validateBatched(sheets, {
      today,
      ...(size === undefined ? {} : { batchSize: size, wholeUpTo: 0 }),
    });
    expect(batched.counts.batches).toBe(
      size === undefined
        ? 1
        : Math.ceil(new Set(expected.participants.map((p) => p.id.toLowerCase())).size / size) || 1,
    );
    expect(batched.findings).toStrictEqual(expected.findings);
    expect(batched.state.model.participants).toStrictEqual(expected.participants);
    // The CLI's JSON from the batched read is the whole read's.
    expect(toOutput(batched.state.model, batched.findings)).toStrictEqual(
      toOutput(readState(sheets, today).model, expected.findings),
    );
  });
});

test("the edge cases are in the findings the batches must reproduce", () => {
  const { findings } = whole(withAcceptance(edgeCases()));
  const has = (p: (f: Finding) => boolean) => findings.filter(p).length;
  // The unreadable parameter: once, although every batch's engine reports it.
  expect(
    has((f) => f.participantId === null && f.message.includes("ROM2.FRAMFORHALLNING.varning")),
  ).toBe(1);
  // Unknown ids: X-999's two list rows are one LAS.DELTAGARE, X-998's event another.
  expect(has((f) => f.ruleId === "LAS.DELTAGARE" && f.participantId === "X-999")).toBe(1);
  expect(has((f) => f.ruleId === "LAS.DELTAGARE" && f.participantId === "X-998")).toBe(1);
  // The heading naming Nils Okänd, and the grid under no heading on "Blad9".
  expect(has((f) => f.ruleId === "LAS.DELTAGARE" && f.participantId === "Nils Okänd")).toBe(1);
  expect(has((f) => f.ruleId === "LAS.DELTAGARE" && f.participantId === null)).toBe(1);
  // d-00005's unreadable Form, the #REF! cell (no participant), the row with none, the date.
  expect(has((f) => f.participantId === "d-00005")).toBe(1);
  expect(has((f) => f.participantId === null && f.refs[0]?.cell === "F6")).toBe(1);
  expect(has((f) => f.participantId === null && f.refs[0]?.cell === "A7")).toBe(1);
  expect(has((f) => f.participantId === "D-00008" && f.refs[0]?.cell === "B8")).toBe(1);
  // The acceptance covers at least one finding of D-00010.
  expect(has((f) => f.participantId === "D-00010" && f.accepted)).toBeGreaterThan(0);
  // D-00002 and d-00002 are each validated (the same schedule, two participants).
  expect(has((f) => f.participantId === "d-00002" && !f.ruleId.startsWith("LAS."))).toBeGreaterThan(
    0,
  );
});

test("batches follow the register and keep ids that differ only in case together", () => {
  const p = (id: string) => ({ id }) as Participant;
  const batches = batchesOf([p("A"), p("B"), p("a"), p("C"), p(" c "), p("D")], 2);
  // Keys a, b | c, d: "a" joins A's batch and " c " C's; the sizes count distinct keys.
  expect(batches.map((b) => [...b])).toEqual([
    ["a", "b"],
    ["c", "d"],
  ]);
  // No participant at all: one batch, carrying the findings of no participant.
  expect(batchesOf([], 1000).map((b) => b.size)).toEqual([0]);
});

test("each read finding belongs to exactly one batch of a partition of the register", () => {
  const sheets = withAcceptance(edgeCases());
  const full = readWorkbook(sheets);
  const batches = batchesOf(full.participants, 3);
  const parts = batches.map((ids, b) =>
    readWorkbook(sheets, { only: { ids, unregistered: b === 0 } }),
  );
  const key = (f: { ruleId: string; participantId: string | null; message: string }) =>
    `${f.ruleId}|${f.participantId ?? ""}|${f.message}`;
  expect(parts.flatMap((m) => m.findings.map(key)).sort()).toEqual(full.findings.map(key).sort());
  // A batch reads the schedules of its own participants only, all of them.
  for (const [b, ids] of batches.entries()) {
    const mine = full.activities.filter((a) => ids.has(participantIdKey(a.participantId)));
    expect(parts[b]?.activities).toStrictEqual(mine);
    expect(parts[b]?.templateMap).toStrictEqual(full.templateMap);
    expect(parts[b]?.notices).toStrictEqual(full.notices);
  }
});

const dir = mkdtempSync(join(tmpdir(), "schemakoll-batched-"));

async function xlsx(sheets: readonly SheetData[], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow(row);
  }
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

test.each([
  ["rom2-veckoscheman.xlsx", null],
  ["nacka-aktivitetslista.xlsx", null],
  ["jobbspar.xlsx", null],
  ["edge.xlsx", () => withAcceptance(edgeCases())],
] as const)(
  "schemakoll validera %s --json prints the whole read's findings",
  async (file, make) => {
    const path =
      make === null
        ? join(__dirname, "..", "..", "assets", "exempel", file)
        : await xlsx(make(), file);
    const sheets = await (await openWorkbookFile(path)).readSheets();
    const state = readState(sheets, today, TODAY);
    const expected = toOutput(state.model, validate(state.model, state.model.settings, TODAY));
    let out = "";
    const code = await main(["validera", path, "--json", "--idag", TODAY], {
      out: (t) => (out += t),
      err: () => undefined,
    });
    expect(code).toBeLessThan(2);
    expect(JSON.parse(out)).toStrictEqual(JSON.parse(JSON.stringify(expected)));
  },
);

test("the task pane's validation view is the whole read's", async () => {
  const sheets = withAcceptance(edgeCases());
  const path = await xlsx(sheets, "pane.xlsx");
  const read = await (await openWorkbookFile(path)).readSheets();
  const state = readState(read, today);
  const findings = validate(state.model, state.model.settings, state.idag);
  const port = await openWorkbookFile(path);
  const view = await createApp(port, null, { today }).validate();
  const expected = validationView(state, findings, view.markedCells);
  expect(view).toStrictEqual(expected);
});
