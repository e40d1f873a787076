/** @jest-environment jsdom */
import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PROGRESS_DELAY_MS } from "./store";
import { MemoryApp } from "./testing/memoryApp";
import { renderPane } from "./testing/render";

jest.setTimeout(30_000);

beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
});

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

test.each([
  // The bar appears only once an action has run longer than half a second.
  { elapsed: PROGRESS_DELAY_MS - 100, shown: false },
  { elapsed: PROGRESS_DELAY_MS + 100, shown: true },
])(
  "a validation still running after $elapsed ms: progress bar shown = $shown",
  async ({ elapsed, shown }) => {
    const user = userEvent.setup({
      advanceTimers: (ms) => {
        jest.advanceTimersByTime(ms);
      },
    });
    const app = new MemoryApp();
    const release = app.pause("validate");
    renderPane({ app });
    await user.click(screen.getByRole("button", { name: "Validera schema" }));
    // While running, the button is disabled and says so.
    expect(screen.getByRole("button", { name: "Validerar…" }).hasAttribute("disabled")).toBe(true);
    await advance(elapsed);
    expect(screen.queryByRole("progressbar") !== null).toBe(shown);
    if (shown) {
      // memoryApp reports ("kontrollerar", 0.5) before it waits.
      expect(screen.getByText("Kontrollerar reglerna…")).toBeTruthy();
      expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.5");
    }
    release();
    await advance(0);
    expect(await screen.findByRole("heading", { name: "Sammanfattning" })).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("button", { name: "Validera schema" }).hasAttribute("disabled")).toBe(
      false,
    );
  },
);

test("a fast validation never shows a progress bar", async () => {
  const user = userEvent.setup({
    advanceTimers: (ms) => {
      jest.advanceTimersByTime(ms);
    },
  });
  renderPane();
  await user.click(screen.getByRole("button", { name: "Validera schema" }));
  await advance(0);
  await screen.findByRole("heading", { name: "Sammanfattning" });
  await advance(PROGRESS_DELAY_MS * 2);
  expect(screen.queryByRole("progressbar")).toBeNull();
});

test("a slow report shows its own progress bar and disables both report buttons", async () => {
  const user = userEvent.setup({
    advanceTimers: (ms) => {
      jest.advanceTimersByTime(ms);
    },
  });
  const app = new MemoryApp();
  const release = app.pause("createMonthlyReport");
  renderPane({ app, initialTab: "rapporter" });
  await advance(0);
  await user.click(screen.getByRole("button", { name: "Skapa månadsrapport" }));
  await advance(PROGRESS_DELAY_MS + 100);
  expect(screen.getByRole("progressbar", { name: "Skapar månadsrapport" })).toBeTruthy();
  expect(
    screen.getByRole("button", { name: "Skapa fakturaunderlag" }).hasAttribute("disabled"),
  ).toBe(true);
  release();
  await advance(0);
  expect(await screen.findByText(/Bladet Månadsrapport 2024-05 är skapat/)).toBeTruthy();
  expect(screen.queryByRole("progressbar")).toBeNull();
});
