import { participantSchema, type SheetData } from "../domain/model";
import { participantLookup, readRegister } from "./register";
import { decorate, permuteColumns, refsProblems, withoutRefs, type Rows } from "./testGrids";

const sheet = (values: Rows, name = "Deltagare"): SheetData => ({ name, values });

const PLAIN: Rows = [
  [
    "Deltagar-ID",
    "Namn",
    "Kön",
    "Insats",
    "Nivå",
    "Beslutsdatum",
    "Startdatum",
    "Slutdatum",
    "Omfattning",
    "Ekonomiskt bistånd",
    "Del 1 start",
    "Del 2 start",
    "Del 3 start",
    "Upptrappning",
  ],
  [
    "D1",
    "Anna Andersson",
    "Kvinna",
    "Rusta och matcha 2",
    "A",
    "2024-02-20",
    "2024-03-05",
    "2025-03-04",
    "20 h",
    "",
    "",
    "",
    "",
    "",
  ],
  [
    "D2",
    "Bertil Berg",
    "M",
    "JPG",
    "",
    "2024-03-01",
    "2024-03-11",
    "",
    "heltid",
    "Ja",
    "",
    "",
    "",
    "från 2024-03-11 20 h; från 2024-04-01 30 h",
  ],
  [
    "D3",
    "Cilla Carlsson",
    "Annat",
    "ITA",
    "",
    "",
    "2024-04-02",
    "",
    "50 %",
    "Nej",
    "2024-04-02",
    "2024-05-13",
    "2024-09-02",
    "",
  ],
];

const withHeader = (header: unknown[]): Rows => [header, ...PLAIN.slice(1)];

const EXPECTED = [
  {
    id: "D1",
    name: "Anna Andersson",
    kon: "kvinna",
    programme: "ROM2",
    niva: "A",
    beslutsdatum: "2024-02-20",
    start: "2024-03-05",
    end: "2025-03-04",
    omfattning: { hoursPerWeek: 20, percent: null },
    ekonomisktBistand: null,
    itaDelar: { del1: null, del2: null, del3: null },
    upptrappning: [],
  },
  {
    id: "D2",
    name: "Bertil Berg",
    kon: "man",
    programme: "JPG",
    niva: null,
    beslutsdatum: "2024-03-01",
    start: "2024-03-11",
    end: null,
    omfattning: { hoursPerWeek: null, percent: 100 },
    ekonomisktBistand: true,
    itaDelar: { del1: null, del2: null, del3: null },
    upptrappning: [
      { from: "2024-03-11", hoursPerWeek: 20 },
      { from: "2024-04-01", hoursPerWeek: 30 },
    ],
  },
  {
    id: "D3",
    name: "Cilla Carlsson",
    kon: "annat",
    programme: "ITA",
    niva: null,
    beslutsdatum: null,
    start: "2024-04-02",
    end: null,
    omfattning: { hoursPerWeek: null, percent: 50 },
    ekonomisktBistand: false,
    itaDelar: { del1: "2024-04-02", del2: "2024-05-13", del3: "2024-09-02" },
    upptrappning: [],
  },
];

const LAYOUTS: [string, Rows][] = [
  ["(a) plain grid", PLAIN],
  ["(b) shuffled columns", permuteColumns(PLAIN, [13, 6, 0, 9, 2, 11, 4, 1, 8, 12, 3, 7, 5, 10])],
  [
    "(c) header variants: ID, Deltagarens namn, Tjänst, Beslut, Start, Avslut, …",
    withHeader([
      "ID",
      "Deltagarens namn",
      "KÖN:",
      "Tjänst",
      "nivå",
      "Beslut",
      "Start",
      "Avslut",
      "Omfattning (tim/v)",
      "Forsorjningsstod",
      "Start del 1",
      "Del 2",
      "Del 3 startdatum",
      "Upptrappningsplan",
    ]),
  ],
  [
    "(c) header variants: Deltagare, Namn, Program, Slut, …",
    withHeader([
      "Deltagare",
      "Namn",
      "Kon",
      "Program",
      "Niva",
      "Beslutsdag",
      "Start datum",
      "Slut",
      "OMFATTNING",
      "Ek. bistånd",
      "Del 1",
      "Del 2 start",
      "Del 3",
      "upptrappning:",
    ]),
  ],
  ["(d) title, blank rows, extra columns, blank rows inside", decorate(PLAIN)],
  [
    "(b)+(c)+(d) all at once",
    decorate(
      permuteColumns(
        withHeader([
          "Kund",
          "Namn",
          "Kön",
          "Tjänst",
          "Nivå",
          "Beslut",
          "Start",
          "Avslut",
          "Omfattning",
          "Försörjningsstöd",
          "Del 1 start",
          "Del 2 start",
          "Del 3 start",
          "Upptrappning",
        ]),
        [3, 2, 1, 0, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4],
      ),
    ),
  ],
];

