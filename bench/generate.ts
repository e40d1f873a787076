/**
 * The benchmark's workbook generator: N participants × 12 months of schedules as in-memory
 * SheetData, in the layouts of mallar.md, deterministic for a given seed (no clock, no
 * Math.random). Two layouts:
 *
 * - "weekgrid": a Deltagare register, one week-grid sheet per participant ("Vecka 21 2024" with
 *   Måndag … Fredag across, time blocks "8.00-12.00" / "Lunch" / "13.00-16.30" down), every
 *   other participant with a row of dates under the weekday names, plus Händelser and
 *   Inställningar.
 * - "activitylist": the same register, an Aktiviteter sheet with a row per activity (continued
 *   on "Aktiviteter 2", … past Excel's 1,048,576 rows), Händelser and Inställningar.
 *
 * The cell texts are the coordinators' own: seed 000's cells (test/fixtures/seed000-celler.json)
 * for Rusta och matcha 2, and the phrases of the example workbooks for Nacka's insatser and
 * FAI. Every id is invented ("D-00001"); there is no personnummer anywhere.
 */
import seedCells from "../test/fixtures/seed000-celler.json";
import { addDays, addMonths, isoWeekOf, isoWeekStart } from "../src/domain/calendar";
import type { IsoDate } from "../src/domain/date";
import type { SheetData } from "../src/domain/model";
import { PROGRAMMES, type Programme } from "../src/domain/programmes";

export type Layout = "weekgrid" | "activitylist";

export interface GenerateOptions {
  participants: number;
  layout: Layout;
  /** Months of schedule per participant (12 in the benchmark). */
  months?: number;
  seed?: number;
  /** Rows per activity-list sheet, header included (Excel's 1,048,576 by default). */
  sheetRows?: number;
}

/** The rows of one Excel worksheet. */
const EXCEL_MAX_ROWS = 1_048_576;

export interface GeneratedWorkbook {
  sheets: SheetData[];
  /** Activities the reader should find, per participant id. */
  expectedActivities: Map<string, number>;
  totalActivities: number;
  /** Number of cells in all sheets (rows × columns as generated). */
  cells: number;
  /** The reference date written in Inställningar. */
  idag: IsoDate;
}

/** The reference date every generated workbook states ("Idag" in Inställningar). */
export const BENCH_IDAG = "2025-07-01" as IsoDate;

/** mulberry32: a small deterministic PRNG, enough for picking texts. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** A schedule text with the number of activities a coordinator reads in it. */
interface PoolText {
  text: string;
  activities: number;
  /** The Form column for the activity list ("På plats", "Eget arbete", …). */
  form: string;
}

/** One time block of a grid: its row label, its times (for the list) and the texts that fit it. */
interface Block {
  label: string;
  start: string;
  end: string;
  texts: readonly PoolText[];
}

interface SeedCell {
  schedule: string;
  rowLabel: string;
  text: string;
  activities: readonly { mode: string | null }[];
}

const FORM_OF_MODE: Record<string, string> = {
  "eget arbete": "Eget arbete",
  "hos leverantör": "På plats",
  "distans med handledare": "Distans",
};

function seedTexts(rowLabel: string): PoolText[] {
  return (seedCells.cells as readonly SeedCell[])
    .filter((c) => c.rowLabel === rowLabel)
    .map((c) => ({
      text: c.text,
      activities: c.activities.length,
      form: FORM_OF_MODE[c.activities.at(-1)?.mode ?? ""] ?? "På plats",
    }));
}

const plain = (form: string, ...texts: string[]): PoolText[] =>
  texts.map((text) => ({ text, activities: 1, form }));

/** Rusta och matcha 2, seed 000 nivå A (plain time blocks) and nivå C (blocks with a mode). */
const ROM2_LAYOUTS: readonly (readonly Block[])[] = [
  [
    { label: "8.00-12.00", start: "8.00", end: "12.00", texts: seedTexts("8.00-12.00") },
    { label: "13.00-16.30", start: "13.00", end: "16.30", texts: seedTexts("13.00-16.30") },
  ],
  [
    {
      label: "På distans 8.00-12.00",
      start: "8.00",
      end: "12.00",
      texts: seedTexts("På distans 8.00-12.00"),
    },
    {
      label: "Hos Leverantör 13.00-16.30",
      start: "13.00",
      end: "16.30",
      texts: seedTexts("Hos Leverantör 13.00-16.30"),
    },
  ],
];

