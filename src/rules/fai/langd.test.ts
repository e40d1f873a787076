/**
 * FAI1.LANGD and FAI2.LANGD, from the source's wording (1.1): "Arbetsprövning för
 * specificering av arbetsförmåga, tre månader, FAI 1"; "Arbetsnärmande förstegsaktiviteter,
 * tolv månader, FAI 2"; 2.4 "Förlängningar görs med en månad i taget".
 */
import { event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { FAI1_LANGD, FAI2_LANGD } from "./langd";

const fai1: Rule = FAI1_LANGD;
const fai2: Rule = FAI2_LANGD;

describe("valid", () => {
  test.each([
    ["FAI 1 'tre månader': 2024-03-04 – 2024-06-03", fai1, "FAI1", "2024-03-04", "2024-06-03", []],
    [
      "FAI 1 with a decided förlängning to 2024-07-03",
      fai1,
      "FAI1",
      "2024-03-04",
      "2024-07-03",
      [event("F-1", "2024-05-27", "förlängning", "2024-07-03")],
    ],
    ["FAI 2 'tolv månader': 2024-01-15 – 2025-01-14", fai2, "FAI2", "2024-01-15", "2025-01-14", []],
  ] as const)("%s", (_name, rule, programme, start, end, events) => {
    const p = participant("F-1", programme, start, end);
    expect(runRule(rule, p, [], { events: [...events] })).toEqual([]);
  });
});

describe("invalid", () => {
  test("FAI 1 running to 2024-06-14, past 'tre månader'", () => {
    const p = participant("F-1", "FAI1", "2024-03-04", "2024-06-14");
    const findings = runRule(fai1, p, []);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "FAI1.LANGD",
        severity: "error",
        from: "2024-06-04",
        to: "2024-06-14",
        message:
          "Perioden 2024-03-04 – 2024-06-14 är 11 dagar för lång: högst 3 månader, sista dag 2024-06-03.",
      }),
    ]);
    expect(findings[0]?.refs).toEqual(p.refs);
  });

  test("FAI 2 running a month past 'tolv månader' and its extension", () => {
    const p = participant("F-2", "FAI2", "2024-01-15", "2025-03-14");
    const ext = event("F-2", "2024-12-20", "förlängning", "2025-02-14");
    const findings = runRule(fai2, p, [], { events: [ext] });
    expect(findings.map((f) => [f.ruleId, f.severity, f.from, f.to, f.message])).toEqual([
      [
        "FAI2.LANGD",
        "error",
        "2025-02-15",
        "2025-03-14",
        "Perioden 2024-01-15 – 2025-03-14 är 28 dagar för lång: högst 12 månader (förlängd till 2025-02-14), sista dag 2025-02-14.",
      ],
    ]);
    expect(findings[0]?.refs).toEqual([p.refs[0], ext.refs[0]]);
  });
});

describe("parameters", () => {
  test("Inställningar 'FAI1.LANGD.månader | 4'", () => {
    const p = participant("F-1", "FAI1", "2024-03-04", "2024-06-14");
    expect(runRule(fai1, p, [], { parameters: { "FAI1.LANGD.månader": 4 } })).toEqual([]);
  });
});
