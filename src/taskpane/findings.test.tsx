/** @jest-environment jsdom */
import { computeAccessibleName } from "dom-accessibility-api";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FindingView } from "../app/api";
import { ANNA_ID, ANNA_LABEL, BO_LABEL } from "./testing/memoryApp";
import { renderPane } from "./testing/render";

/**
 * Opens a finding's Godkänn avvikelse dialog. A plain click event: user-event's full pointer
 * sequence lets Fluent's outside-click handling of the freshly opened dialog race the opening
 * click under jsdom (the browser tests in test/e2e click it for real).
 */
async function openAcceptDialog(
  _user: ReturnType<typeof userEvent.setup>,
  button: () => HTMLElement,
): Promise<HTMLElement> {
  fireEvent.click(button());
  return screen.findByRole("dialog", { name: "Godkänn avvikelse", hidden: true });
}

// Fluent's components with user-event are slow in jsdom on a shared machine.
jest.setTimeout(30_000);

// In jsdom, Fluent's focus manager (tabster) may mark the open dialog itself aria-hidden until
// focus has settled inside it (it needs layout); dialog queries therefore include hidden
// elements. The browser tests check the dialog's accessibility for real.

async function validated() {
  const user = userEvent.setup();
  const rendered = renderPane();
  await user.click(screen.getByRole("button", { name: "Validera schema" }));
  await screen.findByRole("heading", { name: "Sammanfattning" });
  return { user, ...rendered };
}

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`No item ${index} of ${items.length}`);
  return item;
}

/** The findings listed (every rule's list). */
function shownFindings(): HTMLElement[] {
  return screen
    .queryAllByRole("list", { name: /^Avvikelser för / })
    .flatMap((list) => within(list).getAllByRole("listitem"));
}

function findingButtons(): HTMLElement[] {
  // The clickable findings are the messages; "Godkänn avvikelse: …" buttons are excluded.
  return screen
    .getAllByRole("button")
    .filter((b) => /^(Inget möte|Språkinsatser|Schemat vecka|Frånvaro)/.test(b.textContent));
}

test("Validera schema shows a summary per participant and findings grouped by participant and rule", async () => {
  await validated();
  const summary = screen.getByRole("list", { name: "Sammanfattning per deltagare" });
  const items = within(summary).getAllByRole("listitem");
  const anna = nth(items, 0);
  const bo = nth(items, 1);
  // Anna: two ROM2.MOTE14 errors, one ROM2.SPRAK20 warning, no info.
  expect(within(anna).getByText(ANNA_LABEL)).toBeTruthy();
  expect(within(anna).getByText("2 fel")).toBeTruthy();
  expect(within(anna).getByText("1 varning")).toBeTruthy();
  expect(within(anna).getByText("0 info")).toBeTruthy();
  // Bo: one AMI.FRANVARO warning and one AMI.HELTID info.
  expect(within(bo).getByText("0 fel")).toBeTruthy();
  expect(within(bo).getByText("1 varning")).toBeTruthy();
  expect(within(bo).getByText("1 info")).toBeTruthy();

  const annaGroup = screen.getByRole("region", { name: ANNA_LABEL });
  expect(
    within(annaGroup)
      .getAllByRole("heading", { level: 4 })
      .map((h) => h.textContent),
  ).toEqual(["ROM2.MOTE14", "ROM2.SPRAK20"]);
  const mote = within(annaGroup).getByRole("list", { name: "Avvikelser för ROM2.MOTE14" });
  expect(within(mote).getAllByRole("listitem")).toHaveLength(2);
  // Severity in words next to the colour; explanation with the catalog's Tolkning; source.
  expect(within(mote).getAllByText("Fel")).toHaveLength(2);
  expect(within(annaGroup).getByText(/Tolkning: fönstret räknas i kalenderdagar\./)).toBeTruthy();
  expect(
    within(annaGroup).getByText("Källa: Förfrågningsunderlag Rusta och matcha 2, avsnitt 5.3"),
  ).toBeTruthy();
  expect(screen.getByRole("region", { name: BO_LABEL })).toBeTruthy();
  expect(screen.getByRole("region", { name: "Hela arbetsboken" })).toBeTruthy();
});

test("the register id (a personnummer) is never rendered, only the masked label", async () => {
  const { container } = await validated();
  expect(container.ownerDocument.body.innerHTML).not.toContain(ANNA_ID);
  expect(container.ownerDocument.body.innerHTML).not.toContain("1236");
});

