import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SEED000_CELLS, SEED000_PATH } from "../../test/fixtures/seed000";
import { activityHours, matchMode, parseActivityCell, parseBlockLabel } from "./activityText";
import { formatTime } from "./time";
import { ROM2_VOCABULARY } from "./vocabulary/rom2";

const fixture = { cells: SEED000_CELLS };
const fixturePath = SEED000_PATH;

function read(text: string, rowLabel: string) {
  return parseActivityCell(text, { vocabulary: ROM2_VOCABULARY, block: parseBlockLabel(rowLabel) });
}

describe("seed 000: every example cell reads as a coordinator reads it", () => {
  test("the fixture holds the 30 cells of both example schedules", () => {
    expect(fixture.cells).toHaveLength(30);
  });

  test.each(fixture.cells.map((c) => [c.week, c.day, c.rowLabel, c.text, c] as const))(
    "%s %s, %s: %j",
    (_week, _day, rowLabel, text, cell) => {
      const parsed = read(text, rowLabel);
      expect(parsed.lunch).toBe(false);
      expect(
        parsed.activities.map((a) => ({
          category: a.category?.code,
          mode: a.mode,
          start: a.start === null ? null : formatTime(a.start),
          end: a.end === null ? null : formatTime(a.end),
          obligatory: a.obligatory,
        })),
      ).toEqual(cell.activities);
    },
  );

  const sharedCopy = join(__dirname, "../../../shared/fixtures/seed000-celler.json");
  if (existsSync(sharedCopy)) {
    test("the repository's copy of the fixture is the shared one, verbatim", () => {
      expect(readFileSync(fixturePath, "utf8")).toBe(readFileSync(sharedCopy, "utf8"));
    });
  }
});

describe("parseActivityCell details", () => {
  test("description is what follows the category phrase", () => {
    const [a] = read(
      "Eget arbete- praktiskt stöd: Skriva CV och personligt brev",
      "8.00-12.00",
    ).activities;
    expect(a?.description).toBe("Skriva CV och personligt brev");
    expect(a?.category?.name).toBe("Praktiskt stöd");
  });

  test("a segment's own time splits the block: the next segment continues after it", () => {
    const parsed = read(
      "OBL- Individuellt möte 13.00-14.00 därefter Valbar aktivitet hos LEV- Stöd för att höja digital kompetens: Träna på word. ",
      "Hos Leverantör 13.00-16.30",
    );
    expect(parsed.activities.map((a) => [a.timeFrom, activityHours(a)])).toEqual([
      ["cell", 1],
      ["block", 2.5],
    ]);
    expect(parsed.activities[1]?.description).toBe("Träna på word.");
  });

  test("a segment without time before a timed one ends where the next begins", () => {
    const parsed = read(
      "Praktiskt stöd: CV därefter OBL-Individuellt möte 11.30-12.00",
      "8.00-12.00",
    );
    expect(
      parsed.activities.map((a) => [formatTime(a.start ?? 0), formatTime(a.end ?? 0)]),
    ).toEqual([
      ["8:00", "11:30"],
      ["11:30", "12:00"],
    ]);
  });

  test("without a block label and own time, an activity has no time", () => {
    const [a] = parseActivityCell("Praktiskt stöd: CV", { vocabulary: ROM2_VOCABULARY }).activities;
    expect([a?.start, a?.end, a?.timeFrom]).toEqual([null, null, null]);
  });

  test.each([
    ["Lunch", "Lunch"],
    ["Lunch", "12.00-13.00"],
  ])("%s under %s holds no activity", (text, label) => {
    expect(read(text, label)).toEqual({ lunch: true, activities: [] });
  });

  test.each([
    ["(närvarande)", { status: "närvarande", reason: null }],
    ["(sjuk)", { status: "frånvarande", reason: "sjuk" }],
    ["(VAB)", { status: "frånvarande", reason: "VAB" }],
    ["(ogiltig)", { status: "frånvarande", reason: "ogiltig frånvaro" }],
    ["(ledig)", { status: "frånvarande", reason: "ledig" }],
    ["(frånvarande: Tandläkare)", { status: "frånvarande", reason: "Tandläkare" }],
  ])("attendance marker %s", (marker, attendance) => {
    const parsed = read(
      `OBL-Individuellt möte 8.00-8.30 därefter Praktiskt stöd: CV ${marker}`,
      "8.00-12.00",
    );
    expect(parsed.activities.map((a) => a.attendance)).toEqual([attendance, attendance]);
    expect(parsed.activities[1]?.description).toBe("CV");
  });

  test("an unrecognised activity has no category but keeps its text", () => {
    const [a] = read("Eget arbete - Gym och styrketräning", "8.00-12.00").activities;
    expect(a?.category).toBeNull();
    expect(a?.mode).toBe("eget arbete");
    expect(a?.description).toBe("Eget arbete - Gym och styrketräning");
  });

  test("a label's mode applies unless the cell names its own", () => {
    expect(
      read("Valbar aktivitet - Praktiskt stöd: CV", "På distans 8.00-12.00").activities[0]?.mode,
    ).toBe("distans med handledare");
    expect(
      read("Eget arbete - Praktiskt stöd: CV", "Hos leverantör 8-12").activities[0]?.mode,
    ).toBe("eget arbete");
  });
});

describe("parseBlockLabel", () => {
  test.each([
    ["8.00-12.00", { kind: "block", start: 480, end: 720, mode: null }],
    [
      "På distans 8.00-12.00",
      { kind: "block", start: 480, end: 720, mode: "distans med handledare" },
    ],
    ["Hos Leverantör 13.00-16.30", { kind: "block", start: 780, end: 990, mode: "hos leverantör" }],
    ["kl 8–12", { kind: "block", start: 480, end: 720, mode: null }],
    ["Lunch", { kind: "lunch" }],
    ["Hos leverantör", { kind: "block", start: null, end: null, mode: "hos leverantör" }],
  ])("%s", (text, expected) => {
    expect(parseBlockLabel(text)).toEqual(expected);
  });

  test.each([
    "Eget arbete- praktiskt stöd: Skriva CV",
    "Måndag",
    "",
    "Vecka 1",
    "8.00-12.00 och 13-16",
  ])("%j is not a label", (text) => {
    expect(parseBlockLabel(text)).toBeNull();
  });
});

describe("matchMode", () => {
  test.each([
    ["Valbar aktivitet hos LEV", "hos leverantör"],
    ["Eget arbete på distans", "eget arbete"],
    ["Möte på plats", "hos leverantör"],
    ["Digitalt möte via Teams", "distans med handledare"],
    ["Praktik på arbetsplatsen", "arbetsplats"],
    ["Kurs hos annan aktör", "annan aktör"],
    ["Praktiskt stöd", null],
  ])("%s → %s", (text, mode) => {
    expect(matchMode(text)).toBe(mode);
  });
});
