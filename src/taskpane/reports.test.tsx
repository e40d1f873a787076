/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryApp } from "./testing/memoryApp";
import { renderPane } from "./testing/render";

jest.setTimeout(30_000);

async function reports(options: ConstructorParameters<typeof MemoryApp>[0] = {}) {
  const user = userEvent.setup();
  const app = new MemoryApp(options);
  const rendered = renderPane({ app, initialTab: "rapporter" });
  const month = await screen.findByRole("textbox", { name: /Månad/ });
  return { user, month, ...rendered };
}

test("the month defaults to the month before Idag (Inställningar: 2024-06-10 → 2024-05)", async () => {
  const { month } = await reports();
  await waitFor(() => {
    expect((month as HTMLInputElement).value).toBe("2024-05");
  });
});

test.each([
  // Without Idag in Inställningar the machine's today counts: 2025-01-15 → December 2024.
  { today: "2025-01-15", now: new Date(2025, 0, 15), expected: "2024-12" },
  { today: "2024-07-01", now: new Date(2024, 6, 1), expected: "2024-06" },
])("without Idag, today $today → $expected", async ({ now, expected }) => {
  const app = new MemoryApp();
  app.settings.idag = null;
  renderPane({ app, initialTab: "rapporter", now });
  const month = screen.getByRole("textbox", { name: /Månad/ });
  await waitFor(() => {
    expect(app.callsOf("readSettings")).toHaveLength(1);
  });
  expect((month as HTMLInputElement).value).toBe(expected);
});

test.each(["2024-13", "maj", "24-05", ""])(
  "the month %p is refused with a hint and nothing is created",
  async (text) => {
    const { user, app, month } = await reports();
    await waitFor(() => {
      expect((month as HTMLInputElement).value).toBe("2024-05");
    });
    await user.clear(month);
    if (text !== "") await user.type(month, text);
    await user.click(screen.getByRole("button", { name: "Skapa månadsrapport" }));
    expect(screen.getAllByText("Skriv månaden som ÅÅÅÅ-MM, t.ex. 2024-05.").length).toBeGreaterThan(
      0,
    );
    expect(month.getAttribute("aria-invalid")).toBe("true");
    expect(app.callsOf("createMonthlyReport")).toHaveLength(0);
  },
);

test("Skapa månadsrapport creates the month typed and names the sheet", async () => {
  const { user, app, month } = await reports();
  await user.clear(month);
  await user.type(month, "2024-03");
  await user.click(screen.getByRole("button", { name: "Skapa månadsrapport" }));
  expect(await screen.findByText(/Bladet Månadsrapport 2024-03 är skapat\./)).toBeTruthy();
  expect(app.callsOf("createMonthlyReport")).toEqual([["2024-03"]]);
  expect(app.callsOf("createInvoice")).toHaveLength(0);
});

test("Skapa fakturaunderlag shows the sheet, the total in kronor, refusals and problems", async () => {
  const { user, app, month } = await reports();
  await waitFor(() => {
    expect((month as HTMLInputElement).value).toBe("2024-05");
  });
  await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
  const section = await screen.findByRole("region", { name: "Fakturaunderlag 2024-05" });
  expect(app.callsOf("createInvoice")).toEqual([["2024-05"]]);
  // memoryApp's invoice: one row of 12345 kr → "12 345 kr".
  expect(within(section).getByText("12 345 kr")).toBeTruthy();
  expect(
    within(section).getByText("Bladet Fakturaunderlag 2024-05 fanns redan och har ersatts."),
  ).toBeTruthy();
  expect(within(section).getByText(/Jobbpeng grund saknar ersättning för 2024-05/)).toBeTruthy();
  expect(within(section).getByText("Nekad")).toBeTruthy();
  expect(within(section).getByText(/Bonusen kan inte betalas ut än/)).toBeTruthy();
  expect(within(section).getByText("Varning")).toBeTruthy();
});

test.each([
  { total: 0, shown: "0 kr" },
  { total: 987, shown: "987 kr" },
  { total: 1234567, shown: "1 234 567 kr" },
])("an invoice total of $total is shown as $shown", async ({ total, shown }) => {
  const { user } = await reports({ invoiceTotal: total });
  await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
  expect(await screen.findByText(shown)).toBeTruthy();
});

test("a failed report shows the Swedish message", async () => {
  const { user } = await reports({
    failures: { createMonthlyReport: "Deltagarregistret saknas – lägg till bladet Deltagare." },
  });
  await user.click(screen.getByRole("button", { name: "Skapa månadsrapport" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Deltagarregistret saknas – lägg till bladet Deltagare.");
});

test("the report buttons are disabled while one runs", async () => {
  const { user, app } = await reports();
  const release = app.pause("createInvoice");
  await user.click(screen.getByRole("button", { name: "Skapa fakturaunderlag" }));
  const running = await screen.findByRole("button", { name: "Skapar fakturaunderlag…" });
  expect(running.hasAttribute("disabled")).toBe(true);
  expect(screen.getByRole("button", { name: "Skapa månadsrapport" }).hasAttribute("disabled")).toBe(
    true,
  );
  release();
  await screen.findByText("12 345 kr");
  expect(
    screen.getByRole("button", { name: "Skapa fakturaunderlag" }).hasAttribute("disabled"),
  ).toBe(false);
});

test("Enter on a focused report button creates the report", async () => {
  const { user, app } = await reports();
  screen.getByRole("button", { name: "Skapa månadsrapport" }).focus();
  await user.keyboard("{Enter}");
  await screen.findByText(/Bladet Månadsrapport/);
  expect(app.callsOf("createMonthlyReport")).toHaveLength(1);
});
