/**
 * Shared pieces for the AMI.* rules (Nacka kundvalsrutiner 2023, seed 003): the Händelser
 * events of a kind, the month an event is about, and the period's months.
 */
import { addDays } from "../../domain/calendar";
import {
  nextMonth,
  parseMonthValue,
  yearMonthOf,
  type IsoDate,
  type YearMonth,
} from "../../domain/date";
import type { Activity, EventKind, ScheduleEvent, SourceRef } from "../../domain/model";
import { fold } from "../../domain/vocabulary/fold";
import { isAbsent } from "../helpers";
import type { RuleContext } from "../types";

/** The source named by every AMI rule, with its section. */
export function amiSource(section: string): string {
  return `Nacka kundvalsrutiner 2023, ${section}`;
}

/** The participant's events of one kind, by date. */
export function eventsOf(context: RuleContext, kind: EventKind): ScheduleEvent[] {
  return context.events.filter((e) => e.kind === kind);
}

/**
 * The month an event is about: its "Avser" column read as a month ("2024-03", "mars 2024"),
 * else (Tolkning) the month before the event's date, since a report is made after its month.
 */
export function eventMonth(event: ScheduleEvent): YearMonth {
  const written = event.avser === null ? null : parseMonthValue(event.avser);
  if (written !== null) return written;
  return yearMonthOf(addDays(`${event.date.slice(0, 7)}-01` as IsoDate, -1));
}

/** The calendar months from `from`'s month to `to`'s month, inclusive. */
export function monthsBetween(from: IsoDate, to: IsoDate): YearMonth[] {
  const out: YearMonth[] = [];
  const last = yearMonthOf(to);
  for (let m = yearMonthOf(from); m <= last; m = nextMonth(m)) out.push(m);
  return out;
}

/** The kind of a recorded absence, from its reason as written. */
export type AbsenceKind = "sjuk" | "vab" | "ogiltig" | "ledig" | "annan";

export function absenceKind(activity: Activity): AbsenceKind | null {
  const a = activity.attendance;
  if (a?.status !== "frånvarande") return null;
  const reason = fold(a.reason ?? "");
  if (/\bvab\b|vard\s+av\s+barn/.test(reason)) return "vab";
  if (/sjuk/.test(reason)) return "sjuk";
  if (/ogiltig|uteblev|utebliv|oanmald/.test(reason)) return "ogiltig";
  if (/ledig|semester|\blov\b/.test(reason)) return "ledig";
  return "annan";
}

const BY_DAY = new WeakMap<readonly Activity[], [IsoDate, Activity[]][]>();

/**
 * The participant's activities grouped by date, in date order. Several AMI rules ask for the
 * same participant's days: computed once per activities array (the engine never changes
 * one), then shared; callers treat the result as read-only.
 */
export function activitiesByDay(activities: readonly Activity[]): [IsoDate, Activity[]][] {
  let days = BY_DAY.get(activities);
  if (days === undefined) {
    days = groupByDay(activities);
    BY_DAY.set(activities, days);
  }
  return days;
}

/**
 * The days of activities in date order (the engine's order) are its runs of one date: no map
 * and no sort. Any other order is grouped by activitiesByDayPlain.
 */
function groupByDay(activities: readonly Activity[]): [IsoDate, Activity[]][] {
  const days: [IsoDate, Activity[]][] = [];
  const n = activities.length;
  for (let i = 0; i < n;) {
    const date = (activities[i] as Activity).date;
    let j = i + 1;
    while (j < n && (activities[j] as Activity).date === date) j++;
    if (j < n && (activities[j] as Activity).date < date) return activitiesByDayPlain(activities);
    days.push([date, activities.slice(i, j)]); // a slice has no spare room to grow into
    i = j;
  }
  return days;
}

/** @internal activitiesByDay without its cache and its fast path, for the test that both agree. */
export function activitiesByDayPlain(activities: readonly Activity[]): [IsoDate, Activity[]][] {
  const days = new Map<IsoDate, Activity[]>();
  for (const a of activities) {
    const list = days.get(a.date);
    if (list === undefined) days.set(a.date, [a]);
    else list.push(a);
  }
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Trepart follow-up meetings with the karriärvägledare: Händelser "trepartsmöte" and
 * "uppföljning med karriärvägledare", and activities coded "uppfoljning" not missed; one per
 * date, by date.
 */
export function trepartMeetings(context: RuleContext): { date: IsoDate; refs: SourceRef[] }[] {
  const byDate = new Map<IsoDate, SourceRef[]>();
  for (const m of [
    ...eventsOf(context, "trepartsmöte"),
    ...eventsOf(context, "uppföljning med karriärvägledare"),
    ...context.activities.filter((a) => a.category === "uppfoljning" && !isAbsent(a)),
  ]) {
    const refs = byDate.get(m.date) ?? [];
    byDate.set(m.date, [...refs, ...m.refs.slice(0, 1)]);
  }
  return [...byDate.entries()]
    .map(([date, refs]) => ({ date, refs }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A run of scheduled days recorded as one kind of absence, over unscheduled days between. */
export interface AbsenceRun {
  first: IsoDate;
  last: IsoDate;
  activities: Activity[];
}

/**
 * The runs of scheduled days on which every activity is an absence of `kind` (days with nothing
 * scheduled do not break a run; the first scheduled day that is not such an absence does).
 */
export function absenceRuns(activities: readonly Activity[], kind: AbsenceKind): AbsenceRun[] {
  const out: AbsenceRun[] = [];
  let open: AbsenceRun | null = null;
  for (const [date, acts] of activitiesByDay(activities)) {
    if (acts.every((a) => absenceKind(a) === kind)) {
      if (open === null) open = { first: date, last: date, activities: [...acts] };
      else {
        open.last = date;
        open.activities.push(...acts);
      }
    } else if (open !== null) {
      out.push(open);
      open = null;
    }
  }
  if (open !== null) out.push(open);
  return out;
}
