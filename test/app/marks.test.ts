/** What a validation writes: marks and the findings sheet never carry a personnummer. */
import { findingsSheet, marksOf } from "../../src/app";
import { writableMessage } from "../../src/app/marks";
import type { Finding } from "../../src/rules/types";

test.each<[string | null, string, string]>([
  // A valid personnummer anywhere in a message is masked.
  [null, "Dubblett av 19640823-3234 i registret", "Dubblett av 19640823-**** i registret"],
  // The finding's own id, check digit wrong, still masked.
  ["19850101-1234", "kunde inte prövas för 19850101-1234", "kunde inte prövas för 19850101-****"],
  // A phone number or an amount stays (not Luhn-valid, not the participant).
  [
    "N-101",
    "Ring 0701234567, summa 123456789012345 kr",
    "Ring 0701234567, summa 123456789012345 kr",
  ],
])("participant %s: %s → %s", (participantId, text, masked) => {
  expect(writableMessage({ participantId }, text)).toBe(masked);
});

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: "AMI.INTYG",
  severity: "error",
  participantId: "19850101-1234",
  refs: [
    { sheet: "Aktiviteter", cell: "A5", text: "" },
    { sheet: "Aktiviteter", cell: "B5", text: "" },
    { sheet: "Händelser", cell: "C2", text: "" },
  ],
  from: null,
  to: null,
  message: "Regeln AMI.INTYG kunde inte prövas för 19850101-1234: fel",
  explanation: null,
  source: "003",
  accepted: false,
  acceptance: null,
  ...over,
});

test("marks: one per sheet of each unaccepted finding, the note masked", () => {
  const marks = marksOf([
    finding({}),
    finding({ accepted: true, refs: [{ sheet: "X", cell: "A1", text: "" }] }),
  ]);
  expect(marks).toEqual([
    {
      sheet: "Aktiviteter",
      cells: ["A5", "B5"],
      severity: "error",
      note: "AMI.INTYG: Regeln AMI.INTYG kunde inte prövas för 19850101-****: fel",
    },
    {
      sheet: "Händelser",
      cells: ["C2"],
      severity: "error",
      note: "AMI.INTYG: Regeln AMI.INTYG kunde inte prövas för 19850101-****: fel",
    },
  ]);
});

test("the findings sheet masks the id and the message, and links to the first cell", () => {
  const sheet = findingsSheet([finding({})]);
  const row = sheet.rows[1]?.map((c) => c.value);
  expect(row).toEqual([
    "19850101-****",
    "AMI.INTYG",
    "fel",
    "",
    "",
    "Regeln AMI.INTYG kunde inte prövas för 19850101-****: fel",
    "003",
    "nej",
    "Aktiviteter!A5,B5",
  ]);
  expect(sheet.rows[1]?.[8]?.hyperlink).toBe("#'Aktiviteter'!A5");
});
