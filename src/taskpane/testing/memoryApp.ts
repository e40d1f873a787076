/**
 * An in-memory SchemakollApp for the task pane's tests: two participants (one with a
 * personnummer as register id, which the pane must never show), findings of every severity,
 * acceptances that turn a finding accepted, reports that return sheet names, template and
 * settings that round-trip, and optional failures, pauses and empty workbooks.
 */
import type {
  FindingView,
  InvoiceResult,
  ParticipantView,
  Progress,
  ReportResult,
  SchemakollApp,
  SettingsChange,
  SettingsView,
  ShortNamesView,
  TemplateSheetView,
  TemplateView,
  ValidationView,
} from "../../app/api";
import type { IsoDate, YearMonth } from "../../domain/date";
import type { Severity, SheetKind } from "../../domain/model";
import type { Invoice } from "../../reports/types";
import { monthlySheetName, invoiceSheetName } from "../../reports/types";
import type { ParamValue } from "../../rules/types";

/** Anna's register id: a real-shaped personnummer (Luhn-valid), never to be rendered. */
export const ANNA_ID = "19850101-1236";
export const ANNA_LABEL = "19850101-**** Anna Andersson";
export const BO_ID = "D-002";
export const BO_LABEL = "D-002 Bo Berg";

type Method = keyof SchemakollApp;

export interface MemoryAppOptions {
  /** Methods that reject with this Swedish message. */
  failures?: Partial<Record<Method, string>>;
  /** No schedule recognised. */
  empty?: boolean;
  /** null: the port has no names (the option is hidden). */
  shortNames?: ShortNamesView | null;
  /** An invoice total other than the default. */
  invoiceTotal?: number;
}

const date = (text: string) => text as IsoDate;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function finding(
  partial: Pick<FindingView, "key" | "ruleId" | "severity" | "message" | "source"> &
    Partial<FindingView>,
): FindingView {
  return {
    participantId: null,
    participantLabel: null,
    programme: null,
    refs: [],
    from: null,
    to: null,
    explanation: null,
    accepted: false,
    acceptance: null,
    sheet: null,
    cells: [],
    ...partial,
  };
}

function initialFindings(): FindingView[] {
  const anna = { participantId: ANNA_ID, participantLabel: ANNA_LABEL, programme: "ROM2" as const };
  const bo = { participantId: BO_ID, participantLabel: BO_LABEL, programme: "JPG" as const };
  return [
    finding({
      ...anna,
      key: "f1",
      ruleId: "ROM2.MOTE14",
      severity: "error",
      message: "Inget möte med handledaren på 15 dagar (2024-05-02 till 2024-05-17).",
      explanation:
        "Deltagaren ska träffa sin handledare minst var 14:e dag. Tolkning: fönstret räknas i kalenderdagar.",
      source: "Förfrågningsunderlag Rusta och matcha 2, avsnitt 5.3",
      sheet: "Anna v19",
      cells: ["B4", "B5"],
      from: date("2024-05-02"),
      to: date("2024-05-17"),
    }),
    finding({
      ...anna,
      key: "f2",
      ruleId: "ROM2.MOTE14",
      severity: "error",
      message: "Inget möte med handledaren på 16 dagar (2024-05-20 till 2024-06-05).",
      explanation:
        "Deltagaren ska träffa sin handledare minst var 14:e dag. Tolkning: fönstret räknas i kalenderdagar.",
      source: "Förfrågningsunderlag Rusta och matcha 2, avsnitt 5.3",
      sheet: "Anna v21",
      cells: ["C4"],
    }),
    finding({
      ...anna,
      key: "f3",
      ruleId: "ROM2.SPRAK20",
      severity: "warning",
      message: "Språkinsatser är 25 % av tiden vecka 19; högst 20 % är tillåtet.",
      explanation: "Språkträning får vara högst 20 procent av den planerade tiden.",
      source: "Förfrågningsunderlag Rusta och matcha 2, avsnitt 5.6",
      sheet: "Anna v19",
      cells: ["D4:D8"],
    }),
    finding({
      ...bo,
      key: "f4",
      ruleId: "AMI.HELTID",
      severity: "info",
      message: "Schemat vecka 20 har 32 timmar av heltidens 40.",
      explanation: "Heltid är 40 timmar i veckan om inget annat står i Inställningar.",
      source: "Nacka kundval, villkor 4.2",
      sheet: "Bo v20",
      cells: ["E3"],
    }),
    finding({
      ...bo,
      key: "f5",
      ruleId: "AMI.FRANVARO",
      severity: "warning",
      message: "Frånvaro 2024-05-14 saknar anledning.",
      source: "Nacka kundval, villkor 6.1",
      sheet: "Bo v20",
      cells: ["F7"],
    }),
    finding({
      key: "f6",
      ruleId: "LAS.OKLAR",
      severity: "info",
      message: "Bladet Anteckningar liknar inget känt schema och lästes inte.",
      source: "Schemakoll",
    }),
  ];
}

