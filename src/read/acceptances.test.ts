import type { IsoDate } from "../domain/date";
import { acceptanceSchema, type SheetData } from "../domain/model";
import { parseRuleId, readAcceptances } from "./acceptances";
import { decorate, permuteColumns, refsProblems, withoutRefs, type Rows } from "./testGrids";

const NAME = "Godkända avvikelser";
const sheet = (values: Rows): SheetData => ({ name: NAME, values });

const PLAIN: Rows = [
  ["Deltagare", "Regel", "Från", "Till", "Orsak", "Godkänd av", "Datum"],
  [
    "D1",
    "ROM2.MOTE14",
    "2024-03-01",
    "2024-03-14",
    "Deltagaren var inlagd på sjukhus",
    "EK",
    "2024-03-15",
  ],
  ["D2", "ami.heltid", "", "", "Upptrappning enligt läkare", "", ""],
];
const EXPECTED = [
  {
    participantId: "D1",
    ruleId: "ROM2.MOTE14",
    from: "2024-03-01",
    to: "2024-03-14",
    reason: "Deltagaren var inlagd på sjukhus",
    acceptedBy: "EK",
    date: "2024-03-15",
  },
  {
    participantId: "D2",
    ruleId: "AMI.HELTID",
    from: null,
    to: null,
    reason: "Upptrappning enligt läkare",
    acceptedBy: null,
    date: null,
  },
];

describe("readAcceptances: every layout reads to the same acceptances", () => {
  test.each([
    ["plain", PLAIN],
    ["shuffled", permuteColumns(PLAIN, [6, 4, 2, 0, 1, 3, 5])],
    [
      "header variants",
      [
        ["Namn", "Regel-ID", "Fr.o.m.", "T.o.m.", "Motivering", "Godkänt av", "Godkänd den"],
        ...PLAIN.slice(1),
      ],
    ],
    ["title, blank rows, extra columns", decorate(PLAIN, "Godkända avvikelser")],
  ])("%s", (_, values) => {
    const data = sheet(values);
    const { items, findings, map } = readAcceptances(data);
    expect(findings).toEqual([]);
    expect(withoutRefs(items)).toEqual(EXPECTED);
    for (const item of items) {
      expect(acceptanceSchema.safeParse(item).success).toBe(true);
      expect(refsProblems(data, item.refs)).toEqual([]);
    }
    expect(map?.kind).toBe("acceptances");
  });

  test('dates without a year take it from the participant\'s startdatum ("1 mar" → 2025 for a November start)', () => {
    const { items } = readAcceptances(
      sheet([
        ["Deltagare", "Regel", "Från", "Till", "Orsak"],
        ["D9", "ROM2.MOTE14", "1 mar", "14 mar", "Sjukhus"],
      ]),
      { startOf: () => "2024-11-15" as IsoDate },
    );
    expect(items[0]).toMatchObject({ from: "2025-03-01", to: "2025-03-14" });
  });
});

describe("readAcceptances: a row that is not unambiguous is LAS.OKLAR and not taken", () => {
  const HEADER = ["Deltagare", "Regel", "Från", "Till", "Orsak", "Datum"];
  it.each([
    [
      ["D1", "", "2024-03-01", "", "x", ""],
      "B2",
      "Regel saknas i 'Godkända avvikelser'!B2; avvikelsen räknas inte som godkänd.",
    ],
    [
      ["D1", "möte varannan vecka", "2024-03-01", "", "x", ""],
      "B2",
      'Kan inte läsa regeln "möte varannan vecka" i \'Godkända avvikelser\'!B2. Skriv regelns id, t.ex. "ROM2.MOTE14".',
    ],
    [
      ["D1", "ROM2.MOTE14", "2024-03-01", "", "", ""],
      "E2",
      "Orsak saknas för den godkända avvikelsen i 'Godkända avvikelser'!E2; avvikelsen räknas inte som godkänd.",
    ],
    [
      ["D1", "ROM2.MOTE14", "31/13 2024", "", "x", ""],
      "C2",
      "Kan inte läsa datumet \"31/13 2024\" i 'Godkända avvikelser'!C2. Skriv t.ex. 2024-03-05; avvikelsen räknas inte som godkänd.",
    ],
    [
      ["D1", "ROM2.MOTE14", "2024-03-10", "2024-03-01", "x", ""],
      "D2",
      'Till "2024-03-01" i \'Godkända avvikelser\'!D2 är före Från "2024-03-10"; avvikelsen räknas inte som godkänd.',
    ],
  ])("%j → %s", (row, cell, message) => {
    const { items, findings } = readAcceptances(sheet([HEADER, row]));
    expect(items).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: "LAS.OKLAR",
      severity: "warning",
      participantId: "D1",
      message,
    });
    expect(findings[0]?.refs[0]?.cell).toBe(cell);
  });

  test("an unreadable Datum keeps the acceptance without it", () => {
    const { items, findings } = readAcceptances(
      sheet([HEADER, ["D1", "ROM2.MOTE14", "", "", "Sjukhus", "igår"]]),
    );
    expect(items).toHaveLength(1);
    expect(items[0]?.date).toBeNull();
    expect(findings.map((f) => f.refs[0]?.cell)).toEqual(["F2"]);
  });

  test("a row without participant", () => {
    const { findings } = readAcceptances(sheet([HEADER, ["", "ROM2.MOTE14", "", "", "x", ""]]));
    expect(findings[0]?.message).toBe(
      "Raden har uppgifter men saknar deltagare i 'Godkända avvikelser'!A2.",
    );
  });
});

describe("parseRuleId", () => {
  it.each([
    ["ROM2.MOTE14", "ROM2.MOTE14"],
    ["rom2.mote14", "ROM2.MOTE14"],
    [" ROM2.MÖTE14 ", "ROM2.MOTE14"],
    ["AMI . HELTID", "AMI.HELTID"],
    ["JOBBSPAR.GLAPP", "JOBBSPAR.GLAPP"],
    ["LAS.OKLAR", "LAS.OKLAR"],
    ["ROM2", null],
    ["möte varannan vecka", null],
    ["", null],
    [".MOTE14", null],
  ])("%j → %j", (text, id) => {
    expect(parseRuleId(text)).toBe(id);
  });
});
