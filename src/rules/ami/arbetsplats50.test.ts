/**
 * SAI.ARBETSPLATS50, from the source's wording (003 2.3.1): "Den arbetsplatsförlagda delen av
 * insatsen kan starta i låg omfattning för att sedan successivt utökas till 50%."
 */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { SAI_ARBETSPLATS50 } from "./arbetsplats50";

const rule: Rule = SAI_ARBETSPLATS50;
const kund = participant("N-018", "SAI", "2024-03-04", "2024-04-30");
const week = (dates: string[], hours: number) =>
  dates.map((d) => activity("N-018", d, "spraktraning", { hours }));
const v11 = ["2024-03-11", "2024-03-12", "2024-03-13", "2024-03-14", "2024-03-15"];
const planTo = () => activity("N-018", "2024-04-30", "sfi");

test.each([
  ["'successivt utökas till 50%': 4 h a day is 20 h, exactly 50 %", week(v11, 4)],
  ["'starta i låg omfattning': 2 h a day", week(v11, 2)],
])("valid: %s", (_name, acts) => {
  expect(runRule(rule, kund, [...acts, planTo()])).toEqual([]);
});

test("invalid: 5 h a day of språkträning on the workplace", () => {
  const findings = runRule(rule, kund, [...week(v11, 5), planTo()]);
  expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
    [
      "warning",
      "2024-03-11",
      "2024-03-15",
      "Språkträning på arbetsplats v. 11 2024: 25 h, mer än 50 % av heltid (20 h).",
    ],
  ]);
  expect(findings[0]?.refs.length).toBeGreaterThan(0);
});

test("invalid: Easter week (4 working days) allows 16 h", () => {
  const findings = runRule(rule, kund, [
    ...week(["2024-03-25", "2024-03-26", "2024-03-27", "2024-03-28"], 4.5),
    planTo(),
  ]);
  expect(findings.map((f) => f.message)).toEqual([
    "Språkträning på arbetsplats v. 13 2024: 18 h, mer än 50 % av heltid (16 h, 4/5 arbetsdagar).",
  ]);
});

test("Inställningar 'SAI.ARBETSPLATS50.andel | 75'", () => {
  expect(
    runRule(rule, kund, [...week(v11, 5), planTo()], {
      parameters: { "SAI.ARBETSPLATS50.andel": 75 },
    }),
  ).toEqual([]);
});
