import type { IsoDate } from "../domain/date";
import { activitySchema, type SheetData } from "../domain/model";
import type { Programme } from "../domain/programmes";
import { ROM2_VOCABULARY } from "../domain/vocabulary/rom2";
import {
  categoryFromColumn,
  modeFromColumn,
  readActivityList,
  type ActivityListOptions,
} from "./activityList";
import { decorate, permuteColumns, refsProblems, withoutRefs, type Rows } from "./testGrids";

const sheet = (values: Rows, name = "Aktiviteter"): SheetData => ({ name, values });

const PROGRAMMES: Record<string, Programme> = { D1: "ROM2", D2: "JPG" };
const STARTS: Record<string, IsoDate> = {
  D1: "2024-03-01" as IsoDate,
  D2: "2024-03-04" as IsoDate,
  D9: "2024-11-15" as IsoDate,
};
const OPTIONS: ActivityListOptions = {
  programmeOf: (id) => PROGRAMMES[id] ?? null,
  startOf: (id) => STARTS[id] ?? null,
  vocabularyFor: (programme) => (programme === "ROM2" ? ROM2_VOCABULARY : null),
};
const read = (values: Rows, options: Partial<ActivityListOptions> = {}) =>
  readActivityList(sheet(values), { ...OPTIONS, ...options });

const PLAIN: Rows = [
  [
    "Deltagare",
    "Datum",
    "Start",
    "Slut",
    "Aktivitet",
    "Kategori",
    "Form",
    "Närvaro",
    "Orsak",
    "Intyg",
    "Rapporterad",
  ],
  [
    "D1",
    "2024-03-05",
    "8.00",
    "8.30",
    "OBL-Individuellt möte",
    "",
    "På plats",
    "Närvarande",
    "",
    "",
    "",
  ],
  [
    "D1",
    "2024-03-05",
    "8.30",
    "12.00",
    "Praktiskt stöd: Skriva CV",
    "3",
    "Eget arbete",
    "",
    "",
    "",
    "",
  ],
  [
    "D1",
    "2024-03-06",
    "13.00",
    "16.30",
    "Information om arbetsmarknaden - Webbinar om bristyrken",
    "",
    "Distans",
    "Sjuk",
    "",
    "Ja",
    "2024-03-06",
  ],
  [
    "D2",
    "2024-03-07",
    "9.00",
    "11.00",
    "Arbetsträning på lager",
    "",
    "Arbetsplats",
    "Frånvarande",
    "Ogiltig",
    "",
    "2024-03-08",
  ],
  ["D2", "2024-03-08", "", "", "Studiebesök", "", "", "", "", "", ""],
];

const none = { certificate: null, reportedDate: null };
const EXPECTED = [
  {
    participantId: "D1",
    date: "2024-03-05",
    start: 480,
    end: 510,
    hours: 0.5,
    category: 0,
    categoryName: "Individuellt möte",
    mode: "hos leverantör",
    obligatory: true,
    description: "",
    text: "OBL-Individuellt möte",
    attendance: { status: "närvarande", reason: null, ...none },
  },
  {
    participantId: "D1",
    date: "2024-03-05",
    start: 510,
    end: 720,
    hours: 3.5,
    category: 3,
    categoryName: "Praktiskt stöd",
    mode: "eget arbete",
    obligatory: false,
    description: "Skriva CV",
    text: "Praktiskt stöd: Skriva CV",
    attendance: null,
  },
  {
    participantId: "D1",
    date: "2024-03-06",
    start: 780,
    end: 990,
    hours: 3.5,
    category: 4,
    categoryName: "Information om arbetsmarknaden",
    mode: "distans med handledare",
    obligatory: false,
    description: "Webbinar om bristyrken",
    text: "Information om arbetsmarknaden - Webbinar om bristyrken",
    attendance: {
      status: "frånvarande",
      reason: "sjuk",
      certificate: true,
      reportedDate: "2024-03-06",
    },
  },
  {
    participantId: "D2",
    date: "2024-03-07",
    start: 540,
    end: 660,
    hours: 2,
    category: null, // JPG has no vocabulary here
    categoryName: null,
    mode: "arbetsplats",
    obligatory: false,
    description: "Arbetsträning på lager",
    text: "Arbetsträning på lager",
    attendance: {
      status: "frånvarande",
      reason: "ogiltig frånvaro",
      certificate: null,
      reportedDate: "2024-03-08",
    },
  },
  {
    participantId: "D2",
    date: "2024-03-08",
    start: null,
    end: null,
    hours: null,
    category: null,
    categoryName: null,
    mode: null,
    obligatory: false,
    description: "Studiebesök",
    text: "Studiebesök",
    attendance: null,
  },
];

