/** Inställningar read and saved through the app, and the engine using what was saved. */
import { createApp } from "../../src/app";
import { SETTINGS_SHEET } from "../../src/app/api";
import type { IsoDate } from "../../src/domain/date";
import { nacka, today, valuesOf } from "./helpers";

test("readSettings shows the example's settings and every rule parameter with its default", async () => {
  const app = createApp(await nacka(), null, { today });
  const view = await app.readSettings();
  expect(view).toMatchObject({ idag: "2024-05-31", fullTimeHours: 40, anordnare: "Exempel AB" });
  expect(view.parameters.find((p) => p.key === "AMI.OGILTIG.dagar")).toEqual({
    key: "AMI.OGILTIG.dagar",
    ruleId: "AMI.OGILTIG",
    description: "dagar efter frånvarodagen då karriärvägledaren senast ska ha meddelats",
    defaultValue: 1,
    value: null,
  });
  expect(new Set(view.parameters.map((p) => p.key)).size).toBe(view.parameters.length);
});

test("saved settings are read back, written in place, and the engine uses them", async () => {
  const port = await nacka();
  const app = createApp(port, null, { today });
  const saved = await app.saveSettings({
    idag: "2024-05-20" as IsoDate,
    fullTimeHours: 38.25,
    parameters: { "AMI.OGILTIG.dagar": 3 },
  });
  expect(saved).toMatchObject({
    idag: "2024-05-20",
    fullTimeHours: 38.25,
    anordnare: "Exempel AB",
  });
  expect(saved.parameters.find((p) => p.key === "AMI.OGILTIG.dagar")?.value).toBe(3);
  // Existing rows updated in place (Idag row 3, Heltid row 4), the parameter appended as row 5.
  expect(await valuesOf(port, SETTINGS_SHEET)).toEqual([
    ["Parameter", "Värde"],
    ["Anordnare", "Exempel AB"],
    ["Idag", "2024-05-20"],
    ["Heltid timmar", 38.25],
    ["AMI.OGILTIG.dagar", 3],
  ]);
  const view = await app.validate();
  expect(view.idag).toBe("2024-05-20");
  // Absent 2024-04-16, told 2024-04-19: 3 days, within the saved deadline of 3 days.
  expect(view.findings.some((f) => f.ruleId === "AMI.OGILTIG")).toBe(false);

  // Removing the parameter clears its row; the default (1 day) applies again.
  const removed = await app.saveSettings({ parameters: { "AMI.OGILTIG.dagar": null } });
  expect(removed.parameters.find((p) => p.key === "AMI.OGILTIG.dagar")?.value).toBeNull();
  expect((await valuesOf(port, SETTINGS_SHEET))[4] ?? []).toEqual([]);
  expect((await app.validate()).findings.some((f) => f.ruleId === "AMI.OGILTIG")).toBe(true);
});

test("without Inställningar the sheet is created with the header Parameter · Värde", async () => {
  const port = await nacka((wb) => {
    wb.removeWorksheet(wb.getWorksheet(SETTINGS_SHEET)?.id ?? -1);
  });
  const app = createApp(port, null, { today });
  await app.saveSettings({
    fullTimeHours: 35,
    anordnare: "Exempel AB",
    parameters: { "ROM2.MOTE14.fönster": 10 },
  });
  expect(await valuesOf(port, SETTINGS_SHEET)).toEqual([
    ["Parameter", "Värde"],
    ["Heltid timmar", 35],
    ["Anordnare", "Exempel AB"],
    ["ROM2.MOTE14.fönster", 10],
  ]);
  expect(await app.readSettings()).toMatchObject({ fullTimeHours: 35, anordnare: "Exempel AB" });
});

test.each<[string, object, RegExp]>([
  ["Heltid 0", { fullTimeHours: 0 }, /Heltid timmar/],
  ["Heltid 200", { fullTimeHours: 200 }, /Heltid timmar/],
  ["unknown parameter", { parameters: { "AMI.FINNSINTE.x": 1 } }, /finns inte/],
])("%s is refused in Swedish", async (_, change, message) => {
  const app = createApp(await nacka(), null, { today });
  await expect(app.saveSettings(change)).rejects.toThrow(message);
});
