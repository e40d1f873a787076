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

/**
 * Memo of folded texts: the reader and the rules fold the same cell texts again and again
 * (a schedule repeats its phrases in every week). Only texts up to MEMO_TEXT_LENGTH
 * characters are kept, and the memo is emptied when it reaches MEMO_SIZE entries, so it stays
 * small whatever is folded.
 */
const MEMO_SIZE = 20_000;
const MEMO_TEXT_LENGTH = 400;
const memo = new Map<string, string>();

export function fold(text: string): string {
  if (text.length > MEMO_TEXT_LENGTH) return foldText(text);
  let folded = memo.get(text);
  if (folded === undefined) {
    folded = foldText(text);
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, folded);
  }
  return folded;
}

/** @internal fold without the memo, for the test that both agree. */
export function foldText(text: string): string {
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
