import fc from "fast-check";
import type { IsoDate } from "../domain/date";
import {
  classifyReason,
  displayId,
  isBlankValue,
  isExcelError,
  parseAmount,
  parseAttendanceWord,
  parseCertificate,
  parseDateCell,
  parseHours,
  parseKon,
  parseNumber,
  parseOmfattning,
  parseTimeRangeValue,
  parseTimeValue,
  parseUpptrappning,
  parseYesNo,
} from "./values";

const d = (s: string): IsoDate => s as IsoDate;

describe("isBlankValue", () => {
  it.each([
    ["", true],
    ["   ", true],
    [null, true],
    [undefined, true],
    [{ richText: [] }, true],
    [0, false],
    [false, false],
    ["x", false],
    ["#N/A", false],
  ])("%j → %s", (value, blank) => {
    expect(isBlankValue(value)).toBe(blank);
  });
});

describe("parseKon", () => {
  it.each([
    ["Kvinna", "kvinna"],
    ["K", "kvinna"],
    ["k", "kvinna"],
    [" KVINNA ", "kvinna"],
    ["Man", "man"],
    ["M", "man"],
    ["Annat", "annat"],
    ["Ej angivet", "annat"],
    ["ej angivet", "annat"],
    ["Vill ej uppge", "annat"],
    ["Q", null],
    ["", null],
    [1, null],
    [true, null],
  ])("%j → %s", (value, kon) => {
    expect(parseKon(value)).toBe(kon);
  });
});

describe("parseYesNo", () => {
  it.each([
    ["Ja", true],
    ["ja", true],
    ["J", true],
    ["X", true],
    ["SANT", true],
    [true, true],
    [1, true],
    ["Nej", false],
    ["nej ", false],
    ["N", false],
    ["FALSKT", false],
    [false, false],
    [0, false],
    ["Kanske", null],
    [2, null],
    ["", null],
  ])("%j → %s", (value, expected) => {
    expect(parseYesNo(value)).toBe(expected);
  });
});

describe("parseNumber / parseAmount", () => {
  it.each([
    [14, 14],
    ["14", 14],
    ["14,5", 14.5],
    [" 2.5 ", 2.5],
    ["3 686", 3686],
    ["−3", -3],
    ["14 h", null],
    ["", null],
    [Number.NaN, null],
    [true, null],
  ])("parseNumber(%j) → %s", (value, n) => {
    expect(parseNumber(value)).toBe(n);
  });

  it.each([
    [3686, 3686],
    ["3 686 kr", 3686],
    ["3686,00", 3686],
    ["3 686:-", 3686],
    ["SEK 3686", 3686],
    ["123", 123],
    [0, null],
    [-5, null],
    ["gratis", null],
  ])("parseAmount(%j) → %s", (value, n) => {
    expect(parseAmount(value)).toBe(n);
  });
});

describe("parseOmfattning", () => {
  const hours = (h: number) => ({ hoursPerWeek: h, percent: null });
  const percent = (p: number) => ({ hoursPerWeek: null, percent: p });
  it.each([
    ["20", undefined, hours(20)],
    ["20 h", undefined, hours(20)],
    ["20h", undefined, hours(20)],
    ["20 tim", undefined, hours(20)],
    ["20 timmar", undefined, hours(20)],
    ["20 tim/v", undefined, hours(20)],
    ["20 h/vecka", undefined, hours(20)],
    ["20 timmar per vecka", undefined, hours(20)],
    ["17,5 h", undefined, hours(17.5)],
    [20, undefined, hours(20)],
    [40, "General", hours(40)],
    ["50 %", undefined, percent(50)],
    ["50%", undefined, percent(50)],
    ["75 procent", undefined, percent(75)],
    ["heltid", undefined, percent(100)],
    ["Heltid", undefined, percent(100)],
    ["Halvtid", undefined, percent(50)],
    [0.5, "0%", percent(50)],
    [0.5, undefined, percent(50)], // how Excel stores "50 %"
    [1, "0%", percent(100)],
    [0.35, undefined, percent(35)],
    ["deltid", undefined, null],
    ["200 h", undefined, null],
    ["150 %", undefined, null],
    ["", undefined, null],
    [-1, undefined, null],
    [true, undefined, null],
  ])("%j (format %j) → %j", (value, format, expected) => {
    expect(parseOmfattning(value, format)).toEqual(expected);
  });
});

describe("parseHours", () => {
  it.each([
    [2, undefined, 2],
    [2.5, undefined, 2.5],
    ["2,5", undefined, 2.5],
    ["2.5", undefined, 2.5],
    ["2 h", undefined, 2],
    ["3 tim", undefined, 3],
    ["1:30", undefined, 1.5],
    [0.0625, "[h]:mm", 1.5],
    [0, undefined, 0],
    [25, undefined, null],
    ["1:75", undefined, null],
    ["två", undefined, null],
    ["", undefined, null],
  ])("%j (format %j) → %s", (value, format, expected) => {
    expect(parseHours(value, format)).toBe(expected);
  });
});

