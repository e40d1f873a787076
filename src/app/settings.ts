/**
 * Inställningar as the task pane shows and edits it: the typed settings (Idag, Heltid timmar,
 * Anordnare) and every rule parameter of the catalog with its default and the workbook's
 * value. Saving writes single cells (values only), so the sheet's own layout and formats stay.
 */
import type { IsoDate } from "../domain/date";
import type { Settings } from "../domain/model";
import { fold } from "../domain/vocabulary/fold";
import { a1 } from "../read/a1";
import { findHeaderRow, SETTINGS_LAYOUT } from "../read/headers";
import { readSettings } from "../read/tariffsSettings";
import { isBlankValue } from "../read/values";
import { RULES } from "../rules/registry";
import type { ParamValue } from "../rules/types";
import type { CellWrite, SheetData } from "../workbook/port";
import type { ParameterView, SettingsChange, SettingsView } from "./api";

type Typed = "idag" | "fullTimeHours" | "anordnare";

/** The names written for a new row of a typed setting (mallar.md §5). */
const TYPED_LABELS: Record<Typed, string> = {
  idag: "Idag",
  fullTimeHours: "Heltid timmar",
  anordnare: "Anordnare",
};

function parameterKey(name: string): string {
  return fold(name).replace(/\s+/g, "");
}

/** Every rule parameter of the catalog, with the workbook's value where Inställningar has one. */
export function settingsView(settings: Settings): SettingsView {
  const given = new Map<string, ParamValue>();
  for (const [name, value] of Object.entries(settings.parameters))
    given.set(parameterKey(name), value);
  const parameters: ParameterView[] = [];
  for (const rule of RULES) {
    for (const [name, spec] of Object.entries(rule.params)) {
      const key = `${rule.id}.${name}`;
      parameters.push({
        key,
        ruleId: rule.id,
        description: spec.description,
        defaultValue: spec.default,
        value: given.get(parameterKey(key)) ?? null,
      });
    }
  }
  return {
    idag: settings.idag,
    fullTimeHours: settings.fullTimeHours,
    anordnare: settings.anordnare,
    parameters,
  };
}

/**
 * Which setting a row's name is, as the reader understands it: one of the typed settings, or
 * a parameter (by its folded key). Asks the reader itself, so the two never disagree.
 */
function settingOf(name: string): { typed: Typed } | { parameter: string } {
  for (const probe of ["2024-01-01", 40]) {
    const { items } = readSettings({ name: "Inställningar", values: [[name, probe]] });
    for (const typed of ["idag", "fullTimeHours", "anordnare"] as const)
      if (Object.hasOwn(items.refs, typed)) return { typed };
  }
  return { parameter: parameterKey(name) };
}

interface Row {
  r: number;
  nameColumn: number;
  valueColumn: number;
  setting: { typed: Typed } | { parameter: string };
}

/** The rows of the sheet as the reader sees them: with a Parameter · Värde header, or bare. */
function rowsOf(values: readonly (readonly unknown[])[]): {
  rows: Row[];
  nameColumn: number;
  valueColumn: number;
} {
  const header = findHeaderRow(values, SETTINGS_LAYOUT);
  const rows: Row[] = [];
  const text = (v: unknown) => (isBlankValue(v) ? "" : String(v).trim());
  if (header !== null) {
    const nameColumn = header.columns.parameter ?? 0;
    const valueColumn = header.columns.value ?? 1;
    for (let r = header.row + 1; r < values.length; r++) {
      const name = text(values[r]?.[nameColumn]);
      if (name !== "") rows.push({ r, nameColumn, valueColumn, setting: settingOf(name) });
    }
    return { rows, nameColumn, valueColumn };
  }
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const first = row.findIndex((v) => !isBlankValue(v));
    const name = first < 0 ? "" : text(row[first]);
    if (name !== "")
      rows.push({ r, nameColumn: first, valueColumn: first + 1, setting: settingOf(name) });
  }
  return { rows, nameColumn: 0, valueColumn: 1 };
}

function same(a: Row["setting"], b: Row["setting"]): boolean {
  return "typed" in a
    ? "typed" in b && a.typed === b.typed
    : "parameter" in b && a.parameter === b.parameter;
}

function cellValue(value: ParamValue | IsoDate): CellWrite["value"] {
  return typeof value === "boolean" ? (value ? "Ja" : "Nej") : value;
}

/**
 * The cell writes for a change: the Värde cell of each existing row (every row of that name,
 * so a later duplicate cannot override the new value), new rows below the last used row, and
 * both cells of a removed setting's rows cleared. A new sheet gets the header Parameter · Värde.
 */
export function settingsWrites(sheet: SheetData | null, change: SettingsChange): CellWrite[] {
  const values = sheet?.values ?? [];
  const empty = values.every((row) => row.every((v) => isBlankValue(v)));
  const { rows, nameColumn, valueColumn } = rowsOf(values);
  const writes: CellWrite[] = [];
  let next = values.reduce<number>(
    (last, row, r) => (row.some((v) => !isBlankValue(v)) ? r : last),
    -1,
  );
  if (empty) {
    writes.push({ cell: "A1", value: "Parameter" });
    writes.push({ cell: "B1", value: "Värde" });
    next = 0;
  }
  const nameCol = empty ? 0 : nameColumn;
  const valueCol = empty ? 1 : valueColumn;

  const set = (
    setting: Row["setting"],
    label: string,
    value: ParamValue | IsoDate | null,
  ): void => {
    const existing = rows.filter((row) => same(row.setting, setting));
    if (value === null) {
      for (const row of existing) {
        writes.push({ cell: a1(row.r, row.nameColumn), value: null });
        writes.push({ cell: a1(row.r, row.valueColumn), value: null });
      }
      return;
    }
    if (existing.length > 0) {
      for (const row of existing)
        writes.push({ cell: a1(row.r, row.valueColumn), value: cellValue(value) });
      return;
    }
    next++;
    writes.push({ cell: a1(next, nameCol), value: label });
    writes.push({ cell: a1(next, valueCol), value: cellValue(value) });
  };

  if (change.idag !== undefined) set({ typed: "idag" }, TYPED_LABELS.idag, change.idag);
  if (change.fullTimeHours !== undefined)
    set({ typed: "fullTimeHours" }, TYPED_LABELS.fullTimeHours, change.fullTimeHours);
  if (change.anordnare !== undefined) {
    const anordnare = change.anordnare?.trim() ?? "";
    set({ typed: "anordnare" }, TYPED_LABELS.anordnare, anordnare === "" ? null : anordnare);
  }
  for (const [key, value] of Object.entries(change.parameters ?? {}))
    set({ parameter: parameterKey(key) }, key, value);
  return writes;
}

/** The keys a change may name: every rule parameter of the catalog. */
export function knownParameterKeys(): Set<string> {
  const keys = new Set<string>();
  for (const rule of RULES)
    for (const name of Object.keys(rule.params)) keys.add(parameterKey(`${rule.id}.${name}`));
  return keys;
}

export { parameterKey };
