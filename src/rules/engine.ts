/**
 * The engine: runs the rules that apply to each participant's programme, with parameters from
 * the workbook's Inställningar ("ROM2.MOTE14.fönster | 14"), and returns findings sorted by
 * participant, date and severity. Read problems (LAS.*) come along as findings; a finding
 * covered by a Godkänd avvikelse is kept and marked accepted. A rule that fails on odd data
 * becomes a warning, never a crash.
 */
import type { IsoDate } from "../domain/date";
import {
  participantIdKey,
  type Acceptance,
  type Activity,
  type Participant,
  type ReadFinding,
  type ScheduleEvent,
  type ScheduleWeek,
  type Settings,
  type Severity,
} from "../domain/model";
import { fold } from "../domain/vocabulary/fold";
import { RULES } from "./registry";
import type { Finding, Params, ParamValue, Rule, RuleContext } from "./types";

/** What the engine needs of a read workbook (read/workbook's WorkbookModel has it all). */
export interface RuleModel {
  participants: readonly Participant[];
  activities: readonly Activity[];
  weeks: readonly ScheduleWeek[];
  events: readonly ScheduleEvent[];
  acceptances: readonly Acceptance[];
  findings: readonly ReadFinding[];
}

export const READ_SOURCE = "Inläsning av arbetsboken (regelkatalogens konventioner)";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function parameterKey(ruleId: string, name: string): string {
  return fold(`${ruleId}.${name}`).replace(/\s+/g, "");
}

/** The rule's parameters: the catalog's defaults, overridden by Inställningar where readable. */
export function resolveParams(
  rule: Rule,
  settings: Settings,
): { params: Params; problems: ReadFinding[] } {
  const given = new Map<string, [string, ParamValue]>();
  for (const [name, value] of Object.entries(settings.parameters))
    given.set(fold(name).replace(/\s+/g, ""), [name, value]);
  const params: Params = {};
  const problems: ReadFinding[] = [];
  for (const [name, spec] of Object.entries(rule.params)) {
    const found = given.get(parameterKey(rule.id, name));
    if (found === undefined) {
      params[name] = spec.default;
      continue;
    }
    const [written, value] = found;
    const coerced = coerce(value, spec.default);
    if (coerced === null) {
      params[name] = spec.default;
      const ref = settings.refs[written];
      problems.push({
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: null,
        refs: ref === undefined ? [] : [ref],
        message: `Värdet "${String(value)}" för ${written} i Inställningar kan inte läsas; standardvärdet ${String(spec.default)} används.`,
      });
    } else params[name] = coerced;
  }
  return { params, problems };
}

function coerce(value: ParamValue, like: ParamValue): ParamValue | null {
  if (typeof like === "number") {
    const n =
      typeof value === "number"
        ? value
        : Number(String(value).replace(",", ".").replace(/\s/g, ""));
    return Number.isFinite(n) && n >= 0 ? n : null;
  }
  if (typeof like === "boolean") {
    if (typeof value === "boolean") return value;
    const t = fold(String(value)).trim();
    return t === "ja" || t === "sant" ? true : t === "nej" || t === "falskt" ? false : null;
  }
  return String(value);
}

/** @internal The order the rules see a participant's activities in, as a comparator (stable sort). */
export function byDateThenStart(a: Activity, b: Activity): number {
  return a.date === b.date ? (a.start ?? -1) - (b.start ?? -1) : a.date < b.date ? -1 : 1;
}

/** Minutes in a day, plus one for "no time" (sorted first, as start −1). */
const DAY_SLOTS = 24 * 60 + 2;
/** More items than this are sorted with the comparator (the packed key would lose digits). */
const PACKED_LIMIT = 1 << 20;

/**
 * The activities sorted as byDateThenStart sorts them, stably, through one packed number per
 * activity (day, start, position) and a native numeric sort: no comparator call per
 * comparison. Dates that are not plain yyyy-mm-dd, times outside a day, or very long lists
 * fall back to the comparator.
 */
