import type { IsoDate } from "../domain/date";
import { activitySchema, type Participant, scheduleWeekSchema } from "../domain/model";
import { formatTime } from "../domain/time";
import fc from "fast-check";
import { SEED000_CELLS } from "../../test/fixtures/seed000";
import { parseA1 } from "./a1";
import { parseWeekCell, parseWeekday, readWeekGrids } from "./weekGrid";

const fixture = { cells: SEED000_CELLS };

const DAYS = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"];

/** The seed's grid for one schedule, laid out as in the document: heading, then each week. */
function seedGrid(schedule: string, heading: string): unknown[][] {
  const cells = fixture.cells.filter((c) => c.schedule === schedule);
  const weeks = [...new Set(cells.map((c) => c.week))];
  const rows: unknown[][] = [[heading]];
  for (const week of weeks) {
    const inWeek = cells.filter((c) => c.week === week);
    const labels = [...new Set(inWeek.map((c) => c.rowLabel))];
    rows.push([week, ...DAYS]);
    labels.forEach((label, i) => {
      if (i === 1) rows.push(["Lunch", "Lunch", "Lunch", "Lunch", "Lunch", "Lunch"]);
      rows.push([
        label,
        ...DAYS.map((d) => inWeek.find((c) => c.day === d && c.rowLabel === label)?.text ?? ""),
      ]);
    });
    rows.push([], []);
  }
  return rows;
}

function participant(
  id: string,
  start: string,
  end: string | null,
  extra: Partial<Participant> = {},
): Participant {
  return {
    id,
    name: null,
    kon: null,
    programme: "ROM2",
    niva: null,
    beslutsdatum: null,
    start: start as IsoDate,
    end: end as IsoDate | null,
    omfattning: null,
    ekonomisktBistand: null,
    itaDelar: { del1: null, del2: null, del3: null },
    upptrappning: [],
    refs: [],
    ...extra,
  };
}

describe("parseWeekCell and parseWeekday", () => {
  test.each([
    ["Vecka 21", { week: 21, year: null }],
    ["v. 21", { week: 21, year: null }],
    ["V21", { week: 21, year: null }],
    ["Vecka 21 2024", { week: 21, year: 2024 }],
    ["vecka 1", { week: 1, year: null }],
  ])("%s", (text, expected) => {
    expect(parseWeekCell(text)).toEqual(expected);
  });
  test.each(["Vecka", "Vecka 54", "Veckans mål", "21"])("%s is not a week cell", (text) => {
    expect(parseWeekCell(text)).toBeNull();
  });
  test.each([
    ["Måndag", 0],
    ["mån", 0],
    ["Tis", 1],
    ["Onsdag", 2],
    ["Tors", 3],
    ["Torsdag", 3],
    ["Fre", 4],
    ["Lördag", 5],
    ["Sön", 6],
  ])("%s → %d", (text, day) => {
    expect(parseWeekday(text)?.day).toBe(day);
  });
});

describe("seed 000, nivå C veckoschema (week 21)", () => {
  const bo = participant("Bo Berg", "2024-05-13", "2024-11-12");
  const grid = seedGrid("nivå C veckoschema", "Deltagare nivå C veckoschema:");
  const result = readWeekGrids({ name: "Bo Berg", values: grid }, { participants: [bo] });

  test("the sheet's name ties the grid to the participant; the year comes from the period", () => {
    expect(result.findings).toEqual([]);
    expect(result.weeks).toHaveLength(1);
    expect(result.weeks[0]).toMatchObject({
      participantId: "Bo Berg",
      isoYear: 2024,
      isoWeek: 21,
      templateWeek: null,
    });
    expect(result.weeks[0]?.dates).toEqual([
      "2024-05-20",
      "2024-05-21",
      "2024-05-22",
      "2024-05-23",
      "2024-05-24",
    ]);
    expect(result.weeks[0]?.dayRefs["2024-05-20"]).toEqual({
      sheet: "Bo Berg",
      cell: "B2",
      text: "Måndag",
    });
  });

  test("every cell becomes the activities the fixture lists, on the right date, pointing at its cell", () => {
    const cells = fixture.cells.filter((c) => c.schedule === "nivå C veckoschema");
    const expected = cells.flatMap((c) =>
      c.activities.map((a) => ({
        date: `2024-05-${20 + DAYS.indexOf(c.day)}`,
        category: a.category,
        mode: a.mode,
        start: a.start,
        end: a.end,
        obligatory: a.obligatory,
      })),
    );
    const got = result.activities.map((a) => ({
      date: a.date,
      category: a.category,
      mode: a.mode,
      start: formatTime(a.start ?? 0),
      end: formatTime(a.end ?? 0),
      obligatory: a.obligatory,
    }));
    const order = (x: { date: string; start: string }) => `${x.date} ${x.start.padStart(5, "0")}`;
    expect([...got].sort((a, b) => order(a).localeCompare(order(b)))).toEqual(
      [...expected].sort((a, b) => order(a).localeCompare(order(b))),
    );
    expect(result.activities).toHaveLength(11);
    for (const a of result.activities) expect(activitySchema.safeParse(a).success).toBe(true);
    const friday = result.activities.filter(
      (a) => a.date === "2024-05-24" && a.start !== null && a.start >= 780,
    );
    expect(friday.map((a) => [a.categoryName, a.refs[0]?.cell])).toEqual([
      ["Individuellt möte", "F5"],
      ["Stöd för att stärka deltagarens digitala kompetens", "F5"],
    ]);
  });
});

