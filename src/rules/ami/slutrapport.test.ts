/**
 * AMI.SLUTRAPPORT, from the source's wording (003 6.6): "Anordnare av arbetsmarknadsinsatser ska
 * inkomma med slutrapport för aktuell kund innan insatstiden är slut. I dialog med
 * karriärvägledare kan slutrapport skickas in i anslutning till uppdragets slutdatum, dock
 * senast 14 dagar efter avslutad insats. Denna möjlighet gäller när avslut sker på grund av
 * oförutsatta situationer."
 */
import { activity, event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { AMI_SLUTRAPPORT } from "./slutrapport";

const rule: Rule = AMI_SLUTRAPPORT;
const kund = participant("N-012", "SAI", "2024-01-08", "2024-06-28");
const plan = [activity("N-012", "2024-06-28", "sfi")];
const slut = (date: string) => [event("N-012", date, "slutrapport")];

describe("valid: 'innan insatstiden är slut'", () => {
  test.each([
    ["in a week before slutdatum", slut("2024-06-20")],
    ["in on slutdatum", slut("2024-06-28")],
  ])("%s", (_name, events) => {
    expect(runRule(rule, kund, plan, { events, idag: "2024-08-01" })).toEqual([]);
  });
});

describe("invalid", () => {
  test.each([
    [
      "'dock senast 14 dagar efter avslutad insats': 10 days after is a warning",
      slut("2024-07-08"),
      "warning",
      "2024-07-08",
      "Slutrapporten inkom 2024-07-08, 10 dagar efter slutdatum 2024-06-28; tillåtet bara vid oförutsett avslut (senast 2024-07-12).",
    ],
    [
      "20 days after is an error",
      slut("2024-07-18"),
      "error",
      "2024-07-18",
      "Slutrapporten inkom 2024-07-18, 20 dagar efter slutdatum 2024-06-28; senast 2024-07-12 även vid oförutsett avslut.",
    ],
    [
      "missing",
      [],
      "error",
      "2024-07-12",
      "Slutrapport saknas; slutdatum 2024-06-28, senast 2024-07-12 även vid oförutsett avslut.",
    ],
  ])("%s", (_name, events, severity, to, message) => {
    const findings = runRule(rule, kund, plan, { events, idag: "2024-08-01" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [severity, "2024-06-28", to, message],
    ]);
    expect(findings[0]?.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters and Snart", () => {
  test("Inställningar 'AMI.SLUTRAPPORT.dagar | 21'", () => {
    const findings = runRule(rule, kund, plan, {
      events: slut("2024-07-18"),
      idag: "2024-08-01",
      parameters: { "AMI.SLUTRAPPORT.dagar": 21 },
    });
    expect(findings.map((f) => f.severity)).toEqual(["warning"]);
  });

  test("slutdatum within three days is an info", () => {
    const findings = runRule(rule, kund, plan, { idag: "2024-06-26" });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "info",
        "2024-06-26",
        "2024-06-28",
        "Slutrapporten ska inkomma senast slutdatum 2024-06-28.",
      ],
    ]);
  });
});
