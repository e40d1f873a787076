/**
 * Figures the programme rules ask for at a given date: the minimum weekly hours, the last day
 * of the next required meeting, the monthly report's deadline. The rules (rules/) and the
 * custom functions (functions/) both take them from here, with the catalog's defaults.
 */
import { addDays, isoWeekOf, serviceMonth, weekDates } from "./calendar";
import { makeDate, type IsoDate, type YearMonth, nextMonth } from "./date";
import { AMI_PROGRAMMES, type Programme } from "./programmes";

/** Full time in hours per week ("Heltid timmar" in Inställningar), regelkatalog AMI.HELTID. */
export const DEFAULT_FULL_TIME_HOURS = 40;

export interface WeeklyMinimum {
  hours: number;
  /** Where the figure comes from, for explanations. */
  source: string;
}

/**
 * The minimum weekly hours for a participant at a date, or null when the programme sets none
 * (ITA, JOBBSPAR) or the date is before startdatum.
 * - ROM2 (000 4.1.1): 1 h in service months 1–6, 2 h from month 7 (also past month 12,
 *   where ROM2.PERIOD is the rule that objects).
 * - FAI1 (001 3.2): 10 h from the start.
 * - FAI2 (001 4.4): no minimum in months 1–3, 10 h from month 4.
 * - JPG, JPF, SAI (003 3.1): full time.
 */
export function weeklyMinimumHours(
  programme: Programme,
  start: IsoDate,
  date: IsoDate,
  fullTimeHours: number = DEFAULT_FULL_TIME_HOURS,
): WeeklyMinimum | null {
  const month = serviceMonth(start, date);
  if (month === null) return null;
  switch (programme) {
    case "ROM2":
      return month <= 6
        ? {
            hours: 1,
            source: "Rusta och matcha 2, 4.1.1: de första sex månaderna minst 1 timme per vecka",
          }
        : {
            hours: 2,
            source: "Rusta och matcha 2, 4.1.1: efterföljande sex månader minst 2 timmar per vecka",
          };
    case "FAI1":
      return { hours: 10, source: "FAI, 3.2: arbetsprövning minst 10 timmar i veckan" };
    case "FAI2":
      return month <= 3
        ? { hours: 0, source: "FAI, 4.4: månad 1–3 individuell upptrappning utan timkrav" }
        : { hours: 10, source: "FAI, 4.4: från månad 4 minst 10 timmar i veckan" };
    case "JPG":
    case "JPF":
    case "SAI":
      return { hours: fullTimeHours, source: "Kundvalsrutiner 3.1: heltidsplanering" };
    case "ITA":
    case "JOBBSPAR":
      return null;
  }
}

/** ROM2.MOTE14: an individual meeting at least every 14 calendar days (000 4.1.1). */
export const ROM2_MEETING_WINDOW_DAYS = 14;

/**
 * The last day the next required meeting may be held after one on `lastMeeting`, or null when
 * the programme has no meeting frequency.
 * - ROM2: lastMeeting + 14 days (ROM2.MOTE14: no 14-day window without a meeting).
 * - JPG, JPF, SAI, FAI1, FAI2: AMI.KONTAKT asks for a contact every week, so the Sunday of the
 *   week after the meeting's ISO week.
 */
export function nextMeetingDeadline(
  programme: Programme,
  lastMeeting: IsoDate,
  windowDays: number = ROM2_MEETING_WINDOW_DAYS,
): IsoDate | null {
  if (programme === "ROM2") return addDays(lastMeeting, windowDays);
  if (AMI_PROGRAMMES.includes(programme)) {
    const { year, week } = isoWeekOf(addDays(lastMeeting, 7));
    return weekDates(year, week)[6] ?? null;
  }
  return null;
}

/** AMI.MANADSRAPPORT: the report for a month is klarmarkerad by the 7th of the next (003 6.4). */
export const REPORT_DEADLINE_DAY = 7;

export function reportDeadline(month: YearMonth, day: number = REPORT_DEADLINE_DAY): IsoDate {
  const next = nextMonth(month);
  const date = makeDate(Number(next.slice(0, 4)), Number(next.slice(5, 7)), day);
  if (date === null) throw new RangeError(`Ogiltig dag för rapportfristen: ${day}`);
  return date;
}