test("clicking a finding selects its cells in the workbook", async () => {
  const { user, app } = await validated();
  await user.click(screen.getByRole("button", { name: /^Språkinsatser är 25 %/ }));
  await waitFor(() => {
    expect(app.callsOf("select")).toHaveLength(1);
  });
  const [selected] = app.callsOf("select")[0] as [FindingView];
  expect(selected.key).toBe("f3");
  expect(selected.sheet).toBe("Anna v19");
  expect(selected.cells).toEqual(["D4:D8"]);
});

test("a finding is keyboard-operable: Tab to it and press Enter or Space", async () => {
  const { user, app } = await validated();
  const target = screen.getByRole("button", { name: /^Schemat vecka 20 har 32 timmar/ });
  target.focus();
  await user.keyboard("{Enter}");
  await user.keyboard(" ");
  await waitFor(() => {
    expect(app.callsOf("select")).toHaveLength(2);
  });
  for (const [f] of app.callsOf("select") as [FindingView][]) expect(f.key).toBe("f4");
});

test.each([
  // 6 findings: f1,f2 error (Anna, ROM2), f3 warning (Anna), f4 info (Bo, JPG), f5 warning (Bo), f6 info (workbook).
  { filter: "Allvarlighet", option: "Fel", shown: 2 },
  { filter: "Allvarlighet", option: "Varningar", shown: 2 },
  { filter: "Insats", option: "Jobbpeng grund", shown: 2 },
  { filter: "Insats", option: "Rusta och matcha 2", shown: 3 },
  { filter: "Deltagare", option: BO_LABEL, shown: 2 },
  { filter: "Deltagare", option: "Hela arbetsboken", shown: 1 },
])("filter $filter = $option leaves $shown findings", async ({ filter, option, shown }) => {
  const { user } = await validated();
  expect(shownFindings()).toHaveLength(6);
  await user.selectOptions(screen.getByRole("combobox", { name: filter }), option);
  expect(shownFindings()).toHaveLength(shown);
});

test("filters combine, and say so when nothing is left", async () => {
  const { user } = await validated();
  await user.selectOptions(screen.getByRole("combobox", { name: "Deltagare" }), BO_LABEL);
  await user.selectOptions(screen.getByRole("combobox", { name: "Allvarlighet" }), "Fel");
  expect(screen.getByText("Inga avvikelser med de valda filtren.")).toBeTruthy();
  expect(findingButtons()).toHaveLength(0);
  expect(shownFindings()).toHaveLength(0);
});

test("Rensa markeringar calls clearMarks and says it is done", async () => {
  const { user, app } = await validated();
  await user.click(screen.getByRole("button", { name: "Rensa markeringar" }));
  expect(await screen.findByText("Markeringarna är borttagna.")).toBeTruthy();
  expect(app.callsOf("clearMarks")).toHaveLength(1);
});

test("Godkänn avvikelse requires a reason, then shows the finding as accepted", async () => {
  const { user, app } = await validated();
  const dialog = await openAcceptDialog(user, () =>
    screen.getByRole("button", { name: /^Godkänn avvikelse: Frånvaro 2024-05-14/ }),
  );
  await user.click(within(dialog).getByRole("button", { name: "Godkänn", hidden: true }));
  expect(within(dialog).getByText("Skriv varför avvikelsen är godkänd.")).toBeTruthy();
  expect(app.callsOf("accept")).toHaveLength(0);

  await user.type(
    within(dialog).getByRole("textbox", { name: /Motivering/, hidden: true }),
    "Sjukanmäld",
  );
  await user.type(within(dialog).getByRole("textbox", { name: /Godkänd av/, hidden: true }), "Eva");
  await user.click(within(dialog).getByRole("button", { name: "Godkänn", hidden: true }));

  await waitFor(() => {
    expect(screen.queryByRole("dialog", { hidden: true })).toBeNull();
  });
  const [[finding, reason, by]] = app.callsOf("accept") as [[FindingView, string, string]];
  expect([finding.key, reason, by]).toEqual(["f5", "Sjukanmäld", "Eva"]);
  expect(await screen.findByText("Godkänd: Sjukanmäld (Eva)")).toBeTruthy();
  // The accepted finding has no Godkänn button left: 5 participant findings, 4 buttons (the
  // workbook's LAS.OKLAR cannot be accepted). Fluent gives the pane back to assistive
  // technology a moment after the dialog closes.
  await waitFor(() => {
    expect(screen.getAllByRole("button", { name: /^Godkänn avvikelse:/ })).toHaveLength(4);
  });
  expect(shownFindings()).toHaveLength(6);
  // Bo's summary: the warning is accepted (0 varningar, 1 godkänd).
  const bo = nth(
    within(screen.getByRole("list", { name: "Sammanfattning per deltagare" })).getAllByRole(
      "listitem",
    ),
    1,
  );
  expect(within(bo).getByText("0 varningar")).toBeTruthy();
  expect(within(bo).getByText("1 godkänd")).toBeTruthy();
});

