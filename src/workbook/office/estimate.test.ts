/**
 * The request size estimate (support.ts) against what the in-memory Excel measures for the same
 * request: never below it (a request the port thinks fits must fit), and not far above it (the
 * allowance per operation, OPERATION_OVERHEAD, is for Office.js framing the fake does not
 * model). Every sync a mark command makes through a RequestBatch is compared, over workbooks
 * chosen to stress each part of the estimate: many sheets, long messages (non-ASCII, quotes,
 * "_x" escapes, records over several chunks), long sheet names with apostrophes, many restores,
 * and a write large enough to be split.
 */
import { FakeExcel, type FakeSheetInit } from "../../../test/excelFake";
import { MARKS_SHEET_NAME, type CellMark } from "../port";
import { OfficeWorkbook } from "./index";
import { OPERATION_OVERHEAD, REQUEST_BUDGET, RequestBatch } from "./support";

const FIVE_MB = 5_000_000;

function portOn(fake: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(fake.run, { apiVersion: fake.isSetSupported });
}

interface Compared {
  estimate: number;
  actual: number;
}

/** Runs `action`, pairing each estimated request with the size the fake measured for it. */
async function compared(fake: FakeExcel, action: () => Promise<unknown>): Promise<Compared[]> {
  const estimates: { sync: number; estimate: number }[] = [];
  fake.resetCounters();
  RequestBatch.observer = (estimate) => {
    // Called just before the sync: it is the next one.
    estimates.push({ sync: fake.syncCount + 1, estimate });
  };
  try {
    await action();
  } finally {
    RequestBatch.observer = null;
  }
  return estimates.map(({ sync, estimate }) => ({
    estimate,
    actual: fake.requestSizes[sync - 1] ?? Number.NaN,
  }));
}

function grid(rows: number, cols: number): (string | number)[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c === 0 ? `Rad ${r + 1}` : r * cols + c)),
  );
}

const COLS = "BCDEFGH";

/** Every cell of rows 1…rows, columns B…, of each sheet; the first cell of a row carries `note`. */
function rowMarks(
  sheets: readonly string[],
  rows: number,
  cols: number,
  note: (sheet: number, row: number) => string,
  severity: CellMark["severity"] = "error",
): CellMark[] {
  return sheets.flatMap((sheet, s) =>
    Array.from({ length: rows }, (_, r) => ({
      sheet,
      severity,
      note: note(s, r),
      cells: Array.from({ length: cols }, (_, c) => `${COLS[c] ?? "B"}${r + 1}`),
    })),
  );
}

/** A long message: Swedish letters (2 bytes each in UTF-8), quotes, an escape-like "_x0041_". */
function longMessage(i: number, length: number): string {
  const base = `Fel ${i}: ”Åsa” säger "nej" – _x0041_ \\ ändå öppet. `;
  return base.repeat(Math.ceil(length / base.length)).slice(0, length);
}

interface Case {
  sheets: FakeSheetInit[];
  /** The findings of each validation in turn. */
  runs: CellMark[][];
}

