/**
 * Sanity of the example workbooks: the data breaks exactly the rules it lists as deliberate
 * breaches (computed here from regelkatalog.md's definitions, independently of src/rules), the
 * seed cells are verbatim, every text reads as the category it claims, and the generated files
 * in assets/exempel load, are up to date and are the same bytes on every run.
 */
import {
  CATALOG_COMPENSATION_IDS,
  CATALOG_READ_IDS,
  CATALOG_RULE_IDS,
} from "../../src/rules/catalog";
import { SEED000_CELLS, type Seed000Cell } from "../../test/fixtures/seed000";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { parseActivityCell, parseBlockLabel } from "../../src/domain/activityText";
import { addDays, addMonths, serviceMonth, serviceMonthRange } from "../../src/domain/calendar";
import {
  firstDayOf,
  lastDayOf,
  makeDate,
  nextMonth,
  parseMonthValue,
  yearMonthOf,
  type IsoDate,
  type YearMonth,
} from "../../src/domain/date";
import { isWorkingDay, workingDaysBetween } from "../../src/domain/holidays";
import { vocabularyFor } from "../../src/domain/vocabulary";
import { matchCategory } from "../../src/domain/vocabulary/match";
import { ROM2_VOCABULARY } from "../../src/domain/vocabulary/rom2";
import {
  day,
  EXAMPLES,
  FORM_MODES,
  hm,
  JOBBSPAR_CHAINS,
  JOBBSPAR_EXAMPLE,
  mondayOf,
  NACKA_EXAMPLE,
  ROM2_EXAMPLE,
  type ExampleActivity,
  type ExampleEvent,
  type ExampleParticipant,
  type ExampleWorkbook,
} from "./data";
import { ABOUT_SHEET, DATE_FORMAT, exampleBuffer } from "./write";

const REPO = resolve(__dirname, "../..");
const ASSETS = join(REPO, "assets", "exempel");
const CATALOG = resolve(REPO, "..", "shared", "regelkatalog.md");

/** The rule ids of regelkatalog.md, for when the catalog is not next to the repository. */
const CATALOG_IDS_COPY = [...CATALOG_READ_IDS, ...CATALOG_RULE_IDS, ...CATALOG_COMPENSATION_IDS];

function catalogIdsFromFile(): Set<string> | null {
  if (!existsSync(CATALOG)) return null;
  const text = readFileSync(CATALOG, "utf8");
  const ids = new Set<string>();
  for (const m of text.matchAll(/^\|\s*([A-Z][A-Z0-9]*\.[A-Z0-9]+)\s*\|/gm)) ids.add(m[1] ?? "");
  for (const m of text.matchAll(/`(LAS\.[A-Z]+)`/g)) ids.add(m[1] ?? "");
  ids.delete("");
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

interface Violation {
  ruleId: string;
  participantId: string;
  detail: string;
}

const hours = (a: ExampleActivity) => (a.end - a.start) / 60;
const sum = (list: readonly ExampleActivity[]) => list.reduce((s, a) => s + hours(a), 0);
const maxDay = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const minDay = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

function activitiesOf(example: ExampleWorkbook, participantId: string): ExampleActivity[] {
  return example.activities
    .filter((a) => a.participantId === participantId)
    .sort((a, b) => (a.date === b.date ? a.start - b.start : a.date < b.date ? -1 : 1));
}

function eventsOf(example: ExampleWorkbook, participantId: string, ...kinds: string[]) {
  return example.events
    .filter((e) => e.participantId === participantId && kinds.includes(e.kind))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The last day the rules judge: slutdatum, capped at the last planned day (Conventions). */
function horizonOf(p: ExampleParticipant, acts: readonly ExampleActivity[]): IsoDate {
  const last = acts.at(-1)?.date ?? p.start;
  return p.end === null ? last : minDay(p.end, last);
}

/** The Mondays of the weeks that meet [from, to]. */
function mondays(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let m = mondayOf(from); m <= to; m = addDays(m, 7)) out.push(m);
  return out;
}

function inWeek(acts: readonly ExampleActivity[], monday: IsoDate): ExampleActivity[] {
  const sunday = addDays(monday, 6);
  return acts.filter((a) => a.date >= monday && a.date <= sunday);
}

/** Monday–Friday of the week all inside [from, to]. */
function fullWorkWeek(monday: IsoDate, from: IsoDate, to: IsoDate): boolean {
  return monday >= from && addDays(monday, 4) <= to;
}

function workingDaysIn(monday: IsoDate, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let i = 0; i < 5; i++) {
    const d = addDays(monday, i);
    if (d >= from && d <= to && isWorkingDay(d)) n++;
  }
  return n;
}

function monthsBetween(from: IsoDate, to: IsoDate): YearMonth[] {
  const out: YearMonth[] = [];
  for (let m = yearMonthOf(from); m <= yearMonthOf(to); m = nextMonth(m)) out.push(m);
  return out;
}

function seventhOfNext(month: YearMonth): IsoDate {
  const next = nextMonth(month);
  const date = makeDate(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 7);
  if (date === null) throw new Error(month);
  return date;
}

function key(v: { ruleId: string; participantId: string }): string {
  return `${v.ruleId} ${v.participantId}`;
}

function declared(example: ExampleWorkbook): string[] {
  return [...new Set(example.breaches.map(key))].sort();
}

function found(violations: readonly Violation[]): string[] {
  return [...new Set(violations.map(key))].sort();
}

// ---------------------------------------------------------------------------------------------
// Rusta och matcha 2 (regelkatalog.md, ROM2)
// ---------------------------------------------------------------------------------------------

