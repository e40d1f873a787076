/** @jest-environment jsdom */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { SettingsChange } from "../app/api";
import { MemoryApp, type MemoryAppOptions } from "./testing/memoryApp";
import { renderPane } from "./testing/render";

jest.setTimeout(30_000);

async function settings(options: MemoryAppOptions = {}) {
  const user = userEvent.setup();
  const app = new MemoryApp(options);
  const rendered = renderPane({ app, initialTab: "installningar" });
  await screen.findByRole("textbox", { name: /^Idag/ });
  return { user, ...rendered };
}

const input = (name: RegExp) => screen.getByRole<HTMLInputElement>("textbox", { name });

test("shows the workbook's settings and each rule parameter with its description and default", async () => {
  await settings();
  expect(input(/^Idag/).value).toBe("2024-06-10");
  expect(input(/^Heltid timmar/).value).toBe("40");
  expect(input(/^Anordnare/).value).toBe("Exempelföretaget AB");
  expect(input(/^ROM2\.MOTE14\.fönster/).value).toBe("");
  expect(screen.getByText("Fönster i kalenderdagar. Standard: 14.")).toBeTruthy();
  expect(screen.getByText("Varna när schemat inte når heltid. Standard: ja.")).toBeTruthy();
});

test("Spara inställningar sends what changed and shows the saved values", async () => {
  const { user, app } = await settings();
  await user.clear(input(/^Idag/));
  await user.type(input(/^Idag/), "2024-07-01");
  await user.clear(input(/^Heltid timmar/));
  await user.type(input(/^Heltid timmar/), "37,5");
  await user.type(input(/^ROM2\.MOTE14\.fönster/), "10");
  await user.selectOptions(
    screen.getByRole("combobox", { name: /^AMI\.HELTID\.krävFullTid/ }),
    "Nej",
  );
  await user.click(screen.getByRole("button", { name: "Spara inställningar" }));
  await screen.findByText("Inställningarna är sparade.");
  const [[change]] = app.callsOf("saveSettings") as [[SettingsChange]];
  expect(change).toEqual({
    idag: "2024-07-01",
    fullTimeHours: 37.5,
    parameters: { "ROM2.MOTE14.fönster": 10, "AMI.HELTID.krävFullTid": false },
  });
  expect(input(/^Heltid timmar/).value).toBe("37,5");
  expect(input(/^ROM2\.MOTE14\.fönster/).value).toBe("10");
});

test("emptying Idag and Anordnare removes them (null)", async () => {
  const { user, app } = await settings();
  await user.clear(input(/^Idag/));
  await user.clear(input(/^Anordnare/));
  await user.click(screen.getByRole("button", { name: "Spara inställningar" }));
  await screen.findByText("Inställningarna är sparade.");
  expect(app.callsOf("saveSettings")).toEqual([[{ idag: null, anordnare: null }]]);
});

test.each([
  { field: /^Idag/, text: "2024-02-30", message: /Skriv datumet som ÅÅÅÅ-MM-DD/ },
  { field: /^Heltid timmar/, text: "heltid", message: /Skriv antalet timmar/ },
  { field: /^ROM2\.MOTE14\.fönster/, text: "två veckor", message: /Skriv ett tal/ },
])("an invalid value ($text) is refused with a hint", async ({ field, text, message }) => {
  const { user, app } = await settings();
  await user.clear(input(field));
  await user.type(input(field), text);
  await user.click(screen.getByRole("button", { name: "Spara inställningar" }));
  expect(screen.getByText(message)).toBeTruthy();
  expect(input(field).getAttribute("aria-invalid")).toBe("true");
  expect(app.callsOf("saveSettings")).toHaveLength(0);
});

test("short names: one switch turns them on, one click takes them away", async () => {
  const { user, app } = await settings();
  const toggle = await screen.findByRole("switch", { name: "Använd formelnamn utan AMI." });
  expect((toggle as HTMLInputElement).checked).toBe(false);
  await user.click(toggle);
  await waitFor(() => {
    expect((toggle as HTMLInputElement).checked).toBe(true);
  });
  expect(screen.getByText(/Du kan skriva =DAGERSATTNING\(…\)/)).toBeTruthy();
  await user.click(toggle);
  await waitFor(() => {
    expect((toggle as HTMLInputElement).checked).toBe(false);
  });
  expect(app.calls.map((c) => c.method).filter((m) => m.endsWith("ShortNames"))).toEqual([
    "enableShortNames",
    "disableShortNames",
  ]);
});

test("short names: Space on the focused switch turns them on", async () => {
  const { user, app } = await settings();
  const toggle = await screen.findByRole("switch", { name: "Använd formelnamn utan AMI." });
  toggle.focus();
  await user.keyboard(" ");
  await waitFor(() => {
    expect(app.callsOf("enableShortNames")).toHaveLength(1);
  });
});

test("short names: an Excel without LAMBDA gets an explanation instead of a switch", async () => {
  await settings({ shortNames: { supported: false, enabled: false, names: ["DAGERSATTNING"] } });
  expect(await screen.findByText(/Din version av Excel saknar funktionen LAMBDA/)).toBeTruthy();
  expect(screen.queryByRole("switch")).toBeNull();
});

test("short names: hidden when the workbook has no names (null)", async () => {
  const { app } = await settings({ shortNames: null });
  await waitFor(() => {
    expect(app.callsOf("shortNames")).toHaveLength(1);
  });
  expect(screen.queryByRole("heading", { name: "Formelnamn utan AMI." })).toBeNull();
  expect(screen.queryByRole("switch")).toBeNull();
});

test("a failed save shows the Swedish message", async () => {
  const { user } = await settings({
    failures: { saveSettings: "Bladet Inställningar är skyddat. Ta bort skyddet och försök igen." },
  });
  await user.click(screen.getByRole("button", { name: "Spara inställningar" }));
  expect((await screen.findByRole("alert")).textContent).toContain(
    "Bladet Inställningar är skyddat. Ta bort skyddet och försök igen.",
  );
});
