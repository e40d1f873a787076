/** Running the CLI in-process for the safety suites (separate, so that suites not about the CLI do not load it). */
import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `schemakoll …args` in this process, output captured. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(args, {
    out: (t) => (out += t + "\n"),
    err: (t) => (err += t + "\n"),
  });
  return { code, out, err };
}
