/**
 * The read-side speed-ups of issue 8 change no answer: foldHeader and foldWords give what their
 * unmemoised forms give, and mayBeHeaderRow never turns away a row matchHeaderRow accepts (so
 * skipping matchHeaderRow for the rows it turns away keeps dataRows as it was).
 */
import fc from "fast-check";
import {
  ACTIVITY_LIST_LAYOUT,
  EVENTS_LAYOUT,
  foldHeader,
  foldHeaderText,
  matchHeaderRow,
  mayBeHeaderRow,
  REGISTER_LAYOUT,
  type LayoutSpec,
} from "./headers";
import { foldWords, foldWordsText } from "./values";

const LAYOUTS: readonly LayoutSpec[] = [REGISTER_LAYOUT, ACTIVITY_LIST_LAYOUT, EVENTS_LAYOUT];

/** Cells: header words of every layout, data-like texts, numbers, blanks. */
const cell = fc.oneof(
  fc.constantFrom(
    ...LAYOUTS.flatMap((l) => l.concepts.flatMap((c) => [...c.headers])),
    "Närvarande",
    "Eget arbete",
    "2024-03-05",
    "8.00",
    "D-00001",
    " Start datum: ",
    "",
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constant(null),
);

describe("read memo tables", () => {
  it("foldHeader and foldWords equal their unmemoised forms, asked twice", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom("Startdatum (ÅÅÅÅ-MM-DD)", "Närvaro", "y".repeat(450)),
        ),
        (text) => {
          expect(foldHeader(text)).toBe(foldHeaderText(text));
          expect(foldHeader(text)).toBe(foldHeaderText(text));
          expect(foldWords(text)).toBe(foldWordsText(text));
          expect(foldWords(text)).toBe(foldWordsText(text));
        },
      ),
    );
  });
});

describe("mayBeHeaderRow", () => {
  it("is true for every row matchHeaderRow recognises", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAYOUTS), fc.array(cell, { maxLength: 12 }), (layout, row) => {
        if (matchHeaderRow(row, layout) !== null) expect(mayBeHeaderRow(row, layout)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    // The activity list's own header row: Deltagare, Datum, Start, Slut, Aktivitet.
    [["Deltagare", "Datum", "Start", "Slut", "Aktivitet"], true],
    // A data row whose Närvaro cell reads like a header ("Närvarande"), nothing else does.
    [["D-00001", "2024-03-05", "8.00", "12.00", "Eget arbete", "Närvarande"], false],
    [[], false],
  ])("activity list row %j → %s", (row, expected) => {
    expect(mayBeHeaderRow(row, ACTIVITY_LIST_LAYOUT)).toBe(expected);
    expect(matchHeaderRow(row, ACTIVITY_LIST_LAYOUT) !== null).toBe(expected);
  });
});
