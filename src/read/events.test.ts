import type { IsoDate } from "../domain/date";
import { EVENT_KINDS, eventSchema, type SheetData } from "../domain/model";
import { parseEventName, readEvents } from "./events";
import { decorate, permuteColumns, refsProblems, withoutRefs, type Rows } from "./testGrids";

const sheet = (values: Rows, name = "Händelser"): SheetData => ({ name, values });
const STARTS: Record<string, IsoDate> = {
  D1: "2024-03-01" as IsoDate,
  D9: "2024-11-15" as IsoDate,
};
const startOf = (id: string): IsoDate | null => STARTS[id] ?? null;

const PLAIN: Rows = [
  ["Deltagare", "Datum", "Händelse", "Avser", "Kommentar"],
  ["D1", "2024-03-01", "Uppstart", "", "Första mötet"],
  ["D1", "2024-03-14", "GFP", "", ""],
  ["D1", "2024-04-05", "Månadsrapport klarmarkerad", "2024-03", ""],
  ["D1", "2024-04-10", "Kontaktförsök (ej svar)", "", "Ringde två gånger"],
  ["D2", "2024-05-02", "Praktik start", "", ""],
  ["D2", "2024-06-01", "Anställning start", "", "Lagerarbete"],
];

const EXPECTED = [
  {
    participantId: "D1",
    date: "2024-03-01",
    kind: "uppstartsmöte",
    avser: null,
    comment: "Första mötet",
  },
  { participantId: "D1", date: "2024-03-14", kind: "genomförandeplan", avser: null, comment: null },
  {
    participantId: "D1",
    date: "2024-04-05",
    kind: "månadsrapport klar",
    avser: "2024-03",
    comment: null,
  },
  {
    participantId: "D1",
    date: "2024-04-10",
    kind: "kontaktförsök",
    avser: null,
    comment: "Ringde två gånger",
  },
  {
    participantId: "D2",
    date: "2024-05-02",
    kind: "arbetsplats start",
    avser: "praktik",
    comment: null,
  },
  {
    participantId: "D2",
    date: "2024-06-01",
    kind: "egen försörjning start",
    avser: "anställning",
    comment: "Lagerarbete",
  },
];

const LAYOUTS: [string, Rows][] = [
  ["(a) plain grid", PLAIN],
  ["(b) shuffled columns", permuteColumns(PLAIN, [4, 2, 0, 3, 1])],
  [
    "(c) header variants: Namn · Dag · Händelsetyp · Gäller · Anteckning",
    [["Namn", "Dag", "Händelsetyp", "Gäller", "Anteckning"], ...PLAIN.slice(1)],
  ],
  [
    "(c) header variants: ID · DATUM: · Typ · avser · Kommentarer",
    [["ID", "DATUM:", "Typ", "avser", "Kommentarer"], ...PLAIN.slice(1)],
  ],
  ["(d) title, blank rows, extra columns, blank rows inside", decorate(PLAIN, "Logg 2024")],
  [
    "(e) dates as serial, text formats and without a year",
    [
      PLAIN[0] ?? [],
      ...PLAIN.slice(1).map((row, i) => {
        const dates = [
          45352,
          "14/3 2024",
          "5 april 2024",
          "10 apr",
          new Date(Date.UTC(2024, 4, 2)),
          "2024-06-01",
        ];
        return [row[0], dates[i], ...row.slice(2)];
      }),
    ],
  ],
];

describe("readEvents: every layout reads to the same events", () => {
  test.each(LAYOUTS)("%s", (_, values) => {
    const data = sheet(values);
    const { items, findings, map } = readEvents(data, { startOf });
    expect(findings).toEqual([]);
    expect(withoutRefs(items)).toEqual(EXPECTED);
    for (const item of items) {
      expect(eventSchema.safeParse(item).success).toBe(true);
      expect(refsProblems(data, item.refs)).toEqual([]);
    }
    expect(map?.kind).toBe("events");
  });

  test("the map", () => {
    expect(readEvents(sheet(PLAIN)).map).toEqual({
      sheet: "Händelser",
      kind: "events",
      anchor: "A1",
      columns: { participant: "A", date: "B", kind: "C", avser: "D", comment: "E" },
      participant: null,
      programme: null,
      signature: "deltagare|datum|handelse|avser|kommentar",
      manual: false,
    });
  });
});

