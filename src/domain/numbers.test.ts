import { decimalText, formatKronor, groupedInteger } from "./numbers";

describe("Swedish number texts", () => {
  it.each([
    [7.5, "7,5"],
    [32, "32"],
    [0.254, "0,25"],
  ])("decimalText(%j) → %j", (n, text) => {
    expect(decimalText(n)).toBe(text);
  });
  it.each([
    [0, "0"],
    [999, "999"],
    [3686, "3 686"],
    [18000, "18 000"],
    [1234567, "1 234 567"],
    [-1500, "-1 500"],
    [2090.6, "2 091"],
  ])("groupedInteger(%j) → %j", (n, text) => {
    expect(groupedInteger(n)).toBe(text);
  });
  test("formatKronor", () => {
    expect(formatKronor(3686)).toBe("3 686 kr");
  });
});
