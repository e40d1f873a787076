/**
 * The ribbon's "Validera schema" (manifest.xml: ExecuteFunction validateSchedule). In the
 * shared runtime the function is registered from the task pane's page with
 * Office.actions.associate; it validates at once, keeps the result in the store the pane
 * shows, opens the pane and always tells Office it is done.
 */
import type { SchemakollApp } from "../app/api";
import type { ValidationStore } from "./store";

/** The manifest's FunctionName; scripts/manifest checks the manifest names this one. */
export const VALIDATE_COMMAND = "validateSchedule";

/** The ribbon event as Office gives it. */
export interface CommandEvent {
  completed(): void;
}

/** The part of the Office global the ribbon command uses (a fake one in tests). */
export interface OfficeCommands {
  actions: { associate(actionId: string, handler: (event: CommandEvent) => void): void };
  addin: { showAsTaskpane(): Promise<void> };
}

export function createValidateHandler(
  app: SchemakollApp,
  store: ValidationStore,
  office: OfficeCommands,
): (event: CommandEvent) => Promise<void> {
  return async (event) => {
    try {
      const validation = store.validate(app);
      try {
        await office.addin.showAsTaskpane();
      } catch {
        // The pane could not be opened (an older Excel): the result still waits in the store.
      }
      await validation;
    } finally {
      event.completed();
    }
  };
}

export function registerRibbonCommands(
  office: OfficeCommands,
  app: SchemakollApp,
  store: ValidationStore,
): void {
  const handler = createValidateHandler(app, store, office);
  office.actions.associate(VALIDATE_COMMAND, (event) => {
    void handler(event);
  });
}
