/**
 * 4 Händelser: dated milestones, one per row (Deltagare · Datum · Händelse, optionally Avser
 * and Kommentar). Event names are matched to EVENT_KINDS with the close variants people write
 * ("Uppstart", "GFP", "Månadsrapport klarmarkerad", "Trepart", "Uppföljningsmöte KV",
 * "Kontaktförsök (ej svar)", "Läkarintyg inkommet", "Praktik start", "SFI nivå C start",
 * "Anställning start" …). When a name carries what "Avser" would say ("Praktik start" →
 * arbetsplats start, avser "praktik"; "SFI nivå C start" → avser "C"; "Anställning start" →
 * egen försörjning start, avser "anställning") and the Avser cell is blank, that is the avser.
 * An unknown event name, or a date that cannot be read, is LAS.OKLAR and the row is no event.
 */
import { parseMonthValue, type IsoDate } from "../domain/date";
import {
  EVENT_KINDS,
  type EventKind,
  type ReadFinding,
  type ScheduleEvent,
  type SheetData,
} from "../domain/model";
import { EVENTS_LAYOUT, type EventsConcept } from "./headers";
import {
  cannotRead,
  errorFindings,
  participantRows,
  Grid,
  locateTable,
  unreadable,
  type ReadResult,
  type TableOptions,
} from "./table";
import { foldWords, parseDateCell } from "./values";

export interface EventsOptions extends TableOptions {
  /** The participant's startdatum: a date without a year is the first such day on or after it. */
  startOf?: (participantId: string) => IsoDate | null;
  /** The year of a date without one when the participant has no startdatum. */
  defaultYear?: number | null;
}

export interface EventName {
  kind: EventKind;
  /** What the name itself says the event is about ("praktik", "C", "anställning"), or null. */
  avser: string | null;
}

const START = String.raw`(?: (?:start|startar|startade|paborjad|paborjat|borjar|borjade|paborjas))?`;
const DONE = String.raw`(?: (?:klar|klart|klarmarkerad|klarmarkerat|inskickad|inskickat|skickad|skickat|godkand|godkant|inlamnad|inlamnat|upprattad|upprattat|signerad|faststalld|paborjad))?`;
const RECEIVED = String.raw`(?: (?:inkommet|inkommit|inkom|inkommen|mottaget|mottagen|inlamnat|inlamnad|lamnat|lamnad|registrerat))?`;
const KV = String.raw`(?:kv|karriarvagledare|karriarvagledaren|af|arbetsformedlingen)`;
const WHO = String.raw`(?:deltagare|deltagaren|kund|kunden)`;

interface EventPattern {
  kind: EventKind;
  re: RegExp;
  avser?: (m: RegExpExecArray) => string | null;
}

function re(source: string): RegExp {
  return new RegExp(`^(?:${source})$`);
}

const ARBETSPLATS_AVSER: Readonly<Record<string, string | null>> = {
  arbetsplats: null,
  praktik: "praktik",
  praktikplats: "praktik",
  arbetstraning: "arbetsträning",
  arbetstraningsplats: "arbetsträning",
  sprakpraktik: "språkträningsplats",
  spraktraningsplats: "språkträningsplats",
  spraktraning: "språkträningsplats",
};

const EGEN_AVSER: Readonly<Record<string, string | null>> = {
  "egen forsorjning": null,
  anstallning: "anställning",
  anstalld: "anställning",
  arbete: "anställning",
  jobb: "anställning",
  "nytt arbete": "anställning",
  "nytt jobb": "anställning",
  studier: "studier",
  studiestart: "studier",
  utbildning: "studier",
};

/**
 * Matched in order against the folded name (lower case, no accents, punctuation → spaces).
 * More specific kinds come before the ones they contain (reviderad genomförandeplan before
 * genomförandeplan, kontaktförsök before kontakt).
 */