const withHeader = (header: unknown[]): Rows => [header, ...PLAIN.slice(1)];
/** PLAIN with Start and Slut merged into one "Tid" column written as `ranges`. */
const tidColumn = (header: unknown[], ranges: unknown[]): Rows => [
  header,
  ...PLAIN.slice(1).map((row, i) => [row[0], row[1], ranges[i], ...row.slice(4)]),
];
/** PLAIN with its Start and Slut cells replaced. */
const times = (pairs: [unknown, unknown][]): Rows => [
  PLAIN[0] ?? [],
  ...PLAIN.slice(1).map((row, i) => [row[0], row[1], ...(pairs[i] ?? ["", ""]), ...row.slice(4)]),
];

const LAYOUTS: [string, Rows][] = [
  ["(a) plain grid", PLAIN],
  ["(b) shuffled columns", permuteColumns(PLAIN, [10, 4, 1, 7, 0, 9, 3, 6, 2, 8, 5])],
  [
    "(c) Namn, Dag, Från/Till, Beskrivning, Aktivitetstyp, Plats, Utfall, Frånvaroorsak, Läkarintyg, Meddelad KV",
    withHeader([
      "Namn",
      "Dag",
      "Från",
      "Till",
      "Beskrivning",
      "Aktivitetstyp",
      "Plats",
      "Utfall",
      "Frånvaroorsak",
      "Läkarintyg",
      "Meddelad KV",
    ]),
  ],
  [
    "(c) ID, one Tid column, Var, Närvaro",
    tidColumn(
      [
        "ID",
        "Datum",
        "Tid",
        "Aktivitet",
        "Kategori",
        "Var",
        "Närvaro",
        "Orsak",
        "Intyg",
        "Rapporterad",
      ],
      ["8.00-8.30", "8.30-12.00", "13.00–16.30", "kl 9-11", ""],
    ),
  ],
  [
    "(c) Starttid/Sluttid written as 08:00, Excel fractions, numbers, kl",
    [
      ["Deltagare", "Datum", "Starttid", "Sluttid", ...(PLAIN[0] ?? []).slice(4)],
      ...times([
        ["08:00", 0.3541666],
        ["8:30", "12"],
        ["kl 13", "16:30"],
        [9, 11],
        ["", ""],
      ]).slice(1),
    ],
  ],
  ["(d) title, blank rows, extra columns, blank rows inside", decorate(PLAIN, "Aktiviteter mars")],
  [
    "(b)+(c)+(d) at once",
    decorate(
      permuteColumns(
        tidColumn(
          [
            "Deltagare",
            "Dag",
            "Tid",
            "Innehåll",
            "Kategori",
            "Form",
            "Utfall",
            "Orsak",
            "Intyg",
            "Meddelad KV",
          ],
          ["8-8.30", "8.30-12", "13.00-16.30", "9.00-11.00", ""],
        ),
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
      ),
    ),
  ],
];

describe("readActivityList: every layout reads to the same activities", () => {
  test.each(LAYOUTS)("%s", (_, values) => {
    const data = sheet(values);
    const { items, findings, map } = readActivityList(data, OPTIONS);
    expect(findings).toEqual([]);
    expect(withoutRefs(items)).toEqual(EXPECTED);
    for (const item of items) {
      expect(activitySchema.safeParse(item).success).toBe(true);
      expect(refsProblems(data, item.refs)).toEqual([]);
    }
    expect(map?.kind).toBe("activitylist");
  });

  test("the map of the plain grid", () => {
    expect(read(PLAIN).map).toEqual({
      sheet: "Aktiviteter",
      kind: "activitylist",
      anchor: "A1",
      columns: {
        participant: "A",
        date: "B",
        start: "C",
        end: "D",
        activity: "E",
        category: "F",
        mode: "G",
        attendance: "H",
        reason: "I",
        certificate: "J",
        reported: "K",
      },
      participant: null,
      programme: null,
      signature:
        "deltagare|datum|start|slut|aktivitet|kategori|form|narvaro|orsak|intyg|rapporterad",
      manual: false,
    });
  });
});

