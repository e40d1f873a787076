/** The Mall form: the recognised map, and a hand correction stored hidden and used next time. */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { createApp } from "../../src/app";
import type { TemplateSheetView } from "../../src/app/api";
import { TEMPLATE_MAP_SHEET, templateMapFromValues } from "../../src/read/workbook";
import { FileWorkbook } from "../../src/workbook/file";
import { nacka, replaceEverywhere, today, valuesOf } from "./helpers";

/** Aktiviteter with headers no reader knows (the data rows as they are). */
const ODD_HEADERS = [
  "Dag nr",
  "Kundnr",
  "Kl. in",
  "Kl. ut",
  "Vad",
  "Hur",
  "Kom",
  "Varför",
  "Papper",
  "Sagt till",
];

test("readTemplate lists the recognised sheets and the one that is not, and the concepts per kind", async () => {
  const app = createApp(await nacka(), null, { today });
  const view = await app.readTemplate();
  expect(view.sheets.map((s) => [s.sheet, s.kind, s.anchor])).toEqual([
    ["Inställningar", "settings", "A1"],
    ["Deltagare", "register", "A1"],
    ["Ersättningar", "tariffs", "A1"],
    ["Aktiviteter", "activitylist", "A1"],
    ["Händelser", "events", "A1"],
    ["Om exemplet", null, null],
  ]);
  expect(view.sheets.find((s) => s.sheet === "Aktiviteter")?.columns).toMatchObject({
    date: "A",
    participant: "B",
    reported: "J",
  });
  expect(view.conceptsByKind.activitylist).toEqual(
    expect.arrayContaining(["participant", "date", "start", "end", "activity", "reported"]),
  );
  expect(view.conceptsByKind.weekgrid).toEqual([]);
});

test("a corrected sheet is stored in the hidden sheet and the next validation reads it", async () => {
  const port = await nacka((wb) => {
    const sheet = wb.getWorksheet("Aktiviteter");
    ODD_HEADERS.forEach((text, i) => {
      if (sheet) sheet.getCell(1, i + 1).value = text;
    });
  });
  const app = createApp(port, null, { today });
  // Not recognised: no activities, so N-101's late-reported absence is not found.
  const before = await app.validate();
  expect(before.findings.some((f) => f.ruleId === "AMI.OGILTIG")).toBe(false);
  const odd = (await app.readTemplate()).sheets.find((s) => s.sheet === "Aktiviteter");
  expect(odd?.kind).toBeNull();

  const corrected: TemplateSheetView = {
    sheet: "Aktiviteter",
    kind: "activitylist",
    anchor: "A1",
    columns: {
      date: "A",
      participant: "B",
      start: "C",
      end: "D",
      activity: "E",
      mode: "F",
      attendance: "G",
      reason: "H",
      certificate: "I",
      reported: "J",
    },
    participant: null,
    programme: null,
    manual: false,
  };
  const view = await app.saveTemplateSheet(corrected);
  expect(view.sheets.find((s) => s.sheet === "Aktiviteter")).toMatchObject({
    kind: "activitylist",
    manual: true,
    columns: corrected.columns,
  });

  // Stored hidden, as the reader's own format.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await port.toBuffer()) as unknown as ArrayBuffer);
  expect(workbook.getWorksheet(TEMPLATE_MAP_SHEET)?.state).toBe("hidden");
  const stored = templateMapFromValues(await valuesOf(port, TEMPLATE_MAP_SHEET));
  expect(stored?.sheets.find((s) => s.sheet === "Aktiviteter")).toMatchObject({
    kind: "activitylist",
    manual: true,
  });

  // The next validation reads the activities with the stored map (a new app: nothing cached).
  const after = await createApp(port, null, { today }).validate();
  expect(after.findings.find((f) => f.ruleId === "AMI.OGILTIG")).toMatchObject({
    participantLabel: "N-101 Sara Lindqvist",
    sheet: "Aktiviteter",
    cells: expect.arrayContaining(["A247"]) as unknown,
  });
});

test.each<[string, Partial<TemplateSheetView>, RegExp]>([
  ["a bad anchor", { anchor: "1A" }, /ingen celladress/],
  ["an unknown concept", { columns: { lön: "B" } }, /finns inte/],
  ["a bad column", { columns: { date: "1" } }, /ingen kolumn/],
  ["a missing sheet", { sheet: "Finns inte" }, /finns inte i arbetsboken/],
])("%s is refused in Swedish", async (_, change, message) => {
  const app = createApp(await nacka(), null, { today });
  const base: TemplateSheetView = {
    sheet: "Aktiviteter",
    kind: "activitylist",
    anchor: "A1",
    columns: { date: "A", participant: "B", activity: "E" },
    participant: null,
    programme: null,
    manual: false,
  };
  await expect(app.saveTemplateSheet({ ...base, ...change })).rejects.toThrow(message);
});

test("a week grid given a participant whose id is a personnummer: stored by name, never the number", async () => {
  const PNR = "19850101-1234";
  const OTHER = "19640823-3234";
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(__dirname, "../../assets/exempel/rom2-veckoscheman.xlsx"));
  replaceEverywhere(workbook, "R-002", PNR);
  // The unknown participant's heading names someone by a (Luhn-valid) personnummer too: it is
  // in the week grid's signature, which is stored masked.
  const heading = workbook.getWorksheet("Ny deltagare")?.getCell("A1");
  if (heading) heading.value = `David Okänd ${OTHER}`;
  const port = await FileWorkbook.fromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
  const app = createApp(port, null, { today });
  const before = await app.validate();
  expect(before.findings.find((f) => f.ruleId === "LAS.DELTAGARE")?.sheet).toBe("Ny deltagare");

  const view = await app.saveTemplateSheet({
    sheet: "Ny deltagare",
    kind: "weekgrid",
    anchor: "A3",
    columns: {},
    participant: PNR,
    programme: "ROM2",
    manual: true,
  });
  // In memory (and in the view) the register id; in the workbook the name.
  expect(view.sheets.find((s) => s.sheet === "Ny deltagare")).toMatchObject({
    participant: PNR,
    manual: true,
  });
  const stored = await valuesOf(port, TEMPLATE_MAP_SHEET);
  expect(JSON.stringify(stored)).not.toContain("1234");
  expect(JSON.stringify(stored)).not.toContain("3234");
  expect(JSON.stringify(stored)).toContain("19640823-****");
  expect(
    templateMapFromValues(stored)?.sheets.find((s) => s.sheet === "Ny deltagare"),
  ).toMatchObject({
    participant: "Bo Berg",
    manual: true,
  });
  const after = await createApp(port, null, { today }).validate();
  expect(after.findings.some((f) => f.ruleId === "LAS.DELTAGARE")).toBe(false);
  // The masked signature was matched to the sheet's own: not "changed since the map was saved".
  expect(after.notices.join(" ")).not.toMatch(/ändrats/);
});
