import {
  firstDayOf,
  fromSerial,
  isValidYmd,
  lastDayOf,
  makeDate,
  makeYearMonth,
  maxDate,
  minDate,
  monthFromName,
  nextMonth,
  parseDateText,
  parseDateValue,
  parseIsoDate,
  parseMonthValue,
  toSerial,
  type IsoDate,
  type YearMonth,
} from "./date";

const d = (s: string): IsoDate => s as IsoDate;
const ym = (s: string): YearMonth => s as YearMonth;

describe("isValidYmd / makeDate", () => {
  it.each([
    // year, month, day, valid
    [2024, 3, 5, true],
    [2024, 2, 29, true], // 2024 is a leap year
    [2023, 2, 29, false],
    [1900, 2, 29, false], // divisible by 100, not by 400: not a leap year (whatever Excel says)
    [2000, 2, 29, true], // divisible by 400: leap year
    [2100, 2, 29, false],
    [2024, 4, 30, true],
    [2024, 4, 31, false], // April has 30 days
    [2024, 6, 31, false],
    [2024, 12, 31, true],
    [2024, 1, 31, true],
    [2024, 0, 1, false],
    [2024, 13, 1, false],
    [2024, 1, 0, false],
    [2024, 1, 32, false],
    [1900, 1, 1, true], // first representable day
    [1899, 12, 31, false],
    [9999, 12, 31, true], // last representable day
    [10000, 1, 1, false],
    [2024.5, 1, 1, false],
    [2024, 1.5, 1, false],
    [2024, 1, 1.5, false],
    [Number.NaN, 1, 1, false],
  ])("%d-%d-%d → %s", (year, month, day, valid) => {
    expect(isValidYmd(year, month, day)).toBe(valid);
    const made = makeDate(year, month, day);
    if (valid) {
      expect(made).toBe(
        `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      );
    } else {
      expect(made).toBeNull();
    }
  });

  it("pads month and day to two digits", () => {
    expect(makeDate(2024, 3, 5)).toBe("2024-03-05");
    expect(makeDate(2024, 11, 15)).toBe("2024-11-15");
  });
});

describe("parseIsoDate", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    ["2024-02-29", "2024-02-29"],
    ["1900-01-01", "1900-01-01"],
    ["9999-12-31", "9999-12-31"],
    // strict ISO only: everything else goes through parseDateText
    ["2024-3-5", null],
    [" 2024-03-05", null],
    ["2024-03-05 ", null],
    ["2024-03-05 08:00", null],
    ["24-03-05", null],
    ["20240305", null],
    ["2024-02-30", null],
    ["2023-02-29", null],
    ["2024-04-31", null],
    ["2024-13-01", null],
    ["2024-00-10", null],
    ["1899-12-31", null],
    ["", null],
  ])("%j → %s", (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });
});

describe("fromSerial / toSerial", () => {
  it.each([
    // serial, date: Excel's own numbering in the 1900 date system
    [1, "1900-01-01"],
    [2, "1900-01-02"],
    [31, "1900-01-31"],
    [32, "1900-02-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"], // 60 is Excel's non-existent 1900-02-29
    [366, "1900-12-31"],
    [367, "1901-01-01"],
    [36526, "2000-01-01"],
    [36585, "2000-02-29"],
    [45292, "2024-01-01"],
    [45351, "2024-02-29"],
    [45356, "2024-03-05"],
    [45657, "2024-12-31"],
    [73051, "2100-01-01"],
    [2958465, "9999-12-31"], // Excel's last day
  ])("%d ↔ %s", (serial, date) => {
    expect(fromSerial(serial)).toBe(date);
    expect(toSerial(d(date))).toBe(serial);
  });

  it.each([
    [45356.75, "2024-03-05"], // 18:00 on that day: the time of day is dropped
    [45356.999, "2024-03-05"],
    [45356.0001, "2024-03-05"],
    [1.5, "1900-01-01"],
    [59.9, "1900-02-28"],
    [61.25, "1900-03-01"],
  ])("fraction dropped: %d → %s", (serial, date) => {
    expect(fromSerial(serial)).toBe(date);
  });

  it.each([
    [60], // Excel's fake 1900-02-29
    [60.5],
    [0],
    [0.5], // a bare time of day is no date
    [-1],
    [-45356],
    [2958466], // past 9999-12-31
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [Number.NEGATIVE_INFINITY],
  ])("%d → null", (serial) => {
    expect(fromSerial(serial)).toBeNull();
  });

  it("round-trips every 7th day from 1900-03-01 to 2100-12-31", () => {
    // Independent of the module: walk the calendar in UTC from the anchor 61 = 1900-03-01.
    const mismatches: string[] = [];
    const end = Date.UTC(2100, 11, 31);
    let serial = 61;
    let checked = 0;
    const check = (ms: number, expectedSerial: number): void => {
      const t = new Date(ms);
      const iso = `${String(t.getUTCFullYear())}-${String(t.getUTCMonth() + 1).padStart(2, "0")}-${String(t.getUTCDate()).padStart(2, "0")}`;
      const back = fromSerial(expectedSerial);
      const forth = toSerial(d(iso));
      if (back !== iso || forth !== expectedSerial) {
        mismatches.push(`${iso}: fromSerial(${expectedSerial})=${String(back)} toSerial=${forth}`);
      }
      checked++;
    };
    let ms = Date.UTC(1900, 2, 1);
    for (; ms <= end; ms += 7 * 86_400_000, serial += 7) check(ms, serial);
    // …and the last day itself, which the 7-day stride does not land on.
    check(end, 61 + Math.round((end - Date.UTC(1900, 2, 1)) / 86_400_000));
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe("parseDateText", () => {
  it.each([
    // the formats of mallar.md and their everyday variants
    ["2024-03-05", "2024-03-05"],
    ["2024-3-5", "2024-03-05"],
    ["20240305", "2024-03-05"],
    ["5/3 2024", "2024-03-05"],
    ["5/3-2024", "2024-03-05"],
    ["5/3/2024", "2024-03-05"],
    ["5/3 24", "2024-03-05"], // two-digit year is 20xx
    ["05.03.2024", "2024-03-05"],
    ["5.3.2024", "2024-03-05"],
    ["5.3.24", "2024-03-05"],
    ["29/2 2024", "2024-02-29"],
    ["5 mars 2024", "2024-03-05"],
    ["5 Mars 2024", "2024-03-05"],
    ["5 mar 2024", "2024-03-05"],
    ["5 mar. 2024", "2024-03-05"],
    ["31 december 2024", "2024-12-31"],
    ["1 maj 2024", "2024-05-01"],
    ["den 5 mars 2024", "2024-03-05"],
    ["Den 5 mars 2024", "2024-03-05"],
    ["tisdag 5 mars 2024", "2024-03-05"],
    ["Tisdag 5/3 2024", "2024-03-05"],
    ["fredag den 8 mars 2024", "2024-03-08"],
    ["2024-03-05 08:00", "2024-03-05"], // a trailing time is ignored
    ["2024-03-05 8:00", "2024-03-05"],
    ["2024-03-05 08:00:00", "2024-03-05"],
    ["5 mars 2024 kl 8.00", "2024-03-05"],
    ["  5/3 2024  ", "2024-03-05"],
  ])("%j → %s", (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
    // an explicit year always wins over defaultYear
    expect(parseDateText(text, { defaultYear: 2030 })).toBe(expected);
  });

  it.each([
    // texts without a year: unreadable alone, readable with defaultYear
    ["5/3", "2024-03-05"],
    ["5/3.", "2024-03-05"],
    ["5.3", "2024-03-05"],
    ["5 mar", "2024-03-05"],
    ["5 Mars", "2024-03-05"],
    ["5 Mar.", "2024-03-05"],
    ["5. mars", "2024-03-05"],
    ["den 5 mars", "2024-03-05"],
    ["måndag 4 mars", "2024-03-04"],
    ["tis 5/3", "2024-03-05"],
    ["29/2", "2024-02-29"],
  ])("%j → null, or %s with defaultYear 2024", (text, expected) => {
    expect(parseDateText(text)).toBeNull();
    expect(parseDateText(text, {})).toBeNull();
    expect(parseDateText(text, { defaultYear: 2024 })).toBe(expected);
  });

  it("checks a default year like any other: 29/2 is no date in 2023", () => {
    expect(parseDateText("29/2", { defaultYear: 2023 })).toBeNull();
    expect(parseDateText("29 feb", { defaultYear: 2023 })).toBeNull();
  });

  it.each([
    ["32/1 2024"],
    ["29 feb 2023"],
    ["31 april 2024"],
    ["0/3 2024"],
    ["5/13 2024"],
    ["2024-13-01"],
    ["2024-02-30"],
    ["5/3 1899"],
    ["mars"],
    ["mars 2024"], // a month, not a day
    [""],
    ["   "],
    ["hej"],
    ["5 hej 2024"],
    ["2024"],
    ["45356"], // digits as text are never a serial number
    ["5-3-2024"],
  ])("%j → null", (text) => {
    expect(parseDateText(text)).toBeNull();
    expect(parseDateText(text, { defaultYear: 2024 })).toBeNull();
  });
});

describe("parseDateValue", () => {
  it.each([
    ["serial number", 45356, "2024-03-05"],
    ["serial with time of day", 45356.75, "2024-03-05"],
    ["Date at UTC midnight", new Date(Date.UTC(2024, 2, 5)), "2024-03-05"],
    ["Date at UTC noon", new Date(Date.UTC(2024, 2, 5, 12)), "2024-03-05"],
    ["ISO text", "2024-03-05", "2024-03-05"],
    ["Swedish text", "5 mars 2024", "2024-03-05"],
    ["d/m text", "5/3 2024", "2024-03-05"],
  ])("%s → %s", (_what, value, expected) => {
    expect(parseDateValue(value)).toBe(expected);
  });

  it.each([
    ["true", true],
    ["false", false],
    ["null", null],
    ["undefined", undefined],
    ["empty text", ""],
    ['"2024" (digits typed as text are not serials)', "2024"],
    ['"45356" (digits typed as text are not serials)', "45356"],
    ["0", 0],
    ["negative", -5],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["invalid Date", new Date("not a date")],
    ["object", { year: 2024 }],
    ["array", [45356]],
  ])("%s → null", (_what, value) => {
    expect(parseDateValue(value)).toBeNull();
  });

  it("passes defaultYear on to texts", () => {
    expect(parseDateValue("5/3")).toBeNull();
    expect(parseDateValue("5/3", { defaultYear: 2024 })).toBe("2024-03-05");
    expect(parseDateValue(45356, { defaultYear: 2030 })).toBe("2024-03-05");
  });
});

describe("parseMonthValue", () => {
  it.each([
    ["2024-03", "2024-03"],
    ["2024-3", "2024-03"],
    ["mars 2024", "2024-03"],
    ["Mars 2024", "2024-03"],
    [" mars 2024 ", "2024-03"],
    ["Mar 2024", "2024-03"],
    ["mar. 2024", "2024-03"],
    ["december 2024", "2024-12"],
    ["03/2024", "2024-03"],
    ["3/2024", "2024-03"],
    ["3 / 2024", "2024-03"],
    [45356, "2024-03"], // a serial date inside the month
    ["2024-03-05", "2024-03"], // a date text inside the month
    ["5 mars 2024", "2024-03"],
    ["5/3 2024", "2024-03"],
    [new Date(Date.UTC(2024, 2, 5)), "2024-03"],
  ])("%j → %s", (value, expected) => {
    expect(parseMonthValue(value)).toBe(expected);
  });

  it.each([
    ["2024-13"],
    ["2024-00"],
    ["13/2024"],
    ["00/2024"],
    ["mars"],
    ["hej 2024"],
    ["2024"],
    [""],
    [null],
    [undefined],
    [true],
    [0],
  ])("%j → null", (value) => {
    expect(parseMonthValue(value)).toBeNull();
  });
});

describe("month arithmetic", () => {
  it.each([
    ["2024-02", "2024-02-01", "2024-02-29"], // leap year
    ["2023-02", "2023-02-01", "2023-02-28"],
    ["2000-02", "2000-02-01", "2000-02-29"],
    ["1900-02", "1900-02-01", "1900-02-28"],
    ["2024-04", "2024-04-01", "2024-04-30"],
    ["2024-12", "2024-12-01", "2024-12-31"],
    ["2024-01", "2024-01-01", "2024-01-31"],
  ])("%s: first %s, last %s", (month, first, last) => {
    expect(firstDayOf(ym(month))).toBe(first);
    expect(lastDayOf(ym(month))).toBe(last);
  });

  it.each([
    ["2024-01", "2024-02"],
    ["2024-09", "2024-10"],
    ["2024-11", "2024-12"],
    ["2024-12", "2025-01"],
    ["1999-12", "2000-01"],
  ])("nextMonth(%s) → %s", (month, expected) => {
    expect(nextMonth(ym(month))).toBe(expected);
  });

  it.each([
    [2024, 3, "2024-03"],
    [2024, 12, "2024-12"],
    [2024, 13, null],
    [2024, 0, null],
    [1899, 12, null],
  ])("makeYearMonth(%d, %d) → %s", (year, month, expected) => {
    expect(makeYearMonth(year, month)).toBe(expected);
  });
});

describe("monthFromName", () => {
  it.each([
    ["januari", 1],
    ["jan", 1],
    ["februari", 2],
    ["feb", 2],
    ["mars", 3],
    ["mar", 3],
    ["Mar.", 3],
    ["MARS", 3],
    ["april", 4],
    ["apr", 4],
    ["maj", 5],
    ["juni", 6],
    ["jun", 6],
    ["juli", 7],
    ["jul", 7],
    ["augusti", 8],
    ["aug", 8],
    ["september", 9],
    ["sept", 9],
    ["sep", 9],
    ["oktober", 10],
    ["okt", 10],
    ["november", 11],
    ["nov", 11],
    ["december", 12],
    ["dec", 12],
  ])("%j → %d", (name, month) => {
    expect(monthFromName(name)).toBe(month);
  });

  it.each([["march"], ["may"], ["oct"], ["ma"], [""], ["mar.."], ["3"]])("%j → null", (name) => {
    expect(monthFromName(name)).toBeNull();
  });
});

describe("minDate / maxDate", () => {
  it.each([
    ["2024-03-05", "2024-03-06", "2024-03-05", "2024-03-06"],
    ["2024-03-06", "2024-03-05", "2024-03-05", "2024-03-06"],
    ["2024-12-31", "2025-01-01", "2024-12-31", "2025-01-01"],
    ["2024-02-29", "2024-10-01", "2024-02-29", "2024-10-01"],
    ["2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05"],
  ])("%s, %s → min %s, max %s", (a, b, min, max) => {
    expect(minDate(d(a), d(b))).toBe(min);
    expect(maxDate(d(a), d(b))).toBe(max);
  });
});
