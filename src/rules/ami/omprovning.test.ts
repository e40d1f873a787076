/**
 * AMI.OMPROVNING, from the source's wording (003 7): "När insatserna Språk och
 * arbetsintroduktion eller Förstärkt jobbpeng pågått under ett år görs en omprövning utifrån
 * kundens progression."
 */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_OMPROVNING } from "./omprovning";

const rule: Rule = AMI_OMPROVNING;
const plan = [activity("N-016", "2024-03-04", "sfi")];

test("a period shorter than a year gives nothing", () => {
  expect(runRule(rule, participant("N-016", "SAI", "2024-03-04", "2025-03-03"), plan)).toEqual([]);
});

test.each([
  [
    "'pågått under ett år': passed",
    "2025-06-01",
    "Insatsen har pågått 12 månader 2025-03-04 (startdatum 2024-03-04): omprövning utifrån kundens progression.",
  ],
  [
    "coming",
    "2025-01-15",
    "Insatsen når 12 månader 2025-03-04 (startdatum 2024-03-04): då görs en omprövning utifrån kundens progression.",
  ],
])("SAI over a year, %s", (_name, idag, message) => {
  const findings = runRule(rule, participant("N-016", "SAI", "2024-03-04", "2025-06-30"), plan, {
    idag,
  });
  expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
    ["info", "2025-03-04", "2025-03-04", message],
  ]);
  expect(findings[0]?.refs.length).toBeGreaterThan(0);
});

test("Inställningar 'AMI.OMPROVNING.månader | 18'", () => {
  expect(
    runRule(rule, participant("N-016", "JPF", "2024-03-04", "2025-06-30"), plan, {
      parameters: { "AMI.OMPROVNING.månader": 18 },
    }),
  ).toEqual([]);
});
