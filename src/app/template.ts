/**
 * The template map (Mall): what Schemakoll recognised in each sheet, corrected by hand in the
 * task pane and stored in the hidden sheet "Schemakoll_mall".
 *
 * A week grid's participant is stored as the register id, except that a personnummer is never
 * written: it is stored as the participant's name or masked id (as in Godkända avvikelser,
 * see acceptances.ts) and turned back into the register id before the workbook is read.
 */
import type { Participant, SheetData, SheetKind, SheetMap, TemplateMap } from "../domain/model";
import { SHEET_KINDS } from "../domain/model";
import { looksLikePersonnummer, maskPersonnummer } from "../domain/personnummer";
import { columnIndex, parseA1 } from "../read/a1";
import { HEADER_TABLE } from "../read/headers";
import { Grid, signatureOf } from "../read/table";
import { TEMPLATE_MAP_SHEET, templateMapFromValues, templateMapToValues } from "../read/workbook";
import { readWeekGrids } from "../read/weekGrid";
import type { SheetModel } from "../workbook/port";
import { acceptanceParticipantText, resolveParticipant } from "./acceptances";
import type { TemplateSheetView, TemplateView } from "./api";

/** The column concepts the readers know, per kind (a week grid has none: it has a participant). */
export function conceptsByKind(): Record<SheetKind, string[]> {
  const out = {} as Record<SheetKind, string[]>;
  for (const kind of SHEET_KINDS) {
    out[kind] =
      kind === "weekgrid"
        ? []
        : HEADER_TABLE[kind].concepts.map((c: { concept: string }) => c.concept);
  }
  return out;
}

/** The stored map of the workbook's sheets, or null. */
export function storedMapOf(sheets: readonly SheetData[]): TemplateMap | null {
  const stored = sheets.find((s) => s.name === TEMPLATE_MAP_SHEET);
  return stored === undefined ? null : templateMapFromValues(stored.values);
}

/** Personnummer-shaped digits anywhere in a text, not inside a longer run of digits. */
const PNR_SHAPED = /(?<!\d)(?:\d{8}|\d{6})\s?[-+]?\s?\d{4}(?!\d)/g;

/**
 * A signature as it may be written: anything shaped like a personnummer masked, check digit
 * valid or not (a week grid's signature holds its heading, which may name the participant by
 * personnummer). Masking a phone number too only costs a re-recognition.
 */
export function maskSignature(signature: string): string {
  return signature.replace(PNR_SHAPED, (match) =>
    looksLikePersonnummer(match) ? maskPersonnummer(match) : match,
  );
}

/**
 * The stored map made fit for reading: a week-grid participant written as a name or masked id
 * back to the register id, and a masked signature back to the sheet's own where the sheet
 * (as `read` recognised it) still has the same one, masked.
 */
export function restoreStoredMap(
  stored: TemplateMap,
  read: TemplateMap,
  participants: readonly Participant[],
): TemplateMap {
  return {
    ...stored,
    sheets: stored.sheets.map((m) => {
      const participant =
        m.participant === null ? null : resolveParticipant(m.participant, participants);
      const current = m.signature.includes("****")
        ? read.sheets.find(
            (x) =>
              x.sheet === m.sheet &&
              x.kind === m.kind &&
              maskSignature(x.signature) === m.signature,
          )
        : undefined;
      return { ...m, participant, signature: current?.signature ?? m.signature };
    }),
  };
}

/** The map as it may be written: no personnummer in it. */
/**
 * A read with the workbook's stored template map: a stored week-grid participant written as a
 * name or masked id is pointed back at the register id and a masked signature restored
 * (restoreStoredMap); when that changed the map, `read` is called again with the restored map
 * (`again` true). Returns the last read and the map it used.
 */
export function readWithStoredMap<
  T extends { templateMap: TemplateMap; participants: readonly Participant[] },
>(
  sheets: readonly SheetData[],
  read: (storedMap: TemplateMap | null, again: boolean) => T,
): { model: T; storedMap: TemplateMap | null } {
  const stored = storedMapOf(sheets);
  const model = read(stored, false);
  if (stored === null) return { model, storedMap: null };
  const resolved = restoreStoredMap(stored, model.templateMap, model.participants);
  if (JSON.stringify(resolved) === JSON.stringify(stored)) return { model, storedMap: stored };
  return { model: read(resolved, true), storedMap: resolved };
}