/** Nacka kundval (JPG, JPF, SAI): the example workbook's phrases. */
const NACKA_MORNING: readonly PoolText[] = [
  ...plain(
    "På plats",
    "Kartläggning av kompetenser och arbetslivserfarenhet",
    "Jobbsökning: CV och personligt brev",
    "Studie- och yrkesvägledning",
    "Gruppaktivitet: intervjuträning",
    "Möte med jobbexpert",
  ),
  ...plain("Eget arbete", "Jobbsökning: sök minst fem tjänster"),
  ...plain("Annan aktör", "Vårdinsats: samtal hos kurator på vårdcentralen"),
];
const NACKA_AFTERNOON: readonly PoolText[] = [
  ...plain("Eget arbete", "Jobbsökning på egen hand via Platsbanken", "Jobbsökning på egen hand"),
  ...plain(
    "På plats",
    "Matchning mot arbetsgivare inom handel",
    "Gruppaktivitet: arbetsmarknaden i Stockholms län",
    "Gruppaktivitet: struktur och motivation i vardagen",
  ),
];
const WORKPLACE: Partial<Record<Programme, PoolText>> = {
  JPG: { text: "Praktik på Sickla Café & Bageri", activities: 1, form: "Arbetsplats" },
  JPF: { text: "Arbetsträning på Nacka Second Hand", activities: 1, form: "Arbetsplats" },
  SAI: { text: "Språkträning på Förskolan Ekorren", activities: 1, form: "Arbetsplats" },
};
const SAI_MORNING: readonly PoolText[] = plain("Annan aktör", "SFI kurs C", "SFI kurs D");

/** FAI 1 and FAI 2 (seed 001's bilaga): the example workbook's phrases. */
const FAI_TEXTS: readonly PoolText[] = plain(
  "På plats",
  "Hälsofrämjande aktivitet: promenad i Nyckelviken",
  "Social träning i grupp",
  "Digital utveckling: BankID och 1177",
  "Vardagsrutiner: planera veckan",
  "Arbetsmarknadskunskap: yrken inom handel och service",
  "Studiebesök på en arbetsplats",
  "Möte med jobbexpert",
);

function blocksFor(programme: Programme, index: number): readonly Block[] {
  switch (programme) {
    case "ROM2":
      return ROM2_LAYOUTS[index % 2] ?? [];
    case "SAI":
      return [
        { label: "8.30-11.30", start: "8.30", end: "11.30", texts: SAI_MORNING },
        { label: "12.30-17.30", start: "12.30", end: "17.30", texts: NACKA_AFTERNOON },
      ];
    case "FAI1":
    case "FAI2":
      return [
        { label: "9.00-12.00", start: "9.00", end: "12.00", texts: FAI_TEXTS },
        { label: "13.00-15.00", start: "13.00", end: "15.00", texts: FAI_TEXTS },
      ];
    default:
      return [
        { label: "8.00-12.00", start: "8.00", end: "12.00", texts: NACKA_MORNING },
        { label: "13.00-17.00", start: "13.00", end: "17.00", texts: NACKA_AFTERNOON },
      ];
  }
}

/** The programme mix: Rusta och matcha 2 the largest, then Nacka's three insatser and FAI. */
const MIX: readonly Programme[] = [
  "ROM2",
  "ROM2",
  "ROM2",
  "ROM2",
  "JPG",
  "JPG",
  "JPF",
  "SAI",
  "FAI1",
  "FAI2",
];

const FIRST_NAMES = [
  "Anna",
  "Erik",
  "Fatima",
  "Johan",
  "Maria",
  "Ahmed",
  "Sara",
  "Lars",
  "Amina",
  "Karin",
  "Mohammed",
  "Eva",
  "Per",
  "Leila",
  "Nils",
  "Sofia",
];
const LAST_NAMES = [
  "Andersson",
  "Berg",
  "Hassan",
  "Lindqvist",
  "Nilsson",
  "Yusuf",
  "Ek",
  "Karlsson",
  "Ali",
  "Holm",
  "Svensson",
  "Omar",
];

interface GenParticipant {
  id: string;
  name: string;
  programme: Programme;
  start: IsoDate;
  end: IsoDate;
  index: number;
}

/** "D-00001". Five digits, so that no id is a word of another's heading. */
export function participantId(index: number): string {
  return `D-${String(index + 1).padStart(5, "0")}`;
}

