/** Renders the task pane as index.tsx does, with a fresh store per test. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import { App, type AppProps } from "../App";
import { ValidationStore } from "../store";
import { MemoryApp, type MemoryAppOptions } from "./memoryApp";

// Fluent's dialogs and motion take a while in jsdom on a busy machine: wait up to 5 s.
configure({ asyncUtilTimeout: 5000 });

/** jsdom has no ResizeObserver; Fluent's TabList observes its size. */
class NoResizeObserver {
  observe(): void {
    // Nothing to observe in jsdom: no layout.
  }
  unobserve(): void {
    // Nothing observed.
  }
  disconnect(): void {
    // Nothing observed.
  }
}

export function installDomStubs(): void {
  if (!("ResizeObserver" in window)) {
    Object.assign(window, { ResizeObserver: NoResizeObserver });
  }
}

export function renderPane(
  options: MemoryAppOptions & Omit<AppProps, "app" | "store"> & { app?: MemoryApp } = {},
) {
  installDomStubs();
  const { app: given, initialTab, now, notice, ...appOptions } = options;
  const app = given ?? new MemoryApp(appOptions);
  const store = new ValidationStore();
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App
        app={app}
        store={store}
        {...(initialTab ? { initialTab } : {})}
        {...(now ? { now } : {})}
        {...(notice ? { notice } : {})}
      />
    </FluentProvider>,
  );
  return { ...result, app, store };
}
