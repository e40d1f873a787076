/**
 * `schemakoll las <arbetsbok.xlsx> [--json]`: what Schemakoll understood of a workbook —
 * sheets and their layouts, participants with programme and period, activities per
 * participant and week, events, and every cell it could not read. The "did it understand my
 * template?" view; nothing is written.
 */
import { basename } from "node:path";
import { isoWeekOf } from "../domain/calendar";
import type { Activity, ReadFinding, SheetKind } from "../domain/model";
import type { Programme } from "../domain/programmes";
import {
  readWorkbook,
  TEMPLATE_MAP_SHEET,
  templateMapFromValues,
  type WorkbookModel,
} from "../read/workbook";
import { writableMessage } from "../app/marks";
import { displayId, maskPersonnummerInText } from "../domain/personnummer";
import { openWorkbookFile } from "../workbook/file";
import { KIND_LABELS, programmeText } from "./format";
import { decimalText } from "../domain/numbers";

export interface WeekSummary {
  week: string;
  from: string;
  to: string;
  activities: number;
  hours: number;
}

export interface LasOutput {
  file: string;
  sheets: {
    name: string;
    kind: SheetKind | null;
    anchor: string | null;
    participant: string | null;
    programme: string | null;
  }[];
  participants: {
    id: string;
    name: string | null;
    kon: string | null;
    programme: Programme | null;
    start: string | null;
    end: string | null;
    weeks: WeekSummary[];
  }[];
  events: { participantId: string; date: string; kind: string; avser: string | null }[];
  unreadable: {
    ruleId: string;
    severity: string;
    participantId: string | null;
    sheet: string | null;
    cells: string[];
    message: string;
  }[];
  notices: string[];
}

function weeksOf(activities: readonly Activity[]): WeekSummary[] {
  const byWeek = new Map<string, WeekSummary>();
  for (const a of activities) {
    const { year, week } = isoWeekOf(a.date);
    const key = `${year}-V${String(week).padStart(2, "0")}`;
    const summary = byWeek.get(key) ?? {
      week: key,
      from: a.date,
      to: a.date,
      activities: 0,
      hours: 0,
    };
    summary.activities++;
    summary.hours += a.hours ?? 0;
    if (a.date < summary.from) summary.from = a.date;
    if (a.date > summary.to) summary.to = a.date;
    byWeek.set(key, summary);
  }
  return [...byWeek.values()]
    .map((w) => ({ ...w, hours: Math.round(w.hours * 100) / 100 }))
    .sort((a, b) => a.week.localeCompare(b.week));
}

function finding(f: ReadFinding): LasOutput["unreadable"][number] {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    participantId: f.participantId === null ? null : displayId(f.participantId),
    sheet: f.refs[0] === undefined ? null : maskPersonnummerInText(f.refs[0].sheet),
    cells: f.refs.map((r) => r.cell),
    message: writableMessage(f, f.message),
  };
}

/** The command's result as data (also what --json prints). */
export function lasOutput(
  file: string,
  model: WorkbookModel,
  sheetNames: readonly string[],
): LasOutput {
  const maps = new Map(model.templateMap.sheets.map((m) => [m.sheet, m]));
  const names = new Map(model.participants.map((p) => [p.id, p.name]));
  const shown = (id: string) => {
    const name = names.get(id);
    return name == null || name === id
      ? displayId(id)
      : `${displayId(id)} ${maskPersonnummerInText(name)}`;
  };
  return {
    file,
    sheets: sheetNames.map((name) => {
      const map = maps.get(name);
      return {
        name: maskPersonnummerInText(name),
        kind: map?.kind ?? null,
        anchor: map?.anchor ?? null,
        participant: map?.participant == null ? null : shown(map.participant),
        programme: map?.programme ?? null,
      };
    }),
    participants: model.participants.map((p) => ({
      id: displayId(p.id),
      name: p.name === null ? null : maskPersonnummerInText(p.name),
      kon: p.kon,
      programme: p.programme,
      start: p.start,
      end: p.end,
      weeks: weeksOf(model.activities.filter((a) => a.participantId === p.id)),
    })),
    events: model.events.map((e) => ({
      participantId: displayId(e.participantId),
      date: e.date,
      kind: e.kind,
      avser: e.avser,
    })),
    unreadable: model.findings.map(finding),
    notices: model.notices,
  };
}

/** The human-readable report, in Swedish. */
export function lasText(out: LasOutput): string {
  const lines: string[] = [`Arbetsbok: ${out.file}`, "", "Blad"];
  const width = Math.max(...out.sheets.map((s) => s.name.length), 4);
  for (const s of out.sheets) {
    const what =
      s.kind === null
        ? "(inget schema, register eller lista)"
        : `${KIND_LABELS[s.kind]}, börjar i ${s.anchor ?? "?"}` +
          (s.participant === null ? "" : ` – ${s.participant}`);
    lines.push(`  ${s.name.padEnd(width)}  ${what}`);
  }
  lines.push("", `Deltagare (${out.participants.length})`);
  for (const p of out.participants) {
    const name = p.name !== null && p.name !== p.id ? ` ${p.name}` : "";
    lines.push(
      `  ${p.id}${name} – ${programmeText(p.programme)}, ${p.start ?? "startdatum saknas"} – ${p.end ?? "pågående"}`,
    );
    if (p.weeks.length === 0) lines.push("    inga aktiviteter");
    for (const w of p.weeks) {
      lines.push(
        `    ${w.week} (${w.from} – ${w.to}): ${w.activities} aktiviteter, ${decimalText(w.hours)} h`,
      );
    }
  }
  lines.push("", `Händelser (${out.events.length})`);
  for (const e of out.events)
    lines.push(
      `  ${e.date}  ${e.participantId}  ${e.kind}${e.avser === null ? "" : ` (${e.avser})`}`,
    );
  lines.push("", `Kunde inte läsa (${out.unreadable.length})`);
  for (const u of out.unreadable)
    lines.push(`  ${u.ruleId}  ${u.sheet ?? ""}!${u.cells.join(",")}: ${u.message}`);
  if (out.notices.length > 0) {
    lines.push("", "Att veta");
    for (const n of out.notices) lines.push(`  ${n}`);
  }
  return lines.join("\n");
}

/** Runs `las` on a file: returns what to print. Throws WorkbookReadError for an unreadable file. */
export async function las(path: string): Promise<LasOutput> {
  const workbook = await openWorkbookFile(path);
  const sheets = await workbook.readSheets();
  const storedSheet = sheets.find((s) => s.name === TEMPLATE_MAP_SHEET);
  const storedMap = storedSheet === undefined ? null : templateMapFromValues(storedSheet.values);
  const model = readWorkbook(sheets, { storedMap });
  return lasOutput(
    basename(path),
    model,
    sheets.map((s) => s.name).filter((n) => n !== TEMPLATE_MAP_SHEET),
  );
}
