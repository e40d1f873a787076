/**
 * The task pane with the keyboard only, under axe-core, and as it looks at Excel's narrowest
 * (320 px) and a wide (500 px) task pane: every view (Fynd after a validation, Rapporter with a
 * created invoice, Mall with a sheet being corrected, Inställningar, Formler) and the Godkänn
 * avvikelse dialog. Screenshots are written to test/e2e/screenshots/ for a person to look at.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { NACKA_EXAMPLE } from "../../scripts/exempel/data";
import type { FakeSheetInit } from "../excelFake";
import {
  SCREENSHOTS,
  axeViolations,
  exampleSheets,
  fakeHostBundle,
  launchChromium,
  openPane,
  selection,
  severe,
  taskpaneBuild,
  type Pane,
} from "./harness";
import { markControls, tabOrder, focusNow } from "./keyboard";
import {
  ACTION_TIMEOUT,
  TABS,
  cellsOfSelection,
  cellsOfText,
  openTab,
  shownFindings,
  validate,
  waitForValidation,
  type TabName,
} from "./pane";

jest.setTimeout(240_000);

let browser: Browser;
let dist: string;
let nackaSheets: FakeSheetInit[];
const panes: Pane[] = [];

beforeAll(async () => {
  [dist] = await Promise.all([taskpaneBuild(), fakeHostBundle()]);
  nackaSheets = await exampleSheets(NACKA_EXAMPLE.file);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterEach(async () => {
  for (const pane of panes.splice(0)) {
    expect({ errors: pane.errors, blocked: pane.blocked }).toEqual({ errors: [], blocked: [] });
    await pane.close();
  }
});

afterAll(async () => {
  // Undefined when Chromium could not start (beforeAll then says why).
  await (browser as Browser | undefined)?.close();
});

async function open(width: number): Promise<Page> {
  const pane = await openPane(browser, dist, { sheets: nackaSheets, width, height: 800 });
  panes.push(pane);
  return pane.page;
}

type View = TabName | "Godkänn avvikelse";
const VIEWS: readonly View[] = [...TABS, "Godkänn avvikelse"];

/** Brings the pane to a view with something in it (a validation, an invoice, a form). */
async function show(page: Page, view: View): Promise<void> {
  switch (view) {
    case "Fynd":
      await validate(page);
      return;
    case "Rapporter":
      await openTab(page, "Rapporter");
      await page.getByRole("textbox", { name: "Månad" }).fill("2024-04");
      await page.getByRole("button", { name: "Skapa fakturaunderlag" }).click();
      await page.getByText("Summa:").waitFor({ timeout: ACTION_TIMEOUT });
      return;
    case "Mall":
      await openTab(page, "Mall");
      await page.getByRole("combobox", { name: "Blad" }).selectOption(NACKA_EXAMPLE.register.sheet);
      await page.getByRole("button", { name: "Spara mallen" }).waitFor();
      return;
    case "Inställningar":
      await openTab(page, "Inställningar");
      await page
        .getByRole("button", { name: /^Spara/ })
        .first()
        .waitFor({ timeout: ACTION_TIMEOUT });
      return;
    case "Formler":
      await openTab(page, "Formler");
      await page.getByRole("list", { name: "Schemakolls formler" }).waitFor();
      return;
    case "Godkänn avvikelse":
      await validate(page);
      await page
        .getByRole("button", { name: /^Godkänn avvikelse: / })
        .first()
        .click();
      await page.getByRole("dialog", { name: "Godkänn avvikelse" }).waitFor();
      // Let the dialog's entrance animation finish before looking at it.
      await page.waitForTimeout(400);
      return;
  }
}

const fileName = (view: View, width: number) =>
  `${view
    .toLowerCase()
    .replace(/ä/g, "a")
    .replace(/[^a-z]+/g, "-")}-${width}.png`;

