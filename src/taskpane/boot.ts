/**
 * Inside Excel: the real application over the Office workbook, and the ribbon command.
 * Kept out of the unit tests (they use testing/memoryApp.ts).
 */
import { createApp } from "../app";
import type { SchemakollApp } from "../app/api";
import { OfficeWorkbook } from "../workbook/office";
import { registerRibbonCommands } from "./ribbon";
import { validationStore } from "./store";

export function boot(): SchemakollApp {
  const port = new OfficeWorkbook();
  const app = createApp(port, port);
  registerRibbonCommands(Office, app, validationStore);
  return app;
}