describe("seed 000, nivå A tvåveckorsschema (relative weeks)", () => {
  const anna = participant("Anna Andersson", "2024-03-06", "2024-03-29");
  const grid = seedGrid(
    "nivå A tvåveckorsschema",
    "Deltagare Nivå A tvåveckorsschema: Anna Andersson",
  );
  const result = readWeekGrids({ name: "Scheman", values: grid }, { participants: [anna] });

  test("the template repeats from startdatum through slutdatum: Vecka 1, 2, 1, 2", () => {
    expect(result.findings).toEqual([]);
    expect(result.weeks.map((w) => [w.isoWeek, w.templateWeek])).toEqual([
      [10, 1],
      [11, 2],
      [12, 1],
      [13, 2],
    ]);
    for (const w of result.weeks) expect(scheduleWeekSchema.safeParse(w).success).toBe(true);
  });

  test("days before startdatum and after slutdatum get no activities", () => {
    const dates = [...new Set(result.activities.map((a) => a.date))].sort();
    expect(dates[0]).toBe("2024-03-06");
    expect(dates.at(-1)).toBe("2024-03-29");
    expect(result.weeks[0]?.dates).toEqual(["2024-03-06", "2024-03-07", "2024-03-08"]);
  });

  test("week 12 repeats Vecka 1's cells, pointing at the template's cells", () => {
    const tuesday12 = result.activities.filter((a) => a.date === "2024-03-19");
    expect(
      tuesday12.map((a) => [a.categoryName, formatTime(a.start ?? 0), a.refs[0]?.cell]),
    ).toEqual([
      ["Individuellt möte", "8:00", "C3"],
      ["Information om arbetsmarknaden", "8:30", "C3"],
      ["Praktiskt stöd", "13:00", "C5"],
    ]);
    // Weeks 10 (Wed–Fri: 3 days × 2 blocks), 11 (10 cells), 12 (11 activities), 13 (10): 6 + 10 + 11 + 10.
    expect(result.activities).toHaveLength(37);
  });
});

