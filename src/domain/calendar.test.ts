import {
  addDays,
  addMonths,
  calendarWindow,
  daysBetween,
  eachDay,
  isoWeekOf,
  isoWeekStart,
  isoWeeksInYear,
  overlapDays,
  serviceMonth,
  serviceMonthPlain,
  serviceMonthRange,
  weekDates,
  weekday,
} from "./calendar";
import type { IsoDate } from "./date";

const d = (s: string): IsoDate => s as IsoDate;

describe("addDays", () => {
  test.each([
    ["2024-03-05", 1, "2024-03-06"],
    ["2024-03-05", -5, "2024-02-29"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-02-28", 1, "2023-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-30", 2, "2024-04-01"], // across the spring DST change in Europe (2024-03-31)
    ["2024-10-26", 2, "2024-10-28"], // across the autumn change (2024-10-27)
    ["2024-03-05", 0, "2024-03-05"],
    ["2024-01-01", 366, "2025-01-01"],
  ])("%s + %i = %s", (date, n, expected) => {
    expect(addDays(d(date), n)).toBe(expected);
  });
});

describe("addMonths", () => {
  test.each([
    ["2024-01-31", 1, "2024-02-29"],
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-01-31", 2, "2024-03-31"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-03-15", -1, "2024-02-15"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2024-11-30", 3, "2025-02-28"],
  ])("%s + %i months = %s", (date, n, expected) => {
    expect(addMonths(d(date), n)).toBe(expected);
  });
});

describe("daysBetween", () => {
  test.each([
    ["2024-01-01", "2024-12-31", 365],
    ["2023-01-01", "2023-12-31", 364],
    ["2024-03-06", "2024-03-05", -1],
    ["2024-03-05", "2024-03-05", 0],
    ["2024-03-30", "2024-04-01", 2],
    ["2024-10-26", "2024-10-28", 2],
    ["2024-03-01", "2024-11-01", 245],
  ])("%s → %s = %i", (from, to, expected) => {
    expect(daysBetween(d(from), d(to))).toBe(expected);
  });
});

describe("weekday", () => {
  test.each([
    ["2024-03-04", 1],
    ["2024-03-05", 2],
    ["2024-03-08", 5],
    ["2024-03-09", 6],
    ["2024-03-10", 7],
    ["2000-01-01", 6],
  ])("%s is ISO day %i", (date, expected) => {
    expect(weekday(d(date))).toBe(expected);
  });
});

describe("eachDay", () => {
  test("inclusive range across a month end", () => {
    expect(eachDay(d("2024-02-27"), d("2024-03-02"))).toEqual([
      "2024-02-27",
      "2024-02-28",
      "2024-02-29",
      "2024-03-01",
      "2024-03-02",
    ]);
  });
  test("a single day", () => {
    expect(eachDay(d("2024-03-05"), d("2024-03-05"))).toEqual(["2024-03-05"]);
  });
  test("empty when from is after to", () => {
    expect(eachDay(d("2024-03-06"), d("2024-03-05"))).toEqual([]);
  });
  test("a whole year has 366 distinct consecutive days in 2024", () => {
    const days = eachDay(d("2024-01-01"), d("2024-12-31"));
    expect(days).toHaveLength(366);
    expect(new Set(days).size).toBe(366);
    expect(days[59]).toBe("2024-02-29");
  });
});

describe("isoWeekOf", () => {
  test.each([
    ["2024-12-30", 2025, 1],
    ["2024-12-29", 2024, 52],
    ["2021-01-03", 2020, 53],
    ["2021-01-04", 2021, 1],
    ["2026-12-31", 2026, 53],
    ["2027-01-03", 2026, 53],
    ["2024-05-20", 2024, 21],
    ["2024-01-01", 2024, 1],
  ])("%s is week %i-%i", (date, year, week) => {
    expect(isoWeekOf(d(date))).toEqual({ year, week });
  });
});

describe("isoWeeksInYear", () => {
  test.each([
    [2015, 53],
    [2020, 53],
    [2026, 53],
    [2032, 53],
    [2021, 52],
    [2024, 52],
    [2025, 52],
  ])("%i has %i weeks", (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  test("agrees with the week of 28 December (always in the last week) for 1900–2100", () => {
    for (let year = 1900; year <= 2100; year++) {
      const dec28 = `${year}-12-28` as IsoDate;
      expect(isoWeeksInYear(year)).toBe(isoWeekOf(dec28).week);
    }
  });
});

describe("isoWeekStart", () => {
  test.each([
    [2024, 1, "2024-01-01"],
    [2025, 1, "2024-12-30"],
    [2020, 53, "2020-12-28"],
    [2026, 53, "2026-12-28"],
    [2024, 21, "2024-05-20"],
    [2024, 52, "2024-12-23"],
  ])("week %i-%i starts %s", (year, week, expected) => {
    expect(isoWeekStart(year, week)).toBe(expected);
  });

  test.each([
    [2024, 53],
    [2024, 0],
    [2024, -1],
    [2024, 54],
    [2024, 1.5],
    [1899, 1],
    [10000, 1],
    [Number.NaN, 1],
  ])("week %p-%p does not exist", (year, week) => {
    expect(isoWeekStart(year, week)).toBeNull();
  });

  test("every week 1900–2100 starts on a Monday, round-trips and follows the previous week", () => {
    const wrong: string[] = [];
    let previous: IsoDate | null = null;
    for (let year = 1900; year <= 2100; year++) {
      for (let week = 1; week <= isoWeeksInYear(year); week++) {
        const monday = isoWeekStart(year, week);
        if (monday === null) {
          wrong.push(`${year}-W${week}: null`);
          continue;
        }
        const first = isoWeekOf(monday);
        const last = isoWeekOf(addDays(monday, 6));
        const ok =
          weekday(monday) === 1 &&
          first.year === year &&
          first.week === week &&
          last.year === year &&
          last.week === week &&
          (previous === null || daysBetween(previous, monday) === 7);
        if (!ok) wrong.push(`${year}-W${week}: ${monday}`);
        previous = monday;
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("weekDates", () => {
  test("Monday to Sunday of week 1 of 2025", () => {
    expect(weekDates(2025, 1)).toEqual([
      "2024-12-30",
      "2024-12-31",
      "2025-01-01",
      "2025-01-02",
      "2025-01-03",
      "2025-01-04",
      "2025-01-05",
    ]);
  });
  test("a week that does not exist has no dates", () => {
    expect(weekDates(2024, 53)).toEqual([]);
  });
});

describe("serviceMonth", () => {
  test.each([
    // start, date, month n
    ["2024-03-15", "2024-03-14", null],
    ["2024-03-15", "2024-03-15", 1],
    ["2024-03-15", "2024-04-14", 1],
    ["2024-03-15", "2024-04-15", 2],
    ["2024-03-15", "2024-09-14", 6],
    ["2024-03-15", "2024-09-15", 7],
    ["2024-03-15", "2025-03-14", 12],
    ["2024-03-15", "2025-03-15", 13],
    // A start on the 31st: month 2 begins 2024-02-29, month 3 on 2024-03-31 (not 03-29: never chained).
    ["2024-01-31", "2024-02-28", 1],
    ["2024-01-31", "2024-02-29", 2],
    ["2024-01-31", "2024-03-30", 2],
    ["2024-01-31", "2024-03-31", 3],
    ["2024-01-31", "2024-04-30", 4],
    ["2023-01-31", "2023-02-28", 2],
    ["2024-02-29", "2025-02-27", 12],
    ["2024-02-29", "2025-02-28", 13],
    ["2024-12-31", "2025-02-28", 3],
    ["2024-03-01", "2024-03-31", 1],
    ["2024-03-01", "2024-04-01", 2],
  ])("start %s, %s is month %p", (start, date, expected) => {
    expect(serviceMonth(d(start), d(date))).toBe(expected);
  });

  test("agrees with serviceMonthRange day by day for starts 2023-2025 (incl. 29th–31st)", () => {
    const starts = eachDay(d("2023-01-25"), d("2025-03-05")).filter(
      (s) => Number(s.slice(8)) >= 27 || Number(s.slice(8)) <= 2 || s.endsWith("15"),
    );
    const wrong: string[] = [];
    for (const start of starts) {
      let expectedFrom = start;
      for (let n = 1; n <= 14; n++) {
        const range = serviceMonthRange(start, n);
        const ok =
          range.from === expectedFrom && // contiguous, no gaps or overlaps
          range.from === addMonths(start, n - 1) && // counted from start, never chained
          range.from <= range.to &&
          serviceMonth(start, range.from) === n &&
          serviceMonth(start, range.to) === n &&
          serviceMonth(start, addDays(range.to, 1)) === n + 1;
        if (!ok) wrong.push(`start ${start}, month ${n}: ${range.from} … ${range.to}`);
        expectedFrom = addDays(range.to, 1);
      }
    }
    expect(starts.length).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });

  test("counted on numbers, it gives what addMonths gives for every start and date of 2023–2026", () => {
    // Starts on every day 2023-01-01 … 2026-12-31 (month ends 28th–31st included), each against
    // dates from the start to three years on, spread so that every day of month appears.
    const first = d("2023-01-01");
    const differing: string[] = [];
    for (let i = 0; i < 4 * 366; i += 1) {
      const start = addDays(first, i);
      for (let k = -3; k < 1100; k += 7 + (i % 5)) {
        const date = addDays(start, k);
        if (serviceMonth(start, date) !== serviceMonthPlain(start, date))
          differing.push(`${start} ${date}`);
      }
    }
    // Outside the fast path (a year beyond 9998, a malformed date) the plain count answers.
    for (const [start, date] of [
      ["9998-12-31", "9999-03-01"],
      ["2024-1-5", "2024-03-01"],
    ] as const)
      expect(serviceMonth(d(start), d(date))).toBe(serviceMonthPlain(d(start), d(date)));
    expect(differing).toEqual([]);
  });

  test("month 100 is found directly", () => {
    const start = d("2020-05-31");
    const { from, to } = serviceMonthRange(start, 100);
    expect(serviceMonth(start, from)).toBe(100);
    expect(serviceMonth(start, to)).toBe(100);
  });
});

describe("serviceMonthRange", () => {
  test.each([
    ["2024-03-15", 1, "2024-03-15", "2024-04-14"],
    ["2024-03-15", 7, "2024-09-15", "2024-10-14"],
    ["2024-01-31", 1, "2024-01-31", "2024-02-28"],
    ["2024-01-31", 2, "2024-02-29", "2024-03-30"],
    ["2024-01-31", 3, "2024-03-31", "2024-04-29"],
    ["2024-03-01", 1, "2024-03-01", "2024-03-31"],
  ])("start %s, month %i = %s … %s", (start, n, from, to) => {
    expect(serviceMonthRange(d(start), n)).toEqual({ from, to });
  });

  test.each([0, -1, 1.5])("month %p is refused", (n) => {
    expect(() => serviceMonthRange(d("2024-03-15"), n)).toThrow(RangeError);
  });
});

describe("calendarWindow", () => {
  test.each([
    ["2024-03-01", 14, "2024-03-14"],
    ["2024-02-20", 14, "2024-03-04"],
    ["2024-03-05", 1, "2024-03-05"],
  ])("%s, %i days ends %s", (from, days, to) => {
    expect(calendarWindow(d(from), days)).toEqual({ from, to });
  });
});

describe("overlapDays", () => {
  test.each([
    ["2024-03-01", "2024-03-31", "2024-03-15", "2024-04-15", 17],
    ["2024-03-15", "2024-04-15", "2024-03-01", "2024-03-31", 17],
    ["2024-03-01", "2024-03-31", "2024-03-10", "2024-03-12", 3],
    ["2024-03-01", "2024-03-10", "2024-03-10", "2024-03-20", 1],
    ["2024-03-01", "2024-03-09", "2024-03-10", "2024-03-20", 0],
    ["2024-03-20", "2024-03-10", "2024-03-01", "2024-03-31", 0], // empty range
    ["2024-02-01", "2024-02-29", "2024-01-01", "2024-12-31", 29],
  ])("[%s, %s] ∩ [%s, %s] = %i days", (aFrom, aTo, bFrom, bTo, expected) => {
    expect(overlapDays(d(aFrom), d(aTo), d(bFrom), d(bTo))).toBe(expected);
  });
});
