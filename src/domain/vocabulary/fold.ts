/**
 * Text folding for vocabulary matching: lower case with å/ä/ö/é/ü mapped one-to-one onto
 * a/a/o/e/u, so that "Sprakkunskaper" and "språkkunskaper" match the same pattern and every
 * index into the folded text is the same index into the original.
 */
const FOLD: Readonly<Record<string, string>> = {
  å: "a",
  ä: "a",
  ö: "o",
  é: "e",
  è: "e",
  ü: "u",
  á: "a",
  à: "a",
  // Typographic dashes and spaces behave like their plain forms.
  "–": "-",
  "—": "-",
  "\u00a0": " ",
};

const FOLDED = /[åäöéèüáà–—\u00a0]/g;

export function fold(text: string): string {
  // Fast path: lower-casing kept every character one character.
  const lower = text.toLowerCase();
  if (lower.length === text.length && !/[\u0130\u03a3]/.test(text)) {
    return lower.replace(FOLDED, (ch) => FOLD[ch] ?? ch);
  }
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    // A few letters lower-case into two characters ("İ"); keep those as they are.
    const one = lower.length === ch.length ? lower : ch;
    out += FOLD[one] ?? one;
  }
  return out;
}
