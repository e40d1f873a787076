import { settingsSchema, type SheetData } from "../domain/model";
import { findTariff, tariffSchema } from "../domain/tariffs";
import { readSettings, readTariffs, settingValue } from "./tariffsSettings";
import { decorate, permuteColumns, type Rows } from "./testGrids";

const sheet = (values: Rows, name: string): SheetData => ({ name, values });

describe("readTariffs", () => {
  const PLAIN: Rows = [
    ["Insats", "Gäller från", "Månadsbelopp", "Dagersättning"],
    ["JPG", "2024-01-01", 3800, 127],
    ["Förstärkt jobbpeng", "2024-01-01", "5 000 kr", "167"],
    ["ROM2", 45292, "4000", "133,33"],
  ];
  const EXPECTED = [
    { programme: "JPG", validFrom: "2024-01-01", monthly: 3800, dayRate: 127 },
    { programme: "JPF", validFrom: "2024-01-01", monthly: 5000, dayRate: 167 },
    { programme: "ROM2", validFrom: "2024-01-01", monthly: 4000, dayRate: 133.33 },
  ];

  test.each([
    ["plain", PLAIN, [2, 3, 4]],
    ["shuffled", permuteColumns(PLAIN, [3, 1, 0, 2]), [2, 3, 4]],
    [
      "header variants",
      [["Tjänst", "Fr.o.m.", "Månadsersättning", "Dagbelopp"], ...PLAIN.slice(1)],
      [2, 3, 4],
    ],
    ["title, blank rows, extra columns", decorate(PLAIN, "Ersättningar 2024"), [5, 7, 9]],
  ] as const)("%s", (_, values, rows) => {
    const { items, findings, map } = readTariffs(sheet(values as Rows, "Ersättningar"));
    expect(findings).toEqual([]);
    expect(items).toEqual(
      EXPECTED.map((t, i) => ({
        ...t,
        source: `Arbetsbokens blad Ersättningar, rad ${rows[i] ?? 0}`,
      })),
    );
    for (const item of items) expect(tariffSchema.safeParse(item).success).toBe(true);
    expect(map?.kind).toBe("tariffs");
  });

  test("the workbook's tariffs are the ones findTariff uses", () => {
    const { items } = readTariffs(sheet(PLAIN, "Ersättningar"));
    expect(findTariff("JPG", "2024-03-01" as never, items)?.monthly).toBe(3800);
  });

  test("unreadable or missing cells → LAS.OKLAR each, row left out", () => {
    const { items, findings } = readTariffs(
      sheet(
        [
          ["Insats", "Gäller från", "Månadsbelopp", "Dagersättning"],
          ["Okänd", "2024-01-01", 3800, 127],
          ["JPG", "1 jan", 3800, 127],
          ["JPG", "2024-01-01", "gratis", 0],
          ["JPG", "2024-01-01", "", 127],
        ],
        "Ersättningar",
      ),
    );
    expect(items).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.refs[0]?.cell, f.message])).toEqual([
      [
        "LAS.OKLAR",
        "warning",
        "A2",
        'Kan inte läsa insatsen "Okänd" i Ersättningar!A2. Kända insatser: ROM2, ITA, JPG, JPF, SAI, FAI1, FAI2, JOBBSPAR.',
      ],
      [
        "LAS.OKLAR",
        "warning",
        "B3",
        'Kan inte läsa datumet "1 jan" i Ersättningar!B3. Skriv t.ex. 2024-01-01 (med år).',
      ],
      [
        "LAS.OKLAR",
        "warning",
        "C4",
        'Kan inte läsa beloppet "gratis" i Ersättningar!C4. Skriv kronor, t.ex. "3 686" eller 3686.',
      ],
      [
        "LAS.OKLAR",
        "warning",
        "D4",
        'Kan inte läsa beloppet "0" i Ersättningar!D4. Skriv kronor, t.ex. "3 686" eller 3686.',
      ],
      [
        "LAS.OKLAR",
        "warning",
        "C5",
        "Månadsbelopp saknas i Ersättningar!C5; raden läses inte som en ersättning.",
      ],
    ]);
  });

  test("no header → nothing", () => {
    expect(readTariffs(sheet([["Insats", "Belopp"]], "Ersättningar"))).toEqual({
      items: [],
      findings: [],
      map: null,
    });
  });
});

