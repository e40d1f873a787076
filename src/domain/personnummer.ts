/**
 * Personnummer (and samordningsnummer) recognition and masking. A personnummer is sensitive
 * personal data: Schemakoll never copies one into anything it writes (design.md). Recognised
 * forms: 10 or 12 digits, with or without the separator ("850101-1234", "8501011234",
 * "19850101-1234", "198501011234", "850101+1234"), a valid date (samordningsnummer: day + 60)
 * and a correct Luhn check digit.
 */

/** Digits of a date part: YYMMDD or YYYYMMDD, then the four last digits. */
const PNR_SHAPE = /^(\d{6}|\d{8})[-+]?(\d{4})$/;
/** The same shape anywhere in a text, not inside a longer run of digits. */
const PNR_IN_TEXT = /(?<![\d])(?:\d{8}|\d{6})\s?[-+]?\s?\d{4}(?![\d])/g;

function luhnOk(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = tenDigits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function dateOk(yymmdd: string): boolean {
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60; // samordningsnummer
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The parts of a personnummer-shaped text, or null. `checked` says whether Luhn holds. */
function parse(text: string): { datePart: string; checked: boolean } | null {
  const m = PNR_SHAPE.exec(text.replace(/\s+/g, ""));
  if (m === null) return null;
  const datePart = m[1] ?? "";
  const last = m[2] ?? "";
  if (datePart.length === 8 && !/^(18|19|20)/.test(datePart)) return null;
  const short = datePart.slice(-6);
  if (!dateOk(short)) return null;
  return { datePart, checked: luhnOk(short + last) };
}

/** True for a valid personnummer or samordningsnummer (date and Luhn check digit). */
export function isPersonnummer(text: string): boolean {
  return parse(text.trim())?.checked === true;
}

/**
 * True when an id looks like a personnummer even with a wrong check digit: an id column
 * holding "850101-1235" is still someone's personnummer, mistyped, and is masked all the same.
 */
export function looksLikePersonnummer(text: string): boolean {
  return parse(text.trim()) !== null;
}

/** "19850101-1234" → "19850101-****", "8501011234" → "850101-****". */
export function maskPersonnummer(text: string): string {
  const p = parse(text.trim());
  return p === null ? text : `${p.datePart}-****`;
}

/**
 * A participant id as Schemakoll may show or write it: a personnummer-shaped id keeps only its
 * date part ("19850101-****"); anything else as written.
 */
export function displayId(id: string): string {
  return looksLikePersonnummer(id) ? maskPersonnummer(id) : id;
}

/**
 * Free text with every Luhn-valid personnummer in it masked ("Ring om 850101-1234" →
 * "Ring om 850101-****"). Luhn-checked, so that phone numbers and amounts stay as written.
 */
export function maskPersonnummerInText(text: string): string {
  return text.replace(PNR_IN_TEXT, (match) =>
    isPersonnummer(match) ? maskPersonnummer(match) : match,
  );
}