const ONE = ["Deltagare", "Datum", "Start", "Slut", "Tid", "Timmar", "Aktivitet"];
const one = (row: unknown[], options: Partial<ActivityListOptions> = {}) =>
  read([ONE, row], options);

describe("readActivityList: every date format (e)", () => {
  it.each([
    ["2024-03-05", "D1"],
    [45356, "D1"],
    [new Date(Date.UTC(2024, 2, 5)), "D1"],
    ["5/3 2024", "D1"],
    ["5 mars 2024", "D1"],
    ["tis 5 mars", "D1"], // year: D1's startdatum 2024-03-01
    ["5 mar", "D1"], // year: D1's startdatum 2024-03-01
    ["5/3", "D1"],
  ])("%j → 2024-03-05", (value, participant) => {
    const { items, findings } = one([participant, value, "8", "12", "", "", "Vägledning"]);
    expect(findings).toEqual([]);
    expect(items[0]?.date).toBe("2024-03-05");
  });

  test('"5 mar": the first 5 March on or after the participant\'s startdatum', () => {
    // D9 starts 2024-11-15, so "5 mar" is in 2025.
    expect(one(["D9", "5 mar", "8", "12", "", "", "Vägledning"]).items[0]?.date).toBe("2025-03-05");
  });

  test('"5 mar" for a participant without startdatum: the defaultYear, else unreadable', () => {
    const row = ["D5", "5 mar", "8", "12", "", "", "Vägledning"];
    expect(one(row, { defaultYear: 2024 }).items[0]?.date).toBe("2024-03-05");
    const { items, findings } = one(row);
    expect(items).toEqual([]);
    expect(findings).toEqual([
      {
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: "D5",
        refs: [{ sheet: "Aktiviteter", cell: "B2", text: "5 mar" }],
        message: 'Kan inte läsa datumet "5 mar" i Aktiviteter!B2. Skriv t.ex. 2024-03-05.',
      },
    ]);
  });
});

describe("readActivityList: every time format (e)", () => {
  it.each([
    ["8", 480],
    ["8.00", 480],
    ["08:00", 480],
    ["8.30", 510],
    ["8:30", 510],
    [0.3541666, 510],
    [0.3541666666666667, 510],
    [8, 480],
    ["kl 8", 480],
  ])("Start %j → %d min", (value, minutes) => {
    const { items, findings } = one(["D1", "2024-03-05", value, "12.00", "", "", "Vägledning"]);
    expect(findings).toEqual([]);
    expect(items[0]).toMatchObject({ start: minutes, end: 720, hours: (720 - minutes) / 60 });
  });

  it.each([
    ["8.00-12.00"],
    ["8-12"],
    ["8.00–12.00"],
    ["8.00—12.00"],
    ["kl 8-12"],
    ["08:00 - 12:00"],
  ])("Tid %j → 8:00–12:00", (value) => {
    const { items, findings } = one(["D1", "2024-03-05", "", "", value, "", "Vägledning"]);
    expect(findings).toEqual([]);
    expect(items[0]).toMatchObject({ start: 480, end: 720, hours: 4 });
  });

  test('a range in the Start column ("8-12") when Slut is blank', () => {
    expect(one(["D1", "2024-03-05", "8-12", "", "", "", "Vägledning"]).items[0]).toMatchObject({
      start: 480,
      end: 720,
    });
  });

  test("Timmar without times gives the hours; with a start it gives the end", () => {
    expect(one(["D1", "2024-03-05", "", "", "", "2,5", "Vägledning"]).items[0]).toMatchObject({
      start: null,
      end: null,
      hours: 2.5,
    });
    expect(one(["D1", "2024-03-05", "8", "", "", 2, "Vägledning"]).items[0]).toMatchObject({
      start: 480,
      end: 600,
      hours: 2,
    });
  });

  test("a time range in the activity text when the row has no times", () => {
    expect(
      one(["D1", "2024-03-05", "", "", "", "", "Individuellt möte 8.00-8.30"]).items[0],
    ).toMatchObject({ start: 480, end: 510, hours: 0.5, category: 0 });
  });

  test("a datetime cell gives its time of day", () => {
    expect(one(["D1", 45356.3333333, "", "", "", "", "Vägledning"]).items[0]?.date).toBe(
      "2024-03-05",
    );
    expect(one(["D1", "2024-03-05", 45356.3541666, 45356.5, "", "", "x"]).items[0]).toMatchObject({
      start: 510,
      end: 720,
    });
  });
});