test("a finding of the whole workbook offers no Godkänn (it is corrected in the workbook)", async () => {
  await validated();
  const workbook = screen.getByRole("region", { name: "Hela arbetsboken" });
  expect(within(workbook).getByText(/Bladet Anteckningar liknar inget känt schema/)).toBeTruthy();
  expect(within(workbook).queryByRole("button", { name: /Godkänn/ })).toBeNull();
});

test("Godkänd av is optional (null when left empty)", async () => {
  const { user, app } = await validated();
  const dialog = await openAcceptDialog(user, () =>
    nth(screen.getAllByRole("button", { name: /^Godkänn avvikelse:/ }), 0),
  );
  await user.type(
    within(dialog).getByRole("textbox", { name: /Motivering/, hidden: true }),
    "Helgdag",
  );
  await user.click(within(dialog).getByRole("button", { name: "Godkänn", hidden: true }));
  await screen.findByText("Godkänd: Helgdag");
  expect(app.callsOf("accept")[0]?.[2]).toBeNull();
});

test("a failed acceptance keeps the dialog open with the Swedish message", async () => {
  const { user, app } = await validated();
  app.setFailure("accept", "Bladet Godkända avvikelser är skrivskyddat.");
  const dialog = await openAcceptDialog(user, () =>
    nth(screen.getAllByRole("button", { name: /^Godkänn avvikelse:/ }), 0),
  );
  await user.type(
    within(dialog).getByRole("textbox", { name: /Motivering/, hidden: true }),
    "Helgdag",
  );
  await user.click(within(dialog).getByRole("button", { name: "Godkänn", hidden: true }));
  expect(
    await within(dialog).findByText("Bladet Godkända avvikelser är skrivskyddat."),
  ).toBeTruthy();
});

test("an empty workbook says what to do", async () => {
  const user = userEvent.setup();
  renderPane({ empty: true });
  await user.click(screen.getByRole("button", { name: "Validera schema" }));
  expect(
    await screen.findByText("Hittade inget schema i arbetsboken – välj blad under Mall"),
  ).toBeTruthy();
});

test("a failed validation shows the Swedish message, not a stack trace", async () => {
  const user = userEvent.setup();
  renderPane({
    failures: { validate: "Arbetsboken är låst för redigering av en annan användare." },
  });
  await user.click(screen.getByRole("button", { name: "Validera schema" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Arbetsboken är låst för redigering av en annan användare.");
  expect(alert.textContent).not.toMatch(/at .*\.ts|Error:/);
});

test("Enter and Space on the focused main button start a validation", async () => {
  const user = userEvent.setup();
  const { app } = renderPane();
  const button = screen.getByRole("button", { name: "Validera schema" });
  button.focus();
  await user.keyboard("{Enter}");
  await screen.findByRole("heading", { name: "Sammanfattning" });
  await user.keyboard(" ");
  await waitFor(() => {
    expect(app.callsOf("validate")).toHaveLength(2);
  });
});

test("the tabs are keyboard usable (Enter or Space on a focused tab opens its view)", async () => {
  const user = userEvent.setup();
  renderPane();
  const tabs = screen.getAllByRole("tab").map((t) => computeAccessibleName(t));
  expect(tabs).toEqual(["Fynd", "Rapporter", "Mall", "Inställningar", "Formler"]);
  // Arrow keys between tabs are Fluent's (tabster needs layout; the browser tests cover them).
  screen.getByRole("tab", { name: "Rapporter" }).focus();
  await user.keyboard("{Enter}");
  expect(screen.getByRole("tab", { name: "Rapporter" }).getAttribute("aria-selected")).toBe("true");
  expect(await screen.findByRole("button", { name: "Skapa månadsrapport" })).toBeTruthy();
  screen.getByRole("tab", { name: "Formler" }).focus();
  await user.keyboard(" ");
  expect(await screen.findByRole("list", { name: "Schemakolls formler" })).toBeTruthy();
});
