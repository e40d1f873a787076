import type { IsoDate, YearMonth } from "../domain/date";
import type { Activity, SheetCell, SheetModel } from "../domain/model";
import { activity, event, participant, settings } from "../rules/testing";
import type { Finding } from "../rules/types";
import { buildMonthlyReport } from "./monthly";
import { monthlySheet, SUMMARY_HEADERS, WEEK_HEADERS } from "./monthlySheet";
import type { ReportInput } from "./types";

const D = (d: string) => d as IsoDate;
const PNR = "19850101-1234";

const present = {
  status: "närvarande",
  reason: null,
  certificate: null,
  reportedDate: null,
} as const;

const activities: Activity[] = [
  // v. 18 (1–5 maj) 4 + 4 = 8 h held; v. 19 4 h absent (sjuk)
  activity("A-1", "2024-05-02", "jobbsokning", { attendance: present }),
  activity("A-1", "2024-05-03", "mote", {
    categoryName: "Kundmöte (personligt möte)",
    attendance: present,
  }),
  activity("A-1", "2024-05-07", "jobbsokning", {
    text: `Jobbsökning (${PNR})`,
    attendance: { status: "frånvarande", reason: "sjuk", certificate: true, reportedDate: null },
  }),
  // The personnummer participant: 2 h a week in v. 20–21
  activity(PNR, "2024-05-14", "mote", { hours: 2, end: 600, attendance: present }),
  activity(PNR, "2024-05-21", "mote", { hours: 2, end: 600 }),
];

const findings: Finding[] = [
  {
    ruleId: "AMI.KONTAKT",
    severity: "error",
    participantId: PNR,
    refs: [],
    from: D("2024-05-06"),
    to: D("2024-05-12"),
    message: `Ingen kontakt med ${PNR} vecka 19.`,
    explanation: null,
    source: "test",
    accepted: false,
    acceptance: null,
  },
  {
    ruleId: "AMI.INTYG",
    severity: "error",
    participantId: "A-1",
    refs: [],
    from: D("2024-05-07"),
    to: D("2024-05-07"),
    message: "Intyg saknas.",
    explanation: null,
    source: "test",
    accepted: true,
    acceptance: { reason: "Intyget kom muntligt", acceptedBy: "Lena", date: D("2024-05-10") },
  },
];

const input: ReportInput = {
  participants: [
    { ...participant("A-1", "JPG", "2024-04-15"), name: "Sara", kon: "kvinna" },
    { ...participant(PNR, "JPG", "2024-05-13"), name: "Ahmed", kon: "man" },
  ],
  activities,
  weeks: [],
  events: [event("A-1", "2024-06-04", "månadsrapport klar", "2024-05")],
  acceptances: [],
  findings: [],
  tariffs: [],
  settings: { ...settings(), anordnare: "Exempel AB" },
};

const report = buildMonthlyReport(input, "2024-05" as YearMonth, findings, {
  idag: D("2024-05-31"),
});
const sheet: SheetModel = monthlySheet(report);