describe("readSettings", () => {
  const PLAIN: Rows = [
    ["Parameter", "Värde"],
    ["ROM2.MOTE14.fönster", 14],
    ["Heltid timmar", 40],
    ["Idag", "2024-03-15"],
    ["Anordnare", "Exempel AB"],
    ["AMI.INTYG.dag", "8"],
    ["ROM2.FYSISKA.tolkning", "Hälften av alla aktiviteter"],
    ["ERS.DAG.exakt", "Ja"],
    ["ROM2.VECKOAKT.timmar", "1,5"],
    ["JOBBSPAR.GLAPP.aktiv", false],
  ];
  const EXPECTED = {
    idag: "2024-03-15",
    fullTimeHours: 40,
    anordnare: "Exempel AB",
    parameters: {
      "ROM2.MOTE14.fönster": 14,
      "AMI.INTYG.dag": 8,
      "ROM2.FYSISKA.tolkning": "Hälften av alla aktiviteter",
      "ERS.DAG.exakt": true,
      "ROM2.VECKOAKT.timmar": 1.5,
      "JOBBSPAR.GLAPP.aktiv": false,
    },
  };

  test.each([
    ["plain", PLAIN],
    ["columns swapped", permuteColumns(PLAIN, [1, 0])],
    ["header variants", [["Inställning", "VÄRDE:"], ...PLAIN.slice(1)]],
    ["title, blank rows, extra columns", decorate(PLAIN, "Inställningar")],
    ["no header row at all", PLAIN.slice(1)],
  ])("%s", (_, values) => {
    const { items, findings } = readSettings(sheet(values, "Inställningar"));
    expect(findings).toEqual([]);
    const { refs, ...rest } = items;
    expect(rest).toEqual(EXPECTED);
    expect(Object.keys(refs).sort()).toEqual(
      [
        "idag",
        "fullTimeHours",
        "anordnare",
        "ROM2.MOTE14.fönster",
        "AMI.INTYG.dag",
        "ROM2.FYSISKA.tolkning",
        "ERS.DAG.exakt",
        "ROM2.VECKOAKT.timmar",
        "JOBBSPAR.GLAPP.aktiv",
      ].sort(),
    );
    expect(settingsSchema.safeParse(items).success).toBe(true);
  });

  test("refs point at the value cells; the map is the Parameter · Värde header", () => {
    const { items, map } = readSettings(sheet(PLAIN, "Inställningar"));
    expect(items.refs.idag).toEqual({ sheet: "Inställningar", cell: "B4", text: "2024-03-15" });
    expect(items.refs["ROM2.MOTE14.fönster"]).toEqual({
      sheet: "Inställningar",
      cell: "B2",
      text: "14",
    });
    expect(map).toMatchObject({
      kind: "settings",
      anchor: "A1",
      columns: { parameter: "A", value: "B" },
    });
    expect(readSettings(sheet(PLAIN.slice(1), "Inställningar")).map).toBeNull();
  });

  test("defaults when the sheet says nothing", () => {
    expect(readSettings(sheet([], "Inställningar"))).toEqual({
      items: { idag: null, fullTimeHours: 40, anordnare: null, parameters: {}, refs: {} },
      findings: [],
      map: null,
    });
    expect(
      readSettings(sheet([], "Inställningar"), { defaultFullTimeHours: 38 }).items.fullTimeHours,
    ).toBe(38);
  });

  test("typed names in other spellings; an Idag serial", () => {
    const { items } = readSettings(
      sheet(
        [
          ["Dagens datum", 45366],
          ["Heltid", "38,25"],
          ["Leverantör", "Exempel AB"],
        ],
        "Inställningar",
      ),
    );
    expect(items).toMatchObject({
      idag: "2024-03-15",
      fullTimeHours: 38.25,
      anordnare: "Exempel AB",
    });
  });

  test("unreadable, missing and repeated settings → LAS.OKLAR", () => {
    const { items, findings } = readSettings(
      sheet(
        [
          ["Parameter", "Värde"],
          ["Idag", "snart"],
          ["Heltid timmar", "-5"],
          ["ROM2.MOTE14.fönster", ""],
          ["", 12],
          ["AMI.INTYG.dag", 8],
          ["AMI.INTYG.dag", 9],
        ],
        "Inställningar",
      ),
    );
    expect(items).toMatchObject({
      idag: null,
      fullTimeHours: 40,
      parameters: { "AMI.INTYG.dag": 9 },
    });
    expect(findings.map((f) => [f.refs.map((r) => r.cell), f.message])).toEqual([
      [["B2"], 'Kan inte läsa datumet "snart" i Inställningar!B2. Skriv t.ex. 2024-03-15.'],
      [["B3"], 'Kan inte läsa antalet timmar för heltid "-5" i Inställningar!B3. Skriv t.ex. 40.'],
      [["B4"], 'Värde saknas för inställningen "ROM2.MOTE14.fönster" i Inställningar!B4.'],
      [["A5"], "Raden har uppgifter men saknar parameter i Inställningar!A5."],
      [
        ["A6", "A7"],
        'Inställningen "AMI.INTYG.dag" står på flera rader (rad 6 och 7); värdet på rad 7 gäller.',
      ],
    ]);
  });

  it.each([
    [14, "14", 14],
    ["14", "14", 14],
    ["14,5", "14,5", 14.5],
    ["Ja", "Ja", true],
    ["nej", "nej", false],
    [true, "SANT", true],
    ["2024-03-01", "2024-03-01", "2024-03-01"],
    [" text ", " text ", "text"],
  ])("settingValue(%j) → %j", (value, text, expected) => {
    expect(settingValue(value, text)).toBe(expected);
  });
});

describe("readSettings: odd parameter names and values", () => {
  test('"__proto__" and "constructor" are ordinary parameter names', () => {
    const { items } = readSettings(
      sheet(
        [
          ["Parameter", "Värde"],
          ["__proto__", 1],
          ["constructor", "x"],
        ],
        "Inställningar",
      ),
    );
    expect(Object.keys(items.parameters)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(items.parameters)).toBe(Object.prototype);
    expect(settingsSchema.safeParse(items).success).toBe(true);
  });

  test("a number that is not finite is kept as its text", () => {
    expect(settingValue(Number.POSITIVE_INFINITY, "Infinity")).toBe("Infinity");
  });
});
