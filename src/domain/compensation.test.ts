import { insatsdagar, monthlyCompensation, type CompensationInput } from "./compensation";
import { makeDate, type IsoDate, type YearMonth } from "./date";
import type { Programme } from "./programmes";
import { BUILT_IN_TARIFFS, type Tariff } from "./tariffs";

const d = (s: string): IsoDate => s as IsoDate;
const m = (s: string): YearMonth => s as YearMonth;

function tariff(programme: Programme, validFrom: string, monthly: number, dayRate: number): Tariff {
  return { programme, validFrom: d(validFrom), monthly, dayRate, source: "Ersättningar" };
}

const builtIn = (programme: Programme): Tariff => {
  const t = BUILT_IN_TARIFFS.find((x) => x.programme === programme);
  if (t === undefined) throw new Error(programme);
  return t;
};

describe("insatsdagar", () => {
  test.each([
    // start, end, month, days
    ["2024-01-10", null, "2024-03", 31], // whole month, ongoing
    ["2024-03-15", null, "2024-03", 17], // 15–31
    ["2024-01-01", "2024-03-10", "2024-03", 10], // 1–10
    ["2024-03-05", "2024-03-05", "2024-03", 1],
    ["2024-03-05", "2024-03-24", "2024-03", 20],
    ["2024-01-15", null, "2024-02", 29], // leap year
    ["2023-01-15", null, "2023-02", 28],
    ["2024-03-15", null, "2024-02", 0], // before start
    ["2024-01-01", "2024-02-29", "2024-03", 0], // after end
    ["2024-03-10", "2024-03-05", "2024-03", 0], // end before start
    ["2023-12-20", "2024-01-10", "2024-01", 10],
    ["2023-12-20", "2024-01-10", "2023-12", 12],
  ])("%s – %s in %s: %i", (start, end, month, expected) => {
    expect(insatsdagar(d(start), end === null ? null : d(end), m(month))).toBe(expected);
  });
});

