/**
 * 5 Ersättningar (Insats · Gäller från · Månadsbelopp · Dagersättning; the workbook's own
 * tariffs, which take precedence over the built-in table) and Inställningar (Parameter ·
 * Värde; "Idag", "Heltid timmar" and "Anordnare" typed, every other row kept as a rule
 * parameter by its name as written).
 */
import type { IsoDate } from "../domain/date";
import type { ReadFinding, Settings, SheetData, SheetMap, SourceRef } from "../domain/model";
import { parseProgramme, PROGRAMMES } from "../domain/programmes";
import { DEFAULT_FULL_TIME_HOURS } from "../domain/requirements";
import type { Tariff } from "../domain/tariffs";
import { SETTINGS_LAYOUT, TARIFFS_LAYOUT, type TariffsConcept } from "./headers";
import {
  cannotRead,
  errorFindings,
  dataRows,
  Grid,
  locateTable,
  quote,
  unreadable,
  type ReadResult,
  type TableOptions,
} from "./table";
import { foldWords, parseAmount, parseDateCell, parseNumber, parseYesNo } from "./values";

const KNOWN_PROGRAMMES = Object.values(PROGRAMMES)
  .map((p) => p.key)
  .join(", ");

/**
 * Reads a tariff sheet. A row missing or with an unreadable insats, date or amount is LAS.OKLAR
 * and is left out: an invoice is then refused for want of a tariff rather than priced wrong.
 */
export function readTariffs(sheet: SheetData, options: TableOptions = {}): ReadResult<Tariff[]> {
  const grid = new Grid(sheet);
  const located = locateTable(grid, TARIFFS_LAYOUT, options);
  if (located === null) return { items: [], findings: [], map: null };
  const { header, map } = located;
  const at = (concept: TariffsConcept): number => header.columns[concept] ?? 0;
  const items: Tariff[] = [];
  const findings: ReadFinding[] = [];

  for (const r of dataRows(grid, TARIFFS_LAYOUT, header)) {
    const problems: ReadFinding[] = [];
    const missing = (concept: TariffsConcept, what: string): void => {
      const c = at(concept);
      problems.push(
        unreadable(
          grid,
          r,
          c,
          `${what} saknas i ${grid.address(r, c)}; raden läses inte som en ersättning.`,
        ),
      );
    };

    const programmeText = grid.content(r, at("programme"));
    const programme = programmeText === null ? null : parseProgramme(programmeText);
    if (programmeText === null) missing("programme", "Insats");
    else if (programme === null) {
      problems.push(
        cannotRead(grid, r, at("programme"), "insatsen", `Kända insatser: ${KNOWN_PROGRAMMES}.`),
      );
    }

    let validFrom: IsoDate | null = null;
    if (grid.blank(r, at("validFrom"))) missing("validFrom", "Datum (Gäller från)");
    else {
      validFrom = parseDateCell(grid.value(r, at("validFrom")));
      if (validFrom === null) {
        problems.push(
          cannotRead(grid, r, at("validFrom"), "datumet", "Skriv t.ex. 2024-01-01 (med år)."),
        );
      }
    }

    const amount = (concept: "monthly" | "dayRate", what: string): number | null => {
      if (grid.blank(r, at(concept))) {
        missing(concept, what);
        return null;
      }
      const value = parseAmount(grid.value(r, at(concept)));
      if (value === null) {
        problems.push(
          cannotRead(grid, r, at(concept), "beloppet", 'Skriv kronor, t.ex. "3 686" eller 3686.'),
        );
      }
      return value;
    };
    const monthly = amount("monthly", "Månadsbelopp");
    const dayRate = amount("dayRate", "Dagersättning");

    findings.push(...problems);
    if (programme === null || validFrom === null || monthly === null || dayRate === null) continue;
    items.push({
      programme,
      validFrom,
      monthly,
      dayRate,
      source: `Arbetsbokens blad ${grid.sheet}, rad ${r + 1}`,
    });
  }
  findings.push(...errorFindings(grid, findings));
  return { items, findings, map };
}

export interface SettingsOptions extends TableOptions {
  /** Full-time hours when the sheet does not say (default 40, regelkatalog AMI.HELTID). */
  defaultFullTimeHours?: number;
}

type TypedSetting = "idag" | "fullTimeHours" | "anordnare";

/** Names of the typed settings, folded. */
const TYPED_NAMES: readonly (readonly [TypedSetting, RegExp])[] = [
  ["idag", /^(idag|i dag|dagens datum|referensdatum|kontrolldatum|datum idag)$/],
  [
    "fullTimeHours",
    /^(heltid timmar|heltid|heltid tim|heltid h|heltidsmatt|timmar heltid|heltid timmar per vecka|heltid per vecka)$/,
  ],
  ["anordnare", /^(anordnare|leverantor|anordnarens namn|utforare)$/],
];

