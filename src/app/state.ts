/**
 * One read of the workbook as the app layer (and the CLI) does it, and the view of one
 * validation. Kept apart from app.ts so the CLI's validate does not depend on the reports.
 */
import type { IsoDate } from "../domain/date";
import type { Participant, Severity, SheetData } from "../domain/model";
import { displayId } from "../domain/personnummer";
import { readWorkbook, type WorkbookModel } from "../read/workbook";
import type { Finding } from "../rules/types";
import { withResolvedAcceptances } from "./acceptances";
import type { FindingView, ParticipantView, ValidationView } from "./api";
import { firstSheetCells, writableMessage } from "./marks";
import { readWithStoredMap } from "./template";

/** What one read of the workbook gives. */
export interface ReadState {
  sheets: SheetData[];
  model: WorkbookModel;
  idag: IsoDate;
}

/**
 * Reads the workbook with the stored template map; acceptances and a stored week-grid
 * participant written as a name or masked id are pointed at the register id, and a masked
 * signature is restored (template.ts), reading again when that changed the map.
 */
export function readState(
  sheets: SheetData[],
  today: () => IsoDate,
  idag: IsoDate | null = null,
): ReadState {
  const { model: read } = readWithStoredMap(sheets, (storedMap) =>
    readWorkbook(sheets, { storedMap }),
  );
  const model = withResolvedAcceptances(read);
  return { sheets, model, idag: idag ?? model.settings.idag ?? today() };
}

/** "19850101-**** Anna Berg", or the id alone when the register has no other name. */
export function participantLabel(id: string, participant: Participant | undefined): string {
  const shown = displayId(id);
  const name = participant?.name?.trim() ?? "";
  return name === "" || name === id || name === shown ? shown : `${shown} ${name}`;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * The view of one validation. `scheduled`: whether any schedule (an activity or a grid week)
 * was read, by default from the model (a batched validation's model holds no schedules and
 * says it itself).
 */
export function validationView(
  state: ReadState,
  findings: readonly Finding[],
  markedCells: number,
  scheduled: boolean = state.model.activities.length > 0 || state.model.weeks.length > 0,
): ValidationView {
  const { model } = state;
  const byId = new Map(model.participants.map((p) => [p.id.trim().toLowerCase(), p]));
  const participantOf = (id: string | null) =>
    id === null ? undefined : byId.get(id.trim().toLowerCase());
  const keys = new Map<string, number>();
  const views: FindingView[] = findings.map((f) => {
    const where = firstSheetCells(f);
    const p = participantOf(f.participantId);
    const base = [
      f.ruleId,
      f.participantId === null ? "" : displayId(f.participantId),
      f.from ?? "",
      f.to ?? "",
      where === null ? "" : `${where.sheet}!${where.cells[0] ?? ""}`,
    ].join("|");
    const n = keys.get(base) ?? 0;
    keys.set(base, n + 1);
    return {
      ...f,
      // Shown in the task pane: no personnummer in it (marks.ts).
      message: writableMessage(f, f.message),
      key: n === 0 ? base : `${base}#${n + 1}`,
      participantLabel: f.participantId === null ? null : participantLabel(f.participantId, p),
      programme: p?.programme ?? null,
      sheet: where?.sheet ?? null,
      cells: where?.cells ?? [],
    };
  });
  const participants: ParticipantView[] = [];
  const seen = new Set<string>();
  for (const p of model.participants) {
    const k = p.id.trim().toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    const mine = findings.filter(
      (f) => f.participantId !== null && f.participantId.trim().toLowerCase() === k,
    );
    const counts = Object.fromEntries(
      SEVERITIES.map((s) => [s, mine.filter((f) => f.severity === s && !f.accepted).length]),
    ) as Record<Severity, number>;
    participants.push({
      id: p.id,
      label: participantLabel(p.id, p),
      name: p.name,
      programme: p.programme,
      kon: p.kon,
      counts,
      accepted: mine.filter((f) => f.accepted).length,
    });
  }
  const recognised =
    model.templateMap.sheets.some((m) =>
      ["register", "weekgrid", "activitylist", "events"].includes(m.kind),
    ) ||
    model.participants.length > 0 ||
    scheduled;
  return {
    idag: state.idag,
    participants,
    findings: views,
    markedCells,
    notices: [...model.notices],
    empty: !recognised,
  };
}
