/**
 * The domain's dates are plain local dates: every result must be the same whatever time zone the
 * machine (or Excel's JavaScript runtime) is in, across daylight-saving changes included.
 *
 * Why a child process: Jest gives each test file a sandboxed copy of `process.env`, so assigning
 * `process.env.TZ` inside a test never reaches Node and the zone does not change (the test would
 * pass vacuously). The checks therefore run in a separate Node process (TypeScript loaded by
 * tsx), which loads the modules under Pacific/Kiritimati (UTC+14) and then switches
 * `process.env.TZ` at run time through the zones below — Node honours that assignment — and
 * restores it at the end. The zone offsets it reports prove that the zone really changed.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

/** America/Santiago is extra: there the clocks jump at midnight (2024-09-08 has no 00:00). */
const ZONES = [
  "Europe/Stockholm",
  "America/New_York",
  "Asia/Tokyo",
  "Pacific/Kiritimati",
  "UTC",
  "America/Santiago",
];
/** getTimezoneOffset() of 2024-01-01 local midnight in each zone (minutes, UTC − local). */
const WINTER_OFFSETS = [-60, 300, -540, -840, 0, 180];

const here = __dirname;
const repoRoot = path.resolve(here, "..", "..");
const modulePath = (name: string): string => JSON.stringify(path.join(here, `${name}.ts`));

/** Plain JavaScript run by the child process; it prints one JSON line. */
const PROBE = `
const date = require(${modulePath("date")});
const cal = require(${modulePath("calendar")});
const hol = require(${modulePath("holidays")});
const comp = require(${modulePath("compensation")});
const zones = ${JSON.stringify(ZONES)};
const original = process.env.TZ;
const out = [];
for (const zone of zones) {
  process.env.TZ = zone;
  const results = {
    fromSerial45356: date.fromSerial(45356),
    toSerial20240305: date.toSerial("2024-03-05"),
    fromSerial45382: date.fromSerial(45382),
    toSerial20241027: date.toSerial("2024-10-27"),
    localRoundTrip: date.fromLocal(date.toLocal("2024-03-31")),
    springAddDays: cal.addDays("2024-03-30", 2),
    springAddOne: cal.addDays("2024-03-31", 1),
    springBetween: cal.daysBetween("2024-03-30", "2024-04-01"),
    autumnAddDays: cal.addDays("2024-10-26", 2),
    autumnBack: cal.addDays("2024-10-28", -2),
    autumnBetween: cal.daysBetween("2024-10-26", "2024-10-28"),
    marchToNovember: cal.daysBetween("2024-03-01", "2024-11-01"),
    midnightGap: cal.eachDay("2024-09-07", "2024-09-09"),
    midnightGapBetween: cal.daysBetween("2024-09-07", "2024-09-09"),
    midnightGapWeek: cal.isoWeekOf("2024-09-08"),
    addMonths: cal.addMonths("2024-01-31", 1),
    addMonthsOverSpring: cal.addMonths("2024-03-31", 1),
    eachDayOverSpring: cal.eachDay("2024-03-30", "2024-04-01"),
    weekdayDstSunday: cal.weekday("2024-03-31"),
    isoWeekOf20241230: cal.isoWeekOf("2024-12-30"),
    isoWeekOfDstSunday: cal.isoWeekOf("2024-03-31"),
    isoWeekStart2025w1: cal.isoWeekStart(2025, 1),
    weekDates2024w13: cal.weekDates(2024, 13),
    serviceMonthStart31: cal.serviceMonth("2024-01-31", "2024-03-31"),
    serviceMonthOctober: cal.serviceMonth("2024-03-15", "2024-10-14"),
    serviceMonthRange: cal.serviceMonthRange("2024-01-31", 2),
    overlap: cal.overlapDays("2024-03-25", "2024-04-05", "2024-03-31", "2024-10-27"),
    easter2024: hol.swedishHolidays(2024).map((h) => h.date).slice(2, 5),
    annandagPask: hol.isWorkingDay("2024-04-01"),
    addWorkingDays: hol.addWorkingDays("2024-03-28", 1),
    workingDaysOverAutumn: hol.workingDaysBetween("2024-10-25", "2024-10-29"),
    insatsdagarMarch: comp.insatsdagar("2024-03-15", null, "2024-03"),
    insatsdagarOctober: comp.insatsdagar("2024-10-01", "2024-10-31", "2024-10"),
    jpgMarchPart: comp.monthlyCompensation({ programme: "JPG", start: "2024-03-15", end: null, month: "2024-03" }),
    jpgMarchFull: comp.monthlyCompensation({ programme: "JPG", start: "2024-01-10", end: null, month: "2024-03" }).amount,
    jpfFebruary: comp.monthlyCompensation({ programme: "JPF", start: "2024-02-10", end: null, month: "2024-02" }).amount,
    jpgOctoberPart: comp.monthlyCompensation({ programme: "JPG", start: "2024-10-20", end: null, month: "2024-10" }).amount,
  };
  out.push({ zone, offset: new Date(2024, 0, 1).getTimezoneOffset(), results });
}
if (original === undefined) delete process.env.TZ; else process.env.TZ = original;
process.stdout.write(JSON.stringify(out));
`;

