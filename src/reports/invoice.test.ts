import type { IsoDate, YearMonth } from "../domain/date";
import type { Participant, ScheduleEvent, Settings } from "../domain/model";
import type { Tariff } from "../domain/tariffs";
import { event, participant, settings } from "../rules/testing";
import { buildInvoice, parseKronor } from "./invoice";
import type { ReportInput } from "./types";

const M = (m: string) => m as YearMonth;
const D = (d: string) => d as IsoDate;

function input(
  participants: Participant[],
  events: ScheduleEvent[] = [],
  options: { tariffs?: Tariff[]; parameters?: Settings["parameters"]; anordnare?: string } = {},
): ReportInput {
  return {
    participants,
    activities: [],
    weeks: [],
    events,
    acceptances: [],
    findings: [],
    tariffs: options.tariffs ?? [],
    settings: { ...settings(options.parameters), anordnare: options.anordnare ?? "Exempel AB" },
  };
}

function tariff(
  programme: Tariff["programme"],
  validFrom: string,
  monthly: number,
  dayRate: number,
): Tariff {
  return { programme, validFrom: D(validFrom), monthly, dayRate, source: "Bladet Ersättningar" };
}

const invoice = (i: ReportInput, month: string, idag = "2024-04-01") =>
  buildInvoice(i, M(month), { idag: D(idag) });

