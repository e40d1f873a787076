/**
 * Fakturaunderlag: what the anordnare may invoice for a month (regelkatalog.md, Compensation and
 * Reports; source 003 §9). One row per participant with insatsdagar in the month (ERS.MANAD /
 * ERS.DAG), plus a row per decided tilläggscheck (ERS.TILLAGG) and the one-time bonus
 * (ERS.BONUS). A programme without a tariff is refused with a message, never a 0 kr row.
 *
 * Tolkning (which programmes): bonus and tilläggscheck are written in Nacka's common kundval
 * routines (003 §9.2–9.3), which cover JPG, JPF and SAI. The FAI bilaga (001) says nothing about
 * compensation, bonus or tilläggscheck, so — as the catalog does for every AMI.* rule — the
 * common routines apply to FAI1 and FAI2 as well. Events of the kind in other programmes (ROM2,
 * ITA, JOBBSPAR) give an info problem and no row.
 *
 * Tolkning (flags): ERS.SEN and EJ_KLARMARKERAD belong to the insats row only (the månadsrapport
 * is what the monthly compensation is tied to), and only in programmes where AMI.MANADSRAPPORT
 * applies; its deadline day ("AMI.MANADSRAPPORT.dag" in Inställningar) is resolved as the rule
 * engine does. A report event without a readable month in Avser is about the month before its
 * date, as in AMI.MANADSRAPPORT.
 *
 * Tolkning (tilläggscheck): a "tilläggscheck" event is the karriärvägledare's decision; it is
 * invoiced in the month of its date with the amount written in Avser.
 *
 * Tolkning (bonus, 003 §9.2): the six months run from the "egen försörjning start" event
 * (Avser: anställning, timanställning heltid, studier/CSN; an event without Avser counts, the
 * anordnare proves the kind with intyg). Avser naming a temporary benefit (etableringsersättning,
 * a-kassa, ALFA-kassa, aktivitetsstöd) never counts. The bonus is invoiced in the month of the
 * bonusrapport when it is dated at least six months after that start, a slutrapport exists and
 * the insats's last month has its "månadsrapport klar"; once per participant.
 */
import { addMonths } from "../domain/calendar";
import { firstDayOf, lastDayOf, yearMonthOf, type IsoDate, type YearMonth } from "../domain/date";
import type { Participant, ScheduleEvent, Settings, SourceRef } from "../domain/model";
import { monthlyCompensation } from "../domain/compensation";
import { groupedInteger } from "../domain/numbers";
import { maskPersonnummerInText, displayId } from "../domain/personnummer";
import { AMI_PROGRAMMES, programmeName, type Programme } from "../domain/programmes";
import { reportDeadline, REPORT_DEADLINE_DAY } from "../domain/requirements";
import { BONUS_AMOUNT, isValidTillagg } from "../domain/tariffs";
import { fold } from "../domain/vocabulary/fold";
import { eventMonth } from "../rules/ami/util";
import { resolveParams } from "../rules/engine";
import { RULES } from "../rules/registry";
import type {
  Invoice,
  InvoiceFlag,
  InvoiceProblem,
  InvoiceRefusal,
  InvoiceRow,
  ReportInput,
} from "./types";

/** Months of egen försörjning a bonus needs (003 §9.2 "hållbarhetskrav på 6 månader i följd"). */
export const BONUS_MONTHS = 6;

/**
 * The Inställningar parameter that switches part months to round(monthly / 30 × days). Either
 * name is accepted (case, å/ä/ö and spaces do not matter); the value ja/nej, sant/falskt,
 * true/false, 1/0 or an Excel boolean. Missing or unreadable: the listed day rate (the default).
 */
export const EXACT_DAY_RATE_KEYS = ["Exakt dagersättning", "ERS.DAG.exakt"] as const;

/**
 * An amount as a person writes it in Avser: "10 000", "10000 kr", "10 000 kronor", "10'000",
 * "10.000:-", "10 000,00 SEK". Null when the text is not one amount.
 */
