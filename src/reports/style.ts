/**
 * The look every generated sheet shares: number formats, header cells, title lines. Excel
 * number formats are locale-independent codes; Swedish Excel shows "# ##0 kr" as "3 686 kr".
 */
import type { SheetCell } from "../domain/model";

/** Whole kronor: "3 686 kr". */
export const KR_FORMAT = '#,##0 "kr"';
/** Dates as the design asks: yyyy-MM-dd. */
export const DATE_FORMAT = "yyyy-mm-dd";
/** Hours with at most two decimals: "7,5". */
export const HOURS_FORMAT = "0.0#";
/** Whole numbers (counts, days). */
export const COUNT_FORMAT = "0";

/** Header fill: Excel's light blue. */
export const HEADER_FILL = "FFDDEBF7";

/** A bold header cell. */
export function header(text: string): SheetCell {
  return { value: text, bold: true, fill: HEADER_FILL };
}

/** A plain text cell; written as literal text by every port, whatever it starts with. */
export function text(value: string | null): SheetCell {
  return { value: value ?? "" };
}

export function kr(amount: number): SheetCell {
  return { value: amount, numberFormat: KR_FORMAT };
}

export function date(value: string | null): SheetCell {
  // Dates are written as ISO text: exact in every locale and program, sortable, never shifted
  // by a time zone.
  return { value: value ?? "" };
}

export function hours(value: number): SheetCell {
  return { value: Math.round(value * 100) / 100, numberFormat: HOURS_FORMAT };
}

export function count(value: number): SheetCell {
  return { value, numberFormat: COUNT_FORMAT };
}

/** A title line (bold, larger in spirit; Excel styles stay simple). */
export function title(value: string): SheetCell {
  return { value, bold: true };
}

/** The line every sheet with participant ids carries when a personnummer was masked. */
export const MASKED_NOTE =
  "Personnummer skrivs aldrig ut: en deltagare med personnummer som id visas med födelsedatum och fyra stjärnor (19850101-****).";
