/**
 * ITA.PROGRESSION, from the source's wording (8): "Progression definieras som en successiv
 * ökning av deltagarens tid i tjänsten och/eller genomförande av arbetsprövning i del 3."
 */
import { addDays } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ITA_PROGRESSION } from "./progression";

const rule: Rule = ITA_PROGRESSION;
const p = participant("I-1", "ITA", "2024-01-08", "2024-12-20");
/** One activity of `hours[i]` hours on the Friday of week i, from 2024-01-12. */
const weekly = (hours: number[]) =>
  hours.map((h, i) =>
    activity("I-1", addDays("2024-01-12" as IsoDate, 7 * i), "halsa", {
      hours: h,
      start: 480,
      end: 480 + h * 60,
    }),
  );

describe("valid: 'en successiv ökning av deltagarens tid i tjänsten'", () => {
  test.each([
    ["a rise every four weeks", [4, 4, 4, 4, 6, 6, 6, 6, 8]],
    ["full time needs no rise", [40, 40, 40, 40, 40, 40, 40, 40, 40]],
  ])("%s", (_name, hours) => {
    expect(runRule(rule, p, weekly(hours))).toEqual([]);
  });
});

describe("invalid", () => {
  test("nine weeks at 4 h with no rise", () => {
    const findings = runRule(rule, p, weekly([4, 4, 4, 4, 4, 4, 4, 4, 4]));
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "ITA.PROGRESSION",
        severity: "warning",
        from: "2024-01-08",
        to: "2024-03-08",
        message:
          "Ingen ökning av schemalagd tid på 9 veckor (v. 2 2024 – v. 10 2024): högst 4 timmar i veckan. Krav: successiv ökning av deltagarens tid i tjänsten (inom 8 veckor).",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters", () => {
  test("Inställningar 'ITA.PROGRESSION.veckor | 10'", () => {
    expect(
      runRule(rule, p, weekly([4, 4, 4, 4, 4, 4, 4, 4, 4]), {
        parameters: { "ITA.PROGRESSION.veckor": 10 },
      }),
    ).toEqual([]);
  });
});
