/**
 * ROM2.FRAMFORHALLNING, from the source's wording: "Det individuella schemat ska även … på kort
 * sikt, 1-4 veckor fram i tiden, ge en mer detaljerad bild av vilka aktiviteter deltagaren ska
 * utföra eller medverka i".
 */
import { addDays } from "../../domain/calendar";
import type { IsoDate } from "../../domain/date";
import { isWorkingDay } from "../../domain/holidays";
import type { Activity, Participant } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_FRAMFORHALLNING } from "./framforhallning";

const rule: Rule = ROM2_FRAMFORHALLNING;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");
/** An activity on every working day from `from` to `to`. */
function weekdays(from: string, to: string, except: string[] = []): Activity[] {
  const out: Activity[] = [];
  for (let d = from as IsoDate; d <= to; d = addDays(d, 1)) {
    if (isWorkingDay(d) && !except.includes(d)) out.push(activity("R-001", d, 3));
  }
  return out;
}

type Row = [string, Participant, Activity[], string, [string, string, string, string][]];

describe("valid: the next week planned, 2 weeks or more ahead — an info saying how far", () => {
  test.each<Row>([
    [
      "'1-4 veckor fram i tiden': planned 17 days ahead (to the Thursday before Långfredag)",
      anna,
      weekdays("2024-03-04", "2024-03-28"),
      "2024-03-11",
      [
        [
          "info",
          "2024-03-11",
          "2024-03-28",
          "Planerat t.o.m. 2024-03-28 (17 dagar fram; 4.4: detaljerad bild 1–4 veckor fram i tiden).",
        ],
      ],
    ],
    [
      "Långfredag 2024-03-29 and annandag påsk 2024-04-01 need no plan",
      anna,
      weekdays("2024-03-25", "2024-04-12"),
      "2024-03-25",
      [
        [
          "info",
          "2024-03-25",
          "2024-04-12",
          "Planerat t.o.m. 2024-04-12 (18 dagar fram; 4.4: detaljerad bild 1–4 veckor fram i tiden).",
        ],
      ],
    ],
    [
      "the period ends within the week: planned to slutdatum is enough",
      participant("R-001", "ROM2", "2024-03-04", "2024-03-15"),
      weekdays("2024-03-04", "2024-03-15"),
      "2024-03-11",
      [
        [
          "info",
          "2024-03-11",
          "2024-03-15",
          "Planerat t.o.m. 2024-03-15 (4 dagar fram; 4.4: detaljerad bild 1–4 veckor fram i tiden).",
        ],
      ],
    ],
  ])("%s", (_name, p, acts, idag, expected) => {
    const findings = runRule(rule, p, acts, { idag });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual(expected);
  });
});

describe("invalid", () => {
  test.each<Row>([
    [
      "Wednesday 2024-03-13 unplanned within the next 7 days: error",
      anna,
      weekdays("2024-03-04", "2024-03-29", ["2024-03-13"]),
      "2024-03-11",
      [
        [
          "error",
          "2024-03-13",
          "2024-03-13",
          "Inget planerat 2024-03-13. Krav: varje vardag 2024-03-11 – 2024-03-17 ska vara planerad (4.4: 1–4 veckor fram i tiden i detalj).",
        ],
      ],
    ],
    [
      "nothing planned beyond Friday: the coming week is empty",
      anna,
      weekdays("2024-03-04", "2024-03-08"),
      "2024-03-08",
      [
        [
          "error",
          "2024-03-11",
          "2024-03-14",
          "Inget planerat 2024-03-11, 2024-03-12, 2024-03-13, 2024-03-14. Krav: varje vardag 2024-03-08 – 2024-03-14 ska vara planerad (4.4: 1–4 veckor fram i tiden i detalj).",
        ],
      ],
    ],
    [
      "planned 11 days ahead, less than 2 weeks: warning",
      anna,
      weekdays("2024-03-04", "2024-03-22"),
      "2024-03-11",
      [
        [
          "warning",
          "2024-03-23",
          "2024-03-24",
          "Planerat t.o.m. 2024-03-22 (11 dagar fram). Schemat bör visa minst 2 veckor framåt, till 2024-03-24.",
        ],
      ],
    ],
  ])("%s", (_name, p, acts, idag, expected) => {
    const findings = runRule(rule, p, acts, { idag });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual(expected);
    for (const f of findings) expect(f.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters", () => {
  test("Inställningar 'ROM2.FRAMFORHALLNING.varning | 1' accepts 11 days ahead", () => {
    const findings = runRule(rule, anna, weekdays("2024-03-04", "2024-03-22"), {
      idag: "2024-03-11",
      parameters: { "ROM2.FRAMFORHALLNING.varning": 1 },
    });
    expect(findings.map((f) => f.severity)).toEqual(["info"]);
  });
});
