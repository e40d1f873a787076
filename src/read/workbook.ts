/**
 * Reading a whole workbook: decide which sheet holds which layout (or reuse the stored
 * TemplateMap while the sheets still look the same), read the settings and the register
 * first, then every schedule, list and log with the register's help, and gather what could
 * not be read. Pure: SheetData in, model out; nothing here touches Excel or a file.
 */
import type { IsoDate } from "../domain/date";
import {
  participantIdKey,
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
import { readActivityList, type ActivityRowsMemo } from "./activityList";
import { readEvents } from "./events";
import { findHeaderRow, HEADER_TABLE, type TabularKind } from "./headers";
import { participantLookup, readRegister } from "./register";
import { readSettings, readTariffs } from "./tariffsSettings";
import { displayId, foldWords } from "./values";
import { hasWeekGrid, readWeekGrids, type WeekGridMemo } from "./weekGrid";

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

/**
 * Some participants' schedules only (a batched validation, app/batched.ts): what the engine
 * needs for them and nothing of the others.
 */
export interface ParticipantFilter {
  /** The participants' ids as participantIdKey gives them (the engine's key). */
  ids: ReadonlySet<string>;
  /**
   * Whether the findings that belong to no register id are wanted: those without a
   * participant, and those whose id is not written exactly as a register id (an unknown
   * participant's LAS.DELTAGARE, a schedule heading that names nobody). Exactly one of the
   * batches asks for them.
   */
  unregistered: boolean;
}

export interface ReadWorkbookOptions {
  /** The map stored in the workbook by an earlier run or corrected by hand. */
  storedMap?: TemplateMap | null;
  /**
   * Read the schedules (week grids, activity lists, events) of these participants only. The
   * register, settings, tariffs, acceptances, notices and the template map are read in full
   * and are the same as without a filter. Each read finding goes to exactly one filter of a
   * partition of the register: the one holding its participant when its id is written
   * exactly as a register id, else the one with `unregistered`.
   */
  only?: ParticipantFilter | null;
  /**
   * What a read remembers for further reads of the same, unchanged sheets with the same
   * storedMap (createReadMemo): each sheet's recognised layout, located week grids, the
   * activity lists' cells, headers and rows with a participant, and the register and each
   * Händelser sheet as read (the same for every batch). Only for the
   * reads of one validation (its batches): a changed sheet or map needs a new memo.
   */
  memo?: ReadMemo | null;
  /**
   * Read Inställningar and the register only (the model's other parts stay empty): who the
   * participants are, before a batched validation decides its batches.
   */
  registerOnly?: boolean;
}

type EventsResult = ReturnType<typeof readEvents>;
type RegisterResult = ReturnType<typeof readRegister>;

/** See ReadWorkbookOptions.memo. */
export interface ReadMemo {
  kinds: WeakMap<SheetData, SheetKind | null>;
  weekGrids: WeekGridMemo;
  activityRows: ActivityRowsMemo;
  /** Each Händelser sheet read once (by the map it was read with): every batch needs it. */
  events: WeakMap<SheetData, Map<SheetMap | null, EventsResult>>;
  /** The same for the register. */
  register: WeakMap<SheetData, Map<SheetMap | null, RegisterResult>>;
}

/** `read` once per sheet and map in `cache` (no cache: every time). */
function cached<T>(
  cache: WeakMap<SheetData, Map<SheetMap | null, T>> | null,
  sheet: SheetData,
  map: SheetMap | null,
  read: () => T,
): T {
  if (cache === null) return read();
  let byMap = cache.get(sheet);
  if (byMap === undefined) cache.set(sheet, (byMap = new Map<SheetMap | null, T>()));
  let result = byMap.get(map);
  if (result === undefined) byMap.set(map, (result = read()));
  return result;
}

export function createReadMemo(): ReadMemo {
  return {
    kinds: new WeakMap(),
    weekGrids: new WeakMap(),
    activityRows: new WeakMap(),
    events: new WeakMap(),
    register: new WeakMap(),
  };
}

function kindOf(sheet: SheetData, memo: ReadMemo | null): SheetKind | null {
  if (memo === null) return detectKind(sheet);
  const known = memo.kinds.get(sheet);
  if (known !== undefined) return known;
  const kind = detectKind(sheet);
  memo.kinds.set(sheet, kind);
  return kind;
}

export { participantIdKey };

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
  const memo = options.memo ?? null;
  const stored = new Map((options.storedMap?.sheets ?? []).map((m) => [m.sheet, m]));
  const kinds = new Map<string, { sheet: SheetData; kind: SheetKind; stored: SheetMap | null }>();
  const otherSheets: string[] = [];

  for (const sheet of sheets) {
    if (isOwnSheet(sheet.name)) continue;
    const storedMap = stored.get(sheet.name) ?? null;
    const kind = storedMap?.kind ?? kindOf(sheet, memo);
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
      cached(memo?.register ?? null, entry.sheet, map, () =>
        readRegister(entry.sheet, {
          map,
          defaultYear,
          fullTimeHours: model.settings.fullTimeHours,
        }),
      ),
    );
    append(model.participants, r.items);
    append(model.findings, r.findings);
    keepMap(r.map);
  }
  if (options.registerOnly === true) return model;
  const lookup = participantLookup(model.participants);
  const startOf = (id: string): IsoDate | null => lookup.startOf(id);

  const only = options.only ?? null;
  const registered = new Set(model.participants.map((p) => p.id));
  /** Whether the participant's schedule items are wanted (every one without a filter). */
  const wanted = (id: string): boolean => only === null || only.ids.has(participantIdKey(id));
  /** Whether a read finding is this filter's (see ParticipantFilter). */
  const owns = (f: ReadFinding): boolean =>
    only === null ||
    (f.participantId !== null && registered.has(f.participantId)
      ? only.ids.has(participantIdKey(f.participantId))
      : only.unregistered);
  // An activity-list row is read for a wanted participant, and in the filter with
  // `unregistered` also for an id not written exactly as a register id (its findings and an
  // unknown participant's LAS.DELTAGARE are that filter's).
  const listOnly =
    only === null
      ? null
      : {
          keep: (id: string) => wanted(id) || (only.unregistered && !registered.has(id)),
          errorRows: only.unregistered,
        };
  const weekGridKeep = only === null ? undefined : (p: Participant) => wanted(p.id);
  const gridOptions = {
    ...(weekGridKeep === undefined ? {} : { keep: weekGridKeep }),
    ...(memo === null ? {} : { memo: memo.weekGrids }),
  };

  for (const entry of of("tariffs")) {
    const r = withStored(entry, (map) => readTariffs(entry.sheet, { map }));
    append(model.tariffs, r.items);
    append(model.findings, r.findings);
    keepMap(r.map);
  }
  for (const entry of of("weekgrid")) {
    const r = readWeekGrids(entry.sheet, {
      participants: model.participants,
      map: entry.stored,
      ...gridOptions,
    });
    const changed =
      entry.stored !== null && !r.maps.some((m) => m.signature === entry.stored?.signature);
    if (changed) {
      notices.push(
        `Bladet "${entry.sheet.name}" har ändrats sedan mallen sparades; Schemakoll kände igen det på nytt.`,
      );
    }
    const again = changed
      ? readWeekGrids(entry.sheet, { participants: model.participants, ...gridOptions })
      : r;
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
  function wantedOf<T extends { participantId: string }>(items: T[]): T[] {
    return only === null ? items : items.filter((item) => wanted(item.participantId));
  }
  for (const entry of of("activitylist")) {
    const r = withStored(entry, (map) =>
      readActivityList(entry.sheet, {
        map,
        programmeOf: (id) => lookup.programmeOf(id),
        vocabularyFor,
        startOf,
        defaultYear,
        only: listOnly,
        ...(memo === null ? {} : { rowsMemo: memo.activityRows }),
      }),
    );
    append(model.activities, wantedOf(known(r.items, entry.sheet.name)));
    append(model.findings, r.findings);
    keepMap(r.map);
  }
  for (const entry of of("events")) {
    const r = withStored(entry, (map) =>
      cached(memo?.events ?? null, entry.sheet, map, () =>
        readEvents(entry.sheet, { map, startOf, defaultYear }),
      ),
    );
    append(model.events, wantedOf(known(r.items, entry.sheet.name)));
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
  if (only !== null) model.findings = model.findings.filter(owns);
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
