/**
 * SAI.SFI, from the source's wording (003 2.3.2.1): "Kund studerar SFI 3 timmar/dag och det
 * accepteras inte att andra insatser inkräkta på SFI studierna eventuellt kan en byta mellan
 * studier på förmiddagen eller eftermiddagen."
 */
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { SAI_SFI } from "./sfi";

const rule: Rule = SAI_SFI;
const kund = participant("N-009", "SAI", "2024-03-04", "2024-05-31");
const at = (category: string, text: string, start: number, end: number) =>
  activity("N-009", "2024-03-12", category, { text, start, end, hours: (end - start) / 60 });

describe("valid: 'SFI 3 timmar/dag'", () => {
  test.each([
    [
      "SFI in the morning, språkträning in the afternoon",
      [at("sfi", "SFI", 540, 720), at("spraktraning", "Språkträning", 780, 960)],
    ],
    [
      "'byta mellan studier på förmiddagen eller eftermiddagen'",
      [at("spraktraning", "Språkträning", 480, 720), at("sfi", "SFI", 780, 960)],
    ],
  ])("%s", (_name, acts) => {
    expect(runRule(rule, kund, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "'det accepteras inte att andra insatser inkräkta på SFI studierna'",
      [at("sfi", "SFI", 540, 720), at("spraktraning", "Språkträning", 660, 900)],
      "Språkträning 11:00–15:00 inkräktar på SFI 9:00–12:00 2024-03-12.",
    ],
    [
      "two hours of SFI",
      [at("sfi", "SFI", 540, 660), at("spraktraning", "Språkträning", 780, 960)],
      "SFI 2024-03-12: 2 h, krav 3 h per studiedag.",
    ],
  ])("%s", (_name, acts, message) => {
    const findings = runRule(rule, kund, acts);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["error", "2024-03-12", "2024-03-12", message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

test("Inställningar 'SAI.SFI.timmar | 2'", () => {
  expect(
    runRule(rule, kund, [at("sfi", "SFI", 540, 660)], { parameters: { "SAI.SFI.timmar": 2 } }),
  ).toEqual([]);
});