describe("parseTimeValue: every time format of mallar.md", () => {
  it.each([
    ["8", 480],
    ["8.00", 480],
    ["08:00", 480],
    ["8.30", 510],
    ["8:30", 510],
    ["kl 8", 480],
    ["8,30", 510],
    ["08:30:00", 510],
    [0.3541666, 510], // Excel fraction: 8:30
    [0.3541666666666667, 510],
    [8, 480], // a whole hour typed as a number
    [45356.3541666, 510], // a date with a time: the time part
    [new Date(Date.UTC(1899, 11, 30, 8, 30)), 510],
  ])("%j → %d", (value, minutes) => {
    expect(parseTimeValue(value)).toBe(minutes);
  });

  it.each([["25.00"], ["8.60"], ["åtta"], [""], [8.3], [-1], [true], [Number.NaN]])(
    "%j → null",
    (value) => {
      expect(parseTimeValue(value)).toBeNull();
    },
  );

  it.each([
    ["8.00-12.00", 480, 720],
    ["8-12", 480, 720],
    ["8.00–12.00", 480, 720],
    ["8.00—12.00", 480, 720],
    ["kl 8-12", 480, 720],
    ["13:00 - 16:30", 780, 990],
    ["08:00:00-12:00:00", 480, 720],
  ])("range %j → %d–%d", (text, start, end) => {
    expect(parseTimeRangeValue(text)).toEqual({ start, end });
  });

  it.each([["12-8"], ["8"], ["8-12 och 13-16"], [0.5]])("range %j → null", (value) => {
    expect(parseTimeRangeValue(value)).toBeNull();
  });
});

describe("parseDateCell: every date format of mallar.md", () => {
  it.each([
    ["2024-03-05", "2024-03-05"],
    [45356, "2024-03-05"],
    [45356.75, "2024-03-05"], // a date with a time
    ["5/3 2024", "2024-03-05"],
    ["5 mars 2024", "2024-03-05"],
    ["5 mar 2024", "2024-03-05"],
    ["tis 5 mars 2024", "2024-03-05"],
    [new Date(Date.UTC(2024, 2, 5)), "2024-03-05"],
  ])("%j → %s", (value, date) => {
    expect(parseDateCell(value)).toBe(date);
  });

  it.each([
    ["31/13 2024"],
    ["2024-02-30"],
    ["45356"], // digits typed as text are not a serial number
    [5], // a small number in a date column is a slip, not 1900-01-05
    [100000],
    [true],
    ["#N/A"],
    ["igår"],
    ["5 mar"], // no year and no context
  ])("%j → null", (value) => {
    expect(parseDateCell(value)).toBeNull();
  });

  describe('"5 mar": the year comes from context', () => {
    it.each([
      [{ defaultYear: 2024 }, "2024-03-05"],
      [{ onOrAfter: d("2024-03-01") }, "2024-03-05"], // startdatum before it: same year
      [{ onOrAfter: d("2024-03-05") }, "2024-03-05"],
      [{ onOrAfter: d("2024-11-15") }, "2025-03-05"], // startdatum after it: next year
      [{ onOrBefore: d("2024-04-01") }, "2024-03-05"],
      [{ onOrBefore: d("2024-02-01") }, "2023-03-05"],
      [{ onOrAfter: d("2024-11-15"), defaultYear: 2030 }, "2025-03-05"], // startdatum wins
      [{ onOrAfter: null, defaultYear: 2026 }, "2026-03-05"],
    ])("%j → %s", (context, date) => {
      expect(parseDateCell("5 mar", context)).toBe(date);
    });

    test('"29/2" needs a leap year', () => {
      expect(parseDateCell("29/2", { defaultYear: 2024 })).toBe("2024-02-29");
      expect(parseDateCell("29/2", { defaultYear: 2023 })).toBeNull();
      expect(parseDateCell("29/2", { onOrAfter: d("2023-06-01") })).toBe("2024-02-29");
    });

    test("a text with its own year ignores the context", () => {
      expect(parseDateCell("5 mar 2023", { onOrAfter: d("2024-11-15"), defaultYear: 2030 })).toBe(
        "2023-03-05",
      );
    });
  });
});

describe("parseUpptrappning", () => {
  it.each([
    [
      "från 2024-03-01 20 h; från 2024-04-01 30 h",
      [
        { from: "2024-03-01", hoursPerWeek: 20 },
        { from: "2024-04-01", hoursPerWeek: 30 },
      ],
    ],
    [
      "Från 2024-04-01: 30 tim\nfrån 2024-03-01: 20 tim",
      [
        { from: "2024-03-01", hoursPerWeek: 20 },
        { from: "2024-04-01", hoursPerWeek: 30 },
      ],
    ],
    ["fr.o.m. 5 mars 2024 20 h/v", [{ from: "2024-03-05", hoursPerWeek: 20 }]],
    ["20 h från 2024-03-01", [{ from: "2024-03-01", hoursPerWeek: 20 }]],
    ["2024-03-01 50 %", [{ from: "2024-03-01", hoursPerWeek: 20 }]],
    ["från 5/3 20,5 h", [{ from: "2024-03-05", hoursPerWeek: 20.5 }]],
  ])("%j", (text, steps) => {
    expect(parseUpptrappning(text, { defaultYear: 2024 }, 40)).toEqual({
      steps,
      unreadable: [],
    });
  });

  test("unreadable parts are returned as written, readable ones kept", () => {
    expect(parseUpptrappning("från 2024-03-01 20 h; sen mer", {}, 40)).toEqual({
      steps: [{ from: "2024-03-01", hoursPerWeek: 20 }],
      unreadable: ["sen mer"],
    });
    expect(parseUpptrappning("från 2024-03-01 500 h", {}, 40).unreadable).toEqual([
      "från 2024-03-01 500 h",
    ]);
    expect(parseUpptrappning("från 5/3 20 h", {}, 40).unreadable).toEqual(["från 5/3 20 h"]);
  });
});

