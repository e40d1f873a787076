import {
  ACCEPTANCES_LAYOUT,
  ACTIVITY_LIST_LAYOUT,
  detectLayouts,
  EVENTS_LAYOUT,
  findHeaderRow,
  foldHeader,
  HEADER_TABLE,
  matchHeaderRow,
  REGISTER_LAYOUT,
  SETTINGS_LAYOUT,
  TARIFFS_LAYOUT,
} from "./headers";

describe("foldHeader", () => {
  it.each([
    ["Startdatum", "startdatum"],
    ["STARTDATUM", "startdatum"],
    ["  Start datum: ", "startdatum"],
    ["Startdatum*", "startdatum"],
    ["Startdatum (ÅÅÅÅ-MM-DD)", "startdatum"],
    ["Omfattning [h/v]", "omfattning"],
    ["Kön", "kon"],
    ["Kon", "kon"],
    ["Försörjningsstöd", "forsorjningsstod"],
    ["Forsorjningsstod", "forsorjningsstod"],
    ["Deltagar-ID", "deltagarid"],
    ["Deltagar ID", "deltagarid"],
    ["Fr.o.m.", "from"],
    ["Antal\ntimmar", "antaltimmar"],
    ["Närvaro", "narvaro"],
  ])("%j → %j", (text, folded) => {
    expect(foldHeader(text)).toBe(folded);
  });
});

describe("the header table", () => {
  test.each(Object.entries(HEADER_TABLE))(
    "%s: concepts are unique, headers fold to distinct keys",
    (_, layout) => {
      const concepts = layout.concepts.map((c) => c.concept);
      expect(new Set(concepts).size).toBe(concepts.length);
      for (const { headers } of layout.concepts) {
        const keys = headers.map(foldHeader);
        expect(keys.every((k) => k !== "")).toBe(true);
        expect(new Set(keys).size).toBe(keys.length);
      }
      for (const group of layout.required) {
        for (const concept of group) expect(concepts).toContain(concept);
      }
    },
  );

  // The header texts mallar.md names, concept by concept.
  it.each([
    [REGISTER_LAYOUT, "id", ["Deltagare", "Deltagar-ID", "ID", "Namn", "Kund"]],
    [REGISTER_LAYOUT, "name", ["Namn"]],
    [REGISTER_LAYOUT, "kon", ["Kön"]],
    [REGISTER_LAYOUT, "programme", ["Insats", "Tjänst", "Program"]],
    [REGISTER_LAYOUT, "niva", ["Nivå"]],
    [REGISTER_LAYOUT, "beslutsdatum", ["Beslutsdatum", "Beslut"]],
    [REGISTER_LAYOUT, "startdatum", ["Startdatum", "Start"]],
    [REGISTER_LAYOUT, "slutdatum", ["Slutdatum", "Slut", "Avslut"]],
    [REGISTER_LAYOUT, "omfattning", ["Omfattning"]],
    [REGISTER_LAYOUT, "bistand", ["Ekonomiskt bistånd", "Försörjningsstöd"]],
    [REGISTER_LAYOUT, "del1", ["Del 1 start"]],
    [REGISTER_LAYOUT, "del2", ["Del 2 start"]],
    [REGISTER_LAYOUT, "del3", ["Del 3 start"]],
    [REGISTER_LAYOUT, "upptrappning", ["Upptrappning"]],
    [ACTIVITY_LIST_LAYOUT, "participant", ["Deltagare", "Namn", "ID"]],
    [ACTIVITY_LIST_LAYOUT, "date", ["Datum", "Dag"]],
    [ACTIVITY_LIST_LAYOUT, "start", ["Start", "Från", "Starttid"]],
    [ACTIVITY_LIST_LAYOUT, "end", ["Slut", "Till", "Sluttid"]],
    [ACTIVITY_LIST_LAYOUT, "time", ["Tid"]],
    [ACTIVITY_LIST_LAYOUT, "hours", ["Timmar", "Tim", "Antal timmar"]],
    [ACTIVITY_LIST_LAYOUT, "activity", ["Aktivitet"]],
    [ACTIVITY_LIST_LAYOUT, "description", ["Beskrivning", "Innehåll"]],
    [ACTIVITY_LIST_LAYOUT, "category", ["Kategori", "Aktivitetstyp"]],
    [ACTIVITY_LIST_LAYOUT, "mode", ["Form", "Plats", "Var"]],
    [ACTIVITY_LIST_LAYOUT, "attendance", ["Närvaro", "Utfall"]],
    [ACTIVITY_LIST_LAYOUT, "reason", ["Orsak", "Frånvaroorsak"]],
    [ACTIVITY_LIST_LAYOUT, "certificate", ["Intyg", "Läkarintyg"]],
    [ACTIVITY_LIST_LAYOUT, "reported", ["Rapporterad", "Meddelad KV"]],
    [EVENTS_LAYOUT, "participant", ["Deltagare"]],
    [EVENTS_LAYOUT, "date", ["Datum"]],
    [EVENTS_LAYOUT, "kind", ["Händelse"]],
    [EVENTS_LAYOUT, "avser", ["Avser"]],
    [EVENTS_LAYOUT, "comment", ["Kommentar"]],
    [TARIFFS_LAYOUT, "programme", ["Insats"]],
    [TARIFFS_LAYOUT, "validFrom", ["Gäller från"]],
    [TARIFFS_LAYOUT, "monthly", ["Månadsbelopp"]],
    [TARIFFS_LAYOUT, "dayRate", ["Dagersättning"]],
    [SETTINGS_LAYOUT, "parameter", ["Parameter"]],
    [SETTINGS_LAYOUT, "value", ["Värde"]],
    [ACCEPTANCES_LAYOUT, "participant", ["Deltagare"]],
    [ACCEPTANCES_LAYOUT, "ruleId", ["Regel"]],
    [ACCEPTANCES_LAYOUT, "from", ["Från"]],
    [ACCEPTANCES_LAYOUT, "to", ["Till"]],
    [ACCEPTANCES_LAYOUT, "reason", ["Orsak"]],
    [ACCEPTANCES_LAYOUT, "acceptedBy", ["Godkänd av"]],
    [ACCEPTANCES_LAYOUT, "date", ["Datum"]],
  ] as const)("%# %s: %s ← %j", (layout, concept, headers) => {
    const entry = (
      layout.concepts as readonly { concept: string; headers: readonly string[] }[]
    ).find((c) => c.concept === concept);
    const keys = (entry?.headers ?? []).map(foldHeader);
    for (const header of headers) expect(keys).toContain(foldHeader(header));
  });
});

