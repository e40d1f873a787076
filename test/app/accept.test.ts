/** Accepting a finding: the row in "Godkända avvikelser", never a personnummer in it. */
import { createApp } from "../../src/app";
import { acceptanceParticipantText, resolveAcceptances } from "../../src/app/acceptances";
import { ACCEPTANCES_SHEET } from "../../src/app/api";
import type { Acceptance } from "../../src/domain/model";
import { nacka, notes, replaceEverywhere, today, TODAY, valuesOf } from "./helpers";

const PNR = "19850101-1234";

test("accept writes the row, re-validates and the finding is accepted and no longer marked", async () => {
  const port = await nacka();
  const app = createApp(port, null, { today });
  const view = await app.validate();
  const finding = view.findings.find((f) => f.ruleId === "AMI.OGILTIG");
  if (finding === undefined) throw new Error("finding missing");

  await expect(app.accept(finding, "  ", null)).rejects.toThrow(/Skriv en orsak/);
  const after = await app.accept(finding, "KV meddelad per telefon i tid", "Lena Ås");

  expect(await valuesOf(port, ACCEPTANCES_SHEET)).toEqual([
    ["Deltagare", "Regel", "Från", "Till", "Orsak", "Godkänd av", "Datum"],
    [
      "N-101",
      "AMI.OGILTIG",
      finding.from ?? "",
      finding.to ?? "",
      "KV meddelad per telefon i tid",
      "Lena Ås",
      TODAY,
    ],
  ]);
  const accepted = after.findings.find((f) => f.ruleId === "AMI.OGILTIG");
  expect(accepted).toMatchObject({
    accepted: true,
    acceptance: { reason: "KV meddelad per telefon i tid", acceptedBy: "Lena Ås", date: TODAY },
  });
  expect(after.participants[0]).toMatchObject({ counts: { error: 0 }, accepted: 1 });
  expect(port.markedCells()).not.toContain("Aktiviteter!A247");
  expect(port.markedCells()).toContain("Aktiviteter!A296");
});

test("a participant whose register id is a personnummer: the name is written, it still matches", async () => {
  const port = await nacka((wb) => {
    replaceEverywhere(wb, "N-101", PNR);
  });
  const app = createApp(port, null, { today });
  const view = await app.validate();
  const finding = view.findings.find((f) => f.ruleId === "AMI.OGILTIG");
  if (finding === undefined) throw new Error("finding missing");
  expect(finding.participantLabel).toBe("19850101-**** Sara Lindqvist");

  const after = await app.accept(finding, "Meddelat i tid", null);
  const rows = await valuesOf(port, ACCEPTANCES_SHEET);
  expect(rows[1]?.slice(0, 2)).toEqual(["Sara Lindqvist", "AMI.OGILTIG"]);
  expect(after.findings.find((f) => f.ruleId === "AMI.OGILTIG")?.accepted).toBe(true);
  // The register holds the personnummer; what Schemakoll wrote (the row, the marks' notes) does not.
  expect(JSON.stringify(rows)).not.toContain("1234");
  const written = await notes(port);
  expect(written.length).toBeGreaterThan(0);
  expect(written.join("\n")).not.toContain("1234");
});

test.each<[string, { id: string; name: string | null }[], string | null]>([
  // The register id is not a personnummer: written as it is.
  ["N-101", [{ id: "N-101", name: "Sara" }], "N-101"],
  // A personnummer with a name nobody else has: the name.
  [
    PNR,
    [
      { id: PNR, name: "Sara Lindqvist" },
      { id: "N-2", name: "Ali" },
    ],
    "Sara Lindqvist",
  ],
  // Two participants share the name: the masked id, unique.
  [
    PNR,
    [
      { id: PNR, name: "Sara" },
      { id: "19900101-1234", name: "Sara" },
    ],
    "19850101-****",
  ],
  // No name, and another personnummer of the same birth date: nothing identifies the row.
  [
    PNR,
    [
      { id: PNR, name: null },
      { id: "19850101-5678", name: null },
    ],
    null,
  ],
])("acceptanceParticipantText(%s) among %j → %s", (id, participants, expected) => {
  const p = participants.find((x) => x.id === id);
  if (p === undefined) throw new Error("bad case");
  expect(acceptanceParticipantText(p, participants)).toBe(expected);
});

test.each<[string, string]>([
  ["Sara Lindqvist", PNR],
  ["sara  lindqvist", PNR],
  ["19850101-****", PNR],
  ["N-2", "N-2"],
  // Matches no one: kept as written (the engine then matches nothing).
  ["Okänd", "Okänd"],
])("resolveAcceptances: %s → %s", (written, id) => {
  const acceptance: Acceptance = {
    participantId: written,
    ruleId: "AMI.OGILTIG",
    from: null,
    to: null,
    reason: "x",
    acceptedBy: null,
    date: null,
    refs: [],
  };
  const participants = [
    { id: PNR, name: "Sara Lindqvist" },
    { id: "N-2", name: "Ali" },
  ];
  expect(resolveAcceptances([acceptance], participants)[0]?.participantId).toBe(id);
});

test("an acceptance sheet with its own column order gets the row in that order", async () => {
  const port = await nacka((wb) => {
    const sheet = wb.addWorksheet(ACCEPTANCES_SHEET);
    sheet.addRow(["Regel", "Deltagare", "Orsak", "Från", "Till"]);
  });
  const app = createApp(port, null, { today });
  const view = await app.validate();
  const finding = view.findings.find((f) => f.ruleId === "SAI.SFI");
  if (finding === undefined) throw new Error("finding missing");
  const after = await app.accept(finding, "Bytt SFI-tid", null);
  expect((await valuesOf(port, ACCEPTANCES_SHEET))[1]).toEqual([
    "SAI.SFI",
    "N-103",
    "Bytt SFI-tid",
    finding.from,
    finding.to,
  ]);
  expect(after.findings.find((f) => f.ruleId === "SAI.SFI")?.accepted).toBe(true);
});
