/**
 * Acceptances written from the task pane, without ever writing a personnummer.
 *
 * The engine matches an acceptance to a finding by the register id. When that id is a
 * personnummer it cannot be written into "Godkända avvikelser", so the row names the
 * participant another way the register knows: the name (when the register has one that no
 * other participant shares), else the masked id ("19850101-****") when it is unique. Before
 * the engine runs, resolveAcceptances turns such a name or masked id back into the register id
 * in memory. A register id that is not a personnummer is written and matched as it is.
 */
import type { IsoDate } from "../domain/date";
import type { Acceptance, Participant } from "../domain/model";
import { displayId, looksLikePersonnummer } from "../domain/personnummer";
import { ACCEPTANCES_LAYOUT, findHeaderRow, type AcceptancesConcept } from "../read/headers";
import type { SheetCell, SheetData } from "../workbook/port";

/** The header written when "Godkända avvikelser" is created (regelkatalog.md, Conventions). */
export const ACCEPTANCES_HEADER = [
  "Deltagare",
  "Regel",
  "Från",
  "Till",
  "Orsak",
  "Godkänd av",
  "Datum",
] as const;

/** Column order of ACCEPTANCES_HEADER, by the reader's concepts. */
const DEFAULT_COLUMNS: Record<AcceptancesConcept, number> = {
  participant: 0,
  ruleId: 1,
  from: 2,
  to: 3,
  reason: 4,
  acceptedBy: 5,
  date: 6,
};

function key(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * How the participant is written in "Godkända avvikelser": the register id unless it is a
 * personnummer; then the name or the masked id, whichever identifies the participant alone.
 * Null when neither does (the caller says what to do).
 */
export function acceptanceParticipantText(
  participant: Pick<Participant, "id" | "name">,
  participants: readonly Pick<Participant, "id" | "name">[],
): string | null {
  if (!looksLikePersonnummer(participant.id)) return participant.id;
  const others = participants.filter((p) => key(p.id) !== key(participant.id));
  const name = participant.name?.trim() ?? "";
  if (
    name !== "" &&
    !looksLikePersonnummer(name) &&
    !others.some((p) => key(p.name ?? "") === key(name) || key(p.id) === key(name))
  ) {
    return name;
  }
  const masked = displayId(participant.id);
  if (!others.some((p) => key(displayId(p.id)) === key(masked) || key(p.id) === key(masked)))
    return masked;
  return null;
}

/**
 * The register id a participant written as a name or masked id (see above) stands for, when
 * exactly one participant fits; the text itself when it already is a register id or fits no
 * one (or several).
 */
export function resolveParticipant(
  written: string,
  participants: readonly Pick<Participant, "id" | "name">[],
): string {
  const k = key(written);
  if (participants.some((p) => key(p.id) === k)) return written;
  const byName = participants.filter((p) => p.name !== null && key(p.name) === k);
  if (byName.length > 1) return written;
  const byMask = participants.filter((p) => key(displayId(p.id)) === k);
  const only = byName.length === 1 ? byName : byMask;
  return only.length === 1 && only[0] !== undefined ? only[0].id : written;
}

/** The acceptances, each pointed at the register id its participant text stands for. */
export function resolveAcceptances(
  acceptances: readonly Acceptance[],
  participants: readonly Pick<Participant, "id" | "name">[],
): Acceptance[] {
  return acceptances.map((a) => {
    const id = resolveParticipant(a.participantId, participants);
    return id === a.participantId ? a : { ...a, participantId: id };
  });
}

/** A model whose acceptances are resolved (for the engine and the reports). */
export function withResolvedAcceptances<
  M extends { acceptances: readonly Acceptance[]; participants: readonly Participant[] },
>(model: M): M {
  return { ...model, acceptances: resolveAcceptances(model.acceptances, model.participants) };
}

export interface AcceptanceRow {
  participant: string;
  ruleId: string;
  from: IsoDate | null;
  to: IsoDate | null;
  reason: string;
  acceptedBy: string | null;
  date: IsoDate;
}

/**
 * The row to append, laid out by the existing sheet's header (any column order the reader
 * recognises), or by ACCEPTANCES_HEADER when the sheet is new. Null when an existing sheet
 * has no column for the participant, the rule or the reason.
 */
export function acceptanceCells(
  existing: SheetData | null,
  row: AcceptanceRow,
): SheetCell[] | null {
  let columns: Partial<Record<AcceptancesConcept, number>> = DEFAULT_COLUMNS;
  if (existing !== null && existing.values.some((r) => r.some((v) => v !== "" && v !== null))) {
    const header = findHeaderRow(existing.values, ACCEPTANCES_LAYOUT);
    if (header === null) return null;
    columns = header.columns;
  }
  const values: Record<AcceptancesConcept, SheetCell["value"]> = {
    participant: row.participant,
    ruleId: row.ruleId,
    from: row.from,
    to: row.to,
    reason: row.reason,
    acceptedBy: row.acceptedBy,
    date: row.date,
  };
  if (columns.participant === undefined || columns.ruleId === undefined) return null;
  if (columns.reason === undefined) return null;
  const width = Math.max(...Object.values(columns).map((c) => c + 1));
  const cells: SheetCell[] = Array.from({ length: width }, () => ({ value: null }));
  for (const [concept, c] of Object.entries(columns) as [AcceptancesConcept, number][])
    cells[c] = { value: values[concept] };
  return cells;
}
