/**
 * JOBBSPAR.GLAPP, from the source's wording (Genomförandefas): "Behöver särskilt vara
 * uppmärksam i övergången mellan insatser och säkerställa att det inte blir glapp för
 * deltagare eller arbetsgivare."
 */
import { event, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { JOBBSPAR_GLAPP } from "./glapp";

const rule: Rule = JOBBSPAR_GLAPP;
const johan = participant("J-202", "JOBBSPAR", "2024-03-04", "2024-08-23");
const insats = (name: string, from: string, to: string) =>
  event("J-202", from, "insats", `${name}, ${from}–${to}`);

describe("valid: no gap of more than 3 working days between insatser", () => {
  test.each([
    [
      "Friday to Monday, 'i följd efter varandra' (0 arbetsdagar)",
      [
        ["Introduktionsvecka", "2024-03-04", "2024-03-08"],
        ["Utbildning truckkort A+B", "2024-03-11", "2024-04-05"],
      ],
    ],
    [
      "långfredagen and annandag påsk are not working days (2 arbetsdagar, not 4)",
      [
        ["Utbildning", "2024-03-04", "2024-03-27"],
        ["Praktik", "2024-04-03", "2024-05-31"],
      ],
    ],
    [
      "'och/eller parallellt': the gap counts from the insats that ends last",
      [
        ["Yrkessvenska", "2024-03-04", "2024-03-28"],
        ["Studiebesök", "2024-03-11", "2024-03-12"],
        ["Praktik", "2024-04-02", "2024-05-31"],
      ],
    ],
    [
      "an Avser that cannot be read is skipped (the reader reports it)",
      [
        ["Introduktionsvecka", "2024-03-04", "2024-03-08"],
        ["Praktik", "2024-06-03", "någon gång"],
      ],
    ],
  ])("%s", (_name, chain) => {
    const events = chain.map(([n, f, t]) => insats(n ?? "", f ?? "", t ?? ""));
    expect(runRule(rule, johan, [], { events })).toEqual([]);
  });
});

describe("invalid", () => {
  const truck = insats("Utbildning truckkort A+B", "2024-03-11", "2024-04-05");
  const praktik = insats("Praktik på Lagercentralen", "2024-04-15", "2024-08-23");

  test("the example workbook's gap: truck training ends 2024-04-05, praktik starts 2024-04-15", () => {
    const findings = runRule(rule, johan, [], { events: [truck, praktik] });
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "JOBBSPAR.GLAPP",
        severity: "warning",
        participantId: "J-202",
        from: "2024-04-08",
        to: "2024-04-12",
        message:
          "Glapp på 5 arbetsdagar (2024-04-08 – 2024-04-12) mellan ”Utbildning truckkort A+B” (slut 2024-04-05) och ”Praktik på Lagercentralen” (start 2024-04-15). Högst 3 arbetsdagar utan insats.",
      }),
    ]);
    expect(findings[0]?.refs).toEqual([truck.refs[0], praktik.refs[0]]);
  });

  test("a gap after parallel insatser is measured from the latest end", () => {
    const findings = runRule(rule, johan, [], {
      events: [
        insats("Yrkessvenska", "2024-03-04", "2024-03-22"),
        insats("Studiebesök", "2024-03-11", "2024-03-12"),
        insats("Praktik", "2024-04-08", "2024-05-31"),
      ],
    });
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual([
      [
        "warning",
        "2024-03-25",
        "2024-04-05",
        "Glapp på 8 arbetsdagar (2024-03-25 – 2024-04-05) mellan ”Yrkessvenska” (slut 2024-03-22) och ”Praktik” (start 2024-04-08). Högst 3 arbetsdagar utan insats.",
      ],
    ]);
  });
});

describe("parameters", () => {
  test("Inställningar 'JOBBSPAR.GLAPP.arbetsdagar | 5' allows the example's gap", () => {
    const events = [
      insats("Utbildning truckkort A+B", "2024-03-11", "2024-04-05"),
      insats("Praktik på Lagercentralen", "2024-04-15", "2024-08-23"),
    ];
    expect(
      runRule(rule, johan, [], { events, parameters: { "JOBBSPAR.GLAPP.arbetsdagar": 5 } }),
    ).toEqual([]);
    expect(
      runRule(rule, johan, [], { events, parameters: { "JOBBSPAR.GLAPP.arbetsdagar": 4 } }),
    ).toHaveLength(1);
  });
});