const EVENT_PATTERNS: readonly EventPattern[] = [
  {
    kind: "uppstartsmöte",
    re: re(
      `uppstart|uppstartsmote|uppstartmote|uppstart mote|startmote|inskrivningsmote|inskrivning`,
    ),
  },
  {
    kind: "reviderad genomförandeplan",
    re: re(
      `(?:reviderad|reviderat|revidering|revidering av|uppdaterad|ny) (?:genomforandeplan|gfp)${DONE}|(?:genomforandeplan|gfp) (?:reviderad|revidering|uppdaterad)`,
    ),
  },
  {
    kind: "avstämning genomförandeplan",
    re: re(
      `(?:avstamning|uppfoljning)(?: av)? (?:genomforandeplan|genomforandeplanen|gfp)|(?:genomforandeplan|gfp) (?:avstamning|avstamd)|avstamning|manadsavstamning|avstamningsmote`,
    ),
  },
  { kind: "genomförandeplan", re: re(`(?:genomforandeplan|genomforandeplanen|gfp)${DONE}`) },
  {
    kind: "månadsrapport klar",
    re: re(`(?:manadsrapport|manadsrapporten|mr)${DONE}|klarmarkerad manadsrapport`),
  },
  {
    kind: "trepartsmöte",
    re: re(
      `(?:trepart|trepartsmote|trepart mote|trepartssamtal|trepartsuppfoljning|3 partsmote|trepartsmote med ${KV})(?: med ${KV})?`,
    ),
  },
  {
    kind: "uppföljning med karriärvägledare",
    re: re(
      `(?:uppfoljning|uppfoljningsmote|uppfoljningssamtal|mote)(?: med)? ${KV}|${KV} uppfoljning`,
    ),
  },
  {
    // Jobbspår's "strukturerad och regelbunden uppföljning" (004): a follow-up of the
    // participant by the provider, when no karriärvägledare is named.
    kind: "uppföljning",
    re: re(
      `uppfoljning|uppfoljningsmote|uppfoljningssamtal|manadsuppfoljning|uppfoljning av deltagaren`,
    ),
  },
  { kind: "slutrapport", re: re(`slutrapport${DONE}`) },
  { kind: "bonusrapport", re: re(`bonusrapport${DONE}`) },
  {
    kind: "kontaktförsök",
    re: re(`(?:kontaktforsok|forsok till kontakt|forsokt kontakta ${WHO}|sokt ${WHO})(?: .*)?`),
  },
  {
    kind: "meddelat karriärvägledare",
    re: re(
      `(?:meddelat|meddelade|meddela|meddelad|informerat|informerade|informerad|rapporterat|rapporterad|rapporterat till|rapporterad till|kontaktat|kontaktade) ${KV}(?: .*)?|${KV} (?:meddelad|meddelat|informerad|informerat|kontaktad)(?: .*)?`,
    ),
  },
  {
    kind: "kontakt",
    re: re(
      `(?:kontakt|kundkontakt|telefonkontakt|telefonsamtal|personligt mote|kontakt med ${WHO}|samtal med ${WHO}|mote med ${WHO})(?: (?:via )?(?:telefon|mejl|mail|e post|epost|sms|teams|fysiskt|pa plats|digitalt))?`,
    ),
  },
  {
    kind: "läkarintyg",
    re: re(`(?:lakarintyg|lakarintyget|sjukintyg|intyg fran lakare|intyg lakare)${RECEIVED}`),
  },
  {
    kind: "vab-intyg",
    re: re(
      `(?:vab intyg|vabintyg|vab intyget|intyg vab|intyg om vab|intyg vard av barn|vard av barn intyg)${RECEIVED}`,
    ),
  },
  { kind: "statusrapport", re: re(`statusrapport${DONE}`) },
  {
    kind: "förlängning",
    re: re(`forlangning(?: beslutad| beviljad| beslut)?|beslut om forlangning|forlangd|forlangt`),
  },
  {
    kind: "arbetsplats start",
    re: re(
      `(?:start )?(arbetsplats|praktik|praktikplats|arbetstraning|arbetstraningsplats|sprakpraktik|spraktraningsplats|spraktraning)${START}`,
    ),
    avser: (m) => ARBETSPLATS_AVSER[m[1] ?? ""] ?? null,
  },
  {
    kind: "sfi-nivå start",
    re: re(`(?:start )?sfi(?: niva| kurs)?(?: ([a-d]))?${START}`),
    avser: (m) => (m[1] === undefined ? null : m[1].toUpperCase()),
  },
  {
    kind: "egen försörjning start",
    re: re(
      `(?:start )?(egen forsorjning|anstallning|anstalld|arbete|jobb|nytt arbete|nytt jobb|studier|studiestart|utbildning)${START}|fick (jobb|arbete)`,
    ),
    avser: (m) => (m[2] !== undefined ? "anställning" : (EGEN_AVSER[m[1] ?? ""] ?? null)),
  },
  { kind: "tilläggscheck", re: re(`tillaggscheck(?: beviljad| beslutad| beslut| utbetald)?`) },
  { kind: "insats", re: re(`insats|ny insats|insats start|start insats`) },
  {
    kind: "anvisning",
    re: re(`anvisning|anvisad|anvisningsbeslut|nytt anvisningsbeslut|anvisningsdatum|ny anvisning`),
  },
  {
    kind: "avslut",
    re: re(
      `avslut|avslutad|avslutat|avslutning|avslutsdatum|avslut insats|insats avslutad|utskrivning|utskriven`,
    ),
  },
];

