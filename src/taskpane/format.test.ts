import type { IsoDate } from "../domain/date";
import {
  errorMessage,
  formatKronor,
  parseDecimal,
  parseMonthInput,
  previousMonth,
  severityCount,
} from "./format";

const nb = "\u00a0";

test.each([
  { amount: 0, text: `0${nb}kr` },
  { amount: 999, text: `999${nb}kr` },
  { amount: 12345, text: `12${nb}345${nb}kr` },
  { amount: 1000000, text: `1${nb}000${nb}000${nb}kr` },
  { amount: -2500, text: `-2${nb}500${nb}kr` },
  // Whole kronor: 12 344,6 rounds to 12 345.
  { amount: 12344.6, text: `12${nb}345${nb}kr` },
])("formatKronor($amount) = $text", ({ amount, text }) => {
  expect(formatKronor(amount)).toBe(text);
});

test.each([
  { idag: "2024-06-10", month: "2024-05" },
  { idag: "2024-01-31", month: "2023-12" },
  { idag: "2024-03-01", month: "2024-02" },
])("the month before $idag is $month", ({ idag, month }) => {
  expect(previousMonth(idag as IsoDate)).toBe(month);
});

test.each([
  { text: "2024-05", month: "2024-05" },
  { text: " 2024-5 ", month: "2024-05" },
  { text: "2024-13", month: null },
  { text: "2024-00", month: null },
  { text: "maj 2024", month: null },
  { text: "2024-05-01", month: null },
])("parseMonthInput($text) = $month", ({ text, month }) => {
  expect(parseMonthInput(text)).toBe(month);
});

test.each([
  { severity: "error", count: 1, text: "1 fel" },
  { severity: "warning", count: 1, text: "1 varning" },
  { severity: "warning", count: 2, text: "2 varningar" },
  { severity: "info", count: 0, text: "0 info" },
] as const)("severityCount($severity, $count) = $text", ({ severity, count, text }) => {
  expect(severityCount(severity, count)).toBe(text);
});

test.each([
  { text: "37,5", value: 37.5 },
  { text: "40", value: 40 },
  { text: "7.25", value: 7.25 },
  { text: "fyrtio", value: null },
  { text: "", value: null },
])("parseDecimal($text) = $value", ({ text, value }) => {
  expect(parseDecimal(text)).toBe(value);
});

test("errorMessage keeps the Swedish message and never the stack", () => {
  const error = new Error("Bladet Deltagare saknas.");
  expect(errorMessage(error)).toBe("Bladet Deltagare saknas.");
  expect(errorMessage(undefined)).toBe("Något gick fel. Försök igen.");
});
