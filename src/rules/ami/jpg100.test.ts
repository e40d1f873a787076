/**
 * AMI.JPG100, from the source's wording (003 2.1): "Jobbpeng grund är en arbetsmarknadsinsats
 * som riktar sig till kunder som … förväntas komma ut i egen försörjning genom arbete, eget
 * företagande eller via studiemedelsberättigade studier, inom 100 dagar."
 */
import type { IsoDate } from "../../domain/date";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_JPG100 } from "./jpg100";

const rule: Rule = AMI_JPG100;
const kund = (end: string) => ({
  ...participant("N-017", "JPG", "2024-03-11", end),
  beslutsdatum: "2024-03-04" as IsoDate,
});
const plan = [activity("N-017", "2024-03-11", "jobbsokning")];

test.each([
  ["ends on day 100 (2024-06-12)", "2024-06-12"],
  ["ends after two months", "2024-05-10"],
])("valid 'inom 100 dagar': %s", (_name, end) => {
  expect(runRule(rule, kund(end), plan)).toEqual([]);
});

test("invalid: still active after 100 days", () => {
  const findings = runRule(rule, kund("2024-08-30"), plan);
  expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
    [
      "warning",
      "2024-06-13",
      "2024-08-30",
      "Jobbpeng grund förväntas leda till egen försörjning inom 100 dagar (2024-06-12, från beslutsdatum 2024-03-04); insatsen pågår till 2024-08-30.",
    ],
  ]);
  expect(findings[0]?.refs.length).toBeGreaterThan(0);
});

test("Inställningar 'AMI.JPG100.dagar | 180'", () => {
  expect(
    runRule(rule, kund("2024-08-30"), plan, { parameters: { "AMI.JPG100.dagar": 180 } }),
  ).toEqual([]);
});
