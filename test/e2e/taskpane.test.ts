/**
 * End-to-end: the production build of the task pane in Debian's Chromium, with the real office.js,
 * over the in-memory Excel loaded from the example workbooks. What a coordinator does — Validera
 * schema, click a finding, Rensa markeringar, the reports, Godkänn avvikelse, the Mall form and
 * the ribbon button — and what it does to the workbook (the fake's cells, sheets and selection).
 *
 * Expectations come from the examples' own data (scripts/exempel/data.ts, and the "Celler" column
 * of their sheet Om exemplet written from it) and, for the report totals, from the report code
 * run in Node on the same workbook: never from what the pane happened to show.
 */
import type { Browser } from "playwright-core";
import { readWorkbook } from "../../src/read/workbook";
import { validate as runRules } from "../../src/rules/engine";
import { buildInvoice } from "../../src/reports/invoice";
import { INVOICE_HEADERS } from "../../src/reports/invoiceSheet";
import { buildMonthlyReport } from "../../src/reports/monthly";
import { invoiceSheetName, monthlySheetName } from "../../src/reports/types";
import type { YearMonth } from "../../src/domain/date";
import { displayId } from "../../src/domain/personnummer";
import type { SheetData } from "../../src/domain/model";
import { ACCEPTANCES_SHEET } from "../../src/app/api";
import { SHEET_KIND_LABEL, conceptLabel, formatKronor } from "../../src/taskpane/format";
import {
  NACKA_EXAMPLE,
  ROM2_EXAMPLE,
  type ExampleBreach,
  type ExampleWorkbook,
  type RegisterField,
} from "../../scripts/exempel/data";
import type { FakeSheetInit } from "../excelFake";
import {
  allCells,
  exampleSheets,
  fakeHostBundle,
  launchChromium,
  openPane,
  selection,
  sheetNames,
  sheetValues,
  taskpaneBuild,
  type Pane,
  type WorkbookCells,
} from "./harness";
import {
  ACTION_TIMEOUT,
  cellAt,
  cellsOfSelection,
  cellsOfText,
  changedFills,
  contentOf,
  findingItem,
  markFill,
  openTab,
  pick,
  shownFindings,
  summaryLabels,
  validate,
  waitForValidation,
  type ShownFinding,
} from "./pane";

jest.setTimeout(180_000);

const APRIL = "2024-04" as YearMonth;

let browser: Browser;
let dist: string;
let nackaSheets: FakeSheetInit[];
let rom2Sheets: FakeSheetInit[];
const panes: Pane[] = [];

beforeAll(async () => {
  [dist] = await Promise.all([taskpaneBuild(), fakeHostBundle()]);
  [nackaSheets, rom2Sheets] = await Promise.all([
    exampleSheets(NACKA_EXAMPLE.file),
    exampleSheets(ROM2_EXAMPLE.file),
  ]);
  browser = await launchChromium();
}, 600_000);

afterEach(async () => {
  for (const pane of panes.splice(0)) {
    // Nothing the page did may have failed or gone to the network.
    expect({ errors: pane.errors, blocked: pane.blocked }).toEqual({ errors: [], blocked: [] });
    await pane.close();
  }
});

afterAll(async () => {
  // Undefined when Chromium could not start (beforeAll then says why).
  await (browser as Browser | undefined)?.close();
});

async function open(sheets: FakeSheetInit[], width = 360): Promise<Pane> {
  const pane = await openPane(browser, dist, { sheets, width });
  panes.push(pane);
  return pane;
}

// ---- expectations from the example data ----------------------------------------------------------

/** The rule engine's breaches (ERS.* belong to the invoice). */
function ruleBreaches(example: ExampleWorkbook): ExampleBreach[] {
  return example.breaches.filter((b) => !b.ruleId.startsWith("ERS."));
}

/** The group heading the pane shows for a participant: masked id and the register's name. */
function participantHeading(example: ExampleWorkbook, id: string): string {
  const p = example.participants.find((x) => x.id === id);
  // Someone the register does not list is shown by the id the sheet names.
  return p ? `${displayId(p.id)} ${p.name}` : displayId(id);
}

/**
 * Each breach's cells as "Blad!A1" keys, from the "Celler" column of Om exemplet (the breaches
 * are written there one per row, in data order, under the header "Regel som bryts").
 */