describe("attendance", () => {
  it.each([
    ["Närvarande", "närvarande", null],
    ["närvaro", "närvarande", null],
    ["Narvarande", "närvarande", null],
    ["Deltog", "närvarande", null],
    ["Ja", "närvarande", null],
    [true, "närvarande", null],
    ["Frånvarande", "frånvarande", null],
    ["Franvaro", "frånvarande", null],
    ["Uteblev", "frånvarande", null],
    [false, "frånvarande", null],
    ["Sjuk", "frånvarande", "sjuk"],
    ["sjukdom", "frånvarande", "sjuk"],
    ["VAB", "frånvarande", "VAB"],
    ["Vård av barn", "frånvarande", "VAB"],
    ["Ogiltig", "frånvarande", "ogiltig frånvaro"],
    ["Ogiltig frånvaro", "frånvarande", "ogiltig frånvaro"],
    ["Ledig", "frånvarande", "ledig"],
    ["Semester", "frånvarande", "ledig"],
    ["Frånvarande: tandläkare", "frånvarande", "tandläkare"],
    ["Frånvarande - sjuk", "frånvarande", "sjuk"],
    ["Frånvarande (Arbetsintervju)", "frånvarande", "Arbetsintervju"],
  ])("%j → %s, %j", (value, status, reason) => {
    expect(parseAttendanceWord(value)).toEqual({ status, reason });
  });

  it.each([["Kanske"], [""], [3], ["#N/A"]])("%j → null", (value) => {
    expect(parseAttendanceWord(value)).toBeNull();
  });

  it.each([
    ["Sjuk", "sjuk"],
    ["VAB", "VAB"],
    ["ogiltigt", "ogiltig frånvaro"],
    ["Beviljad ledighet", "ledig"],
    ["Tandläkare", null],
  ])("classifyReason(%j) → %j", (text, reason) => {
    expect(classifyReason(text)).toBe(reason);
  });

  it.each([
    ["Ja", true],
    ["x", true],
    [true, true],
    ["Nej", false],
    ["2024-03-12", "2024-03-12"],
    [45363, "2024-03-12"],
    ["Ja 2024-03-12", "2024-03-12"],
    ["inkom 12/3", "2024-03-12"],
    ["", null],
    ["kanske", undefined],
    [7, undefined],
  ])("parseCertificate(%j) → %j", (value, expected) => {
    expect(parseCertificate(value, { onOrAfter: d("2024-03-01") })).toBe(expected);
  });
});

describe("displayId hides a personnummer", () => {
  it.each([
    ["19850101-1234", "19850101-****"],
    ["850101-1234", "850101-****"],
    ["198501011234", "19850101-****"],
    ["850101+1234", "850101-****"],
    ["Anna Andersson", "Anna Andersson"],
    ["D1", "D1"],
  ])("%j → %j", (id, shown) => {
    expect(displayId(id)).toBe(shown);
  });
});

describe("the parsers never throw", () => {
  test("on any value", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        parseKon(value);
        parseYesNo(value);
        parseNumber(value);
        parseAmount(value);
        parseOmfattning(value);
        parseHours(value);
        parseTimeValue(value);
        parseTimeRangeValue(value);
        parseDateCell(value, { defaultYear: 2024 });
        parseAttendanceWord(value);
        parseCertificate(value);
        if (typeof value === "string") {
          parseUpptrappning(value, { defaultYear: 2024 });
          classifyReason(value);
          displayId(value);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("isExcelError", () => {
  test.each([
    ["#REF!", true],
    ["#N/A", true],
    ["#VALUE!", true],
    ["#DIV/0!", true],
    ["#NAME?", true],
    ["#NULL!", true],
    ["#NUM!", true],
    ["#SPILL!", true],
    ["#CALC!", true],
    ["#GETTING_DATA", true],
    [" #N/A ", true],
    [{ error: "#REF!" }, true],
    [{ formula: "A1/0", result: { error: "#DIV/0!" } }, true], // a formula showing an error
    ["#N/A förklaring", false],
    ["Möte #2", false],
    ["#", false],
    ["REF!", false],
    ["", false],
    [null, false],
    [42, false],
  ])("%p → %p", (value, expected) => {
    expect(isExcelError(value)).toBe(expected);
  });
});
