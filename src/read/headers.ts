/**
 * The header table: for every tabular layout of mallar.md, each concept and the header texts
 * people write for it. Headers are compared after folding (case, spaces, hyphens and other
 * punctuation, å/ä/ö, a trailing ":" or "*", a parenthesised remark such as "(h/v)" or
 * "(ÅÅÅÅ-MM-DD)"), so "Start datum:", "STARTDATUM" and "Startdatum (åååå-mm-dd)" are one header.
 *
 * Within a layout, concepts are listed in priority order and each concept's headers best
 * first: when a header could be two concepts (register "Namn" is the id when there is no
 * id column, the name otherwise), the earlier concept takes its best header first.
 */
import type { SheetKind } from "../domain/model";
import { plainValue } from "./a1";

export interface ConceptHeaders<C extends string = string> {
  concept: C;
  headers: readonly string[];
}

export interface LayoutSpec<C extends string = string> {
  kind: SheetKind;
  concepts: readonly ConceptHeaders<C>[];
  /** Each group must be met by at least one of its concepts for a row to be this header. */
  required: readonly (readonly C[])[];
}

const PARTICIPANT = [
  "Deltagare",
  "Deltagar-ID",
  "Deltagarnummer",
  "ID",
  "Id-nummer",
  "Kund",
  "Kund-ID",
  "Kundnummer",
  "Namn",
  "Deltagarens namn",
  "Deltagare namn",
] as const;

/** 1 Deltagarregister. */
export const REGISTER_LAYOUT = {
  kind: "register",
  concepts: [
    {
      concept: "id",
      headers: [
        "Deltagar-ID",
        "Deltagarnummer",
        "ID",
        "Id-nummer",
        "Deltagare",
        "Kund-ID",
        "Kundnummer",
        "Kund",
        "Namn",
        "Deltagarens namn",
        "Deltagare namn",
      ],
    },
    {
      concept: "name",
      headers: [
        "Namn",
        "Deltagarens namn",
        "Deltagare namn",
        "Fullständigt namn",
        "Förnamn och efternamn",
        "Förnamn + Efternamn",
        "För- och efternamn",
      ],
    },
    { concept: "firstName", headers: ["Förnamn"] },
    { concept: "lastName", headers: ["Efternamn"] },
    { concept: "kon", headers: ["Kön"] },
    { concept: "programme", headers: ["Insats", "Tjänst", "Program", "Insatstyp", "Tjänstetyp"] },
    { concept: "niva", headers: ["Nivå", "Nivå ROM2"] },
    { concept: "beslutsdatum", headers: ["Beslutsdatum", "Beslut", "Beslutsdag", "Beslutad"] },
    { concept: "startdatum", headers: ["Startdatum", "Start", "Startdag", "Insatsstart"] },
    {
      concept: "slutdatum",
      headers: ["Slutdatum", "Slut", "Avslut", "Avslutsdatum", "Slutdag", "Avslutad"],
    },
    {
      concept: "omfattning",
      headers: ["Omfattning", "Omfattning tim/v", "Timmar per vecka", "Tim/vecka"],
    },
    {
      concept: "bistand",
      headers: [
        "Ekonomiskt bistånd",
        "Försörjningsstöd",
        "Ek. bistånd",
        "Försörjningsstöd/Ekonomiskt bistånd",
      ],
    },
    { concept: "del1", headers: ["Del 1 start", "Start del 1", "Del 1 startdatum", "Del 1"] },
    { concept: "del2", headers: ["Del 2 start", "Start del 2", "Del 2 startdatum", "Del 2"] },
    { concept: "del3", headers: ["Del 3 start", "Start del 3", "Del 3 startdatum", "Del 3"] },
    { concept: "upptrappning", headers: ["Upptrappning", "Upptrappningsplan"] },
  ],
  required: [
    ["id", "firstName"],
    ["programme", "startdatum"],
  ],
} as const satisfies LayoutSpec;

