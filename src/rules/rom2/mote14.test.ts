/**
 * ROM2.MOTE14, from the source's wording: "Leverantören ska genomföra ett enskilt,
 * individuellt möte med varje deltagare minst en gång per fjorton (14) kalenderdagar."
 */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_MOTE14 } from "./mote14";

const rule: Rule = ROM2_MOTE14;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");
const meetings = (...dates: string[]) => dates.map((d) => activity("R-001", d, 0));
/** Something planned on the last day, which sets the planning horizon. */
const planTo = (date: string) => activity("R-001", date, 3);

describe("valid: a meeting at least once per 14 calendar days", () => {
  test.each([
    ["every other Tuesday", ["2024-03-05", "2024-03-19", "2024-04-02"], "2024-04-12"],
    [
      "exactly 14 days apart is still 'minst en gång per fjorton kalenderdagar'",
      ["2024-03-05", "2024-03-19"],
      "2024-04-01",
    ],
    ["the first meeting on day 14 (startdatum + 13)", ["2024-03-17", "2024-03-30"], "2024-04-05"],
    [
      "a plan that ends 10 days after the last meeting is not judged beyond it",
      ["2024-03-05"],
      "2024-03-15",
    ],
  ])("%s", (_name, dates, horizon) => {
    expect(
      runRule(rule, anna, [...meetings(...dates), planTo(horizon)]).filter(
        (f) => f.severity !== "info",
      ),
    ).toEqual([]);
  });
});

describe("invalid", () => {
  test("22 meeting-free days: the catalog's own example message, pointing at the window", () => {
    const findings = runRule(rule, anna, [
      ...meetings("2024-03-05", "2024-03-28"),
      planTo("2024-04-05"),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "ROM2.MOTE14",
        severity: "error",
        participantId: "R-001",
        from: "2024-03-06",
        to: "2024-03-27",
        message:
          "Inget individuellt möte 2024-03-06 – 2024-03-27 (22 dagar). Krav: minst var 14:e kalenderdag.",
        source: "Rusta och matcha 2, 4.1.1 Individuellt möte",
        accepted: false,
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("no meeting in the first 14 days of the period", () => {
    const findings = runRule(rule, anna, [...meetings("2024-03-18"), planTo("2024-03-29")]);
    expect(findings.map((f) => [f.severity, f.from, f.to])).toEqual([
      ["error", "2024-03-04", "2024-03-17"],
    ]);
  });

  test("a planned meeting missed because the participant was sick is a warning naming the absence", () => {
    const missed = activity("R-001", "2024-03-19", 0, {
      attendance: { status: "frånvarande", reason: "sjuk", certificate: null, reportedDate: null },
    });
    const findings = runRule(rule, anna, [
      ...meetings("2024-03-05", "2024-04-02"),
      missed,
      planTo("2024-04-10"),
    ]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "warning",
        "2024-03-06",
        "2024-04-01",
        "Inget individuellt möte 2024-03-06 – 2024-04-01 (27 dagar). Krav: minst var 14:e kalenderdag. Planerat möte hölls inte: sjuk 2024-03-19.",
      ],
    ]);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'ROM2.MOTE14.fönster | 30' widens the window", () => {
    const acts = [...meetings("2024-03-05", "2024-03-28"), planTo("2024-04-05")];
    expect(runRule(rule, anna, acts, { parameters: { "ROM2.MOTE14.fönster": 30 } })).toEqual([]);
    expect(runRule(rule, anna, acts, { parameters: { "rom2.mote14.fonster": "30" } })).toEqual([]);
  });

  test("an unreadable parameter keeps the default and says so", () => {
    const findings = runRule(
      rule,
      anna,
      [...meetings("2024-03-05", "2024-03-28"), planTo("2024-04-05")],
      {
        parameters: { "ROM2.MOTE14.fönster": "två veckor" },
      },
    );
    expect(findings.map((f) => f.ruleId)).toEqual(["LAS.OKLAR", "ROM2.MOTE14"]);
  });

  test("the next deadline within three days is an info naming the date", () => {
    const findings = runRule(
      rule,
      anna,
      [...meetings("2024-03-05", "2024-03-19"), planTo("2024-03-29")],
      { idag: "2024-03-16" },
    );
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["info", "Nästa individuella möte senast 2024-03-19 (planerat 2024-03-19)."],
    ]);
  });
});
