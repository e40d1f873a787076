/**
 * AMI.HELTID, from the source's wording (003 3.1): "Huvudregeln för kunder som beviljats insats
 * hos en anordnare inom kundval arbetsmarknadsinsatser är att kund ska ha en heltidsplanering."
 * "Kunds heltidsplanering kan även innefatta exempelvis pågående vårdinsatser." (3.2) "I
 * uppdragsunderlaget anges även en plan för hur och när en upptrappning till heltidsplanering
 * bedöms kunna ske."
 */
import type { IsoDate } from "../../domain/date";
import type { Participant } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_HELTID } from "./heltid";

const rule: Rule = AMI_HELTID;
/** Påsk 2024: långfredag 2024-03-29 and annandag påsk 2024-04-01 leave 4 working days a week. */
const kund = participant("N-006", "JPG", "2024-03-25", "2024-04-05");
const fullDay = (date: string, category = "praktik") => [
  activity("N-006", date, category),
  activity("N-006", date, category, { start: 780, end: 1020, hours: 4 }),
];
const halfDay = (date: string) => [activity("N-006", date, "praktik")];
const easter = (day: (d: string) => ReturnType<typeof halfDay>) =>
  [
    "2024-03-25",
    "2024-03-26",
    "2024-03-27",
    "2024-03-28",
    "2024-04-02",
    "2024-04-03",
    "2024-04-04",
    "2024-04-05",
  ].flatMap((d) => day(d));
const withSteps = (p: Participant, steps: [string, number][]): Participant => ({
  ...p,
  upptrappning: steps.map(([from, hoursPerWeek]) => ({ from: from as IsoDate, hoursPerWeek })),
});

describe("valid: 'kund ska ha en heltidsplanering'", () => {
  test.each([
    ["8 h per working day in the Easter weeks (4 working days: 32 h)", kund, easter(fullDay)],
    [
      "a vårdinsats counts ('kan även innefatta exempelvis pågående vårdinsatser')",
      kund,
      [...easter(fullDay).slice(2), ...fullDay("2024-03-25", "vardinsats")],
    ],
    [
      "an upptrappningsplan of 20 h/week: 4 h per working day",
      withSteps(kund, [["2024-03-25", 20]]),
      easter(halfDay),
    ],
  ])("%s", (_name, p, acts) => {
    expect(runRule(rule, p, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "only three full days in v. 13",
      kund,
      easter(fullDay).slice(2),
      "error",
      "2024-03-25",
      "2024-03-29",
      "Planerat 24 h v. 13 2024 (2024-03-25 – 2024-03-29), krav 32 h (heltid 40 h/vecka × 4/5 arbetsdagar).",
    ],
    [
      "half days after the upptrappningsplan reached 40 h",
      withSteps(kund, [
        ["2024-03-01", 20],
        ["2024-04-01", 40],
      ]),
      easter(halfDay),
      "error",
      "2024-04-01",
      "2024-04-05",
      "Planerat 16 h v. 14 2024 (2024-04-01 – 2024-04-05), krav 32 h (upptrappningsplan från 2024-04-01: 40 h/vecka × 4/5 arbetsdagar).",
    ],
    [
      "a partial first week (start on Wednesday) is a warning",
      participant("N-006", "JPG", "2024-03-20", "2024-03-22"),
      [...halfDay("2024-03-20"), ...halfDay("2024-03-21"), ...halfDay("2024-03-22")],
      "warning",
      "2024-03-20",
      "2024-03-22",
      "Planerat 12 h v. 12 2024 (2024-03-20 – 2024-03-22), krav 24 h (heltid 40 h/vecka × 3/5 arbetsdagar).",
    ],
    [
      "FAI1 uses its own weekly minimum (10 h), not full time",
      participant("N-006", "FAI1", "2024-03-18", "2024-03-22"),
      [...fullDay("2024-03-18"), activity("N-006", "2024-03-22", "arbetsprovning", { hours: 1.5 })],
      "error",
      "2024-03-18",
      "2024-03-22",
      "Planerat 9,5 h v. 12 2024 (2024-03-18 – 2024-03-22), krav 10 h (FAI, 3.2: arbetsprövning minst 10 timmar i veckan).",
    ],
  ])("%s", (_name, p, acts, severity, from, to, message) => {
    const findings = runRule(rule, p, acts);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [severity, from, to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

test("Inställningar 'AMI.HELTID.andel | 50' halves the requirement", () => {
  expect(runRule(rule, kund, easter(halfDay), { parameters: { "AMI.HELTID.andel": 50 } })).toEqual(
    [],
  );
});

test("full time comes from Inställningar 'Heltid timmar' (35 h: 28 h in an Easter week)", () => {
  const findings = runRule(rule, kund, easter(fullDay).slice(2), { fullTimeHours: 35 });
  expect(findings.map((f) => [f.severity, f.message])).toEqual([
    [
      "error",
      "Planerat 24 h v. 13 2024 (2024-03-25 – 2024-03-29), krav 28 h (heltid 35 h/vecka × 4/5 arbetsdagar).",
    ],
  ]);
});
