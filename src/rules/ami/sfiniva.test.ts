/**
 * SAI.SFINIVA, from the source's wording (003 2.3.2): "Respektive studienivå beräknas ta max
 * sex månader".
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { SAI_SFINIVA } from "./sfiniva";

const rule: Rule = SAI_SFINIVA;
const kund = participant("N-019", "SAI", "2024-01-08", "2025-06-30");
const plan = [activity("N-019", "2024-01-08", "sfi")];
const niva = (date: string, level: string) => event("N-019", date, "sfi-nivå start", level);

test.each([
  ["B then C within six months", [niva("2024-01-15", "B"), niva("2024-07-01", "C")]],
  ["the current level for five months", [niva("2024-03-01", "C")]],
])("valid 'max sex månader': %s", (_name, events) => {
  expect(runRule(rule, kund, plan, { events, idag: "2024-08-01" })).toEqual([]);
});

test.each([
  [
    "a finished level over six months",
    [niva("2024-01-15", "B"), niva("2024-08-20", "C")],
    "2024-08-20",
    "SFI-nivå B 2024-01-15 – 2024-08-20 tog mer än 6 månader (2024-07-15).",
  ],
  [
    "the current level over six months",
    [niva("2024-01-15", "B")],
    "2024-08-20",
    "SFI-nivå B sedan 2024-01-15: mer än 6 månader (2024-07-15) utan ny nivå.",
  ],
])("invalid: %s", (_name, events, to, message) => {
  const findings = runRule(rule, kund, plan, { events, idag: "2024-08-20" });
  expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
    ["warning", "2024-01-15", to, message],
  ]);
  expect(findings[0]?.refs.length).toBeGreaterThan(0);
});

test("Inställningar 'SAI.SFINIVA.månader | 8'", () => {
  expect(
    runRule(rule, kund, plan, {
      events: [niva("2024-01-15", "B")],
      idag: "2024-08-20",
      parameters: { "SAI.SFINIVA.månader": 8 },
    }),
  ).toEqual([]);
});
