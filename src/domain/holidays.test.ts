import Holidays from "date-holidays";
import { addDays, eachDay, weekday } from "./calendar";
import type { IsoDate } from "./date";
import {
  addWorkingDays,
  holidayName,
  isHoliday,
  isWorkingDay,
  swedishHolidays,
  workingDaysBetween,
} from "./holidays";

const d = (s: string): IsoDate => s as IsoDate;

const EVES = new Set(["midsommarafton", "julafton", "nyårsafton"]);

/**
 * date-holidays' Swedish list reduced to what Schemakoll calls a holiday: type "public" plus the
 * three non-working eves (which it types "bank"). Its "observance"/"optional" days (Mors dag,
 * valborgsmässoafton, trettondagsafton, …) are working days.
 */
function oracle(hd: Holidays, year: number): string[] {
  const rows = hd
    .getHolidays(year)
    .filter((h) => h.type === "public" || (h.type === "bank" && EVES.has(h.name)))
    .map((h) => `${h.date.slice(0, 10)} ${h.name}`);
  // Annandag pingst was an allmän helgdag until 2004 (nationaldagen replaced it from 2005);
  // date-holidays types it "observance" in every year, so its pre-2005 lists lack it.
  if (year < 2005) {
    const pingst = hd
      .getHolidays(year)
      .find((h) => h.name === "annandag pingst" && h.type === "observance");
    if (pingst !== undefined) rows.push(`${pingst.date.slice(0, 10)} annandag pingst`);
  }
  return rows.sort();
}

function ours(year: number): string[] {
  return swedishHolidays(year)
    .map((h) => `${h.date} ${h.name}`)
    .sort();
}

describe("swedishHolidays", () => {
  test("equals date-holidays (public + the three eves) for every year 2000–2100", () => {
    const hd = new Holidays("SE");
    const differing: string[] = [];
    for (let year = 2000; year <= 2100; year++) {
      const a = ours(year);
      const b = oracle(hd, year);
      if (JSON.stringify(a) !== JSON.stringify(b))
        differing.push(`${year}: ${a.join(", ")} ≠ ${b.join(", ")}`);
    }
    expect(differing).toEqual([]);
  });

  test.each([
    ["2024-03-29", "långfredagen"],
    ["2024-03-31", "påskdagen"],
    ["2024-04-01", "annandag påsk"],
    ["2024-05-09", "Kristi himmelsfärdsdag"],
    ["2024-05-19", "pingstdagen"],
    ["2024-06-06", "nationaldagen"],
    ["2024-06-21", "midsommarafton"],
    ["2024-06-22", "midsommardagen"],
    ["2024-11-02", "alla helgons dag"],
    ["2024-12-24", "julafton"],
    ["2024-12-31", "nyårsafton"],
    ["2025-04-18", "långfredagen"],
    ["2025-04-20", "påskdagen"],
    ["2025-06-20", "midsommarafton"],
    ["2025-11-01", "alla helgons dag"],
    ["2004-05-31", "annandag pingst"],
  ])("%s is %s", (date, name) => {
    expect(holidayName(d(date))).toBe(name);
    expect(isHoliday(d(date))).toBe(true);
  });

  test("2024 in full, in date order", () => {
    expect(swedishHolidays(2024).map((h) => h.date)).toEqual([
      "2024-01-01",
      "2024-01-06",
      "2024-03-29",
      "2024-03-31",
      "2024-04-01",
      "2024-05-01",
      "2024-05-09",
      "2024-05-19",
      "2024-06-06",
      "2024-06-21",
      "2024-06-22",
      "2024-11-02",
      "2024-12-24",
      "2024-12-25",
      "2024-12-26",
      "2024-12-31",
    ]);
  });

  test("midsommardagen and alla helgons dag are Saturdays in their windows, every year", () => {
    for (let year = 1953; year <= 2200; year++) {
      const list = swedishHolidays(year);
      const midsommar = list.find((h) => h.name === "midsommardagen")?.date;
      const afton = list.find((h) => h.name === "midsommarafton")?.date;
      const allaHelgon = list.find((h) => h.name === "alla helgons dag")?.date;
      expect(midsommar).toBeDefined();
      expect(afton).toBeDefined();
      expect(allaHelgon).toBeDefined();
      if (midsommar === undefined || afton === undefined || allaHelgon === undefined) return;
      expect(weekday(midsommar)).toBe(6);
      expect(midsommar >= d(`${year}-06-20`) && midsommar <= d(`${year}-06-26`)).toBe(true);
      expect(afton).toBe(addDays(midsommar, -1));
      expect(weekday(allaHelgon)).toBe(6);
      expect(allaHelgon >= d(`${year}-10-31`) && allaHelgon <= d(`${year}-11-06`)).toBe(true);
    }
  });

  test("Easter Sunday is a Sunday between 22 March and 25 April", () => {
    for (let year = 1900; year <= 2400; year++) {
      const easter = swedishHolidays(year).find((h) => h.name === "påskdagen")?.date;
      expect(easter).toBeDefined();
      if (easter === undefined) return;
      expect(weekday(easter)).toBe(7);
      expect(easter >= d(`${year}-03-22`) && easter <= d(`${year}-04-25`)).toBe(true);
    }
  });

  test("is cached and frozen", () => {
    const list = swedishHolidays(2030);
    expect(swedishHolidays(2030)).toBe(list);
    expect(Object.isFrozen(list)).toBe(true);
  });

  test.each([1.5, 0, 10000, Number.NaN])("year %p is refused", (year) => {
    expect(() => swedishHolidays(year)).toThrow(RangeError);
  });
});