describe.each(VIEWS.map((v) => [v]))("%s", (view) => {
  test("axe-core finds no serious or critical violation", async () => {
    const page = await open(360);
    await show(page, view);
    const violations = severe(await axeViolations(page));
    expect(violations).toEqual([]);
  });

  test("Tab reaches every control, each showing where the focus is", async () => {
    const page = await open(360);
    await show(page, view);
    const scope = view === "Godkänn avvikelse" ? '[role="dialog"]' : "body";
    const controls = await markControls(page, scope);
    expect(controls.length).toBeGreaterThan(0);
    const stops = await tabOrder(page, scope);
    const reached = new Set(stops.map((s) => s.id));
    expect(controls.filter((c) => !reached.has(c.id))).toEqual([]);
    const unseen = stops.filter((s) => !s.focusVisible || s.indicator.length === 0);
    expect(unseen).toEqual([]);
    if (view === "Godkänn avvikelse") {
      // A modal dialog keeps the focus inside it.
      const inside = await page.evaluate(() =>
        Boolean(document.activeElement?.closest('[role="dialog"]')),
      );
      expect(inside).toBe(true);
    }
  });

  test.each([320, 500])("screenshot at %i px, nothing wider than the pane", async (width) => {
    const page = await open(width);
    await show(page, view);
    // A modal dialog covers the viewport (its backdrop is fixed): photograph what the user sees.
    await page.screenshot({
      path: join(SCREENSHOTS, fileName(view, width)),
      fullPage: view !== "Godkänn avvikelse",
    });
    // WCAG 1.4.10: at 320 CSS px nothing needs scrolling sideways.
    const overflow = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const wide: string[] = [];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
        const rect = el.getBoundingClientRect();
        if (rect.width > 0 && rect.right > limit + 1) {
          wide.push(
            `${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ")[0] ?? ""} "${el.textContent.trim().slice(0, 40)}" right=${Math.round(rect.right)}`,
          );
        }
      }
      return { scroll: document.documentElement.scrollWidth > limit, wide: wide.slice(0, 10) };
    });
    expect(overflow).toEqual({ scroll: false, wide: [] });
  });
});

describe("keyboard only", () => {
  test("closing the Godkänn avvikelse dialog with Escape gives the focus back to its button", async () => {
    const page = await open(360);
    await validate(page);
    const button = page.getByRole("button", { name: /^Godkänn avvikelse: / }).first();
    const name = ((await button.getAttribute("aria-label")) ?? "").slice(0, 80);
    await markControls(page);
    await button.focus();
    await page.keyboard.press("Space");
    const dialog = page.getByRole("dialog", { name: "Godkänn avvikelse" });
    await dialog.waitFor();
    await page.waitForFunction(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    // WCAG 2.4.3: back where the user was, not at the top of the pane.
    await page
      .waitForFunction(() => document.activeElement !== document.body, undefined, {
        timeout: 2_000,
      })
      .catch(() => undefined);
    expect((await focusNow(page))?.name ?? "(ingenting: fokus på sidans början)").toBe(name);
  });

  test("Enter and Space work the tabs, Validera schema, a finding, the Godkänn avvikelse dialog and Rensa markeringar", async () => {
    const page = await open(360);
    const tabStop = async (name: string) => {
      // Tab until the control named `name` has the focus.
      const seen: string[] = [];
      for (let i = 0; i < 1000; i++) {
        await page.keyboard.press("Tab");
        const now = await focusNow(page);
        if (now?.name === name.slice(0, 80)) return;
        seen.push(now?.name ?? "(ingenting)");
      }
      throw new Error(
        `Tab never reached ${name}; reached ${[...new Set(seen)].join(" | ").slice(0, 2000)}`,
      );
    };
    await markControls(page);

    // The tab list: one Tab stop; the arrow keys move between tabs, Enter/Space choose.
    await tabStop("Fynd");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Rapporter", selected: true }).waitFor();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await page.getByRole("tab", { name: "Mall", selected: true }).waitFor();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await page.getByRole("tab", { name: "Fynd", selected: true }).waitFor();

    await tabStop("Validera schema");
    await page.keyboard.press("Enter");
    await waitForValidation(page);

    // The first finding with cells: Enter on its message selects its cells.
    const first = (await shownFindings(page)).find((f) => f.where !== null && !f.accepted);
    if (!first?.where) throw new Error("no finding with cells");
    await markControls(page);
    await tabStop(first.message);
    await page.keyboard.press("Enter");
    const sheet = first.where.slice(0, first.where.indexOf("!"));
    await page.waitForFunction((s) => window.__e2e?.fake.selection?.sheet === s, sheet);
    const sel = await selection(page);
    expect(cellsOfSelection(sheet, sel.selection?.address ?? "").sort()).toEqual(
      cellsOfText(first.where).sort(),
    );

    // Space on Godkänn avvikelse opens the dialog with the focus in Motivering; the form is
    // filled and sent with the keyboard.
    await page.keyboard.press("Tab");
    const accept = await focusNow(page);
    expect(accept?.name).toBe(`Godkänn avvikelse: ${first.message}`.slice(0, 80));
    await page.keyboard.press("Space");
    const dialog = page.getByRole("dialog", { name: "Godkänn avvikelse" });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === "TEXTAREA");
    await page.keyboard.type("Godkänt med tangentbordet");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Karin");
    await page.keyboard.press("Tab");
    expect((await focusNow(page))?.name).toBe("Godkänn");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden", timeout: ACTION_TIMEOUT });
    const accepted = (await shownFindings(page)).find(
      (f) => f.message === first.message && f.participant === first.participant,
    );
    expect(accepted?.accepted).toBe(true);

    // Rensa markeringar with Space.
    await markControls(page);
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await tabStop("Rensa markeringar");
    await page.keyboard.press("Space");
    await page.getByText("Markeringarna är borttagna.").waitFor({ timeout: ACTION_TIMEOUT });
  });
});
