import { findTimeRanges, formatTime, parseTime, parseTimeRange, rangeHours } from "./time";

describe("parseTime", () => {
  it.each([
    // texts as coordinators write them (mallar.md)
    ["8", 480],
    ["08", 480],
    ["8.00", 480],
    ["08:00", 480],
    ["8.30", 510],
    ["8:30", 510],
    ["16.30", 990],
    ["kl 8", 480],
    ["kl. 8", 480],
    ["Kl 8.30", 510],
    ["KL 8", 480],
    [" 8 ", 480],
    ["0", 0],
    ["00:00", 0],
    ["23:59", 1439],
    ["24", 1440], // end of the day
    ["24.00", 1440],
  ])("%j → %d", (text, minutes) => {
    expect(parseTime(text)).toBe(minutes);
  });

  it.each([
    ["24.30"], // past the end of the day
    ["25"],
    ["8.60"],
    ["8.5"], // minutes need two digits
    ["8.0"],
    ["8,30"],
    ["008"],
    ["830"],
    [""],
    ["  "],
    ["kl"],
    ["åtta"],
    ["8-12"],
    ["-8"],
  ])("%j → null", (text) => {
    expect(parseTime(text)).toBeNull();
  });

  it.each([
    // Excel time fractions (0 ≤ x ≤ 1) …
    [0, 0],
    [0.5, 720],
    [0.25, 360],
    [8.5 / 24, 510],
    [0.3541666666, 510], // 8:30 as Excel stores it, rounded to the minute
    [16.5 / 24, 990],
    [1, 1440],
    // … and whole hours typed as numbers
    [8, 480],
    [13, 780],
    [24, 1440],
  ])("number %d → %d", (value, minutes) => {
    expect(parseTime(value)).toBe(minutes);
  });

  it.each([
    [8.5], // neither a fraction of a day nor whole hours
    [1.5],
    [25],
    [-1],
    [-0.5],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [45356.75], // a date with time of day is not a time
  ])("number %d → null", (value) => {
    expect(parseTime(value)).toBeNull();
  });

  it.each([[null], [undefined], [true], [new Date(0)], [{}]])("%j → null", (value) => {
    expect(parseTime(value)).toBeNull();
  });
});

describe("parseTimeRange", () => {
  it.each([
    ["8.00-12.00", 480, 720],
    ["8-12", 480, 720],
    ["08-12", 480, 720],
    ["08:00-12:00", 480, 720],
    ["8:00-12.00", 480, 720],
    ["8.00–12.00", 480, 720], // en dash
    ["8.00—12.00", 480, 720], // em dash
    ["8.00 - 12.00", 480, 720],
    ["8 – 12", 480, 720],
    ["kl 8-12", 480, 720],
    ["KL 8-12", 480, 720],
    ["kl8-12", 480, 720],
    ["kl. 8 - 12", 480, 720],
    ["13-16.30", 780, 990],
    ["8.30-12", 510, 720],
    [" 8-12 ", 480, 720],
    ["0-24", 0, 1440],
    ["12.00-13.00", 720, 780],
  ])("%j → %d–%d", (text, start, end) => {
    expect(parseTimeRange(text)).toEqual({ start, end });
  });

  it.each([
    ["12-8"], // end before start
    ["8-8"], // empty
    ["8-24.30"],
    ["8.60-12"],
    ["8.5-12"],
    ["8-12 och 13-16"], // two ranges
    ["8-12, 13-16"],
    ["Möte 8-12"], // more than a range
    ["8-12 möte"],
    ["(8-12)"],
    ["2024-03-05"],
    ["5/3-2024"],
    ["08-123 45 67"],
    ["8"],
    [""],
    ["kl 8.00-kl 12.00"],
    ["8.00 till 12.00"],
  ])("%j → null", (text) => {
    expect(parseTimeRange(text)).toBeNull();
  });
});

