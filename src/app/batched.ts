/**
 * A whole-workbook validation a batch of participants at a time: the engine never needs all
 * participants' activities at once, and a workbook of thousands of participants holds
 * millions of them. Each batch reads the schedules of its participants only
 * (read/workbook's ParticipantFilter), is validated and dropped; the findings are merged into
 * exactly the order validate gives for the whole workbook.
 */
import type { IsoDate } from "../domain/date";
import type { Participant, Settings, Severity, SheetData } from "../domain/model";
import {
  createReadMemo,
  participantIdKey,
  readWorkbook,
  type ParticipantFilter,
  type WorkbookModel,
} from "../read/workbook";
import { validate, type RuleModel } from "../rules/engine";
import type { Finding } from "../rules/types";
import { withResolvedAcceptances } from "./acceptances";
import type { ReadState } from "./state";
import { readWithStoredMap } from "./template";

/**
 * A register of at most this many participants is read and validated whole, in one go: the
 * path of readState + validate, a workbook of ordinary size paying only for an extra read of
 * Inställningar and the register.
 */
export const WHOLE_UP_TO = 1000;

/**
 * Participants per batch above WHOLE_UP_TO. A batch's schedules are what is alive besides the
 * cells and the findings: 250 participants × 12 months of an activity list are ~130 000
 * activities, ~120 MB (each list activity refers to every cell of its row); a batch of 1 000
 * was ~470 MB, which with the 5 000 participants' ~310 MB of cells did not fit in 1 GB
 * (measured with bench/engine.ts, see the batched modes).
 */
export const DEFAULT_BATCH_SIZE = 250;

export interface BatchedOptions {
  /** The machine's today, when Inställningar has no "Idag". */
  today: () => IsoDate;
  /** A reference date that overrides Inställningar "Idag" (the CLI's --idag). */
  idag?: IsoDate | null;
  /** Participants per batch (default DEFAULT_BATCH_SIZE). */
  batchSize?: number;
  /** A register of at most this many participants is one batch (default WHOLE_UP_TO). */
  wholeUpTo?: number;
  /** The engine (default rules/engine's validate); the benchmark passes one that does nothing. */
  check?: (model: RuleModel, settings: Settings, idag: IsoDate) => Finding[];
}

