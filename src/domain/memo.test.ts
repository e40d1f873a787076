/**
 * The memo tables and the Date-free arithmetic added for speed (issue 8) give exactly what the
 * plain computations give: day numbers, ISO weeks, addMonths against date-fns, serviceMonth
 * against a count of addMonths steps, and fold against its unmemoised form.
 */
import fc from "fast-check";
import {
  addDays,
  addMonths,
  addMonthsWithDateFns,
  dayNumber,
  fromDayNumber,
  isoWeekOf,
  isoWeekStart,
  serviceMonth,
  uncachedDayNumber,
} from "./calendar";
import {
  daysInMonthOf,
  daysInMonthWithDate,
  makeDate,
  parseDateText,
  parseDateTextPlain,
  type IsoDate,
} from "./date";
import { parseBlockLabel, parseBlockLabelText } from "./activityText";
import { fold, foldText } from "./vocabulary/fold";

const isoDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 9998 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => makeDate(year, month, Math.min(day, 28)) as IsoDate);

/** Day of the month in a date, with month ends (29–31) included. */
const monthEnd = fc
  .record({
    year: fc.integer({ min: 1901, max: 9990 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 28, max: 31 }),
  })
  .map(({ year, month, day }) => makeDate(year, month, day))
  .filter((d): d is IsoDate => d !== null);

describe("calendar memo tables", () => {
  it("dayNumber and fromDayNumber agree with the plain conversion, asked twice", () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const n = uncachedDayNumber(date);
        expect(dayNumber(date)).toBe(n);
        expect(dayNumber(date)).toBe(n); // second time from the memo
        expect(fromDayNumber(n)).toBe(date);
        expect(fromDayNumber(n)).toBe(date);
      }),
    );
  });

  it.each([
    // 1970-01-01 is day 0; 2024-03-01 is 19,783 days later (54 years incl. 13 leap days:
    // 54 × 365 + 13 = 19,723, plus Jan 31 + Feb 29 = 60 → 19,783).
    ["1970-01-01", 0],
    ["2024-03-01", 19_783],
  ])("dayNumber(%s) = %i", (date, n) => {
    expect(dayNumber(date as IsoDate)).toBe(n);
  });

  it("isoWeekOf gives a fresh object each time, so a caller's change cannot reach the memo", () => {
    const first = isoWeekOf("2024-12-30" as IsoDate); // Monday of week 1 of 2025
    first.week = 99;
    expect(isoWeekOf("2024-12-30" as IsoDate)).toEqual({ year: 2025, week: 1 });
  });

  it("isoWeekStart is the Monday whose ISO week it is", () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const { year, week } = isoWeekOf(date);
        const monday = isoWeekStart(year, week);
        expect(monday).not.toBeNull();
        const m = monday as IsoDate;
        expect(m <= date && date <= addDays(m, 6)).toBe(true);
        expect(isoWeekStart(year, week)).toBe(m); // memo
      }),
    );
  });
});

describe("addMonths without a Date", () => {
  it("agrees with date-fns for any date and month count", () => {
    fc.assert(
      fc.property(fc.oneof(isoDate, monthEnd), fc.integer({ min: -240, max: 240 }), (date, n) => {
        expect(addMonths(date, n)).toBe(addMonthsWithDateFns(date, n));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    // A day missing in the target month becomes its last day.
    ["2024-01-31", 1, "2024-02-29"], // 2024 is a leap year
    ["2023-01-31", 1, "2023-02-28"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2024-12-15", 1, "2025-01-15"],
    ["2024-01-15", -1, "2023-12-15"],
    ["2000-02-29", 12, "2001-02-28"], // 2000 is a leap year, 2001 is not
  ])("addMonths(%s, %i) = %s", (date, n, expected) => {
    expect(addMonths(date as IsoDate, n)).toBe(expected);
  });

  it("a fraction still goes through date-fns", () => {
    expect(addMonths("2024-01-15" as IsoDate, 1.5)).toBe(
      addMonthsWithDateFns("2024-01-15" as IsoDate, 1.5),
    );
  });
});

describe("serviceMonth with month arithmetic", () => {
  it("is the n whose month [addMonths(start, n − 1), addMonths(start, n)) holds the date", () => {
    fc.assert(
      fc.property(fc.oneof(isoDate, monthEnd), fc.integer({ min: 0, max: 800 }), (start, days) => {
        fc.pre(start < "9997-01-01"); // the date stays before 9999-12-31, the last IsoDate
        const date = addDays(start, days);
        const n = serviceMonth(start, date);
        expect(n).not.toBeNull();
        const k = n as number;
        expect(addMonths(start, k - 1) <= date).toBe(true);
        expect(date < addMonths(start, k)).toBe(true);
      }),
    );
  });
});

describe("fold memo", () => {
  it("gives what the unmemoised fold gives, the first and the second time", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom("Språkkunskaper", "ÅÄÖ – é", "İstanbul", "ΣΑΣ", "x".repeat(500)),
        ),
        (text) => {
          expect(fold(text)).toBe(foldText(text));
          expect(fold(text)).toBe(foldText(text));
        },
      ),
    );
  });
});

describe("daysInMonthOf without a Date", () => {
  it("agrees with Date.UTC for any year and month, odd ones included", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.integer({ min: -2, max: 14 }),
        (y, m) => {
          expect(daysInMonthOf(y, m)).toBe(daysInMonthWithDate(y, m));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    [2024, 2, 29], // divisible by 4
    [1900, 2, 28], // divisible by 100, not by 400
    [2000, 2, 29], // divisible by 400
    [2023, 4, 30],
    [2023, 12, 31],
  ])("daysInMonthOf(%i, %i) = %i", (y, m, days) => {
    expect(daysInMonthOf(y, m)).toBe(days);
  });
});

describe("parseBlockLabel memo", () => {
  it.each([
    "8.00-12.00",
    "Lunch",
    "Lunch 12-13",
    "13.00-16.30 Distans",
    "Förmiddag",
    "",
    "Vecka 3",
  ])("%j gives what the unmemoised parse gives, twice, and a fresh object each time", (text) => {
    const first = parseBlockLabel(text);
    expect(first).toEqual(parseBlockLabelText(text));
    const second = parseBlockLabel(text);
    expect(second).toEqual(parseBlockLabelText(text));
    if (first !== null) expect(second).not.toBe(first);
  });

  it("8.00-12.00 is a block from 480 to 720 minutes (8 × 60, 12 × 60)", () => {
    expect(parseBlockLabel("8.00-12.00")).toEqual({
      kind: "block",
      start: 480,
      end: 720,
      mode: null,
    });
  });
});

describe("parseDateText memo", () => {
  it("gives what the unmemoised parse gives, for each default year", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom("2024-03-05", "5/3", "5/3 2024", "den 5 mars", "5 mar", "20240305", "x"),
          fc.string({ maxLength: 12 }),
        ),
        fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
        (text, defaultYear) => {
          const options = defaultYear === undefined ? {} : { defaultYear };
          expect(parseDateText(text, options)).toBe(parseDateTextPlain(text, options));
          expect(parseDateText(text, options)).toBe(parseDateTextPlain(text, options));
        },
      ),
    );
  });

  it("the same text with another default year is read with that year", () => {
    expect(parseDateText("5/3", { defaultYear: 2024 })).toBe("2024-03-05");
    expect(parseDateText("5/3", { defaultYear: 2025 })).toBe("2025-03-05");
    expect(parseDateText("5/3")).toBeNull();
  });
});
