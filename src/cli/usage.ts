import { parseIsoDate, type IsoDate } from "../domain/date";

/** A wrong command line: the message (Swedish) is shown as "Fel: …" with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** --idag as given: null when absent; a UsageError when it is not a date. */
export function parseIdagOption(text: string | undefined): IsoDate | null {
  if (text === undefined) return null;
  const idag = parseIsoDate(text);
  if (idag === null)
    throw new UsageError(`--idag ska vara ett datum som 2024-03-15, inte "${text}".`);
  return idag;
}
