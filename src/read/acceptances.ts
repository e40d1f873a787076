/**
 * Godkända avvikelser (regelkatalog.md, Conventions): Deltagare · Regel · Från · Till · Orsak ·
 * Godkänd av · Datum. An acceptance turns a finding into an accepted one, so a row is only
 * taken when it is unambiguous: a participant, a rule id of the catalog's shape
 * ("ROM2.MOTE14"), a reason, and readable Från/Till (blank = open-ended). A row that fails is
 * LAS.OKLAR and is left out, so the finding shows as it is. An unreadable Datum (when it was
 * accepted) is LAS.OKLAR and the acceptance is kept without it.
 */
import type { IsoDate } from "../domain/date";
import type { Acceptance, ReadFinding, SheetData } from "../domain/model";
import { ACCEPTANCES_LAYOUT, type AcceptancesConcept } from "./headers";
import {
  cannotRead,
  errorFindings,
  participantRows,
  Grid,
  locateTable,
  quote,
  unreadable,
  type ReadResult,
  type TableOptions,
} from "./table";
import { parseDateCell } from "./values";

export interface AcceptancesOptions extends TableOptions {
  /** The participant's startdatum: a date without a year is the first such day on or after it. */
  startOf?: (participantId: string) => IsoDate | null;
  /** The year of a date without one when the participant has no startdatum. */
  defaultYear?: number | null;
}

/** A rule id as the catalog writes it ("rom2.möte14 " → "ROM2.MOTE14"), or null. */
export function parseRuleId(text: string): string | null {
  const id = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/\s*\.\s*/g, ".")
    .trim();
  return /^[A-Z][A-Z0-9]*(\.[A-Z0-9]+)+$/.test(id) ? id : null;
}

/** Reads the Godkända avvikelser sheet. */
export function readAcceptances(
  sheet: SheetData,
  options: AcceptancesOptions = {},
): ReadResult<Acceptance[]> {
  const grid = new Grid(sheet);
  const located = locateTable(grid, ACCEPTANCES_LAYOUT, options);
  if (located === null) return { items: [], findings: [], map: null };
  const { header, map } = located;
  const at = (concept: AcceptancesConcept): number | undefined => header.columns[concept];
  const defaultYear = options.defaultYear ?? null;
  const items: Acceptance[] = [];
  const findings: ReadFinding[] = [];

  const participantColumn = at("participant") ?? 0;
  for (const { r, participantId } of participantRows(
    grid,
    ACCEPTANCES_LAYOUT,
    header,
    participantColumn,
    findings,
  )) {
    const problems: ReadFinding[] = [];
    const notTaken = "; avvikelsen räknas inte som godkänd.";

    const ruleColumn = at("ruleId") ?? 0;
    const ruleText = grid.content(r, ruleColumn);
    const ruleId = ruleText === null ? null : parseRuleId(ruleText);
    if (ruleText === null) {
      problems.push(
        unreadable(
          grid,
          r,
          ruleColumn,
          `Regel saknas i ${grid.address(r, ruleColumn)}${notTaken}`,
          participantId,
        ),
      );
    } else if (ruleId === null) {
      problems.push(
        cannotRead(
          grid,
          r,
          ruleColumn,
          "regeln",
          'Skriv regelns id, t.ex. "ROM2.MOTE14".',
          participantId,
        ),
      );
    }

    const reasonColumn = at("reason");
    const reason = grid.content(r, reasonColumn);
    if (reason === null) {
      const c = reasonColumn ?? ruleColumn;
      problems.push(
        unreadable(
          grid,
          r,
          c,
          `Orsak saknas för den godkända avvikelsen i ${grid.address(r, c)}${notTaken}`,
          participantId,
        ),
      );
    }

    const start = options.startOf?.(participantId) ?? null;
    const readDate = (
      concept: AcceptancesConcept,
      anchor: IsoDate | null,
    ): IsoDate | null | undefined => {
      const c = at(concept);
      if (c === undefined || grid.blank(r, c)) return null;
      const date = parseDateCell(grid.value(r, c), { onOrAfter: anchor, defaultYear });
      return date ?? undefined;
    };
    const from = readDate("from", start);
    if (from === undefined) {
      problems.push(
        cannotRead(
          grid,
          r,
          at("from") ?? 0,
          "datumet",
          `Skriv t.ex. 2024-03-05${notTaken}`,
          participantId,
        ),
      );
    }
    const to = readDate("to", from ?? start);
    if (to === undefined) {
      problems.push(
        cannotRead(
          grid,
          r,
          at("to") ?? 0,
          "datumet",
          `Skriv t.ex. 2024-03-05${notTaken}`,
          participantId,
        ),
      );
    }
    if (from && to && to < from) {
      const c = at("to") ?? 0;
      problems.push(
        unreadable(
          grid,
          r,
          c,
          `Till ${quote(grid.text(r, c))} i ${grid.address(r, c)} är före Från ${quote(grid.text(r, at("from") ?? 0))}${notTaken}`,
          participantId,
        ),
      );
    }

    findings.push(...problems);
    if (
      problems.length > 0 ||
      ruleId === null ||
      reason === null ||
      from === undefined ||
      to === undefined
    ) {
      continue;
    }

    let date = readDate("date", start);
    if (date === undefined) {
      findings.push(
        cannotRead(grid, r, at("date") ?? 0, "datumet", "Skriv t.ex. 2024-03-05.", participantId),
      );
      date = null;
    }

    items.push({
      participantId,
      ruleId,
      from,
      to,
      reason,
      acceptedBy: grid.content(r, at("acceptedBy")),
      date,
      refs: grid.rowRefs(r),
    });
  }
  findings.push(...errorFindings(grid, findings));
  return { items, findings, map };
}