export function writableMap(map: TemplateMap, participants: readonly Participant[]): TemplateMap {
  return {
    ...map,
    sheets: map.sheets.map((m) => {
      const signature = maskSignature(m.signature);
      if (m.participant === null || !looksLikePersonnummer(m.participant))
        return { ...m, signature };
      const p = participants.find((x) => x.id === m.participant);
      const text = p === undefined ? null : acceptanceParticipantText(p, participants);
      // Automatic maps find their participant by the heading again; only a manual choice needs it.
      return { ...m, signature, participant: m.manual ? text : null };
    }),
  };
}

/** The hidden sheet holding the map. */
export function templateSheetModel(map: TemplateMap): SheetModel {
  return {
    name: TEMPLATE_MAP_SHEET,
    rows: templateMapToValues(map).map((row) => row.map((value) => ({ value }))),
    hidden: true,
  };
}

/** The Mall form's view: every recognised sheet (one row per sheet) and the sheets not recognised. */
export function templateView(map: TemplateMap, otherSheets: readonly string[]): TemplateView {
  const seen = new Set<string>();
  const sheets: TemplateSheetView[] = [];
  for (const m of map.sheets) {
    if (seen.has(m.sheet)) continue;
    seen.add(m.sheet);
    sheets.push({
      sheet: m.sheet,
      kind: m.kind,
      anchor: m.anchor,
      columns: { ...m.columns },
      participant: m.participant,
      programme: m.programme,
      manual: m.manual,
    });
  }
  for (const sheet of otherSheets) {
    if (seen.has(sheet)) continue;
    seen.add(sheet);
    sheets.push({
      sheet,
      kind: null,
      anchor: null,
      columns: {},
      participant: null,
      programme: null,
      manual: false,
    });
  }
  return { sheets, conceptsByKind: conceptsByKind(), map };
}

/**
 * The corrected sheet as a stored map (manual: true), with the signature of the labels it is
 * read from, so that the reader keeps it while the sheet looks the same. Throws a Swedish
 * message when the correction cannot be used.
 */
export function manualSheetMap(
  view: TemplateSheetView,
  data: SheetData,
  kind: SheetKind,
  participants: readonly Participant[],
): SheetMap {
  const anchorText = (view.anchor ?? "A1").trim().toUpperCase();
  const anchor = parseA1(anchorText);
  if (anchor === null)
    throw new Error(`"${view.anchor ?? ""}" är ingen celladress. Skriv t.ex. A1 eller B3.`);
  const concepts = conceptsByKind()[kind];
  const columns: Record<string, string> = {};
  for (const [concept, letters] of Object.entries(view.columns)) {
    const letter = letters.trim().toUpperCase();
    if (letter === "") continue;
    if (!concepts.includes(concept))
      throw new Error(`Kolumnen "${concept}" finns inte för den här sortens blad.`);
    if (columnIndex(letter) === null)
      throw new Error(`"${letters}" är ingen kolumn. Skriv en kolumnbokstav som B.`);
    columns[concept] = letter;
  }
  if (
    view.participant !== null &&
    !participants.some((p) => p.id.trim().toLowerCase() === view.participant?.trim().toLowerCase())
  ) {
    throw new Error("Deltagaren finns inte i deltagarregistret.");
  }
  const map: SheetMap = {
    sheet: view.sheet,
    kind,
    anchor: anchorText,
    columns,
    participant: kind === "weekgrid" ? view.participant : null,
    programme: kind === "weekgrid" ? view.programme : null,
    signature: "",
    manual: true,
  };
  if (kind === "weekgrid") {
    const read = readWeekGrids(data, { participants, map });
    const first = read.maps[0];
    if (first === undefined)
      throw new Error(`Hittade inget veckoschema på bladet "${view.sheet}".`);
    return { ...map, anchor: first.anchor, signature: first.signature };
  }
  return { ...map, signature: signatureOf(new Grid(data), anchor.row) };
}
