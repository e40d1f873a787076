import type { IsoDate, YearMonth } from "./date";
import type { Programme } from "./programmes";
import {
  BONUS_AMOUNT,
  BUILT_IN_TARIFFS,
  TILLAGG_AMOUNTS,
  findTariff,
  isValidTillagg,
  noTariffMessage,
  tariffSchema,
  type Tariff,
} from "./tariffs";

const d = (s: string): IsoDate => s as IsoDate;

function tariff(
  programme: Programme,
  validFrom: string,
  monthly: number,
  dayRate: number,
  source = "Ersättningar",
): Tariff {
  return { programme, validFrom: d(validFrom), monthly, dayRate, source };
}

describe("tariffSchema", () => {
  test("accepts a workbook row", () => {
    const row = {
      programme: "ROM2",
      validFrom: "2024-01-01",
      monthly: 9000,
      dayRate: 300,
      source: "Ersättningar rad 2",
    };
    expect(tariffSchema.parse(row)).toEqual(row);
  });

  test.each([
    ["an unknown programme", { programme: "XYZ" }],
    ["a date that is not ÅÅÅÅ-MM-DD", { validFrom: "1/1 2024" }],
    ["a date that does not exist", { validFrom: "2023-02-29" }],
    ["a zero monthly amount", { monthly: 0 }],
    ["a negative day rate", { dayRate: -1 }],
    ["a text amount", { monthly: "3686" }],
    ["a missing source", { source: undefined }],
  ])("refuses %s", (_label, change) => {
    const row = {
      programme: "JPG",
      validFrom: "2024-01-01",
      monthly: 3686,
      dayRate: 123,
      source: "x",
      ...change,
    };
    expect(tariffSchema.safeParse(row).success).toBe(false);
  });
});

describe("BUILT_IN_TARIFFS", () => {
  test("are the Nacka 2023 figures of source 003 §9.1", () => {
    expect(BUILT_IN_TARIFFS.map((t) => [t.programme, t.validFrom, t.monthly, t.dayRate])).toEqual([
      ["JPG", "2023-01-01", 3686, 123],
      ["JPF", "2023-01-01", 4858, 162],
      ["SAI", "2023-01-01", 6080, 203],
    ]);
    for (const t of BUILT_IN_TARIFFS) {
      expect(tariffSchema.parse(t)).toEqual(t);
      expect(t.source).toBe(
        "Nacka kommun, Rutiner för auktoriserade anordnare inom kundval arbetsmarknadsinsatser (2023-09-29), 9.1",
      );
    }
  });

  test("are frozen, so a caller cannot change them through findTariff", () => {
    expect(Object.isFrozen(BUILT_IN_TARIFFS)).toBe(true);
    for (const t of BUILT_IN_TARIFFS) expect(Object.isFrozen(t)).toBe(true);
  });

  test("the listed day rate is the monthly amount / 30, rounded", () => {
    for (const t of BUILT_IN_TARIFFS) expect(Math.round(t.monthly / 30)).toBe(t.dayRate);
  });
});

describe("findTariff", () => {
  const jpg2024 = tariff("JPG", "2024-01-01", 3800, 127);
  const jpg2024b = tariff("JPG", "2024-07-01", 3900, 130);
  const rom2 = tariff("ROM2", "2024-01-01", 9000, 300);

  test.each<[string, Programme, string, readonly Tariff[], number | null]>([
    // label, programme, date, workbook rows, expected monthly amount (null = no tariff)
    ["built-in JPG", "JPG", "2024-03-15", [], 3686],
    ["built-in JPF", "JPF", "2023-01-01", [], 4858],
    ["built-in SAI", "SAI", "2030-12-31", [], 6080],
    ["built-in, before its validFrom", "JPG", "2022-12-31", [], null],
    ["ROM2 has no built-in tariff", "ROM2", "2024-03-15", [], null],
    ["ITA has no built-in tariff", "ITA", "2024-03-15", [], null],
    ["FAI1 has no built-in tariff", "FAI1", "2024-03-15", [], null],
    ["FAI2 has no built-in tariff", "FAI2", "2024-03-15", [], null],
    ["JOBBSPAR has no built-in tariff", "JOBBSPAR", "2024-03-15", [], null],
    ["workbook ROM2", "ROM2", "2024-03-15", [rom2], 9000],
    ["workbook JPG overrides the built-in", "JPG", "2024-03-15", [jpg2024], 3800],
    ["workbook rows for another programme leave JPG built-in", "JPG", "2024-03-15", [rom2], 3686],
    // The workbook has JPG rows, so the built-in 2023 row no longer counts even before them.
    ["workbook JPG rows only, before the first", "JPG", "2023-06-01", [jpg2024], null],
    ["latest validFrom ≤ date", "JPG", "2024-06-30", [jpg2024b, jpg2024], 3800],
    ["latest validFrom ≤ date, on the day", "JPG", "2024-07-01", [jpg2024, jpg2024b], 3900],
    [
      "latest validFrom ≤ date, order of rows irrelevant",
      "JPG",
      "2025-01-01",
      [jpg2024b, jpg2024],
      3900,
    ],
    [
      "same validFrom twice: the later row wins",
      "JPG",
      "2024-03-15",
      [jpg2024, tariff("JPG", "2024-01-01", 3850, 128)],
      3850,
    ],
  ])("%s", (_label, programme, date, workbook, expected) => {
    expect(findTariff(programme, d(date), workbook)?.monthly ?? null).toBe(expected);
  });

  test("the workbook default is none", () => {
    expect(findTariff("JPG", d("2024-03-15"))).toBe(BUILT_IN_TARIFFS[0]);
  });
});

describe("bonus and tilläggscheck", () => {
  test("bonus is 18 000 kr", () => {
    expect(BONUS_AMOUNT).toBe(18000);
  });
  test("tilläggscheck levels", () => {
    expect(TILLAGG_AMOUNTS).toEqual([5000, 10000, 15000]);
  });
  test.each([
    [5000, true],
    [10000, true],
    [15000, true],
    [0, false],
    [7500, false],
    [20000, false],
    [5000.5, false],
    [-5000, false],
    [Number.NaN, false],
  ])("%p → %p", (amount, expected) => {
    expect(isValidTillagg(amount)).toBe(expected);
  });
});

describe("noTariffMessage", () => {
  test("names the programme in Swedish and the month", () => {
    expect(noTariffMessage("ROM2", "2024-03" as YearMonth)).toBe(
      "Ingen ersättningsnivå finns för Rusta och matcha 2 i 2024-03. Lägg in månadsbelopp och dagersättning på bladet Ersättningar.",
    );
    expect(noTariffMessage("FAI1", "2025-01" as YearMonth)).toContain(
      "Arbetsprövning (FAI 1) i 2025-01",
    );
  });
});
