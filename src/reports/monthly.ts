/**
 * Månadsrapport (regelkatalog "Reports"; 003 §6.4, 001 §4.6, 000 §12.1): for every participant
 * whose period overlaps the month, the month's planned and held hours, hours by form and by
 * category, individual meetings and contacts, every absence, the findings of the month (open
 * and accepted), hours per ISO week against the weekly requirement, and the klarmarkering
 * deadline; and a summary over all participants with every count split by kön (000 §12.1
 * "All individbaserad statistik ska vara uppdelad efter kön").
 *
 * Pure data; monthlySheet.ts turns it into a SheetModel.
 *
 * Tolkningar (also in the report to the integrator):
 * - Participants: those with a startdatum whose period (startdatum … slutdatum, or ongoing
 *   without slutdatum) shares a day with the month. A register row without startdatum cannot be
 *   placed in time: it is listed in `omitted` (LAS.REGISTER already reports it), never dropped
 *   silently.
 * - Only activities dated inside both the month and the participant's period count.
 * - Planned hours = all those activities; held = attendance "närvarande"; absent = attendance
 *   "frånvarande"; ej rapporterad = dated on or before idag without attendance; kommande = dated
 *   after idag without attendance. planned = held + absent + ej rapporterad + kommande, so nothing
 *   is silently counted as held. An activity without hours counts 0 h (and is counted in
 *   `withoutHours`).
 * - Form: "på plats" is the mode "hos leverantör" (mallar.md's Form "På plats" and the text
 *   "på plats" both read as hos leverantör; 001 §4.6 "på plats i verksamheten" is the provider's
 *   premises). "arbetsplats", "annan aktör" and activities without a form are reported in their
 *   own rows, not folded into på plats. The summary's På plats / Distans / Eget arbete are held
 *   hours (001 §4.6 asks for the hours the participant actually was on site).
 * - Meetings and contacts: Händelser of kinds uppstartsmöte, avstämning genomförandeplan,
 *   trepartsmöte, uppföljning med karriärvägledare, uppföljning and kontakt, and activities whose
 *   category is a meeting or contact in the programme's vocabulary (ROM2 0 "Individuellt möte";
 *   Nacka/FAI "mote", "uppfoljning", "avstamning", "kontakt"; ITA and jobbspår "uppfoljning").
 *   "kontaktförsök" is not a contact (as in AMI.KONTAKT). The count leaves out meetings recorded
 *   as frånvarande; the list shows every one with its status. An event and an activity on the
 *   same day are both listed.
 * - Frånvarotillfällen = the number of activities recorded frånvarande (one line each in the list).
 * - Findings: the participant's findings whose from … to shares a day with the month; a finding
 *   without dates (a reading problem) is shown in every month; a missing end is open-ended.
 * - Weeks: the ISO weeks with at least one day inside both the month and the period; a week
 *   crossing the month boundary counts only the month's days. The requirement is the upptrappning
 *   step in force on the week's first counted day when the participant has one, else
 *   weeklyMinimumHours at the week's Monday (at startdatum for the week the period starts in);
 *   null for programmes without a weekly minimum. It is the full week's requirement, not prorated.
 * - Klarmarkering: only for the programmes AMI.MANADSRAPPORT covers, with its "dag" parameter
 *   from Inställningar (default 7); the month's report is the earliest "månadsrapport klar" event
 *   about the month (Avser, else the month before its date — as the rule reads it).
 */
import { addDays, isoWeekOf, weekDates } from "../domain/calendar";
import {
  firstDayOf,
  lastDayOf,
  maxDate,
  minDate,
  type IsoDate,
  type YearMonth,
} from "../domain/date";
import type { Activity, Kon, Participant, ScheduleEvent, Severity } from "../domain/model";
import { displayId, looksLikePersonnummer, maskPersonnummerInText } from "../domain/personnummer";
import { decimalText } from "../domain/numbers";
import type { Programme } from "../domain/programmes";
import { reportDeadline, weeklyMinimumHours } from "../domain/requirements";
import { AMI_MANADSRAPPORT } from "../rules/ami/manadsrapport";
import { eventMonth } from "../rules/ami/util";
import { resolveParams } from "../rules/engine";
import { upptrappningOn, weekName } from "../rules/helpers";
import type { Finding } from "../rules/types";
import type { ReportInput } from "./types";

