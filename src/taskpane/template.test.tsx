/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { TemplateSheetView } from "../app/api";
import { ANNA_ID, ANNA_LABEL, MemoryApp } from "./testing/memoryApp";
import { renderPane } from "./testing/render";

jest.setTimeout(30_000);

async function mall(app = new MemoryApp()) {
  const user = userEvent.setup();
  const rendered = renderPane({ app, initialTab: "mall" });
  await screen.findByRole("list", { name: "Igenkända blad" });
  return { user, ...rendered };
}

test("lists each sheet with what it was recognised as, in Swedish", async () => {
  await mall();
  const items = within(screen.getByRole("list", { name: "Igenkända blad" })).getAllByRole(
    "listitem",
  );
  expect(items.map((li) => li.textContent)).toEqual([
    "DeltagareDeltagarregister",
    "Anna v19Veckoschema",
    "AnteckningarInte igenkänt",
  ]);
});

test("correcting a sheet's kind and a column saves the map as manual", async () => {
  const { user, app } = await mall();
  await user.selectOptions(screen.getByRole("combobox", { name: "Blad" }), "Anteckningar");
  await user.selectOptions(screen.getByRole("combobox", { name: "Typ av blad" }), "Händelser");
  // Events offer date, participant, kind and comment (memoryApp's conceptsByKind).
  await user.type(screen.getByRole("textbox", { name: "Datum" }), "b");
  await user.type(screen.getByRole("textbox", { name: "Kommentar" }), "e");
  await user.click(screen.getByRole("button", { name: "Spara mallen" }));

  await screen.findByText(/Mallen för Anteckningar är sparad/);
  const [[saved]] = app.callsOf("saveTemplateSheet") as [[TemplateSheetView]];
  expect(saved).toEqual({
    sheet: "Anteckningar",
    kind: "events",
    anchor: null,
    columns: { date: "B", comment: "E" },
    participant: null,
    programme: null,
    manual: true,
  });
  const items = within(screen.getByRole("list", { name: "Igenkända blad" })).getAllByRole(
    "listitem",
  );
  expect(items[2]?.textContent).toBe("AnteckningarHändelser(rättad för hand)");
});

test("changing a register column keeps the others", async () => {
  const { user, app } = await mall();
  await user.selectOptions(screen.getByRole("combobox", { name: "Blad" }), "Deltagare");
  const name = screen.getByRole("textbox", { name: "Namn" });
  expect((name as HTMLInputElement).value).toBe("B");
  await user.clear(name);
  await user.type(name, "c");
  await user.click(screen.getByRole("button", { name: "Spara mallen" }));
  await screen.findByText(/Mallen för Deltagare är sparad/);
  const [[saved]] = app.callsOf("saveTemplateSheet") as [[TemplateSheetView]];
  expect(saved.columns).toEqual({ id: "A", name: "C", programme: "C", startdatum: "D" });
});

test("a column that is not a letter is refused", async () => {
  const { user, app } = await mall();
  await user.selectOptions(screen.getByRole("combobox", { name: "Blad" }), "Deltagare");
  const id = screen.getByRole("textbox", { name: "Id" });
  await user.clear(id);
  await user.type(id, "1");
  await user.click(screen.getByRole("button", { name: "Spara mallen" }));
  expect(screen.getByText("Skriv en kolumnbokstav, t.ex. B.")).toBeTruthy();
  expect(app.callsOf("saveTemplateSheet")).toHaveLength(0);
});

test("a week grid's participant is chosen by label and saved by register id; programme too", async () => {
  const user = userEvent.setup();
  const app = new MemoryApp();
  const { container } = renderPane({ app });
  // Validate first so the pane knows the participants (labels only).
  await user.click(screen.getByRole("button", { name: "Validera schema" }));
  await screen.findByRole("heading", { name: "Sammanfattning" });
  await user.click(screen.getByRole("tab", { name: "Mall" }));
  await screen.findByRole("list", { name: "Igenkända blad" });
  await user.selectOptions(screen.getByRole("combobox", { name: "Blad" }), "Anna v19");
  const participant = screen.getByRole("combobox", { name: /Deltagare/ });
  expect(
    within(participant).getByRole<HTMLOptionElement>("option", { name: ANNA_LABEL }).selected,
  ).toBe(true);
  await user.selectOptions(screen.getByRole("combobox", { name: "Insats" }), "Lokalt jobbspår");
  await user.click(screen.getByRole("button", { name: "Spara mallen" }));
  await screen.findByText(/Mallen för Anna v19 är sparad/);
  const [[saved]] = app.callsOf("saveTemplateSheet") as [[TemplateSheetView]];
  expect([saved.participant, saved.programme, saved.kind]).toEqual([
    ANNA_ID,
    "JOBBSPAR",
    "weekgrid",
  ]);
  // The register id is a personnummer: no option value or text carries it.
  expect(container.ownerDocument.body.innerHTML).not.toContain(ANNA_ID);
});

test("without a validation, the current participant is shown masked", async () => {
  const { user, container } = await mall();
  await user.selectOptions(screen.getByRole("combobox", { name: "Blad" }), "Anna v19");
  expect(screen.getByRole("option", { name: "19850101-****" })).toBeTruthy();
  expect(container.ownerDocument.body.innerHTML).not.toContain(ANNA_ID);
});

test("a failed save shows the Swedish message", async () => {
  const app = new MemoryApp({
    failures: { saveTemplateSheet: "Bladet Anteckningar finns inte längre." },
  });
  const { user } = await mall(app);
  await user.selectOptions(screen.getByRole("combobox", { name: "Blad" }), "Anteckningar");
  await user.click(screen.getByRole("button", { name: "Spara mallen" }));
  await waitFor(() => {
    expect(screen.getByRole("alert").textContent).toContain(
      "Bladet Anteckningar finns inte längre.",
    );
  });
});
