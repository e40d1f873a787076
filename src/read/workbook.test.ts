import fc from "fast-check";
import { templateMapSchema, type SheetData } from "../domain/model";
import { detectKind, readWorkbook, templateMapFromValues, templateMapToValues } from "./workbook";

const register: SheetData = {
  name: "Deltagare",
  values: [
    ["Deltagarregister – Exempel AB"],
    [],
    ["Deltagar-ID", "Namn", "Kön", "Insats", "Startdatum", "Slutdatum"],
    ["R-001", "Anna Andersson", "Kvinna", "Rusta och matcha 2", "2024-03-04", "2024-06-28"],
    ["N-101", "Omar Said", "Man", "Jobbpeng grund", "2024-03-01", ""],
  ],
};
const grid: SheetData = {
  name: "Anna Andersson",
  values: [
    ["Vecka 10 2024", "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"],
    [
      "8.00-12.00",
      "Eget arbete- praktiskt stöd: Skriva CV",
      "OBL-Individuellt möte 8.00-8.30",
      "",
      "",
      "",
    ],
  ],
};
const list: SheetData = {
  name: "Aktiviteter",
  values: [
    ["Datum", "Deltagare", "Tid", "Aktivitet", "Form"],
    ["2024-03-04", "N-101", "8.30-11.30", "Praktik på ICA", "Arbetsplats"],
    ["2024-03-05", "X-999", "9-12", "Jobbsökning", "Hos leverantör"],
    ["2024-03-06", "X-999", "9-12", "Jobbsökning", "Hos leverantör"],
  ],
};
const events: SheetData = {
  name: "Händelser",
  values: [
    ["Deltagare", "Datum", "Händelse", "Avser"],
    ["N-101", "2024-03-01", "Uppstartsmöte", ""],
    ["N-101", "2024-04-05", "Månadsrapport klar", "mars 2024"],
  ],
};
const settings: SheetData = {
  name: "Inställningar",
  values: [
    ["Parameter", "Värde"],
    ["Anordnare", "Exempel AB"],
    ["Idag", "2024-03-15"],
    ["ROM2.MOTE14.fönster", 14],
  ],
};
const own: SheetData = {
  name: "Månadsrapport 2024-03",
  values: [
    ["Deltagare", "Insats", "Startdatum"],
    ["R-001", "ROM2", "2024-03-04"],
  ],
};
const about: SheetData = { name: "Om exemplet", values: [["Det här är ett exempel."]] };

const workbook = [about, register, grid, list, events, settings, own];

describe("detection", () => {
  test.each([
    [register, "register"],
    [grid, "weekgrid"],
    [list, "activitylist"],
    [events, "events"],
    [settings, "settings"],
    [about, null],
  ] as const)("%s", (sheet, kind) => {
    expect(detectKind(sheet)).toBe(kind);
  });
});