/** Where an activity's hours went: the rows of the "Form" table. */
export const FORM_KEYS = [
  "på plats",
  "distans",
  "eget arbete",
  "arbetsplats",
  "annan aktör",
  "ej angiven",
] as const;
export type FormKey = (typeof FORM_KEYS)[number];

/** Kön rows of the summary, "ej angivet" for a register without kön. */
export const KON_KEYS = ["kvinna", "man", "annat", "ej angivet"] as const;
export type KonKey = (typeof KON_KEYS)[number];

export interface PlannedHeld {
  planned: number;
  held: number;
}

export interface HourSplit extends PlannedHeld {
  /** Recorded frånvarande. */
  absent: number;
  /** Dated on or before idag without attendance. */
  unreported: number;
  /** Dated after idag without attendance. */
  upcoming: number;
}

export interface MonthlyWeek {
  isoYear: number;
  isoWeek: number;
  /** "v. 14 2024" */
  label: string;
  /** The week's first and last day inside both the month and the period. */
  from: IsoDate;
  to: IsoDate;
  planned: number;
  held: number;
  /** Hours per week required, or null when the programme sets no minimum. */
  requirement: number | null;
  /** Where the requirement comes from (Swedish), or null. */
  requirementSource: string | null;
}

export type MeetingStatus = "genomförd" | "frånvarande" | "ej rapporterad" | "planerad";

export interface MonthlyMeeting {
  date: IsoDate;
  start: number | null;
  end: number | null;
  source: "schema" | "händelse";
  /** The category name or event kind, with the activity's or event's own text. */
  description: string;
  status: MeetingStatus;
}

export interface MonthlyAbsence {
  date: IsoDate;
  start: number | null;
  end: number | null;
  hours: number | null;
  /** The activity's text as written (personnummer masked). */
  text: string;
  reason: string | null;
  /** true, the date it came in, or null (none recorded). */
  certificate: boolean | IsoDate | null;
  reportedDate: IsoDate | null;
}

export interface MonthlyFinding {
  ruleId: string;
  severity: Severity;
  from: IsoDate | null;
  to: IsoDate | null;
  message: string;
  acceptance: { reason: string; acceptedBy: string | null; date: IsoDate | null } | null;
}

export interface Klarmarkering {
  /** Last day to klarmarkera the month's report. */
  deadline: IsoDate;
  /** Date of the "månadsrapport klar" event about the month, or null. */
  reported: IsoDate | null;
}

/** The figures that the summary table and the kön table share. */
export interface MonthlyCounts {
  planned: number;
  held: number;
  unreported: number;
  absent: number;
  /** Held hours by form (summary columns). */
  paPlats: number;
  distans: number;
  egetArbete: number;
  meetings: number;
  absences: number;
  openErrors: number;
  openWarnings: number;
  accepted: number;
}

export interface MonthlyParticipant {
  /** As it may be written: a personnummer is masked. */
  participantId: string;
  /** The register's id as read: for matching only, never written. */
  rawParticipantId: string;
  name: string | null;
  kon: Kon | null;
  programme: Programme | null;
  start: IsoDate;
  end: IsoDate | null;
  /** The month's days inside the period. */
  from: IsoDate;
  to: IsoDate;
  hours: HourSplit;
  /** Activities in the month without hours (counted 0 h). */
  withoutHours: number;
  forms: Record<FormKey, PlannedHeld>;
  /** By categoryName, "Okategoriserad" when unrecognised; most planned hours first. */
  categories: ({ name: string } & PlannedHeld)[];
  weeks: MonthlyWeek[];
  meetings: MonthlyMeeting[];
  absences: MonthlyAbsence[];
  openFindings: MonthlyFinding[];
  acceptedFindings: MonthlyFinding[];
  /** Null for programmes without a klarmarkering (not covered by AMI.MANADSRAPPORT). */
  klarmarkering: Klarmarkering | null;
  counts: MonthlyCounts;
}

export interface MonthlyReport {
  month: YearMonth;
  idag: IsoDate;
  anordnare: string | null;
  participants: MonthlyParticipant[];
  /** One row per kön, in KON_KEYS order, every count summed. */
  byKon: ({ kon: KonKey; participants: number } & MonthlyCounts)[];
  total: { participants: number } & MonthlyCounts;
  /** Register rows that could not be placed in the month (Swedish reason). */
  omitted: { participantId: string; reason: string }[];
  /** Whether any written id was a masked personnummer. */
  masked: boolean;
}

