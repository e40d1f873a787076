/**
 * JOBBSPAR.UPPFOLJNING, from the source's wording (Genomförandefas): "Säkerställer en
 * strukturerad och regelbunden uppföljning av deltagarna och arbetsgivaren."
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { JOBBSPAR_UPPFOLJNING } from "./uppfoljning";

const rule: Rule = JOBBSPAR_UPPFOLJNING;
const johan = participant("J-202", "JOBBSPAR", "2024-03-04", "2024-08-23");
const insats = (name: string, from: string, to: string) =>
  event("J-202", from, "insats", `${name}, ${from}–${to}`);
const chain = [
  insats("Introduktionsvecka", "2024-03-04", "2024-03-08"),
  insats("Utbildning truckkort A+B", "2024-03-11", "2024-04-05"),
  insats("Praktik på Lagercentralen", "2024-04-15", "2024-08-23"),
];
const uppf = (...dates: string[]) => dates.map((d) => event("J-202", d, "uppföljning"));
const IDAG = "2024-06-28";

describe("valid: a follow-up every calendar month of the active chain", () => {
  test.each([
    [
      "one event 'Uppföljning' in each of March–June",
      uppf("2024-03-27", "2024-04-24", "2024-05-15", "2024-06-19"),
    ],
    [
      "the current month (June) is not judged before it ends",
      uppf("2024-03-27", "2024-04-24", "2024-05-15"),
    ],
  ])("%s", (_name, followUps) => {
    expect(
      runRule(rule, johan, [], { events: [...chain, ...followUps], idag: "2024-06-20" }),
    ).toEqual([]);
  });

  test("a held activity 'Avstämning' (category uppfoljning) counts as a follow-up", () => {
    const avstamning = activity("J-202", "2024-05-15", "uppfoljning");
    const events = [...chain, ...uppf("2024-03-27", "2024-04-24", "2024-06-19")];
    expect(runRule(rule, johan, [avstamning], { events, idag: IDAG })).toEqual([]);
  });
});

describe("invalid", () => {
  test("the example workbook: no follow-up of Johan in May 2024", () => {
    const before = uppf("2024-04-24")[0];
    const after = uppf("2024-06-19")[0];
    const events = [
      ...chain,
      ...uppf("2024-03-27"),
      ...(before ? [before] : []),
      ...(after ? [after] : []),
    ];
    const findings = runRule(rule, johan, [], { events, idag: IDAG });
    expect(findings.map((f) => [f.ruleId, f.severity, f.from, f.to, f.message])).toEqual([
      [
        "JOBBSPAR.UPPFOLJNING",
        "warning",
        "2024-05-01",
        "2024-05-31",
        "Ingen uppföljning i maj 2024 (2024-05-01 – 2024-05-31; föregående 2024-04-24, nästa 2024-06-19). Krav: minst 1 uppföljning per kalendermånad som jobbspåret pågår.",
      ],
    ]);
    expect(findings[0]?.refs).toEqual(expect.arrayContaining([before?.refs[0], after?.refs[0]]));
  });

  test("a follow-up missed because the participant was absent does not count", () => {
    const missed = activity("J-202", "2024-05-15", "uppfoljning", {
      attendance: { status: "frånvarande", reason: "sjuk", certificate: null, reportedDate: null },
    });
    const events = [...chain, ...uppf("2024-03-27", "2024-04-24", "2024-06-19")];
    const findings = runRule(rule, johan, [missed], { events, idag: IDAG });
    expect(findings.map((f) => [f.severity, f.from, f.to])).toEqual([
      ["warning", "2024-05-01", "2024-05-31"],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'JOBBSPAR.UPPFOLJNING.antal | 2' asks for two a month", () => {
    const events = [...chain, ...uppf("2024-03-27", "2024-04-24", "2024-05-15", "2024-06-19")];
    const findings = runRule(rule, johan, [], {
      events,
      idag: IDAG,
      parameters: { "JOBBSPAR.UPPFOLJNING.antal": 2 },
    });
    expect(findings.map((f) => f.message)).toEqual([
      "För få uppföljningar i mars 2024 (2024-03-04 – 2024-03-31; nästa 2024-04-24). 1 av 2 uppföljningar. Krav: minst 2 uppföljningar per kalendermånad som jobbspåret pågår.",
      "För få uppföljningar i april 2024 (2024-04-01 – 2024-04-30; föregående 2024-03-27, nästa 2024-05-15). 1 av 2 uppföljningar. Krav: minst 2 uppföljningar per kalendermånad som jobbspåret pågår.",
      "För få uppföljningar i maj 2024 (2024-05-01 – 2024-05-31; föregående 2024-04-24, nästa 2024-06-19). 1 av 2 uppföljningar. Krav: minst 2 uppföljningar per kalendermånad som jobbspåret pågår.",
      "Nästa uppföljning i jobbspåret senast 2024-06-30 (ingen uppföljning i juni 2024 ännu).",
    ]);
  });

  test("the month's last day within three days with no follow-up yet is an info", () => {
    const events = [...chain, ...uppf("2024-03-27", "2024-04-24")];
    const findings = runRule(rule, johan, [], { events, idag: "2024-05-29" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-05-29",
        "2024-05-31",
        "Nästa uppföljning i jobbspåret senast 2024-05-31 (ingen uppföljning i maj 2024 ännu).",
      ],
    ]);
  });
});
