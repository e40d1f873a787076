/** Building small models for rule tests: a participant, activities on dates, events. */
import type { IsoDate } from "../domain/date";
import type { Activity, Participant, Settings } from "../domain/model";
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

export function settings(parameters: Settings["parameters"] = {}): Settings {
  return { idag: null, fullTimeHours: 40, anordnare: null, parameters, refs: {} };
}

/** Runs one rule over one participant's activities through the engine. */
export function runRule(
  rule: Rule,
  p: Participant,
  activities: Activity[],
  options: { idag?: string; parameters?: Settings["parameters"] } = {},
): Finding[] {
  return validate(
    { participants: [p], activities, weeks: [], events: [], acceptances: [], findings: [] },
    settings(options.parameters),
    (options.idag ?? "2030-01-01") as IsoDate,
    { rules: [rule] },
  );
}
