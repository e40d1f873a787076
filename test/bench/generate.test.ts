/**
 * The benchmark's generator (bench/generate.ts) must produce workbooks the reader takes in
 * whole: every participant recognised with the programme the register gives, no read problem
 * (LAS.*) at all, and exactly the activities the generator put in, for both layouts.
 */
import { generateWorkbook, participantId, type Layout } from "../../bench/generate";
import { readWorkbook } from "../../src/read/workbook";

const PARTICIPANTS = 20;

describe.each<Layout>(["weekgrid", "activitylist"])("the %s workbook", (layout) => {
  const generated = generateWorkbook({ participants: PARTICIPANTS, layout, seed: 7 });
  const model = readWorkbook(generated.sheets);

  test("every participant is read from the register, with the programme mix", () => {
    expect(model.participants.map((p) => p.id)).toEqual(
      Array.from({ length: PARTICIPANTS }, (_, i) => participantId(i)),
    );
    // The mix repeats every 10 participants: 4 ROM2, 2 JPG, JPF, SAI, FAI1, FAI2.
    const count = (programme: string) =>
      model.participants.filter((p) => p.programme === programme).length;
    expect({
      ROM2: count("ROM2"),
      JPG: count("JPG"),
      JPF: count("JPF"),
      SAI: count("SAI"),
      FAI1: count("FAI1"),
      FAI2: count("FAI2"),
    }).toEqual({ ROM2: 8, JPG: 4, JPF: 2, SAI: 2, FAI1: 2, FAI2: 2 });
  });

  test("reading finds no problem at all (no LAS.OKLAR, LAS.DELTAGARE or LAS.REGISTER)", () => {
    expect(model.findings).toEqual([]);
    expect(model.settings.idag).toBe("2025-07-01");
  });

  test("each participant has exactly the activities the generator wrote", () => {
    const read = new Map<string, number>();
    for (const a of model.activities)
      read.set(a.participantId, (read.get(a.participantId) ?? 0) + 1);
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(generated.expectedActivities));
    // 53 weeks × 5 days × 2 blocks, a few cells left empty, a few holding two activities.
    for (const n of generated.expectedActivities.values()) {
      expect(n).toBeGreaterThan(0.9 * 530);
      expect(n).toBeLessThan(1.2 * 530);
    }
  });

  test("every participant has 12 months of events", () => {
    const events = (id: string) => model.events.filter((e) => e.participantId === id).length;
    // D-00001 is ROM2: uppstartsmöte + genomförandeplan + 12 × (avstämning + månadsrapport)
    // + slutrapport = 2 + 24 + 1 = 27. D-00005 is JPG, with a trepartsmöte a month too:
    // 2 + 12 × 3 + 1 = 39.
    expect(events("D-00001")).toBe(27);
    expect(events("D-00005")).toBe(39);
  });
});

describe("a week grid covers the participant's 12 months, one grid per week", () => {
  const model = readWorkbook(generateWorkbook({ participants: 2, layout: "weekgrid" }).sheets);
  // D-00001 starts Monday 2024-01-08 (ISO week 2) and ends 2025-01-07, 366 days later
  // (2024 is a leap year): Mondays at day 0, 7, …, 364 → 53 weeks, "Vecka 2 2024" …
  // "Vecka 52 2024", "Vecka 1 2025", "Vecka 2 2025".
  const weeks = model.weeks.filter((w) => w.participantId === "D-00001");

  test("53 weeks, the first ISO week 2 of 2024", () => {
    expect(weeks).toHaveLength(53);
    expect(weeks[0]).toMatchObject({ isoYear: 2024, isoWeek: 2 });
  });

  // Once a reader bug: every block of a grid group was dated with the first block's year, so
  // "Vecka 1 2025" below "Vecka 52 2024" landed in January 2024.
  test("the weeks after new year are in 2025, as their cells say", () => {
    expect(weeks.slice(-2).map((w) => `${w.isoWeek} ${w.isoYear}`)).toEqual(["1 2025", "2 2025"]);
  });
});

test("the same seed gives the same workbook, another seed another one", () => {
  const a = generateWorkbook({ participants: 5, layout: "weekgrid", seed: 1 });
  const b = generateWorkbook({ participants: 5, layout: "weekgrid", seed: 1 });
  const c = generateWorkbook({ participants: 5, layout: "weekgrid", seed: 2 });
  expect(b.sheets).toEqual(a.sheets);
  expect(c.sheets).not.toEqual(a.sheets);
});