const PHYSICAL_EXERCISE = /\b(gym\w*|träning\w*|tränings\w*|promenad\w*|motion\w*|yoga|\w*pass)\b/i;

function rom2Violations(example: ExampleWorkbook): Violation[] {
  const out: Violation[] = [];
  const push = (ruleId: string, participantId: string, detail: string) =>
    out.push({ ruleId, participantId, detail });
  const registered = new Set(example.participants.map((p) => p.id));
  for (const a of example.activities) {
    if (!registered.has(a.participantId)) push("LAS.DELTAGARE", a.participantId, a.gridCell ?? "");
  }
  for (const p of example.participants) {
    const acts = activitiesOf(example, p.id);
    const end = horizonOf(p, acts);
    if (p.kon === null) push("ROM2.KON", p.id, "kön saknas");
    const periodEnd = p.end ?? end;
    for (const a of acts) {
      if (a.date < p.start || a.date > periodEnd) push("ROM2.PERIOD", p.id, a.date);
    }
    if (periodEnd > addDays(addMonths(p.start, 12), -1)) push("ROM2.PERIOD", p.id, "> 12 mån");

    // MOTE14: every 14-day window inside the period holds an individual meeting.
    const meetings = [...new Set(acts.filter((a) => a.category === 0).map((a) => a.date))].sort();
    const stops = [addDays(p.start, -1), ...meetings, addDays(end, 1)];
    for (let i = 1; i < stops.length; i++) {
      const previous = stops[i - 1] ?? p.start;
      const next = stops[i] ?? end;
      // Days strictly between two meetings (or the period's edges) must be fewer than 14.
      if (addDays(previous, 14) < next) push("ROM2.MOTE14", p.id, `${previous} → ${next}`);
    }

    for (const a of acts) {
      if (a.category === null) push("ROM2.TILLATNA", p.id, a.text);
      if (a.category === 6 && PHYSICAL_EXERCISE.test(a.text)) push("ROM2.KOSTHALSA", p.id, a.text);
      if (a.mode === null) push("ROM2.NARVAR", p.id, `${a.date} ${a.text}`);
    }
    // MOTIVATION: a cell whose only activity is motivationshöjande samtal.
    const cells = new Map<string, ExampleActivity[]>();
    for (const a of acts) {
      const id = `${a.gridCell ?? a.key}@${a.date}`;
      cells.set(id, [...(cells.get(id) ?? []), a]);
    }
    for (const [id, list] of cells) {
      if (list.every((a) => a.category === 1)) push("ROM2.MOTIVATION", p.id, id);
    }

    let weeksWithOccasion = 0;
    let physicalWeeks = 0;
    let previousPhysical = true;
    let languageHours = 0;
    let allHours = 0;
    for (const monday of mondays(p.start, end)) {
      const week = inWeek(acts, monday);
      const valbara = week.filter((a) => typeof a.category === "number" && a.category >= 1);
      const month = serviceMonth(p.start, maxDay(monday, p.start)) ?? 1;
      const minimum = month <= 6 ? 1 : 2;
      if (valbara.length === 0 || sum(valbara) < minimum)
        push("ROM2.VECKOAKT", p.id, `vecka ${monday}`);
      if (valbara.length > 0) {
        weeksWithOccasion++;
        const physical = valbara.some((a) => a.mode === "hos leverantör");
        if (physical) physicalWeeks++;
        if (!physical && !previousPhysical) push("ROM2.FYSISKA", p.id, `två veckor ${monday}`);
        previousPhysical = physical;
        if (physicalWeeks < weeksWithOccasion / 2) push("ROM2.FYSISKA", p.id, `andel ${monday}`);
      }
      languageHours += sum(week.filter((a) => a.category === 8));
      allHours += sum(week);
      if (languageHours > 0.2 * allHours) push("ROM2.SPRAK20", p.id, `t.o.m. ${monday}`);
      if (p.omfattningHours !== null && fullWorkWeek(monday, p.start, end)) {
        const planned = sum(week);
        if (Math.abs(planned - p.omfattningHours) > 0.1 * p.omfattningHours)
          push("ROM2.OMFATTNING", p.id, `${monday}: ${planned} h`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Nacka kundval: AMI, SAI, FAI (regelkatalog.md)
// ---------------------------------------------------------------------------------------------

const CONTACT_CODES = new Set(["mote", "uppfoljning", "avstamning"]);
const TREPART_KINDS = ["trepartsmöte", "uppföljning med karriärvägledare"];

/** Full time for the week: the upptrappning step in force on Monday, else heltid; 8 h a working day. */
function requiredHours(p: ExampleParticipant, monday: IsoDate, workingDays: number): number {
  let level = 40;
  for (const step of p.upptrappning) if (step.from <= monday) level = step.hoursPerWeek;
  return (level * workingDays) / 5;
}

/** Continuous absences of one reason: from the first absent day to the day before attendance. */
function absencePeriods(
  acts: readonly ExampleActivity[],
  reason: string,
): { from: IsoDate; lastAbsent: IsoDate; until: IsoDate | null; rows: ExampleActivity[] }[] {
  const byDate = new Map<IsoDate, ExampleActivity[]>();
  for (const a of acts) byDate.set(a.date, [...(byDate.get(a.date) ?? []), a]);
  const dates = [...byDate.keys()].sort();
  const periods: {
    from: IsoDate;
    lastAbsent: IsoDate;
    until: IsoDate | null;
    rows: ExampleActivity[];
  }[] = [];
  let current: (typeof periods)[number] | null = null;
  for (const date of dates) {
    const rows = byDate.get(date) ?? [];
    const absent = rows.some((a) => a.attendance?.reason === reason);
    const attended = rows.some((a) => a.attendance?.status === "närvarande");
    if (absent && current === null) current = { from: date, lastAbsent: date, until: null, rows };
    else if (absent && current !== null) {
      current.lastAbsent = date;
      current.rows.push(...rows);
    } else if (attended && current !== null) {
      current.until = date;
      periods.push(current);
      current = null;
    }
  }
  if (current !== null) periods.push(current);
  return periods;
}

function amiViolations(example: ExampleWorkbook): Violation[] {
  const out: Violation[] = [];
  const push = (ruleId: string, participantId: string, detail: string) =>
    out.push({ ruleId, participantId, detail });
  const idag = example.idag;
  for (const p of example.participants) {
    const acts = activitiesOf(example, p.id);
    const horizon = horizonOf(p, acts);
    const beslut = p.beslutsdatum ?? p.start;
    const isFai = p.programme === "FAI1" || p.programme === "FAI2";
    const events = (...kinds: string[]) => eventsOf(example, p.id, ...kinds);

    for (const monday of mondays(p.start, horizon)) {
      const week = inWeek(acts, monday);
      const days = workingDaysIn(monday, p.start, horizon);
      if (days === 0) continue;
      // AMI.HELTID (JPG, JPF, SAI; Tolkning: 8 h per working day).
      if (!isFai && fullWorkWeek(monday, p.start, horizon)) {
        const required = requiredHours(p, monday, days);
        if (sum(week) < required - 1e-9)
          push("AMI.HELTID", p.id, `${monday}: ${sum(week)} < ${required}`);
      }
      // AMI.KONTAKT: a personal meeting held in the week.
      const contacts = week.filter(
        (a) =>
          typeof a.category === "string" &&
          (CONTACT_CODES.has(a.category) || (isFai && a.category === "vagledning")) &&
          a.mode !== "distans med handledare" &&
          a.attendance?.status === "närvarande",
      );
      if (contacts.length === 0) push("AMI.KONTAKT", p.id, monday);
      // SAI.ARBETSPLATS50: workplace language training ≤ 50 % of full time.
      if (p.programme === "SAI" && sum(week.filter((a) => a.category === "spraktraning")) > 20)
        push("SAI.ARBETSPLATS50", p.id, monday);
      // FAI1.TIMMAR: ≥ 10 h arbetsprövning held.
      if (p.programme === "FAI1" && fullWorkWeek(monday, p.start, horizon)) {
        const held = week.filter(
          (a) => a.category === "arbetsprovning" && a.attendance?.status === "närvarande",
        );
        if (sum(held) < 10) push("FAI1.TIMMAR", p.id, monday);
      }
    }

    // FAI2.UPPTRAPPNING: months 1–3 no three falls in a row; from month 4 ≥ 10 h.
    if (p.programme === "FAI2") {
      let falls = 0;
      let previous: number | null = null;
      for (const monday of mondays(p.start, horizon)) {
        if (!fullWorkWeek(monday, p.start, horizon)) continue;
        const h = sum(inWeek(acts, monday));
        const month = serviceMonth(p.start, monday) ?? 1;
        if (month <= 3) {
          falls = previous !== null && h < previous ? falls + 1 : 0;
          if (falls >= 3) push("FAI2.UPPTRAPPNING", p.id, `fall ${monday}`);
        } else if (h < 10) push("FAI2.UPPTRAPPNING", p.id, `${monday}: ${h} h`);
        previous = h;
      }
    }

    // Plans, avstämningar, reports.
    const plans = events("genomförandeplan");
    const planDeadline = addMonths(beslut, 1);
    if (!plans.some((e) => e.date <= planDeadline) && planDeadline <= idag)
      push("AMI.GENOMFORANDEPLAN", p.id, `senast ${planDeadline}`);
    if (isFai) {
      const start = events("uppstartsmöte")[0]?.date ?? p.start;
      if (!plans.some((e) => e.date <= addDays(start, 14)))
        push("FAI.GENOMFORANDEPLAN", p.id, `senast ${addDays(start, 14)}`);
    }
    for (const month of monthsBetween(p.start, horizon)) {
      const ok = events("avstämning genomförandeplan").some(
        (e) => e.date >= firstDayOf(month) && e.date <= lastDayOf(month),
      );
      if (!ok) push("AMI.AVSTAMNING", p.id, month);
    }
    const reports = events("månadsrapport klar");
    for (const month of monthsBetween(p.start, horizon)) {
      const deadline = seventhOfNext(month);
      const report = reports.find((e) => parseMonthValue(e.avser) === month);
      if (report === undefined ? deadline <= idag : report.date > deadline) {
        push("AMI.MANADSRAPPORT", p.id, month);
        if (report !== undefined) push("ERS.SEN", p.id, month);
      }
    }
    // Trepart and revised plans.
    const treparts = events(...TREPART_KINDS);
    const trepartMonths = p.programme === "JPG" ? 3 : p.programme === "JPF" ? 6 : 6;
    if (!isFai) {
      let last = beslut;
      while (addMonths(last, trepartMonths) <= horizon) {
        const limit = addMonths(last, trepartMonths);
        const next = treparts.find((e) => e.date > last && e.date <= limit);
        if (next === undefined) {
          push("AMI.TREPART", p.id, `senast ${limit}`);
          break;
        }
        last = next.date;
      }
    }
    for (const t of treparts) {
      const limit = addDays(t.date, 14);
      if (limit > idag) continue;
      const revised = events("reviderad genomförandeplan").some(
        (e) => e.date >= t.date && e.date <= limit,
      );
      if (!revised) push("AMI.REVIDERAD", p.id, t.date);
    }
    if (p.end !== null && p.end <= idag) {
      if (!events("slutrapport").some((e) => p.end !== null && e.date <= p.end))
        push("AMI.SLUTRAPPORT", p.id, p.end);
    }

    // Absences.
    for (const a of acts) {
      const att = a.attendance;
      if (att?.status !== "frånvarande") continue;
      if (att.reason === null || att.orsak === null) push("AMI.FRANVARO", p.id, a.key);
      if (att.reason === "ogiltig frånvaro") {
        if (att.reported === null || att.reported > addDays(a.date, 1))
          push("AMI.OGILTIG", p.id, a.date);
        if (isFai) {
          const tried = events("kontaktförsök").some(
            (e) => e.date >= a.date && e.date <= addDays(a.date, 1),
          );
          if (!tried) push("FAI.OGILTIG", p.id, a.date);
        }
      }
    }
    for (const reason of ["sjuk", "VAB"]) {
      for (const period of absencePeriods(acts, reason)) {
        const eighth = addDays(period.from, 7);
        const reaches = period.until === null ? eighth <= period.lastAbsent : eighth < period.until;
        const certified = period.rows.some((a) => a.attendance?.certificate != null);
        if (reaches && !certified) push("AMI.INTYG", p.id, `${period.from} (${reason})`);
      }
    }
    if (p.ekonomisktBistand === false) {
      for (const period of absencePeriods(acts, "ledig")) {
        const end = period.until === null ? period.lastAbsent : addDays(period.until, -1);
        if (addDays(period.from, 14) <= end) push("AMI.LEDIGHET", p.id, period.from);
      }
    }

    // Workplaces and deadlines counted from beslutsdatum.
    const workplace = { JPG: "praktik", JPF: "arbetstraning", SAI: "spraktraning" } as const;
    const months = { JPG: 1, JPF: 3, SAI: 2 } as const;
    if (p.programme === "JPG" || p.programme === "JPF" || p.programme === "SAI") {
      const code = workplace[p.programme];
      const first = acts.find((a) => a.category === code)?.date;
      const limit = addMonths(beslut, months[p.programme]);
      const required = p.programme !== "JPG" || first !== undefined;
      if (required && (first === undefined ? limit <= horizon : first > limit))
        push("AMI.ARBETSPLATS", p.id, `senast ${limit}`);
      const started = events("arbetsplats start")[0]?.date;
      if (first !== undefined && started !== first)
        throw new Error(
          `${p.id}: Arbetsplats start ${started ?? "saknas"} ≠ första dagen ${first}`,
        );
    }
    if (p.programme === "JPF") {
      if (!events("uppstartsmöte").some((e) => e.date <= addMonths(beslut, 3)))
        push("AMI.UPPSTART", p.id, "");
    }
    if (p.programme === "JPG" && horizon >= addDays(beslut, 100)) push("AMI.JPG100", p.id, horizon);

    // SAI.SFI: no overlap with an SFI lesson, ≥ 3 h SFI per study day.
    if (p.programme === "SAI") {
      const sfi = acts.filter((a) => a.category === "sfi");
      for (const lesson of sfi) {
        const clash = acts.filter(
          (a) =>
            a !== lesson && a.date === lesson.date && a.start < lesson.end && a.end > lesson.start,
        );
        for (const c of clash) push("SAI.SFI", p.id, `${c.date} ${c.text}`);
      }
      for (const date of new Set(sfi.map((a) => a.date))) {
        if (sum(sfi.filter((a) => a.date === date)) < 3) push("SAI.SFI", p.id, `${date} < 3 h`);
      }
      const levels = events("sfi-nivå start");
      levels.forEach((level, i) => {
        const until = levels[i + 1]?.date ?? horizon;
        if (until > addMonths(level.date, 6)) push("SAI.SFINIVA", p.id, level.avser ?? "");
      });
    }

    // FAI lengths and follow-ups.
    const followUps = events("uppföljning med karriärvägledare");
    const periodEnd = p.end ?? horizon;
    if (p.programme === "FAI1") {
      if (periodEnd > addDays(addMonths(p.start, 3), -1)) push("FAI1.LANGD", p.id, periodEnd);
      if (!followUps.some((e) => e.date <= addDays(p.start, 6 * 7 + 7)))
        push("FAI1.UPPFOLJNING", p.id, "sex veckor");
      if (p.end !== null && p.end <= idag) {
        const endDate = p.end;
        if (!followUps.some((e) => e.date >= addDays(endDate, -14) && e.date <= endDate))
          push("FAI1.UPPFOLJNING", p.id, "avslut");
      }
    }
    if (p.programme === "FAI2") {
      if (periodEnd > addDays(addMonths(p.start, 12), -1)) push("FAI2.LANGD", p.id, periodEnd);
      for (let n = 2; ; n += 2) {
        const range = serviceMonthRange(p.start, n);
        if (range.to > horizon) break;
        if (!followUps.some((e) => e.date >= range.from && e.date <= range.to))
          push("FAI2.UPPFOLJNING", p.id, `månad ${n}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lokalt jobbspår (regelkatalog.md, JOBBSPAR)
// ---------------------------------------------------------------------------------------------

interface ChainLink {
  participantId: string;
  name: string;
  from: IsoDate;
  to: IsoDate;
}

/** Insats events: Avser "namn, från–till". */
function chainFromEvents(events: readonly ExampleEvent[]): ChainLink[] {
  return events
    .filter((e) => e.kind === "insats")
    .map((e) => {
      const m = /^(.+), (\d{4}-\d{2}-\d{2})–(\d{4}-\d{2}-\d{2})$/.exec(e.avser ?? "");
      if (!m) throw new Error(`Insats utan "namn, från–till": ${e.avser ?? ""}`);
      return {
        participantId: e.participantId,
        name: m[1] ?? "",
        from: day(m[2] ?? ""),
        to: day(m[3] ?? ""),
      };
    });
}

function jobbsparViolations(example: ExampleWorkbook): Violation[] {
  const out: Violation[] = [];
  const push = (ruleId: string, participantId: string, detail: string) =>
    out.push({ ruleId, participantId, detail });
  const chain = chainFromEvents(example.events);
  for (const p of example.participants) {
    const links = chain
      .filter((c) => c.participantId === p.id)
      .sort((a, b) => (a.from < b.from ? -1 : 1));
    const first = links[0];
    if (first === undefined) continue;
    let reached = first.to;
    for (const link of links.slice(1)) {
      if (link.from > reached) {
        const gap = workingDaysBetween(reached, link.from);
        if (gap > 3) push("JOBBSPAR.GLAPP", p.id, `${reached} → ${link.from}: ${gap}`);
      }
      reached = maxDay(reached, link.to);
    }
    const acts = activitiesOf(example, p.id);
    for (const monday of mondays(first.from, minDay(reached, example.idag))) {
      if (sum(inWeek(acts, monday)) > 40) push("JOBBSPAR.OVERLAPP", p.id, monday);
    }
    const followUps = eventsOf(example, p.id, "uppföljning");
    for (const month of monthsBetween(first.from, minDay(reached, example.idag))) {
      if (!followUps.some((e) => yearMonthOf(e.date) === month))
        push("JOBBSPAR.UPPFOLJNING", p.id, month);
    }
    const ended = (p.end ?? reached) < example.idag;
    if (ended) {
      const outcome = eventsOf(example, p.id, "avslut").some((e) => (e.avser ?? "").trim() !== "");
      if (!outcome) push("JOBBSPAR.AVSLUT", p.id, p.end ?? reached);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe("exempeldata", () => {
  const ids = catalogIdsFromFile() ?? new Set(CATALOG_IDS_COPY);

  test("every deliberate breach names a rule id of the catalog", () => {
    for (const example of EXAMPLES) {
      for (const b of example.breaches) expect(ids).toContain(b.ruleId);
    }
  });

  test("every id of the copy is still in the catalog (none renamed or removed)", () => {
    const fromFile = catalogIdsFromFile();
    if (fromFile === null) return;
    expect(CATALOG_IDS_COPY.filter((id) => !fromFile.has(id))).toEqual([]);
  });

  test.each(EXAMPLES.map((e) => [e.file, e] as const))("%s: keys and times are sound", (_, ex) => {
    expect(new Set(ex.activities.map((a) => a.key)).size).toBe(ex.activities.length);
    expect(new Set(ex.events.map((e) => e.key)).size).toBe(ex.events.length);
    expect(new Set(ex.participants.map((p) => p.id)).size).toBe(ex.participants.length);
    for (const a of ex.activities) {
      expect(a.end).toBeGreaterThan(a.start);
      // Nothing is planned on a weekend or a Swedish public holiday.
      expect({ date: a.date, working: isWorkingDay(a.date) }).toEqual({
        date: a.date,
        working: true,
      });
      if (a.form !== null) expect(a.mode).toBe(FORM_MODES[a.form]);
    }
  });

  test.each(EXAMPLES.map((e) => [e.file, e] as const))(
    "%s: every activity and event lies in its participant's period, or is a listed breach",
    (_, ex) => {
      const listed = new Set(ex.breaches.map(key));
      for (const item of [...ex.activities, ...ex.events]) {
        const p = ex.participants.find((q) => q.id === item.participantId);
        if (p === undefined) {
          expect(listed).toContain(`LAS.DELTAGARE ${item.participantId}`);
          continue;
        }
        const inside = item.date >= p.start && (p.end === null || item.date <= p.end);
        const allowedBefore = "kind" in item && item.date <= p.start; // planning before start
        if (!inside && !allowedBefore) expect(listed).toContain(`ROM2.PERIOD ${p.id}`);
      }
    },
  );

  test.each(EXAMPLES.map((e) => [e.file, e] as const))("%s: no personnummer anywhere", (_, ex) => {
    const text = JSON.stringify(ex);
    expect(text).not.toMatch(/(?<!\d)(?:19|20)?\d{6}[-+]?\d{4}(?!\d)/);
  });
});

describe("Rusta och matcha 2", () => {
  const seed = SEED000_CELLS;
  const DAYS = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"];
  const minutes = (t: string) => hm(t.replace(":", "."));

  function cellsOf(sheet: string) {
    const grid = ROM2_EXAMPLE.grids.find((g) => g.sheet === sheet);
    if (grid === undefined) throw new Error(sheet);
    return grid.weeks.flatMap((week) =>
      week.rows
        .filter((r) => !r.lunch)
        .flatMap((row) =>
          row.cells.map((c, i) => ({ week: week.label, day: DAYS[i], rowLabel: row.label, c })),
        ),
    );
  }

  function asSeed(c: {
    c: {
      text: string;
      activities: readonly {
        start: number;
        end: number;
        category: number | null;
        mode: string | null;
        obligatory: boolean;
      }[];
    } | null;
  }) {
    return {
      text: c.c?.text,
      activities: c.c?.activities.map((a) => ({
        category: a.category,
        mode: a.mode,
        start: a.start,
        end: a.end,
        obligatory: a.obligatory,
      })),
    };
  }

  function seedAsData(s: Seed000Cell) {
    return {
      text: s.text,
      activities: s.activities.map((a) => ({
        category: a.category,
        mode: a.mode,
        start: minutes(a.start),
        end: minutes(a.end),
        obligatory: a.obligatory,
      })),
    };
  }

  test("Anna Andersson's sheet is the seed's nivå A tvåveckorsschema verbatim", () => {
    const expected = seed.filter((s) => s.schedule === "nivå A tvåveckorsschema");
    const actual = cellsOf("Anna Andersson");
    expect(actual.map((c) => [c.week, c.day, c.rowLabel])).toEqual(
      expect.arrayContaining(expected.map((s) => [s.week, s.day, s.rowLabel])),
    );
    expect(actual).toHaveLength(expected.length);
    for (const s of expected) {
      const c = actual.find(
        (a) => a.week === s.week && a.day === s.day && a.rowLabel === s.rowLabel,
      );
      expect(c && asSeed(c)).toEqual(seedAsData(s));
    }
  });

  test("Bo Berg's weeks 20–22 are the seed's nivå C week verbatim", () => {
    const expected = seed.filter((s) => s.schedule === "nivå C veckoschema");
    const actual = cellsOf("Bo Berg");
    for (const label of ["Vecka 20 2024", "Vecka 21 2024", "Vecka 22 2024"]) {
      for (const s of expected) {
        const c = actual.find(
          (a) => a.week === label && a.day === s.day && a.rowLabel === s.rowLabel,
        );
        expect(c && asSeed(c)).toEqual(seedAsData(s));
      }
    }
  });

  test("every grid cell reads as the activities the data says it holds", () => {
    for (const grid of ROM2_EXAMPLE.grids) {
      for (const week of grid.weeks) {
        for (const row of week.rows) {
          const block = parseBlockLabel(row.label);
          expect(block).not.toBeNull();
          if (row.lunch) expect(block?.kind).toBe("lunch");
          for (const c of row.cells) {
            if (c === null) continue;
            const parsed = parseActivityCell(c.text, { vocabulary: ROM2_VOCABULARY, block });
            expect({
              cell: c.id,
              activities: parsed.activities.map((a) => ({
                start: a.start,
                end: a.end,
                category: a.category?.code ?? null,
                mode: a.mode,
                obligatory: a.obligatory,
              })),
            }).toEqual({ cell: c.id, activities: c.activities });
          }
        }
      }
    }
  });

  test("the data breaks exactly the ROM2 rules it lists", () => {
    const violations = rom2Violations(ROM2_EXAMPLE);
    expect(found(violations)).toEqual(declared(ROM2_EXAMPLE));
    const dated = violations.filter((v) => v.ruleId === "ROM2.MOTE14").map((v) => v.detail);
    expect(dated).toEqual(["2024-03-05 → 2024-03-21"]);
  });

  test("Anna's template plans her whole period: 14 weeks, meetings every 14 days", () => {
    const acts = activitiesOf(ROM2_EXAMPLE, "R-001");
    expect(acts[0]?.date).toBe("2024-08-26");
    expect(acts.at(-1)?.date).toBe("2024-11-29");
    const meetings = [...new Set(acts.filter((a) => a.category === 0).map((a) => a.date))];
    expect(meetings).toEqual([
      "2024-08-27",
      "2024-09-10",
      "2024-09-24",
      "2024-10-08",
      "2024-10-22",
      "2024-11-05",
      "2024-11-19",
    ]);
  });
});

describe("Nacka kundval", () => {
  test("every activity text reads as the category the data gives it", () => {
    for (const a of NACKA_EXAMPLE.activities) {
      const p = NACKA_EXAMPLE.participants.find((q) => q.id === a.participantId);
      if (p === undefined) throw new Error(a.participantId);
      const match = matchCategory(a.text, vocabularyFor(p.programme));
      expect({ text: a.text, code: match?.code ?? null }).toEqual({
        text: a.text,
        code: a.category,
      });
    }
  });

  test("the data breaks exactly the AMI, SAI and FAI rules it lists", () => {
    const violations = amiViolations(NACKA_EXAMPLE);
    expect(found(violations)).toEqual(declared(NACKA_EXAMPLE));
    expect(violations.filter((v) => v.ruleId === "SAI.SFI").map((v) => v.detail)).toEqual([
      "2024-04-17 Möte med socialsekreterare om ekonomiskt bistånd",
    ]);
    expect(violations.filter((v) => v.ruleId === "AMI.INTYG").map((v) => v.detail)).toEqual([
      "2024-04-23 (sjuk)",
    ]);
  });

  test("three months of rows per participant, with attendance up to Idag", () => {
    for (const p of NACKA_EXAMPLE.participants) {
      const acts = activitiesOf(NACKA_EXAMPLE, p.id);
      expect(acts[0]?.date).toBe("2024-03-04");
      expect(acts.at(-1)?.date).toBe("2024-05-31");
      expect(acts.every((a) => a.attendance !== null)).toBe(true);
    }
  });

  test("FAI 2 hours rise from 4 to 12 a week", () => {
    const acts = activitiesOf(NACKA_EXAMPLE, "N-105");
    const weekly = mondays(day("2024-03-04"), day("2024-05-31")).map((m) => sum(inWeek(acts, m)));
    expect(weekly).toEqual([4, 4, 6, 6, 6, 8, 8, 8, 10, 10, 10, 12, 12]);
  });
});

describe("Lokalt jobbspår", () => {
  test("every activity text reads as the category the data gives it", () => {
    for (const a of JOBBSPAR_EXAMPLE.activities) {
      const match = matchCategory(a.text, vocabularyFor("JOBBSPAR"));
      expect({ text: a.text, code: match?.code ?? null }).toEqual({
        text: a.text,
        code: a.category,
      });
    }
  });

  test("the Insats events are the chains, and every activity belongs to one of its insatser", () => {
    expect(chainFromEvents(JOBBSPAR_EXAMPLE.events)).toEqual(
      expect.arrayContaining(JOBBSPAR_CHAINS.map((c) => ({ ...c }))),
    );
    for (const a of JOBBSPAR_EXAMPLE.activities) {
      const link = JOBBSPAR_CHAINS.find(
        (c) =>
          c.participantId === a.participantId &&
          c.name === a.text &&
          a.date >= c.from &&
          a.date <= c.to,
      );
      expect({ activity: a.key, insats: link?.name ?? null }).toEqual({
        activity: a.key,
        insats: a.text,
      });
    }
  });

  test("the data breaks exactly the JOBBSPAR rules it lists", () => {
    const violations = jobbsparViolations(JOBBSPAR_EXAMPLE);
    expect(found(violations)).toEqual(declared(JOBBSPAR_EXAMPLE));
  });

  test("Fatima's parallel insatser stay within full time", () => {
    const acts = activitiesOf(JOBBSPAR_EXAMPLE, "J-201");
    const april = sum(inWeek(acts, day("2024-04-22")));
    expect(april).toBe(37);
  });
});

describe("the generated files", () => {
  const stringsOf = (ws: ExcelJS.Worksheet): string[] => {
    const out: string[] = [];
    ws.eachRow((row) => {
      row.eachCell((c) => {
        if (typeof c.value === "string") out.push(c.value);
      });
    });
    return out;
  };

  test("the same bytes on every run", async () => {
    for (const example of EXAMPLES) {
      const [a, b] = await Promise.all([exampleBuffer(example), exampleBuffer(example)]);
      expect(a.equals(b)).toBe(true);
    }
  });

  test.each(EXAMPLES.map((e) => [e.file, e] as const))(
    "%s exists, is up to date, and loads with ExcelJS",
    async (file, example) => {
      const path = join(ASSETS, file);
      if (!existsSync(path)) throw new Error(`${path} saknas – kör npx tsx scripts/exempel.ts`);
      const bytes = readFileSync(path);
      const fresh = await exampleBuffer(example);
      if (!bytes.equals(fresh))
        throw new Error(`${file} är inaktuell – kör npx tsx scripts/exempel.ts`);

      const wb = new ExcelJS.Workbook();
      // ExcelJS's own Buffer type is an ArrayBuffer: hand it a fresh copy of the bytes.
      const copy = new ArrayBuffer(bytes.byteLength);
      new Uint8Array(copy).set(bytes);
      await wb.xlsx.load(copy);
      const names = wb.worksheets.map((ws) => ws.name);
      expect(names[0]).toBe(ABOUT_SHEET);
      expect(names).toContain(example.register.sheet);
      for (const grid of example.grids) expect(names).toContain(grid.sheet);
      if (example.activityList) expect(names).toContain(example.activityList.sheet);
      if (example.eventsSheet !== null) expect(names).toContain(example.eventsSheet);
      expect(names).toContain("Inställningar");
      expect(wb.created.toISOString()).toBe("2024-06-03T08:00:00.000Z");

      // Om exemplet lists every breach.
      const about = wb.getWorksheet(ABOUT_SHEET);
      if (about === undefined) throw new Error(ABOUT_SHEET);
      const aboutText = stringsOf(about);
      for (const b of example.breaches) expect(aboutText).toContain(b.ruleId);

      // The register: ids, and dates as date cells in yyyy-mm-dd.
      const register = wb.getWorksheet(example.register.sheet);
      if (register === undefined) throw new Error(example.register.sheet);
      const registerText = stringsOf(register);
      for (const p of example.participants) expect(registerText).toContain(p.id);
      const startColumn = example.register.columns.findIndex((c) => c.field === "start") + 1;
      const firstRow = example.register.title === null ? 2 : 4;
      const startCell = register.getCell(firstRow, startColumn);
      expect(startCell.value).toBeInstanceOf(Date);
      expect(startCell.numFmt).toBe(DATE_FORMAT);

      // Lists: one row per activity, frozen header, dates as dates.
      if (example.activityList) {
        const list = wb.getWorksheet(example.activityList.sheet);
        if (list === undefined) throw new Error(example.activityList.sheet);
        expect(list.actualRowCount).toBe(example.activities.length + 1);
        expect(list.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
        const dateColumn = example.activityList.columns.findIndex((c) => c.key === "date") + 1;
        expect(list.getCell(2, dateColumn).value).toBeInstanceOf(Date);
        expect(list.getCell(2, dateColumn).numFmt).toBe(DATE_FORMAT);
        if (example.activityList.tableName !== null) {
          const table = list.getTable(example.activityList.tableName) as ExcelJS.Table | undefined;
          expect(table).toBeDefined();
        }
      }

      // Verbatim seed texts survive the round trip, leading and trailing spaces included.
      for (const grid of example.grids) {
        const ws = wb.getWorksheet(grid.sheet);
        if (ws === undefined) throw new Error(grid.sheet);
        const texts = new Set(stringsOf(ws));
        for (const week of grid.weeks)
          for (const row of week.rows)
            for (const c of row.cells) if (c) expect(texts).toContain(c.text);
      }

      // No personnummer in any cell.
      for (const ws of wb.worksheets) {
        for (const text of stringsOf(ws))
          expect(text).not.toMatch(/(?<!\d)(?:19|20)?\d{6}[-+]?\d{4}(?!\d)/);
      }
    },
  );
});

describe("the checks above catch what they should (mutated copies of the examples)", () => {
  const withActivities = (
    ex: ExampleWorkbook,
    change: (list: readonly ExampleActivity[]) => ExampleActivity[],
  ): ExampleWorkbook => ({ ...ex, activities: change(ex.activities) });
  const withEvents = (
    ex: ExampleWorkbook,
    change: (list: readonly ExampleEvent[]) => ExampleEvent[],
  ): ExampleWorkbook => ({ ...ex, events: change(ex.events) });
  const extra = (ex: ExampleWorkbook, violations: readonly Violation[]) =>
    found(violations).filter((k) => !declared(ex).includes(k));
  const missing = (ex: ExampleWorkbook, violations: readonly Violation[]) =>
    declared(ex).filter((k) => !found(violations).includes(k));

  test("ROM2", () => {
    const ex = ROM2_EXAMPLE;
    const part = (id: string, change: Partial<ExampleParticipant>) => ({
      ...ex,
      participants: ex.participants.map((p) => (p.id === id ? { ...p, ...change } : p)),
    });
    expect(extra(ex, rom2Violations(part("R-001", { omfattningHours: 20 })))).toEqual([
      "ROM2.OMFATTNING R-001",
    ]);
    const noMeeting = withActivities(ex, (l) =>
      l.filter(
        (a) => !(a.participantId === "R-001" && a.date === "2024-09-10" && a.category === 0),
      ),
    );
    expect(extra(ex, rom2Violations(noMeeting))).toEqual(["ROM2.MOTE14 R-001"]);
    const allLanguage = withActivities(ex, (l) =>
      l.map((a) => (a.participantId === "R-002" && a.category !== 0 ? { ...a, category: 8 } : a)),
    );
    expect(extra(ex, rom2Violations(allLanguage))).toEqual(["ROM2.SPRAK20 R-002"]);
    const remote = withActivities(ex, (l) =>
      l.map((a) => (a.participantId === "R-002" ? { ...a, mode: "eget arbete" as const } : a)),
    );
    expect(extra(ex, rom2Violations(remote))).toEqual(["ROM2.FYSISKA R-002"]);
    const alone = withActivities(ex, (l) =>
      l.filter((a) => !(a.gridCell === "cecilia/v8/fm/tis" && a.category !== 1)),
    );
    expect(extra(ex, rom2Violations(alone))).toContain("ROM2.MOTIVATION R-003");
  });

  test("Nacka", () => {
    const ex = NACKA_EXAMPLE;
    const noAvstamning = withEvents(ex, (l) =>
      l.filter((e) => !(e.participantId === "N-101" && e.date === "2024-04-25")),
    );
    expect(extra(ex, amiViolations(noAvstamning))).toEqual(["AMI.AVSTAMNING N-101"]);
    const noRevision = withEvents(ex, (l) =>
      l.filter((e) => !(e.participantId === "N-101" && e.kind === "reviderad genomförandeplan")),
    );
    expect(extra(ex, amiViolations(noRevision))).toEqual(["AMI.REVIDERAD N-101"]);
    const noMeeting = withActivities(ex, (l) =>
      l.filter(
        (a) => !(a.participantId === "N-105" && a.date === "2024-04-08" && a.category === "mote"),
      ),
    );
    expect(extra(ex, amiViolations(noMeeting))).toEqual(["AMI.KONTAKT N-105"]);
    const shortDay = withActivities(ex, (l) =>
      l.filter(
        (a) => !(a.participantId === "N-101" && a.date === "2024-05-14" && a.start >= hm("13.00")),
      ),
    );
    expect(extra(ex, amiViolations(shortDay))).toEqual(["AMI.HELTID N-101"]);
    const lessTesting = withActivities(ex, (l) =>
      l.filter((a) => !(a.participantId === "N-104" && a.date === "2024-05-15")),
    );
    expect(extra(ex, amiViolations(lessTesting))).toEqual(["FAI1.TIMMAR N-104"]);
    const certified = withActivities(ex, (l) =>
      l.map((a) =>
        a.participantId === "N-102" && a.attendance?.reason === "sjuk"
          ? { ...a, attendance: { ...a.attendance, certificate: day("2024-04-30") } }
          : a,
      ),
    );
    expect(missing(ex, amiViolations(certified))).toEqual(["AMI.INTYG N-102"]);
  });

  test("jobbspår", () => {
    const ex = JOBBSPAR_EXAMPLE;
    const outcome = withEvents(ex, (l) =>
      l.map((e) =>
        e.key === "J-203-avslut" ? { ...e, avser: "Annat: flyttat från kommunen" } : e,
      ),
    );
    expect(missing(ex, jobbsparViolations(outcome))).toEqual(["JOBBSPAR.AVSLUT J-203"]);
    const overtime = withActivities(ex, (l) => {
      const base = l.find((a) => a.participantId === "J-201" && a.date === "2024-04-22");
      if (base === undefined) throw new Error("J-201 2024-04-22");
      return [...l, { ...base, key: "extra", start: hm("16.00"), end: hm("20.00") }];
    });
    expect(extra(ex, jobbsparViolations(overtime))).toEqual(["JOBBSPAR.OVERLAPP J-201"]);
  });
});
