/**
 * Driving the task pane as a user does (buttons by their Swedish names, tabs, the findings list
 * as shown) and reading cell addresses the way the pane and the example's "Om exemplet" write them.
 */
import type { Page } from "playwright-core";
import { cellKey, parseRect, splitSheet } from "../excelFake/address";
import type { Severity } from "../../src/domain/model";
import { MARK_FILL_ARGB } from "../../src/workbook/port";
import { SEVERITY_LABEL } from "../../src/taskpane/format";
import type { CellSnapshot } from "../excelFake";
import type { WorkbookCells } from "./harness";

export const TABS = ["Fynd", "Rapporter", "Mall", "Inställningar", "Formler"] as const;
export type TabName = (typeof TABS)[number];

/** Generous for a shared 2-core machine; a user would see a progress bar by then. */
export const ACTION_TIMEOUT = 60_000;

export async function openTab(page: Page, name: TabName): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.getByRole("tab", { name, selected: true }).waitFor();
}

/** Clicks Validera schema and waits for the result line ("Kontrollerat med idag …"). */
export async function validate(page: Page): Promise<string> {
  await openTab(page, "Fynd");
  await page.getByRole("button", { name: "Validera schema" }).click();
  return waitForValidation(page);
}

export async function waitForValidation(page: Page): Promise<string> {
  const status = page.getByRole("status").filter({ hasText: "Kontrollerat med idag" });
  await page.getByRole("button", { name: "Validera schema" }).waitFor({ timeout: ACTION_TIMEOUT });
  await status.waitFor({ timeout: ACTION_TIMEOUT });
  return (await status.textContent()) ?? "";
}

export interface ShownFinding {
  /** Index among all findings in the list (document order), for clicking it. */
  index: number;
  /** The group heading: masked id and name, or "Hela arbetsboken". */
  participant: string;
  ruleId: string;
  severity: Severity;
  message: string;
  /** "Blad!B7, C9" as shown under the message, or null. */
  where: string | null;
  accepted: boolean;
}

/** The findings list as the pane shows it. */
export async function shownFindings(page: Page): Promise<ShownFinding[]> {
  const raw = await page.evaluate(() => {
    const out: {
      participant: string;
      ruleId: string;
      severity: string;
      message: string;
      where: string | null;
      accepted: boolean;
    }[] = [];
    const root = document.querySelector('section[aria-labelledby="schemakoll-findings"]');
    if (!root) return out;
    for (const group of Array.from(root.querySelectorAll(":scope > section[aria-label]"))) {
      const participant = group.getAttribute("aria-label") ?? "";
      for (const ul of Array.from(group.querySelectorAll('ul[aria-label^="Avvikelser för "]'))) {
        const ruleId = (ul.getAttribute("aria-label") ?? "").slice("Avvikelser för ".length);
        for (const li of Array.from(ul.querySelectorAll(":scope > li"))) {
          const head = li.children[0];
          const second = li.children[1];
          out.push({
            participant,
            ruleId,
            severity: head?.children[0]?.textContent.trim() ?? "",
            message: head?.children[1]?.textContent.trim() ?? "",
            where: second?.tagName === "SPAN" ? second.textContent.trim() : null,
            accepted: li.textContent.includes("Godkänd:"),
          });
        }
      }
    }
    return out;
  });
  const bySeverityLabel = new Map(
    (Object.entries(SEVERITY_LABEL) as [Severity, string][]).map(([k, v]) => [v, k]),
  );
  return raw.map((f, index) => {
    const severity = bySeverityLabel.get(f.severity);
    if (severity === undefined) throw new Error(`unknown severity badge "${f.severity}"`);
    return { ...f, index, severity };
  });
}

/** The list item of a shown finding. */
export function findingItem(page: Page, finding: ShownFinding) {
  return page.locator('section[aria-labelledby="schemakoll-findings"] ul > li').nth(finding.index);
}

/** The participant labels in Sammanfattning. */
export async function summaryLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll(
        'ul[aria-label="Sammanfattning per deltagare"] > li > :first-child',
      ),
    ).map((e) => e.textContent.trim()),
  );
}

// ---- addresses -------------------------------------------------------------------------------

/** "Blad!A1" keys for every cell of "A1:B3" on `sheet`. */
export function expandRange(sheet: string, range: string): string[] {
  const rect = parseRect(range);
  const out: string[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) out.push(`${sheet}!${cellKey(r, c)}`);
  }
  return out;
}

/**
 * Cells written as in Om exemplet ("'Cecilia Ek'!C30, Aktiviteter!I412:I414") or as the pane
 * writes a finding's place ("Aktiviteter!I412, I414"): a part without a sheet stays on the
 * previous part's sheet.
 */
export function cellsOfText(text: string): string[] {
  const out: string[] = [];
  let sheet: string | null = null;
  for (const part of text.split(/,\s*/)) {
    const split = splitSheet(part.trim());
    sheet = split.sheet ?? sheet;
    if (sheet === null) throw new Error(`no sheet in "${text}"`);
    out.push(...expandRange(sheet, split.local));
  }
  return out;
}

/** A selection address ("A1:B2,D4") on a sheet, as cell keys. */
export function cellsOfSelection(sheet: string, address: string): string[] {
  return address.split(",").flatMap((a) => expandRange(sheet, splitSheet(a).local));
}

/** The fill a mark of this severity gives ("#FFC7CE"). */
export function markFill(severity: Severity): string {
  return `#${MARK_FILL_ARGB[severity].slice(2).toUpperCase()}`;
}

export const MARK_FILLS = new Set((["error", "warning", "info"] as const).map(markFill));

export function cellAt(cells: WorkbookCells, key: string): CellSnapshot | undefined {
  const bang = key.lastIndexOf("!");
  return cells[key.slice(0, bang)]?.[key.slice(bang + 1)];
}

/** Cells (as "Blad!A1") whose fill differs between two snapshots, on the sheets of `before`. */
export function changedFills(before: WorkbookCells, after: WorkbookCells): string[] {
  const out: string[] = [];
  for (const sheet of Object.keys(before)) {
    const keys = new Set([...Object.keys(before[sheet] ?? {}), ...Object.keys(after[sheet] ?? {})]);
    for (const key of keys) {
      if ((before[sheet]?.[key]?.fill ?? null) !== (after[sheet]?.[key]?.fill ?? null)) {
        out.push(`${sheet}!${key}`);
      }
    }
  }
  return out.sort();
}

/** The snapshot without fills and notes: what a user typed (values, formulas, formats). */
export function contentOf(cells: WorkbookCells): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [sheet, byKey] of Object.entries(cells)) {
    const own: Record<string, unknown> = {};
    out[sheet] = own;
    for (const [key, c] of Object.entries(byKey)) {
      if (c.value === "" && c.formula === null && c.numberFormat === "General") continue;
      own[key] = {
        value: c.value,
        formula: c.formula,
        numberFormat: c.numberFormat,
      };
    }
  }
  return out;
}

/** Only the sheets named. */
export function pick(cells: WorkbookCells, sheets: readonly string[]): WorkbookCells {
  return Object.fromEntries(sheets.map((s) => [s, cells[s] ?? {}]));
}