function breachCells(
  sheets: FakeSheetInit[],
  example: ExampleWorkbook,
): Map<ExampleBreach, string[]> {
  const about = sheets.find((s) => s.name === "Om exemplet");
  if (!about) throw new Error("no Om exemplet");
  const rows = about.values;
  const header = rows.findIndex((r) => r[0] === "Regel som bryts");
  const cellsColumn = rows[header]?.indexOf("Celler") ?? -1;
  expect(cellsColumn).toBeGreaterThan(0);
  const out = new Map<ExampleBreach, string[]>();
  example.breaches.forEach((breach, i) => {
    const row = rows[header + 1 + i] ?? [];
    expect(row[0]).toBe(breach.ruleId);
    out.set(breach, cellsOfText(String(row[cellsColumn])));
  });
  return out;
}

const findingKey = (x: { participant: string; ruleId: string; severity: string }) =>
  `${x.participant} | ${x.ruleId} | ${x.severity}`;

function expectDocumentedFindings(example: ExampleWorkbook, shown: ShownFinding[]): void {
  const documented = ruleBreaches(example).map((b) =>
    findingKey({
      participant: participantHeading(example, b.participantId),
      ruleId: b.ruleId,
      severity: b.severity,
    }),
  );
  const found = new Set(shown.map(findingKey));
  // Every documented breach is listed under its participant, with its rule and severity …
  for (const key of documented) expect(found).toContain(key);
  // … and no other error is (warnings and infos may be more than the documented ones).
  const errors = new Set(
    shown.filter((f) => f.severity === "error" && !f.accepted).map(findingKey),
  );
  expect([...errors].sort()).toEqual(
    [...new Set(documented.filter((k) => k.endsWith("| error")))].sort(),
  );
}

/** The shown finding of a documented breach (the first one listed). */
function findingOf(
  example: ExampleWorkbook,
  shown: ShownFinding[],
  breach: ExampleBreach,
): ShownFinding {
  const heading = participantHeading(example, breach.participantId);
  const f = shown.find((x) => x.participant === heading && x.ruleId === breach.ruleId);
  if (!f) throw new Error(`${breach.ruleId} for ${heading} is not listed`);
  return f;
}

/** Severity rank for "the most serious mark wins". */
const RANK = { error: 3, warning: 2, info: 1 } as const;

function expectMarks(
  example: ExampleWorkbook,
  sheets: FakeSheetInit[],
  shown: ShownFinding[],
  before: WorkbookCells,
  after: WorkbookCells,
): void {
  // Each documented breach's finding points at cells on a sheet Om exemplet names for it, and
  // those cells are marked at least as seriously as the breach. (The example documents the cell
  // that is wrong, e.g. an empty Intyg cell; the rules point at the activity's row or the grid
  // cells of the meetings, so the check is per sheet.)
  for (const [breach, cells] of breachCells(sheets, example)) {
    if (breach.ruleId.startsWith("ERS.")) continue;
    const documentedSheets = new Set(cells.map((k) => k.slice(0, k.lastIndexOf("!"))));
    const heading = participantHeading(example, breach.participantId);
    const pointed = shown
      .filter((f) => f.participant === heading && f.ruleId === breach.ruleId && f.where !== null)
      .flatMap((f) => cellsOfText(f.where ?? ""))
      .filter((k) => documentedSheets.has(k.slice(0, k.lastIndexOf("!"))));
    expect({ breach: breach.ruleId, heading, pointsAtDocumentedSheet: pointed.length > 0 }).toEqual(
      {
        breach: breach.ruleId,
        heading,
        pointsAtDocumentedSheet: true,
      },
    );
    const allowed = (["error", "warning", "info"] as const)
      .filter((s) => RANK[s] >= RANK[breach.severity])
      .map(markFill);
    for (const key of pointed) {
      const fill = cellAt(after, key)?.fill ?? null;
      expect(`${breach.ruleId} ${key} ${fill ?? "ingen fyllning"}`).toMatch(
        new RegExp(` (${allowed.join("|")})$`),
      );
    }
  }
  // Every cell a listed finding names is marked in that finding's colour or a more serious one;
  // its first cell carries the message as a note.
  for (const f of shown) {
    if (f.where === null || f.accepted) continue;
    const cells = cellsOfText(f.where);
    const first = cells[0] ?? "";
    expect(`${first}: ${cellAt(after, first)?.note ?? ""}`).toContain(f.message.slice(0, 30));
    for (const key of cells) {
      const cell = cellAt(after, key);
      const allowed = (["error", "warning", "info"] as const)
        .filter((s) => RANK[s] >= RANK[f.severity])
        .map(markFill);
      expect({
        key,
        fill: cell?.fill ?? null,
        ok: allowed.includes(cell?.fill ?? ""),
      }).toMatchObject({
        key,
        ok: true,
      });
    }
  }
  // Nothing but marks changed: values, formulas and number formats are as they were.
  const userSheets = Object.keys(before);
  expect(contentOf(pick(after, userSheets))).toEqual(contentOf(before));
  // Every changed fill is a mark colour.
  for (const key of changedFills(before, after)) {
    expect(`${key} ${cellAt(after, key)?.fill ?? "ingen fyllning"}`).toMatch(
      / #(FFC7CE|FFEB9C|DDEBF7)$/,
    );
  }
}

