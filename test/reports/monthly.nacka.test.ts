/**
 * The Månadsrapport for April 2024 of the bundled example (assets/exempel/nacka-aktivitetslista.xlsx),
 * read through the real path (file port → readWorkbook → validate), against figures computed
 * here straight from the "Aktiviteter" sheet's cells: every row dated in April, hours from its
 * Starttid/Sluttid, held when Närvaro says "Närvarande", an absence otherwise.
 */
import { join } from "node:path";
import { fromSerial, type IsoDate, type YearMonth } from "../../src/domain/date";
import type { SheetData } from "../../src/domain/model";
import { readWorkbook, type WorkbookModel } from "../../src/read/workbook";
import { buildMonthlyReport, type MonthlyReport } from "../../src/reports/monthly";
import { monthlySheet } from "../../src/reports/monthlySheet";
import { validate } from "../../src/rules/engine";
import { openWorkbookFile } from "../../src/workbook/file";

const FILE = join(__dirname, "..", "..", "assets", "exempel", "nacka-aktivitetslista.xlsx");
const APRIL = "2024-04" as YearMonth;

let sheets: SheetData[] = [];
let model: WorkbookModel;
let report: MonthlyReport;

beforeAll(async () => {
  const workbook = await openWorkbookFile(FILE);
  sheets = await workbook.readSheets();
  model = readWorkbook(sheets);
  const idag = model.settings.idag ?? ("2024-05-31" as IsoDate);
  const findings = validate(model, model.settings, idag);
  report = buildMonthlyReport(model, APRIL, findings, { idag });
}, 60_000);

interface RawRow {
  participant: string;
  date: IsoDate;
  hours: number;
  narvaro: string;
  intyg: unknown;
  reported: unknown;
}

