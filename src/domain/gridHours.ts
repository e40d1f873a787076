/**
 * Hours written in a block of schedule cells (=AMI.TIMMAR). Each activity counts with its own
 * time range; when the block includes the week grid's row labels ("8.00-12.00", "Hos
 * Leverantör 13.00-16.30"), an activity without its own range takes its row's block time, the
 * way a coordinator reads the grid. Labels themselves and lunch never count.
 */
import { activityHours, parseActivityCell, parseBlockLabel, type BlockLabel } from "./activityText";
import { ROM2_VOCABULARY } from "./vocabulary/rom2";
import type { Vocabulary } from "./vocabulary/types";

export function hoursInCells(
  rows: readonly (readonly unknown[])[],
  vocabulary: Vocabulary = ROM2_VOCABULARY,
): number {
  let minutes = 0;
  for (const row of rows) {
    let block: BlockLabel | null = null;
    let labelColumn = -1;
    const first = row.findIndex((v) => typeof v === "string" && v.trim() !== "");
    const firstValue = first < 0 ? undefined : row[first];
    if (typeof firstValue === "string") {
      block = parseBlockLabel(firstValue);
      if (block !== null) labelColumn = first;
    }
    row.forEach((value, column) => {
      if (column === labelColumn || typeof value !== "string" || value.trim() === "") return;
      for (const activity of parseActivityCell(value, { vocabulary, block }).activities) {
        const hours = activityHours(activity);
        if (hours !== null) minutes += Math.round(hours * 60);
      }
    });
  }
  return minutes / 60;
}
