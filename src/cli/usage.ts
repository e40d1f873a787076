/** A wrong command line: the message (Swedish) is shown as "Fel: …" with exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
