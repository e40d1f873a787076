/**
 * The command line: `schemakoll <kommando> …`. Swedish for the user, exit code 0 when all
 * went well, 2 when the file cannot be read or the arguments are wrong (with a message on
 * stderr and never a stack trace).
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { WorkbookError } from "../workbook/port";
import { las, lasText } from "./las";
import { exitCode, validera, valideraText } from "./validera";

const HELP = `Schemakoll – kontrollerar individuella scheman i Excel

Användning:
  schemakoll validera <arbetsbok.xlsx> [--idag ÅÅÅÅ-MM-DD] [--json] [--markera <ut.xlsx>]
      Kontrollerar varje deltagares schema mot reglerna för deltagarens insats och
      visar avvikelserna per deltagare. --markera skriver en kopia där cellerna är
      markerade och ett blad "Schemakoll fynd"; arbetsboken själv ändras aldrig.
      Felkod 0: inga fel, 1: minst ett fel som inte är godkänt, 2: filen eller
      argumenten gick inte att läsa.

  schemakoll las <arbetsbok.xlsx> [--json]
      Visar vad Schemakoll känner igen i arbetsboken: bladen och deras layout,
      deltagarna med insats och period, aktiviteter per deltagare och vecka,
      händelser och celler som inte gick att läsa.

Flaggor:
  --json     skriv ett enda JSON-objekt i stället för text
  --idag     referensdatum (annars Inställningar "Idag", annars dagens datum)
  --markera  skriv en markerad kopia till den här filen
  --hjalp    visa den här texten`;

export class UsageError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t + "\n"),
  err: (t) => process.stderr.write(t + "\n"),
};

/** Runs a command and returns the exit code. */
export async function main(args: readonly string[], io: Io = defaultIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        idag: { type: "string" },
        markera: { type: "string" },
        hjalp: { type: "boolean", short: "h" },
        help: { type: "boolean" },
      },
    });
    const [command, ...files] = positionals;
    if (values.hjalp === true || values.help === true || command === undefined) {
      io.out(HELP);
      return command === undefined && values.hjalp !== true && values.help !== true ? 2 : 0;
    }
    if (command !== "las" && command !== "validera") {
      throw new UsageError(`Okänt kommando "${command}". Skriv schemakoll --hjalp.`);
    }
    const [file, ...extra] = files;
    if (file === undefined)
      throw new UsageError(`Ange arbetsboken, t.ex. schemakoll ${command} arbetsbok.xlsx.`);
    if (extra.length > 0) throw new UsageError(`För många argument: ${extra.join(" ")}`);
    if (command === "las") {
      if (values.idag !== undefined || values.markera !== undefined) {
        throw new UsageError("--idag och --markera hör till schemakoll validera.");
      }
      const out = await las(file);
      io.out(values.json === true ? JSON.stringify(out, null, 2) : lasText(out));
      return 0;
    }
    let result;
    try {
      result = await validera(file, { idag: values.idag, markera: values.markera });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    io.out(
      values.json === true
        ? JSON.stringify(result.output, null, 2)
        : valideraText(basename(file), result),
    );
    if (values.markera !== undefined && values.json !== true)
      io.out(`\nMarkerad kopia: ${values.markera}`);
    return exitCode(result.findings);
  } catch (error) {
    if (error instanceof WorkbookError || error instanceof UsageError) {
      io.err(`Fel: ${error.message}`);
      return 2;
    }
    // parseArgs' errors come from Node's own realm: recognise them by their code.
    const code =
      typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
    if (code.startsWith("ERR_PARSE_ARGS")) {
      const option =
        /'([^']+)'/.exec(error instanceof Error ? error.message : String(error))?.[1] ?? "";
      io.err(`Fel: Okänd flagga eller felaktigt värde ${option}. Skriv schemakoll --hjalp.`);
      return 2;
    }
    io.err("Fel: något oväntat hände. Inget har skrivits eller ändrats.");
    io.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

/** Entry point for bin/schemakoll.js. */
export function run(args: readonly string[]): void {
  void main(args).then((code) => {
    process.exitCode = code;
  });
}
