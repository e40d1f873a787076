/**
 * Turning the arguments Excel passes (serial numbers, texts, empty cells) into domain values,
 * and the Swedish errors the formulas show when that fails. Excel passes an empty cell as
 * null, "" or 0 depending on the parameter's type; all three mean "not given" for a date.
 */
import { parseDateValue, parseMonthValue, type IsoDate, type YearMonth } from "../domain/date";
import { parseProgramme, PROGRAMMES, type Programme } from "../domain/programmes";

/** #VALUE!: an argument that cannot be read. */
export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** #N/A: a well-formed question without an answer (unknown programme, missing tariff). */
export function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === 0 ||
    (typeof value === "string" && value.trim() === "")
  );
}

function shown(value: unknown): string {
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "värdet";
}

const KNOWN = Object.values(PROGRAMMES)
  .map((p) => p.key)
  .join(", ");

export function programmeArg(value: unknown, name = "insats"): Programme {
  if (isBlank(value)) throw valueError(`Ange ${name}, t.ex. "JPG" eller "Jobbpeng grund".`);
  const programme = typeof value === "string" ? parseProgramme(value) : null;
  if (programme === null)
    throw notAvailable(`Okänd insats ${shown(value)}. Kända insatser: ${KNOWN}.`);
  return programme;
}

export function dateArg(value: unknown, name: string): IsoDate {
  if (isBlank(value)) throw valueError(`Ange ${name}.`);
  const date = parseDateValue(value);
  if (date === null)
    throw valueError(
      `Kan inte läsa ${name} ${shown(value)} som ett datum. Skriv t.ex. 2024-03-15.`,
    );
  return date;
}

export function optionalDateArg(value: unknown, name: string): IsoDate | null {
  return isBlank(value) ? null : dateArg(value, name);
}

export function monthArg(value: unknown, name = "månad"): YearMonth {
  if (isBlank(value)) throw valueError(`Ange ${name}, t.ex. "2024-03" eller ett datum i månaden.`);
  const month = parseMonthValue(value);
  if (month === null)
    throw valueError(`Kan inte läsa ${name} ${shown(value)}. Skriv t.ex. "2024-03".`);
  return month;
}
