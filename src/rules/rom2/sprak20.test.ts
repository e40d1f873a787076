/**
 * ROM2.SPRAK20, from the source's wording: "Insatsen kan endast utgöra 20 % av tiden i
 * tjänsten. … Språkträningen ska därför utgöra en mindre del av tjänsten."
 */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_SPRAK20 } from "./sprak20";

const rule: Rule = ROM2_SPRAK20;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");
/** "Valbar aktivitet hos LEV- Stöd för att höja deltagaren språkkunskaper: Språkträning i form av rollspel", 4 h */
const sprak = (date: string) => activity("R-001", date, 8);
/** "Eget arbete- praktiskt stöd: Skriva CV och personligt brev", 4 h */
const cv = (date: string) => activity("R-001", date, 3);

describe("valid", () => {
  test.each([
    [
      "4 h språkträning of 20 h is exactly '20 % av tiden'",
      [sprak("2024-03-04"), cv("2024-03-05"), cv("2024-03-06"), cv("2024-03-07"), cv("2024-03-08")],
    ],
    ["no språkträning at all", [cv("2024-03-04"), cv("2024-03-05")]],
  ])("%s", (_name, acts) => {
    expect(runRule(rule, anna, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test("8 h of 20 h is more than 'endast … 20 % av tiden i tjänsten'", () => {
    const findings = runRule(rule, anna, [
      sprak("2024-03-04"),
      sprak("2024-03-05"),
      cv("2024-03-06"),
      cv("2024-03-07"),
      cv("2024-03-08"),
    ]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-03-04",
        "2024-03-08",
        "Språkträning 8 h av 20 h schemalagd tid 2024-03-04 – 2024-03-08 (40 %). Krav: högst 20 % av tiden i tjänsten.",
      ],
    ]);
    expect(findings[0]?.refs).toHaveLength(2);
  });
});

describe("parameters", () => {
  test("Inställningar 'ROM2.SPRAK20.andel | 40' allows 8 h of 20 h", () => {
    const acts = [
      sprak("2024-03-04"),
      sprak("2024-03-05"),
      cv("2024-03-06"),
      cv("2024-03-07"),
      cv("2024-03-08"),
    ];
    expect(runRule(rule, anna, acts, { parameters: { "ROM2.SPRAK20.andel": 40 } })).toEqual([]);
  });
});