describe("insats rows (ERS.MANAD / ERS.DAG)", () => {
  test.each([
    // [case, start, end, month, ruleId, from, to, days, amount]
    [
      "full month: JPG monthly amount",
      "2024-03-01",
      null,
      "2024-03",
      "ERS.MANAD",
      "2024-03-01",
      "2024-03-31",
      31,
      3686,
    ],
    [
      "ongoing since last year: full month",
      "2023-11-01",
      null,
      "2024-03",
      "ERS.MANAD",
      "2024-03-01",
      "2024-03-31",
      31,
      3686,
    ],
    // 15..31 March = 17 days × 123 = 2 091
    [
      "part month at the start",
      "2024-03-15",
      null,
      "2024-03",
      "ERS.DAG",
      "2024-03-15",
      "2024-03-31",
      17,
      2091,
    ],
    // 1..10 March = 10 days × 123 = 1 230
    [
      "part month at the end",
      "2024-01-01",
      "2024-03-10",
      "2024-03",
      "ERS.DAG",
      "2024-03-01",
      "2024-03-10",
      10,
      1230,
    ],
    // 5..20 March = 16 days × 123 = 1 968
    [
      "start and end in one month",
      "2024-03-05",
      "2024-03-20",
      "2024-03",
      "ERS.DAG",
      "2024-03-05",
      "2024-03-20",
      16,
      1968,
    ],
    // leap year: 1..29 February is the whole month = monthly amount
    [
      "February 2024 whole month",
      "2024-01-15",
      null,
      "2024-02",
      "ERS.MANAD",
      "2024-02-01",
      "2024-02-29",
      29,
      3686,
    ],
    // 10..29 February = 20 days × 123 = 2 460
    [
      "February 2024 from the 10th",
      "2024-02-10",
      null,
      "2024-02",
      "ERS.DAG",
      "2024-02-10",
      "2024-02-29",
      20,
      2460,
    ],
  ] as const)("%s", (_case, start, end, month, ruleId, from, to, days, amount) => {
    const inv = invoice(input([participant("N-1", "JPG", start, end)]), month, "2024-01-01");
    expect(inv.rows).toEqual([
      expect.objectContaining({
        participantId: "N-1",
        programme: "JPG",
        ruleId,
        from,
        to,
        days,
        amount,
      }),
    ]);
    expect(inv.total).toBe(amount);
    expect(inv.refused).toEqual([]);
  });

  test.each([
    ["ended before the month", "2023-10-01", "2024-02-29"],
    ["starts after the month", "2024-04-01", null],
  ])("%s: no row", (_case, start, end) => {
    const inv = invoice(input([participant("N-1", "JPG", start, end)]), "2024-03");
    expect(inv.rows).toEqual([]);
    expect(inv.total).toBe(0);
    expect(inv.refused).toEqual([]);
  });

  test("JPF and SAI use their own built-in amounts", () => {
    const inv = invoice(
      input([participant("N-2", "JPF", "2024-03-01"), participant("N-3", "SAI", "2024-03-22")]),
      "2024-03",
      "2024-01-01",
    );
    // JPF full month 4 858; SAI 22..31 March = 10 days × 203 = 2 030
    expect(inv.rows.map((r) => [r.participantId, r.amount])).toEqual([
      ["N-2", 4858],
      ["N-3", 2030],
    ]);
    expect(inv.total).toBe(4858 + 2030);
  });

  test("a workbook tariff overrides the built-in one", () => {
    const tariffs = [tariff("JPG", "2024-01-01", 4000, 133)];
    const full = invoice(
      input([participant("N-1", "JPG", "2024-02-01")], [], { tariffs }),
      "2024-03",
      "2024-01-01",
    );
    expect(full.rows[0]?.amount).toBe(4000);
    // 15..31 March = 17 days × 133 = 2 261
    const part = invoice(
      input([participant("N-1", "JPG", "2024-03-15")], [], { tariffs }),
      "2024-03",
      "2024-01-01",
    );
    expect(part.rows[0]?.amount).toBe(2261);
  });

  test("a part month paying more than the monthly amount is cut to it and flagged TAK", () => {
    // 2..31 March = 30 days × 100 = 3 000 > monthly 1 000 → 1 000
    const tariffs = [tariff("JPG", "2024-01-01", 1000, 100)];
    const inv = invoice(
      input([participant("N-1", "JPG", "2024-03-02")], [], { tariffs }),
      "2024-03",
      "2024-01-01",
    );
    expect(inv.rows[0]).toEqual(
      expect.objectContaining({ ruleId: "ERS.DAG", days: 30, amount: 1000, flags: ["TAK"] }),
    );
  });

  test.each([
    ["Exakt dagersättning", "ja", 2089],
    ["ERS.DAG.exakt", true, 2089],
    ["exakt dagersattning", "nej", 2091],
    ["Exakt dagersättning", "false", 2091],
  ] as const)("setting %s = %s", (key, value, amount) => {
    // exact: round(3 686 / 30 × 17) = round(2 088,73) = 2 089; listed rate: 17 × 123 = 2 091
    const inv = invoice(
      input([participant("N-1", "JPG", "2024-03-15")], [], { parameters: { [key]: value } }),
      "2024-03",
      "2024-01-01",
    );
    expect(inv.rows[0]?.amount).toBe(amount);
  });

  test("programmes without a tariff are refused, one refusal per programme naming everyone, no 0 kr row", () => {
    const inv = invoice(
      input([
        participant("R-1", "ROM2", "2024-01-01"),
        participant("N-1", "JPG", "2024-03-01"),
        participant("J-1", "JOBBSPAR", "2024-03-10"),
        participant("R-2", "ROM2", "2024-03-05"),
      ]),
      "2024-03",
    );
    expect(inv.rows.map((r) => r.participantId)).toEqual(["N-1"]);
    expect(inv.total).toBe(3686);
    expect(inv.refused.map((r) => [r.programme, r.participantIds])).toEqual([
      ["ROM2", ["R-1", "R-2"]],
      ["JOBBSPAR", ["J-1"]],
    ]);
    const rom2 = inv.refused[0]?.message ?? "";
    expect(rom2).toContain("Rusta och matcha 2");
    expect(rom2).toContain("2024-03");
    expect(rom2).toContain("R-1, R-2");
    expect(rom2).toContain(
      "lägg till en rad i bladet Ersättningar (Insats · Gäller från · Månadsbelopp · Dagersättning)".replace(
        /^l/,
        "L",
      ),
    );
  });

  test("a programme refused only in months its workbook tariff does not cover", () => {
    const tariffs = [tariff("FAI1", "2024-04-01", 7200, 240)];
    const p = [participant("N-4", "FAI1", "2024-03-04")];
    expect(invoice(input(p, [], { tariffs }), "2024-03").refused).toHaveLength(1);
    expect(invoice(input(p, [], { tariffs }), "2024-04").rows[0]?.amount).toBe(7200);
  });

  test("a personnummer id is masked in rows and refusals", () => {
    const inv = invoice(
      input([
        participant("19850101-1234", "JPG", "2024-03-01"),
        participant("199001011238", "ROM2", "2024-03-01"),
      ]),
      "2024-03",
    );
    expect(inv.rows[0]?.participantId).toBe("19850101-****");
    expect(inv.refused[0]?.participantIds).toEqual(["19900101-****"]);
    expect(
      // Everything that is shown or written; rawParticipantId and refs are for matching only.
      JSON.stringify({
        ...inv,
        rows: inv.rows.map((r) => ({ ...r, rawParticipantId: "", refs: [] })),
      }),
    ).not.toMatch(/1234|1238/);
  });
});