describe("findTimeRanges", () => {
  it("finds both ranges of a seed cell, at their places in the text", () => {
    const text =
      "OBL-Individuellt möte 8.00-8.30 därefter eget arbete - Information om arbetsmarknaden " +
      "8.30-12.00- Lyssna på webbinar om bristyrken";
    const found = findTimeRanges(text);
    expect(found).toEqual([
      { start: 480, end: 510, index: 22, length: 9 },
      { start: 510, end: 720, index: 86, length: 10 },
    ]);
    expect(found.map((r) => text.slice(r.index, r.index + r.length))).toEqual([
      "8.00-8.30",
      "8.30-12.00",
    ]);
  });

  it.each([
    // text, [start, end, matched text] per range
    ["8.30-12.00- Lyssna", [[510, 720, "8.30-12.00"]]], // a dash right after the range
    ["Möte 8-12", [[480, 720, "8-12"]]],
    ["Möte 8-12!", [[480, 720, "8-12"]]],
    ["(8-12)", [[480, 720, "8-12"]]],
    ["Möte kl 8-12", [[480, 720, "kl 8-12"]]], // "kl" belongs to the range
    ["På distans kl. 13 - 16.30", [[780, 990, "kl. 13 - 16.30"]]],
    ["13.00-16.00.", [[780, 960, "13.00-16.00"]]], // sentence full stop is not a minute
    [
      "Möte kl 8-12 och 13-16",
      [
        [480, 720, "kl 8-12"],
        [780, 960, "13-16"],
      ],
    ],
    [
      "08:00-12:00, 13:00-16:00",
      [
        [480, 720, "08:00-12:00"],
        [780, 960, "13:00-16:00"],
      ],
    ],
    [
      "8-12;13-16",
      [
        [480, 720, "8-12"],
        [780, 960, "13-16"],
      ],
    ],
    ["5/3 8-12", [[480, 720, "8-12"]]], // the date next to it is not a range
    ["2024-03-05 8-12", [[480, 720, "8-12"]]],
    ["12-8 8-12", [[480, 720, "8-12"]]], // a backwards range is skipped, the next one found
    ["8-12-13", [[480, 720, "8-12"]]],
    ["Grupp 8-12 12 deltagare", [[480, 720, "8-12"]]], // a number after it is no phone number
    // Documented behaviour: "1-2" is a well-formed range, so week and page numbers in free text
    // read as times. The module cannot tell "Vecka 1-2" from "Möte 1-2"; callers must.
    ["Vecka 1-2", [[60, 120, "1-2"]]],
    ["Vecka 10-12", [[600, 720, "10-12"]]],
    ["Sida 3-4", [[180, 240, "3-4"]]],
  ])("%j", (text, expected) => {
    const found = findTimeRanges(text);
    expect(found.map((r) => [r.start, r.end, text.slice(r.index, r.index + r.length)])).toEqual(
      expected,
    );
  });

  it.each([
    ["2024-03-05"],
    ["Start 2024-03-05"],
    ["20240305"],
    ["5/3-2024"],
    ["5/3-8/3"],
    ["05.03.2024-08.03.2024"],
    ["08-123 45 67"], // phone numbers
    ["Ring 08-123 45 67"],
    ["08-12 34 56"],
    ["Ring handläggaren på 08-12 34 56 78"],
    ["070-123 45 67"],
    ["031-12 34 56"],
    ["0771-416 416"],
    ["12-8"],
    ["8-24.30"],
    ["8-12.5"],
    ["8.00 till 12.00"],
    [""],
    ["Eget arbete"],
  ])("%j → none", (text) => {
    expect(findTimeRanges(text)).toEqual([]);
  });
});

describe("formatTime", () => {
  it.each([
    [0, "0:00"],
    [5, "0:05"],
    [480, "8:00"],
    [510, "8:30"],
    [720, "12:00"],
    [990, "16:30"],
    [1439, "23:59"],
    [1440, "24:00"],
  ])("%d → %s", (minutes, text) => {
    expect(formatTime(minutes)).toBe(text);
  });

  it.each([["8"], ["8.30"], ["16:30"], ["24"]])("parseTime reads formatTime back: %j", (text) => {
    const minutes = parseTime(text);
    expect(minutes).not.toBeNull();
    expect(parseTime(formatTime(minutes ?? -1))).toBe(minutes);
  });
});

describe("rangeHours", () => {
  it.each([
    [480, 720, 4],
    [510, 720, 3.5],
    [480, 510, 0.5],
    [780, 990, 3.5],
    [0, 1440, 24],
    [480, 495, 0.25],
  ])("%d–%d → %d h", (start, end, hours) => {
    expect(rangeHours({ start, end })).toBe(hours);
  });

  it("adds up a parsed range", () => {
    const range = parseTimeRange("8.30-12.00");
    expect(range).not.toBeNull();
    if (range) expect(rangeHours(range)).toBe(3.5);
  });
});
