/**
 * The benchmark's figures as rows of one table (Mått · Värde · Mål · Uppfyllt), Swedish labels,
 * and the plain-text rendering printed on stdout.
 */

export interface Row {
  /** Section heading the row belongs to. */
  section: string;
  matt: string;
  varde: string;
  mal: string;
  /** true/false when there is a target, null when the row only reports. */
  uppfyllt: boolean | null;
}

export function ms(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(1).replace(".", ",")} s`;
  if (value >= 100) return `${Math.round(value)} ms`;
  return `${value.toFixed(1).replace(".", ",")} ms`;
}

/** 1234567 → "1 234 567" (Swedish thousands separator). */
export function int(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

export function dec(value: number, digits = 2): string {
  return value.toFixed(digits).replace(".", ",");
}

export function kb(bytes: number): string {
  return `${dec(bytes / 1024, 1)} KB`;
}

function verdict(ok: boolean | null): string {
  return ok === null ? "–" : ok ? "ja" : "NEJ";
}

/** The rows as a fixed-width table, one block per section. */
export function renderTable(rows: readonly Row[]): string {
  const head = ["Mått", "Värde", "Mål", "Uppfyllt"];
  const cells = rows.map((r) => [r.matt, r.varde, r.mal, verdict(r.uppfyllt)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: readonly string[]) =>
    c.map((text, i) => text.padEnd(widths[i] ?? 0)).join(" │ ");
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  const out: string[] = [line(head), rule];
  let section = "";
  rows.forEach((r, i) => {
    if (r.section !== section) {
      section = r.section;
      out.push(section);
    }
    out.push(line(cells[i] ?? []));
  });
  return out.join("\n");
}

/** The rows as a Markdown table, for the README's "Prestanda" section. */
export function renderMarkdown(rows: readonly Row[]): string {
  const out = ["| Mått | Värde | Mål | Uppfyllt |", "|---|---|---|---|"];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      out.push(`| **${section}** | | | |`);
    }
    out.push(`| ${r.matt} | ${r.varde} | ${r.mal} | ${verdict(r.uppfyllt)} |`);
  }
  return out.join("\n");
}