export interface BatchedValidation {
  /**
   * The read without the schedules: `model` has the register, settings, tariffs,
   * acceptances, template map, notices and other sheets; its activities, weeks, events and
   * read findings are empty (the read findings are among `findings`).
   */
  state: ReadState;
  /** What validate gives for the whole workbook, in its order. */
  findings: Finding[];
  /** Whether any schedule was read: an activity or a week of a week grid. */
  scheduled: boolean;
  /** Totals over the batches. */
  counts: { batches: number; activities: number; weeks: number; events: number };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The register's participants in batches of `size`, in register order; participants whose ids
 * share the engine's key (a duplicate, or one differing in case) share the batch of the first,
 * because the engine gives them the same schedule and their read findings one owner.
 */
export function batchesOf(participants: readonly Participant[], size: number): Set<string>[] {
  const batches: Set<string>[] = [];
  const seen = new Set<string>();
  let current = new Set<string>();
  for (const p of participants) {
    const key = participantIdKey(p.id);
    if (seen.has(key)) continue;
    seen.add(key);
    if (current.size >= size) {
      batches.push(current);
      current = new Set<string>();
    }
    current.add(key);
  }
  // Always one batch: it carries the findings of no participant.
  batches.push(current);
  return batches;
}

/**
 * Reads and validates the workbook a batch of participants at a time, as readState (stored
 * template map restored, acceptances resolved) followed by the engine's validate would for the
 * whole workbook, with the same findings in the same order.
 */
export function validateBatched(sheets: SheetData[], options: BatchedOptions): BatchedValidation {
  const size = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const check = options.check ?? validate;
  // Each sheet's layout, week grids, list rows, register and events are recognised once, not
  // once per batch (a new memo when the restored map is read anew: the register may then
  // read otherwise).
  let memo = createReadMemo();

  // Who is in the register: without a stored map Inställningar and the register alone; with
  // one, every sheet's map as well, to restore it as readState does.
  const none: ParticipantFilter = { ids: new Set(), unregistered: false };
  const { model: outline, storedMap } = readWithStoredMap(sheets, (map, again) => {
    if (again) memo = createReadMemo();
    return readWorkbook(sheets, { storedMap: map, only: none, memo, registerOnly: map === null });
  });
  const idag = options.idag ?? outline.settings.idag ?? options.today();
  const participants = outline.participants;

  const whole =
    new Set(participants.map((p) => participantIdKey(p.id))).size <=
    (options.wholeUpTo ?? WHOLE_UP_TO);
  const batches = whole ? [null] : batchesOf(participants, size);
  const counts = { batches: batches.length, activities: 0, weeks: 0, events: 0 };
  // Every batch reads the same register, settings, tariffs, acceptances and maps: the first
  // one's are kept, without its schedules.
  const kept: { model: WorkbookModel | null } = { model: null };
  // One batch's model lives only inside this call: read, validated, dropped. Null: everyone,
  // the whole workbook in one read.
  const validateBatch = (ids: ReadonlySet<string> | null, first: boolean): Finding[] => {
    const model = withResolvedAcceptances(
      readWorkbook(sheets, {
        storedMap,
        only: ids === null ? null : { ids, unregistered: first },
        memo,
      }),
    );
    kept.model ??= { ...model, activities: [], weeks: [], events: [], findings: [] };
    counts.activities += model.activities.length;
    counts.weeks += model.weeks.length;
    counts.events += model.events.length;
    return check(
      {
        participants:
          ids === null
            ? model.participants
            : model.participants.filter((p) => ids.has(participantIdKey(p.id))),
        activities: model.activities,
        weeks: model.weeks,
        events: model.events,
        acceptances: model.acceptances,
        findings: model.findings,
      },
      model.settings,
      idag,
    );
  };
  // A finding without a participant in a later batch is a parameter problem of Inställningar,
  // which every batch reports; the first batch has it (and the read findings without a
  // participant, which only it reads).
  const parts = batches.map((ids, b) =>
    b === 0
      ? validateBatch(ids, true)
      : validateBatch(ids, false).filter((f) => f.participantId !== null),
  );
  const model: WorkbookModel = kept.model ?? {
    ...outline,
    activities: [],
    weeks: [],
    events: [],
    findings: [],
  };

  return {
    state: { sheets, model, idag },
    findings: whole ? (parts[0] ?? []) : mergeFindings(participants, parts),
    scheduled: counts.activities > 0 || counts.weeks > 0,
    counts,
  };
}

/**
 * The batches' findings in validate's order over the whole register: by the participant's
 * place in the register (as validate ranks it: a finding without a participant first, an id
 * not written as a register id last), then the start date, then the severity. Findings that
 * tie on these are always of one batch (one participant, or the first batch's), whose order
 * is validate's own: a stable sort of the batches in turn keeps it.
 */
export function mergeFindings(
  participants: readonly Participant[],
  parts: readonly (readonly Finding[])[],
): Finding[] {
  const order = new Map(participants.map((p, i) => [p.id, i]));
  const keyed: { f: Finding; rank: number; from: string; severity: number }[] = [];
  for (const part of parts) {
    for (const f of part) {
      keyed.push({
        f,
        rank:
          f.participantId === null ? -1 : (order.get(f.participantId) ?? Number.MAX_SAFE_INTEGER),
        from: f.from ?? "",
        severity: SEVERITY_ORDER[f.severity],
      });
    }
  }
  return keyed
    .sort(
      (x, y) =>
        x.rank - y.rank ||
        (x.from < y.from ? -1 : x.from > y.from ? 1 : 0) ||
        x.severity - y.severity,
    )
    .map(({ f }) => f);
}