describe("readActivityList: unreadable rows → LAS.OKLAR with the exact address, kept out", () => {
  it.each([
    [
      ["D1", "31/13 2024", "8", "12", "", "", "x"],
      "B2",
      "31/13 2024",
      'Kan inte läsa datumet "31/13 2024" i Aktiviteter!B2. Skriv t.ex. 2024-03-05.',
    ],
    [
      ["D1", "2024-02-30", "8", "12", "", "", "x"],
      "B2",
      "2024-02-30",
      'Kan inte läsa datumet "2024-02-30" i Aktiviteter!B2. Skriv t.ex. 2024-03-05.',
    ],
    [
      ["D1", "#N/A", "8", "12", "", "", "x"],
      "B2",
      "#N/A",
      'Kan inte läsa datumet "#N/A" i Aktiviteter!B2. Skriv t.ex. 2024-03-05.',
    ],
    [
      ["D1", "", "8", "12", "", "", "x"],
      "B2",
      "",
      "Datum saknas i Aktiviteter!B2; raden läses inte som en aktivitet.",
    ],
    [
      ["D1", "2024-03-05", "25.00", "12", "", "", "x"],
      "C2",
      "25.00",
      'Kan inte läsa tiden "25.00" i Aktiviteter!C2. Skriv t.ex. "8.30", "08:30" eller "8.00-12.00".',
    ],
    [
      ["D1", "2024-03-05", "8", "åtta", "", "", "x"],
      "D2",
      "åtta",
      'Kan inte läsa tiden "åtta" i Aktiviteter!D2. Skriv t.ex. "8.30", "08:30" eller "8.00-12.00".',
    ],
    [
      ["D1", "2024-03-05", "12", "8", "", "", "x"],
      "D2",
      "8",
      'Sluttiden "8" i Aktiviteter!D2 är inte efter starttiden "12".',
    ],
    [
      ["D1", "2024-03-05", "", "", "8-", "", "x"],
      "E2",
      "8-",
      'Kan inte läsa tiden "8-" i Aktiviteter!E2. Skriv t.ex. "8.30", "08:30" eller "8.00-12.00".',
    ],
    [
      ["D1", "2024-03-05", "", "", "", "många", "x"],
      "F2",
      "många",
      'Kan inte läsa antalet timmar "många" i Aktiviteter!F2. Skriv t.ex. "2" eller "1,5".',
    ],
  ])("%j → %s", (row, cell, text, message) => {
    const { items, findings } = one(row);
    expect(items).toEqual([]);
    expect(findings).toEqual([
      {
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: "D1",
        refs: [{ sheet: "Aktiviteter", cell, text }],
        message,
      },
    ]);
  });

  test("a row with content but no participant", () => {
    const { items, findings } = one(["", "2024-03-05", "8", "12", "", "", "Vägledning"]);
    expect(items).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: "LAS.OKLAR",
      participantId: null,
      message: "Raden har uppgifter men saknar deltagare i Aktiviteter!A2.",
    });
    expect(findings[0]?.refs.map((r) => r.cell)).toEqual(["A2", "B2", "C2", "D2", "G2"]);
  });

  test("the address quotes the sheet name when it has spaces", () => {
    const { findings } = readActivityList(
      sheet([ONE, ["D1", "31/13 2024", "8", "12", "", "", "x"]], "Schema mars"),
      OPTIONS,
    );
    expect(findings[0]?.message).toBe(
      "Kan inte läsa datumet \"31/13 2024\" i 'Schema mars'!B2. Skriv t.ex. 2024-03-05.",
    );
  });
});

