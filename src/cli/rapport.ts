/**
 * `schemakoll rapport <arbetsbok.xlsx> --manad ÅÅÅÅ-MM --ut <ut.xlsx>`: a copy of the workbook
 * with the month's Månadsrapport and Fakturaunderlag sheets (replaced when they exist).
 * (Written by the integrator after reports/ lands.)
 */
export interface RapportOptions {
  manad: string | undefined;
  ut: string | undefined;
  idag?: string | undefined;
}

export interface RapportResult {
  monthlySheet: string;
  invoiceSheet: string;
  /** Lines for the user (Swedish). */
  lines: string[];
}

export function rapport(_path: string, _options: RapportOptions): Promise<RapportResult> {
  return Promise.reject(new Error("rapport är inte klart ännu"));
}