function participantsOf(count: number, months: number, random: () => number): GenParticipant[] {
  const out: GenParticipant[] = [];
  for (let i = 0; i < count; i++) {
    const programme = MIX[i % MIX.length] ?? "ROM2";
    // Starts spread over the first half of 2024, always on a Monday.
    const start = isoWeekStart(2024, 2 + (i % 24));
    if (start === null) throw new Error("week start");
    out.push({
      id: participantId(i),
      name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
      programme,
      start,
      end: addDays(addMonths(start, months), -1),
      index: i,
    });
  }
  return out;
}

const REGISTER_HEADER = [
  "Deltagare",
  "Namn",
  "Kön",
  "Insats",
  "Nivå",
  "Beslutsdatum",
  "Startdatum",
  "Slutdatum",
  "Omfattning",
  "Ekonomiskt bistånd",
];

function registerSheet(people: readonly GenParticipant[]): SheetData {
  const values: unknown[][] = [["Deltagarregister – benchmark"], [], REGISTER_HEADER];
  for (const p of people) {
    const rom2 = p.programme === "ROM2";
    values.push([
      p.id,
      p.name,
      p.index % 2 === 0 ? "Kvinna" : "Man",
      PROGRAMMES[p.programme].name,
      rom2 ? (["A", "B", "C"][p.index % 3] ?? "A") : "",
      addDays(p.start, -14),
      p.start,
      p.end,
      rom2 ? "heltid" : p.programme.startsWith("FAI") ? "25 h" : "40 h",
      p.index % 3 === 0 ? "Ja" : "Nej",
    ]);
  }
  return { name: "Deltagare", values };
}

const WEEKDAYS = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"];

/** One planned cell: the text and the activities in it (for the list: with its block's times). */
interface PlannedCell {
  date: IsoDate;
  block: Block;
  text: PoolText;
}

/** The week's cells of a participant: every block of every weekday, a few left empty. */
function plannedWeek(
  p: GenParticipant,
  monday: IsoDate,
  blocks: readonly Block[],
  random: () => number,
): (PlannedCell | null)[][] {
  const workplace = WORKPLACE[p.programme];
  return blocks.map((block, b) =>
    WEEKDAYS.map((_, d) => {
      if (random() < 0.04) return null;
      const date = addDays(monday, d);
      // Nacka's participants are at a workplace Tuesday–Thursday from their third month.
      const atWork =
        workplace !== undefined && b === 1 && d >= 1 && d <= 3 && date >= addMonths(p.start, 2);
      let text = atWork ? workplace : pick(random, block.texts);
      // Now and then an absence marker (mallar.md §2), one activity all the same.
      const roll = random();
      if (roll < 0.01) text = { ...text, text: `${text.text} (sjuk)` };
      else if (roll < 0.015) text = { ...text, text: `${text.text} (VAB)` };
      return { date, block, text };
    }),
  );
}

function mondaysOf(p: GenParticipant): IsoDate[] {
  const out: IsoDate[] = [];
  for (let monday = p.start; monday <= p.end; monday = addDays(monday, 7)) out.push(monday);
  return out;
}

function weekGridSheet(
  p: GenParticipant,
  random: () => number,
  count: (n: number) => void,
): SheetData {
  const blocks = blocksFor(p.programme, p.index);
  const values: unknown[][] = [[`Deltagare: ${p.id} – ${PROGRAMMES[p.programme].name}`], []];
  const withDates = p.index % 2 === 1;
  for (const monday of mondaysOf(p)) {
    const { year, week } = isoWeekOf(monday);
    values.push([`Vecka ${week} ${year}`, ...WEEKDAYS]);
    if (withDates) values.push(["", ...WEEKDAYS.map((_, d) => addDays(monday, d))]);
    const planned = plannedWeek(p, monday, blocks, random);
    planned.forEach((row, b) => {
      const block = blocks[b];
      if (block === undefined) return;
      if (b === 1) values.push(["Lunch", "Lunch", "Lunch", "Lunch", "Lunch", "Lunch"]);
      values.push([
        block.label,
        ...row.map((cell) => {
          if (cell === null) return "";
          count(cell.text.activities);
          return cell.text.text;
        }),
      ]);
    });
    values.push([]);
  }
  return { name: p.id, values };
}

const LIST_HEADER = ["Deltagare", "Datum", "Start", "Slut", "Aktivitet", "Form", "Närvaro"];