const MEETING_EVENT_KINDS: readonly ScheduleEvent["kind"][] = [
  "uppstartsmöte",
  "avstämning genomförandeplan",
  "trepartsmöte",
  "uppföljning med karriärvägledare",
  "uppföljning",
  "kontakt",
];

const AMI_MEETINGS: readonly (string | number)[] = ["mote", "uppfoljning", "avstamning", "kontakt"];

/** Activity categories that are an individual meeting or contact, per programme's vocabulary. */
const MEETING_CATEGORIES: Readonly<Record<Programme, readonly (string | number)[]>> = {
  ROM2: [0],
  ITA: ["uppfoljning"],
  JPG: AMI_MEETINGS,
  JPF: AMI_MEETINGS,
  SAI: AMI_MEETINGS,
  FAI1: AMI_MEETINGS,
  FAI2: AMI_MEETINGS,
  JOBBSPAR: ["uppfoljning"],
};

function sameId(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function formOf(activity: Activity): FormKey {
  switch (activity.mode) {
    case "hos leverantör":
      return "på plats";
    case "distans med handledare":
      return "distans";
    case "eget arbete":
      return "eget arbete";
    case "arbetsplats":
      return "arbetsplats";
    case "annan aktör":
      return "annan aktör";
    case null:
      return "ej angiven";
  }
}

function isHeld(a: Activity): boolean {
  return a.attendance?.status === "närvarande";
}

function plannedHeld(activities: readonly Activity[]): PlannedHeld {
  let planned = 0;
  let held = 0;
  for (const a of activities) {
    planned += a.hours ?? 0;
    if (isHeld(a)) held += a.hours ?? 0;
  }
  return { planned: round2(planned), held: round2(held) };
}

function hourSplit(activities: readonly Activity[], idag: IsoDate): HourSplit {
  let absent = 0;
  let unreported = 0;
  let upcoming = 0;
  for (const a of activities) {
    const h = a.hours ?? 0;
    if (a.attendance?.status === "frånvarande") absent += h;
    else if (a.attendance === null) {
      if (a.date <= idag) unreported += h;
      else upcoming += h;
    }
  }
  return {
    ...plannedHeld(activities),
    absent: round2(absent),
    unreported: round2(unreported),
    upcoming: round2(upcoming),
  };
}

/** Free text as it may be written: personnummer masked, also a mistyped one used as an id. */
function safeText(value: string, rawIds: readonly string[]): string {
  let out = maskPersonnummerInText(value);
  for (const id of rawIds) {
    const trimmed = id.trim();
    if (trimmed !== "" && looksLikePersonnummer(trimmed)) {
      out = out.split(trimmed).join(displayId(trimmed));
    }
  }
  return out;
}

function overlaps(
  from: IsoDate | null,
  to: IsoDate | null,
  monthFrom: IsoDate,
  monthTo: IsoDate,
): boolean {
  return (from === null || from <= monthTo) && (to === null || to >= monthFrom);
}

function weeksOf(
  participant: Participant & { start: IsoDate },
  activities: readonly Activity[],
  from: IsoDate,
  to: IsoDate,
  fullTimeHours: number,
): MonthlyWeek[] {
  const out: MonthlyWeek[] = [];
  for (let d = from; d <= to;) {
    const { year, week } = isoWeekOf(d);
    const days = weekDates(year, week);
    const monday = days[0] ?? d;
    const wFrom = d;
    const wTo = minDate(days[6] ?? d, to);
    const inWeek = activities.filter((a) => a.date >= wFrom && a.date <= wTo);
    const step = upptrappningOn(participant, wFrom);
    let requirement: number | null = null;
    let requirementSource: string | null = null;
    if (step !== null) {
      requirement = step.hoursPerWeek;
      requirementSource = `Upptrappningsplan från ${step.from}: ${decimalText(step.hoursPerWeek)} timmar per vecka`;
    } else if (participant.programme !== null) {
      const minimum = weeklyMinimumHours(
        participant.programme,
        participant.start,
        maxDate(monday, participant.start),
        fullTimeHours,
      );
      if (minimum !== null) {
        requirement = minimum.hours;
        requirementSource = minimum.source;
      }
    }
    out.push({
      isoYear: year,
      isoWeek: week,
      label: weekName({ isoYear: year, isoWeek: week }),
      from: wFrom,
      to: wTo,
      ...plannedHeld(inWeek),
      requirement,
      requirementSource,
    });
    d = addDays(wTo, 1);
  }
  return out;
}

function meetingStatus(a: Activity, idag: IsoDate): MeetingStatus {
  if (a.attendance?.status === "närvarande") return "genomförd";
  if (a.attendance?.status === "frånvarande") return "frånvarande";
  return a.date <= idag ? "ej rapporterad" : "planerad";
}

const EVENT_TEXT: Partial<Record<ScheduleEvent["kind"], string>> = {
  uppstartsmöte: "Uppstartsmöte",
  "avstämning genomförandeplan": "Avstämning av genomförandeplanen",
  trepartsmöte: "Trepartsmöte",
  "uppföljning med karriärvägledare": "Uppföljning med karriärvägledare",
  uppföljning: "Uppföljning",
  kontakt: "Kontakt",
};

function findingOf(f: Finding, rawIds: readonly string[]): MonthlyFinding {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    from: f.from,
    to: f.to,
    message: safeText(f.message, rawIds),
    acceptance:
      f.acceptance === null
        ? null
        : {
            reason: safeText(f.acceptance.reason, rawIds),
            acceptedBy:
              f.acceptance.acceptedBy === null ? null : safeText(f.acceptance.acceptedBy, rawIds),
            date: f.acceptance.date,
          },
  };
}

