/**
 * Runs inside the browser page (bundled by test/e2e/harness.ts): the in-memory Excel of
 * test/excelFake, and what Excel gives a task pane that office.js alone does not give outside
 * Office. Office.js is the real one (served from @microsoft/office-js); outside Office its
 * Office.onReady resolves with host null, Excel is undefined, Office.addin and
 * Office.context.requirements are missing. After office.js has run, `afterOffice` adds exactly
 * those host parts, over the fake:
 *
 * - window.Excel.run is the fake's run (so `new OfficeWorkbook()` with its default Excel.run
 *   works against the fake workbook);
 * - Office.onReady reports host Excel (after office.js's own initialisation has finished);
 * - Office.actions.associate records the ribbon handlers (the test can press the ribbon button);
 * - Office.addin.showAsTaskpane and Office.context.requirements.isSetSupported answer.
 *
 * With `officeHost: "none"` nothing is added: the page sees office.js as it is outside Office.
 */
import { FakeExcel, type FakeSheetInit } from "../../excelFake";

export interface HostInit {
  sheets: FakeSheetInit[];
  officeHost: "Excel" | "none";
}

export interface RibbonEvent {
  completed(): void;
}

export interface E2EHost {
  fake: FakeExcel;
  /** Handlers registered with Office.actions.associate, by action id. */
  actions: Record<string, (event: RibbonEvent) => void>;
  showAsTaskpaneCalls: number;
  completedEvents: number;
  /** Whether window.Excel.run is still the fake's run (office.js did not replace it). */
  excelIsFake(): boolean;
  /** Presses a ribbon command as Excel would; resolves when the handler calls completed(). */
  pressRibbon(actionId: string): Promise<void>;
}

declare global {
  interface Window {
    __e2e?: E2EHost;
    __e2eAfterOffice?: () => void;
  }
}

type OnReady = (
  callback?: (info: { host: Office.HostType; platform: Office.PlatformType }) => unknown,
) => Promise<{ host: Office.HostType; platform: Office.PlatformType }>;

export function install(init: HostInit): void {
  const fake = FakeExcel.fromSheets(init.sheets);
  const excel = { run: fake.run };
  const host: E2EHost = {
    fake,
    actions: {},
    showAsTaskpaneCalls: 0,
    completedEvents: 0,
    excelIsFake: () => (window as unknown as { Excel?: { run?: unknown } }).Excel?.run === fake.run,
    pressRibbon: (actionId) =>
      new Promise<void>((resolve, reject) => {
        const handler = host.actions[actionId];
        if (!handler) {
          reject(new Error(`no ribbon handler ${actionId}`));
          return;
        }
        handler({
          completed: () => {
            host.completedEvents++;
            resolve();
          },
        });
      }),
  };
  window.__e2e = host;

  window.__e2eAfterOffice = () => {
    if (init.officeHost === "none") return;
    const office = (window as unknown as { Office: typeof Office }).Office;
    Object.defineProperty(window, "Excel", { value: excel, writable: true, configurable: true });

    const ready = (office.onReady as OnReady).bind(office);
    const onReady: OnReady = async (callback) => {
      await ready();
      // Office.context exists once office.js has initialised; outside Office it has no requirements.
      const context = office.context as unknown as Record<string, unknown>;
      Object.defineProperty(context, "requirements", {
        value: {
          isSetSupported: (set: string, version: string) => fake.isSetSupported(set, version),
        },
        configurable: true,
      });
      const info = { host: office.HostType.Excel, platform: office.PlatformType.OfficeOnline };
      callback?.(info);
      return info;
    };
    (office as unknown as { onReady: OnReady }).onReady = onReady;

    (office as unknown as { actions: unknown }).actions = {
      associate: (actionId: string, handler: (event: RibbonEvent) => void) => {
        host.actions[actionId] = handler;
      },
    };
    (office as unknown as { addin: unknown }).addin = {
      showAsTaskpane: () => {
        host.showAsTaskpaneCalls++;
        return Promise.resolve();
      },
    };
  };
}
