/**
 * Date cells read the same in every time zone. As in src/domain/timezone.test.ts, the check
 * runs in a child Node process (TypeScript through tsx), because Jest's sandboxed process.env
 * cannot change the zone; the child switches process.env.TZ at run time, which Node honours,
 * and reports the zone offsets to prove the zone really changed.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ZONES = ["Europe/Stockholm", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", "UTC"];
const WINTER_OFFSETS = [-60, 300, -540, -840, 0];

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const modulePath = (name: string): string => JSON.stringify(path.join(__dirname, `${name}.ts`));

const PROBE = `
const ExcelJS = require("exceljs");
const { FileWorkbook } = require(${modulePath("fileWorkbook")});
const zones = ${JSON.stringify(ZONES)};
const original = process.env.TZ;
(async () => {
  const out = [];
  for (const zone of zones) {
    process.env.TZ = zone;
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("S");
    const cells = [
      [Date.UTC(2024, 2, 5), "yyyy-mm-dd"],
      [Date.UTC(2024, 2, 31), "yyyy-mm-dd"],
      [Date.UTC(2024, 9, 27), "yyyy-mm-dd"],
      [Date.UTC(2024, 2, 5, 13, 30), "yyyy-mm-dd hh:mm"],
      [Date.UTC(2024, 2, 31, 2, 30), "yyyy-mm-dd hh:mm"],
      [Date.UTC(2024, 9, 27, 2, 30), "yyyy-mm-dd hh:mm"],
      [Date.UTC(2024, 11, 31, 23, 59), "yyyy-mm-dd hh:mm"],
    ];
    cells.forEach(([ms, fmt], i) => {
      const c = s.getCell(i + 1, 1);
      c.value = new Date(ms);
      c.numFmt = fmt;
    });
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const [sheet] = await (await FileWorkbook.fromBuffer(data)).readSheets();
    out.push({ zone, offset: new Date(2024, 0, 1).getTimezoneOffset(), values: sheet.values.map((r) => r[0]) });
  }
  if (original === undefined) delete process.env.TZ; else process.env.TZ = original;
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const EXPECTED = [
  45356,
  45382,
  45592,
  45356.5625,
  45382 + 2.5 / 24,
  45592 + 2.5 / 24,
  45657 + 1439 / 1440,
];

interface ZoneRun {
  zone: string;
  offset: number;
  values: number[];
}

describe("date cells do not depend on the time zone", () => {
  let runs: ZoneRun[] = [];

  beforeAll(() => {
    const child = spawnSync(process.execPath, ["--import", "tsx", "-e", PROBE], {
      cwd: repoRoot,
      env: { ...process.env, TZ: "Pacific/Kiritimati" },
      encoding: "utf8",
      timeout: 60_000,
    });
    if (child.status !== 0) {
      throw new Error(`Probe failed (${String(child.status)}): ${child.stderr}`);
    }
    runs = JSON.parse(child.stdout) as ZoneRun[];
  }, 60_000);

  test("the zone really changed between runs", () => {
    expect(runs.map((r) => r.zone)).toEqual(ZONES);
    expect(runs.map((r) => r.offset)).toEqual(WINTER_OFFSETS);
  });

  test.each(ZONES)("%s reads 2024-03-05 as 45356, the DST days and times exactly", (zone) => {
    const run = runs.find((r) => r.zone === zone);
    expect(run?.values).toHaveLength(EXPECTED.length);
    run?.values.forEach((value, i) => {
      expect(value).toBeCloseTo(EXPECTED[i] ?? Number.NaN, 9);
    });
    expect(run?.values.slice(0, 4)).toEqual(EXPECTED.slice(0, 4));
  });
});
