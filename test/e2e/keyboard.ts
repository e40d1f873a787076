/**
 * Keyboard-only use: which controls a view has, which of them Tab reaches (in order), and
 * whether each one shows where the focus is. A control "shows focus" when it matches
 * :focus-visible and its computed outline, box-shadow, border or text decoration (on the control,
 * its wrapper or their ::before/::after, where Fluent draws its focus rings and underlines)
 * differs from the same control unfocused.
 */
import type { Page } from "playwright-core";

export interface FocusStop {
  id: string;
  tag: string;
  role: string | null;
  name: string;
  focusVisible: boolean;
  /** Which style changed when focused ("outline-style", "::after border-bottom-color" …), empty when none. */
  indicator: string[];
}

export interface Control {
  id: string;
  tag: string;
  role: string | null;
  name: string;
}

/**
 * Tags every visible, enabled control inside `scope` (a CSS selector) with data-e2e-id and
 * records how it looks unfocused. Tabs other than the selected one are left out: a tab list is
 * one Tab stop, its tabs are reached with the arrow keys.
 */
export async function markControls(page: Page, scope = "body"): Promise<Control[]> {
  return page.evaluate((scopeSelector) => {
    const PROPS = [
      "outline-style",
      "outline-width",
      "outline-color",
      "box-shadow",
      "border-top-color",
      "border-bottom-color",
      "border-bottom-width",
      "border-left-color",
      "text-decoration-line",
      "text-decoration-style",
    ];
    const styleOf = (el: Element): Record<string, string> => {
      const out: Record<string, string> = {};
      const targets: [string, Element | null][] = [
        ["", el],
        ["parent ", el.parentElement],
        ["grandparent ", el.parentElement?.parentElement ?? null],
      ];
      for (const [label, target] of targets) {
        if (!target) continue;
        for (const pseudo of [null, "::before", "::after"]) {
          const style = getComputedStyle(target, pseudo);
          if (pseudo !== null && (style.content === "none" || style.content === "")) continue;
          for (const p of PROPS) out[`${label}${pseudo ?? ""} ${p}`] = style.getPropertyValue(p);
        }
      }
      return out;
    };
    const w = window as unknown as {
      __e2eUnfocused: Record<string, Record<string, string>>;
      __e2eStyleOf: (el: Element) => Record<string, string>;
    };
    w.__e2eUnfocused = {};
    w.__e2eStyleOf = styleOf;
    // Seen unfocused: a control that has the focus now (a dialog's first field) lets it go first.
    (document.activeElement as HTMLElement | null)?.blur();
    const scopeEl = document.querySelector(scopeSelector) ?? document.body;
    const candidates = Array.from(
      scopeEl.querySelectorAll<HTMLElement>(
        'button, a[href], input, select, textarea, [role="tab"], [role="switch"], [tabindex]:not([tabindex="-1"])',
      ),
    );
    const controls: { id: string; tag: string; role: string | null; name: string }[] = [];
    let n = 0;
    for (const el of candidates) {
      if (el.getClientRects().length === 0) continue;
      // Tabster's focus-redirecting dummies pass the focus on; they are not controls.
      if (el.hasAttribute("data-tabster-dummy")) continue;
      if ((el as HTMLButtonElement).disabled) continue;
      if (el.getAttribute("aria-disabled") === "true") continue;
      if (el.getAttribute("role") === "tab" && el.getAttribute("aria-selected") !== "true")
        continue;
      if (el.tabIndex < 0 && el.getAttribute("role") !== "tab") continue;
      const id = el.dataset.e2eId ?? `c${n++}`;
      el.dataset.e2eId = id;
      w.__e2eUnfocused[id] = styleOf(el);
      const labelledBy = (el.getAttribute("aria-labelledby") ?? "")
        .split(" ")
        .map((ref) => (ref ? document.getElementById(ref)?.textContent : null))
        .filter(Boolean)
        .join(" ");
      const label =
        el.getAttribute("aria-label") ??
        (labelledBy || null) ??
        (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
        el.textContent;
      controls.push({
        id,
        tag: el.tagName.toLowerCase(),
        role: el.getAttribute("role"),
        name: label.trim().slice(0, 80),
      });
    }
    return controls;
  }, scope);
}

/** What has the focus now, and whether it shows. */
export function focusNow(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const w = window as unknown as {
      __e2eUnfocused: Record<string, Record<string, string>>;
      __e2eStyleOf: (el: Element) => Record<string, string>;
    };
    const id = el.dataset.e2eId ?? "";
    const before = w.__e2eUnfocused[id] ?? {};
    const now = w.__e2eStyleOf(el);
    const indicator = Object.keys(now).filter(
      (k) =>
        now[k] !== before[k] &&
        !["", "none", "0px", "transparent", "rgba(0, 0, 0, 0)"].includes(now[k] ?? ""),
    );
    return {
      id,
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute("role"),
      name: (el.getAttribute("aria-label") ?? el.textContent).trim().slice(0, 80),
      focusVisible: el.matches(":focus-visible"),
      indicator,
    };
  });
}

/**
 * Presses Tab from the top of the page until the focus leaves the page or comes back to where it
 * started: the Tab order.
 */
export async function tabOrder(page: Page, scope = "body", max = 1000): Promise<FocusStop[]> {
  // Start where a user starts: the focus at the top of the page (or of the dialog).
  await page.evaluate((scopeSelector) => {
    const start = document.querySelector<HTMLElement>(scopeSelector) ?? document.body;
    const had = start.getAttribute("tabindex");
    start.setAttribute("tabindex", "-1");
    start.focus();
    if (had === null) start.removeAttribute("tabindex");
    else start.setAttribute("tabindex", had);
  }, scope);
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const stop = await focusNow(page);
    if (stop === null || (stop.id === "" && stops.length === 0 && scope !== "body")) {
      if (stops.length > 0) break;
      continue;
    }
    if (stops.length > 0 && stop.id === stops[0]?.id) break;
    stops.push(stop);
  }
  return stops;
}
