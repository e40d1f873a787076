/**
 * The indexes and caches the rules share for speed (issue 8) give exactly what the plain
 * computations give, on random schedules: windowRefs over its date indexes, periodWeeks built
 * from day numbers, ROM2.MOTIVATION's blocks grouped by date (and built only on the dates with
 * a Motivationshöjande samtal), byCell with nested maps, ROM2.NARVAR grouping only the cells
 * where something lacks, and activitiesByDay cached per activities array.
 */
import fc from "fast-check";
import { addDays } from "../domain/calendar";
import type { IsoDate } from "../domain/date";
import type { Activity, ScheduleWeek, SourceRef } from "../domain/model";
import { activitiesByDay, activitiesByDayPlain } from "./ami/util";
import { computePeriodWeeksPlain, periodWeeks, windowRefs, windowRefsPlain } from "./helpers";
import { blocks, blocksPlain, onCategory1Dates } from "./rom2/motivation";
import { cellsThatLack, narvarHits } from "./rom2/narvar";
import { byCell, byCellPlain } from "./rom2/util";
import { byDateThenStart, sortByDateThenStart } from "./engine";
import { participant } from "./testing";
import type { RuleContext } from "./types";

const START = "2024-01-03" as IsoDate; // a Wednesday: the first week is partial

/** A day within ~10 weeks of START. */
const offset = fc.integer({ min: -10, max: 75 });
const cellRef = fc
  .record({ sheet: fc.constantFrom("Aktiviteter", "Schema"), row: fc.integer({ min: 2, max: 8 }) })
  .map(({ sheet, row }): SourceRef => ({ sheet, cell: `B${row}`, text: "x" }));

const activity = fc
  .record({
    day: offset,
    start: fc.option(fc.integer({ min: 8, max: 16 }).map((h) => h * 60)),
    length: fc.integer({ min: 0, max: 4 }).map((h) => h * 60),
    category: fc.constantFrom(0, 1, 2, 5, "mote", null),
    text: fc.constantFrom("Motivationshöjande samtal", "Eget arbete", "OBL-Individuellt möte"),
    refs: fc.array(cellRef, { maxLength: 2 }),
  })
  .map(({ day, start, length, category, text, refs }): Activity => ({
    participantId: "D1",
    date: addDays(START, day),
    start,
    end: start === null ? null : start + length,
    hours: null,
    category,
    categoryName: null,
    mode: null,
    obligatory: false,
    description: "",
    text,
    attendance: null,
    refs,
  }));

/** Week-grid weeks with day headers on random dates (a date may appear in two weeks). */
const week = fc
  .array(fc.record({ day: offset, row: fc.integer({ min: 1, max: 5 }) }), { maxLength: 6 })
  .map((days): ScheduleWeek => ({
    participantId: "D1",
    isoYear: 2024,
    isoWeek: 1,
    dates: [],
    weekRef: { sheet: "D1", cell: "A1", text: "Vecka 1" },
    dayRefs: Object.fromEntries(
      days.map(({ day, row }) => [
        addDays(START, day),
        { sheet: "D1", cell: `C${row}`, text: "Måndag" },
      ]),
    ),
    templateWeek: null,
  }));

const schedule = fc.record({
  activities: fc.array(activity, { maxLength: 40 }),
  weeks: fc.oneof(fc.constant<ScheduleWeek[]>([]), fc.array(week, { maxLength: 4 })),
  sorted: fc.boolean(),
  horizonDay: fc.integer({ min: 0, max: 70 }),
  endDay: fc.option(fc.integer({ min: 0, max: 70 })),
});

function contextOf(s: {
  activities: Activity[];
  weeks: ScheduleWeek[];
  sorted: boolean;
  horizonDay: number;
  endDay: number | null;
}): RuleContext {
  const activities = s.sorted
    ? [...s.activities].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    : s.activities;
  return {
    participant: { ...participant("D1", "ROM2", START), programme: "ROM2" },
    activities,
    weeks: s.weeks,
    events: [],
    idag: "2024-02-01" as IsoDate,
    periodStart: START,
    periodEnd: s.endDay === null ? null : addDays(START, s.endDay),
    horizon: addDays(START, s.horizonDay),
    fullTimeHours: 40,
    params: {},
  };
}

/** Positions in the input, so that "the same activities in the same order" is what is compared. */
function positions(groups: readonly (readonly Activity[])[], all: readonly Activity[]): number[][] {
  return groups.map((g) => g.map((a) => all.indexOf(a)));
}