describe("readWorkbook", () => {
  const model = readWorkbook(workbook);

  test("each sheet's layout is recognised and kept in the template map; own and other sheets are left alone", () => {
    expect(model.templateMap.sheets.map((m) => [m.sheet, m.kind, m.anchor])).toEqual([
      ["Inställningar", "settings", "A1"],
      ["Deltagare", "register", "A3"],
      ["Anna Andersson", "weekgrid", "A1"],
      ["Aktiviteter", "activitylist", "A1"],
      ["Händelser", "events", "A1"],
    ]);
    expect(model.otherSheets).toEqual(["Om exemplet"]);
    expect(model.notices).toEqual([]);
  });

  test("settings, participants, activities from both layouts and events", () => {
    expect(model.settings).toMatchObject({
      anordnare: "Exempel AB",
      idag: "2024-03-15",
      parameters: { "ROM2.MOTE14.fönster": 14 },
    });
    expect(model.participants.map((p) => [p.id, p.programme, p.start, p.end])).toEqual([
      ["R-001", "ROM2", "2024-03-04", "2024-06-28"],
      ["N-101", "JPG", "2024-03-01", null],
    ]);
    expect(
      model.activities.map((a) => [a.participantId, a.date, a.categoryName ?? a.category, a.hours]),
    ).toEqual([
      ["R-001", "2024-03-04", "Praktiskt stöd", 4],
      ["R-001", "2024-03-05", "Individuellt möte", 0.5],
      ["N-101", "2024-03-04", expect.anything(), 3],
    ]);
    expect(model.events.map((e) => [e.participantId, e.kind, e.avser])).toEqual([
      ["N-101", "uppstartsmöte", null],
      ["N-101", "månadsrapport klar", "mars 2024"],
    ]);
  });

  test("rows for a participant not in the register are one LAS.DELTAGARE, pointing at the rows", () => {
    expect(model.findings.filter((f) => f.ruleId === "LAS.DELTAGARE")).toEqual([
      expect.objectContaining({
        severity: "error",
        participantId: "X-999",
        refs: [
          expect.objectContaining({ sheet: "Aktiviteter", cell: "B3" }),
          expect.objectContaining({ cell: "B4" }),
        ],
      }),
    ]);
  });

  test("a stored map is reused while the sheet looks the same", () => {
    const again = readWorkbook(workbook, { storedMap: model.templateMap });
    expect(again.notices).toEqual([]);
    expect(again.activities).toEqual(model.activities);
  });

  test("a stored map that no longer fits the sheet is dropped, the sheet re-recognised, and the user told", () => {
    const moved: SheetData = {
      ...list,
      values: [["Aktivitetslista"], ...list.values.map((r) => ["", ...r])],
    };
    const again = readWorkbook([register, moved], { storedMap: model.templateMap });
    expect(again.notices).toContain(
      'Bladet "Aktiviteter" har ändrats sedan mallen sparades; Schemakoll kände igen det på nytt.',
    );
    expect(again.activities.map((a) => a.date)).toEqual(["2024-03-04"]);
    expect(again.templateMap.sheets.find((m) => m.sheet === "Aktiviteter")?.anchor).toBe("B2");
  });

  test("a sheet named in the stored map but gone is mentioned", () => {
    const again = readWorkbook([register], { storedMap: model.templateMap });
    expect(again.notices).toContain(
      'Bladet "Anna Andersson" i den sparade mallen finns inte längre i arbetsboken.',
    );
  });

  test("a workbook without any schedule says what to do", () => {
    expect(readWorkbook([about]).notices).toEqual([
      "Hittade inget schema i arbetsboken – välj blad under Mall.",
    ]);
  });

  test("a person's correction of a week grid's participant is kept", () => {
    const anonymous: SheetData = { name: "Schema 1", values: grid.values };
    const first = readWorkbook([register, anonymous]);
    expect(first.findings.map((f) => f.ruleId)).toEqual(["LAS.DELTAGARE"]);
    const recognised = first.templateMap.sheets.find((m) => m.sheet === "Schema 1");
    expect(recognised).toMatchObject({ kind: "weekgrid", participant: null });
    if (recognised === undefined) throw new Error("no map for Schema 1");
    const corrected = {
      version: 1 as const,
      sheets: [{ ...recognised, participant: "R-001", programme: "ROM2" as const, manual: true }],
    };
    const again = readWorkbook([register, anonymous], { storedMap: corrected });
    expect(again.findings).toEqual([]);
    expect(again.activities).toHaveLength(2);
  });
});

describe("the stored template map", () => {
  test("round-trips through the hidden sheet's cells, also when longer than one cell holds", () => {
    const model = readWorkbook(workbook);
    const first = model.templateMap.sheets[0];
    if (first === undefined) throw new Error("no sheet recognised");
    const big = {
      ...model.templateMap,
      sheets: Array.from({ length: 400 }, (_, i) => ({
        ...first,
        sheet: `Blad ${i}`,
      })),
    };
    expect(templateMapFromValues(templateMapToValues(model.templateMap))).toEqual(
      model.templateMap,
    );
    const cells = templateMapToValues(big);
    expect(cells.length).toBeGreaterThan(2);
    expect(templateMapFromValues(cells)).toEqual(templateMapSchema.parse(big));
  });

  test("anything else reads as no map", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean()))),
        (values) => {
          const map = templateMapFromValues(values);
          expect(map === null || templateMapSchema.safeParse(map).success).toBe(true);
        },
      ),
    );
  });
});