// ---- scenarios -----------------------------------------------------------------------------------

describe("outside Office", () => {
  test("office.js reports no host and the pane says to open it in Excel", async () => {
    const pane = await openPane(browser, dist, { sheets: nackaSheets, officeHost: "none" });
    panes.push(pane);
    await pane.page.getByText("Fönstret är inte öppnat i Excel").waitFor();
    expect(await pane.page.getByRole("button", { name: "Validera schema" }).count()).toBe(0);
  });
});

describe("nacka-aktivitetslista.xlsx", () => {
  test("Validera schema marks the finding cells, lists the documented findings, selects a finding's cells, and Rensa markeringar restores every cell", async () => {
    // The coordinator's own colours and notes on the cells the findings point at (column A of
    // the lists): marking must not lose them, clearing must put them back.
    const sheets = await exampleSheets(NACKA_EXAMPLE.file, (workbook) => {
      for (const name of ["Aktiviteter", "Händelser"]) {
        const ws = workbook.getWorksheet(name);
        if (!ws) throw new Error(`no sheet ${name}`);
        for (let r = 2; r <= ws.rowCount; r++) {
          const cell = ws.getCell(r, 1);
          if (cell.value === null) continue;
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
          cell.note = `Egen anteckning rad ${r}`;
        }
      }
    });
    const { page } = await open(sheets);
    expect(await page.evaluate(() => window.__e2e?.excelIsFake())).toBe(true);
    const userSheets = await sheetNames(page);
    const before = await allCells(page);
    expect(before.Aktiviteter?.A247).toMatchObject({
      fill: "#FFF2CC",
      note: "Egen anteckning rad 247",
    });

    const status = await validate(page);
    expect(status).toContain(`idag ${NACKA_EXAMPLE.idag}`);
    const shown = await shownFindings(page);
    expectDocumentedFindings(NACKA_EXAMPLE, shown);

    const after = await allCells(page);
    expectMarks(NACKA_EXAMPLE, sheets, shown, pick(before, userSheets), after);
    // "N celler markerade" is the number of cells whose fill became a mark.
    const marked = /(\d+) cell(?:er)? markerad/.exec(status)?.[1];
    expect(Number(marked)).toBe(changedFills(pick(before, userSheets), after).length);

    // Click each documented error's finding: its sheet becomes active and its cells selected.
    for (const breach of ruleBreaches(NACKA_EXAMPLE).filter((b) => b.severity === "error")) {
      const f = findingOf(NACKA_EXAMPLE, shown, breach);
      if (f.where === null) continue;
      await findingItem(page, f).getByRole("button", { name: f.message, exact: true }).click();
      const sheet = f.where.slice(0, f.where.indexOf("!"));
      await page.waitForFunction((s) => window.__e2e?.fake.selection?.sheet === s, sheet);
      const sel = await selection(page);
      expect(sel.active).toBe(sheet);
      expect(sel.selection).not.toBeNull();
      expect(cellsOfSelection(sheet, sel.selection?.address ?? "").sort()).toEqual(
        cellsOfText(f.where).sort(),
      );
    }

    await page.getByRole("button", { name: "Rensa markeringar" }).click();
    await page.getByText("Markeringarna är borttagna.").waitFor({ timeout: ACTION_TIMEOUT });
    const cleared = await allCells(page);
    // Every cell of the user's sheets is exactly as before: fills, notes, values, formats.
    expect(pick(cleared, userSheets)).toEqual(pick(before, userSheets));
    // Whatever Schemakoll keeps for itself is out of sight.
    const visibility = await page.evaluate(() =>
      (window.__e2e?.fake.sheets ?? []).map((s) => [s.name, s.visibility] as const),
    );
    for (const [name, v] of visibility) {
      if (!userSheets.includes(name))
        expect({ name, hidden: v !== "Visible" }).toEqual({ name, hidden: true });
    }
  });

  test("Skapa månadsrapport and Skapa fakturaunderlag for 2024-04 write sheets with the totals the report code gives", async () => {
    // The same computation in Node, over the same cells the fake holds.
    const sheets: SheetData[] = nackaSheets.map((s) => ({
      name: s.name,
      values: s.values,
      ...(s.numberFormats ? { numberFormats: s.numberFormats } : {}),
    }));
    const model = readWorkbook(sheets);
    const idag = model.settings.idag ?? NACKA_EXAMPLE.idag;
    expect(idag).toBe(NACKA_EXAMPLE.idag);
    const invoice = buildInvoice(model, APRIL, { idag });
    const monthly = buildMonthlyReport(model, APRIL, runRules(model, model.settings, idag), {
      idag,
    });
    expect(invoice.rows.length).toBeGreaterThan(0);
    expect(monthly.total.participants).toBeGreaterThan(0);

    const { page } = await open(nackaSheets);
    await openTab(page, "Rapporter");
    const month = page.getByRole("textbox", { name: "Månad" });
    await month.fill(APRIL);

    await page.getByRole("button", { name: "Skapa månadsrapport" }).click();
    await page
      .getByText(`Bladet ${monthlySheetName(APRIL)} är skapat.`)
      .waitFor({ timeout: ACTION_TIMEOUT });
    await page.getByRole("button", { name: "Skapa fakturaunderlag" }).click();
    await page
      .getByText(`Bladet ${invoiceSheetName(APRIL)} är skapat.`)
      .waitFor({ timeout: ACTION_TIMEOUT });

    const names = await sheetNames(page);
    expect(names).toEqual(
      expect.arrayContaining([monthlySheetName(APRIL), invoiceSheetName(APRIL)]),
    );

    // Fakturaunderlag: each participant's amount and the Summa row.
    const inv = await sheetValues(page, invoiceSheetName(APRIL));
    const headerRow = inv.findIndex(
      (r) => r[0] === INVOICE_HEADERS[0] && r[1] === INVOICE_HEADERS[1],
    );
    expect(headerRow).toBeGreaterThan(0);
    const col = (h: string) => (inv[headerRow] ?? []).indexOf(h);
    const dataRows = inv.slice(headerRow + 1, headerRow + 1 + invoice.rows.length);
    expect(dataRows.map((r) => [r[col("Deltagare")], r[col("Belopp")]])).toEqual(
      invoice.rows.map((r) => [r.participantId, r.amount]),
    );
    const summa = inv.find((r) => r[0] === "Summa");
    // The total is the sum of the rows (computed here, not read from the invoice).
    const sum = invoice.rows.reduce((s, r) => s + r.amount, 0);
    expect(summa?.[col("Belopp")]).toBe(sum);
    expect(sum).toBe(invoice.total);
    const formulas = await page.evaluate(
      (name) =>
        Object.values(window.__e2e?.fake.cellsOf(name) ?? {})
          .map((c) => c.formula)
          .filter(Boolean),
      invoiceSheetName(APRIL),
    );
    expect(formulas).toEqual([expect.stringMatching(/^=SUM\(G\d+:G\d+\)$/)]);

    // The pane's own total line says the same sum, in kronor.
    await expect(page.getByText("Summa:").textContent()).resolves.toContain(formatKronor(sum));

    // Månadsrapport: the Totalt row of Fördelning per kön.
    const rep = await sheetValues(page, monthlySheetName(APRIL));
    const konHeader = rep.findIndex((r) => r[0] === "Kön" && r[1] === "Deltagare");
    expect(konHeader).toBeGreaterThan(0);
    const totalt = rep.slice(konHeader).find((r) => r[0] === "Totalt") ?? [];
    const kcol = (h: string) => (rep[konHeader] ?? []).indexOf(h);
    expect({
      participants: totalt[1],
      planned: totalt[kcol("Planerade timmar")],
      held: totalt[kcol("Genomförda timmar")],
      absent: totalt[kcol("Frånvarotimmar")],
    }).toEqual({
      participants: monthly.total.participants,
      planned: monthly.total.planned,
      held: monthly.total.held,
      absent: monthly.total.absent,
    });
    // The participants' own rows add up to Totalt (sum over the summary table, done here).
    const summaryHeader = rep.findIndex((r) => r[0] === "Deltagare" && r[1] === "Namn");
    const participantRows = rep.slice(
      summaryHeader + 1,
      summaryHeader + 1 + monthly.participants.length,
    );
    const scol = (h: string) => (rep[summaryHeader] ?? []).indexOf(h);
    const heldSum = participantRows.reduce((s, r) => s + Number(r[scol("Genomförda timmar")]), 0);
    expect(heldSum).toBeCloseTo(Number(totalt[kcol("Genomförda timmar")]), 6);
  });

  test("Godkänn avvikelse: the finding shows as accepted, after a new validation too, and its row is in Godkända avvikelser", async () => {
    const { page } = await open(nackaSheets);
    await validate(page);
    const breach = ruleBreaches(NACKA_EXAMPLE).find((b) => b.severity === "error");
    if (!breach) throw new Error("the example has no error breach");
    const target = findingOf(NACKA_EXAMPLE, await shownFindings(page), breach);

    await findingItem(page, target)
      .getByRole("button", { name: /^Godkänn avvikelse/ })
      .click();
    const dialog = page.getByRole("dialog", { name: "Godkänn avvikelse" });
    await dialog.waitFor();
    // Without a reason the dialog says what is missing and stays open.
    await dialog.getByRole("button", { name: "Godkänn", exact: true }).click();
    await dialog.getByText("Skriv varför avvikelsen är godkänd.").waitFor();
    await dialog
      .getByRole("textbox", { name: /Motivering/ })
      .fill("Läkarintyget lämnas i efterhand.");
    await dialog.getByRole("textbox", { name: /Godkänd av/ }).fill("Karin Handläggare");
    await dialog.getByRole("button", { name: "Godkänn", exact: true }).click();
    await dialog.waitFor({ state: "hidden", timeout: ACTION_TIMEOUT });

    const isAccepted = async () => {
      const shown = await shownFindings(page);
      return shown.filter(
        (f) =>
          f.participant === target.participant &&
          f.ruleId === target.ruleId &&
          f.message === target.message,
      );
    };
    expect((await isAccepted()).map((f) => f.accepted)).toEqual([true]);
    await expect(
      findingItem(page, (await isAccepted())[0] as ShownFinding).textContent(),
    ).resolves.toContain("Läkarintyget lämnas i efterhand. (Karin Handläggare)");

    await validate(page);
    expect((await isAccepted()).map((f) => f.accepted)).toEqual([true]);

    const names = await sheetNames(page);
    expect(names).toContain(ACCEPTANCES_SHEET);
    const rows = await sheetValues(page, ACCEPTANCES_SHEET);
    const row = rows.find((r) => r.includes(breach.ruleId));
    expect(row).toBeDefined();
    expect(row).toContain("Läkarintyget lämnas i efterhand.");
    // Its participant is written by name or masked id, never a personnummer.
    expect(JSON.stringify(rows)).not.toMatch(/\d{6,8}-?\d{4}(?!\*)/);
  });

  test("Mall: a register with unknown headers is read once its columns are given in the Mall form", async () => {
    const register = NACKA_EXAMPLE.register;
    // Headers no reader knows: the register is not recognised.
    const sheets = await exampleSheets(NACKA_EXAMPLE.file, (workbook) => {
      const ws = workbook.getWorksheet(register.sheet);
      if (!ws) throw new Error("no register sheet");
      register.columns.forEach((_, i) => {
        ws.getCell(1, i + 1).value = `Fält ${i + 1}`;
      });
    });
    const { page } = await open(sheets);
    const labels = NACKA_EXAMPLE.participants.map((p) => participantHeading(NACKA_EXAMPLE, p.id));

    await validate(page);
    const before = await summaryLabels(page);
    for (const label of labels) expect(before).not.toContain(label);

    await openTab(page, "Mall");
    const list = page.getByRole("list", { name: "Igenkända blad" });
    await list.waitFor({ timeout: ACTION_TIMEOUT });
    await expect(
      list.getByRole("listitem").filter({ hasText: register.sheet }).textContent(),
    ).resolves.toContain("Inte igenkänt");
    await page.getByRole("combobox", { name: "Blad" }).selectOption(register.sheet);
    await page
      .getByRole("combobox", { name: "Typ av blad" })
      .selectOption({ label: SHEET_KIND_LABEL.register });
    // The register's columns as the example writes them (A, B, … in data order).
    const concept: Partial<Record<RegisterField, string>> = {
      id: "id",
      name: "name",
      kon: "kon",
      insats: "programme",
      beslutsdatum: "beslutsdatum",
      start: "startdatum",
      end: "slutdatum",
      bistand: "bistand",
      upptrappning: "upptrappning",
      omfattning: "omfattning",
      niva: "niva",
    };
    for (const [i, column] of register.columns.entries()) {
      const c = concept[column.field];
      if (c === undefined) continue;
      await page
        .getByRole("textbox", { name: conceptLabel(c), exact: true })
        .fill(String.fromCharCode(65 + i));
    }
    await page.getByRole("button", { name: "Spara mallen" }).click();
    await page
      .getByText(`Mallen för ${register.sheet} är sparad.`)
      .waitFor({ timeout: ACTION_TIMEOUT });

    await validate(page);
    const after = await summaryLabels(page);
    for (const label of labels) expect(after).toContain(label);
    // The stored map is Schemakoll's own, out of sight.
    const visibility = await page.evaluate(() =>
      (window.__e2e?.fake.sheets ?? [])
        .filter((s) => s.name === "Schemakoll_mall")
        .map((s) => s.visibility),
    );
    expect(visibility).toHaveLength(1);
    expect(visibility[0]).not.toBe("Visible");
  });

  test("the ribbon's Validera schema validates, opens the pane and completes the command", async () => {
    const { page } = await open(nackaSheets);
    const actions = await page.evaluate(() => Object.keys(window.__e2e?.actions ?? {}));
    expect(actions).toEqual(["validateSchedule"]);
    await page.evaluate(() => window.__e2e?.pressRibbon("validateSchedule"));
    await waitForValidation(page);
    expect(
      await page.evaluate(() => ({
        shown: window.__e2e?.showAsTaskpaneCalls,
        completed: window.__e2e?.completedEvents,
      })),
    ).toEqual({ shown: 1, completed: 1 });
    expectDocumentedFindings(NACKA_EXAMPLE, await shownFindings(page));
  });
});

