/** The small pieces: A1 addresses, value conversion, the zip reader. */
import fc from "fast-check";
import { fromSerial, fromUtc, toSerial, type IsoDate } from "../../domain/date";
import { internalLink } from "../port";
import {
  columnLetters,
  columnNumber,
  parseAddress,
  parseRange,
  rangeAddresses,
  rangeSize,
} from "./a1";
import { rangeValue, serialFromDate } from "./cellValues";
import { buildZip, unzip } from "./testing";
import { listZipEntries, readZipEntry } from "./zipGuard";

describe("A1", () => {
  test("columns both ways, within Excel's last column", () => {
    expect([columnNumber("A"), columnNumber("z"), columnNumber("AA"), columnNumber("XFD")]).toEqual(
      [1, 26, 27, 16384],
    );
    expect(columnNumber("XFE")).toBeNull();
    expect(columnNumber("AAAA")).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), (n) => columnNumber(columnLetters(n)) === n),
    );
  });

  test("addresses and ranges", () => {
    expect(parseAddress("$B$7")).toEqual({ row: 7, col: 2 });
    expect(parseAddress(" b7 ")).toEqual({ row: 7, col: 2 });
    for (const bad of ["A0", "7B", "B", "XFD1048577", "A1:B2", "", "Å1"]) {
      expect(parseAddress(bad)).toBeNull();
    }
    const range = parseRange("F8:B7");
    expect(range).toEqual({ top: 7, left: 2, bottom: 8, right: 6 });
    expect(range && rangeSize(range)).toBe(10);
    expect(range && [...rangeAddresses(range)].slice(0, 6)).toEqual([
      "B7",
      "C7",
      "D7",
      "E7",
      "F7",
      "B8",
    ]);
    expect(parseRange("A1:B2:C3")).toBeNull();
    expect(parseRange("B:B")).toBeNull();
  });

  test("internal links quote the sheet name", () => {
    expect(internalLink("Jan Ek", "B7")).toBe("#'Jan Ek'!B7");
    expect(internalLink("Eva's", "A1")).toBe("#'Eva''s'!A1");
  });
});

describe("serialFromDate", () => {
  const day = 86_400_000;
  const excelJsDate = (serial: number): Date => new Date(Math.round((serial - 25569) * day));

  test("whole days agree with toSerial(fromUtc(date)) from 1900-03-01 to 9999-12-31", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const date = excelJsDate(serial);
        return serialFromDate(date) === serial && toSerial(fromUtc(date)) === serial;
      }),
    );
    expect(fromSerial(45356)).toBe("2024-03-05" as IsoDate);
  });

  test("a time of day on the minute comes back exactly as the serial ExcelJS read", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 61, max: 2_958_465 }),
        fc.integer({ min: 0, max: 1439 }),
        (whole, minute) => {
          const serial = (whole * 1440 + minute) / 1440;
          return serialFromDate(excelJsDate(serial)) === serial;
        },
      ),
    );
  });

  test("times without a date, and an invalid Date", () => {
    expect(serialFromDate(excelJsDate(0.5))).toBe(0.5);
    expect(serialFromDate(new Date(Number.NaN))).toBeNull();
  });
});

describe("rangeValue", () => {
  test.each([
    [null, ""],
    [undefined, ""],
    ["", ""],
    [0, 0],
    [Number.POSITIVE_INFINITY, "#NUM!"],
    [new Date(Number.NaN), "#NUM!"],
    [{ error: "#SPILL!" }, "#SPILL!"],
    [{ formula: "A1" }, ""],
    [{ formula: "A1", result: { error: "#N/A" } }, "#N/A"],
    [{ sharedFormula: "B1", result: 3 }, 3],
    [{ formula: "A1", result: new Date(Date.UTC(2024, 2, 5)) }, 45356],
    [{ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "#A1" }, "ab"],
    [{ richText: [] }, ""],
  ] as const)("%p → %p", (value, expected) => {
    expect(rangeValue(value as Parameters<typeof rangeValue>[0])).toEqual(expected);
  });
});

describe("zip reader", () => {
  test("reads back what it wrote", () => {
    const parts = [
      { name: "a.txt", data: Buffer.from("hej") },
      { name: "dir/ö.xml", data: Buffer.from("<x/>".repeat(1000)) },
    ];
    const zip = buildZip(parts);
    expect(unzip(zip)).toEqual(parts);
    const entries = listZipEntries(zip);
    expect(entries.map((e) => [e.name, e.uncompressedSize, e.method])).toEqual([
      ["a.txt", 3, 8],
      ["dir/ö.xml", 4000, 8],
    ]);
    const second = entries[1];
    expect(second && readZipEntry(zip, second).toString()).toBe("<x/>".repeat(1000));
  });

  test("an encrypted part is refused", () => {
    const zip = buildZip([{ name: "a.txt", data: Buffer.from("hej") }]);
    const entry = listZipEntries(zip)[0];
    if (!entry) throw new Error("no entry");
    expect(() => readZipEntry(zip, { ...entry, flags: 1 })).toThrow(
      "Filen kan inte läsas som en Excel-arbetsbok (.xlsx). Den är krypterad.",
    );
  });
});