/** "8.00" / "13.30" → minutes, read by hand. */
function minutes(value: unknown): number {
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(String(value).trim());
  if (m === null) throw new Error(`Oväntad tid: ${String(value)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The April rows of the Aktiviteter sheet, read from the raw grid by header names. */
function rawAprilRows(): RawRow[] {
  const sheet = sheets.find((s) => s.name === "Aktiviteter");
  if (sheet === undefined) throw new Error("Bladet Aktiviteter saknas");
  const [head, ...body] = sheet.values;
  const col = (name: string) => {
    const i = (head ?? []).indexOf(name);
    if (i < 0) throw new Error(`Kolumnen ${name} saknas`);
    return i;
  };
  const [cDate, cWho, cStart, cEnd, cNarvaro, cIntyg, cReported] = [
    "Datum",
    "Deltagare",
    "Starttid",
    "Sluttid",
    "Närvaro",
    "Intyg",
    "Meddelad KV",
  ].map(col) as [number, number, number, number, number, number, number];
  const out: RawRow[] = [];
  for (const row of body) {
    const serial = row[cDate];
    if (typeof serial !== "number") continue;
    const date = fromSerial(serial);
    if (date === null || !date.startsWith("2024-04")) continue;
    out.push({
      participant: text(row[cWho]),
      date,
      hours: (minutes(row[cEnd]) - minutes(row[cStart])) / 60,
      narvaro: text(row[cNarvaro]),
      intyg: row[cIntyg],
      reported: row[cReported],
    });
  }
  return out;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

const round2 = (n: number) => Math.round(n * 100) / 100;

describe("Månadsrapport april 2024 for the Nacka example", () => {
  test("all five participants are in the report", () => {
    expect(report.participants.map((p) => p.participantId)).toEqual([
      "N-101",
      "N-102",
      "N-103",
      "N-104",
      "N-105",
    ]);
  });

  test("planned and held hours match the activity list, participant by participant", () => {
    const raw = rawAprilRows();
    expect(raw.length).toBeGreaterThan(100);
    for (const p of report.participants) {
      const mine = raw.filter((r) => r.participant === p.participantId);
      const planned = round2(mine.reduce((s, r) => s + r.hours, 0));
      const held = round2(
        mine.filter((r) => r.narvaro === "Närvarande").reduce((s, r) => s + r.hours, 0),
      );
      expect([p.participantId, p.hours.planned, p.hours.held]).toEqual([
        p.participantId,
        planned,
        held,
      ]);
      // Idag is 2024-05-31: every April row has its Närvaro, nothing is left unreported.
      expect(p.hours.unreported).toBe(0);
      expect(round2(p.hours.held + p.hours.absent)).toBe(planned);
    }
  });

  test("the absence list matches the activity list's absences, with reason and certificate", () => {
    const raw = rawAprilRows();
    for (const p of report.participants) {
      const expected = raw
        .filter((r) => r.participant === p.participantId && r.narvaro !== "Närvarande")
        .map((r) => ({
          date: r.date,
          hours: round2(r.hours),
          // "Sjuk" → sjuk, "Ogiltig" → ogiltig frånvaro, "VAB" → VAB
          reason: r.narvaro.toLowerCase(),
          certificate: r.intyg === "" ? null : r.intyg,
          reported: typeof r.reported === "number" ? fromSerial(r.reported) : null,
        }));
      const actual = p.absences.map((a) => ({
        date: a.date,
        hours: round2(a.hours ?? 0),
        reason: (a.reason ?? "").toLowerCase().split(" ")[0] ?? "",
        certificate: a.certificate,
        reported: a.reportedDate,
      }));
      expect([p.participantId, actual]).toEqual([p.participantId, expected]);
    }
  });

  test("the example's story: N-101 ogiltig 2024-04-16, N-102 sick from 2024-04-23", () => {
    const dates = (id: string) => [
      ...new Set(
        report.participants.find((p) => p.participantId === id)?.absences.map((a) => a.date),
      ),
    ];
    expect(dates("N-101")).toEqual(["2024-04-16"]);
    // Tuesday 23 – Friday 26 and Monday 29 – Tuesday 30 April
    expect(dates("N-102")).toEqual([
      "2024-04-23",
      "2024-04-24",
      "2024-04-25",
      "2024-04-26",
      "2024-04-29",
      "2024-04-30",
    ]);
    expect(dates("N-103")).toEqual([]);
  });

  test("the documented April breaches are open findings of the month", () => {
    const open = (id: string) =>
      report.participants.find((p) => p.participantId === id)?.openFindings.map((f) => f.ruleId);
    expect(open("N-101")).toContain("AMI.OGILTIG");
    expect(open("N-102")).toContain("AMI.INTYG");
    expect(open("N-103")).toContain("SAI.SFI");
  });

  test("klarmarkering: due 2024-05-07; N-102 klarmarkerade late on 2024-05-10", () => {
    const k = (id: string) =>
      report.participants.find((p) => p.participantId === id)?.klarmarkering;
    expect(k("N-101")).toEqual({ deadline: "2024-05-07", reported: "2024-05-03" });
    expect(k("N-102")).toEqual({ deadline: "2024-05-07", reported: "2024-05-10" });
  });

  test("kön: three women and two men, sums equal to the totals", () => {
    const row = (k: string) => report.byKon.find((x) => x.kon === k);
    expect(row("kvinna")?.participants).toBe(3);
    expect(row("man")?.participants).toBe(2);
    const planned = report.byKon.reduce((s, k) => s + k.planned, 0);
    expect(round2(planned)).toBe(report.total.planned);
  });

  test("the sheet has a table row and a chart per participant, no formulas", () => {
    const sheet = monthlySheet(report);
    expect(sheet.name).toBe("Månadsrapport 2024-04");
    expect(sheet.table?.rowCount).toBe(5);
    expect(sheet.charts).toHaveLength(5);
    expect(sheet.rows.flat().some((c) => c.formula !== undefined)).toBe(false);
  });
});
