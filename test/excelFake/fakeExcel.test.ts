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

  it("measures each sync's response: the JSON of what its loads and results return", async () => {
    const fake = FakeExcel.fromSheets([{ name: "A", values: [["x", 2]] }]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("A");
      sheet.getRange("A1:B1").load("values");
      await context.sync();
      sheet.getRange("A1").getCellProperties({ format: { fill: { color: true } } });
      sheet.getRange("A1").values = [["y"]];
      await context.sync();
    });
    expect(fake.responseSizes).toEqual([
      // {"values":[["x",2]]} is 20 bytes, and 1 per result.
      20 + 1,
      // [[{"format":{"fill":{"color":"#FFFFFF"}}}]] is 43 bytes, and 1; a write returns nothing.
      43 + 1,
    ]);
    expect(fake.largestResponseBytes).toBe(44);
  });

  it("refuses a response over 5 000 000 bytes: nothing it loaded becomes readable", async () => {
    // "å" is 2 bytes in UTF-8: 2 600 000 of them are 5 200 000 bytes with the JSON around.
    const fake = FakeExcel.fromSheets([{ name: "A", values: [["å".repeat(2_600_000)]] }]);
    expect(fake.maxResponseBytes).toBe(5_000_000);
    let readable: string | null = null;
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("A");
        const range = sheet.getRange("A1").load("values");
        sheet.getRange("B1").values = [["skrivet"]];
        try {
          await context.sync();
        } finally {
          readable = codeOfThrow(() => range.values);
        }
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(readable).toBe("PropertyNotLoaded");
    // The batch ran: its write stays, as Excel ran it before the response was too large.
    expect(fake.cellsOf("A").B1?.value).toBe("skrivet");
    expect(fake.responseLimitFailures).toBe(1);
    expect(fake.largestResponseBytes).toBeGreaterThan(5_200_000);
    expect(fake.largestDeliveredResponseBytes).toBe(0);

    // Switched off, the same read is delivered (and still measured).
    fake.maxResponseBytes = Infinity;
    const value: unknown = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("A").getRange("A1").load("values");
      await context.sync();
      return (range.values as unknown[][])[0]?.[0];
    });
    expect(typeof value === "string" ? value.length : 0).toBe(2_600_000);
    expect(fake.largestDeliveredResponseBytes).toBeGreaterThan(5_200_000);
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
