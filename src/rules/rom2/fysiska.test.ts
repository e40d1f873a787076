/**
 * ROM2.FYSISKA, from the source's wording: "Minst hälften (varannan gång) av de möten som
 * anordnas ska vara fysiska möten med deltagarna, resterande möten kan utföras som eget arbete
 * (på distans) och/eller som en aktivitet hos leverantören".
 */
import type { Activity } from "../../domain/model";
import { activity, participant, runRule } from "../testing";
import type { Rule } from "../types";
import { ROM2_FYSISKA } from "./fysiska";

const rule: Rule = ROM2_FYSISKA;
const anna = participant("R-001", "ROM2", "2024-03-04", "2024-06-28");
/** "OBL-Valbar aktivitet hos LEV - Praktiskt stöd: Gå igenom CV och personligt brev och få feedback" */
const hosLev = (date: string, extra: Partial<Activity> = {}) =>
  activity("R-001", date, 3, { mode: "hos leverantör", ...extra });
/** "Eget arbete- Information om arbetsmarknaden: Webbinar om arbetsmarknaden i Skellefteå" */
const distans = (date: string) => activity("R-001", date, 4, { mode: "eget arbete" });
const sick = {
  status: "frånvarande" as const,
  reason: "sjuk",
  certificate: null,
  reportedDate: null,
};

describe("valid", () => {
  test.each([
    [
      "a physical meeting every week",
      [hosLev("2024-03-05"), hosLev("2024-03-12"), hosLev("2024-03-19")],
    ],
    [
      "'varannan gång': distance, physical, distance",
      [distans("2024-03-05"), hosLev("2024-03-12"), distans("2024-03-19")],
    ],
  ])("%s", (_name, acts) => {
    expect(runRule(rule, anna, acts)).toEqual([]);
  });
});

describe("invalid", () => {
  const table: [string, Activity[], [string, string, string, string][]][] = [
    [
      "1 physical week of 4 is less than 'minst hälften'; weeks 11–13 are three in a row without",
      [hosLev("2024-03-05"), distans("2024-03-12"), distans("2024-03-19"), distans("2024-03-26")],
      [
        [
          "error",
          "2024-03-04",
          "2024-03-26",
          "1 av 4 veckor med valbara aktiviteter har ett fysiskt möte hos leverantören (25 %). Krav: minst 50 % (varannan gång).",
        ],
        [
          "warning",
          "2024-03-11",
          "2024-03-26",
          "Vecka 11 2024 – vecka 13 2024: inget fysiskt möte hos leverantören 3 veckor i följd. Krav: minst varannan gång ett fysiskt möte.",
        ],
      ],
    ],
    [
      "two weeks in a row 'som eget arbete (på distans)' is a warning even when half are physical",
      [hosLev("2024-03-05"), distans("2024-03-12"), distans("2024-03-19"), hosLev("2024-03-26")],
      [
        [
          "warning",
          "2024-03-11",
          "2024-03-22",
          "Vecka 11 2024 – vecka 12 2024: inget fysiskt möte hos leverantören 2 veckor i följd. Krav: minst varannan gång ett fysiskt möte.",
        ],
      ],
    ],
    [
      "a physical meeting missed because the participant was sick: a warning naming the absence",
      [
        distans("2024-03-05"),
        hosLev("2024-03-12", { attendance: sick }),
        distans("2024-03-13"),
        distans("2024-03-19"),
        hosLev("2024-03-26"),
      ],
      [
        [
          "warning",
          "2024-03-04",
          "2024-03-26",
          "1 av 4 veckor med valbara aktiviteter har ett fysiskt möte hos leverantören (25 %). Krav: minst 50 % (varannan gång). Planerat fysiskt möte hölls inte: sjuk 2024-03-12.",
        ],
        [
          "warning",
          "2024-03-04",
          "2024-03-22",
          "Vecka 10 2024 – vecka 12 2024: inget fysiskt möte hos leverantören 3 veckor i följd. Krav: minst varannan gång ett fysiskt möte.",
        ],
      ],
    ],
  ];
  test.each(table)("%s", (_name, acts, expected) => {
    const findings = runRule(rule, anna, acts);
    expect(findings.map((f) => [f.severity, f.from, f.to, f.message])).toEqual(expected);
    for (const f of findings) expect(f.refs.length).toBeGreaterThan(0);
  });
});

describe("parameters", () => {
  test("Inställningar 'ROM2.FYSISKA.andel | 25': one physical week of four meets the share (three in a row still warns)", () => {
    const acts = [
      hosLev("2024-03-05"),
      distans("2024-03-12"),
      hosLev("2024-03-19"),
      distans("2024-03-26"),
    ];
    expect(runRule(rule, anna, acts)).toEqual([]);
    const fewer = [
      hosLev("2024-03-05"),
      distans("2024-03-12"),
      distans("2024-03-19"),
      distans("2024-03-26"),
    ];
    expect(
      runRule(rule, anna, fewer, { parameters: { "ROM2.FYSISKA.andel": 25 } }).map(
        (f) => f.severity,
      ),
    ).toEqual(["warning"]);
  });
});
