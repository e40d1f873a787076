/**
 * `schemakoll validera <arbetsbok.xlsx> [--idag ÅÅÅÅ-MM-DD] [--json] [--markera <ut.xlsx>]`:
 * reads the workbook, runs every rule of the catalog that applies to each participant, and
 * reports the findings — grouped by participant in Swedish, or as one JSON object. With
 * --markera it writes a copy with each finding's cells marked and a sheet "Schemakoll fynd";
 * the input file is never modified.
 */
import { findingsSheet, marksOf, SEVERITY_SV, writableMessage } from "../app/marks";
import { validateBatched } from "../app/batched";
import { todayLocal, type IsoDate } from "../domain/date";
import type { WorkbookModel } from "../read/workbook";
import { displayId, maskPersonnummerInText } from "../domain/personnummer";
import type { Finding } from "../rules/types";
import { openWorkbookFile } from "../workbook/file";
import { validationOutputSchema, type ValidationOutput } from "./contract";
import { programmeText } from "./format";
import { parseIdagOption } from "./usage";

export { FINDINGS_SHEET, findingsSheet, marksOf } from "../app/marks";

export interface ValideraResult {
  output: ValidationOutput;
  /**
   * The workbook as read, without the schedules (validated a batch of participants at a time,
   * app/batched.ts): its activities, weeks, events and read findings are empty.
   */
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
      sheet: f.refs[0] === undefined ? null : maskPersonnummerInText(f.refs[0].sheet),
      cells: f.refs.filter((r) => r.sheet === f.refs[0]?.sheet).map((r) => r.cell),
      from: f.from,
      to: f.to,
      message: writableMessage(f, f.message),
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
        : `${displayId(id)}${p?.name != null && p.name !== id ? ` ${maskPersonnummerInText(p.name)}` : ""}${p ? ` – ${programmeText(p.programme)}` : ""}`;
    const counts = (["error", "warning", "info"] as const)
      .map((s) => [s, group.filter((f) => f.severity === s && !f.accepted).length] as const)
      .filter(([, n]) => n > 0)
      .map(
        ([s, n]) =>
          `${n} ${s === "error" ? "fel" : s === "warning" ? (n === 1 ? "varning" : "varningar") : "info"}`,
      );
    lines.push("", counts.length === 0 ? title : `${title} (${counts.join(", ")})`);
    for (const f of group) {
      const where =
        f.refs[0] === undefined
          ? ""
          : ` [${maskPersonnummerInText(f.refs[0].sheet)}!${f.refs[0].cell}]`;
      const tag = f.accepted ? "godkänd" : SEVERITY_SV[f.severity];
      lines.push(`  ${tag.padEnd(8)} ${f.ruleId}: ${writableMessage(f, f.message)}${where}`);
    }
  }
  if (findings.length === 0) lines.push("", "Inga avvikelser hittades.");
  return lines.join("\n");
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
  const idag = parseIdagOption(options.idag);
  const workbook = await openWorkbookFile(path);
  const sheets = await workbook.readSheets();
  // The app layer's read (the stored template map, acceptances matched to the register) and
  // the engine, a batch of participants at a time: the findings of readState + validate.
  const { state, findings } = validateBatched(sheets, { today: () => todayLocal(), idag });
  const { model, idag: day } = state;
  if (options.markera !== undefined) {
    await workbook.markCells(
      marksOf(findings).filter((m) => sheets.some((s) => s.name === m.sheet)),
    );
    await workbook.writeSheet(findingsSheet(findings));
    await workbook.save(options.markera);
  }
  return { output: toOutput(model, findings), model, findings, idag: day };
}