describe("readActivityList: other unreadable cells → LAS.OKLAR, activity kept", () => {
  const HEADER = [
    "Deltagare",
    "Datum",
    "Tid",
    "Aktivitet",
    "Kategori",
    "Form",
    "Närvaro",
    "Intyg",
    "Rapporterad",
  ];

  test("unknown Form: the mode comes from the text", () => {
    const { items, findings } = read([
      HEADER,
      ["D1", "2024-03-05", "8-12", "Eget arbete - Vägledning", "", "Storgatan 1", "", "", ""],
    ]);
    expect(items[0]).toMatchObject({ mode: "eget arbete", category: 2 });
    expect(findings.map((f) => [f.refs[0]?.cell, f.message])).toEqual([
      [
        "F2",
        'Kan inte läsa formen "Storgatan 1" i Aktiviteter!F2. Skriv t.ex. "På plats", "Hos leverantör", ' +
          '"Distans", "Eget arbete", "Arbetsplats" eller "Annan aktör".',
      ],
    ]);
  });

  test("unknown Kategori: the category comes from the text", () => {
    const { items, findings } = read([
      HEADER,
      ["D1", "2024-03-05", "8-12", "Kost och hälsa: föreläsning", "Fika", "", "", "", ""],
    ]);
    expect(items[0]).toMatchObject({ category: 6, categoryName: "Kost och hälsa" });
    expect(findings[0]?.message).toBe(
      'Kan inte läsa kategorin "Fika" i Aktiviteter!E2. Kategorin tas i stället från aktivitetens text.',
    );
  });

  test("unreadable Närvaro, Intyg, Rapporterad: those fields are left out", () => {
    const { items, findings } = read([
      HEADER,
      ["D1", "2024-03-05", "8-12", "Vägledning", "", "", "Kanske", "Snart", "Ja"],
    ]);
    expect(items).toHaveLength(1);
    expect(items[0]?.attendance).toBeNull();
    expect(findings.map((f) => f.refs[0]?.cell)).toEqual(["G2", "H2", "I2"]);
  });
});

