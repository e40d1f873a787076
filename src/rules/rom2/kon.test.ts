/** ROM2.KON, from the source's wording: "All individbaserad statistik ska vara uppdelad efter kön." */
import type { Participant } from "../../domain/model";
import { participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_KON } from "./kon";

const rule: Rule = ROM2_KON;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");

describe("valid", () => {
  test.each<[string, Participant]>([
    ["kvinna", anna],
    ["man", { ...anna, kon: "man" }],
    ["annat", { ...anna, kon: "annat" }],
  ])("kön %s", (_name, p) => {
    expect(runRule(rule, p, [])).toEqual([]);
  });
});

describe("invalid", () => {
  test("no kön in the register: a warning on the register row", () => {
    const findings = runRule(rule, { ...anna, kon: null }, []);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message, f.refs])).toEqual([
      [
        "warning",
        "2024-03-04",
        "2024-06-28",
        "R-001 saknar kön i registret. Krav: all individbaserad statistik ska vara uppdelad efter kön.",
        [{ sheet: "Deltagare", cell: "A2", text: "R-001" }],
      ],
    ]);
  });
});