describe("parseEventName: names and close variants", () => {
  const NAMES: [string, string, string | null][] = [
    ...EVENT_KINDS.map((k): [string, string, null] => [k, k, null]),
    ["Uppstartsmöte", "uppstartsmöte", null],
    ["Uppstart", "uppstartsmöte", null],
    ["uppstartsmote", "uppstartsmöte", null],
    ["Genomförandeplan", "genomförandeplan", null],
    ["GFP", "genomförandeplan", null],
    ["Genomförandeplan klar", "genomförandeplan", null],
    ["Genomforandeplan upprättad", "genomförandeplan", null],
    ["Reviderad genomförandeplan", "reviderad genomförandeplan", null],
    ["Reviderad GFP", "reviderad genomförandeplan", null],
    ["GFP reviderad", "reviderad genomförandeplan", null],
    ["Avstämning genomförandeplan", "avstämning genomförandeplan", null],
    ["Avstämning av GFP", "avstämning genomförandeplan", null],
    ["Avstämning", "avstämning genomförandeplan", null],
    ["Månadsrapport klar", "månadsrapport klar", null],
    ["Månadsrapport klarmarkerad", "månadsrapport klar", null],
    ["Månadsrapport", "månadsrapport klar", null],
    ["Trepartsmöte", "trepartsmöte", null],
    ["Trepart", "trepartsmöte", null],
    ["Trepartsmöte med KV", "trepartsmöte", null],
    ["Uppföljning med karriärvägledare", "uppföljning med karriärvägledare", null],
    ["Uppföljningsmöte KV", "uppföljning med karriärvägledare", null],
    ["Uppföljning KV", "uppföljning med karriärvägledare", null],
    ["Slutrapport", "slutrapport", null],
    ["Slutrapport inskickad", "slutrapport", null],
    ["Bonusrapport", "bonusrapport", null],
    ["Kontakt", "kontakt", null],
    ["Kontakt med deltagaren", "kontakt", null],
    ["Kontakt (telefon)", "kontakt", null],
    ["Kundkontakt", "kontakt", null],
    ["Kontaktförsök", "kontaktförsök", null],
    ["Kontaktförsök (ej svar)", "kontaktförsök", null],
    ["Kontaktforsok sms", "kontaktförsök", null],
    ["Meddelat karriärvägledare", "meddelat karriärvägledare", null],
    ["Meddelat KV", "meddelat karriärvägledare", null],
    ["KV informerad", "meddelat karriärvägledare", null],
    ["Läkarintyg", "läkarintyg", null],
    ["Läkarintyg inkommet", "läkarintyg", null],
    ["Lakarintyg inkom", "läkarintyg", null],
    ["VAB-intyg", "vab-intyg", null],
    ["Vab intyg inkommet", "vab-intyg", null],
    ["Statusrapport", "statusrapport", null],
    ["Förlängning", "förlängning", null],
    ["Förlängning beviljad", "förlängning", null],
    ["Arbetsplats start", "arbetsplats start", null],
    ["Praktik start", "arbetsplats start", "praktik"],
    ["Arbetsträning start", "arbetsplats start", "arbetsträning"],
    ["Start arbetsträning", "arbetsplats start", "arbetsträning"],
    ["Språkträningsplats start", "arbetsplats start", "språkträningsplats"],
    ["SFI-nivå start", "sfi-nivå start", null],
    ["SFI nivå C start", "sfi-nivå start", "C"],
    ["SFI B", "sfi-nivå start", "B"],
    ["Egen försörjning start", "egen försörjning start", null],
    ["Anställning start", "egen försörjning start", "anställning"],
    ["Anställning", "egen försörjning start", "anställning"],
    ["Studier start", "egen försörjning start", "studier"],
    ["Fick jobb", "egen försörjning start", "anställning"],
    ["Tilläggscheck", "tilläggscheck", null],
    ["Tillaggscheck beviljad", "tilläggscheck", null],
    ["Insats", "insats", null],
    ["Anvisning", "anvisning", null],
    ["Nytt anvisningsbeslut", "anvisning", null],
    ["Avslut", "avslut", null],
    ["Avslutad", "avslut", null],
    ["  UPPSTART:  ", "uppstartsmöte", null],
  ];
  it.each(NAMES)("%j → %s (avser %j)", (text, kind, avser) => {
    expect(parseEventName(text)).toEqual({ kind, avser });
  });

  it.each([["Fika"], [""], ["Möte"], ["Kontaktperson"], ["Praktikant"], ["Rapport"], ["SFI E"]])(
    "%j → null",
    (text) => {
      expect(parseEventName(text)).toBeNull();
    },
  );
});