describe("rom2-veckoscheman.xlsx (week grids)", () => {
  test("Validera schema lists the documented findings, marks the grid cells, and a finding selects its grid cells", async () => {
    const { page } = await open(rom2Sheets);
    const userSheets = await sheetNames(page);
    const before = await allCells(page);
    const status = await validate(page);
    expect(status).toContain(`idag ${ROM2_EXAMPLE.idag}`);
    const shown = await shownFindings(page);
    expectDocumentedFindings(ROM2_EXAMPLE, shown);
    expectMarks(ROM2_EXAMPLE, rom2Sheets, shown, pick(before, userSheets), await allCells(page));

    const grid = ROM2_EXAMPLE.grids[0];
    const breach = ruleBreaches(ROM2_EXAMPLE).find(
      (b) =>
        b.targets.some((t) => t.kind === "gridCell") && b.participantId === grid?.participantId,
    );
    if (!breach) throw new Error("no grid breach in the ROM2 example");
    const f = findingOf(ROM2_EXAMPLE, shown, breach);
    if (f.where === null) throw new Error("the grid finding names no cells");
    await findingItem(page, f).getByRole("button", { name: f.message, exact: true }).click();
    const sheet = f.where.slice(0, f.where.indexOf("!"));
    await page.waitForFunction((s) => window.__e2e?.fake.selection?.sheet === s, sheet);
    const sel = await selection(page);
    expect(sel.active).toBe(sheet);
    expect(cellsOfSelection(sheet, sel.selection?.address ?? "").sort()).toEqual(
      cellsOfText(f.where).sort(),
    );
  });
});
