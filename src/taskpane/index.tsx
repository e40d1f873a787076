import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

// Inside Excel, Office.onReady resolves once the host is ready (outside Office it resolves
// with host null). If office.js could not be loaded at all, still show the pane.
if (typeof Office === "undefined") render();
else void Office.onReady(render);