function typedName(name: string): TypedSetting | null {
  const folded = foldWords(name);
  return TYPED_NAMES.find(([, re]) => re.test(folded))?.[0] ?? null;
}

/** A parameter value: numbers as numbers ("14", "14,5"), Ja/Nej as booleans, else the text. */
export function settingValue(value: unknown, text: string): string | number | boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : text.trim();
  const n = parseNumber(value);
  if (n !== null) return n;
  if (/^(ja|nej|sant|falskt)$/i.test(text.trim())) return parseYesNo(text) ?? text;
  return text.trim();
}

/** record[key] = value as an own property, also for a name such as "__proto__". */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

interface SettingRow {
  r: number;
  nameColumn: number;
  valueColumn: number;
}

/**
 * Reads an Inställningar sheet. Without a Parameter · Värde header row, every row's first
 * non-empty cell is read as the name and the next cell to its right as the value (map null).
 * refs: the value cell of each setting, keyed "idag", "fullTimeHours", "anordnare" for the
 * typed ones and by the parameter name as written for the rest. A later row with the same
 * name overrides an earlier one (LAS.OKLAR says so).
 */
export function readSettings(
  sheet: SheetData,
  options: SettingsOptions = {},
): ReadResult<Settings> {
  const grid = new Grid(sheet);
  const defaultFull =
    options.defaultFullTimeHours !== undefined && options.defaultFullTimeHours > 0
      ? options.defaultFullTimeHours
      : DEFAULT_FULL_TIME_HOURS;
  const settings: Settings = {
    idag: null,
    fullTimeHours: defaultFull,
    anordnare: null,
    parameters: {},
    refs: {},
  };
  const findings: ReadFinding[] = [];
  const located = locateTable(grid, SETTINGS_LAYOUT, options);
  let map: SheetMap | null = null;
  const rows: SettingRow[] = [];
  if (located !== null) {
    map = located.map;
    const nameColumn = located.header.columns.parameter ?? 0;
    const valueColumn = located.header.columns.value ?? 1;
    for (const r of dataRows(grid, SETTINGS_LAYOUT, located.header)) {
      rows.push({ r, nameColumn, valueColumn });
    }
  } else {
    for (let r = 0; r < grid.height; r++) {
      const first = grid.row(r).findIndex((_, c) => !grid.blank(r, c));
      if (first >= 0) rows.push({ r, nameColumn: first, valueColumn: first + 1 });
    }
  }

  const rowOf = new Map<string, { r: number; c: number }>();
  for (const { r, nameColumn, valueColumn } of rows) {
    const name = grid.content(r, nameColumn);
    const valueText = grid.content(r, valueColumn);
    if (name === null) {
      findings.push(
        unreadable(
          grid,
          r,
          nameColumn,
          `Raden har uppgifter men saknar parameter i ${grid.address(r, nameColumn)}.`,
        ),
      );
      continue;
    }
    if (valueText === null) {
      const c = valueColumn < grid.width ? valueColumn : nameColumn;
      findings.push(
        unreadable(
          grid,
          r,
          c,
          `Värde saknas för inställningen ${quote(name)} i ${grid.address(r, valueColumn)}.`,
        ),
      );
      continue;
    }
    const typed = typedName(name);
    const key = typed ?? name;
    const previous = rowOf.get(key);
    if (previous !== undefined) {
      findings.push({
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: null,
        refs: [grid.ref(previous.r, previous.c), grid.ref(r, nameColumn)],
        message:
          `Inställningen ${quote(name)} står på flera rader (rad ${previous.r + 1} och ${r + 1}); ` +
          `värdet på rad ${r + 1} gäller.`,
      });
    }
    rowOf.set(key, { r, c: nameColumn });
    const ref: SourceRef = grid.ref(r, valueColumn);
    const value = grid.value(r, valueColumn);
    switch (typed) {
      case "idag": {
        const date = parseDateCell(value);
        if (date === null) {
          findings.push(cannotRead(grid, r, valueColumn, "datumet", "Skriv t.ex. 2024-03-15."));
          continue;
        }
        settings.idag = date;
        break;
      }
      case "fullTimeHours": {
        const hours = parseNumber(value);
        if (hours === null || hours <= 0 || hours > 168) {
          findings.push(
            cannotRead(grid, r, valueColumn, "antalet timmar för heltid", "Skriv t.ex. 40."),
          );
          continue;
        }
        settings.fullTimeHours = hours;
        break;
      }
      case "anordnare":
        settings.anordnare = valueText;
        break;
      default:
        setOwn(settings.parameters, name, settingValue(value, valueText));
    }
    setOwn(settings.refs, key, ref);
  }
  findings.push(...errorFindings(grid, findings));
  return { items: settings, findings, map };
}
