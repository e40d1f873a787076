import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { SchemakollApp } from "../app/api";
import { App } from "./App";
import { boot } from "./boot";
import { errorMessage } from "./format";

function render(app: SchemakollApp | null, notice: string | null): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App app={app} notice={notice} />
    </FluentProvider>,
  );
}

function start(host: Office.HostType | null): void {
  if (host !== Office.HostType.Excel) {
    render(
      null,
      "Fönstret är inte öppnat i Excel. Öppna arbetsboken i Excel och klicka på Öppna Schemakoll på fliken Start.",
    );
    return;
  }
  try {
    render(boot(), null);
  } catch (e) {
    render(null, `Schemakoll kunde inte starta: ${errorMessage(e)}`);
  }
}

// Inside Excel, Office.onReady resolves once the host is ready (outside Office it resolves
// with host null). If office.js could not be loaded at all, still show the pane.
if (typeof Office === "undefined") {
  render(
    null,
    "Office kunde inte laddas (ingen nätverksanslutning?). Formlerna fungerar ändå i Excel; stäng fönstret och öppna det igen för att kontrollera scheman.",
  );
} else {
  void Office.onReady((info) => {
    start(info.host);
  });
}
