/** Building small models for rule tests: a participant, activities on dates, events. */
import type { IsoDate } from "../domain/date";
import type { Activity, EventKind, Participant, ScheduleEvent, Settings } from "../domain/model";
import type { Programme } from "../domain/programmes";
import { validate } from "./engine";
import type { Finding, Rule } from "./types";

export function participant(
  id: string,
  programme: Programme,
  start: string,
  end: string | null = null,
): Participant {
  return {
    id,
    name: null,
    kon: "kvinna",
    programme,
    niva: null,
    beslutsdatum: null,
    start: start as IsoDate,
    end: end as IsoDate | null,
    omfattning: null,
    ekonomisktBistand: null,
    itaDelar: { del1: null, del2: null, del3: null },
    upptrappning: [],
    refs: [{ sheet: "Deltagare", cell: "A2", text: id }],
  };
}

let cell = 0;

/** An activity on a date, 8:00–12:00 unless given; category as the programme's vocabulary codes it. */
export function activity(
  participantId: string,
  date: string,
  category: string | number | null,
  extra: Partial<Activity> = {},
): Activity {
  cell++;
  return {
    participantId,
    date: date as IsoDate,
    start: 480,
    end: 720,
    hours: 4,
    category,
    categoryName: null,
    mode: "hos leverantör",
    obligatory: false,
    description: "",
    text: String(category),
    attendance: null,
    refs: [{ sheet: "Aktiviteter", cell: `D${cell + 1}`, text: String(category) }],
    ...extra,
  };
}

let eventCell = 0;

/** An event of the Händelser sheet on a date, with its "Avser" text when given. */
export function event(
  participantId: string,
  date: string,
  kind: EventKind,
  avser: string | null = null,
): ScheduleEvent {
  eventCell++;
  return {
    participantId,
    date: date as IsoDate,
    kind,
    avser,
    comment: null,
    refs: [{ sheet: "Händelser", cell: `B${eventCell + 1}`, text: kind }],
  };
}

export function settings(parameters: Settings["parameters"] = {}): Settings {
  return { idag: null, fullTimeHours: 40, anordnare: null, parameters, refs: {} };
}

/** Runs one rule over one participant's activities through the engine. */
export function runRule(
  rule: Rule,
  p: Participant,
  activities: Activity[],
  options: {
    idag?: string;
    parameters?: Settings["parameters"];
    events?: ScheduleEvent[];
    fullTimeHours?: number;
  } = {},
): Finding[] {
  const base = settings(options.parameters);
  return validate(
    {
      participants: [p],
      activities,
      weeks: [],
      events: options.events ?? [],
      acceptances: [],
      findings: [],
    },
    options.fullTimeHours === undefined ? base : { ...base, fullTimeHours: options.fullTimeHours },
    (options.idag ?? "2030-01-01") as IsoDate,
    { rules: [rule] },
  );
}