/** 3 Aktivitetslista. */
export const ACTIVITY_LIST_LAYOUT = {
  kind: "activitylist",
  concepts: [
    { concept: "participant", headers: PARTICIPANT },
    { concept: "date", headers: ["Datum", "Dag", "Datum för aktivitet"] },
    { concept: "start", headers: ["Start", "Starttid", "Från", "Från kl", "Kl från", "Börjar"] },
    { concept: "end", headers: ["Slut", "Sluttid", "Till", "Till kl", "Kl till", "Slutar"] },
    { concept: "time", headers: ["Tid", "Klockslag", "Tidsintervall", "Kl", "Tider"] },
    { concept: "hours", headers: ["Timmar", "Tim", "Antal timmar", "Antal tim", "Timmar/h"] },
    { concept: "activity", headers: ["Aktivitet", "Aktiviteter", "Aktivitetsnamn"] },
    {
      concept: "description",
      headers: ["Beskrivning", "Innehåll", "Aktivitetsbeskrivning", "Beskrivning av aktivitet"],
    },
    {
      concept: "category",
      headers: ["Kategori", "Aktivitetstyp", "Aktivitetskategori", "Typ av aktivitet"],
    },
    { concept: "mode", headers: ["Form", "Plats", "Var", "Genomförande", "Genomförandeform"] },
    { concept: "attendance", headers: ["Närvaro", "Utfall", "Närvarande", "Närvaro/frånvaro"] },
    {
      concept: "reason",
      headers: ["Orsak", "Frånvaroorsak", "Orsak frånvaro", "Orsak till frånvaro"],
    },
    {
      concept: "certificate",
      headers: ["Intyg", "Läkarintyg", "Läkarintyg/VAB-intyg", "VAB-intyg", "Intyg inkommet"],
    },
    {
      concept: "reported",
      headers: [
        "Rapporterad",
        "Meddelad KV",
        "Meddelad karriärvägledare",
        "Rapporterad KV",
        "Rapporterad till KV",
        "Meddelat KV",
      ],
    },
  ],
  required: [
    ["participant"],
    ["date"],
    ["activity", "description", "category", "start", "time", "hours"],
  ],
} as const satisfies LayoutSpec;

/** 4 Händelser. */
export const EVENTS_LAYOUT = {
  kind: "events",
  concepts: [
    { concept: "participant", headers: PARTICIPANT },
    { concept: "date", headers: ["Datum", "Dag", "Händelsedatum"] },
    { concept: "kind", headers: ["Händelse", "Händelsetyp", "Typ av händelse", "Typ", "Moment"] },
    { concept: "avser", headers: ["Avser", "Gäller", "Avser period"] },
    { concept: "comment", headers: ["Kommentar", "Kommentarer", "Anteckning", "Notering", "Not"] },
  ],
  required: [["participant"], ["date"], ["kind"]],
} as const satisfies LayoutSpec;

/** 5 Ersättningar. */
export const TARIFFS_LAYOUT = {
  kind: "tariffs",
  concepts: [
    { concept: "programme", headers: ["Insats", "Tjänst", "Program"] },
    {
      concept: "validFrom",
      headers: ["Gäller från", "Giltig från", "Från", "Från och med", "Fr.o.m.", "Från datum"],
    },
    {
      concept: "monthly",
      headers: ["Månadsbelopp", "Månadsersättning", "Belopp per månad", "Per månad", "Månad"],
    },
    {
      concept: "dayRate",
      headers: ["Dagersättning", "Dagbelopp", "Belopp per dag", "Per dag", "Dag"],
    },
  ],
  required: [["programme"], ["validFrom"], ["monthly"], ["dayRate"]],
} as const satisfies LayoutSpec;

/** 5 Inställningar. */
export const SETTINGS_LAYOUT = {
  kind: "settings",
  concepts: [
    { concept: "parameter", headers: ["Parameter", "Inställning", "Regelparameter", "Namn"] },
    { concept: "value", headers: ["Värde", "Inställt värde"] },
  ],
  required: [["parameter"], ["value"]],
} as const satisfies LayoutSpec;