describe("holidayName / isHoliday", () => {
  test("two holidays on one day are both named (2008: första maj = Kristi himmelsfärdsdag)", () => {
    expect(holidayName(d("2008-05-01"))).toBe("första maj och Kristi himmelsfärdsdag");
  });
  test.each([
    "2024-01-05", // trettondagsafton
    "2024-04-30", // valborgsmässoafton
    "2024-03-28", // skärtorsdagen
    "2024-03-30", // påskafton (a Saturday, but not in the list)
    "2024-05-20", // annandag pingst after 2004
    "2024-05-26", // Mors dag
    "2024-11-01", // allhelgonaafton
    "2024-03-05",
  ])("%s is not a holiday", (date) => {
    expect(holidayName(d(date))).toBeNull();
    expect(isHoliday(d(date))).toBe(false);
  });
});

describe("isWorkingDay", () => {
  test.each([
    ["2024-03-05", true],
    ["2024-03-09", false], // Saturday
    ["2024-03-10", false], // Sunday
    ["2024-03-29", false], // långfredagen
    ["2024-04-01", false], // annandag påsk
    ["2024-04-30", true], // valborgsmässoafton is a working day
    ["2024-06-21", false], // midsommarafton
    ["2024-12-23", true],
    ["2024-12-24", false],
    ["2024-12-31", false],
    ["2025-01-06", false], // trettondedag jul on a Monday
    ["2025-06-06", false], // nationaldagen on a Friday
  ])("%s → %p", (date, expected) => {
    expect(isWorkingDay(d(date))).toBe(expected);
  });
});

describe("addWorkingDays", () => {
  test.each([
    ["2024-03-05", 0, "2024-03-05"], // a working day stays
    ["2024-03-09", 0, "2024-03-11"], // Saturday → Monday
    ["2024-03-29", 0, "2024-04-02"], // långfredagen → the Tuesday after Easter
    ["2024-03-05", 1, "2024-03-06"],
    ["2024-03-08", 1, "2024-03-11"], // Friday + 1 = Monday
    ["2024-03-28", 1, "2024-04-02"], // over Easter
    ["2024-12-20", 1, "2024-12-23"],
    ["2024-12-20", 2, "2024-12-27"], // 24–26 December skipped
    ["2024-12-27", 2, "2025-01-02"], // 31 December and 1 January skipped
    ["2024-03-09", 5, "2024-03-15"], // from a Saturday: Mon … Fri
    ["2024-04-02", -1, "2024-03-28"],
    ["2024-03-11", -1, "2024-03-08"],
  ])("%s + %i working days = %s", (date, n, expected) => {
    expect(addWorkingDays(d(date), n)).toBe(expected);
  });

  test("a fraction is refused", () => {
    expect(() => addWorkingDays(d("2024-03-05"), 1.5)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  test.each([
    // from (end of one insats), to (start of the next), working days strictly between
    ["2024-03-08", "2024-03-11", 0], // Friday → Monday: no gap
    ["2024-03-05", "2024-03-06", 0], // consecutive days
    ["2024-03-05", "2024-03-05", 0],
    ["2024-03-11", "2024-03-05", 0], // reversed
    ["2024-03-06", "2024-03-11", 2], // Wed → Mon: Thu, Fri
    ["2024-03-04", "2024-03-15", 8], // Mon → Fri next week: 4 + 4
    ["2024-03-27", "2024-04-03", 2], // Thu 28 and Tue 2 April (Easter in between)
    ["2024-12-20", "2025-01-07", 5], // 23, 27, 30 Dec, 2, 3 Jan (6 Jan trettondedag jul)
    ["2023-12-31", "2025-01-01", 251], // 2024: 262 weekdays − 11 holidays on weekdays
  ])("%s → %s: %i", (from, to, expected) => {
    expect(workingDaysBetween(d(from), d(to))).toBe(expected);
  });

  test("agrees with counting day by day", () => {
    const from0 = d("2023-11-20");
    for (let i = 0; i < 400; i += 7) {
      for (const span of [0, 1, 2, 3, 5, 9, 17, 40, 90, 400]) {
        const from = addDays(from0, i);
        const to = addDays(from, span);
        const brute = eachDay(addDays(from, 1), addDays(to, -1)).filter(isWorkingDay).length;
        expect({ from, to, n: workingDaysBetween(from, to) }).toEqual({ from, to, n: brute });
      }
    }
  });
});
