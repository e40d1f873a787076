/**
 * JOBBSPAR.OVERLAPP, from the source's wording (Lokala jobbspår): insatserna "ska kunna ges i
 * följd efter varandra och/eller parallellt" — parallel is allowed, but not more than full time.
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { JOBBSPAR_OVERLAPP } from "./overlapp";

const rule: Rule = JOBBSPAR_OVERLAPP;
const fatima = participant("J-201", "JOBBSPAR", "2024-03-04", "2024-06-14");
const insats = (name: string, from: string, to: string) =>
  event("J-201", from, "insats", `${name}, ${from}–${to}`);
const yrkessvenska = insats("Yrkessvenska", "2024-03-11", "2024-05-31");
const praktik = insats("Praktik på Nacka Bygg", "2024-04-15", "2024-06-14");
const WEEK_16 = ["2024-04-15", "2024-04-16", "2024-04-17", "2024-04-18", "2024-04-19"];
/** A day of `hours` hours from 8:00 on each weekday of v. 16 2024. */
const days = (hours: number) =>
  WEEK_16.map((d) => activity("J-201", d, "praktik", { hours, start: 480, end: 480 + hours * 60 }));

describe("valid", () => {
  test.each([
    ["parallel insatser, 37 h in the week (the example's Fatima)", [yrkessvenska, praktik], 7.4],
    ["parallel insatser at exactly full time, 40 h", [yrkessvenska, praktik], 8],
    ["45 h but only one insats running: not parallel", [praktik], 9],
  ])("%s", (_name, events, hours) => {
    expect(runRule(rule, fatima, days(hours), { events })).toEqual([]);
  });
});

describe("invalid", () => {
  test("yrkessvenska and praktik in parallel with 45 h in v. 16 2024", () => {
    const acts = days(9);
    const findings = runRule(rule, fatima, acts, { events: [yrkessvenska, praktik] });
    expect(findings.map((f) => [f.ruleId, f.severity, f.from, f.to, f.message])).toEqual([
      [
        "JOBBSPAR.OVERLAPP",
        "warning",
        "2024-04-15",
        "2024-04-21",
        "Parallella insatser v. 16 2024 (Yrkessvenska, Praktik på Nacka Bygg): 45 timmar planerade. Högst 40 timmar i veckan.",
      ],
    ]);
    expect(findings[0]?.refs).toEqual([
      ...acts.map((a) => a.refs[0]),
      yrkessvenska.refs[0],
      praktik.refs[0],
    ]);
  });
});

describe("parameters", () => {
  test("Inställningar 'JOBBSPAR.OVERLAPP.timmar | 45' allows 45 h", () => {
    const events = [yrkessvenska, praktik];
    expect(
      runRule(rule, fatima, days(9), { events, parameters: { "JOBBSPAR.OVERLAPP.timmar": 45 } }),
    ).toEqual([]);
  });
});
