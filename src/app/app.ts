/**
 * SchemakollApp over any WorkbookPort: read → recognise → validate → mark, accept, reports,
 * the template map, Inställningar and the short formula names. The task pane runs it over the
 * Office port, the tests (and the CLI's helpers) over the file port.
 */
import { todayLocal, type IsoDate, type YearMonth } from "../domain/date";
import type { SheetData } from "../domain/model";
import { displayId } from "../domain/personnummer";
import { buildInvoice } from "../reports/invoice";
import { invoiceSheet } from "../reports/invoiceSheet";
import { buildMonthlyReport } from "../reports/monthly";
import { monthlySheet } from "../reports/monthlySheet";
import { invoiceSheetName, monthlySheetName } from "../reports/types";
import { validate as runRules } from "../rules/engine";
import type { Finding } from "../rules/types";
import type { NamesPort, WorkbookPort } from "../workbook/port";
import { ACCEPTANCES_HEADER, acceptanceCells, acceptanceParticipantText } from "./acceptances";
import {
  ACCEPTANCES_SHEET,
  SETTINGS_SHEET,
  type InvoiceResult,
  type Progress,
  type ReportResult,
  type SchemakollApp,
  type SettingsChange,
  type SettingsView,
  type ShortNamesView,
  type TemplateSheetView,
  type TemplateView,
  type ValidationView,
} from "./api";
import { validateBatched } from "./batched";
import { marksOf } from "./marks";
import { readState, validationView, type ReadState } from "./state";
import { knownParameterKeys, parameterKey, settingsView, settingsWrites } from "./settings";
import { SHORT_NAME_COMMENT, SHORT_NAMES, shortNames as shortNameDefinitions } from "./shortNames";
import { manualSheetMap, templateSheetModel, templateView, writableMap } from "./template";

export interface AppOptions {
  /** The machine's today, when Inställningar has no "Idag" (default: the local date). */
  today?: () => IsoDate;
  /** A reference date that overrides Inställningar "Idag" (the CLI's --idag). */
  idag?: IsoDate | undefined;
}