const EXACT: ReadonlyMap<string, EventKind> = new Map(EVENT_KINDS.map((k) => [foldWords(k), k]));

/** The event kind a name means, with what the name says about Avser; null when unknown. */
export function parseEventName(text: string): EventName | null {
  const folded = foldWords(text);
  if (folded === "") return null;
  const exact = EXACT.get(folded);
  for (const pattern of EVENT_PATTERNS) {
    const m = pattern.re.exec(folded);
    if (m) return { kind: pattern.kind, avser: pattern.avser?.(m) ?? null };
  }
  return exact === undefined ? null : { kind: exact, avser: null };
}

const KNOWN_EVENTS =
  "Uppstartsmöte, Genomförandeplan, Reviderad genomförandeplan, Avstämning genomförandeplan, " +
  "Månadsrapport klar, Trepartsmöte, Uppföljning med karriärvägledare, Slutrapport, Kontakt, " +
  "Kontaktförsök, Meddelat karriärvägledare, Läkarintyg, VAB-intyg, Statusrapport, Förlängning, " +
  "Arbetsplats start, SFI-nivå start, Egen försörjning start, Tilläggscheck, Insats";

/** Reads an events sheet (Händelser / Logg). */
export function readEvents(
  sheet: SheetData,
  options: EventsOptions = {},
): ReadResult<ScheduleEvent[]> {
  const grid = new Grid(sheet);
  const located = locateTable(grid, EVENTS_LAYOUT, options);
  if (located === null) return { items: [], findings: [], map: null };
  const { header, map } = located;
  const at = (concept: EventsConcept): number | undefined => header.columns[concept];
  const defaultYear = options.defaultYear ?? null;
  const items: ScheduleEvent[] = [];
  const findings: ReadFinding[] = [];

  const participantColumn = at("participant") ?? 0;
  for (const { r, participantId } of participantRows(
    grid,
    EVENTS_LAYOUT,
    header,
    participantColumn,
    findings,
  )) {
    const kindColumn = at("kind") ?? 0;
    const kindText = grid.content(r, kindColumn);
    const name = kindText === null ? null : parseEventName(kindText);
    const dateColumn = at("date") ?? 0;
    let date: IsoDate | null = null;
    if (grid.blank(r, dateColumn)) {
      findings.push(
        unreadable(
          grid,
          r,
          dateColumn,
          `Datum saknas i ${grid.address(r, dateColumn)}; raden läses inte som en händelse.`,
          participantId,
        ),
      );
    } else {
      date = parseDateCell(grid.value(r, dateColumn), {
        onOrAfter: options.startOf?.(participantId) ?? null,
        defaultYear,
      });
      if (date === null) {
        findings.push(
          cannotRead(grid, r, dateColumn, "datumet", "Skriv t.ex. 2024-03-05.", participantId),
        );
      }
    }
    if (name === null) {
      findings.push(
        kindText === null
          ? unreadable(
              grid,
              r,
              kindColumn,
              `Händelse saknas i ${grid.address(r, kindColumn)}; raden läses inte som en händelse.`,
              participantId,
            )
          : cannotRead(
              grid,
              r,
              kindColumn,
              "händelsen",
              `Kända händelser: ${KNOWN_EVENTS}.`,
              participantId,
            ),
      );
    }
    if (name === null || date === null) continue;

    items.push({
      participantId,
      date,
      kind: name.kind,
      avser: readAvser(grid, r, at("avser"), name.kind) ?? name.avser,
      comment: grid.content(r, at("comment")),
      refs: grid.rowRefs(r),
    });
  }
  findings.push(...errorFindings(grid, findings));
  return { items, findings, map };
}

/**
 * The Avser cell as written; a date cell (Excel turns "2024-03" into a date) is shown as the
 * month for a monthly report and as the date otherwise.
 */
function readAvser(grid: Grid, r: number, c: number | undefined, kind: EventKind): string | null {
  const text = grid.content(r, c);
  if (text === null) return null;
  const value = grid.value(r, c);
  if (typeof value === "number" || value instanceof Date) {
    if (kind === "månadsrapport klar") return parseMonthValue(value) ?? text;
    if (kind === "förlängning") return parseDateCell(value) ?? text;
  }
  return text;
}