describe("readActivityList: text, category, mode, attendance", () => {
  const HEADER = ["Deltagare", "Datum", "Tid", "Aktivitet", "Kategori", "Form", "Närvaro", "Orsak"];

  test("the category is inferred from the text with the participant's vocabulary", () => {
    const { items } = read([
      HEADER,
      [
        "D1",
        "2024-03-05",
        "8-12",
        "Valbar aktivitet hos LEV - Stöd för att höja digital kompetens: Seminarium",
        "",
        "",
        "",
        "",
      ],
    ]);
    expect(items[0]).toMatchObject({
      category: 7,
      categoryName: "Stöd för att stärka deltagarens digitala kompetens",
      mode: "hos leverantör",
      description: "Seminarium",
    });
  });

  it.each([
    [4, 4],
    ["4", 4],
    ["Kategori 4", 4],
    ["4. Information om arbetsmarknaden", 4],
    ["Information om arbetsmarknaden", 4],
    ["individuellt möte", 0],
    ["0", 0],
  ])("Kategori %j → %d", (value, code) => {
    expect(categoryFromColumn(String(value), ROM2_VOCABULARY)?.code).toBe(code);
  });

  it.each([
    ["På plats", "hos leverantör"],
    ["Hos leverantör", "hos leverantör"],
    ["LEV", "hos leverantör"],
    ["Distans", "distans med handledare"],
    ["Digitalt", "distans med handledare"],
    ["Eget arbete", "eget arbete"],
    ["Arbetsplats", "arbetsplats"],
    ["Praktik", "arbetsplats"],
    ["Annan aktör", "annan aktör"],
    ["Storgatan 1", null],
  ])("Form %j → %s", (text, mode) => {
    expect(modeFromColumn(text)).toBe(mode);
  });

  test("a text with several timed activities becomes one activity each", () => {
    const text =
      "OBL-Individuellt möte 8.00-8.30 därefter eget arbete - Information om arbetsmarknaden 8.30-12.00- Lyssna på webbinar om bristyrken";
    const { items, findings } = read([
      ["Deltagare", "Datum", "Aktivitet"],
      ["D1", "2024-03-05", text],
    ]);
    expect(findings).toEqual([]);
    expect(withoutRefs(items)).toEqual([
      {
        participantId: "D1",
        date: "2024-03-05",
        start: 480,
        end: 510,
        hours: 0.5,
        category: 0,
        categoryName: "Individuellt möte",
        mode: null,
        obligatory: true,
        description: "",
        text: "OBL-Individuellt möte 8.00-8.30",
        attendance: null,
      },
      {
        participantId: "D1",
        date: "2024-03-05",
        start: 510,
        end: 720,
        hours: 3.5,
        category: 4,
        categoryName: "Information om arbetsmarknaden",
        mode: "eget arbete",
        obligatory: false,
        description: "Lyssna på webbinar om bristyrken",
        text: "eget arbete - Information om arbetsmarknaden 8.30-12.00- Lyssna på webbinar om bristyrken",
        attendance: null,
      },
    ]);
  });

  test('an attendance marker in the text ("(sjuk)") when there is no Närvaro column value', () => {
    const { items } = read([
      HEADER,
      ["D1", "2024-03-05", "8-12", "Vägledning (sjuk)", "", "", "", ""],
    ]);
    expect(items[0]?.attendance).toEqual({
      status: "frånvarande",
      reason: "sjuk",
      certificate: null,
      reportedDate: null,
    });
  });

  test("Orsak alone means an absence; a classified word wins over free text", () => {
    const { items } = read([
      HEADER,
      ["D1", "2024-03-05", "8-12", "Vägledning", "", "", "", "Tandläkare"],
      ["D1", "2024-03-06", "8-12", "Vägledning", "", "", "Sjuk", "Influensa"],
    ]);
    expect(items.map((a) => a.attendance)).toEqual([
      { status: "frånvarande", reason: "Tandläkare", certificate: null, reportedDate: null },
      { status: "frånvarande", reason: "sjuk", certificate: null, reportedDate: null },
    ]);
  });

  test("Aktivitet and Beskrivning both present: the description joins them", () => {
    const { items } = read([
      ["Deltagare", "Datum", "Aktivitet", "Beskrivning"],
      ["D1", "2024-03-05", "Praktiskt stöd: CV", "Hos Anna"],
      ["D1", "2024-03-06", "Individuellt möte", "Uppföljning"],
    ]);
    expect(items.map((a) => [a.text, a.description])).toEqual([
      ["Praktiskt stöd: CV", "CV – Hos Anna"],
      ["Individuellt möte", "Uppföljning"],
    ]);
  });

  test("a Lunch row holds no activity (and is no finding)", () => {
    expect(read([HEADER, ["D1", "2024-03-05", "12-13", "Lunch", "", "", "", ""]])).toMatchObject({
      items: [],
      findings: [],
    });
  });

  test("a row with Kategori but no text is still an activity", () => {
    expect(
      read([HEADER, ["D1", "2024-03-05", "8-12", "", "4", "På plats", "", ""]]).items[0],
    ).toMatchObject({
      category: 4,
      mode: "hos leverantör",
      text: "",
      description: "",
    });
  });

  test("a participant not in the register: no vocabulary, no category", () => {
    const { items, findings } = read([
      HEADER,
      ["Okänd", "2024-03-05", "8-12", "Vägledning", "2", "", "", ""],
    ]);
    expect(findings).toEqual([]);
    expect(items[0]).toMatchObject({ participantId: "Okänd", category: null });
  });
});

