/**
 * AMI.AVSTAMNING, from the source's wording (003 6.3.2): "Anordnaren ska regelbundet minst en
 * gång per månad stämma av genomförandeplanen tillsammans med kund."
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_AVSTAMNING } from "./avstamning";

const rule: Rule = AMI_AVSTAMNING;
const kund = participant("N-008", "SAI", "2024-03-04", "2024-05-31");
const avst = (date: string) => activity("N-008", date, "avstamning", { text: "Avstämning GP" });
const planTo = () => activity("N-008", "2024-05-31", "sfi");

describe("valid: 'minst en gång per månad stämma av genomförandeplanen'", () => {
  test.each([
    ["one avstämning a month", [avst("2024-03-20"), avst("2024-04-17"), avst("2024-05-15")], []],
    [
      "a Händelser 'avstämning genomförandeplan' counts",
      [avst("2024-03-20"), avst("2024-05-15")],
      [event("N-008", "2024-04-10", "avstämning genomförandeplan")],
    ],
  ])("%s", (_name, acts, events) => {
    expect(runRule(rule, kund, [...acts, planTo()], { events })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "no avstämning in April",
      [avst("2024-03-20"), avst("2024-05-15")],
      "Ingen avstämning av genomförandeplanen med kunden i 2024-04 (2024-04-01 – 2024-04-30). Krav: minst 1 per månad.",
    ],
    [
      "April's avstämning missed: VAB",
      [
        avst("2024-03-20"),
        activity("N-008", "2024-04-17", "avstamning", {
          attendance: {
            status: "frånvarande",
            reason: "VAB",
            certificate: null,
            reportedDate: null,
          },
        }),
        avst("2024-05-15"),
      ],
      "Ingen avstämning av genomförandeplanen med kunden i 2024-04 (2024-04-01 – 2024-04-30). Krav: minst 1 per månad. Planerad avstämning hölls inte: VAB 2024-04-17.",
    ],
  ])("%s", (_name, acts, message) => {
    const findings = runRule(rule, kund, [...acts, planTo()]);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      ["warning", "2024-04-01", "2024-04-30", message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.AVSTAMNING.antal | 2'", () => {
    const acts = [
      avst("2024-03-20"),
      avst("2024-03-27"),
      avst("2024-04-17"),
      avst("2024-05-08"),
      avst("2024-05-15"),
    ];
    const findings = runRule(rule, kund, [...acts, planTo()], {
      parameters: { "AMI.AVSTAMNING.antal": 2 },
    });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "warning",
        "1 avstämning av genomförandeplanen med kunden i 2024-04 (2024-04-01 – 2024-04-30). Krav: minst 2 per månad.",
      ],
    ]);
  });

  test("the month ends within three days without an avstämning: info", () => {
    const acts = [avst("2024-03-20"), avst("2024-04-30"), avst("2024-05-15")];
    const findings = runRule(rule, kund, [...acts, planTo()], { idag: "2024-04-28" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-04-28",
        "2024-04-30",
        "Månadens avstämning av genomförandeplanen (2024-04) senast 2024-04-30 (planerad 2024-04-30).",
      ],
    ]);
  });
});
