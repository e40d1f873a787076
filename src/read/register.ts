/**
 * 1 Deltagarregister: one participant per row, found by its header row anywhere in the
 * sheet's first 30 rows. A row with content but no participant is LAS.OKLAR; a participant
 * without a programme or startdatum (blank or unreadable) is LAS.REGISTER (error), since no
 * rule can judge them; any other unreadable cell is LAS.OKLAR and that field stays null.
 */
import type { IsoDate } from "../domain/date";
import type { Participant, ReadFinding, SheetData } from "../domain/model";
import { parseProgramme, PROGRAMMES, type Programme } from "../domain/programmes";
import { REGISTER_LAYOUT, foldHeader, type RegisterConcept } from "./headers";
import {
  cannotRead,
  errorFindings,
  dataRows,
  Grid,
  locateTable,
  quote,
  type ReadResult,
  type TableOptions,
} from "./table";
import {
  displayId,
  foldWords,
  parseDateCell,
  parseKon,
  parseOmfattning,
  parseUpptrappning,
  parseYesNo,
  type DateContext,
} from "./values";

export interface RegisterOptions extends TableOptions {
  /**
   * The year of a startdatum or beslutsdatum written without one ("5 mar"). Other dates of the
   * row without a year take the first such day on or after the row's startdatum.
   */
  defaultYear?: number | null;
  /** Full-time hours a week, to turn an upptrappning percentage into hours (default 40). */
  fullTimeHours?: number;
}

const NAME_HEADERS = new Set(
  REGISTER_LAYOUT.concepts.find((c) => c.concept === "name")?.headers.map(foldHeader) ?? [],
);

const KNOWN_PROGRAMMES = Object.values(PROGRAMMES)
  .map((p) => `${p.name} (${p.key})`)
  .join(", ");

function register(
  participantId: string,
  grid: Grid,
  r: number,
  c: number,
  message: string,
): ReadFinding {
  return {
    ruleId: "LAS.REGISTER",
    severity: "error",
    participantId,
    refs: [grid.ref(r, c)],
    message,
  };
}

