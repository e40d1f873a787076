/**
 * FAI.FORLANGNING, from the source's wording (2.4): "Förlängningar görs med en månad i taget
 * och med uppföljning veckovis."; (2.4.1) "Uppföljning under eventuell förlängning ska vara
 * via meddelandehantering i verksamhetssystemet en gång per vecka."
 */
import { event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { FAI_FORLANGNING } from "./forlangning";

const rule: Rule = FAI_FORLANGNING;
/** FAI 1 from 2024-03-04: three months end 2024-06-03; extended one month to 2024-07-03. */
const karin = participant("F-101", "FAI1", "2024-03-04", "2024-07-03");
const forlangning = (to: string) => event("F-101", "2024-05-27", "förlängning", to);
const status = (...dates: string[]) => dates.map((d) => event("F-101", d, "statusrapport"));
const WEEKLY = ["2024-06-07", "2024-06-14", "2024-06-21", "2024-06-28", "2024-07-02"];

describe("valid", () => {
  test.each([
    [
      "'en månad i taget' with a statusrapport every week",
      [forlangning("2024-07-03"), ...status(...WEEKLY)],
    ],
    ["no förlängning at all", []],
  ])("%s", (_name, events) => {
    expect(runRule(rule, karin, [], { events, idag: "2024-07-10" })).toEqual([]);
  });
});

describe("invalid", () => {
  test("no statusrapport in v. 25 of the extension", () => {
    const ext = forlangning("2024-07-03");
    const events = [ext, ...status(...WEEKLY.filter((d) => d !== "2024-06-21"))];
    const findings = runRule(rule, karin, [], { events, idag: "2024-07-10" });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "FAI.FORLANGNING",
        severity: "error",
        from: "2024-06-17",
        to: "2024-06-23",
        message:
          "Ingen statusrapport v. 25 2024 (2024-06-17 – 2024-06-23) under förlängningen till 2024-07-03. Krav: uppföljning en gång per vecka.",
      }),
    ]);
    expect(findings[0]?.refs).toContainEqual(ext.refs[0]);
  });

  test("a partial first week of the extension without a report is a warning", () => {
    const events = [forlangning("2024-07-03"), ...status(...WEEKLY.slice(1))];
    const findings = runRule(rule, karin, [], { events, idag: "2024-07-10" });
    expect(findings.map((f) => [f.severity, f.from, f.to])).toEqual([
      ["warning", "2024-06-04", "2024-06-09"],
    ]);
  });

  test("an extension of six weeks is more than 'en månad i taget'", () => {
    const ext = forlangning("2024-07-15");
    const findings = runRule(rule, karin, [], { events: [ext], idag: "2024-06-05" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-07-04",
        "2024-07-15",
        "Förlängningen från 2024-06-03 till 2024-07-15 är längre än 1 månad (högst till 2024-07-03).",
      ],
    ]);
    expect(findings[0]?.refs).toEqual(ext.refs);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'FAI.FORLANGNING.månader | 2'", () => {
    const events = [forlangning("2024-07-15")];
    expect(
      runRule(rule, karin, [], {
        events,
        idag: "2024-06-05",
        parameters: { "FAI.FORLANGNING.månader": 2 },
      }),
    ).toEqual([]);
  });

  test("this week's statusrapport due within three days: info", () => {
    const events = [forlangning("2024-07-03"), ...status("2024-06-07", "2024-06-14")];
    const findings = runRule(rule, karin, [], { events, idag: "2024-06-20" });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ["info", "Statusrapport för v. 25 2024 senast 2024-06-23 (förlängning)."],
    ]);
  });
});