describe("monthlyCompensation", () => {
  const wbJpg = tariff("JPG", "2024-01-01", 3800, 127);
  const wbJpgLater = tariff("JPG", "2024-03-20", 4000, 134);
  const wbRom2 = tariff("ROM2", "2024-01-01", 10000, 333);

  interface Case {
    label: string;
    input: CompensationInput;
    /** Expected result; `tariff` is checked by its monthly amount. */
    expected:
      | { kind: "outside" }
      | { kind: "noTariff" }
      | {
          ruleId: "ERS.MANAD" | "ERS.DAG";
          from: string;
          to: string;
          days: number;
          amount: number;
          capped: boolean;
          monthly: number;
        };
  }

  const cases: Case[] = [
    {
      // March 2024 wholly inside the period → monthly amount 3 686.
      label: "full month: JPG March 2024 = 3 686",
      input: { programme: "JPG", start: d("2024-01-10"), end: null, month: m("2024-03") },
      expected: {
        ruleId: "ERS.MANAD",
        from: "2024-03-01",
        to: "2024-03-31",
        days: 31,
        amount: 3686,
        capped: false,
        monthly: 3686,
      },
    },
    {
      // 15–31 March = 17 days × 123 = 2 091.
      label: "JPG from 2024-03-15, ongoing: 17 × 123 = 2 091",
      input: { programme: "JPG", start: d("2024-03-15"), end: null, month: m("2024-03") },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-15",
        to: "2024-03-31",
        days: 17,
        amount: 2091,
        capped: false,
        monthly: 3686,
      },
    },
    {
      // 1–10 April = 10 days × 162 = 1 620.
      label: "end mid-month: JPF ends 2024-04-10, 10 × 162 = 1 620",
      input: {
        programme: "JPF",
        start: d("2024-01-01"),
        end: d("2024-04-10"),
        month: m("2024-04"),
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-04-01",
        to: "2024-04-10",
        days: 10,
        amount: 1620,
        capped: false,
        monthly: 4858,
      },
    },
    {
      // 6–24 May = 19 days × 203 = 3 857.
      label: "start and end in one month: SAI 2024-05-06 – 2024-05-24, 19 × 203 = 3 857",
      input: {
        programme: "SAI",
        start: d("2024-05-06"),
        end: d("2024-05-24"),
        month: m("2024-05"),
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-05-06",
        to: "2024-05-24",
        days: 19,
        amount: 3857,
        capped: false,
        monthly: 6080,
      },
    },
    {
      // 2–31 March = 30 days × 123 = 3 690 > 3 686 → capped at 3 686.
      label: "30 insatsdagar of a 31-day month, start on the 2nd: capped at 3 686",
      input: { programme: "JPG", start: d("2024-03-02"), end: null, month: m("2024-03") },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-02",
        to: "2024-03-31",
        days: 30,
        amount: 3686,
        capped: true,
        monthly: 3686,
      },
    },
    {
      // 1–30 March = 30 days × 123 = 3 690 > 3 686 → capped at 3 686.
      label: "30 insatsdagar of a 31-day month, end on the 30th: capped at 3 686",
      input: {
        programme: "JPG",
        start: d("2024-01-01"),
        end: d("2024-03-30"),
        month: m("2024-03"),
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-01",
        to: "2024-03-30",
        days: 30,
        amount: 3686,
        capped: true,
        monthly: 3686,
      },
    },
    {
      // 30 days × 162 = 4 860 > 4 858 → capped at 4 858.
      label: "JPF 30 of 31 days: 4 860 capped at 4 858",
      input: { programme: "JPF", start: d("2024-05-02"), end: null, month: m("2024-05") },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-05-02",
        to: "2024-05-31",
        days: 30,
        amount: 4858,
        capped: true,
        monthly: 4858,
      },
    },
    {
      // 2–30 April = 29 days × 123 = 3 567 ≤ 3 686, not capped.
      label: "29 days of a 30-day month is not capped: 29 × 123 = 3 567",
      input: { programme: "JPG", start: d("2024-04-02"), end: null, month: m("2024-04") },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-04-02",
        to: "2024-04-30",
        days: 29,
        amount: 3567,
        capped: false,
        monthly: 3686,
      },
    },
    {
      // February 2024 has 29 days, all inside → monthly amount 4 858.
      label: "February 2024 (leap year) in full: JPF 4 858",
      input: { programme: "JPF", start: d("2024-01-15"), end: null, month: m("2024-02") },
      expected: {
        ruleId: "ERS.MANAD",
        from: "2024-02-01",
        to: "2024-02-29",
        days: 29,
        amount: 4858,
        capped: false,
        monthly: 4858,
      },
    },
    {
      // 10–29 February = 20 days × 162 = 3 240.
      label: "February 2024 from the 10th: JPF 20 × 162 = 3 240",
      input: { programme: "JPF", start: d("2024-02-10"), end: null, month: m("2024-02") },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-02-10",
        to: "2024-02-29",
        days: 20,
        amount: 3240,
        capped: false,
        monthly: 4858,
      },
    },
    {
      // February 2023 has 28 days, all inside → monthly amount 6 080.
      label: "February 2023 in full: SAI 6 080",
      input: {
        programme: "SAI",
        start: d("2023-01-01"),
        end: d("2023-12-31"),
        month: m("2023-02"),
      },
      expected: {
        ruleId: "ERS.MANAD",
        from: "2023-02-01",
        to: "2023-02-28",
        days: 28,
        amount: 6080,
        capped: false,
        monthly: 6080,
      },
    },
    {
      // 10–28 February 2023 = 19 days × 162 = 3 078.
      label: "February 2023 from the 10th: JPF 19 × 162 = 3 078",
      input: { programme: "JPF", start: d("2023-02-10"), end: null, month: m("2023-02") },
      expected: {
        ruleId: "ERS.DAG",
        from: "2023-02-10",
        to: "2023-02-28",
        days: 19,
        amount: 3078,
        capped: false,
        monthly: 4858,
      },
    },
    {
      // 1–27 February 2023 = 27 days × 123 = 3 321.
      label: "February 2023 ending the 27th: JPG 27 × 123 = 3 321",
      input: {
        programme: "JPG",
        start: d("2023-01-01"),
        end: d("2023-02-27"),
        month: m("2023-02"),
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2023-02-01",
        to: "2023-02-27",
        days: 27,
        amount: 3321,
        capped: false,
        monthly: 3686,
      },
    },
    {
      // Start 2024-03-15; February has no insatsdag.
      label: "a month before the start is outside",
      input: { programme: "JPG", start: d("2024-03-15"), end: null, month: m("2024-02") },
      expected: { kind: "outside" },
    },
    {
      // End 2024-03-20; April has no insatsdag.
      label: "a month after the end is outside",
      input: {
        programme: "JPG",
        start: d("2024-01-15"),
        end: d("2024-03-20"),
        month: m("2024-04"),
      },
      expected: { kind: "outside" },
    },
    {
      // The month is outside even for a programme without tariff: nothing to invoice, no message.
      label: "outside wins over noTariff",
      input: { programme: "ROM2", start: d("2024-03-15"), end: null, month: m("2024-02") },
      expected: { kind: "outside" },
    },
    {
      // ROM2 has no amounts in the sources and the workbook gives none.
      label: "ROM2 without a workbook tariff: noTariff",
      input: { programme: "ROM2", start: d("2024-01-01"), end: null, month: m("2024-03") },
      expected: { kind: "noTariff" },
    },
    {
      // The built-in Nacka figures start 2023-01-01.
      label: "JPG before the built-in tariff's validFrom: noTariff",
      input: { programme: "JPG", start: d("2022-01-01"), end: null, month: m("2022-12") },
      expected: { kind: "noTariff" },
    },
    {
      // Workbook ROM2 10 000 / 333; March in full → 10 000.
      label: "a workbook tariff for ROM2 makes it work (full month)",
      input: {
        programme: "ROM2",
        start: d("2024-01-01"),
        end: null,
        month: m("2024-03"),
        workbookTariffs: [wbRom2],
      },
      expected: {
        ruleId: "ERS.MANAD",
        from: "2024-03-01",
        to: "2024-03-31",
        days: 31,
        amount: 10000,
        capped: false,
        monthly: 10000,
      },
    },
    {
      // 15–31 March = 17 × 333 = 5 661.
      label: "a workbook tariff for ROM2 makes it work (part month)",
      input: {
        programme: "ROM2",
        start: d("2024-03-15"),
        end: null,
        month: m("2024-03"),
        workbookTariffs: [wbRom2],
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-15",
        to: "2024-03-31",
        days: 17,
        amount: 5661,
        capped: false,
        monthly: 10000,
      },
    },
    {
      // Workbook JPG 3 800 / 127 replaces the built-in 3 686 / 123: 17 × 127 = 2 159.
      label: "a workbook JPG tariff overrides the built-in one",
      input: {
        programme: "JPG",
        start: d("2024-03-15"),
        end: null,
        month: m("2024-03"),
        workbookTariffs: [wbJpg],
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-15",
        to: "2024-03-31",
        days: 17,
        amount: 2159,
        capped: false,
        monthly: 3800,
      },
    },
    {
      // round(3 686 / 30 × 17) = round(2 088.73) = 2 089.
      label: "exactDayRate: JPG 17 days = round(3686/30×17) = 2 089",
      input: {
        programme: "JPG",
        start: d("2024-03-15"),
        end: null,
        month: m("2024-03"),
        exactDayRate: true,
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-15",
        to: "2024-03-31",
        days: 17,
        amount: 2089,
        capped: false,
        monthly: 3686,
      },
    },
    {
      // round(3 686 / 30 × 30) = 3 686, equal to the monthly amount: not capped.
      label: "exactDayRate: 30 of 31 days pays exactly the monthly amount",
      input: {
        programme: "JPG",
        start: d("2024-03-02"),
        end: null,
        month: m("2024-03"),
        exactDayRate: true,
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-02",
        to: "2024-03-31",
        days: 30,
        amount: 3686,
        capped: false,
        monthly: 3686,
      },
    },
    {
      // exactDayRate does not change a full month: 3 686.
      label: "exactDayRate: a full month is still the monthly amount",
      input: {
        programme: "JPG",
        start: d("2024-01-01"),
        end: null,
        month: m("2024-03"),
        exactDayRate: true,
      },
      expected: {
        ruleId: "ERS.MANAD",
        from: "2024-03-01",
        to: "2024-03-31",
        days: 31,
        amount: 3686,
        capped: false,
        monthly: 3686,
      },
    },
    {
      // Rows 3 800/127 from 2024-01-01 and 4 000/134 from 2024-03-20; first insatsdag 03-15 → old row: 17 × 127 = 2 159.
      label: "tariff change mid-table, first insatsdag before it: old row",
      input: {
        programme: "JPG",
        start: d("2024-03-15"),
        end: null,
        month: m("2024-03"),
        workbookTariffs: [wbJpg, wbJpgLater],
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-15",
        to: "2024-03-31",
        days: 17,
        amount: 2159,
        capped: false,
        monthly: 3800,
      },
    },
    {
      // First insatsdag 03-25 → new row: 25–31 March = 7 × 134 = 938.
      label: "tariff change mid-table, first insatsdag after it: new row",
      input: {
        programme: "JPG",
        start: d("2024-03-25"),
        end: null,
        month: m("2024-03"),
        workbookTariffs: [wbJpg, wbJpgLater],
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-25",
        to: "2024-03-31",
        days: 7,
        amount: 938,
        capped: false,
        monthly: 4000,
      },
    },
    {
      // Full March: first insatsdag 03-01 → old row 3 800, although the new row starts 03-20.
      label: "tariff change mid-month, full month: the row in force on the 1st",
      input: {
        programme: "JPG",
        start: d("2024-01-01"),
        end: null,
        month: m("2024-03"),
        workbookTariffs: [wbJpgLater, wbJpg],
      },
      expected: {
        ruleId: "ERS.MANAD",
        from: "2024-03-01",
        to: "2024-03-31",
        days: 31,
        amount: 3800,
        capped: false,
        monthly: 3800,
      },
    },
    {
      // April: the new row 4 000 is in force on 04-01.
      label: "tariff change: the next month uses the new row",
      input: {
        programme: "JPG",
        start: d("2024-01-01"),
        end: null,
        month: m("2024-04"),
        workbookTariffs: [wbJpg, wbJpgLater],
      },
      expected: {
        ruleId: "ERS.MANAD",
        from: "2024-04-01",
        to: "2024-04-30",
        days: 30,
        amount: 4000,
        capped: false,
        monthly: 4000,
      },
    },
    {
      // Workbook monthly 3 800.4 and day rate 126.7: 17 × 126.7 = 2 153.9 → 2 154; amounts in whole kronor.
      label: "fractional workbook rates round to whole kronor",
      input: {
        programme: "JPG",
        start: d("2024-03-15"),
        end: null,
        month: m("2024-03"),
        workbookTariffs: [tariff("JPG", "2024-01-01", 3800.4, 126.7)],
      },
      expected: {
        ruleId: "ERS.DAG",
        from: "2024-03-15",
        to: "2024-03-31",
        days: 17,
        amount: 2154,
        capped: false,
        monthly: 3800.4,
      },
    },
  ];

  test.each(cases)("$label", ({ input, expected }) => {
    const result = monthlyCompensation(input);
    if ("kind" in expected) {
      expect(result.kind).toBe(expected.kind);
      return;
    }
    expect(result.kind).toBe("amount");
    if (result.kind !== "amount") return;
    const { tariff: used, ...rest } = result;
    const { monthly, ...want } = expected;
    expect(rest).toEqual({ kind: "amount", ...want });
    expect(used.monthly).toBe(monthly);
  });

  test("noTariff names Rusta och matcha 2 and the month", () => {
    const result = monthlyCompensation({
      programme: "ROM2",
      start: d("2024-01-01"),
      end: null,
      month: m("2024-03"),
    });
    expect(result).toEqual({
      kind: "noTariff",
      message:
        "Ingen ersättningsnivå finns för Rusta och matcha 2 i 2024-03. Lägg in månadsbelopp och dagersättning på bladet Ersättningar.",
    });
  });

  test("the built-in tariff row is returned as used", () => {
    const result = monthlyCompensation({
      programme: "SAI",
      start: d("2024-01-01"),
      end: null,
      month: m("2024-03"),
    });
    expect(result.kind === "amount" ? result.tariff : null).toBe(builtIn("SAI"));
  });

  test("a part month never pays more than the monthly amount, for every start day of 2024", () => {
    const over: string[] = [];
    for (const programme of ["JPG", "JPF", "SAI"] as const) {
      for (let month = 1; month <= 12; month++) {
        const ym = m(`2024-${String(month).padStart(2, "0")}`);
        for (let day = 1; day <= 31; day++) {
          const start = makeDate(2024, month, day);
          if (start === null) continue;
          for (const exactDayRate of [false, true]) {
            const r = monthlyCompensation({ programme, start, end: null, month: ym, exactDayRate });
            if (
              r.kind === "amount" &&
              (r.amount > builtIn(programme).monthly || !Number.isInteger(r.amount))
            ) {
              over.push(`${programme} ${start} ${r.amount}`);
            }
          }
        }
      }
    }
    expect(over).toEqual([]);
  });
});