function parseCell(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (m === null) throw new Error(a1);
  const letters = m[1] ?? "";
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function cell(row: number, col: number): SheetCell | undefined {
  return sheet.rows[row]?.[col];
}

const values = (row: number) => (sheet.rows[row] ?? []).map((c) => c.value);

describe("monthlySheet", () => {
  test("the sheet is named for the month", () => {
    expect(sheet.name).toBe("Månadsrapport 2024-05");
  });

  test("the Excel table holds the header row and one row per participant", () => {
    const table = sheet.table;
    if (table === undefined) throw new Error("ingen tabell");
    expect(values(table.headerRow)).toEqual([...SUMMARY_HEADERS]);
    expect(table.rowCount).toBe(2);
    // planned 4 + 4 + 4 = 12, held 8, absent 4; Klarmarkeras senast 2024-06-07
    const first = values(table.headerRow + 1);
    expect(first.slice(0, 8)).toEqual([
      "A-1",
      "Sara",
      "Kvinna",
      "Jobbpeng grund (JPG)",
      12,
      8,
      0,
      4,
    ]);
    expect(first.at(-1)).toBe("2024-06-07");
    expect(values(table.headerRow + 2)[0]).toBe("19850101-****");
    // The table comes right after the title lines.
    for (let r = 0; r < table.headerRow; r++) expect(sheet.rows[r]?.length ?? 0).toBeLessThan(2);
  });

  test("the kön table's Totalt row sums both participants", () => {
    const totalRow = sheet.rows.findIndex((r) => r[0]?.value === "Totalt");
    // Deltagare 2; planned 12 + 4 = 16; held 8 + 2 = 10
    expect(values(totalRow).slice(0, 4)).toEqual(["Totalt", 2, 16, 10]);
  });

  test("each chart's data is the participant's week table, with the report's figures", () => {
    expect(sheet.charts?.map((c) => c.title)).toEqual([
      "Timmar per vecka – A-1",
      "Timmar per vecka – 19850101-****",
    ]);
    report.participants.forEach((p, i) => {
      const chart = sheet.charts?.[i];
      if (chart === undefined) throw new Error("diagram saknas");
      const [fromText, toText] = chart.dataRange.split(":");
      const from = parseCell(fromText ?? "");
      const to = parseCell(toText ?? "");
      expect(values(from.row).slice(from.col, to.col + 1)).toEqual(
        WEEK_HEADERS.slice(0, to.col - from.col + 1),
      );
      expect(cell(from.row, from.col)?.value).toBe("Vecka");
      expect(to.row - from.row).toBe(p.weeks.length);
      p.weeks.forEach((w, k) => {
        const r = from.row + 1 + k;
        expect([cell(r, 0)?.value, cell(r, 1)?.value, cell(r, 2)?.value]).toEqual([
          w.label,
          w.planned,
          w.held,
        ]);
        for (let c = from.col + 1; c <= to.col; c++) {
          expect(typeof cell(r, c)?.value).toBe("number");
        }
      });
      // The chart stands beside the table, not on it.
      expect(parseCell(chart.anchor).col).toBeGreaterThan(to.col + 1);
    });
  });

  test("A-1's weeks: v. 18 8 h held, v. 19 4 h planned and absent, 40 h required", () => {
    const chart = sheet.charts?.[0];
    const start = parseCell(chart?.dataRange.split(":")[0] ?? "A1").row;
    expect(values(start + 1).slice(0, 4)).toEqual(["v. 18 2024", 8, 8, 40]);
    expect(values(start + 2).slice(0, 4)).toEqual(["v. 19 2024", 4, 0, 40]);
  });

  test("the accepted finding is listed with its reason, the absence with its certificate", () => {
    const flat = sheet.rows.flat().map((c) => c.value);
    expect(flat).toContain("Intyget kom muntligt");
    const absence = sheet.rows.find((r) => r[0]?.value === "2024-05-07" && r[3]?.value === "sjuk");
    expect(absence?.map((c) => c.value)).toEqual([
      "2024-05-07",
      "8:00–12:00",
      4,
      "sjuk",
      "Ja",
      "",
      "Jobbsökning (19850101-****)",
    ]);
  });

  test("no personnummer anywhere, the masking note is there, no formulas", () => {
    expect(JSON.stringify(sheet)).not.toContain("1234");
    expect(sheet.rows.flat().some((c) => c.value === report.participants[1]?.participantId)).toBe(
      true,
    );
    expect(sheet.rows.flat().map((c) => c.value)).toContainEqual(
      expect.stringContaining("Personnummer skrivs aldrig ut"),
    );
    expect(sheet.rows.flat().filter((c) => c.formula !== undefined)).toEqual([]);
    expect(sheet.columnWidths?.length).toBe(SUMMARY_HEADERS.length);
  });
});
