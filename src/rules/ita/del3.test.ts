/** ITA.DEL3, from the source's wording (2): "Del 3: Arbetsprövning". */
import type { IsoDate } from "../../domain/date";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ITA_DEL3 } from "./del3";

const rule: Rule = ITA_DEL3;
const p = {
  ...participant("I-1", "ITA", "2024-01-08", "2024-12-20"),
  itaDelar: {
    del1: "2024-01-08" as IsoDate,
    del2: "2024-02-19" as IsoDate,
    del3: "2024-09-02" as IsoDate,
  },
};
const ap = (date: string) => activity("I-1", date, "arbetsprovning");
const other = (date: string) => activity("I-1", date, "halsa");

describe("valid: arbetsprövning every full week of del 3", () => {
  test.each([
    [
      "weeks 36 and 37",
      [other("2024-08-28"), ap("2024-09-03"), ap("2024-09-10"), other("2024-09-13")],
    ],
    ["del 2 weeks need none", [other("2024-08-20"), other("2024-08-30")]],
  ])("%s", (_name, acts) => {
    expect(runRule(rule, p, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test("v. 37 of del 3 without arbetsprövning", () => {
    const findings = runRule(rule, p, [ap("2024-09-03"), other("2024-09-13")]);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "ITA.DEL3",
        severity: "error",
        from: "2024-09-09",
        to: "2024-09-13",
        message:
          "Ingen arbetsprövning v. 37 2024 (2024-09-09 – 2024-09-13). Krav: arbetsprövning varje vecka i del 3.",
      }),
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});