const EXPECTED = {
  fromSerial45356: "2024-03-05",
  toSerial20240305: 45356,
  fromSerial45382: "2024-03-31",
  toSerial20241027: 45592,
  localRoundTrip: "2024-03-31",
  springAddDays: "2024-04-01",
  springAddOne: "2024-04-01",
  springBetween: 2,
  autumnAddDays: "2024-10-28",
  autumnBack: "2024-10-26",
  autumnBetween: 2,
  marchToNovember: 245,
  midnightGap: ["2024-09-07", "2024-09-08", "2024-09-09"],
  midnightGapBetween: 2,
  midnightGapWeek: { year: 2024, week: 36 },
  addMonths: "2024-02-29",
  addMonthsOverSpring: "2024-04-30",
  eachDayOverSpring: ["2024-03-30", "2024-03-31", "2024-04-01"],
  weekdayDstSunday: 7,
  isoWeekOf20241230: { year: 2025, week: 1 },
  isoWeekOfDstSunday: { year: 2024, week: 13 },
  isoWeekStart2025w1: "2024-12-30",
  weekDates2024w13: [
    "2024-03-25",
    "2024-03-26",
    "2024-03-27",
    "2024-03-28",
    "2024-03-29",
    "2024-03-30",
    "2024-03-31",
  ],
  serviceMonthStart31: 3,
  serviceMonthOctober: 7,
  serviceMonthRange: { from: "2024-02-29", to: "2024-03-30" },
  overlap: 6, // 31 March – 5 April
  easter2024: ["2024-03-29", "2024-03-31", "2024-04-01"],
  annandagPask: false,
  addWorkingDays: "2024-04-02",
  workingDaysOverAutumn: 1, // Monday 28 October
  insatsdagarMarch: 17,
  insatsdagarOctober: 31,
  jpgMarchPart: {
    kind: "amount",
    ruleId: "ERS.DAG",
    from: "2024-03-15",
    to: "2024-03-31",
    days: 17,
    amount: 2091, // 17 × 123
    capped: false,
    tariff: {
      programme: "JPG",
      validFrom: "2023-01-01",
      monthly: 3686,
      dayRate: 123,
      source:
        "Nacka kommun, Rutiner för auktoriserade anordnare inom kundval arbetsmarknadsinsatser (2023-09-29), 9.1",
    },
  },
  jpgMarchFull: 3686,
  jpfFebruary: 3240, // 20 × 162
  jpgOctoberPart: 1476, // 20–31 October = 12 × 123
};

interface ZoneRun {
  zone: string;
  offset: number;
  results: unknown;
}

function runProbe(): ZoneRun[] {
  const child = spawnSync(process.execPath, ["--import", "tsx", "-e", PROBE], {
    cwd: repoRoot,
    env: { ...process.env, TZ: "Pacific/Kiritimati" },
    encoding: "utf8",
    timeout: 60_000,
  });
  if (child.status !== 0) {
    throw new Error(`Probe failed (${String(child.status)}): ${child.stderr}`);
  }
  return JSON.parse(child.stdout) as ZoneRun[];
}

describe("results do not depend on the time zone", () => {
  let runs: ZoneRun[] = [];

  beforeAll(() => {
    runs = runProbe();
  }, 60_000);

  test("the zone really changed between runs", () => {
    expect(runs.map((r) => r.zone)).toEqual(ZONES);
    expect(runs.map((r) => r.offset)).toEqual(WINTER_OFFSETS);
    expect(new Set(runs.map((r) => r.offset)).size).toBe(ZONES.length);
  });

  test("Stockholm gives the expected values", () => {
    expect(runs[0]?.results).toEqual(EXPECTED);
  });

  test.each(ZONES.slice(1))("%s gives exactly the Stockholm results", (zone) => {
    const stockholm = runs.find((r) => r.zone === "Europe/Stockholm");
    const other = runs.find((r) => r.zone === zone);
    expect(stockholm).toBeDefined();
    expect(other?.results).toEqual(stockholm?.results);
  });
});
