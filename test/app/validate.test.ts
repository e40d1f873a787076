/** createApp(...).validate over the file port: marks, findings as the task pane lists them. */
import { createApp } from "../../src/app";
import type { Progress } from "../../src/app/api";
import { nacka, today, valuesOf } from "./helpers";

// What `schemakoll validera` says about the example (Idag 2024-05-31 in Inställningar):
// N-101 AMI.OGILTIG [Aktiviteter!A247], N-102 AMI.INTYG [Aktiviteter!A296] and
// AMI.MANADSRAPPORT [Händelser!A45], N-103 SAI.SFI [Aktiviteter!A260]: 4 errors.
const ERRORS = [
  ["N-101 Sara Lindqvist", "AMI.OGILTIG", "Aktiviteter", "A247"],
  ["N-102 Ahmed Hassan", "AMI.INTYG", "Aktiviteter", "A296"],
  ["N-102 Ahmed Hassan", "AMI.MANADSRAPPORT", "Händelser", "A45"],
  ["N-103 Amina Yusuf", "SAI.SFI", "Aktiviteter", "A260"],
] as const;

test("validate lists the example's four errors with labels, programme and cells, and marks them", async () => {
  const port = await nacka();
  const steps: string[] = [];
  const progress: Progress = (step, fraction) => steps.push(`${step} ${fraction}`);
  const view = await createApp(port, null, { today }).validate(progress);

  expect(view.idag).toBe("2024-05-31");
  expect(view.empty).toBe(false);
  const errors = view.findings.filter((f) => f.severity === "error");
  expect(errors.map((f) => [f.participantLabel, f.ruleId, f.sheet, f.cells[0]])).toEqual(ERRORS);
  expect(errors[0]?.programme).toBe("JPG");
  // Keys are unique within the run.
  expect(new Set(view.findings.map((f) => f.key)).size).toBe(view.findings.length);

  const marked = port.markedCells();
  for (const [, , sheet, cell] of ERRORS) expect(marked).toContain(`${sheet}!${cell}`);
  // Every unaccepted finding's cells are marked, and nothing else.
  const expected = new Set(
    view.findings
      .filter((f) => !f.accepted)
      .flatMap((f) => f.refs.map((r) => `${r.sheet}!${r.cell}`)),
  );
  expect(new Set(marked)).toEqual(expected);
  expect(view.markedCells).toBe(expected.size);

  // Participants: N-101 one error, N-102 two, N-103 one, N-104 and N-105 none.
  expect(view.participants.map((p) => [p.label, p.counts.error])).toEqual([
    ["N-101 Sara Lindqvist", 1],
    ["N-102 Ahmed Hassan", 2],
    ["N-103 Amina Yusuf", 1],
    ["N-104 Erik Johansson", 0],
    ["N-105 Linnea Holm", 0],
  ]);
  expect(steps[0]).toBe("läser 0");
  expect(steps).toContain("kontrollerar 0.3");
  expect(steps).toContain("markerar 0.7");
  expect(steps.at(-1)).toBe("klar 1");
});

test("validating twice leaves exactly the second run's marks; clearMarks takes them all away", async () => {
  const port = await nacka();
  const app = createApp(port, null, { today });
  const before = await valuesOf(port, "Aktiviteter");
  await app.validate();
  expect(port.markedCells()).toContain("Aktiviteter!A247");

  // Three days to tell the karriärvägledare: absent 2024-04-16, told 2024-04-19 = 3 days after,
  // within the new deadline, so N-101's AMI.OGILTIG is gone.
  await port.writeCells("Inställningar", [
    { cell: "A5", value: "AMI.OGILTIG.dagar" },
    { cell: "B5", value: 3 },
  ]);
  const second = await app.validate();
  expect(second.findings.some((f) => f.ruleId === "AMI.OGILTIG")).toBe(false);
  const marked = port.markedCells();
  expect(marked).not.toContain("Aktiviteter!A247");
  expect(marked).toContain("Aktiviteter!A296");
  expect(marked).toHaveLength(second.markedCells);

  await app.clearMarks();
  expect(port.markedCells()).toEqual([]);
  expect(await valuesOf(port, "Aktiviteter")).toEqual(before);
});

test("select goes to the finding's cells; a finding without cells says so in Swedish", async () => {
  const port = await nacka();
  const app = createApp(port, null, { today });
  const view = await app.validate();
  const finding = view.findings.find((f) => f.ruleId === "AMI.MANADSRAPPORT");
  if (finding === undefined) throw new Error("finding missing");
  await app.select(finding);
  expect(port.selection).toEqual({ sheet: "Händelser", cells: finding.cells });
  await expect(app.select({ ...finding, sheet: null, cells: [] })).rejects.toThrow(
    /pekar inte på någon cell/,
  );
});

test("a workbook with no register, schedule or list is empty", async () => {
  const port = await nacka((wb) => {
    for (const name of ["Deltagare", "Aktiviteter", "Händelser", "Ersättningar", "Inställningar"])
      wb.removeWorksheet(wb.getWorksheet(name)?.id ?? -1);
  });
  const view = await createApp(port, null, { today }).validate();
  expect(view.empty).toBe(true);
  expect(view.idag).toBe("2024-06-14"); // no Inställningar: the machine's today
  expect(view.notices).toContain("Hittade inget schema i arbetsboken – välj blad under Mall.");
  expect(view.findings).toEqual([]);
});