const SHEETS: TemplateSheetView[] = [
  {
    sheet: "Deltagare",
    kind: "register",
    anchor: "A1",
    columns: { id: "A", name: "B", programme: "C", startdatum: "D" },
    participant: null,
    programme: null,
    manual: false,
  },
  {
    sheet: "Anna v19",
    kind: "weekgrid",
    anchor: "A3",
    columns: {},
    participant: ANNA_ID,
    programme: "ROM2",
    manual: false,
  },
  {
    sheet: "Anteckningar",
    kind: null,
    anchor: null,
    columns: {},
    participant: null,
    programme: null,
    manual: false,
  },
];

const CONCEPTS: Record<SheetKind, string[]> = {
  register: ["id", "name", "programme", "startdatum", "slutdatum"],
  weekgrid: [],
  activitylist: ["date", "participant", "start", "end", "activity"],
  events: ["date", "participant", "kind", "comment"],
  tariffs: ["programme", "validFrom", "monthly", "dayRate"],
  settings: ["parameter", "value"],
  acceptances: ["ruleId", "participant", "reason", "acceptedBy"],
};

export class MemoryApp implements SchemakollApp {
  findings: FindingView[] = initialFindings();
  sheets: TemplateSheetView[] = SHEETS.map((s) => ({ ...s, columns: { ...s.columns } }));
  settings: SettingsView = {
    idag: date("2024-06-10"),
    fullTimeHours: 40,
    anordnare: "Exempelföretaget AB",
    parameters: [
      {
        key: "ROM2.MOTE14.fönster",
        ruleId: "ROM2.MOTE14",
        description: "Fönster i kalenderdagar",
        defaultValue: 14,
        value: null,
      },
      {
        key: "AMI.HELTID.krävFullTid",
        ruleId: "AMI.HELTID",
        description: "Varna när schemat inte når heltid",
        defaultValue: true,
        value: null,
      },
    ],
  };
  shortNamesState: ShortNamesView | null;
  /** Every call, in order, with its arguments (for assertions). */
  readonly calls: { method: Method; args: unknown[] }[] = [];
  private readonly pauses = new Map<Method, Promise<void>>();

  constructor(private readonly options: MemoryAppOptions = {}) {
    this.shortNamesState =
      options.shortNames === undefined
        ? { supported: true, enabled: false, names: ["DAGERSATTNING", "TIMMAR"] }
        : options.shortNames;
  }

  /** The next calls of `method` wait until the returned function is called. */
  pause(method: Method): () => void {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.pauses.set(method, gate);
    return () => {
      this.pauses.delete(method);
      release();
    };
  }

  setFailure(method: Method, message: string | null): void {
    const failures = { ...this.options.failures };
    if (message === null) failures[method] = undefined;
    else failures[method] = message;
    this.options.failures = failures;
  }

