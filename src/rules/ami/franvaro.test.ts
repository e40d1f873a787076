/**
 * AMI.FRANVARO, from the source's wording (003 3.6): "All frånvaro ska redogöras i
 * månadsrapport med datum och orsak."
 */
import type { ActivityAttendance } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_FRANVARO } from "./franvaro";

const rule: Rule = AMI_FRANVARO;
const kund = participant("N-004", "JPG", "2024-03-04", "2024-04-30");
const at = (date: string, attendance: ActivityAttendance | null) =>
  activity("N-004", date, "praktik", { attendance, text: "Praktik" });
const absent = (reason: string | null): ActivityAttendance => ({
  status: "frånvarande",
  reason,
  certificate: null,
  reportedDate: null,
});

describe("valid: 'med datum och orsak'", () => {
  test.each([
    ["an absence with its reason", [at("2024-03-12", absent("sjuk"))]],
    [
      "attended and planned days need no reason",
      [
        at("2024-03-12", {
          status: "närvarande",
          reason: null,
          certificate: null,
          reportedDate: null,
        }),
        at("2024-03-13", null),
      ],
    ],
  ])("%s", (_name, acts) => {
    expect(runRule(rule, kund, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    ["no reason", absent(null)],
    ["a blank reason", absent("  ")],
  ])("%s", (_name, attendance) => {
    const findings = runRule(rule, kund, [at("2024-03-12", attendance)]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "error",
        "2024-03-12",
        "2024-03-12",
        "Frånvaro 2024-03-12 (Praktik) saknar orsak. All frånvaro ska redovisas med datum och orsak.",
      ],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});