/** Godkända avvikelser (regelkatalog.md, Conventions). */
export const ACCEPTANCES_LAYOUT = {
  kind: "acceptances",
  concepts: [
    { concept: "participant", headers: PARTICIPANT },
    { concept: "ruleId", headers: ["Regel", "Regel-ID", "Kontroll", "Regelkod"] },
    {
      concept: "from",
      headers: ["Från", "Från och med", "Fr.o.m.", "Från datum", "Gäller från", "Period från"],
    },
    {
      concept: "to",
      headers: ["Till", "Till och med", "T.o.m.", "Till datum", "Gäller till", "Period till"],
    },
    { concept: "reason", headers: ["Orsak", "Motivering", "Skäl", "Anledning"] },
    {
      concept: "acceptedBy",
      headers: ["Godkänd av", "Godkänt av", "Beslutad av", "Godkännare", "Signatur"],
    },
    { concept: "date", headers: ["Datum", "Godkänd datum", "Godkänd den", "Godkänt datum"] },
  ],
  required: [["participant"], ["ruleId"]],
} as const satisfies LayoutSpec;

export type RegisterConcept = (typeof REGISTER_LAYOUT.concepts)[number]["concept"];
export type ActivityListConcept = (typeof ACTIVITY_LIST_LAYOUT.concepts)[number]["concept"];
export type EventsConcept = (typeof EVENTS_LAYOUT.concepts)[number]["concept"];
export type TariffsConcept = (typeof TARIFFS_LAYOUT.concepts)[number]["concept"];
export type SettingsConcept = (typeof SETTINGS_LAYOUT.concepts)[number]["concept"];
export type AcceptancesConcept = (typeof ACCEPTANCES_LAYOUT.concepts)[number]["concept"];

/** Every tabular layout, by the SheetMap kind it produces. */
export const HEADER_TABLE = {
  register: REGISTER_LAYOUT,
  activitylist: ACTIVITY_LIST_LAYOUT,
  events: EVENTS_LAYOUT,
  tariffs: TARIFFS_LAYOUT,
  settings: SETTINGS_LAYOUT,
  acceptances: ACCEPTANCES_LAYOUT,
} as const;

export type TabularKind = keyof typeof HEADER_TABLE;

/**
 * A header as compared: lower case, accents dropped (å/ä → a, ö → o), a parenthesised or
 * bracketed remark dropped, then everything but letters and digits removed.
 */
export function foldHeader(text: string): string {
  // Memo: matchHeaderRow folds every cell of every data row (to skip a repeated header),
  // and a sheet repeats the same few texts. Bounded like the fold memo.
  if (text.length > FOLD_MEMO_TEXT_LENGTH) return foldHeaderText(text);
  let folded = foldMemo.get(text);
  if (folded === undefined) {
    folded = foldHeaderText(text);
    if (foldMemo.size >= FOLD_MEMO_SIZE) foldMemo.clear();
    foldMemo.set(text, folded);
  }
  return folded;
}

const FOLD_MEMO_SIZE = 20_000;
const FOLD_MEMO_TEXT_LENGTH = 400;
const foldMemo = new Map<string, string>();

/** @internal foldHeader without its memo, for the test that both agree. */
export function foldHeaderText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\([^)]*\)|\[[^\]]*\]/g, "")
    .replace(/[^a-z0-9]/g, "");
}

/** How many rows from the top are searched for a header row. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderMatch<C extends string = string> {
  /** 0-based row index of the header row. */
  row: number;
  /** Concept → 0-based column index. */
  columns: Partial<Record<C, number>>;
  /** Concept → the folded header it was recognised by ("startdatum", "namn"). */
  headers: Partial<Record<C, string>>;
  /** How many concepts were recognised. */
  count: number;
}

interface Compiled<C extends string> {
  /** folded header → (concept, rank) in the layout's priority order. */
  lookup: Map<string, { concept: C; rank: number }[]>;
  concepts: readonly C[];
}

const compiledCache = new WeakMap<object, Compiled<string>>();

function compile<C extends string>(layout: LayoutSpec<C>): Compiled<C> {
  const cached = compiledCache.get(layout);
  if (cached) return cached as Compiled<C>;
  const lookup = new Map<string, { concept: C; rank: number }[]>();
  for (const { concept, headers } of layout.concepts) {
    headers.forEach((header, rank) => {
      const key = foldHeader(header);
      const list = lookup.get(key) ?? [];
      list.push({ concept, rank });
      lookup.set(key, list);
    });
  }
  const compiled: Compiled<C> = { lookup, concepts: layout.concepts.map((c) => c.concept) };
  compiledCache.set(layout, compiled);
  return compiled;
}