describe("shared rule indexes give the plain answers", () => {
  it("windowRefs equals the plain scan for any window", () => {
    fc.assert(
      fc.property(schedule, offset, fc.integer({ min: 0, max: 20 }), (s, from, length) => {
        const context = contextOf(s);
        const a = addDays(START, from);
        const b = addDays(a, length);
        expect(windowRefs(context, a, b)).toEqual(windowRefsPlain(context, a, b));
        expect(windowRefs(context, a, b)).toEqual(windowRefsPlain(context, a, b)); // cached
      }),
      { numRuns: 500 },
    );
  });

  it("periodWeeks equals the week-by-week computation", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const context = contextOf(s);
        expect(periodWeeks(context)).toEqual(computePeriodWeeksPlain(context));
      }),
      { numRuns: 300 },
    );
  });

  it("a week of periodWeeks: 2024-01-03 (Wednesday) to 2024-01-09 gives a partial first week", () => {
    const context = contextOf({
      activities: [],
      weeks: [],
      sorted: true,
      horizonDay: 6, // 2024-01-09, the Tuesday of week 2
      endDay: null,
    });
    const weeks = periodWeeks(context);
    // Week 1: Wed 3 – Fri 5 inside the period (Mon 1 is nyårsdagen, before the start anyway);
    // week 2: Mon 8 – Tue 9 up to the horizon.
    expect(weeks.map((w) => [w.isoWeek, w.days, w.partial])).toEqual([
      [1, ["2024-01-03", "2024-01-04", "2024-01-05"], true],
      [2, ["2024-01-08", "2024-01-09"], true],
    ]);
    // Trettondedagen (Saturday 6 January) is not a weekday: week 1 has 3 working days.
    expect(weeks.map((w) => w.workingDays)).toEqual([3, 2]);
  });

  it("ROM2.MOTIVATION's blocks equal the plain merge", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const { activities } = contextOf(s);
        expect(positions(blocks(activities), activities)).toEqual(
          positions(blocksPlain(activities), activities),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("ROM2.MOTIVATION's blocks on the category-1 dates are all blocks of those dates", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const { activities } = contextOf(s);
        const dates = new Set<string>(
          activities.filter((a) => a.category === 1).map((a) => a.date),
        );
        const all = blocks(activities).filter((g) => dates.has(g[0]?.date ?? ""));
        expect(positions(blocks(onCategory1Dates(activities)), activities)).toEqual(
          positions(all, activities),
        );
      }),
      { numRuns: 500 },
    );
  });

  it("ROM2.NARVAR over the cells that lack something gives the findings over all activities", () => {
    // Some activities with a mode and a time, some without; addresses that hold a "!" too.
    const withMode = fc
      .record({
        a: activity,
        mode: fc.constantFrom(null, "eget arbete", "hos leverantör"),
        bang: fc.constantFrom(false, false, false, true),
      })
      .map(({ a, mode, bang }): Activity => ({
        ...a,
        mode,
        refs: bang ? a.refs.map((r) => ({ ...r, cell: `x!${r.cell}` })) : a.refs,
      }));
    fc.assert(
      fc.property(fc.array(withMode, { maxLength: 40 }), (activities) => {
        const refs = [{ sheet: "Deltagare", cell: "A2", text: "D1" }];
        expect(narvarHits(refs, cellsThatLack(activities))).toEqual(narvarHits(refs, activities));
      }),
      { numRuns: 500 },
    );
  });

  it("the engine's packed sort orders activities as the comparator does, ties kept in order", () => {
    const odd = fc.constantFrom(
      "2024-1-05",
      "",
      "2024-13-01",
      "2024-02-00",
      "2024-02-99",
      "abcd-ef-gh",
      "9999-12-31",
      "0001-01-01",
    );
    const item = fc
      .record({
        a: activity,
        date: fc.option(odd, { freq: 8 }),
        start: fc.oneof(
          fc.constant(null),
          fc.integer({ min: 0, max: 1439 }),
          fc.constantFrom(-5, 1440, 1500, 7.5),
        ),
      })
      .map(({ a, date, start }): Activity => ({ ...a, date: (date ?? a.date) as IsoDate, start }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (activities) => {
        const expected = [...activities].sort(byDateThenStart);
        expect(positions([sortByDateThenStart([...activities])], activities)).toEqual(
          positions([expected], activities),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("byCell equals grouping by one joined key", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const { activities } = contextOf(s);
        expect(positions(byCell(activities), activities)).toEqual(
          positions(byCellPlain(activities), activities),
        );
      }),
    );
  });

  it("activitiesByDay, cached per array, equals the plain grouping", () => {
    fc.assert(
      fc.property(schedule, (s) => {
        const { activities } = contextOf(s);
        const plain = activitiesByDayPlain(activities);
        expect(activitiesByDay(activities)).toEqual(plain);
        expect(activitiesByDay(activities)).toBe(activitiesByDay(activities));
      }),
    );
  });
});