describe("readRegister: every layout reads to the same participants", () => {
  test.each(LAYOUTS)("%s", (_, values) => {
    const data = sheet(values);
    const { items, findings, map } = readRegister(data);
    expect(findings).toEqual([]);
    expect(withoutRefs(items)).toEqual(EXPECTED);
    for (const item of items) {
      expect(participantSchema.safeParse(item).success).toBe(true);
      expect(refsProblems(data, item.refs)).toEqual([]);
    }
    expect(map?.kind).toBe("register");
  });

  test("refs are the row's non-empty cells, extra columns included", () => {
    const { items } = readRegister(sheet(decorate(PLAIN)));
    expect(items[0]?.refs.map((r) => r.cell)).toEqual([
      "A5",
      "B5",
      "C5",
      "D5",
      "E5",
      "F5",
      "G5",
      "H5",
      "I5",
      "J5",
      "P5",
    ]);
    expect(items[0]?.refs[10]).toEqual({ sheet: "Deltagare", cell: "P5", text: "ring tisdag" });
  });

  test("the map: anchor, concept → column letter, signature", () => {
    expect(readRegister(sheet(decorate(PLAIN))).map).toEqual({
      sheet: "Deltagare",
      kind: "register",
      anchor: "B4",
      columns: {
        id: "B",
        name: "C",
        kon: "D",
        programme: "E",
        niva: "F",
        beslutsdatum: "G",
        startdatum: "H",
        slutdatum: "I",
        omfattning: "J",
        bistand: "K",
        del1: "L",
        del2: "M",
        del3: "N",
        upptrappning: "O",
      },
      participant: null,
      programme: null,
      signature:
        "nr|deltagarid|namn|kon|insats|niva|beslutsdatum|startdatum|slutdatum|omfattning|" +
        "ekonomisktbistand|del1start|del2start|del3start|upptrappning|anteckning",
      manual: false,
    });
  });

  test("a stored map is used as it is, and kept manual", () => {
    const data = sheet(decorate(PLAIN));
    const first = readRegister(data);
    const map = first.map;
    if (map === null) throw new Error("no map");
    const again = readRegister(data, { map: { ...map, manual: true } });
    expect(again.items).toEqual(first.items);
    expect(again.map).toEqual({ ...map, manual: true });
    // A map that no longer fits (column beyond the sheet) falls back to detection.
    const stale = readRegister(data, { map: { ...map, columns: { ...map.columns, id: "ZZ" } } });
    expect(stale.items).toEqual(first.items);
    expect(stale.map?.manual).toBe(false);
  });

  test("no header row: nothing read, map null", () => {
    expect(readRegister(sheet([["Deltagare"], ["D1"]]))).toEqual({
      items: [],
      findings: [],
      map: null,
    });
    expect(readRegister(sheet([]))).toEqual({ items: [], findings: [], map: null });
  });
});

describe("readRegister: names", () => {
  test('"Namn" alone is both id and name', () => {
    const { items } = readRegister(
      sheet([
        ["Namn", "Insats", "Start"],
        ["Anna Andersson", "ROM2", "2024-03-05"],
      ]),
    );
    expect(items[0]).toMatchObject({ id: "Anna Andersson", name: "Anna Andersson" });
  });

  test("Förnamn + Efternamn make the id and the name when there is no id column", () => {
    const { items, findings } = readRegister(
      sheet([
        ["Förnamn", "Efternamn", "Tjänst", "Startdatum"],
        ["Anna", "Andersson", "JPF", "2024-03-05"],
      ]),
    );
    expect(findings).toEqual([]);
    expect(items[0]).toMatchObject({ id: "Anna Andersson", name: "Anna Andersson" });
  });

  test("an id column that is not a name leaves the name null", () => {
    const { items } = readRegister(
      sheet([
        ["ID", "Insats", "Start"],
        ["D1", "ROM2", "2024-03-05"],
      ]),
    );
    expect(items[0]?.name).toBeNull();
  });
});