export function parseKronor(text: string): number | null {
  const t = text
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .trim()
    .toLowerCase()
    .replace(/\s*(kr\.?|kronor|sek|:-)$/u, "")
    .trim();
  const m = /^(\d{1,3}(?:[ '’.]\d{3})+|\d+)(?:,0{1,2})?$/u.exec(t);
  if (m === null) return null;
  return Number((m[1] ?? "").replace(/[ '’.]/g, ""));
}

function sameId(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function inMonth(date: IsoDate, month: YearMonth): boolean {
  return yearMonthOf(date) === month;
}

/** The exact-day-rate setting (see EXACT_DAY_RATE_KEYS). */
export function exactDayRateSetting(settings: Settings): boolean {
  const keys = EXACT_DAY_RATE_KEYS.map((k) => fold(k).replace(/\s+/g, ""));
  for (const [name, value] of Object.entries(settings.parameters)) {
    if (!keys.includes(fold(name).replace(/\s+/g, ""))) continue;
    if (typeof value === "boolean") return value;
    if (typeof value === "number") return value === 1;
    const t = fold(value).trim();
    return ["ja", "sant", "true", "1"].includes(t);
  }
  return false;
}

/** AMI.MANADSRAPPORT as the engine runs it: its programmes and its (possibly overridden) day. */
function reportRule(settings: Settings): { programmes: readonly Programme[]; day: number } {
  const rule = RULES.find((r) => r.id === "AMI.MANADSRAPPORT");
  if (rule === undefined) return { programmes: [], day: REPORT_DEADLINE_DAY };
  const dag = resolveParams(rule, settings).params.dag;
  const n = typeof dag === "number" ? dag : REPORT_DEADLINE_DAY;
  // The same clamp as the rule itself: a day that exists in every month.
  return { programmes: rule.programmes, day: Math.min(28, Math.max(1, Math.round(n))) };
}

/** Tolkning: temporary benefits named in 003 §9.2 that never make egen försörjning count. */
const TEMPORARY_BENEFIT =
  /etableringsersattning|a-?kassa|alfa-?kassa|aktivitetsstod|tillfallig ersattning/u;

function isTemporaryBenefit(e: ScheduleEvent): boolean {
  return e.avser !== null && TEMPORARY_BENEFIT.test(fold(e.avser));
}

/** Whole months from `start` to `date` (the largest n with start + n months ≤ date). */
function monthsLasted(start: IsoDate, date: IsoDate): number {
  let n = 0;
  while (n < 1200 && addMonths(start, n + 1) <= date) n++;
  return n;
}

interface Ctx {
  month: YearMonth;
  idag: IsoDate;
  problems: InvoiceProblem[];
}

function insatsRow(
  p: Participant & { programme: Programme; start: IsoDate },
  events: readonly ScheduleEvent[],
  input: ReportInput,
  ctx: Ctx,
  report: { programmes: readonly Programme[]; day: number },
  exact: boolean,
): InvoiceRow | { refused: true } | null {
  const result = monthlyCompensation({
    programme: p.programme,
    start: p.start,
    end: p.end,
    month: ctx.month,
    workbookTariffs: input.tariffs,
    exactDayRate: exact,
  });
  if (result.kind === "outside") return null;
  if (result.kind === "noTariff") return { refused: true };
  const flags: InvoiceFlag[] = [];
  const refs: SourceRef[] = [...p.refs];
  if (report.programmes.includes(p.programme)) {
    const deadline = reportDeadline(ctx.month, report.day);
    const done = events.find((e) => e.kind === "månadsrapport klar" && eventMonth(e) === ctx.month);
    if (done !== undefined) {
      refs.push(...done.refs);
      if (done.date > deadline) flags.push("ERS.SEN");
    } else if (ctx.idag > deadline) flags.push("EJ_KLARMARKERAD");
  }
  if (result.capped) flags.push("TAK");
  return {
    participantId: displayId(p.id),
    rawParticipantId: p.id,
    programme: p.programme,
    from: result.from,
    to: result.to,
    days: result.days,
    amount: result.amount,
    ruleId: result.ruleId,
    flags,
    refs,
  };
}

const TILLAGG_LEVELS = "bara 5 000, 10 000 eller 15 000 kr kan beslutas (9.3)";

function tillaggRows(
  p: Participant & { programme: Programme },
  events: readonly ScheduleEvent[],
  ctx: Ctx,
): InvoiceRow[] {
  const id = displayId(p.id);
  const rows: InvoiceRow[] = [];
  for (const e of events) {
    if (e.kind !== "tilläggscheck" || !inMonth(e.date, ctx.month)) continue;
    if (!AMI_PROGRAMMES.includes(p.programme)) {
      ctx.problems.push({
        participantId: id,
        ruleId: "ERS.TILLAGG",
        severity: "info",
        message: `Tilläggscheck ${e.date} för ${id} faktureras inte: tilläggscheckar finns bara i Nackas kundvalsinsatser (JPG, JPF, SAI, FAI 1, FAI 2), inte i ${programmeName(p.programme)}.`,
        refs: e.refs,
      });
      continue;
    }
    const written = e.avser === null ? "" : e.avser.trim();
    const amount = written === "" ? null : parseKronor(written);
    if (amount === null || !isValidTillagg(amount)) {
      const what =
        written === ""
          ? `Tilläggscheck ${e.date} för ${id} saknar belopp i Avser – ${TILLAGG_LEVELS.replace("bara ", "skriv ")}.`
          : amount === null
            ? `Tilläggscheck ${e.date} för ${id} har beloppet "${maskPersonnummerInText(written)}" som inte går att läsa – ${TILLAGG_LEVELS}.`
            : `Tilläggscheck ${groupedInteger(amount)} kr för ${id} är inget giltigt belopp – ${TILLAGG_LEVELS}.`;
      ctx.problems.push({
        participantId: id,
        ruleId: "ERS.TILLAGG",
        severity: "error",
        message: what,
        refs: e.refs,
      });
      continue;
    }
    rows.push({
      participantId: id,
      rawParticipantId: p.id,
      programme: p.programme,
      from: e.date,
      to: e.date,
      days: null,
      amount,
      ruleId: "ERS.TILLAGG",
      flags: [],
      refs: e.refs,
    });
  }
  return rows;
}

/** Why a bonusrapport cannot (yet) give the bonus; empty when it can. */
function bonusGaps(
  p: Participant,
  events: readonly ScheduleEvent[],
  report: ScheduleEvent,
): { missing: string[]; start: ScheduleEvent | null } {
  const missing: string[] = [];
  // Tolkning: a temporary benefit after a qualifying start breaks "6 månader i följd"; the six
  // months count from the first qualifying start after the last temporary one.
  const before = events.filter((e) => e.kind === "egen försörjning start" && e.date <= report.date);
  let start: ScheduleEvent | null = null;
  for (const e of before) {
    if (isTemporaryBenefit(e)) start = null;
    else start ??= e;
  }
  if (start === null) {
    missing.push(
      before.length > 0
        ? "egen försörjningen bygger på en tillfällig ersättning (etableringsersättning, a-kassa, ALFA-kassa, aktivitetsstöd), som aldrig grundar bonus"
        : 'ingen händelse "egen försörjning start" (anställning, heltids timanställning eller CSN-berättigade studier) är registrerad',
    );
  } else {
    const earliest = addMonths(start.date, BONUS_MONTHS);
    if (report.date < earliest) {
      const n = monthsLasted(start.date, report.date);
      missing.push(
        `egen försörjning har varat ${n} ${n === 1 ? "månad" : "månader"}, minst ${BONUS_MONTHS} krävs – tidigast ${earliest}`,
      );
    }
  }
  const slut = events.find((e) => e.kind === "slutrapport");
  if (slut === undefined) missing.push("slutrapport saknas");
  // Tolkning: the insats's last month is slutdatum's month; without slutdatum the slutrapport's.
  const endDate = p.end ?? slut?.date ?? null;
  if (endDate !== null) {
    const last = yearMonthOf(endDate);
    const done = events.some((e) => e.kind === "månadsrapport klar" && eventMonth(e) === last);
    if (!done)
      missing.push(`månadsrapporten för insatsens sista månad ${last} är inte klarmarkerad`);
  }
  return { missing, start };
}

function bonusRow(
  p: Participant & { programme: Programme },
  events: readonly ScheduleEvent[],
  ctx: Ctx,
): InvoiceRow | null {
  const id = displayId(p.id);
  const inThisMonth = (e: ScheduleEvent) => inMonth(e.date, ctx.month);
  if (!AMI_PROGRAMMES.includes(p.programme)) {
    for (const e of events.filter((x) => x.kind === "bonusrapport" && inThisMonth(x)))
      ctx.problems.push({
        participantId: id,
        ruleId: "ERS.BONUS",
        severity: "info",
        message: `Bonusrapport ${e.date} för ${id} faktureras inte: bonus finns bara i Nackas kundvalsinsatser (JPG, JPF, SAI, FAI 1, FAI 2), inte i ${programmeName(p.programme)}.`,
        refs: e.refs,
      });
    return null;
  }
  for (const e of events) {
    if (e.kind === "egen försörjning start" && inThisMonth(e) && isTemporaryBenefit(e)) {
      ctx.problems.push({
        participantId: id,
        ruleId: "ERS.BONUS",
        severity: "warning",
        message: `Egen försörjning från ${e.date} för ${id} via "${maskPersonnummerInText(e.avser ?? "")}" grundar inte bonus: tillfälliga ersättningar (etableringsersättning, a-kassa, ALFA-kassa, aktivitetsstöd) räknas aldrig (9.2).`,
        refs: e.refs,
      });
    }
  }
  let paid: ScheduleEvent | null = null;
  let row: InvoiceRow | null = null;
  for (const e of events) {
    if (e.kind !== "bonusrapport" || e.date > lastDayOf(ctx.month)) continue;
    const earlier = e.date < firstDayOf(ctx.month);
    if (paid !== null) {
      if (!earlier)
        ctx.problems.push({
          participantId: id,
          ruleId: "ERS.BONUS",
          severity: "info",
          message: `Bonusrapport ${e.date} för ${id} ger ingen ny bonus: bonusen betalas en gång och grundades redan av bonusrapporten ${paid.date}.`,
          refs: e.refs,
        });
      continue;
    }
    const { missing, start } = bonusGaps(p, events, e);
    if (missing.length === 0) {
      paid = e;
      if (!earlier)
        row = {
          participantId: id,
          rawParticipantId: p.id,
          programme: p.programme,
          from: e.date,
          to: e.date,
          days: null,
          amount: BONUS_AMOUNT,
          ruleId: "ERS.BONUS",
          flags: [],
          refs: [...e.refs, ...(start?.refs ?? [])],
        };
    } else if (!earlier) {
      ctx.problems.push({
        participantId: id,
        ruleId: "ERS.BONUS",
        severity: "error",
        message: `Bonus kan inte faktureras för ${id} på bonusrapporten ${e.date}: ${missing.join("; ")} (9.2).`,
        refs: e.refs,
      });
    }
  }
  return row;
}

function refusalMessage(programme: Programme, month: YearMonth, ids: readonly string[]): string {
  const who = ids.length === 1 ? `deltagaren ${ids[0] ?? ""}` : `deltagarna ${ids.join(", ")}`;
  return (
    `Ingen ersättningsnivå finns för ${programmeName(programme)} (${programme}) i ${month}, så ` +
    `${who} kan inte faktureras. Lägg till en rad i bladet Ersättningar ` +
    "(Insats · Gäller från · Månadsbelopp · Dagersättning)."
  );
}

/** The invoice basis of a month. `idag` decides whether a missing månadsrapport is overdue. */
export function buildInvoice(
  input: ReportInput,
  month: YearMonth,
  options: { idag: IsoDate },
): Invoice {
  const ctx: Ctx = { month, idag: options.idag, problems: [] };
  const report = reportRule(input.settings);
  const exact = exactDayRateSetting(input.settings);
  const rows: InvoiceRow[] = [];
  const refusedIds = new Map<Programme, string[]>();
  const seen = new Set<string>();
  for (const p of input.participants) {
    const { programme, start } = p;
    if (programme === null || start === null) continue; // LAS.REGISTER says why
    const key = p.id.trim().toLowerCase();
    if (seen.has(key)) continue; // a duplicated register row is a read problem, not two invoices
    seen.add(key);
    const events = input.events
      .filter((e) => sameId(e.participantId, p.id))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const person = { ...p, programme, start };
    const main = insatsRow(person, events, input, ctx, report, exact);
    if (main !== null && "refused" in main) {
      refusedIds.set(programme, [...(refusedIds.get(programme) ?? []), displayId(p.id)]);
    } else if (main !== null) rows.push(main);
    rows.push(...tillaggRows(person, events, ctx));
    const bonus = bonusRow(person, events, ctx);
    if (bonus !== null) rows.push(bonus);
  }
  const refused: InvoiceRefusal[] = [...refusedIds].map(([programme, participantIds]) => ({
    programme,
    participantIds,
    message: refusalMessage(programme, month, participantIds),
  }));
  return {
    month,
    anordnare: input.settings.anordnare,
    rows,
    total: rows.reduce((sum, r) => sum + r.amount, 0),
    refused,
    problems: ctx.problems,
  };
}
