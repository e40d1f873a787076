/** The application layer: createApp over a WorkbookPort, and what the CLI shares with it. */
export { createApp } from "./app";
export type { AppOptions } from "./app";
export { participantLabel, readState, validationView } from "./state";
export type { ReadState } from "./state";
export { FINDINGS_SHEET, SEVERITY_SV, findingsSheet, marksOf, firstSheetCells } from "./marks";
export {
  ACCEPTANCES_HEADER,
  acceptanceParticipantText,
  resolveAcceptances,
  withResolvedAcceptances,
} from "./acceptances";
export { SHORT_NAME_FUNCTIONS, SHORT_NAMES, shortNameFormula, shortNames } from "./shortNames";
export * from "./api";
