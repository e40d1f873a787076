/** Månadsrapport and Fakturaunderlag written through the app, and the same month replaced. */
import { createApp } from "../../src/app";
import type { ProgressStep } from "../../src/app/api";
import type { YearMonth } from "../../src/domain/date";
import { nacka, today, valuesOf } from "./helpers";

const APRIL = "2024-04" as YearMonth;

test("the monthly report is written, and written again for the same month it replaces the sheet", async () => {
  const port = await nacka();
  const app = createApp(port, null, { today });
  const steps: ProgressStep[] = [];
  const first = await app.createMonthlyReport(APRIL, (step) => steps.push(step));
  // All five Nacka participants started 2024-03-04 and none ended before May: five in April.
  expect(first).toEqual({ sheet: "Månadsrapport 2024-04", replaced: false, participants: 5 });
  expect(steps).toEqual(["läser", "kontrollerar", "skriver", "klar"]);
  const written = await valuesOf(port, "Månadsrapport 2024-04");

  const again = await app.createMonthlyReport(APRIL);
  expect(again).toEqual({ sheet: "Månadsrapport 2024-04", replaced: true, participants: 5 });
  expect(port.sheetNames().filter((n) => n.startsWith("Månadsrapport"))).toEqual([
    "Månadsrapport 2024-04",
  ]);
  expect(await valuesOf(port, "Månadsrapport 2024-04")).toEqual(written);
});

test("the invoice basis is written with the invoice returned, and the same month replaced", async () => {
  const port = await nacka();
  const app = createApp(port, null, { today });
  const findingsBefore = (await app.validate()).findings.length;

  const first = await app.createInvoice(APRIL);
  expect(first.sheet).toBe("Fakturaunderlag 2024-04");
  expect(first.replaced).toBe(false);
  expect(first.invoice.month).toBe("2024-04");
  expect(first.invoice.anordnare).toBe("Exempel AB");
  expect(first.invoice.rows.length).toBeGreaterThan(0);
  expect(JSON.stringify(await valuesOf(port, first.sheet))).toContain("Exempel AB");

  const again = await app.createInvoice(APRIL);
  expect(again.replaced).toBe(true);
  expect(port.sheetNames().filter((n) => n.startsWith("Fakturaunderlag"))).toEqual([
    "Fakturaunderlag 2024-04",
  ]);
  // The report sheets are Schemakoll's own: the next validation does not read them as data.
  expect((await app.validate()).findings).toHaveLength(findingsBefore);
});
