/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { App } from "./App";
import { FUNCTION_REFERENCE } from "./functionReference";
import { installDomStubs } from "./testing/render";

test("outside Excel the pane explains itself and still lists the formulas", () => {
  installDomStubs();
  render(
    <FluentProvider theme={webLightTheme}>
      <App app={null} notice="Fönstret är inte öppnat i Excel." />
    </FluentProvider>,
  );
  expect(screen.getByText("Fönstret är inte öppnat i Excel.")).toBeTruthy();
  const list = screen.getByRole("list", { name: "Schemakolls formler" });
  expect(list.querySelectorAll("li")).toHaveLength(FUNCTION_REFERENCE.length);
  expect(screen.queryByRole("button", { name: "Validera schema" })).toBeNull();
});
