/**
 * The "Månadsrapport ÅÅÅÅ-MM" sheet: title lines, an Excel table with one row per participant,
 * the same figures summed per kön (000 §12.1), then one block per participant: figures, hours
 * by form, the week table with a chart beside it, categories, meetings and contacts, absences,
 * findings. Every text is a plain value (ports write it literally); no formulas. Ids arrive
 * masked in the MonthlyReport.
 *
 * A chart cannot be written by ExcelJS, so every chart's data is the week table itself: the
 * ChartSpec's dataRange covers "Vecka" and the numeric columns of that table.
 */
import { monthText, type IsoDate } from "../domain/date";
import type { ChartSpec, SheetCell, SheetModel } from "../domain/model";
import { programmeLabel, type Programme } from "../domain/programmes";
import { formatTime } from "../domain/time";
import type {
  FormKey,
  KonKey,
  MeetingStatus,
  MonthlyCounts,
  MonthlyFinding,
  MonthlyParticipant,
  MonthlyReport,
} from "./monthly";
import { FORM_KEYS } from "./monthly";
import { count, date, header, hours, MASKED_NOTE, text, title } from "./style";
import { monthlySheetName } from "./types";

export const SUMMARY_HEADERS = [
  "Deltagare",
  "Namn",
  "Kön",
  "Insats",
  "Planerade timmar",
  "Genomförda timmar",
  "Ej rapporterade timmar",
  "Frånvarotimmar",
  "På plats",
  "Distans",
  "Eget arbete",
  "Möten och kontakter",
  "Frånvarotillfällen",
  "Öppna fel",
  "Öppna varningar",
  "Godkända avvikelser",
  "Klarmarkeras senast",
] as const;

export const WEEK_HEADERS = [
  "Vecka",
  "Planerade timmar",
  "Genomförda timmar",
  "Krav (timmar per vecka)",
  "Månadens dagar",
] as const;

const COLUMN_WIDTHS = [26, 22, 14, 30, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 14];

/** Chart placement: two columns right of the week table, 8 × 14 cells. */
const CHART_COLUMN = 6;
const CHART_WIDTH = 8;
const CHART_HEIGHT = 14;

const KON_TEXT: Readonly<Record<KonKey, string>> = {
  kvinna: "Kvinna",
  man: "Man",
  annat: "Annat",
  "ej angivet": "Ej angivet",
};

const FORM_TEXT: Readonly<Record<FormKey, string>> = {
  "på plats": "På plats (hos leverantör)",
  distans: "Distans",
  "eget arbete": "Eget arbete",
  arbetsplats: "Arbetsplats",
  "annan aktör": "Annan aktör",
  "ej angiven": "Form ej angiven",
};

const SEVERITY_TEXT = { error: "Fel", warning: "Varning", info: "Info" } as const;

const STATUS_TEXT: Readonly<Record<MeetingStatus, string>> = {
  genomförd: "Genomförd",
  frånvarande: "Frånvarande",
  "ej rapporterad": "Ej rapporterad",
  planerad: "Planerad",
};

