/**
 * `schemakoll validera <arbetsbok.xlsx> [--idag ÅÅÅÅ-MM-DD] [--json] [--markera <ut.xlsx>]`:
 * reads the workbook, runs every rule of the catalog that applies to each participant, and
 * reports the findings — grouped by participant in Swedish, or as one JSON object. With
 * --markera it writes a copy with each finding's cells marked and a sheet "Schemakoll fynd";
 * the input file is never modified.
 */
import { parseIsoDate, todayLocal, type IsoDate } from "../domain/date";
import type { SheetCell, SheetModel } from "../domain/model";
import {
  readWorkbook,
  TEMPLATE_MAP_SHEET,
  templateMapFromValues,
  type WorkbookModel,
} from "../read/workbook";
import { displayId } from "../read/values";
import { validate } from "../rules/engine";
import type { Finding } from "../rules/types";
import { openWorkbookFile } from "../workbook/file";
import { internalLink, type CellMark } from "../workbook/port";
import { validationOutputSchema, type ValidationOutput } from "./contract";
import { programmeText } from "./format";

export const FINDINGS_SHEET = "Schemakoll fynd";

const SEVERITY_SV = { error: "fel", warning: "varning", info: "info" } as const;

export interface ValideraResult {
  output: ValidationOutput;
  model: WorkbookModel;
  findings: Finding[];
  idag: IsoDate;
}

/** The exit code: 1 when any unaccepted error remains. */
export function exitCode(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === "error" && !f.accepted) ? 1 : 0;
}

export function toOutput(model: WorkbookModel, findings: readonly Finding[]): ValidationOutput {
  return validationOutputSchema.parse({
    participants: model.participants.map((p) => ({
      id: displayId(p.id),
      programme: p.programme,
      start: p.start,
      end: p.end,
    })),
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      participantId: f.participantId === null ? null : displayId(f.participantId),
      sheet: f.refs[0]?.sheet ?? null,
      cells: f.refs.filter((r) => r.sheet === f.refs[0]?.sheet).map((r) => r.cell),
      from: f.from,
      to: f.to,
      message: f.message,
      source: f.source,
      accepted: f.accepted,
    })),
  });
}

/** The human report: counts per severity, then the findings grouped by participant. */
export function valideraText(file: string, result: ValideraResult): string {
  const { findings, model, idag } = result;
  const open = findings.filter((f) => !f.accepted);
  const count = (s: Finding["severity"]) => open.filter((f) => f.severity === s).length;
  const lines = [
    `Arbetsbok: ${file} (idag ${idag})`,
    `${count("error")} fel, ${count("warning")} varningar, ${count("info")} info` +
      (findings.length > open.length
        ? `, ${findings.length - open.length} ${findings.length - open.length === 1 ? "godkänd avvikelse" : "godkända avvikelser"}`
        : ""),
  ];
  const groups = new Map<string | null, Finding[]>();
  for (const f of findings)
    groups.set(f.participantId, [...(groups.get(f.participantId) ?? []), f]);
  for (const [id, group] of groups) {
    const p = id === null ? undefined : model.participants.find((x) => x.id === id);
    const title =
      id === null
        ? "Arbetsboken"
        : `${displayId(id)}${p?.name != null && p.name !== id ? ` ${p.name}` : ""}${p ? ` – ${programmeText(p.programme)}` : ""}`;
    const counts = (["error", "warning", "info"] as const)
      .map((s) => [s, group.filter((f) => f.severity === s && !f.accepted).length] as const)
      .filter(([, n]) => n > 0)
      .map(
        ([s, n]) =>
          `${n} ${s === "error" ? "fel" : s === "warning" ? (n === 1 ? "varning" : "varningar") : "info"}`,
      );
    lines.push("", counts.length === 0 ? title : `${title} (${counts.join(", ")})`);
    for (const f of group) {
      const where = f.refs[0] === undefined ? "" : ` [${f.refs[0].sheet}!${f.refs[0].cell}]`;
      const tag = f.accepted ? "godkänd" : SEVERITY_SV[f.severity];
      lines.push(`  ${tag.padEnd(8)} ${f.ruleId}: ${f.message}${where}`);
    }
  }
  if (findings.length === 0) lines.push("", "Inga avvikelser hittades.");
  return lines.join("\n");
}

function findingsSheet(findings: readonly Finding[]): SheetModel {
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
    const first = f.refs[0];
    rows.push([
      { value: f.participantId === null ? "" : displayId(f.participantId) },
      { value: f.ruleId },
      { value: SEVERITY_SV[f.severity] },
      { value: f.from ?? "" },
      { value: f.to ?? "" },
      { value: f.message },
      { value: f.source },
      { value: f.accepted ? "ja" : "nej" },
      first === undefined
        ? { value: "" }
        : {
            value: `${first.sheet}!${f.refs
              .filter((r) => r.sheet === first.sheet)
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

/** Marks for a finding: its cells on each sheet, the message as the note. */
function marksOf(findings: readonly Finding[]): CellMark[] {
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
        note: `${f.ruleId}: ${f.message}`,
      });
  }
  return marks;
}

export interface ValideraOptions {
  idag?: string;
  markera?: string;
}

/** Runs the command: throws WorkbookError / UsageError-like Error for the caller to report. */
export async function validera(
  path: string,
  options: ValideraOptions = {},
): Promise<ValideraResult> {
  let idag: IsoDate | null = null;
  if (options.idag !== undefined) {
    idag = parseIsoDate(options.idag);
    if (idag === null)
      throw new RangeError(`--idag ska vara ett datum som 2024-03-15, inte "${options.idag}".`);
  }
  const workbook = await openWorkbookFile(path);
  const sheets = await workbook.readSheets();
  const storedSheet = sheets.find((s) => s.name === TEMPLATE_MAP_SHEET);
  const storedMap = storedSheet === undefined ? null : templateMapFromValues(storedSheet.values);
  const model = readWorkbook(
    sheets.filter((s) => s.name !== FINDINGS_SHEET),
    { storedMap },
  );
  const day = idag ?? model.settings.idag ?? todayLocal();
  const findings = validate(model, model.settings, day);
  if (options.markera !== undefined) {
    await workbook.markCells(
      marksOf(findings).filter((m) => sheets.some((s) => s.name === m.sheet)),
    );
    await workbook.writeSheet(findingsSheet(findings));
    await workbook.save(options.markera);
  }
  return { output: toOutput(model, findings), model, findings, idag: day };
}