describe("readRegister: every date format (e)", () => {
  const start = (value: unknown, defaultYear?: number) =>
    readRegister(
      sheet([
        ["Deltagare", "Insats", "Startdatum"],
        ["D1", "ROM2", value],
      ]),
      defaultYear === undefined ? {} : { defaultYear },
    );

  it.each([
    ["2024-03-05", undefined],
    [45356, undefined],
    [new Date(Date.UTC(2024, 2, 5)), undefined],
    ["5/3 2024", undefined],
    ["5 mars 2024", undefined],
    ["5 mar", 2024], // year: the caller's defaultYear
    ["den 5 mars 2024", undefined],
  ])("startdatum %j (defaultYear %s) → 2024-03-05", (value, defaultYear) => {
    const { items, findings } = start(value, defaultYear);
    expect(findings).toEqual([]);
    expect(items[0]?.start).toBe("2024-03-05");
  });

  test('slutdatum "4 mar" takes the first 4 March on or after startdatum', () => {
    const { items } = readRegister(
      sheet([
        ["Deltagare", "Insats", "Startdatum", "Slutdatum", "Beslut"],
        ["D1", "ROM2", "2024-03-05", "4 mar", "28 feb"],
      ]),
    );
    expect(items[0]).toMatchObject({
      start: "2024-03-05",
      end: "2025-03-04",
      beslutsdatum: "2024-02-28", // the last 28 Feb on or before startdatum
    });
  });

  test("a number format does not change a serial date", () => {
    const { items } = readRegister({
      name: "Deltagare",
      values: [
        ["Deltagare", "Insats", "Startdatum", "Omfattning"],
        ["D1", "ROM2", 45356, 0.5],
      ],
      numberFormats: [
        ["General", "General", "General", "General"],
        ["General", "General", "yyyy-mm-dd", "0%"],
      ],
    });
    expect(items[0]?.start).toBe("2024-03-05");
    expect(items[0]?.omfattning).toEqual({ hoursPerWeek: null, percent: 50 });
    expect(items[0]?.refs[2]).toEqual({ sheet: "Deltagare", cell: "C2", text: "2024-03-05" });
    expect(items[0]?.refs[3]).toEqual({ sheet: "Deltagare", cell: "D2", text: "50 %" });
  });
});

