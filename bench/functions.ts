/**
 * Custom functions: microseconds per call over 10,000 calls of =AMI.MANADSERSATTNING and
 * =AMI.TIMMAR, with the arguments Excel passes (date serial numbers, a 2 × 6 range of a week
 * grid with its row labels). Excel's runtime provides the global CustomFunctions; the bench
 * installs the same stand-in jest uses (test/setup/customFunctionsRuntime.ts).
 */
import "../test/setup/customFunctionsRuntime";
import seedCells from "../test/fixtures/seed000-celler.json";
import { toSerial, type IsoDate } from "../src/domain/date";
import { manadsersattning, timmar } from "../src/functions/functions";

export const FUNCTION_CALLS = 10_000;

export interface FunctionTiming {
  name: string;
  calls: number;
  microsecondsPerCall: number;
  /** The last result, to show the calls did something (and keep them from being optimised away). */
  result: number;
}

const serial = (date: string) => toSerial(date as IsoDate);

/** A week of seed 000's nivå A schedule: two blocks with their labels, as a range of 2 × 6. */
function weekRange(): string[][] {
  const cells = seedCells.cells as readonly { rowLabel: string; text: string; week: string }[];
  return ["8.00-12.00", "13.00-16.30"].map((label) => [
    label,
    ...cells.filter((c) => c.rowLabel === label && c.week === "Vecka 1").map((c) => c.text),
  ]);
}

function time(name: string, call: (i: number) => number): FunctionTiming {
  let result = 0;
  for (let i = 0; i < 1000; i++) result = call(i); // warm-up
  const t = performance.now();
  for (let i = 0; i < FUNCTION_CALLS; i++) result = call(i);
  const elapsed = performance.now() - t;
  return {
    name,
    calls: FUNCTION_CALLS,
    microsecondsPerCall: (elapsed * 1000) / FUNCTION_CALLS,
    result,
  };
}

export function measureFunctions(): FunctionTiming[] {
  const start = serial("2024-03-15");
  const months = ["2024-03", "2024-04", "2024-05", "2024-06"];
  const range = weekRange();
  return [
    time("MANADSERSATTNING", (i) =>
      manadsersattning("JPG", start, "", months[i % months.length] ?? "2024-03"),
    ),
    time("TIMMAR", () => timmar(range)),
  ];
}
