/**
 * What a validation leaves in the workbook: the marks on the findings' cells and the
 * "Schemakoll fynd" sheet (the CLI's --markera). One copy, shared by the task pane and the CLI.
 */
import type { CellMark, SheetCell, SheetModel } from "../workbook/port";
import { internalLink } from "../workbook/port";
import { displayId, looksLikePersonnummer, maskPersonnummerInText } from "../domain/personnummer";
import type { Finding } from "../rules/types";

/** The sheet listing the findings ("Schemakoll …": never read back as the coordinator's data). */
export const FINDINGS_SHEET = "Schemakoll fynd";

/** Severity as a coordinator reads it. */
export const SEVERITY_SV = { error: "fel", warning: "varning", info: "info" } as const;

/**
 * The finding's message as it may be written: every personnummer in it masked (check digit
 * valid, so phone numbers and amounts stay), and the finding's own participant id masked even
 * when mistyped ("850101-1235").
 */
export function writableMessage(finding: Pick<Finding, "participantId">, text: string): string {
  const masked = maskPersonnummerInText(text);
  const id = finding.participantId?.trim() ?? "";
  return id !== "" && looksLikePersonnummer(id) ? masked.split(id).join(displayId(id)) : masked;
}

/** The finding's cells on the sheet of its first ref, in order, without repeats. */
export function firstSheetCells(finding: Finding): { sheet: string; cells: string[] } | null {
  const first = finding.refs[0];
  if (first === undefined) return null;
  const cells = finding.refs.filter((r) => r.sheet === first.sheet).map((r) => r.cell);
  return { sheet: first.sheet, cells: [...new Set(cells)] };
}

/**
 * Marks for the findings that are not accepted: each finding's cells per sheet, the rule id
 * and message as the note.
 */
export function marksOf(findings: readonly Finding[]): CellMark[] {
  const marks: CellMark[] = [];
  for (const f of findings) {
    if (f.accepted) continue;
    const bySheet = new Map<string, string[]>();
    for (const r of f.refs) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r.cell]);
    for (const [sheet, cells] of bySheet)
      marks.push({
        sheet,
        cells: [...new Set(cells)],
        severity: f.severity,
        note: `${f.ruleId}: ${writableMessage(f, f.message)}`,
      });
  }
  return marks;
}

/** The "Schemakoll fynd" sheet: one row per finding, masked ids, a link to the first cell. */
export function findingsSheet(findings: readonly Finding[]): SheetModel {
  const header = [
    "Deltagare",
    "Regel",
    "Allvarlighet",
    "Från",
    "Till",
    "Meddelande",
    "Källa",
    "Godkänd",
    "Celler",
  ];
  const rows: SheetCell[][] = [header.map((value) => ({ value, bold: true }))];
  for (const f of findings) {
    const where = firstSheetCells(f);
    const first = f.refs[0];
    rows.push([
      { value: f.participantId === null ? "" : displayId(f.participantId) },
      { value: f.ruleId },
      { value: SEVERITY_SV[f.severity] },
      { value: f.from ?? "" },
      { value: f.to ?? "" },
      { value: writableMessage(f, f.message) },
      { value: f.source },
      { value: f.accepted ? "ja" : "nej" },
      where === null || first === undefined
        ? { value: "" }
        : {
            value: `${maskPersonnummerInText(where.sheet)}!${f.refs
              .filter((r) => r.sheet === where.sheet)
              .map((r) => r.cell)
              .join(",")}`,
            hyperlink: internalLink(first.sheet, first.cell),
          },
    ]);
  }
  return {
    name: FINDINGS_SHEET,
    rows,
    columnWidths: [16, 22, 12, 12, 12, 80, 40, 9, 30],
    freezeRows: 1,
    table: { name: "Schemakoll_fynd", headerRow: 0, rowCount: Math.max(1, findings.length) },
  };
}