describe("readRegister: findings", () => {
  const HEADER = ["Deltagare", "Kön", "Insats", "Startdatum", "Slutdatum", "Omfattning"];

  test("a row without startdatum → LAS.REGISTER naming the participant", () => {
    const { items, findings } = readRegister(sheet([HEADER, ["D1", "K", "ROM2", "", "", ""]]));
    expect(findings).toEqual([
      {
        ruleId: "LAS.REGISTER",
        severity: "error",
        participantId: "D1",
        refs: [{ sheet: "Deltagare", cell: "D2", text: "" }],
        message: "Deltagaren D1 saknar startdatum i registret (Deltagare!D2).",
      },
    ]);
    expect(items).toHaveLength(1); // still a participant: other sheets can refer to them
    expect(items[0]?.start).toBeNull();
  });

  test("a register without a startdatum column → LAS.REGISTER on the id cell", () => {
    const { findings } = readRegister(
      sheet([
        ["Deltagare", "Insats"],
        ["D1", "ROM2"],
      ]),
    );
    expect(findings).toEqual([
      {
        ruleId: "LAS.REGISTER",
        severity: "error",
        participantId: "D1",
        refs: [{ sheet: "Deltagare", cell: "A2", text: "D1" }],
        message: "Deltagaren D1 saknar startdatum i registret (Deltagare!A2).",
      },
    ]);
  });

  test("an unreadable startdatum → LAS.REGISTER quoting the cell", () => {
    const { findings } = readRegister(sheet([HEADER, ["D1", "K", "ROM2", "31/13 2024", "", ""]]));
    expect(findings).toEqual([
      {
        ruleId: "LAS.REGISTER",
        severity: "error",
        participantId: "D1",
        refs: [{ sheet: "Deltagare", cell: "D2", text: "31/13 2024" }],
        message:
          'Kan inte läsa startdatumet "31/13 2024" för deltagaren D1 i Deltagare!D2. ' +
          "Skriv t.ex. 2024-03-05.",
      },
    ]);
  });

  test("a missing and an unknown programme → LAS.REGISTER", () => {
    const { items, findings } = readRegister(
      sheet([
        HEADER,
        ["D1", "K", "", "2024-03-05", "", ""],
        ["D2", "M", "Rusta", "2024-03-05", "", ""],
      ]),
    );
    expect(items.map((p) => p.programme)).toEqual([null, null]);
    expect(findings[0]).toEqual({
      ruleId: "LAS.REGISTER",
      severity: "error",
      participantId: "D1",
      refs: [{ sheet: "Deltagare", cell: "C2", text: "" }],
      message:
        'Deltagaren D1 saknar insats i registret (Deltagare!C2). Ange t.ex. "Rusta och matcha 2" eller "JPG".',
    });
    expect(findings[1]).toMatchObject({
      ruleId: "LAS.REGISTER",
      severity: "error",
      participantId: "D2",
      refs: [{ sheet: "Deltagare", cell: "C3", text: "Rusta" }],
    });
    expect(findings[1]?.message).toMatch(
      /^Okänd insats "Rusta" för deltagaren D2 i Deltagare!C3\. Kända insatser: Rusta och matcha 2 \(ROM2\), .*, Lokalt jobbspår \(JOBBSPAR\)\.$/,
    );
    expect(findings).toHaveLength(2);
  });

  test("unreadable kön, slutdatum, omfattning, bistånd, upptrappning → LAS.OKLAR each, fields null", () => {
    const { items, findings } = readRegister(
      sheet([
        [...HEADER, "Ekonomiskt bistånd", "Upptrappning"],
        ["D1", "Q", "ROM2", "2024-03-05", "31/13 2024", "lagom", "kanske", "från mars 20 h"],
      ]),
    );
    expect(items[0]).toMatchObject({
      kon: null,
      end: null,
      omfattning: null,
      ekonomisktBistand: null,
      upptrappning: [],
    });
    expect(
      findings.map((f) => [f.ruleId, f.severity, f.participantId, f.refs[0]?.cell, f.message]),
    ).toEqual([
      [
        "LAS.OKLAR",
        "warning",
        "D1",
        "B2",
        'Kan inte läsa könet "Q" i Deltagare!B2. Skriv Kvinna, Man eller Annat.',
      ],
      [
        "LAS.OKLAR",
        "warning",
        "D1",
        "E2",
        'Kan inte läsa slutdatumet "31/13 2024" i Deltagare!E2. Skriv t.ex. 2024-03-05.',
      ],
      [
        "LAS.OKLAR",
        "warning",
        "D1",
        "F2",
        'Kan inte läsa omfattningen "lagom" i Deltagare!F2. Skriv t.ex. "20 h", "50 %" eller "heltid".',
      ],
      [
        "LAS.OKLAR",
        "warning",
        "D1",
        "G2",
        'Kan inte läsa uppgiften om ekonomiskt bistånd "kanske" i Deltagare!G2. Skriv Ja eller Nej.',
      ],
      [
        "LAS.OKLAR",
        "warning",
        "D1",
        "H2",
        'Kan inte läsa upptrappningen "från mars 20 h" i Deltagare!H2. Delen "från mars 20 h" går inte att läsa. ' +
          'Skriv t.ex. "från 2024-03-01 20 h; från 2024-04-01 30 h".',
      ],
    ]);
  });

  test("a row with content but no participant → LAS.OKLAR, never silently dropped", () => {
    const { items, findings } = readRegister(
      sheet([HEADER, ["", "K", "ROM2", "2024-03-05", "", ""]]),
    );
    expect(items).toEqual([]);
    expect(findings).toEqual([
      {
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: null,
        refs: [
          { sheet: "Deltagare", cell: "A2", text: "" },
          { sheet: "Deltagare", cell: "B2", text: "K" },
          { sheet: "Deltagare", cell: "C2", text: "ROM2" },
          { sheet: "Deltagare", cell: "D2", text: "2024-03-05" },
        ],
        message: "Raden har uppgifter men saknar deltagare i Deltagare!A2.",
      },
    ]);
  });

  test("a personnummer as id is read, but messages show only the birth date", () => {
    const { items, findings } = readRegister(
      sheet([HEADER, ["19850101-1234", "K", "ROM2", "", "", ""]]),
    );
    expect(items[0]?.id).toBe("19850101-1234");
    expect(findings[0]?.message).toBe(
      "Deltagaren 19850101-**** saknar startdatum i registret (Deltagare!D2).",
    );
    expect(findings[0]?.message).not.toContain("1234");
  });

  test("the same id on two rows → LAS.OKLAR, both rows read", () => {
    const { items, findings } = readRegister(
      sheet([
        HEADER,
        ["D1", "K", "ROM2", "2024-03-05", "", ""],
        ["D1", "K", "ROM2", "2024-04-01", "", ""],
      ]),
    );
    expect(items).toHaveLength(2);
    expect(findings).toEqual([
      {
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: "D1",
        refs: [
          { sheet: "Deltagare", cell: "A2", text: "D1" },
          { sheet: "Deltagare", cell: "A3", text: "D1" },
        ],
        message: "Deltagaren D1 står på flera rader i registret (rad 2 och 3); båda raderna läses.",
      },
    ]);
  });

  test("a repeated header row inside the table is skipped", () => {
    const { items, findings } = readRegister(
      sheet([
        HEADER,
        ["D1", "K", "ROM2", "2024-03-05", "", ""],
        HEADER,
        ["D2", "M", "JPG", "2024-03-05", "", ""],
      ]),
    );
    expect(findings).toEqual([]);
    expect(items.map((p) => p.id)).toEqual(["D1", "D2"]);
  });

  test("Nivå: a letter as a letter, anything else as written", () => {
    const { items } = readRegister(
      sheet([
        ["Deltagare", "Insats", "Start", "Nivå"],
        ["D1", "ROM2", "2024-03-05", "nivå b"],
        ["D2", "ROM2", "2024-03-05", "c"],
        ["D3", "SAI", "2024-03-05", "SFI 2"],
      ]),
    );
    expect(items.map((p) => p.niva)).toEqual(["B", "C", "SFI 2"]);
  });
});

