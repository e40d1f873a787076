/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render, screen } from "@testing-library/react";
import { App } from "./App";
import {
  registerRibbonCommands,
  VALIDATE_COMMAND,
  type CommandEvent,
  type OfficeCommands,
} from "./ribbon";
import { ValidationStore } from "./store";
import { MemoryApp, type MemoryAppOptions } from "./testing/memoryApp";
import { installDomStubs } from "./testing/render";

/** A stand-in for the Office global: records associations and whether the pane was opened. */
function fakeOffice(showFails = false) {
  const handlers = new Map<string, (event: CommandEvent) => void>();
  const opened: string[] = [];
  const office: OfficeCommands = {
    actions: {
      associate: (id, handler) => {
        handlers.set(id, handler);
      },
    },
    addin: {
      showAsTaskpane: () => {
        opened.push("pane");
        return showFails ? Promise.reject(new Error("Not supported")) : Promise.resolve();
      },
    },
  };
  return { office, handlers, opened };
}

/** Runs the ribbon command as Office would and resolves when it calls event.completed(). */
function press(handler: ((event: CommandEvent) => void) | undefined): Promise<number> {
  let completed = 0;
  return new Promise((resolve) => {
    handler?.({
      completed: () => {
        completed++;
        // Give a second call (a bug) the chance to show up before resolving.
        setTimeout(() => {
          resolve(completed);
        }, 0);
      },
    });
  });
}

function setUp(options: MemoryAppOptions = {}, showFails = false) {
  const app = new MemoryApp(options);
  const store = new ValidationStore();
  const fake = fakeOffice(showFails);
  registerRibbonCommands(fake.office, app, store);
  return { app, store, ...fake };
}

test("registers exactly the manifest's FunctionName", () => {
  const { handlers } = setUp();
  expect(Array.from(handlers.keys())).toEqual(["validateSchedule"]);
  expect(VALIDATE_COMMAND).toBe("validateSchedule");
});

test("the command validates at once, keeps the result, opens the pane and completes once", async () => {
  const { app, store, handlers, opened } = setUp();
  const done = press(handlers.get(VALIDATE_COMMAND));
  // Validation starts before the pane is opened (synchronously with the click).
  expect(app.callsOf("validate")).toHaveLength(1);
  expect(await done).toBe(1);
  expect(opened).toEqual(["pane"]);
  // memoryApp: six findings, Anna (2 fel) and Bo.
  expect(store.getSnapshot().view?.findings).toHaveLength(6);
  expect(store.getSnapshot().running).toBe(false);
});

test("a failed validation is kept as a Swedish message and the command still completes", async () => {
  const { store, handlers, opened } = setUp({
    failures: { validate: "Arbetsboken kunde inte läsas." },
  });
  expect(await press(handlers.get(VALIDATE_COMMAND))).toBe(1);
  expect(opened).toEqual(["pane"]);
  expect(store.getSnapshot().error).toBe("Arbetsboken kunde inte läsas.");
  expect(store.getSnapshot().view).toBeNull();
});

test("the command completes even when the pane cannot be opened", async () => {
  const { store, handlers } = setUp({}, true);
  expect(await press(handlers.get(VALIDATE_COMMAND))).toBe(1);
  expect(store.getSnapshot().view?.findings).toHaveLength(6);
});

test("the pane shows what the ribbon command found", async () => {
  installDomStubs();
  const { app, store, handlers } = setUp();
  render(
    <FluentProvider theme={webLightTheme}>
      <App app={app} store={store} />
    </FluentProvider>,
  );
  await act(() => press(handlers.get(VALIDATE_COMMAND)));
  expect(await screen.findByRole("heading", { name: "Sammanfattning" })).toBeTruthy();
  // Five participant findings can be accepted (the sixth concerns the whole workbook).
  expect(screen.getAllByRole("button", { name: /^Godkänn avvikelse:/ })).toHaveLength(5);
});
