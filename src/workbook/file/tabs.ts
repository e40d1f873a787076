/** Finding sheets by name and keeping the workbook's active tab where it belongs. */
import type { Workbook, WorkbookView, Worksheet, WorksheetView } from "exceljs";
import { workbookViews } from "./excelInternals";

/** The sheet of that name: exactly, or else ignoring case as Excel does. */
export function findSheet(workbook: Workbook, name: string): Worksheet | undefined {
  const sheets = workbook.worksheets;
  const exact = sheets.find((s) => s.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

const DEFAULT_VIEW: WorkbookView = {
  x: 0,
  y: 0,
  width: 12000,
  height: 24000,
  firstSheet: 0,
  activeTab: 0,
  visibility: "visible",
};

/** The name of the tab Excel opens the workbook on. */
export function activeSheetName(workbook: Workbook): string | undefined {
  const index = workbookViews(workbook)[0]?.activeTab ?? 0;
  return workbook.worksheets[index]?.name;
}

function setActiveTab(workbook: Workbook, index: number): void {
  const [first, ...rest] = workbookViews(workbook);
  const view = { ...DEFAULT_VIEW, ...first };
  workbook.views = [
    { ...view, activeTab: index, firstSheet: Math.min(view.firstSheet, index) },
    ...rest,
  ];
}

/** A sheet view as ExcelJS reads and writes it (its declared type lacks tabSelected). */
type SheetView = Partial<WorksheetView> & { tabSelected?: boolean };

/** A sheet's views; ExcelJS leaves them null for a sheet read without any. */
function sheetViews(sheet: Worksheet): SheetView[] {
  const views = sheet.views as SheetView[] | null | undefined;
  return Array.isArray(views) ? views : [];
}

function withTabSelected(sheet: Worksheet, selected: boolean, activeCell?: string): void {
  const [first, ...rest] = sheetViews(sheet);
  if (!first && !selected) return;
  const view: SheetView = { ...(first ?? { state: "normal" }), tabSelected: selected };
  if (activeCell !== undefined) view.activeCell = activeCell;
  sheet.views = [view, ...rest];
}

/** Makes the sheet the one tab selected and active, optionally with its active cell. */
export function activateSheet(workbook: Workbook, sheet: Worksheet, activeCell?: string): void {
  const sheets = workbook.worksheets;
  const index = sheets.indexOf(sheet);
  if (index < 0) return;
  for (const other of sheets) {
    if (other !== sheet) withTabSelected(other, false);
  }
  withTabSelected(sheet, true, activeCell);
  setActiveTab(workbook, index);
}

/**
 * Runs a change that adds, replaces or removes sheets, then points the active tab at the sheet
 * that was active before (by name; a replaced sheet keeps its tab), or at the first visible one.
 */
export function keepingActiveSheet<T>(workbook: Workbook, change: () => T): T {
  const hadViews = workbookViews(workbook).length > 0;
  const beforeIndex = workbookViews(workbook)[0]?.activeTab ?? 0;
  const beforeSheet = workbook.worksheets[beforeIndex];
  const wasSelected = (beforeSheet ? sheetViews(beforeSheet) : []).some(
    (v) => v.tabSelected === true,
  );
  const result = change();
  const sheets = workbook.worksheets;
  let index = beforeSheet ? sheets.findIndex((s) => s.name === beforeSheet.name) : -1;
  const sheet = sheets[index];
  if (sheet) {
    // A replaced sheet is a new object with fresh views.
    if (sheet !== beforeSheet && wasSelected) withTabSelected(sheet, true);
  } else {
    index = Math.max(
      0,
      sheets.findIndex((s) => s.state === "visible"),
    );
  }
  if (hadViews || index !== beforeIndex) setActiveTab(workbook, index);
  return result;
}