describe("månadsrapport flags (ERS.SEN, EJ_KLARMARKERAD)", () => {
  const p = () => participant("N-1", "JPG", "2024-03-01");
  test.each([
    // deadline for March: 2024-04-07 (003 6.4 "1:a-7:e")
    [
      "klarmarkerad the 7th: on time",
      [event("N-1", "2024-04-07", "månadsrapport klar", "2024-03")],
      "2024-05-01",
      {},
      [],
    ],
    [
      "klarmarkerad the 8th: late",
      [event("N-1", "2024-04-08", "månadsrapport klar", "mars 2024")],
      "2024-05-01",
      {},
      ["ERS.SEN"],
    ],
    [
      "day 10 in Inställningar: the 8th is on time",
      [event("N-1", "2024-04-08", "månadsrapport klar", "2024-03")],
      "2024-05-01",
      { "AMI.MANADSRAPPORT.dag": 10 },
      [],
    ],
    [
      "a report of another month does not count",
      [event("N-1", "2024-04-03", "månadsrapport klar", "2024-02")],
      "2024-04-08",
      {},
      ["EJ_KLARMARKERAD"],
    ],
    ["missing, idag past the deadline", [], "2024-04-08", {}, ["EJ_KLARMARKERAD"]],
    ["missing, idag on the deadline", [], "2024-04-07", {}, []],
  ] as const)("%s", (_case, events, idag, parameters, flags) => {
    const inv = invoice(input([p()], [...events], { parameters }), "2024-03", idag);
    expect(inv.rows[0]?.flags).toEqual(flags);
  });

  test("no report flags where AMI.MANADSRAPPORT does not apply (ROM2)", () => {
    const tariffs = [tariff("ROM2", "2024-01-01", 5000, 170)];
    const inv = invoice(
      input([participant("R-1", "ROM2", "2024-03-01")], [], { tariffs }),
      "2024-03",
      "2024-06-01",
    );
    expect(inv.rows[0]).toEqual(expect.objectContaining({ amount: 5000, flags: [] }));
  });
});

describe("tilläggscheck (ERS.TILLAGG)", () => {
  test.each([
    ["5 000", 5000],
    ["10000 kr", 10000],
    ["15 000 kronor", 15000],
  ] as const)("Avser %s gives a row of %d kr", (avser, amount) => {
    const check = event("N-1", "2024-03-12", "tilläggscheck", avser);
    const inv = invoice(
      input([participant("N-1", "JPG", "2024-03-01")], [check]),
      "2024-03",
      "2024-01-01",
    );
    expect(inv.rows[1]).toEqual({
      participantId: "N-1",
      rawParticipantId: "N-1",
      programme: "JPG",
      from: "2024-03-12",
      to: "2024-03-12",
      days: null,
      amount,
      ruleId: "ERS.TILLAGG",
      flags: [],
      refs: check.refs,
    });
    expect(inv.total).toBe(3686 + amount);
    expect(inv.problems).toEqual([]);
  });

  test.each([
    [
      "7 000",
      "Tilläggscheck 7 000 kr för N-102 är inget giltigt belopp – bara 5 000, 10 000 eller 15 000 kr kan beslutas (9.3).",
    ],
    [
      null,
      "Tilläggscheck 2024-03-12 för N-102 saknar belopp i Avser – skriv 5 000, 10 000 eller 15 000 kr kan beslutas (9.3).",
    ],
    [
      "tiotusen",
      'Tilläggscheck 2024-03-12 för N-102 har beloppet "tiotusen" som inte går att läsa – bara 5 000, 10 000 eller 15 000 kr kan beslutas (9.3).',
    ],
  ] as const)("Avser %s: an error and no row", (avser, message) => {
    const check = event("N-102", "2024-03-12", "tilläggscheck", avser);
    const inv = invoice(
      input([participant("N-102", "JPF", "2024-03-01")], [check]),
      "2024-03",
      "2024-01-01",
    );
    expect(inv.rows.map((r) => r.ruleId)).toEqual(["ERS.MANAD"]);
    expect(inv.total).toBe(4858);
    expect(inv.problems).toEqual([
      {
        participantId: "N-102",
        ruleId: "ERS.TILLAGG",
        severity: "error",
        message,
        refs: check.refs,
      },
    ]);
  });

  test("a check dated in another month is not in this invoice", () => {
    const inv = invoice(
      input(
        [participant("N-1", "JPG", "2024-03-01")],
        [event("N-1", "2024-04-02", "tilläggscheck", "5000")],
      ),
      "2024-03",
      "2024-01-01",
    );
    expect(inv.rows).toHaveLength(1);
  });

  test("a check in a programme outside Nacka kundval is an info, no row", () => {
    const tariffs = [tariff("ROM2", "2024-01-01", 5000, 170)];
    const inv = invoice(
      input(
        [participant("R-1", "ROM2", "2024-03-01")],
        [event("R-1", "2024-03-12", "tilläggscheck", "5000")],
        { tariffs },
      ),
      "2024-03",
      "2024-01-01",
    );
    expect(inv.total).toBe(5000);
    expect(inv.problems).toEqual([
      expect.objectContaining({ ruleId: "ERS.TILLAGG", severity: "info" }),
    ]);
  });
});

