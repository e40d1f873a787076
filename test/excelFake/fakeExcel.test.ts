/** The fake behaves like Excel where the Office port's correctness depends on it. */
import { FakeExcel, FakeOfficeError } from "./index";

/** The Office error code a call throws. */
function codeOfThrow(call: () => unknown): string | null {
  try {
    call();
    return null;
  } catch (error) {
    return error instanceof FakeOfficeError ? error.code : null;
  }
}

describe("FakeExcel", () => {
  it("throws PropertyNotLoaded before load and sync, and counts syncs and proxies", async () => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [["x", 2]] }]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("A").getRange("A1:B1");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      // Loaded but not yet synced: still unavailable.
      expect(codeOfThrow(() => range.values)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([["x", 2]]);
    });
    expect(fake.syncCount).toBe(1);
    // workbook, its application, worksheets, names and tables collections; the sheet (with
    // its notes, tables, charts, freeze panes), the range and its format, fill and font.
    expect(fake.proxyCount).toBe(14);
    expect(fake.largestRequestBytes).toBeGreaterThan(0);
  });

  it("applies queued writes only at sync", async () => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [["x"]] }]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("A1").values = [["y"]];
      expect(fake.cellsOf("A").A1?.value).toBe("x");
      await context.sync();
    });
    expect(fake.cellsOf("A").A1?.value).toBe("y");
  });

  it.each<[string, string, { value: unknown; formula: string | null }]>([
    ["=1+1", "General", { value: "#NAME?", formula: "=1+1" }],
    ["+cmd", "General", { value: "#NAME?", formula: "=+cmd" }],
    ["-1+1", "General", { value: "#NAME?", formula: "=-1+1" }],
    ["=1+1", "@", { value: "=1+1", formula: null }],
    ["'=1+1", "General", { value: "=1+1", formula: null }],
    ["-5", "General", { value: -5, formula: null }],
    ["00123", "General", { value: 123, formula: null }],
    ["'00123", "General", { value: "00123", formula: null }],
  ])("stores %j in a cell formatted %j like Excel does", async (input, format, expected) => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [], numberFormats: [[format]] }]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("A1").values = [[input]];
      await context.sync();
    });
    expect(fake.cellsOf("A").A1).toMatchObject(expected);
  });

  it("refuses a RangeAreas address over 8 192 characters and a request over 5 MB", async () => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [["x"]] }]);
    // 1 000 addresses "A1000" … of 5 characters + comma ≈ 6 000; 2 000 of them ≈ 12 000.
    const long = Array.from({ length: 2_000 }, (_, i) => `A${i + 1000}`).join(",");
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("A").getRanges(long).format.fill.color = "#FF0000";
        await context.sync();
      }),
    ).rejects.toThrow(FakeOfficeError);
    const big = "x".repeat(6 * 1024 * 1024);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("A").getRange("A1").values = [[big]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cellsOf("A").A1?.value).toBe("x");
  });

  it("fails notes where ExcelApi 1.18 is missing", async () => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [["x"]] }], {
      isSetSupported: () => false,
    });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("A").notes.add("A1", "hej");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