describe("readEvents: findings", () => {
  const HEADER = ["Deltagare", "Datum", "Händelse", "Avser"];

  test("an unknown event name → LAS.OKLAR quoting the cell, row kept out", () => {
    const { items, findings } = readEvents(sheet([HEADER, ["D1", "2024-03-05", "Fika", ""]]));
    expect(items).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: "LAS.OKLAR",
      severity: "warning",
      participantId: "D1",
      refs: [{ sheet: "Händelser", cell: "C2", text: "Fika" }],
    });
    expect(findings[0]?.message).toMatch(
      /^Kan inte läsa händelsen "Fika" i Händelser!C2\. Kända händelser: Uppstartsmöte, /,
    );
  });

  test("a bad or missing date → LAS.OKLAR with the exact address", () => {
    const { items, findings } = readEvents(
      sheet([HEADER, ["D1", "31/13 2024", "Uppstart", ""], ["D1", "", "GFP", ""]]),
    );
    expect(items).toEqual([]);
    expect(findings).toEqual([
      {
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: "D1",
        refs: [{ sheet: "Händelser", cell: "B2", text: "31/13 2024" }],
        message: 'Kan inte läsa datumet "31/13 2024" i Händelser!B2. Skriv t.ex. 2024-03-05.',
      },
      {
        ruleId: "LAS.OKLAR",
        severity: "warning",
        participantId: "D1",
        refs: [{ sheet: "Händelser", cell: "B3", text: "" }],
        message: "Datum saknas i Händelser!B3; raden läses inte som en händelse.",
      },
    ]);
  });

  test("a missing event name and a missing participant", () => {
    const { findings } = readEvents(
      sheet([HEADER, ["D1", "2024-03-05", "", "x"], ["", "2024-03-05", "Uppstart", ""]]),
    );
    expect(findings.map((f) => [f.refs[0]?.cell, f.message])).toEqual([
      ["C2", "Händelse saknas i Händelser!C2; raden läses inte som en händelse."],
      ["A3", "Raden har uppgifter men saknar deltagare i Händelser!A3."],
    ]);
  });

  test('"10 apr" takes its year from the participant\'s startdatum, else the defaultYear', () => {
    const rows = [HEADER, ["D9", "10 apr", "Kontakt", ""], ["D5", "10 apr", "Kontakt", ""]];
    expect(
      readEvents(sheet(rows), { startOf, defaultYear: 2024 }).items.map((e) => e.date),
    ).toEqual(["2025-04-10", "2024-04-10"]);
    const { items, findings } = readEvents(sheet(rows), { startOf });
    expect(items.map((e) => e.date)).toEqual(["2025-04-10"]);
    expect(findings.map((f) => f.refs[0]?.cell)).toEqual(["B3"]);
  });
});

describe("readEvents: Avser", () => {
  const HEADER = ["Deltagare", "Datum", "Händelse", "Avser"];

  test("as written; a date cell is the month for a monthly report, the date for an extension", () => {
    const { items } = readEvents(
      sheet([
        HEADER,
        ["D1", "2024-04-05", "Månadsrapport klar", "mars 2024"],
        ["D1", "2024-04-05", "Månadsrapport klar", 45352],
        ["D1", "2024-04-05", "Förlängning", 45444],
        ["D1", "2024-04-05", "Tilläggscheck", 5000],
        ["D1", "2024-04-05", "Insats", "Lagerutbildning, 2024-04-01–2024-05-31"],
        ["D1", "2024-04-05", "SFI nivå C start", "D"],
      ]),
    );
    expect(items.map((e) => e.avser)).toEqual([
      "mars 2024",
      "2024-03",
      "2024-06-01",
      "5000",
      "Lagerutbildning, 2024-04-01–2024-05-31",
      "D", // the Avser cell wins over the name
    ]);
  });
});

describe("readEvents: an Excel error value in Kommentar is unreadable, not text", () => {
  test.each(["#N/A", "#GETTING_DATA", "#CALC!"])("%s → LAS.OKLAR at E2, no comment", (error) => {
    const { items, findings } = readEvents(
      sheet([PLAIN[0] ?? [], ["D1", "2024-03-01", "Uppstart", "", error]]),
      { startOf },
    );
    expect(findings.map((f) => [f.ruleId, f.refs[0]?.cell, f.refs[0]?.text])).toEqual([
      ["LAS.OKLAR", "E2", error],
    ]);
    expect(items[0]?.comment).toBeNull();
  });
});