describe("bonus (ERS.BONUS)", () => {
  // JPG 2023-09-01 – 2024-02-29; the February report klarmarkerad; employed from 2024-03-04.
  // Six months of egen försörjning: 2024-03-04 + 6 months = 2024-09-04.
  const p = () => participant("N-1", "JPG", "2023-09-01", "2024-02-29");
  const base = () => [
    event("N-1", "2024-03-01", "slutrapport"),
    event("N-1", "2024-03-05", "månadsrapport klar", "2024-02"),
    event("N-1", "2024-03-04", "egen försörjning start", "anställning"),
  ];

  test("eligible: 18 000 kr on the bonusrapport's date", () => {
    const report = event("N-1", "2024-09-10", "bonusrapport");
    const inv = invoice(input([p()], [...base(), report]), "2024-09", "2024-09-30");
    expect(inv.rows).toEqual([
      expect.objectContaining({
        ruleId: "ERS.BONUS",
        from: "2024-09-10",
        to: "2024-09-10",
        days: null,
        amount: 18000,
      }),
    ]);
    expect(inv.total).toBe(18000);
    expect(inv.problems).toEqual([]);
  });

  test("CSN studies and a full-time hourly job qualify as well", () => {
    for (const avser of ["studier, CSN", "timanställning heltid"]) {
      const events = [
        ...base().slice(0, 2),
        event("N-1", "2024-03-04", "egen försörjning start", avser),
      ];
      const inv = invoice(
        input([p()], [...events, event("N-1", "2024-09-04", "bonusrapport")]),
        "2024-09",
      );
      expect(inv.rows.map((r) => r.amount)).toEqual([18000]);
    }
  });

  test.each([
    [
      "under six months",
      () => [...base(), event("N-1", "2024-07-10", "bonusrapport")],
      "2024-07",
      "egen försörjning har varat 4 månader, minst 6 krävs – tidigast 2024-09-04",
    ],
    [
      "no slutrapport",
      () => [...base().slice(1), event("N-1", "2024-09-10", "bonusrapport")],
      "2024-09",
      "slutrapport saknas",
    ],
    [
      "the last month's report not klarmarkerad",
      () =>
        [base()[0], base()[2], event("N-1", "2024-09-10", "bonusrapport")].filter(
          (e) => e !== undefined,
        ),
      "2024-09",
      "månadsrapporten för insatsens sista månad 2024-02 är inte klarmarkerad",
    ],
    [
      "a temporary benefit (a-kassa)",
      () => [
        ...base().slice(0, 2),
        event("N-1", "2024-03-04", "egen försörjning start", "a-kassa"),
        event("N-1", "2024-09-10", "bonusrapport"),
      ],
      "2024-09",
      "tillfällig ersättning",
    ],
    [
      "no egen försörjning at all",
      () => [...base().slice(0, 2), event("N-1", "2024-09-10", "bonusrapport")],
      "2024-09",
      'ingen händelse "egen försörjning start"',
    ],
  ])("not eligible: %s → an error naming it, no row", (_case, events, month, missing) => {
    const inv = invoice(input([p()], events()), month, "2024-12-01");
    expect(inv.rows).toEqual([]);
    expect(inv.total).toBe(0);
    expect(inv.problems).toEqual([
      expect.objectContaining({ ruleId: "ERS.BONUS", severity: "error", participantId: "N-1" }),
    ]);
    expect(inv.problems[0]?.message).toContain(missing);
  });

  test("egen försörjning through etableringsersättning is a warning in its month", () => {
    const inv = invoice(
      input(
        [participant("N-1", "JPG", "2024-01-01")],
        [event("N-1", "2024-03-04", "egen försörjning start", "Etableringsersättning")],
      ),
      "2024-03",
      "2024-01-01",
    );
    expect(inv.problems).toEqual([
      expect.objectContaining({ ruleId: "ERS.BONUS", severity: "warning" }),
    ]);
    expect(inv.problems[0]?.message).toContain("grundar inte bonus");
  });

  test("once per participant: a later bonusrapport gives no second row", () => {
    const events = [
      ...base(),
      event("N-1", "2024-09-10", "bonusrapport"),
      event("N-1", "2024-09-20", "bonusrapport"),
      event("N-1", "2024-10-02", "bonusrapport"),
    ];
    const sep = invoice(input([p()], events), "2024-09");
    expect(sep.rows.map((r) => r.from)).toEqual(["2024-09-10"]);
    const oct = invoice(input([p()], events), "2024-10");
    expect(oct.rows).toEqual([]);
    expect(oct.problems).toEqual([
      expect.objectContaining({ ruleId: "ERS.BONUS", severity: "info" }),
    ]);
  });

  test("a bonusrapport in a programme outside Nacka kundval is an info, no row", () => {
    const inv = invoice(
      input(
        [participant("J-1", "JOBBSPAR", "2024-01-01", "2024-02-01")],
        [event("J-1", "2024-09-10", "bonusrapport")],
      ),
      "2024-09",
    );
    expect(inv.rows).toEqual([]);
    expect(inv.problems).toEqual([
      expect.objectContaining({ ruleId: "ERS.BONUS", severity: "info" }),
    ]);
  });
});