describe("participantLookup", () => {
  test("programme and startdatum by id, ignoring case and spaces", () => {
    const lookup = participantLookup(readRegister(sheet(PLAIN)).items);
    expect(lookup.programmeOf("D1")).toBe("ROM2");
    expect(lookup.programmeOf(" d2 ")).toBe("JPG");
    expect(lookup.startOf("D3")).toBe("2024-04-02");
    expect(lookup.has("D9")).toBe(false);
    expect(lookup.programmeOf("D9")).toBeNull();
    expect(lookup.startOf("D9")).toBeNull();
  });
});

describe("readRegister: an Excel error value in a text column is unreadable, not text", () => {
  test.each([
    ["Namn", "B2", ["D1", "#N/A", "Ja", "ROM2", "2024-03-05"]],
    ["Namn (ExcelJS)", "B2", ["D1", { error: "#REF!" }, "Ja", "ROM2", "2024-03-05"]],
    ["Nivå", "C2", ["D1", "Anna", "#VALUE!", "ROM2", "2024-03-05"]],
  ])("%s → LAS.OKLAR at %s, the value not used", (_what, cell, row) => {
    const { items, findings } = readRegister(
      sheet([["Deltagar-ID", "Namn", "Nivå", "Insats", "Startdatum"], row]),
    );
    expect(findings.map((f) => [f.ruleId, f.refs[0]?.cell])).toEqual([["LAS.OKLAR", cell]]);
    expect(JSON.stringify(withoutRefs(items))).not.toContain("#");
  });
});