describe("participants, years and dates rows", () => {
  const cecilia = participant("C-103", "2024-01-08", "2024-12-31", { name: "Cecilia Ek" });
  const david = participant("D-104", "2024-01-08", "2024-12-31", { name: "David Lund" });

  test("two participants' grids on one sheet, each under its own heading, with the year in the week cell", () => {
    const values: unknown[][] = [
      ["Deltagare: Cecilia Ek"],
      ["Vecka 3 2024", "Mån", "Tis", "Ons", "Tors", "Fre"],
      ["8-12", "OBL-Individuellt möte", "", "", "", ""],
      [],
      ["Deltagare: David Lund"],
      ["Vecka 3 2024", "Mån", "Tis", "Ons", "Tors", "Fre"],
      ["Hos leverantör 13-16", "", "Praktiskt stöd: CV", "", "", ""],
    ];
    const result = readWeekGrids({ name: "Vecka 3", values }, { participants: [cecilia, david] });
    expect(result.findings).toEqual([]);
    expect(result.activities.map((a) => [a.participantId, a.date, a.categoryName, a.mode])).toEqual(
      [
        ["C-103", "2024-01-15", "Individuellt möte", null],
        ["D-104", "2024-01-16", "Praktiskt stöd", "hos leverantör"],
      ],
    );
  });

  test("a dates row under the weekday names decides the dates", () => {
    const values: unknown[][] = [
      ["Deltagare: Cecilia Ek"],
      ["Vecka 10", "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag"],
      ["", "4/3 2024", "5/3 2024", "6/3 2024", "7/3 2024", "8/3 2024"],
      ["8.00-12.00", "Praktiskt stöd: CV", "", "", "", ""],
    ];
    const result = readWeekGrids({ name: "Schema", values }, { participants: [cecilia] });
    expect(result.activities.map((a) => a.date)).toEqual(["2024-03-04"]);
    expect(result.findings).toEqual([]);
  });

  test("a heading naming someone not in the register is LAS.DELTAGARE", () => {
    const values: unknown[][] = [
      ["Deltagare: Eva Okänd"],
      ["Vecka 3", "Mån", "Tis", "Ons"],
      ["8-12", "Praktiskt stöd", "", ""],
    ];
    const result = readWeekGrids({ name: "Schema", values }, { participants: [cecilia] });
    expect(result.activities).toEqual([]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: "LAS.DELTAGARE",
        severity: "error",
        participantId: "Eva Okänd",
        refs: [{ sheet: "Schema", cell: "A1", text: "Deltagare: Eva Okänd" }],
      }),
    ]);
  });

  test("a week whose year cannot be told is LAS.OKLAR at the week cell", () => {
    const nostart = participant("C-103", "2024-01-08", null, { name: "Cecilia Ek", start: null });
    const values: unknown[][] = [
      ["Deltagare: Cecilia Ek"],
      ["Vecka 3", "Mån", "Tis", "Ons"],
      ["8-12", "Praktiskt stöd", "", ""],
    ];
    const result = readWeekGrids({ name: "Schema", values }, { participants: [nostart] });
    expect(result.findings).toEqual([
      expect.objectContaining({
        ruleId: "LAS.OKLAR",
        refs: [expect.objectContaining({ cell: "A2" })],
      }),
    ]);
  });
});