export function createApp(
  port: WorkbookPort,
  names: NamesPort | null = null,
  options: AppOptions = {},
): SchemakollApp {
  const today = options.today ?? (() => todayLocal());
  let last: ReadState | null = null;

  async function read(progress?: Progress): Promise<ReadState> {
    progress?.("läser", 0);
    const sheets = await port.readSheets();
    last = readState(sheets, today, options.idag ?? null);
    return last;
  }

  function sheetOf(state: ReadState, name: string): SheetData | null {
    const lower = name.toLowerCase();
    return state.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  async function validate(progress?: Progress): Promise<ValidationView> {
    progress?.("läser", 0);
    const sheets = await port.readSheets();
    progress?.("kontrollerar", 0.3);
    // A batch of participants at a time (app/batched.ts): the same findings as runRules over
    // readState's model, without every participant's activities in memory at once. `last`
    // keeps the read without the schedules, which is what accept needs of it.
    const { state, findings, scheduled } = validateBatched(sheets, {
      today,
      idag: options.idag ?? null,
    });
    last = state;
    progress?.("markerar", 0.7);
    const present = new Set(state.sheets.map((s) => s.name));
    const marks = marksOf(findings).filter((m) => present.has(m.sheet));
    await port.replaceMarks(marks);
    // Refs are single cells; a cell in two findings is one marked cell.
    const marked = new Set(marks.flatMap((m) => m.cells.map((c) => `${m.sheet}!${c}`)));
    progress?.("klar", 1);
    return validationView(state, findings, marked.size, scheduled);
  }

  async function checked(progress?: Progress): Promise<{ state: ReadState; findings: Finding[] }> {
    const state = await read(progress);
    progress?.("kontrollerar", 0.3);
    return { state, findings: runRules(state.model, state.model.settings, state.idag) };
  }

  async function shortNamesView(): Promise<ShortNamesView> {
    if (names === null) throw new Error("Formelnamn går bara att ändra i Excel.");
    const supported = await names.lambdaSupported();
    const defined = new Set((await names.listNames()).map((n) => n.name.toUpperCase()));
    return {
      supported,
      enabled: SHORT_NAMES.every((n) => defined.has(n.toUpperCase())),
      names: [...SHORT_NAMES],
    };
  }

  async function readTemplate(): Promise<TemplateView> {
    const { model } = await read();
    return templateView(model.templateMap, model.otherSheets);
  }

  async function readSettingsView(): Promise<SettingsView> {
    const { model } = await read();
    return settingsView(model.settings);
  }

  return {
    validate,

    clearMarks: () => port.clearMarks(),

    async select(finding) {
      if (finding.sheet === null || finding.cells.length === 0)
        throw new Error("Avvikelsen gäller hela arbetsboken och pekar inte på någon cell.");
      await port.select(finding.sheet, finding.cells);
    },

    async accept(finding, reason, acceptedBy) {
      const why = reason.trim();
      if (why === "") throw new Error("Skriv en orsak till att avvikelsen godkänns.");
      if (finding.accepted) throw new Error("Avvikelsen är redan godkänd.");
      if (finding.participantId === null)
        throw new Error(
          "Avvikelsen gäller hela arbetsboken, inte en deltagare, och kan inte godkännas. Rätta den i arbetsboken.",
        );
      const state = last ?? (await read());
      const key = finding.participantId.trim().toLowerCase();
      const participant = state.model.participants.find((p) => p.id.trim().toLowerCase() === key);
      const written =
        participant === undefined
          ? displayId(finding.participantId) === finding.participantId
            ? finding.participantId
            : null
          : acceptanceParticipantText(participant, state.model.participants);
      if (written === null)
        throw new Error(
          "Deltagaren kan inte skrivas i Godkända avvikelser utan personnummer. Ge deltagaren ett eget namn i deltagarregistret och försök igen.",
        );
      // The sheet recognised as Godkända avvikelser (it may be called "Avvikelser"), else a new one.
      const target =
        state.model.templateMap.sheets.find((m) => m.kind === "acceptances")?.sheet ??
        ACCEPTANCES_SHEET;
      const cells = acceptanceCells(sheetOf(state, target), {
        participant: written,
        ruleId: finding.ruleId,
        from: finding.from,
        to: finding.to,
        reason: why,
        acceptedBy: acceptedBy === null || acceptedBy.trim() === "" ? null : acceptedBy.trim(),
        date: today(),
      });
      if (cells === null)
        throw new Error(
          `Bladet "${target}" saknar kolumnerna Deltagare, Regel och Orsak. Lägg till dem i rubrikraden och försök igen.`,
        );
      await port.appendRows(target, ACCEPTANCES_HEADER, [cells]);
      return validate();
    },

    async createMonthlyReport(month: YearMonth, progress?: Progress): Promise<ReportResult> {
      const { state, findings } = await checked(progress);
      const report = buildMonthlyReport(state.model, month, findings, { idag: state.idag });
      const sheet = monthlySheet(report);
      const name = monthlySheetName(month);
      const replaced = sheetOf(state, name) !== null;
      progress?.("skriver", 0.7);
      await port.writeSheet(sheet);
      progress?.("klar", 1);
      return { sheet: sheet.name, replaced, participants: report.participants.length };
    },

    async createInvoice(month: YearMonth, progress?: Progress): Promise<InvoiceResult> {
      const { state } = await checked(progress);
      const invoice = buildInvoice(state.model, month, { idag: state.idag });
      const sheet = invoiceSheet(invoice, { idag: state.idag });
      const name = invoiceSheetName(month);
      const replaced = sheetOf(state, name) !== null;
      progress?.("skriver", 0.7);
      await port.writeSheet(sheet);
      progress?.("klar", 1);
      return { sheet: sheet.name, replaced, invoice };
    },

    readTemplate,

    async saveTemplateSheet(view: TemplateSheetView): Promise<TemplateView> {
      const state = await read();
      const data = sheetOf(state, view.sheet);
      if (data === null) throw new Error(`Bladet "${view.sheet}" finns inte i arbetsboken.`);
      const others = state.model.templateMap.sheets.filter((m) => m.sheet !== data.name);
      const sheets =
        view.kind === null
          ? others
          : [
              ...others,
              manualSheetMap(
                { ...view, sheet: data.name },
                data,
                view.kind,
                state.model.participants,
              ),
            ];
      const map = writableMap({ version: 1, sheets }, state.model.participants);
      await port.writeSheet(templateSheetModel(map));
      return readTemplate();
    },

    readSettings: readSettingsView,

    async saveSettings(change: SettingsChange): Promise<SettingsView> {
      if (
        change.fullTimeHours !== undefined &&
        !(
          Number.isFinite(change.fullTimeHours) &&
          change.fullTimeHours > 0 &&
          change.fullTimeHours <= 168
        )
      ) {
        throw new Error("Heltid timmar ska vara ett antal timmar per vecka, t.ex. 40.");
      }
      const known = knownParameterKeys();
      for (const key of Object.keys(change.parameters ?? {}))
        if (!known.has(parameterKey(key))) throw new Error(`Parametern "${key}" finns inte.`);
      const state = await read();
      // The sheet recognised as Inställningar (it may be called "Parametrar"), else a new one.
      const name =
        state.model.templateMap.sheets.find((m) => m.kind === "settings")?.sheet ?? SETTINGS_SHEET;
      const sheet = sheetOf(state, name);
      const writes = settingsWrites(sheet, change);
      if (writes.length > 0) await port.writeCells(sheet?.name ?? name, writes);
      return readSettingsView();
    },

    async shortNames() {
      return names === null ? null : shortNamesView();
    },

    async enableShortNames() {
      if (names === null) throw new Error("Formelnamn går bara att ändra i Excel.");
      if (!(await names.lambdaSupported()))
        throw new Error(
          "Den här versionen av Excel kan inte använda formelnamn utan AMI. (LAMBDA saknas).",
        );
      await names.setNames(shortNameDefinitions(), SHORT_NAME_COMMENT);
      return shortNamesView();
    },

    async disableShortNames() {
      if (names === null) throw new Error("Formelnamn går bara att ändra i Excel.");
      // Only names that call the AMI. function: a workbook's own name of the same spelling stays.
      const ours = (await names.listNames())
        .filter((n) => {
          const id = n.name.toUpperCase();
          return SHORT_NAMES.includes(id) && n.formula.toUpperCase().includes(`AMI.${id}(`);
        })
        .map((n) => n.name);
      if (ours.length > 0) await names.deleteNames(ours);
      return shortNamesView();
    },
  };
}
