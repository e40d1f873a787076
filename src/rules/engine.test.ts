import type { IsoDate } from "../domain/date";
import type { Acceptance } from "../domain/model";
import { validate } from "./engine";
import { activity, participant, settings } from "./testing";
import { defineRule, findingSchema, type Rule } from "./types";

/** A rule that reports every activity whose category is "x", dated at the activity. */
const everyX: Rule = defineRule<{ grans: number }>({
  id: "TEST.X",
  programmes: ["JPG"],
  source: "Testkälla 1.1",
  summary: "Inga x.",
  tolkning: "x läses som fel.",
  severities: ["error", "warning"],
  params: { grans: { default: 0, description: "antal tillåtna" } },
  check: (c) =>
    c.activities
      .filter((a) => a.category === "x")
      .slice(c.params.grans)
      .map((a) => ({
        severity: a.hours === 1 ? ("warning" as const) : ("error" as const),
        refs: a.refs,
        from: a.date,
        to: a.date,
        message: `x ${a.date}`,
      })),
});
const crashing: Rule = defineRule({
  id: "TEST.KRASCH",
  programmes: ["JPG"],
  source: "Testkälla 2",
  summary: "Kraschar.",
  severities: ["error"],
  params: {},
  check: () => {
    throw new Error("oväntat värde");
  },
});

const a = participant("A", "JPG", "2024-03-01");
const b = participant("B", "JPG", "2024-03-01");
const rom = participant("R", "ROM2", "2024-03-01");
const model = {
  participants: [b, a, rom],
  activities: [
    activity("A", "2024-03-05", "x"),
    activity("A", "2024-03-04", "x", { hours: 1 }),
    activity("A", "2024-03-04", "x"),
    activity("B", "2024-03-02", "x"),
    activity("R", "2024-03-02", "x"),
  ],
  weeks: [],
  events: [],
  acceptances: [] as Acceptance[],
  findings: [
    {
      ruleId: "LAS.OKLAR" as const,
      severity: "warning" as const,
      participantId: null,
      refs: [],
      message: "oläslig cell",
    },
  ],
};
const idag = "2024-03-10" as IsoDate;

test("findings are sorted by participant (register order), date, severity; read findings first", () => {
  const findings = validate(model, settings(), idag, { rules: [everyX] });
  expect(findings.map((f) => [f.ruleId, f.participantId, f.from, f.severity])).toEqual([
    ["LAS.OKLAR", null, null, "warning"],
    ["TEST.X", "B", "2024-03-02", "error"],
    ["TEST.X", "A", "2024-03-04", "error"],
    ["TEST.X", "A", "2024-03-04", "warning"],
    ["TEST.X", "A", "2024-03-05", "error"],
  ]);
  for (const f of findings) expect(findingSchema.safeParse(f).success).toBe(true);
});

test("a rule runs only for its programmes, and the explanation carries the Tolkning", () => {
  const findings = validate(model, settings(), idag, { rules: [everyX] });
  expect(findings.some((f) => f.participantId === "R")).toBe(false);
  expect(findings.find((f) => f.ruleId === "TEST.X")).toMatchObject({
    explanation: "Inga x. Tolkning: x läses som fel.",
    source: "Testkälla 1.1",
  });
});

test("parameters come from Inställningar by 'REGEL.parameter'", () => {
  const findings = validate(model, settings({ "TEST.X.grans": 1 }), idag, { rules: [everyX] });
  expect(findings.filter((f) => f.participantId === "A")).toHaveLength(2);
});

test("an accepted finding is kept, marked accepted with the reason; outside the accepted period it is not", () => {
  const acceptances: Acceptance[] = [
    {
      participantId: "a",
      ruleId: "TEST.X",
      from: "2024-03-04" as IsoDate,
      to: "2024-03-04" as IsoDate,
      reason: "Sjuk hela veckan",
      acceptedBy: "KV",
      date: idag,
      refs: [],
    },
  ];
  const findings = validate({ ...model, acceptances }, settings(), idag, {
    rules: [everyX],
  }).filter((f) => f.participantId === "A");
  expect(findings.map((f) => [f.from, f.accepted, f.acceptance?.reason ?? null])).toEqual([
    ["2024-03-04", true, "Sjuk hela veckan"],
    ["2024-03-04", true, "Sjuk hela veckan"],
    ["2024-03-05", false, null],
  ]);
});

test("a rule that throws on odd data becomes a warning, never a crash", () => {
  const findings = validate(model, settings(), idag, { rules: [crashing] });
  expect(
    findings
      .filter((f) => f.ruleId === "TEST.KRASCH")
      .map((f) => [f.participantId, f.severity, f.message]),
  ).toEqual([
    ["B", "warning", "Regeln TEST.KRASCH kunde inte prövas för B: oväntat värde"],
    ["A", "warning", "Regeln TEST.KRASCH kunde inte prövas för A: oväntat värde"],
  ]);
});

test("participants without programme or startdatum are left to LAS.REGISTER", () => {
  const none = { ...participant("N", "JPG", "2024-03-01"), start: null };
  const findings = validate({ ...model, participants: [none] }, settings(), idag, {
    rules: [everyX, crashing],
  });
  expect(findings.map((f) => f.ruleId)).toEqual(["LAS.OKLAR"]);
});
