import {
  displayId,
  isPersonnummer,
  looksLikePersonnummer,
  maskPersonnummer,
  maskPersonnummerInText,
} from "./personnummer";

// 811218-9876 is Skatteverket's classic example with a correct check digit.
describe("isPersonnummer: 10 or 12 digits, with or without separator, Luhn-checked", () => {
  it.each([
    ["811218-9876", true],
    ["8112189876", true],
    ["19811218-9876", true],
    ["198112189876", true],
    ["811218+9876", true],
    ["811278-9873", true], // samordningsnummer (day 18 + 60), check digit recomputed
    ["811218-9875", false], // wrong check digit
    ["811318-9876", false], // month 13
    ["0701234567", false], // a phone number: not a date with a valid check digit
    ["N-101", false],
    ["", false],
  ])("%j → %j", (text, expected) => {
    expect(isPersonnummer(text)).toBe(expected);
  });
});

describe("an id column is masked even with a mistyped check digit", () => {
  it.each([
    ["19850101-1234", "19850101-****"],
    ["850101-1234", "850101-****"],
    ["198501011234", "19850101-****"],
    ["850101+1234", "850101-****"],
    ["811218-9875", "811218-****"],
    ["Anna Andersson", "Anna Andersson"],
    ["N-101", "N-101"],
  ])("displayId(%j) → %j", (id, shown) => {
    expect(displayId(id)).toBe(shown);
    expect(looksLikePersonnummer(id)).toBe(shown !== id);
  });
  test("maskPersonnummer leaves other text alone", () => {
    expect(maskPersonnummer("Sara")).toBe("Sara");
  });
});

describe("maskPersonnummerInText", () => {
  it.each([
    ["Ring Sara, 811218-9876, i morgon", "Ring Sara, 811218-****, i morgon"],
    ["pnr 198112189876.", "pnr 19811218-****."],
    ["Telefon 0701234567", "Telefon 0701234567"],
    ["Belopp 12345678901234", "Belopp 12345678901234"],
  ])("%j → %j", (text, masked) => {
    expect(maskPersonnummerInText(text)).toBe(masked);
  });
});