  private async enter(method: Method, args: unknown[], progress?: Progress): Promise<void> {
    this.calls.push({ method, args });
    progress?.("läser", 0.1);
    await Promise.resolve();
    const gate = this.pauses.get(method);
    if (gate) {
      progress?.("kontrollerar", 0.5);
      await gate;
    }
    const failure = this.options.failures?.[method];
    if (failure !== undefined) throw new Error(failure);
    progress?.("klar", 1);
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private participants(): ParticipantView[] {
    const people = [
      { id: ANNA_ID, label: ANNA_LABEL, name: "Anna Andersson", programme: "ROM2" as const },
      { id: BO_ID, label: BO_LABEL, name: "Bo Berg", programme: "JPG" as const },
    ];
    return people.map((p) => {
      const own = this.findings.filter((f) => f.participantId === p.id);
      const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
      for (const f of own) if (!f.accepted) counts[f.severity]++;
      return { ...p, kon: null, counts, accepted: own.filter((f) => f.accepted).length };
    });
  }

  private view(): ValidationView {
    if (this.options.empty) {
      return {
        idag: this.settings.idag ?? date("2024-06-10"),
        participants: [],
        findings: [],
        markedCells: 0,
        notices: ["Inget blad liknade ett schema, ett deltagarregister eller en aktivitetslista."],
        empty: true,
      };
    }
    return {
      idag: this.settings.idag ?? date("2024-06-10"),
      participants: this.participants(),
      findings: this.findings.map((f) => ({ ...f })),
      markedCells: this.findings.filter((f) => !f.accepted).length,
      notices: ["Bladet Anteckningar kändes inte igen."],
      empty: false,
    };
  }

  async validate(progress?: Progress): Promise<ValidationView> {
    await this.enter("validate", [], progress);
    return this.view();
  }

  async clearMarks(): Promise<void> {
    await this.enter("clearMarks", []);
  }

  async select(finding: FindingView): Promise<void> {
    await this.enter("select", [finding]);
  }

  async accept(
    finding: FindingView,
    reason: string,
    acceptedBy: string | null,
  ): Promise<ValidationView> {
    await this.enter("accept", [finding, reason, acceptedBy]);
    this.findings = this.findings.map((f) =>
      f.key === finding.key
        ? { ...f, accepted: true, acceptance: { reason, acceptedBy, date: this.settings.idag } }
        : f,
    );
    return this.view();
  }

  async createMonthlyReport(month: YearMonth, progress?: Progress): Promise<ReportResult> {
    await this.enter("createMonthlyReport", [month], progress);
    return { sheet: monthlySheetName(month), replaced: false, participants: 2 };
  }

  async createInvoice(month: YearMonth, progress?: Progress): Promise<InvoiceResult> {
    await this.enter("createInvoice", [month], progress);
    const total = this.options.invoiceTotal ?? 12345;
    const invoice: Invoice = {
      month,
      anordnare: this.settings.anordnare,
      rows: [
        {
          participantId: "19850101-****",
          rawParticipantId: ANNA_ID,
          programme: "ROM2",
          from: `${month}-01` as IsoDate,
          to: `${month}-31` as IsoDate,
          days: 21,
          amount: total,
          ruleId: "ERS.MANAD",
          flags: [],
          refs: [],
        },
      ],
      total,
      refused: [
        {
          programme: "JPG",
          participantIds: [BO_ID],
          message: `Jobbpeng grund saknar ersättning för ${month}. Lägg till den i bladet Ersättningar.`,
        },
      ],
      problems: [
        {
          participantId: "19850101-****",
          ruleId: "ERS.BONUS",
          severity: "warning",
          message: "Bonusen kan inte betalas ut än: anställningen har varat 2 av 4 månader.",
          refs: [],
        },
      ],
    };
    return { sheet: invoiceSheetName(month), replaced: true, invoice };
  }

  private template(): TemplateView {
    return {
      sheets: this.sheets.map((s) => ({ ...s, columns: { ...s.columns } })),
      conceptsByKind: CONCEPTS,
      map: { version: 1, sheets: [] },
    };
  }

  async readTemplate(): Promise<TemplateView> {
    await this.enter("readTemplate", []);
    return this.template();
  }

  async saveTemplateSheet(sheet: TemplateSheetView): Promise<TemplateView> {
    await this.enter("saveTemplateSheet", [sheet]);
    this.sheets = this.sheets.map((s) =>
      s.sheet === sheet.sheet ? { ...sheet, manual: true } : s,
    );
    return this.template();
  }

  async readSettings(): Promise<SettingsView> {
    await this.enter("readSettings", []);
    return clone(this.settings);
  }

  async saveSettings(change: SettingsChange): Promise<SettingsView> {
    await this.enter("saveSettings", [change]);
    const parameters = change.parameters ?? {};
    this.settings = {
      idag: change.idag === undefined ? this.settings.idag : change.idag,
      fullTimeHours: change.fullTimeHours ?? this.settings.fullTimeHours,
      anordnare: change.anordnare === undefined ? this.settings.anordnare : change.anordnare,
      parameters: this.settings.parameters.map((p) => {
        const value: ParamValue | null | undefined = parameters[p.key];
        return value === undefined ? p : { ...p, value };
      }),
    };
    return clone(this.settings);
  }

  async shortNames(): Promise<ShortNamesView | null> {
    await this.enter("shortNames", []);
    return this.shortNamesState;
  }

  async enableShortNames(): Promise<ShortNamesView> {
    await this.enter("enableShortNames", []);
    const state = this.shortNamesState ?? { supported: true, enabled: false, names: [] };
    this.shortNamesState = { ...state, enabled: true };
    return this.shortNamesState;
  }

  async disableShortNames(): Promise<ShortNamesView> {
    await this.enter("disableShortNames", []);
    const state = this.shortNamesState ?? { supported: true, enabled: false, names: [] };
    this.shortNamesState = { ...state, enabled: false };
    return this.shortNamesState;
  }
}