describe("matchHeaderRow", () => {
  test("register: ID and Namn → id and name; Namn alone → id", () => {
    expect(matchHeaderRow(["Namn", "ID", "Insats"], REGISTER_LAYOUT)?.columns).toEqual({
      id: 1,
      name: 0,
      programme: 2,
    });
    expect(matchHeaderRow(["Namn", "Insats"], REGISTER_LAYOUT)?.columns).toEqual({
      id: 0,
      programme: 1,
    });
    expect(matchHeaderRow(["Deltagare", "Namn", "Start"], REGISTER_LAYOUT)?.columns).toEqual({
      id: 0,
      name: 1,
      startdatum: 2,
    });
  });

  test("register: Förnamn + Efternamn stand in for the id", () => {
    expect(matchHeaderRow(["Förnamn", "Efternamn", "Tjänst"], REGISTER_LAYOUT)?.columns).toEqual({
      firstName: 0,
      lastName: 1,
      programme: 2,
    });
  });

  test("register: a participant and a programme or startdatum are required", () => {
    expect(matchHeaderRow(["Deltagare", "Kön"], REGISTER_LAYOUT)).toBeNull();
    expect(matchHeaderRow(["Insats", "Startdatum"], REGISTER_LAYOUT)).toBeNull();
    expect(matchHeaderRow(["Deltagare", "Startdatum"], REGISTER_LAYOUT)).not.toBeNull();
  });

  test("activity list: Datum beats Dag, Tid is one column", () => {
    expect(
      matchHeaderRow(["Dag", "Datum", "Deltagare", "Tid", "Aktivitet"], ACTIVITY_LIST_LAYOUT)
        ?.columns,
    ).toEqual({ date: 1, participant: 2, time: 3, activity: 4 });
  });

  test("the same header twice: the leftmost is taken, the other ignored", () => {
    expect(
      matchHeaderRow(["Deltagare", "Datum", "Händelse", "Datum"], EVENTS_LAYOUT)?.columns,
    ).toEqual({ participant: 0, date: 1, kind: 2 });
  });

  test("non-text cells are never headers", () => {
    expect(matchHeaderRow([1, true, null, "Deltagare"], REGISTER_LAYOUT)).toBeNull();
  });
});

