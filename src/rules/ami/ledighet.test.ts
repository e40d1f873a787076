/**
 * AMI.LEDIGHET, from the source's wording (003 3.5): "De har rätt att vara lediga på sommaren
 * och andra lov, upp till 14 dagar, vilket anordnare rapporterar i verksamhetssystemet som
 * frånvaro. Vid längre planerad frånvaro över 14 dagar ska insatsen avslutas".
 */
import { eachDay, weekday } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import type { Activity } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_LEDIGHET } from "./ledighet";

const rule: Rule = AMI_LEDIGHET;
const utanBistand = {
  ...participant("N-013", "JPG", "2024-03-04", "2024-09-30"),
  ekonomisktBistand: false,
};
const ledig = (from: string, to: string): Activity[] =>
  eachDay(from as IsoDate, to as IsoDate)
    .filter((d) => weekday(d) <= 5)
    .map((d) =>
      activity("N-013", d, "praktik", {
        attendance: {
          status: "frånvarande",
          reason: "semester",
          certificate: null,
          reportedDate: null,
        },
      }),
    );
const back = (date: string) => activity("N-013", date, "praktik");

describe("valid: 'lediga på sommaren och andra lov, upp till 14 dagar'", () => {
  test.each([
    [
      "two weeks of semester, Monday to Friday",
      utanBistand,
      [...ledig("2024-07-01", "2024-07-12"), back("2024-07-15")],
    ],
    [
      "a participant with ekonomiskt bistånd is not judged by this rule",
      { ...utanBistand, ekonomisktBistand: true },
      [...ledig("2024-07-01", "2024-07-19"), back("2024-07-22")],
    ],
  ])("%s", (_name, p, acts) => {
    expect(runRule(rule, p, acts)).toEqual([]);
  });
});

test("'längre planerad frånvaro över 14 dagar': three weeks of semester", () => {
  const findings = runRule(rule, utanBistand, [
    ...ledig("2024-07-01", "2024-07-19"),
    back("2024-07-22"),
  ]);
  expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
    [
      "error",
      "2024-07-01",
      "2024-07-19",
      "Ledighet 2024-07-01 – 2024-07-19 (19 dagar) är längre än 14 dagar; insatsen ska avslutas och nytt beslut fattas.",
    ],
  ]);
  expect(findings[0]?.refs.length).toBeGreaterThan(0);
});

test("Inställningar 'AMI.LEDIGHET.dagar | 21'", () => {
  expect(
    runRule(rule, utanBistand, [...ledig("2024-07-01", "2024-07-19")], {
      parameters: { "AMI.LEDIGHET.dagar": 21 },
    }),
  ).toEqual([]);
});
