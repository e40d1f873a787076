/**
 * ITA.DEL2OBL, from the source's wording (2): "Del 2: Vägledningsinformation om arbetsmarknad
 * och studier, Studiebesök, Identifiera yrke och arbetsprövningsplats".
 */
import type { IsoDate } from "../../domain/date";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ITA_DEL2OBL } from "./del2obl";

const rule: Rule = ITA_DEL2OBL;
const p = {
  ...participant("I-1", "ITA", "2024-01-08", "2024-12-20"),
  itaDelar: {
    del1: "2024-01-08" as IsoDate,
    del2: "2024-02-19" as IsoDate,
    del3: "2024-09-02" as IsoDate,
  },
};
const all = [
  activity("I-1", "2024-03-05", "vagledning"),
  activity("I-1", "2024-04-10", "studiebesok"),
  activity("I-1", "2024-05-14", "identifiera_yrke"),
];

describe("valid", () => {
  test("one of each in del 2", () => {
    expect(runRule(rule, p, all, { idag: "2024-10-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test("del 2 ended without a studiebesök", () => {
    const acts = all.filter((a) => a.category !== "studiebesok");
    const findings = runRule(rule, p, acts, { idag: "2024-10-01" });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "ITA.DEL2OBL",
        severity: "error",
        from: "2024-02-19",
        to: "2024-09-01",
        message: "Del 2 (2024-02-19 – 2024-09-01) saknar: studiebesök.",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });

  test("a studiebesök in del 1 does not count; missed (frånvarande) does not count", () => {
    const acts = [
      activity("I-1", "2024-02-01", "studiebesok"),
      activity("I-1", "2024-03-05", "vagledning", {
        attendance: {
          status: "frånvarande",
          reason: "sjuk",
          certificate: null,
          reportedDate: null,
        },
      }),
      activity("I-1", "2024-05-14", "identifiera_yrke"),
    ];
    expect(runRule(rule, p, acts, { idag: "2024-10-01" }).map((f) => f.message)).toEqual([
      "Del 2 (2024-02-19 – 2024-09-01) saknar: vägledning/information om arbetsmarknad och studier, studiebesök.",
    ]);
  });

  test("during del 2: info with what is still missing", () => {
    const findings = runRule(rule, p, all.slice(0, 1), { idag: "2024-04-01" });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "info",
        "Del 2 (slutar 2024-09-01) har ännu inte: studiebesök, identifiera yrke och arbetsprövningsplats.",
      ],
    ]);
  });
});