describe("findHeaderRow", () => {
  const header = ["Deltagare", "Datum", "Händelse", "Avser", "Kommentar"];

  test("row 0", () => {
    expect(findHeaderRow([header, ["D1", "2024-03-05", "Uppstart"]], EVENTS_LAYOUT)).toEqual({
      row: 0,
      columns: { participant: 0, date: 1, kind: 2, avser: 3, comment: 4 },
      headers: {
        participant: "deltagare",
        date: "datum",
        kind: "handelse",
        avser: "avser",
        comment: "kommentar",
      },
      count: 5,
    });
  });

  test("below a title, blank rows, and to the right of extra columns", () => {
    const values = [
      ["Händelselogg 2024"],
      [],
      ["", "", ""],
      ["Nr", "Skapad av", ...header, "Övrigt"],
      [1, "EK", "D1", "2024-03-05", "Uppstart"],
    ];
    expect(findHeaderRow(values, EVENTS_LAYOUT)).toMatchObject({
      row: 3,
      columns: { participant: 2, date: 3, kind: 4, avser: 5, comment: 6 },
    });
  });

  test("the row with the most recognised headers wins; the topmost on a tie", () => {
    const values = [
      ["Deltagare", "Datum", "Händelse"],
      ["Deltagare", "Datum", "Händelse", "Avser"],
      ["Deltagare", "Datum", "Händelse", "Kommentar"],
    ];
    expect(findHeaderRow(values, EVENTS_LAYOUT)?.row).toBe(1);
  });

  test("only the first 30 rows are searched", () => {
    const blank = Array.from({ length: 30 }, () => [] as unknown[]);
    expect(findHeaderRow([...blank, header], EVENTS_LAYOUT)).toBeNull();
    expect(findHeaderRow([...blank.slice(1), header], EVENTS_LAYOUT)?.row).toBe(29);
  });

  test("nothing to find", () => {
    expect(findHeaderRow([], EVENTS_LAYOUT)).toBeNull();
    expect(findHeaderRow([[]], EVENTS_LAYOUT)).toBeNull();
    expect(findHeaderRow([["Händelser"], ["Deltagare", "Datum"]], EVENTS_LAYOUT)).toBeNull();
  });
});

describe("detectLayouts", () => {
  it.each([
    [["Deltagar-ID", "Namn", "Kön", "Insats", "Startdatum", "Slutdatum"], "register"],
    [["Deltagare", "Datum", "Start", "Slut", "Aktivitet"], "activitylist"],
    [["Deltagare", "Datum", "Tid", "Aktivitet", "Närvaro"], "activitylist"],
    [["Deltagare", "Datum", "Händelse", "Avser"], "events"],
    [["Insats", "Gäller från", "Månadsbelopp", "Dagersättning"], "tariffs"],
    [["Parameter", "Värde"], "settings"],
    [["Deltagare", "Regel", "Från", "Till", "Orsak", "Godkänd av", "Datum"], "acceptances"],
  ])("%j → %s first", (header, kind) => {
    expect(detectLayouts([["Titel"], [], header])[0]?.kind).toBe(kind);
  });

  test("an activity list also meets the register's minimum, but ranks below", () => {
    expect(
      detectLayouts([["Deltagare", "Datum", "Start", "Slut", "Aktivitet"]]).map((d) => d.kind),
    ).toEqual(["activitylist", "register"]);
  });

  test("nothing recognised", () => {
    expect(detectLayouts([["Vecka 12"], ["Måndag", "Tisdag"]])).toEqual([]);
  });
});