/** The folded text of a header cell, or "" when the cell is not text. */
export function headerKey(value: unknown): string {
  const plain = plainValue(value);
  return typeof plain === "string" ? foldHeader(plain) : "";
}

/**
 * False when matchHeaderRow would surely give null for the row: some required group has no
 * concept that any cell's header could be (a data row's "Närvarande" is a header, but the
 * row has no date header beside it). A cheap test for every data row of a long table.
 */
export function mayBeHeaderRow(row: readonly unknown[], layout: LayoutSpec): boolean {
  if (layout.required.length === 0) return true;
  const { lookup } = compile(layout);
  let seen: Set<string> | null = null;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell === undefined || cell === null || typeof cell === "number") continue;
    const key = headerKey(cell);
    const hits = key === "" ? undefined : lookup.get(key);
    if (hits === undefined) continue;
    seen ??= new Set();
    for (const hit of hits) seen.add(hit.concept);
  }
  if (seen === null) return false;
  const concepts = seen;
  return layout.required.every((group) => group.some((c) => concepts.has(c)));
}

/**
 * Recognises one row as a header of the layout: each concept, in priority order, takes the
 * still unclaimed cell with its best-ranked header (the leftmost on a tie). Null when the row
 * does not meet the layout's required concepts.
 */
export function matchHeaderRow<C extends string>(
  row: readonly unknown[],
  layout: LayoutSpec<C>,
  rowIndex = 0,
): HeaderMatch<C> | null {
  const { lookup, concepts } = compile(layout);
  const keys = Array.from(row, (cell) => headerKey(cell));
  // A row with no known header at all (every data row) recognises no concept: the loop
  // below would find nothing, so the answer is known now.
  if (!keys.some((key) => key !== "" && lookup.has(key))) {
    return layout.required.length === 0
      ? { row: rowIndex, columns: {}, headers: {}, count: 0 }
      : null;
  }
  const claimed = new Set<number>();
  const columns: Partial<Record<C, number>> = {};
  const headers: Partial<Record<C, string>> = {};
  let count = 0;
  for (const concept of concepts) {
    let best: { column: number; rank: number; key: string } | null = null;
    for (let column = 0; column < keys.length; column++) {
      const key = keys[column] ?? "";
      if (key === "" || claimed.has(column)) continue;
      for (const hit of lookup.get(key) ?? []) {
        if (hit.concept === concept && (best === null || hit.rank < best.rank)) {
          best = { column, rank: hit.rank, key };
        }
      }
    }
    if (best !== null) {
      claimed.add(best.column);
      columns[concept] = best.column;
      headers[concept] = best.key;
      count++;
    }
  }
  const meets = layout.required.every((group) => group.some((c) => columns[c] !== undefined));
  return meets ? { row: rowIndex, columns, headers, count } : null;
}

/**
 * The header row of a layout among the first 30 rows: the row with the most recognised
 * headers that meets the layout's required concepts (the topmost on a tie). Title rows, blank
 * rows, unknown extra columns and any column order are fine. Null when no row qualifies.
 */
export function findHeaderRow<C extends string>(
  values: readonly (readonly unknown[] | undefined)[],
  layout: LayoutSpec<C>,
): HeaderMatch<C> | null {
  let best: HeaderMatch<C> | null = null;
  const rows = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const match = matchHeaderRow(row as readonly unknown[], layout, r);
    if (match !== null && (best === null || match.count > best.count)) best = match;
  }
  return best;
}

export interface DetectedLayout {
  kind: TabularKind;
  header: HeaderMatch;
}

/**
 * Every tabular layout whose header row the grid has, the one with the most recognised
 * headers first (on a tie, in HEADER_TABLE's order). An activity list's "Deltagare · Datum ·
 * Start · Slut · Aktivitet" also meets the register's minimum (Deltagare, Start), so a caller
 * choosing a sheet's kind takes the first.
 */
export function detectLayouts(
  values: readonly (readonly unknown[] | undefined)[],
): DetectedLayout[] {
  const found: DetectedLayout[] = [];
  for (const kind of Object.keys(HEADER_TABLE) as TabularKind[]) {
    const header = findHeaderRow(values, HEADER_TABLE[kind] as LayoutSpec);
    if (header !== null) found.push({ kind, header });
  }
  return found.sort((a, b) => b.header.count - a.header.count);
}