const names = (n: number, prefix: string): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`.slice(0, 31));

const CASES: [string, () => Case][] = [
  [
    "many sheets, short messages",
    () => {
      const sheetNames = names(150, "Deltagare ");
      return {
        sheets: sheetNames.map((name) => ({ name, values: grid(12, 8) })),
        runs: [
          rowMarks(sheetNames, 6, 4, (s, r) => `Kort ${s}-${r}`),
          rowMarks(sheetNames, 3, 6, (s, r) => `Annan ${s}-${r}`, "warning"),
        ],
      };
    },
  ],
  [
    "long messages, several on one cell (records over two chunks of 30 000 characters)",
    () => {
      const sheetNames = names(3, "Lång ");
      // 20 messages of 2 000 characters on the same cell: a record of more than 40 000.
      const many: CellMark[] = Array.from({ length: 20 }, (_, i) => ({
        sheet: "Lång 1",
        severity: "error",
        note: longMessage(i, 2000),
        cells: ["B1"],
      }));
      return {
        sheets: sheetNames.map((name) => ({ name, values: grid(20, 8) })),
        runs: [[...many, ...rowMarks(sheetNames, 20, 2, (s, r) => longMessage(s * 100 + r, 1500))]],
      };
    },
  ],
  [
    "long sheet names with apostrophes and quotes",
    () => {
      const sheetNames = [
        "O'Brien – schema vecka 10 åäö",
        "Citat 'A' \"Anna\" Öberg _x0041_",
        "Långt namn med apostrof'er x",
      ];
      return {
        sheets: sheetNames.map((name) => ({ name, values: grid(10, 8) })),
        runs: [
          rowMarks(
            sheetNames,
            10,
            5,
            (s, r) => `Meddelande ${s} ${r} för ’${sheetNames[s] ?? ""}’`,
          ),
          rowMarks(sheetNames, 4, 2, () => "Bara två"),
        ],
      };
    },
  ],
  [
    "many restores of own fills and notes",
    () => {
      const sheetNames = names(40, "Eget ");
      const fills = Array.from({ length: 10 }, (_, r) =>
        Array.from({ length: 8 }, (_, c) => ((r + c) % 3 === 0 ? "#FFFF00" : null)),
      );
      const notes = Array.from({ length: 10 }, (_, r) =>
        Array.from({ length: 8 }, (_, c) =>
          (r * c) % 4 === 1 ? `Egen anteckning ${r}:${c}` : null,
        ),
      );
      return {
        sheets: sheetNames.map((name) => ({ name, values: grid(10, 8), fills, notes })),
        // All of rows 1–10 marked, then only row 1 with another severity: 9 rows restored.
        runs: [
          rowMarks(sheetNames, 10, 7, (s, r) => `Första ${s}:${r}`),
          rowMarks(sheetNames, 1, 7, (s) => `Andra ${s}`, "info"),
        ],
      };
    },
  ],
  [
    "a write larger than the budget (split into several syncs)",
    () => {
      const sheetNames = names(30, "Stor ");
      // 30 × 40 rows × 1 cell with a 2 000-character message: about 1 200 notes of 2 kB and their
      // records, more than 2 × 1 200 × 2 000 = 4.8 MB, over the 4.5 MB budget.
      return {
        sheets: sheetNames.map((name) => ({ name, values: grid(40, 3) })),
        runs: [rowMarks(sheetNames, 40, 1, (s, r) => longMessage(s * 1000 + r, 2000))],
      };
    },
  ],
];

describe("request size estimate", () => {
  it.each(CASES)("is at or above the measured size of every request: %s", async (_name, make) => {
    const { sheets, runs } = make();
    const fake = FakeExcel.fromSheets(sheets);
    const port = portOn(fake);
    const all: Compared[] = [];
    for (const marks of runs) {
      // A validation: readSheets, then replaceMarks (restores, records, marks).
      all.push(
        ...(await compared(fake, async () => {
          await port.readSheets();
          await port.replaceMarks(marks);
        })),
      );
    }
    // markCells on top of the last marks (a record kept, messages added), then clearMarks.
    all.push(...(await compared(fake, () => port.markCells(runs[0] ?? []))));
    all.push(...(await compared(fake, () => port.clearMarks())));
    expect(fake.sheetNames()).not.toContain(MARKS_SHEET_NAME);

    expect(all.length).toBeGreaterThan(0);
    for (const { estimate, actual } of all) {
      expect(actual).toBeGreaterThan(0);
      expect(estimate).toBeGreaterThanOrEqual(actual);
      // The allowance per operation is 250 bytes (Office.js framing, which the fake does not
      // measure); the fake's smallest operation, a note's delete ({"op":"deleteNote","key":
      // "B10"},) is 33 bytes, estimated 250 + 5 ("B10" with quotes) + 9 ("Stor 30") = 264: a
      // request of nothing but those, 264 / 33 = 8 times its size.
      expect(estimate).toBeLessThanOrEqual(8 * actual + OPERATION_OVERHEAD);
      // Near the budget the data dominates: a note of the bench's size (150 bytes of text) is
      // about 200 bytes in the fake and 150 + 250 + 15 = 415 in the estimate, a little over 2.
      if (actual > 1_000_000) expect(estimate).toBeLessThanOrEqual(2.1 * actual);
      expect(estimate).toBeLessThanOrEqual(REQUEST_BUDGET);
      expect(actual).toBeLessThan(FIVE_MB);
    }
  });

  it("splits a write over the budget, each part under it", async () => {
    const make = CASES.find(([name]) => name.startsWith("a write larger"))?.[1];
    if (!make) throw new Error("case");
    const { sheets, runs } = make();
    const fake = FakeExcel.fromSheets(sheets);
    const port = portOn(fake);
    const requests = await compared(fake, async () => {
      await port.readSheets();
      await port.replaceMarks(runs[0] ?? []);
    });
    const writes = requests.filter((r) => r.actual > 1_000_000);
    expect(writes.length).toBeGreaterThanOrEqual(2);
    for (const { estimate, actual } of writes) {
      expect(estimate).toBeLessThanOrEqual(REQUEST_BUDGET);
      expect(actual).toBeLessThan(FIVE_MB);
    }
  });
});
