/**
 * Reading a whole workbook: decide which sheet holds which layout (or reuse the stored
 * TemplateMap while the sheets still look the same), read the settings and the register
 * first, then every schedule, list and log with the register's help, and gather what could
 * not be read. Pure: SheetData in, model out; nothing here touches Excel or a file.
 */
import type { IsoDate } from "../domain/date";
import {
  settingsSchema,
  type Acceptance,
  type Activity,
  type Participant,
  type ReadFinding,
  type ScheduleEvent,
  type ScheduleWeek,
  type Settings,
  type SheetData,
  type SheetKind,
  type SheetMap,
  type TemplateMap,
  templateMapSchema,
} from "../domain/model";
import type { Tariff } from "../domain/tariffs";
import { vocabularyFor } from "../domain/vocabulary";
import { readAcceptances } from "./acceptances";
import { readActivityList } from "./activityList";
import { readEvents } from "./events";
import { findHeaderRow, HEADER_TABLE, type TabularKind } from "./headers";
import { participantLookup, readRegister } from "./register";
import { readSettings, readTariffs } from "./tariffsSettings";
import { displayId, foldWords } from "./values";
import { hasWeekGrid, readWeekGrids } from "./weekGrid";

/** Appends without spreading: a spread of 100 000+ items overflows the call stack. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export interface WorkbookModel {
  participants: Participant[];
  activities: Activity[];
  weeks: ScheduleWeek[];
  events: ScheduleEvent[];
  tariffs: Tariff[];
  settings: Settings;
  acceptances: Acceptance[];
  findings: ReadFinding[];
  templateMap: TemplateMap;
  /** What a coordinator should know about the recognition itself (Swedish sentences). */
  notices: string[];
  /** Sheets that hold none of the layouts. */
  otherSheets: string[];
}

export interface ReadWorkbookOptions {
  /** The map stored in the workbook by an earlier run or corrected by hand. */
  storedMap?: TemplateMap | null;
}

/** The hidden sheet where the TemplateMap is stored. */
export const TEMPLATE_MAP_SHEET = "Schemakoll_mall";

/** Sheets Schemakoll writes itself; never read as the coordinator's own data. */
export function isOwnSheet(name: string): boolean {
  return /^schemakoll/i.test(name) || /^(månadsrapport|fakturaunderlag) \d{4}-\d{2}$/i.test(name);
}

const NAME_HINTS: readonly (readonly [SheetKind, RegExp])[] = [
  ["register", /^(deltagare|deltagarregister|register|deltagarlista|kunder)$/],
  ["events", /^(handelser|logg|handelselogg|dokumentation)$/],
  ["tariffs", /^(ersattningar|ersattning|tariffer|priser)$/],
  ["settings", /^(installningar|installning|parametrar)$/],
  ["acceptances", /^(godkanda avvikelser|avvikelser)$/],
  ["activitylist", /^(aktiviteter|aktivitetslista|narvaro|schema|aktivitetsschema)$/],
];

function hintedKind(name: string): SheetKind | null {
  const folded = foldWords(name);
  return NAME_HINTS.find(([, re]) => re.test(folded))?.[0] ?? null;
}

/** The layout a sheet most likely holds, by its labels (and its name on a tie), or null. */
export function detectKind(sheet: SheetData): SheetKind | null {
  if (hasWeekGrid(sheet.values)) return "weekgrid";
  const hint = hintedKind(sheet.name);
  let best: { kind: TabularKind; count: number } | null = null;
  for (const kind of Object.keys(HEADER_TABLE) as TabularKind[]) {
    const match = findHeaderRow(sheet.values, HEADER_TABLE[kind]);
    if (match === null) continue;
    const count = match.count + (kind === hint ? 0.5 : 0);
    if (best === null || count > best.count) best = { kind, count };
  }
  if (best !== null) return best.kind;
  // Inställningar may be two bare columns without a header row.
  return hint === "settings" ? "settings" : null;
}

function defaultSettings(): Settings {
  return settingsSchema.parse({
    idag: null,
    fullTimeHours: 40,
    anordnare: null,
    parameters: {},
    refs: {},
  });
}