export function sortByDateThenStart(activities: Activity[]): Activity[] {
  const n = activities.length;
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++)
    inOrder = byDateThenStart(activities[i - 1] as Activity, activities[i] as Activity) <= 0;
  if (inOrder) return activities; // an activity list is usually kept in date order already
  if (n > PACKED_LIMIT) return activities.sort(byDateThenStart);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = activities[i] as Activity;
    const day = packedDay(a.date);
    const start = a.start ?? -1;
    if (day < 0 || !Number.isInteger(start) || start < -1 || start >= DAY_SLOTS - 1)
      return activities.sort(byDateThenStart);
    // day < 10 000 × 372 and slot < 1 442: day × slots × 2^20 < 5.7e15, below 2^53.
    keys[i] = (day * DAY_SLOTS + start + 1) * PACKED_LIMIT + i;
  }
  keys.sort();
  const sorted = new Array<Activity>(n);
  for (let i = 0; i < n; i++)
    sorted[i] = activities[(keys[i] as number) % PACKED_LIMIT] as Activity;
  return sorted;
}

/**
 * A yyyy-mm-dd date as a number in the order of the strings (year × 372 + month × 31 + day),
 * or −1 for anything else (compared as strings by the fallback).
 */
function packedDay(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = date.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  const m1 = date.charCodeAt(5) - 48;
  const m2 = date.charCodeAt(6) - 48;
  const d1 = date.charCodeAt(8) - 48;
  const d2 = date.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  // Month 1–12 and day 1–31 keep the numbers in the strings' order (12 × 31 + 31 < 372 + 32).
  if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return year * 372 + month * 31 + day;
}

/** The last day anything is planned for the participant (activities or grid weeks). */
function lastPlannedDay(
  activities: readonly Activity[],
  weeks: readonly ScheduleWeek[],
): IsoDate | null {
  let last: IsoDate | null = null;
  for (const a of activities) if (last === null || a.date > last) last = a.date;
  for (const w of weeks) for (const d of w.dates) if (last === null || d > last) last = d;
  return last;
}

function readFinding(f: ReadFinding): Finding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    participantId: f.participantId,
    refs: f.refs,
    from: null,
    to: null,
    message: f.message,
    explanation: null,
    source: READ_SOURCE,
    accepted: false,
    acceptance: null,
  };
}

const idKey = participantIdKey;

function sameId(a: string, b: string): boolean {
  return idKey(a) === idKey(b);
}

/** The acceptance that covers a finding: same participant and rule, its period inside the accepted one. */
export function acceptanceFor(
  finding: Finding,
  acceptances: readonly Acceptance[],
): Acceptance | null {
  if (finding.participantId === null) return null;
  const id = finding.participantId;
  return (
    acceptances.find(
      (a) =>
        a.ruleId === finding.ruleId &&
        sameId(a.participantId, id) &&
        (a.from === null || (finding.from !== null && finding.from >= a.from)) &&
        (a.to === null || (finding.to !== null && finding.to <= a.to)),
    ) ?? null
  );
}

export interface ValidateOptions {
  /** The rules to run; the full registry by default. */
  rules?: readonly Rule[];
}

/**
 * Orders two ISO dates (or "" for none, first). The strings are digits and "-" of one length,
 * where localeCompare and code-unit order agree; the plain comparison is much cheaper.
 */
