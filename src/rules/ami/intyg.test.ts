/**
 * AMI.INTYG, from the source's wording (003 3.6.1): "Från och med dag åtta i sjukperioden ska
 * kunden inkomma med läkarintyg med uppgifter om sin sjukdom eller skada till anordnare."
 * (3.6.2): "Från och med dag åtta ska kunden inkomma med vård av barn-intyg till anordnare."
 */
import { eachDay, weekday } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import type { Activity, ActivityAttendance } from "../../domain/model";
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_INTYG } from "./intyg";

const rule: Rule = AMI_INTYG;
const kund = participant("N-002", "JPF", "2024-02-26", "2024-04-30");

const absent = (reason: string, certificate: ActivityAttendance["certificate"] = null) => ({
  status: "frånvarande" as const,
  reason,
  certificate,
  reportedDate: null,
});
/** An activity every weekday from..to with the given attendance. */
function days(from: string, to: string, attendance: ActivityAttendance | null): Activity[] {
  return eachDay(from as IsoDate, to as IsoDate)
    .filter((d) => weekday(d) <= 5)
    .map((d) => activity("N-002", d, "praktik", { attendance }));
}
const present = {
  status: "närvarande" as const,
  reason: null,
  certificate: null,
  reportedDate: null,
};

describe("valid", () => {
  test.each([
    [
      "sick Monday–Friday, back on Monday: 7 calendar days, no 'dag åtta'",
      [
        ...days("2024-03-04", "2024-03-08", absent("sjuk")),
        ...days("2024-03-11", "2024-03-11", present),
      ],
      [],
    ],
    [
      "sick into day 10 with läkarintyg recorded on one of the days",
      [
        ...days("2024-03-04", "2024-03-12", absent("sjuk")),
        activity("N-002", "2024-03-13", "praktik", {
          attendance: absent("sjuk", "2024-03-13" as IsoDate),
        }),
        ...days("2024-03-14", "2024-03-14", present),
      ],
      [],
    ],
    [
      "VAB for nine days with a vab-intyg event in the period",
      [
        ...days("2024-03-04", "2024-03-12", absent("VAB")),
        ...days("2024-03-13", "2024-03-13", present),
      ],
      [event("N-002", "2024-03-12", "vab-intyg")],
    ],
  ])("%s", (_name, acts, events) => {
    expect(runRule(rule, kund, acts, { events })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "sick Monday to the next Monday: the weekend counts, day 8 without läkarintyg",
      [
        ...days("2024-03-04", "2024-03-11", absent("sjuk")),
        ...days("2024-03-12", "2024-03-12", present),
      ],
      "2024-03-04",
      "2024-03-11",
      "Sjukperioden 2024-03-04 – 2024-03-11 (8 kalenderdagar) når dag 8 (2024-03-11) utan läkarintyg.",
    ],
    [
      "VAB for nine days, no vård av barn-intyg",
      [...days("2024-03-04", "2024-03-12", absent("vård av barn"))],
      "2024-03-04",
      "2024-03-12",
      "VAB-perioden 2024-03-04 – 2024-03-12 (9 kalenderdagar) når dag 8 (2024-03-11) utan vård av barn-intyg.",
    ],
  ])("%s", (_name, acts, from, to, message) => {
    const findings = runRule(rule, kund, acts);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", from, to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

test("Inställningar 'AMI.INTYG.dag | 10' asks for the certificate later", () => {
  const acts = days("2024-03-04", "2024-03-11", absent("sjuk"));
  expect(runRule(rule, kund, acts, { parameters: { "AMI.INTYG.dag": 10 } })).toEqual([]);
});

test("an open sick period reaching day 8 within three days is an info", () => {
  const findings = runRule(rule, kund, days("2024-03-04", "2024-03-08", absent("sjuk")), {
    idag: "2024-03-08",
  });
  expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
    [
      "info",
      "2024-03-08",
      "2024-03-11",
      "Sjukperioden från 2024-03-04 når dag 8 2024-03-11: då behövs läkarintyg.",
    ],
  ]);
  expect(findings[0]?.refs.length).toBeGreaterThan(0);
});
