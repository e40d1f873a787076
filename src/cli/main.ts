/**
 * The command line: `schemakoll <kommando> …`. Swedish for the user, exit code 0 when all
 * went well, 2 when the file cannot be read or the arguments are wrong (with a message on
 * stderr and never a stack trace).
 */
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { WorkbookError } from "../workbook/port";
import { faktura, fakturaText, problemLines } from "./faktura";
import { las, lasText } from "./las";
import { rapport } from "./rapport";
import { UsageError } from "./usage";
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

  schemakoll faktura <arbetsbok.xlsx> --manad ÅÅÅÅ-MM [--idag ÅÅÅÅ-MM-DD] [--json]
      Visar fakturaunderlaget för månaden: en rad per deltagare med insatsdagar
      (månadsbelopp eller dagersättning), tilläggscheckar och bonus, med summa.
      Felkod 0: klart, 2: filen eller argumenten gick inte att läsa eller någon
      insats saknar ersättningsnivå (bladet Ersättningar).

  schemakoll rapport <arbetsbok.xlsx> --manad ÅÅÅÅ-MM --ut <ut.xlsx> [--idag ÅÅÅÅ-MM-DD]
      Skriver en kopia av arbetsboken med bladen "Månadsrapport ÅÅÅÅ-MM" och
      "Fakturaunderlag ÅÅÅÅ-MM"; arbetsboken själv ändras aldrig.

Flaggor:
  --json     skriv ett enda JSON-objekt i stället för text
  --idag     referensdatum (annars Inställningar "Idag", annars dagens datum)
  --markera  skriv en markerad kopia till den här filen
  --manad    månaden för faktura och rapport, t.ex. 2024-05
  --ut       filen som rapport skriver
  --hjalp    visa den här texten`;

export { UsageError };

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
        manad: { type: "string" },
        ut: { type: "string" },
        hjalp: { type: "boolean", short: "h" },
        help: { type: "boolean" },
      },
    });
    const [command, ...files] = positionals;
    if (values.hjalp === true || values.help === true || command === undefined) {
      io.out(HELP);
      return command === undefined && values.hjalp !== true && values.help !== true ? 2 : 0;
    }
    if (!["las", "validera", "faktura", "rapport"].includes(command)) {
      throw new UsageError(`Okänt kommando "${command}". Skriv schemakoll --hjalp.`);
    }
    const [file, ...extra] = files;
    if (file === undefined)
      throw new UsageError(`Ange arbetsboken, t.ex. schemakoll ${command} arbetsbok.xlsx.`);
    if (extra.length > 0) throw new UsageError(`För många argument: ${extra.join(" ")}`);
    if (command !== "faktura" && command !== "rapport" && values.manad !== undefined)
      throw new UsageError("--manad hör till schemakoll faktura och schemakoll rapport.");
    if (command !== "rapport" && values.ut !== undefined)
      throw new UsageError("--ut hör till schemakoll rapport.");
    if (command !== "validera" && values.markera !== undefined)
      throw new UsageError("--markera hör till schemakoll validera.");
    if (command === "las") {
      if (values.idag !== undefined) {
        throw new UsageError("--idag hör till schemakoll validera, faktura och rapport.");
      }
      const out = await las(file);
      io.out(values.json === true ? JSON.stringify(out, null, 2) : lasText(out));
      return 0;
    }
    if (command === "faktura") {
      const result = await faktura(file, { manad: values.manad, idag: values.idag });
      const refused = result.invoice.refused.length > 0;
      if (values.json === true) {
        if (!refused) io.out(JSON.stringify(result.output, null, 2));
        for (const line of problemLines(result.invoice)) io.err(line);
      } else io.out(fakturaText(basename(file), result));
      for (const r of result.invoice.refused) io.err(`Fel: ${r.message}`);
      return refused ? 2 : 0;
    }
    if (command === "rapport") {
      if (values.json === true) throw new UsageError("--json hör inte till schemakoll rapport.");
      const result = await rapport(file, { manad: values.manad, ut: values.ut, idag: values.idag });
      for (const line of result.lines) io.out(line);
      return 0;
    }
    const result = await validera(file, { idag: values.idag, markera: values.markera });
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