/** Reads the participant register. */
export function readRegister(
  sheet: SheetData,
  options: RegisterOptions = {},
): ReadResult<Participant[]> {
  const grid = new Grid(sheet);
  const located = locateTable(grid, REGISTER_LAYOUT, options);
  if (located === null) return { items: [], findings: [], map: null };
  const { header, map } = located;
  const col = header.columns;
  const defaultYear = options.defaultYear ?? null;
  const fullTimeHours =
    options.fullTimeHours !== undefined && options.fullTimeHours > 0 ? options.fullTimeHours : 40;
  const items: Participant[] = [];
  const findings: ReadFinding[] = [];
  const firstRowOf = new Map<string, number>();

  for (const r of dataRows(grid, REGISTER_LAYOUT, header)) {
    const at = (concept: RegisterConcept): number | undefined => col[concept];
    const first = grid.content(r, at("firstName"));
    const last = grid.content(r, at("lastName"));
    const fullName = [first, last].filter((s): s is string => s !== null).join(" ");
    const id = grid.content(r, at("id")) ?? (fullName === "" ? null : fullName);
    const idColumn = at("id") ?? at("firstName") ?? 0;
    if (id === null) {
      findings.push({
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: null,
        refs: [grid.ref(r, idColumn), ...grid.rowRefs(r)],
        message: `Raden har uppgifter men saknar deltagare i ${grid.address(r, idColumn)}.`,
      });
      continue;
    }
    const who = displayId(id);
    const oklar = (concept: RegisterConcept, what: string, hint = ""): void => {
      const c = at(concept);
      if (c !== undefined) findings.push(cannotRead(grid, r, c, what, hint, id));
    };

    const seen = firstRowOf.get(id);
    if (seen === undefined) firstRowOf.set(id, r);
    else {
      findings.push({
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: id,
        refs: [grid.ref(seen, idColumn), grid.ref(r, idColumn)],
        message:
          `Deltagaren ${who} står på flera rader i registret (rad ${seen + 1} och ${r + 1}); ` +
          "båda raderna läses.",
      });
    }

    // Name: its own column, else Förnamn + Efternamn, else the id when the id column is a name.
    let name = grid.content(r, at("name"));
    if (name === null && fullName !== "") name = fullName;
    if (name === null && NAME_HEADERS.has(header.headers.id ?? "")) name = id;

    // Kön
    let kon: Participant["kon"] = null;
    if (!grid.blank(r, at("kon"))) {
      kon = parseKon(grid.value(r, at("kon")));
      if (kon === null) oklar("kon", "könet", "Skriv Kvinna, Man eller Annat.");
    }

    // Programme (LAS.REGISTER when missing or unknown)
    let programme: Programme | null = null;
    const programmeColumn = at("programme");
    const programmeText = grid.content(r, programmeColumn);
    if (programmeText !== null && programmeColumn !== undefined) {
      programme = parseProgramme(programmeText);
      if (programme === null) {
        findings.push(
          register(
            id,
            grid,
            r,
            programmeColumn,
            `Okänd insats ${quote(programmeText)} för deltagaren ${who} i ` +
              `${grid.address(r, programmeColumn)}. Kända insatser: ${KNOWN_PROGRAMMES}.`,
          ),
        );
      }
    } else {
      const c = programmeColumn ?? idColumn;
      findings.push(
        register(
          id,
          grid,
          r,
          c,
          `Deltagaren ${who} saknar insats i registret (${grid.address(r, c)}). ` +
            'Ange t.ex. "Rusta och matcha 2" eller "JPG".',
        ),
      );
    }

    // Nivå: A/B/C as a letter ("Nivå A" → "A"); anything else as written.
    let niva: string | null = grid.content(r, at("niva"));
    if (niva !== null) {
      const m = /^(?:niva )?([abc])$/.exec(foldWords(niva));
      if (m) niva = (m[1] ?? "").toUpperCase();
    }

    // Startdatum (LAS.REGISTER when missing or unreadable)
    let start: IsoDate | null = null;
    const startColumn = at("startdatum");
    if (startColumn !== undefined && !grid.blank(r, startColumn)) {
      start = parseDateCell(grid.value(r, startColumn), { defaultYear });
      if (start === null) {
        findings.push(
          register(
            id,
            grid,
            r,
            startColumn,
            `Kan inte läsa startdatumet ${quote(grid.text(r, startColumn))} för deltagaren ${who} ` +
              `i ${grid.address(r, startColumn)}. Skriv t.ex. 2024-03-05.`,
          ),
        );
      }
    } else {
      const c = startColumn ?? idColumn;
      findings.push(
        register(
          id,
          grid,
          r,
          c,
          `Deltagaren ${who} saknar startdatum i registret (${grid.address(r, c)}).`,
        ),
      );
    }

    const date = (concept: RegisterConcept, what: string, context: DateContext): IsoDate | null => {
      const c = at(concept);
      if (c === undefined || grid.blank(r, c)) return null;
      const value = parseDateCell(grid.value(r, c), context);
      if (value === null) oklar(concept, what, "Skriv t.ex. 2024-03-05.");
      return value;
    };
    const afterStart: DateContext = { onOrAfter: start, defaultYear };
    const beslutsdatum = date("beslutsdatum", "beslutsdatumet", {
      onOrBefore: start,
      defaultYear,
    });
    const end = date("slutdatum", "slutdatumet", afterStart);

    let omfattning: Participant["omfattning"] = null;
    if (!grid.blank(r, at("omfattning"))) {
      omfattning = parseOmfattning(
        grid.value(r, at("omfattning")),
        grid.format(r, at("omfattning")),
      );
      if (omfattning === null) {
        oklar("omfattning", "omfattningen", 'Skriv t.ex. "20 h", "50 %" eller "heltid".');
      }
    }

    let ekonomisktBistand: boolean | null = null;
    if (!grid.blank(r, at("bistand"))) {
      ekonomisktBistand = parseYesNo(grid.value(r, at("bistand")));
      if (ekonomisktBistand === null) {
        oklar("bistand", "uppgiften om ekonomiskt bistånd", "Skriv Ja eller Nej.");
      }
    }

    const itaDelar = {
      del1: date("del1", "startdatumet för del 1", afterStart),
      del2: date("del2", "startdatumet för del 2", afterStart),
      del3: date("del3", "startdatumet för del 3", afterStart),
    };

    let upptrappning: Participant["upptrappning"] = [];
    const upptrappningText = grid.content(r, at("upptrappning"));
    if (upptrappningText !== null) {
      const read = parseUpptrappning(upptrappningText, afterStart, fullTimeHours);
      upptrappning = read.steps;
      if (read.unreadable.length > 0) {
        oklar(
          "upptrappning",
          "upptrappningen",
          `Delen ${read.unreadable.map(quote).join(", ")} går inte att läsa. ` +
            'Skriv t.ex. "från 2024-03-01 20 h; från 2024-04-01 30 h".',
        );
      }
    }

    items.push({
      id,
      name,
      kon,
      programme,
      niva,
      beslutsdatum,
      start,
      end,
      omfattning,
      ekonomisktBistand,
      itaDelar,
      upptrappning,
      refs: grid.rowRefs(r),
    });
  }
  findings.push(...errorFindings(grid, findings));
  return { items, findings, map };
}

function participantKey(id: string): string {
  return id.trim().replace(/\s+/g, " ").toLowerCase();
}

export interface ParticipantLookup {
  /** The participant's programme, or null when unknown or not in the register. */
  programmeOf(participantId: string): Programme | null;
  /** The participant's startdatum, or null. */
  startOf(participantId: string): IsoDate | null;
  /** Whether the register has the participant. */
  has(participantId: string): boolean;
}

/**
 * Lookups over a read register for the other readers. Ids match ignoring case and extra
 * spaces ("anna  andersson" is "Anna Andersson"); the first row of a duplicated id counts.
 */
export function participantLookup(participants: readonly Participant[]): ParticipantLookup {
  const byKey = new Map<string, Participant>();
  for (const p of participants) {
    const key = participantKey(p.id);
    if (!byKey.has(key)) byKey.set(key, p);
  }
  return {
    programmeOf: (id) => byKey.get(participantKey(id))?.programme ?? null,
    startOf: (id) => byKey.get(participantKey(id))?.start ?? null,
    has: (id) => byKey.has(participantKey(id)),
  };
}
