/** Swedish presentation of figures and names for the command line. */
import type { SheetKind } from "../domain/model";
import { programmeName, type Programme } from "../domain/programmes";

export const KIND_LABELS: Readonly<Record<SheetKind, string>> = {
  register: "deltagarregister",
  weekgrid: "veckoschema",
  activitylist: "aktivitetslista",
  events: "händelser",
  tariffs: "ersättningar",
  settings: "inställningar",
  acceptances: "godkända avvikelser",
};

export function programmeText(programme: Programme | null): string {
  return programme === null ? "insats saknas" : programmeName(programme);
}
