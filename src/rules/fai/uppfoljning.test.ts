/**
 * FAI1.UPPFOLJNING (3.3): "Uppföljning med karriärvägledare ska ske minst efter sex veckor och
 * vid avslut." FAI2.UPPFOLJNING (4.7): "Uppföljning av kundens progression i insatsen ska ske
 * minst varannan månad efter uppdragsstart, månad 2, 4 och inför slutrapporteringen månad 6."
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { FAI1_UPPFOLJNING, FAI2_UPPFOLJNING } from "./uppfoljning";

const fai1: Rule = FAI1_UPPFOLJNING;
const fai2: Rule = FAI2_UPPFOLJNING;
const karin = participant("F-101", "FAI1", "2024-03-04", "2024-06-03");
const kv = (id: string, ...dates: string[]) =>
  dates.map((d) => event(id, d, "uppföljning med karriärvägledare"));

describe("FAI1.UPPFOLJNING valid", () => {
  test.each([
    ["after six weeks and at the end", kv("F-101", "2024-04-15", "2024-06-03"), []],
    [
      "within the 7 days' grace, and the avslutningsmöte a week after",
      kv("F-101", "2024-04-22", "2024-06-10"),
      [],
    ],
    [
      "scheduled 'Uppföljningsmöte med karriärvägledare' activities count",
      [],
      [
        activity("F-101", "2024-04-16", "uppfoljning"),
        activity("F-101", "2024-05-30", "uppfoljning"),
      ],
    ],
  ])("%s", (_name, events, acts) => {
    expect(runRule(fai1, karin, acts, { events, idag: "2024-07-01" })).toEqual([]);
  });
});

describe("FAI1.UPPFOLJNING invalid", () => {
  test("first follow-up only after eight weeks", () => {
    const findings = runRule(fai1, karin, [], {
      events: kv("F-101", "2024-04-29", "2024-06-03"),
      idag: "2024-07-01",
    });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "FAI1.UPPFOLJNING",
        severity: "error",
        from: "2024-03-04",
        to: "2024-04-22",
        message:
          "Ingen uppföljning med karriärvägledare efter 6 veckor (2024-03-04 – 2024-04-22). Krav: minst efter 6 veckor (startdatum + 6 veckor + 7 dagar).",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("no follow-up 'vid avslut'", () => {
    const findings = runRule(fai1, karin, [], {
      events: kv("F-101", "2024-04-15"),
      idag: "2024-07-01",
    });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-05-21",
        "2024-06-10",
        "Ingen uppföljning med karriärvägledare vid avslut (2024-05-21 – 2024-06-10). Krav: uppföljning vid avslut (periodens sista 14 dagar eller högst 7 dagar efter slutdatum 2024-06-03).",
      ],
    ]);
  });
});

describe("FAI1.UPPFOLJNING parameters and Snart", () => {
  test("Inställningar 'FAI1.UPPFOLJNING.marginal | 14'", () => {
    expect(
      runRule(fai1, karin, [], {
        events: kv("F-101", "2024-04-29", "2024-06-03"),
        idag: "2024-07-01",
        parameters: { "FAI1.UPPFOLJNING.marginal": 14 },
      }),
    ).toEqual([]);
  });

  test("the six-week deadline within three days: info", () => {
    const findings = runRule(fai1, karin, [], { idag: "2024-04-20" });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["info", "Uppföljning med karriärvägledare efter 6 veckor senast 2024-04-22."],
    ]);
  });
});

describe("FAI2.UPPFOLJNING", () => {
  const sara = participant("F-201", "FAI2", "2024-01-15", "2025-01-14");

  test("valid: 'månad 2, 4 och … 6' (month 2 = 2024-02-15 – 2024-03-14) and on to month 12", () => {
    const events = kv(
      "F-201",
      "2024-03-01",
      "2024-05-01",
      "2024-07-01",
      "2024-09-01",
      "2024-11-01",
      "2025-01-10",
    );
    expect(runRule(fai2, sara, [], { events, idag: "2025-02-01" })).toEqual([]);
  });

  test("invalid: no follow-up in month 4 (2024-04-15 – 2024-05-14)", () => {
    const events = kv("F-201", "2024-03-01", "2024-05-20");
    const findings = runRule(fai2, sara, [], { events, idag: "2024-06-01" });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "FAI2.UPPFOLJNING",
        severity: "error",
        from: "2024-04-15",
        to: "2024-05-14",
        message:
          "Ingen uppföljning med karriärvägledare i månad 4 (2024-04-15 – 2024-05-14). Krav: minst var 2:e månad (månad 2, 4, 6 …).",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("Inställningar 'FAI2.UPPFOLJNING.månader | 3' asks for months 3, 6, …", () => {
    const events = kv("F-201", "2024-04-01");
    const findings = runRule(fai2, sara, [], {
      events,
      idag: "2024-06-01",
      parameters: { "FAI2.UPPFOLJNING.månader": 3 },
    });
    expect(findings).toEqual([]);
  });

  test("Snart: the end of month 2 within three days", () => {
    const findings = runRule(fai2, sara, [], { idag: "2024-03-12" });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["info", "Uppföljning med karriärvägledare i månad 2 senast 2024-03-14."],
    ]);
  });
});