function emptyCounts(): MonthlyCounts {
  return {
    planned: 0,
    held: 0,
    unreported: 0,
    absent: 0,
    paPlats: 0,
    distans: 0,
    egetArbete: 0,
    meetings: 0,
    absences: 0,
    openErrors: 0,
    openWarnings: 0,
    accepted: 0,
  };
}

function addCounts(into: MonthlyCounts, c: MonthlyCounts): void {
  for (const key of Object.keys(emptyCounts()) as (keyof MonthlyCounts)[]) {
    into[key] = round2(into[key] + c[key]);
  }
}

/** The klarmarkering day of AMI.MANADSRAPPORT, from Inställningar, as the rule clamps it. */
function deadlineDay(input: ReportInput): number {
  const { params } = resolveParams(AMI_MANADSRAPPORT, input.settings);
  const dag = typeof params.dag === "number" ? params.dag : 7;
  return Math.min(28, Math.max(1, Math.round(dag)));
}

export function buildMonthlyReport(
  input: ReportInput,
  month: YearMonth,
  findings: readonly Finding[],
  options: { idag: IsoDate },
): MonthlyReport {
  const { idag } = options;
  const monthFrom = firstDayOf(month);
  const monthTo = lastDayOf(month);
  const rawIds = input.participants.map((p) => p.id);
  const day = deadlineDay(input);
  const participants: MonthlyParticipant[] = [];
  const omitted: MonthlyReport["omitted"] = [];

  for (const p of input.participants) {
    if (p.start === null) {
      const activeInMonth = input.activities.some(
        (a) => sameId(a.participantId, p.id) && a.date >= monthFrom && a.date <= monthTo,
      );
      if (activeInMonth) {
        omitted.push({
          participantId: displayId(p.id),
          reason: "startdatum saknas i deltagarregistret",
        });
      }
      continue;
    }
    const start = p.start;
    if (start > monthTo || (p.end !== null && p.end < monthFrom)) continue;
    const from = maxDate(monthFrom, start);
    const to = p.end === null ? monthTo : minDate(monthTo, p.end);
    const activities = input.activities
      .filter((a) => sameId(a.participantId, p.id) && a.date >= from && a.date <= to)
      .sort((a, b) =>
        a.date === b.date ? (a.start ?? -1) - (b.start ?? -1) : a.date < b.date ? -1 : 1,
      );
    const events = input.events
      .filter((e) => sameId(e.participantId, p.id))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

    const forms = Object.fromEntries(
      FORM_KEYS.map((k) => [k, plannedHeld(activities.filter((a) => formOf(a) === k))]),
    ) as Record<FormKey, PlannedHeld>;

    const categoryNames = [...new Set(activities.map((a) => a.categoryName ?? "Okategoriserad"))];
    const categories = categoryNames
      .map((name) => ({
        name,
        ...plannedHeld(activities.filter((a) => (a.categoryName ?? "Okategoriserad") === name)),
      }))
      .sort((a, b) => b.planned - a.planned || a.name.localeCompare(b.name, "sv"));

    const meetingCodes = p.programme === null ? [] : MEETING_CATEGORIES[p.programme];
    const meetings: MonthlyMeeting[] = [
      ...activities
        .filter((a) => a.category !== null && meetingCodes.includes(a.category))
        .map((a): MonthlyMeeting => ({
          date: a.date,
          start: a.start,
          end: a.end,
          source: "schema",
          description: safeText(
            [a.categoryName, a.text].filter((t) => t !== null && t.trim() !== "").join(": "),
            rawIds,
          ),
          status: meetingStatus(a, idag),
        })),
      ...events
        .filter((e) => MEETING_EVENT_KINDS.includes(e.kind) && e.date >= from && e.date <= to)
        .map((e): MonthlyMeeting => ({
          date: e.date,
          start: null,
          end: null,
          source: "händelse",
          description: safeText(
            [EVENT_TEXT[e.kind] ?? e.kind, e.comment]
              .filter((t) => t !== null && t.trim() !== "")
              .join(": "),
            rawIds,
          ),
          status: "genomförd",
        })),
    ].sort((a, b) =>
      a.date === b.date ? (a.start ?? -1) - (b.start ?? -1) : a.date < b.date ? -1 : 1,
    );

    const absences: MonthlyAbsence[] = activities
      .filter((a) => a.attendance?.status === "frånvarande")
      .map((a) => ({
        date: a.date,
        start: a.start,
        end: a.end,
        hours: a.hours,
        text: safeText(a.text, rawIds),
        reason:
          a.attendance?.reason === undefined || a.attendance.reason === null
            ? null
            : safeText(a.attendance.reason, rawIds),
        certificate: a.attendance?.certificate ?? null,
        reportedDate: a.attendance?.reportedDate ?? null,
      }));

    const mine = findings.filter(
      (f) =>
        f.participantId !== null &&
        sameId(f.participantId, p.id) &&
        overlaps(f.from, f.to, monthFrom, monthTo),
    );
    const openFindings = mine.filter((f) => !f.accepted).map((f) => findingOf(f, rawIds));
    const acceptedFindings = mine.filter((f) => f.accepted).map((f) => findingOf(f, rawIds));

    let klarmarkering: Klarmarkering | null = null;
    if (p.programme !== null && AMI_MANADSRAPPORT.programmes.includes(p.programme)) {
      const reports = events.filter(
        (e) => e.kind === "månadsrapport klar" && eventMonth(e) === month,
      );
      klarmarkering = { deadline: reportDeadline(month, day), reported: reports[0]?.date ?? null };
    }

    const hours = hourSplit(activities, idag);
    const counts: MonthlyCounts = {
      planned: hours.planned,
      held: hours.held,
      unreported: hours.unreported,
      absent: hours.absent,
      paPlats: forms["på plats"].held,
      distans: forms.distans.held,
      egetArbete: forms["eget arbete"].held,
      meetings: meetings.filter((m) => m.status !== "frånvarande").length,
      absences: absences.length,
      openErrors: openFindings.filter((f) => f.severity === "error").length,
      openWarnings: openFindings.filter((f) => f.severity === "warning").length,
      accepted: acceptedFindings.length,
    };

    participants.push({
      participantId: displayId(p.id),
      rawParticipantId: p.id,
      name: p.name === null ? null : maskPersonnummerInText(p.name),
      kon: p.kon,
      programme: p.programme,
      start,
      end: p.end,
      from,
      to,
      hours,
      withoutHours: activities.filter((a) => a.hours === null).length,
      forms,
      categories,
      weeks: weeksOf({ ...p, start }, activities, from, to, input.settings.fullTimeHours),
      meetings,
      absences,
      openFindings,
      acceptedFindings,
      klarmarkering,
      counts,
    });
  }

  const byKon = KON_KEYS.map((kon) => {
    const group = participants.filter((p) => (p.kon ?? "ej angivet") === kon);
    const counts = emptyCounts();
    for (const p of group) addCounts(counts, p.counts);
    return { kon, participants: group.length, ...counts };
  });
  const total = { participants: participants.length, ...emptyCounts() };
  for (const p of participants) addCounts(total, p.counts);

  return {
    month,
    idag,
    anordnare: input.settings.anordnare,
    participants,
    byKon,
    total,
    omitted,
    masked:
      participants.some((p) => looksLikePersonnummer(p.rawParticipantId)) ||
      omitted.some((o) => o.participantId.endsWith("-****")),
  };
}