/** Reads every sheet of a workbook into the model. */
export function readWorkbook(
  sheets: readonly SheetData[],
  options: ReadWorkbookOptions = {},
): WorkbookModel {
  const notices: string[] = [];
  const stored = new Map((options.storedMap?.sheets ?? []).map((m) => [m.sheet, m]));
  const kinds = new Map<string, { sheet: SheetData; kind: SheetKind; stored: SheetMap | null }>();
  const otherSheets: string[] = [];

  for (const sheet of sheets) {
    if (isOwnSheet(sheet.name)) continue;
    const storedMap = stored.get(sheet.name) ?? null;
    const kind = storedMap?.kind ?? detectKind(sheet);
    if (kind === null) otherSheets.push(sheet.name);
    else kinds.set(sheet.name, { sheet, kind, stored: storedMap });
  }
  for (const name of stored.keys()) {
    if (!sheets.some((s) => s.name === name)) {
      notices.push(`Bladet "${name}" i den sparade mallen finns inte längre i arbetsboken.`);
    }
  }

  const model: WorkbookModel = {
    participants: [],
    activities: [],
    weeks: [],
    events: [],
    tariffs: [],
    settings: defaultSettings(),
    acceptances: [],
    findings: [],
    templateMap: { version: 1, sheets: [] },
    notices,
    otherSheets,
  };
  const of = (kind: SheetKind) => [...kinds.values()].filter((k) => k.kind === kind);

  /**
   * Reads with the stored map while the sheet still has the labels it was stored from;
   * otherwise recognises the sheet anew and says so.
   */
  function withStored<T extends { map: SheetMap | null }>(
    entry: { sheet: SheetData; stored: SheetMap | null },
    read: (map: SheetMap | null) => T,
  ): T {
    if (entry.stored === null) return read(null);
    const result = read(entry.stored);
    if (result.map !== null && result.map.signature === entry.stored.signature) return result;
    notices.push(
      `Bladet "${entry.sheet.name}" har ändrats sedan mallen sparades; Schemakoll kände igen det på nytt.`,
    );
    return read(null);
  }

  function keepMap(map: SheetMap | null): void {
    if (map !== null) model.templateMap.sheets.push(map);
  }

  for (const entry of of("settings")) {
    const r = withStored(entry, (map) => readSettings(entry.sheet, { map }));
    model.settings = r.items;
    append(model.findings, r.findings);
    keepMap(
      r.map ?? {
        sheet: entry.sheet.name,
        kind: "settings",
        anchor: "A1",
        columns: {},
        participant: null,
        programme: null,
        signature: "",
        manual: false,
      },
    );
  }
  const defaultYear = model.settings.idag === null ? null : Number(model.settings.idag.slice(0, 4));

  for (const entry of of("register")) {
    const r = withStored(entry, (map) =>
      readRegister(entry.sheet, { map, defaultYear, fullTimeHours: model.settings.fullTimeHours }),
    );
    append(model.participants, r.items);
    append(model.findings, r.findings);
    keepMap(r.map);
  }
  const lookup = participantLookup(model.participants);
  const startOf = (id: string): IsoDate | null => lookup.startOf(id);

  for (const entry of of("tariffs")) {
    const r = withStored(entry, (map) => readTariffs(entry.sheet, { map }));
    append(model.tariffs, r.items);
    append(model.findings, r.findings);
    keepMap(r.map);
  }
  for (const entry of of("weekgrid")) {
    const r = readWeekGrids(entry.sheet, { participants: model.participants, map: entry.stored });
    const changed =
      entry.stored !== null && !r.maps.some((m) => m.signature === entry.stored?.signature);
    if (changed) {
      notices.push(
        `Bladet "${entry.sheet.name}" har ändrats sedan mallen sparades; Schemakoll kände igen det på nytt.`,
      );
    }
    const again = changed ? readWeekGrids(entry.sheet, { participants: model.participants }) : r;
    append(model.activities, again.activities);
    append(model.weeks, again.weeks);
    append(model.findings, again.findings);
    append(model.templateMap.sheets, again.maps);
  }
  const unknown = new Map<string, { sheet: string; refs: ReadFinding["refs"] }>();
  function known<T extends { participantId: string; refs: ReadFinding["refs"] }>(
    items: T[],
    sheet: string,
  ): T[] {
    return items.filter((item) => {
      if (lookup.has(item.participantId)) return true;
      const key = `${sheet}\u0000${item.participantId}`;
      // Point at the participant cell of the row (the refs hold all of the row's cells).
      const cell =
        item.refs.find((r) => r.text.trim() === item.participantId.trim()) ?? item.refs[0];
      const refs = cell === undefined ? [] : [cell];
      const seen = unknown.get(key);
      if (seen) append(seen.refs, refs);
      else unknown.set(key, { sheet, refs });
      return false;
    });
  }
  for (const entry of of("activitylist")) {
    const r = withStored(entry, (map) =>
      readActivityList(entry.sheet, {
        map,
        programmeOf: (id) => lookup.programmeOf(id),
        vocabularyFor,
        startOf,
        defaultYear,
      }),
    );
    append(model.activities, known(r.items, entry.sheet.name));
    append(model.findings, r.findings);
    keepMap(r.map);
  }
  for (const entry of of("events")) {
    const r = withStored(entry, (map) => readEvents(entry.sheet, { map, startOf, defaultYear }));
    append(model.events, known(r.items, entry.sheet.name));
    append(model.findings, r.findings);
    keepMap(r.map);
  }
  for (const entry of of("acceptances")) {
    const r = withStored(entry, (map) =>
      readAcceptances(entry.sheet, { map, startOf, defaultYear }),
    );
    append(model.acceptances, r.items);
    append(model.findings, r.findings);
    keepMap(r.map);
  }
  for (const [key, { sheet, refs }] of unknown) {
    const id = key.split("\u0000")[1] ?? "";
    model.findings.push({
      ruleId: "LAS.DELTAGARE",
      severity: "error",
      participantId: id,
      refs,
      message: `Deltagaren "${displayId(id)}" på bladet "${sheet}" finns inte i deltagarregistret (${refs.length} ${refs.length === 1 ? "rad" : "rader"}).`,
    });
  }
  if (model.participants.length === 0 && kinds.size > 0) {
    notices.push(
      "Hittade inget deltagarregister (ett blad med kolumnerna Deltagare och Insats eller Startdatum).",
    );
  }
  if (kinds.size === 0) notices.push("Hittade inget schema i arbetsboken – välj blad under Mall.");
  return model;
}

const CHUNK = 30_000;

/** The TemplateMap as the cells of the hidden sheet (JSON split over cells of column A). */
export function templateMapToValues(map: TemplateMap): string[][] {
  const json = JSON.stringify(templateMapSchema.parse(map));
  const rows: string[][] = [["Schemakoll – igenkänd mall (ändra inte för hand)"]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return rows;
}

/** Reads the stored TemplateMap back, or null when the sheet is missing or not a valid map. */
export function templateMapFromValues(values: readonly (readonly unknown[])[]): TemplateMap | null {
  const json = values
    .slice(1)
    .map((row) => (typeof row[0] === "string" ? row[0] : ""))
    .join("");
  try {
    const parsed = templateMapSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