function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs every applicable rule for every participant. */
export function validate(
  model: RuleModel,
  settings: Settings,
  idag: IsoDate,
  options: ValidateOptions = {},
): Finding[] {
  const findings: Finding[] = model.findings.map(readFinding);
  const resolved = (options.rules ?? RULES).map((rule) => ({
    rule,
    ...resolveParams(rule, settings),
    explanation:
      rule.tolkning === undefined ? rule.summary : `${rule.summary} Tolkning: ${rule.tolkning}`,
  }));
  for (const r of resolved) findings.push(...r.problems.map(readFinding));

  const order = new Map(model.participants.map((p, i) => [p.id, i]));
  // Each participant's items, grouped once (sameId: trimmed, case-insensitive): O(items),
  // where filtering the whole model per participant was O(participants × items).
  const byParticipant = <T extends { participantId: string }>(xs: readonly T[]) => {
    const groups = new Map<string, T[]>();
    // Items come in runs of one participant: the key of the previous id is reused.
    let lastId: string | null = null;
    let lastKey = "";
    for (const x of xs) {
      if (x.participantId !== lastId) {
        lastId = x.participantId;
        lastKey = idKey(lastId);
      }
      const key = lastKey;
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [x]);
      else group.push(x);
    }
    return (id: string): T[] => [...(groups.get(idKey(id)) ?? [])];
  };
  const activitiesOf = byParticipant(model.activities);
  const weeksOf = byParticipant(model.weeks);
  const eventsOf = byParticipant(model.events);
  for (const participant of model.participants) {
    const programme = participant.programme;
    if (programme === null || participant.start === null) continue; // LAS.REGISTER says why
    const activities = sortByDateThenStart(activitiesOf(participant.id));
    const weeks = weeksOf(participant.id);
    const events = eventsOf(participant.id).sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
    const planned = lastPlannedDay(activities, weeks);
    const end = participant.end;
    const horizon = planned === null ? null : end !== null && end < planned ? end : planned;
    const ruleParticipant = { ...participant, programme };
    const periodStart = participant.start;
    const periodEnd = end ?? planned;
    for (const { rule, params, explanation } of resolved) {
      if (!rule.programmes.includes(programme)) continue;
      // A literal rather than a spread of a shared base: the same fields, built much faster.
      const context: RuleContext = {
        participant: ruleParticipant,
        activities,
        weeks,
        events,
        idag,
        periodStart,
        periodEnd,
        horizon,
        fullTimeHours: settings.fullTimeHours,
        params,
      };
      let hits;
      try {
        hits = rule.check(context);
      } catch (error) {
        hits = [
          {
            severity: "warning" as const,
            refs: participant.refs.slice(0, 1),
            from: participant.start,
            to: participant.start,
            message: `Regeln ${rule.id} kunde inte prövas för ${participant.id}: ${error instanceof Error ? error.message : String(error)}`,
          },
        ];
      }
      for (const hit of hits) {
        findings.push({
          ruleId: rule.id,
          severity: hit.severity,
          participantId: participant.id,
          refs: hit.refs,
          from: hit.from,
          to: hit.to,
          message: hit.message,
          explanation,
          source: rule.source,
          accepted: false,
          acceptance: null,
        });
      }
    }
  }

  // The acceptances by rule and participant (sameId's key), in their order: acceptanceFor over
  // the few that can match gives what it gives over all of them.
  const acceptancesBy = new Map<string, Acceptance[]>();
  for (const a of model.acceptances) {
    const key = `${a.ruleId}\u0000${idKey(a.participantId)}`;
    const list = acceptancesBy.get(key);
    if (list === undefined) acceptancesBy.set(key, [a]);
    else list.push(a);
  }
  for (const f of acceptancesBy.size === 0 ? [] : findings) {
    if (f.participantId === null) continue;
    const candidates = acceptancesBy.get(`${f.ruleId}\u0000${idKey(f.participantId)}`);
    if (candidates === undefined) continue;
    const a = acceptanceFor(f, candidates);
    if (a !== null) {
      f.accepted = true;
      f.acceptance = { reason: a.reason, acceptedBy: a.acceptedBy, date: a.date };
    }
  }
  const rank = (f: Finding) =>
    f.participantId === null ? -1 : (order.get(f.participantId) ?? Number.MAX_SAFE_INTEGER);
  // Each finding's sort keys computed once, not in every comparison.
  return findings
    .map((f, i) => ({
      f,
      i,
      rank: rank(f),
      from: f.from ?? "",
      severity: SEVERITY_ORDER[f.severity],
    }))
    .sort(
      (x, y) =>
        x.rank - y.rank || compareDates(x.from, y.from) || x.severity - y.severity || x.i - y.i,
    )
    .map(({ f }) => f);
}