test("rows follow the register: insats, tilläggscheck, bonus; anordnare from Inställningar", () => {
  const inv = invoice(
    input(
      [participant("B", "SAI", "2024-03-01"), participant("A", "JPG", "2023-06-01", "2024-03-10")],
      [
        event("A", "2024-02-20", "egen försörjning start", "anställning"),
        event("A", "2024-03-11", "slutrapport"),
        event("A", "2024-03-05", "månadsrapport klar", "2024-03"),
        event("A", "2024-03-28", "bonusrapport"),
        event("B", "2024-03-20", "tilläggscheck", "5 000 kr"),
      ],
      { anordnare: "Jobbhuset AB" },
    ),
    "2024-03",
    "2024-03-31",
  );
  // A's bonusrapport 2024-03-28 is before 2024-02-20 + 6 months = 2024-08-20: an error, no row.
  expect(inv.rows.map((r) => [r.participantId, r.ruleId, r.amount])).toEqual([
    ["B", "ERS.MANAD", 6080],
    ["B", "ERS.TILLAGG", 5000],
    ["A", "ERS.DAG", 1230], // 1..10 March = 10 × 123
  ]);
  expect(inv.total).toBe(6080 + 5000 + 1230);
  expect(inv.anordnare).toBe("Jobbhuset AB");
  expect(inv.month).toBe("2024-03");
});

test.each([
  ["10 000", 10000],
  ["10000 kr", 10000],
  ["10 000 kronor", 10000],
  ["10'000", 10000],
  ["10.000:-", 10000],
  ["10\u00a0000,00 SEK", 10000],
  ["tio", null],
  ["10 00", null],
  ["", null],
] as const)("parseKronor(%j) = %j", (text, amount) => {
  expect(parseKronor(text)).toBe(amount);
});