function activityListRows(
  p: GenParticipant,
  random: () => number,
  count: (n: number) => void,
): unknown[][] {
  const blocks = blocksFor(p.programme, p.index);
  const rows: unknown[][] = [];
  for (const monday of mondaysOf(p)) {
    const planned = plannedWeek(p, monday, blocks, random);
    for (let d = 0; d < WEEKDAYS.length; d++) {
      for (const row of planned) {
        const cell = row[d];
        if (cell === null || cell === undefined) continue;
        // A list row holds one activity: a grid cell with two is not a list text.
        const text = cell.text.activities === 1 ? cell.text : pick(random, singleTexts(cell.block));
        const sick = /\((sjuk|VAB)\)$/.exec(text.text);
        count(1);
        rows.push([
          p.id,
          cell.date,
          cell.block.start,
          cell.block.end,
          sick === null ? text.text : text.text.slice(0, sick.index).trim(),
          text.form,
          sick === null ? "Närvarande" : sick[1] === "sjuk" ? "Sjuk" : "VAB",
        ]);
      }
    }
  }
  return rows;
}

function singleTexts(block: Block): PoolText[] {
  return block.texts.filter((t) => t.activities === 1);
}

const EVENT_HEADER = ["Deltagare", "Datum", "Händelse", "Avser", "Kommentar"];

/** Uppstartsmöte, genomförandeplan, and per month avstämning, trepartsmöte and månadsrapport. */
function eventRows(p: GenParticipant): unknown[][] {
  const rows: unknown[][] = [
    [p.id, p.start, "Uppstartsmöte", "", ""],
    [p.id, addDays(p.start, 9), "Genomförandeplan", "", ""],
  ];
  for (let m = 0; m < 12; m++) {
    const monthStart = addMonths(p.start, m);
    if (monthStart > p.end) break;
    rows.push([p.id, addDays(monthStart, 21), "Avstämning genomförandeplan", "", ""]);
    if (p.programme !== "ROM2")
      rows.push([p.id, addDays(monthStart, 23), "Trepartsmöte", "", "Med handläggare"]);
    const month = addMonths(p.start, m).slice(0, 7);
    rows.push([p.id, addDays(addMonths(p.start, m + 1), 3), "Månadsrapport klar", month, ""]);
  }
  rows.push([p.id, addDays(p.end, 5), "Slutrapport", "", ""]);
  return rows;
}

function settingsSheet(): SheetData {
  return {
    name: "Inställningar",
    values: [
      ["Parameter", "Värde"],
      ["Idag", BENCH_IDAG],
      ["Anordnare", "Benchmark AB"],
      ["Heltid timmar", 40],
    ],
  };
}

/** A workbook of `participants` participants with `months` months of schedule each. */
export function generateWorkbook(options: GenerateOptions): GeneratedWorkbook {
  const months = options.months ?? 12;
  const random = rng(options.seed ?? 20240101);
  const people = participantsOf(options.participants, months, random);
  const expected = new Map<string, number>();
  const sheets: SheetData[] = [settingsSheet(), registerSheet(people)];
  const events: unknown[][] = [EVENT_HEADER];
  if (options.layout === "weekgrid") {
    for (const p of people) {
      let n = 0;
      sheets.push(weekGridSheet(p, random, (k) => (n += k)));
      expected.set(p.id, n);
      events.push(...eventRows(p));
    }
  } else {
    const list: unknown[][] = [LIST_HEADER];
    for (const p of people) {
      let n = 0;
      list.push(...activityListRows(p, random, (k) => (n += k)));
      expected.set(p.id, n);
      events.push(...eventRows(p));
    }
    // One sheet holds at most Excel's 1,048,576 rows: a longer list (5,000 participants ×
    // 12 months is ~2.5 million rows) continues on "Aktiviteter 2", … each with the header,
    // as a coordinator would have to split it. One sheet held everything before, and the
    // reader (rightly) stopped at row 1,048,576: the 5,000 figures measured 41 % of the list.
    const perSheet = Math.max(1, (options.sheetRows ?? EXCEL_MAX_ROWS) - 1);
    const rows = list.slice(1);
    for (let i = 0, part = 1; i === 0 || i < rows.length; i += perSheet, part++) {
      sheets.push({
        name: part === 1 ? "Aktiviteter" : `Aktiviteter ${part}`,
        values: [LIST_HEADER, ...rows.slice(i, i + perSheet)],
      });
    }
  }
  sheets.push({ name: "Händelser", values: events });
  let total = 0;
  for (const n of expected.values()) total += n;
  let cells = 0;
  for (const s of sheets) for (const row of s.values) cells += row.length;
  return { sheets, expectedActivities: expected, totalActivities: total, cells, idag: BENCH_IDAG };
}