describe("readActivityList: an Excel error value in a text column is unreadable, not text", () => {
  const HEADER = ["Deltagare", "Datum", "Tid", "Aktivitet", "Kategori", "Form", "Närvaro"];
  const ERRORS = [
    "#REF!",
    "#N/A",
    "#VALUE!",
    "#DIV/0!",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#SPILL!",
    "#CALC!",
    "#GETTING_DATA",
  ];
  const COLUMNS: [string, number][] = [
    ["Aktivitet", 3],
    ["Kategori", 4],
    ["Form", 5],
    ["Närvaro", 6],
  ];
  // Each error as Office.js gives it (a text) and as ExcelJS gives it ({ error }).
  const CASES: [string, number, string, unknown][] = COLUMNS.flatMap(([column, c]) =>
    ERRORS.flatMap((error): [string, number, string, unknown][] => [
      [column, c, error, error],
      [column, c, error, { error }],
    ]),
  );

  test.each(CASES)("%s = %s (%p) → LAS.OKLAR quoting the cell", (_column, c, text, value) => {
    const row: unknown[] = ["D1", "2024-03-05", "8-12", "Vägledning", "", "", ""];
    row[c] = value;
    const { items, findings } = read([HEADER, row]);
    const cell = `${"ABCDEFG"[c] ?? ""}2`;
    expect(findings.map((f) => [f.ruleId, f.severity, f.refs[0]?.cell, f.refs[0]?.text])).toEqual([
      ["LAS.OKLAR", "warning", cell, text],
    ]);
    expect(findings[0]?.message).toBe(
      `Kan inte läsa cellen "${text}" i Aktiviteter!${cell}. Excel visar ett fel i cellen ` +
        "(t.ex. en trasig formel eller referens); värdet används inte. Rätta formeln eller skriv in värdet.",
    );
    // The value is not used: no activity is named, categorised or marked after it.
    expect(JSON.stringify(withoutRefs(items))).not.toContain("#");
  });

  test("a row with an error value in Aktivitet and an unreadable date names both cells once", () => {
    const { findings } = read([HEADER, ["D1", "#N/A", "25.00", "#REF!", "", "", ""]]);
    // The date B2 and time C2 are named (the row is not read further, so D2 is not reached).
    expect(findings.map((f) => f.refs[0]?.cell)).toEqual(["B2", "C2"]);
  });
});

describe("readActivityList: some participants only (the batches of a validation)", () => {
  const rows: Rows = [
    ["Deltagare", "Datum", "Start", "Slut", "Aktivitet", "Form"],
    ["D1", "2024-03-05", "8.00", "12.00", "Jobbsökning", "På plats"],
    ["D2", "2024-03-05", "8.00", "12.00", "Jobbsökning", "Ute i skogen"],
    ["D2", "2024-03-06", "8.00", "12.00", "Jobbsökning", "#REF!"],
    ["", "2024-03-06", "8.00", "12.00", "Jobbsökning", "På plats"],
    ["D1", "2024-03-07", "8.00", "12.00", "Jobbsökning", "På plats"],
  ];
  const all = read(rows);
  const keepD1 = (id: string) => id === "D1";

  test("the rows of a participant left out are not read: no activities, no findings of theirs", () => {
    const d1 = read(rows, { only: { keep: keepD1, errorRows: false } });
    // D1's two rows (2 and 6) are read as without the filter; D2's rows 3 and 4 are skipped.
    expect(d1.items).toEqual(all.items.filter((a) => a.participantId === "D1"));
    expect(d1.items).toHaveLength(2);
    expect(d1.findings.some((f) => f.participantId === "D2")).toBe(false);
    // The row without a participant is still reported (its cell is read before the filter).
    expect(d1.findings.map((f) => f.refs[0]?.cell)).toEqual(["A5"]);
  });

  test("with errorRows, a left-out row holding an Excel error is read so its cell is reported", () => {
    const d1 = read(rows, { only: { keep: keepD1, errorRows: true } });
    // Row 4's #REF! (F4) is reported as without the filter (no participant); D2's unreadable
    // form in row 3 is not (row 3 holds no error value, so it is skipped).
    const cells = (fs: typeof all.findings) => fs.map((f) => f.refs[0]?.cell);
    expect(cells(all.findings)).toEqual(["F3", "A5", "F4"]);
    expect(cells(d1.findings.filter((f) => f.participantId !== "D2"))).toEqual(["A5", "F4"]);
  });

  test("remembered rows: a later read visits only the rows with a kept participant", () => {
    const memo = new WeakMap();
    const data = sheet(rows);
    readActivityList(data, {
      ...OPTIONS,
      only: { keep: () => false, errorRows: false },
      rowsMemo: memo,
    });
    // Rows 2, 3, 4 and 6 have a participant (0-based 1, 2, 3, 5); row 5 has none.
    expect([...(memo.get(data) as { rows: Int32Array }).rows]).toEqual([1, 2, 3, 5]);
    const again = readActivityList(data, {
      ...OPTIONS,
      only: { keep: keepD1, errorRows: false },
      rowsMemo: memo,
    });
    expect(again.items).toEqual(all.items.filter((a) => a.participantId === "D1"));
    // Nothing without a participant: that is the errorRows read's to report.
    expect(again.findings).toEqual([]);
  });
});