describe("odd cells never break the reader", () => {
  const eva = participant("Eva", "2024-01-08", "2024-06-30");

  test("an error value or a number where a schedule text belongs is LAS.OKLAR quoting the cell", () => {
    const values: unknown[][] = [
      ["Deltagare: Eva"],
      ["Vecka 3 2024", "Mån", "Tis", "Ons"],
      ["8-12", "#N/A", 42, "Praktiskt stöd"],
    ];
    const result = readWeekGrids({ name: "Eva", values }, { participants: [eva] });
    expect(result.findings.map((f) => [f.ruleId, f.refs[0]?.cell, f.message])).toEqual([
      ["LAS.OKLAR", "B3", 'Kan inte läsa "#N/A" i Eva!B3 som en aktivitet.'],
      ["LAS.OKLAR", "C3", 'Kan inte läsa "42" i Eva!C3 som en aktivitet.'],
    ]);
    expect(result.activities.map((a) => a.date)).toEqual(["2024-01-17"]);
  });

  test("random grids around a real week header: no exception, valid objects, addresses inside the grid", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        "Vecka 3",
        "Måndag",
        "Tis",
        "8-12",
        "Lunch",
        "OBL-Individuellt möte 8-9 därefter Praktiskt stöd",
        "#N/A",
        "",
        "Deltagare: Eva",
      ),
      fc.double({ noNaN: false }),
      fc.integer({ min: -10, max: 60000 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 25 }), (rows) => {
        const values: unknown[][] = [
          ["Deltagare: Eva"],
          ["Vecka 3 2024", "Mån", "Tis", "Ons", "Tor", "Fre"],
          ...rows,
        ];
        const first = readWeekGrids({ name: "Eva", values }, { participants: [eva] });
        const again = readWeekGrids({ name: "Eva", values }, { participants: [eva] });
        expect(again).toEqual(first);
        for (const a of first.activities) expect(activitySchema.safeParse(a).success).toBe(true);
        for (const f of first.findings) {
          for (const r of f.refs) {
            const pos = parseA1(r.cell);
            expect(pos).not.toBeNull();
            expect(pos && pos.row < values.length).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("reading some participants, and again with the grids remembered (batches)", () => {
  const cecilia = participant("C-103", "2024-01-08", "2024-12-31", { name: "Cecilia Ek" });
  const david = participant("D-104", "2024-01-08", "2024-12-31", { name: "David Lund" });
  const values: unknown[][] = [
    ["Deltagare: Cecilia Ek"],
    ["Vecka 3 2024", "Mån", "Tis", "Ons", "Tors", "Fre"],
    ["8-12", "OBL-Individuellt möte", "#N/A", "", "", ""],
    [],
    ["13-16", "Praktiskt stöd: CV", "", "", "", ""],
    [],
    ["Deltagare: David Lund"],
    ["Vecka 3", "Mån", "Tis", "Ons", "Tors", "Fre"],
    ["", "15/1 2024", "16/1 2024", "17/1 2024", "18/1 2024", "19/1 2024"],
    ["Hos leverantör 13-16", "", "Praktiskt stöd: CV", "", "", ""],
    ["Deltagare: Eva Okänd"],
    ["Vecka 3", "Mån", "Tis", "Ons"],
    ["8-12", "Praktiskt stöd", "", ""],
  ];
  const sheet = { name: "Vecka 3", values };
  const all = readWeekGrids(sheet, { participants: [cecilia, david] });

  test("a participant left out gets no weeks, activities or findings; the maps and the unknown heading stay", () => {
    const onlyDavid = readWeekGrids(sheet, {
      participants: [cecilia, david],
      keep: (p) => p.id === "D-104",
    });
    // Cecilia's one week, two activities and her #N/A finding are all gone; David's are all there.
    expect(all.weeks.map((w) => w.participantId)).toEqual(["C-103", "D-104"]);
    expect(onlyDavid.weeks).toEqual(all.weeks.filter((w) => w.participantId === "D-104"));
    expect(onlyDavid.activities).toEqual(all.activities.filter((a) => a.participantId === "D-104"));
    expect(onlyDavid.findings).toEqual(all.findings.filter((f) => f.participantId !== "C-103"));
    expect(onlyDavid.findings.map((f) => f.participantId)).toEqual(["Eva Okänd"]);
    expect(onlyDavid.maps).toEqual(all.maps);
  });

  test("the remembered grids read to the same result, for everyone or some", () => {
    const memo = new WeakMap();
    const first = readWeekGrids(sheet, { participants: [cecilia, david], memo });
    expect(memo.has(sheet)).toBe(true);
    expect(first).toEqual(all);
    expect(readWeekGrids(sheet, { participants: [cecilia, david], memo })).toEqual(all);
    const keep = (p: Participant) => p.id === "C-103";
    expect(readWeekGrids(sheet, { participants: [cecilia, david], memo, keep })).toEqual(
      readWeekGrids(sheet, { participants: [cecilia, david], keep }),
    );
  });

  test("random sheets: a read with the remembered grids is the read without", () => {
    const eva = participant("Eva", "2024-01-08", "2024-06-30");
    const cell = fc.oneof(
      fc.constantFrom(
        "Vecka 3",
        "Vecka 4 2024",
        "Vecka 1",
        "Vecka 2",
        "Måndag",
        "Tis",
        "Ons",
        "8-12",
        "Lunch",
        "Praktiskt stöd",
        "#N/A",
        "",
        "",
        "Deltagare: Eva",
        "Deltagare: Olle",
        "15/1 2024",
      ),
      fc.string({ maxLength: 10 }),
      fc.integer({ min: -10, max: 60000 }),
    );
    const header = fc.constantFrom<unknown[]>(
      ["Vecka 3 2024", "Mån", "Tis", "Ons", "Tor", "Fre"],
      ["Vecka 1", "Mån", "Tis", "Ons"],
      ["Vecka 2", "Mån", "Tis", "Ons"],
      ["Deltagare: Eva"],
      [],
    );
    const row = fc.oneof(header, fc.array(cell, { maxLength: 7 }));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const data = { name: "Blad", values: [["Deltagare: Eva"], ...rows] };
        const memo = new WeakMap();
        const plain = readWeekGrids(data, { participants: [eva] });
        readWeekGrids(data, { participants: [eva], memo });
        expect(readWeekGrids(data, { participants: [eva], memo })).toEqual(plain);
      }),
      { numRuns: 500 },
    );
  });
});
