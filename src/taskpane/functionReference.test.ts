/** The examples the task pane and README show must be what the formulas really return. */
import { fromSerial } from "../domain/date";
import * as functions from "../functions/functions";
import { FUNCTION_REFERENCE } from "./functionReference";

const byName: Record<string, (...args: never[]) => unknown> = {
  DAGERSATTNING: functions.dagersattning,
  MANADSERSATTNING: functions.manadsersattning,
  INSATSDAGAR: functions.insatsdagar,
  TJANSTEMANAD: functions.tjanstemanad,
  KRAVTIMMAR: functions.kravtimmar,
  NASTAMOTE: functions.nastamote,
  RAPPORTFRIST: functions.rapportfrist,
  TIMMAR: functions.timmar,
  AKTIVITET: functions.aktivitet,
};
const returnsDate = new Set(["NASTAMOTE", "RAPPORTFRIST"]);

function shownAsInExcel(name: string, value: unknown): string {
  if (typeof value !== "number") return String(value);
  if (returnsDate.has(name)) return fromSerial(value) ?? "?";
  return value.toLocaleString("sv-SE").replace(/\u00a0/g, " ");
}

test("every function has a reference entry", () => {
  expect(FUNCTION_REFERENCE.map((f) => f.name).sort()).toEqual(Object.keys(byName).sort());
});

const literalExamples = FUNCTION_REFERENCE.filter(
  (f) => !/\b[A-Z]+\d+:[A-Z]+\d+\b/.test(f.example),
);

test.each(literalExamples.map((f) => [f.example, f.result, f.name] as const))(
  "%s → %s",
  (example, result, name) => {
    const args = /\((.*)\)$/.exec(example)?.[1] ?? "";
    const values = args === "" ? [] : args.split(";").map((a) => JSON.parse(a.trim()) as never);
    const fn = byName[name];
    expect(fn).toBeDefined();
    expect(shownAsInExcel(name, fn?.(...values))).toBe(result);
  },
);
