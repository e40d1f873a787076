import fc from "fast-check";
import {
  a1,
  cellText,
  columnIndex,
  columnLetter,
  formatKind,
  formattedCellText,
  parseA1,
  plainValue,
  sheetAddress,
} from "./a1";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [1, "B"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("%d ↔ %s", (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  it.each([[""], ["A1"], ["ÅÄ"], ["ABCD"], ["XFE"], ["ZZZ"], [" A"]])(
    "%j is not a column",
    (letters) => {
      expect(columnIndex(letters)).toBeNull();
    },
  );

  it.each([[-1], [1.5], [16384], [Number.NaN]])("index %d throws RangeError", (index) => {
    expect(() => columnLetter(index)).toThrow(RangeError);
  });

  test("round trip for every Excel column", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (i) => {
        expect(columnIndex(columnLetter(i))).toBe(i);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("A1 addresses", () => {
  it.each([
    [0, 0, "A1"],
    [6, 1, "B7"],
    [99, 26, "AA100"],
    [1_048_575, 16_383, "XFD1048576"],
  ])("(%d, %d) → %s", (row, column, address) => {
    expect(a1(row, column)).toBe(address);
    expect(parseA1(address)).toEqual({ row, column });
  });

  it.each([
    ["$B$7", 6, 1],
    ["b7", 6, 1],
    [" C3 ", 2, 2],
  ])("parseA1(%j)", (address, row, column) => {
    expect(parseA1(address)).toEqual({ row, column });
  });

  it.each([["B0"], ["7B"], [""], ["B"], ["XFE1"], ["A1048577"], ["A-1"]])(
    "parseA1(%j) → null",
    (address) => {
      expect(parseA1(address)).toBeNull();
    },
  );

  it.each([
    ["Aktiviteter", "B7", "Aktiviteter!B7"],
    ["Händelser", "C2", "Händelser!C2"],
    ["Godkända avvikelser", "A2", "'Godkända avvikelser'!A2"],
    ["Annas blad", "A1", "'Annas blad'!A1"],
    ["O'Brien", "A1", "'O''Brien'!A1"],
    ["2024", "A1", "'2024'!A1"],
  ])("sheetAddress(%j, %j) → %s", (sheet, address, expected) => {
    expect(sheetAddress(sheet, address)).toBe(expected);
  });
});

describe("formatKind", () => {
  it.each([
    ["General", "general"],
    ["Standard", "general"],
    ["", "general"],
    [undefined, "general"],
    ["@", "text"],
    ["0", "general"],
    ["0.00", "general"],
    ['#,##0 "kr"', "general"],
    ["yyyy-mm-dd", "date"],
    ["d/m/yyyy", "date"],
    ["ÅÅÅÅ-MM-DD", "date"],
    ["[$-41D]d mmmm yyyy", "date"],
    ["h:mm", "time"],
    ["hh:mm:ss", "time"],
    ["[h]:mm", "time"],
    ["tt:mm", "time"],
    ["yyyy-mm-dd hh:mm", "datetime"],
    ["0%", "percent"],
    ["0.0 %", "percent"],
    ['[Red]0;"minus"0', "general"],
  ])("%j → %s", (format, kind) => {
    expect(formatKind(format)).toBe(kind);
  });
});

describe("cellText: the value as a person sees it", () => {
  it.each([
    ["", ""],
    [null, ""],
    [undefined, ""],
    ["  Anna  ", "  Anna  "],
    ["8.00-12.00", "8.00-12.00"],
    [42, "42"],
    [45356, "45356"],
    [8.5, "8,5"],
    [0.1 + 0.2, "0,3"],
    [0.3541666666666667, "0,3541666667"],
    [-3, "-3"],
    [true, "SANT"],
    [false, "FALSKT"],
    [new Date(Date.UTC(2024, 2, 5)), "2024-03-05"],
    [new Date(Date.UTC(2024, 2, 5, 8, 30)), "2024-03-05 8:30"],
    [new Date(Date.UTC(1899, 11, 30, 8, 30)), "8:30"],
    [new Date(Number.NaN), ""],
    [{ error: "#N/A" }, "#N/A"],
    [{ richText: [{ text: "Anna " }, { text: "Andersson" }] }, "Anna Andersson"],
    [{ formula: "A1+1", result: 7 }, "7"],
    [{ text: "länk", hyperlink: "https://example.org" }, "länk"],
    [{ something: 1 }, ""],
    [[1, 2], ""],
  ])("%j → %j", (value, text) => {
    expect(cellText(value)).toBe(text);
  });

  it.each([
    [45356, "yyyy-mm-dd", "2024-03-05"],
    [45356, "d/m/yyyy", "2024-03-05"],
    [45356.5, "yyyy-mm-dd hh:mm", "2024-03-05 12:00"],
    [0.3541666666666667, "h:mm", "8:30"],
    [0.5, "[h]:mm", "12:00"],
    [0.5, "0%", "50 %"],
    [0.125, "0.0%", "12,5 %"],
    [8.5, "General", "8,5"],
    [8.5, null, "8,5"],
    ["text", "yyyy-mm-dd", "text"],
    [-5, "yyyy-mm-dd", "-5"],
  ])("%j in format %j → %j", (value, format, text) => {
    expect(formattedCellText(value, format)).toBe(text);
  });

  test("works with Array.prototype.map (one argument)", () => {
    expect([1, "a", true].map(cellText)).toEqual(["1", "a", "SANT"]);
  });

  test("plainValue unwraps at most a few levels and never throws", () => {
    let nested: unknown = 5;
    for (let i = 0; i < 10; i++) nested = { result: nested };
    expect(plainValue(nested)).toBe("");
    expect(plainValue({ result: { result: 5 } })).toBe(5);
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof cellText(value)).toBe("string");
      }),
      { numRuns: 1000 },
    );
  });
});