/** "A", …, "Z", "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function address(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

function programmeText(programme: Programme | null): string {
  return programme === null ? "Insats saknas" : programmeLabel(programme);
}

function konText(kon: MonthlyParticipant["kon"]): string {
  return KON_TEXT[kon ?? "ej angivet"];
}

function timeText(start: number | null, end: number | null): string {
  if (start === null) return "";
  return end === null ? formatTime(start) : `${formatTime(start)}–${formatTime(end)}`;
}

function certificateText(certificate: boolean | IsoDate | null): string {
  if (certificate === true) return "Ja";
  if (certificate === false || certificate === null) return "Saknas";
  return certificate;
}

function countsCells(c: MonthlyCounts): SheetCell[] {
  return [
    hours(c.planned),
    hours(c.held),
    hours(c.unreported),
    hours(c.absent),
    hours(c.paPlats),
    hours(c.distans),
    hours(c.egetArbete),
    count(c.meetings),
    count(c.absences),
    count(c.openErrors),
    count(c.openWarnings),
    count(c.accepted),
  ];
}

function klarText(p: MonthlyParticipant): string {
  const k = p.klarmarkering;
  if (k === null) return "Ingen klarmarkering för insatsen";
  if (k.reported === null) return "Inte klarmarkerad";
  return k.reported > k.deadline
    ? `Klarmarkerad ${k.reported}, efter fristen`
    : `Klarmarkerad ${k.reported}`;
}

function findingRows(findings: readonly MonthlyFinding[], accepted: boolean): SheetCell[][] {
  const head = accepted
    ? ["Regel", "Allvarlighet", "Från", "Till", "Skäl", "Godkänd av", "Godkänd datum", "Meddelande"]
    : ["Regel", "Allvarlighet", "Från", "Till", "Meddelande"];
  const rows: SheetCell[][] = [head.map((h) => header(h))];
  for (const f of findings) {
    const base = [text(f.ruleId), text(SEVERITY_TEXT[f.severity]), date(f.from), date(f.to)];
    rows.push(
      accepted
        ? [
            ...base,
            text(f.acceptance?.reason ?? null),
            text(f.acceptance?.acceptedBy ?? null),
            date(f.acceptance?.date ?? null),
            text(f.message),
          ]
        : [...base, text(f.message)],
    );
  }
  return rows;
}

export function monthlySheet(report: MonthlyReport): SheetModel {
  const rows: SheetCell[][] = [
    [title(`Månadsrapport för ${monthText(report.month)}`)],
    [text(`Anordnare: ${report.anordnare ?? "anges inte i bladet Inställningar"}`)],
    [text(`Skapad av Schemakoll med Idag ${report.idag}`)],
    [
      text(
        "Planerade timmar = alla aktiviteter i månaden inom deltagarens period. Genomförda = närvarande. " +
          "Ej rapporterade = passerade aktiviteter utan närvaro. På plats, Distans och Eget arbete är genomförda timmar.",
      ),
    ],
  ];
  if (report.masked) rows.push([text(MASKED_NOTE)]);
  rows.push([]);

  let table: SheetModel["table"];
  if (report.participants.length === 0) {
    rows.push([text(`Ingen deltagare har en period som omfattar ${monthText(report.month)}.`)]);
  } else {
    table = {
      name: `Manadsrapport_${report.month.replace("-", "_")}`,
      headerRow: rows.length,
      rowCount: report.participants.length,
    };
    rows.push(SUMMARY_HEADERS.map((h) => header(h)));
    for (const p of report.participants) {
      rows.push([
        text(p.participantId),
        text(p.name),
        text(konText(p.kon)),
        text(programmeText(p.programme)),
        ...countsCells(p.counts),
        text(p.klarmarkering?.deadline ?? "–"),
      ]);
    }
  }
  rows.push([]);

  rows.push([title("Fördelning per kön")]);
  rows.push(["Kön", "Deltagare", ...SUMMARY_HEADERS.slice(4, 16)].map((h) => header(h)));
  for (const k of report.byKon) {
    rows.push([text(KON_TEXT[k.kon]), count(k.participants), ...countsCells(k)]);
  }
  rows.push([
    { ...text("Totalt"), bold: true },
    count(report.total.participants),
    ...countsCells(report.total),
  ]);

  if (report.omitted.length > 0) {
    rows.push([]);
    rows.push([title("Deltagare som inte kunde tas med")]);
    for (const o of report.omitted) rows.push([text(o.participantId), text(o.reason)]);
  }

  const charts: ChartSpec[] = [];
  for (const p of report.participants) {
    rows.push([]);
    rows.push([]);
    participantBlock(p, rows, charts);
  }

  return {
    name: monthlySheetName(report.month),
    rows,
    columnWidths: COLUMN_WIDTHS,
    ...(table === undefined ? {} : { table }),
    ...(charts.length === 0 ? {} : { charts }),
  };
}

function participantBlock(p: MonthlyParticipant, rows: SheetCell[][], charts: ChartSpec[]): void {
  const heading = p.name === null ? p.participantId : `${p.participantId} – ${p.name}`;
  rows.push([title(`Deltagare ${heading}`)]);
  const label = (l: string) => text(l);
  rows.push([label("Insats"), text(programmeText(p.programme))]);
  rows.push([label("Kön"), text(konText(p.kon))]);
  rows.push([label("Period"), text(`${p.start} – ${p.end ?? "pågående"}`)]);
  rows.push([label("Månadens dagar i perioden"), text(`${p.from} – ${p.to}`)]);
  rows.push([label("Planerade timmar"), hours(p.hours.planned)]);
  rows.push([label("Genomförda timmar"), hours(p.hours.held)]);
  rows.push([label("Frånvarotimmar"), hours(p.hours.absent)]);
  rows.push([label("Ej rapporterade timmar"), hours(p.hours.unreported)]);
  rows.push([label("Kommande timmar (efter Idag)"), hours(p.hours.upcoming)]);
  if (p.withoutHours > 0) {
    rows.push([label("Aktiviteter utan tid (räknas 0 timmar)"), count(p.withoutHours)]);
  }
  rows.push([label("Möten och kontakter"), count(p.counts.meetings)]);
  rows.push([label("Frånvarotillfällen"), count(p.counts.absences)]);
  rows.push([
    label("Klarmarkeras senast"),
    text(p.klarmarkering?.deadline ?? "–"),
    text(klarText(p)),
  ]);

  rows.push([]);
  rows.push([header("Form"), header("Planerade timmar"), header("Genomförda timmar")]);
  for (const key of FORM_KEYS) {
    const f = p.forms[key];
    const always = key === "på plats" || key === "distans" || key === "eget arbete";
    if (always || f.planned > 0) rows.push([text(FORM_TEXT[key]), hours(f.planned), hours(f.held)]);
  }

  rows.push([]);
  rows.push([title("Timmar per vecka")]);
  const weekHeader = rows.length;
  rows.push(WEEK_HEADERS.map((h) => header(h)));
  for (const w of p.weeks) {
    rows.push([
      text(w.label),
      hours(w.planned),
      hours(w.held),
      w.requirement === null ? text("–") : hours(w.requirement),
      text(w.from === w.to ? w.from : `${w.from} – ${w.to}`),
    ]);
  }
  const lastWeekRow = rows.length - 1;
  const hasRequirement = p.weeks.some((w) => w.requirement !== null);
  if (p.weeks.length > 0) {
    charts.push({
      title: `Timmar per vecka – ${p.participantId}`,
      type: "columnClustered",
      dataRange: `${address(weekHeader, 0)}:${address(lastWeekRow, hasRequirement ? 3 : 2)}`,
      anchor: address(weekHeader, CHART_COLUMN),
      widthColumns: CHART_WIDTH,
      heightRows: CHART_HEIGHT,
    });
  }
  rows.push([
    text(
      "En vecka som delas med en annan månad räknar bara månadens dagar; kravet gäller hela veckan.",
    ),
  ]);
  const sources = [...new Set(p.weeks.flatMap((w) => w.requirementSource ?? []))];
  for (const s of sources) rows.push([text(`Krav: ${s}`)]);

  rows.push([]);
  rows.push([header("Kategori"), header("Planerade timmar"), header("Genomförda timmar")]);
  for (const c of p.categories) rows.push([text(c.name), hours(c.planned), hours(c.held)]);
  if (p.categories.length === 0) rows.push([text("Inga aktiviteter under månaden.")]);

  // Keep the chart's rows free of wide tables: what follows starts below it.
  while (rows.length < weekHeader + CHART_HEIGHT + 1) rows.push([]);

  rows.push([]);
  rows.push([title("Möten och kontakter")]);
  if (p.meetings.length === 0) rows.push([text("Inga möten eller kontakter under månaden.")]);
  else {
    rows.push(["Datum", "Tid", "Källa", "Status", "Beskrivning"].map((h) => header(h)));
    for (const m of p.meetings) {
      rows.push([
        date(m.date),
        text(timeText(m.start, m.end)),
        text(m.source === "schema" ? "Schema" : "Händelser"),
        text(STATUS_TEXT[m.status]),
        text(m.description),
      ]);
    }
  }

  rows.push([]);
  rows.push([title("Frånvaro")]);
  if (p.absences.length === 0) rows.push([text("Ingen registrerad frånvaro under månaden.")]);
  else {
    rows.push(
      ["Datum", "Tid", "Timmar", "Orsak", "Intyg", "Meddelad KV", "Aktivitet"].map((h) =>
        header(h),
      ),
    );
    for (const a of p.absences) {
      rows.push([
        date(a.date),
        text(timeText(a.start, a.end)),
        a.hours === null ? text(null) : hours(a.hours),
        text(a.reason ?? "ej angiven"),
        text(certificateText(a.certificate)),
        date(a.reportedDate),
        text(a.text),
      ]);
    }
  }

  rows.push([]);
  rows.push([title("Avvikelser under månaden")]);
  if (p.openFindings.length === 0) rows.push([text("Inga öppna avvikelser.")]);
  else rows.push(...findingRows(p.openFindings, false));

  rows.push([]);
  rows.push([title("Godkända avvikelser")]);
  if (p.acceptedFindings.length === 0) rows.push([text("Inga godkända avvikelser.")]);
  else rows.push(...findingRows(p.acceptedFindings, true));
}
