/**
 * Schemakoll's custom functions, =AMI.… in Excel. Each is a thin wrapper: read the arguments,
 * ask domain/, return a number or text, or throw a CustomFunctions.Error with a Swedish
 * message. They touch neither the workbook nor the task pane, so they work with the pane
 * closed. custom-functions-metadata-plugin reads the JSDoc below into functions.json and adds
 * the CustomFunctions.associate calls at build time.
 */
import { parseActivityCell } from "../domain/activityText";
import { serviceMonth } from "../domain/calendar";
import { insatsdagar as countInsatsdagar, monthlyCompensation } from "../domain/compensation";
import { todayLocal, toSerial, yearMonthOf } from "../domain/date";
import { hoursInCells } from "../domain/gridHours";
import { programmeName } from "../domain/programmes";
import { nextMeetingDeadline, reportDeadline, weeklyMinimumHours } from "../domain/requirements";
import { findTariff, noTariffMessage } from "../domain/tariffs";
import { closestCategory } from "../domain/vocabulary/match";
import { ROM2_VOCABULARY } from "../domain/vocabulary/rom2";
import { dateArg, monthArg, notAvailable, optionalDateArg, programmeArg, valueError } from "./args";

/**
 * Dagersättningen i kronor för en insats vid ett datum (ersättning vid del av månad).
 * @customfunction DAGERSATTNING
 * @param insats Insatsens kod eller namn, t.ex. "JPG" eller "Jobbpeng grund".
 * @param [datum] Datumet som ersättningen gäller. Utelämnat: dagens datum.
 * @returns Dagersättning i kronor.
 */
export function dagersattning(insats: string, datum?: unknown): number {
  const programme = programmeArg(insats);
  const date = optionalDateArg(datum, "datum") ?? todayLocal();
  const tariff = findTariff(programme, date);
  if (tariff === null) throw notAvailable(noTariffMessage(programme, yearMonthOf(date)));
  return tariff.dayRate;
}

/**
 * Månadens ersättning i kronor för en deltagare: hela månaden ger månadsbeloppet, del av månad insatsdagar × dagersättning (högst månadsbeloppet). 0 utanför perioden.
 * @customfunction MANADSERSATTNING
 * @param insats Insatsens kod eller namn, t.ex. "JPG".
 * @param startdatum Insatsens startdatum.
 * @param slutdatum Insatsens slutdatum. Tom cell: pågående.
 * @param manad Månaden, som "2024-03" eller ett datum i månaden.
 * @returns Ersättning i hela kronor.
 */
export function manadsersattning(
  insats: string,
  startdatum: unknown,
  slutdatum: unknown,
  manad: unknown,
): number {
  const programme = programmeArg(insats);
  const start = dateArg(startdatum, "startdatum");
  const end = optionalDateArg(slutdatum, "slutdatum");
  const month = monthArg(manad);
  if (end !== null && end < start)
    throw valueError(`Slutdatum ${end} ligger före startdatum ${start}.`);
  const result = monthlyCompensation({ programme, start, end, month });
  if (result.kind === "noTariff") throw notAvailable(result.message);
  return result.kind === "outside" ? 0 : result.amount;
}

/**
 * Antal insatsdagar i en månad: kalenderdagarna i månaden från startdatum till slutdatum, båda medräknade.
 * @customfunction INSATSDAGAR
 * @param startdatum Insatsens startdatum.
 * @param slutdatum Insatsens slutdatum. Tom cell: pågående.
 * @param manad Månaden, som "2024-03" eller ett datum i månaden.
 * @returns Antal insatsdagar.
 */
export function insatsdagar(startdatum: unknown, slutdatum: unknown, manad: unknown): number {
  const start = dateArg(startdatum, "startdatum");
  const end = optionalDateArg(slutdatum, "slutdatum");
  const month = monthArg(manad);
  if (end !== null && end < start)
    throw valueError(`Slutdatum ${end} ligger före startdatum ${start}.`);
  return countInsatsdagar(start, end, month);
}

/**
 * Vilken månad av tjänsten ett datum ligger i, räknat från startdatum (månad 1 = startdatum till dagen före samma datum nästa månad).
 * @customfunction TJANSTEMANAD
 * @param startdatum Tjänstens startdatum.
 * @param datum Datumet att räkna för.
 * @returns Tjänstemånad, från 1.
 */
export function tjanstemanad(startdatum: unknown, datum: unknown): number {
  const start = dateArg(startdatum, "startdatum");
  const date = dateArg(datum, "datum");
  const month = serviceMonth(start, date);
  if (month === null) throw valueError(`Datumet ${date} ligger före startdatum ${start}.`);
  return month;
}

/**
 * Lägsta antal timmar per vecka som insatsen kräver vid ett datum: ROM2 1 h månad 1–6 och 2 h därefter, FAI 1 10 h, FAI 2 0 h månad 1–3 och 10 h därefter, JPG/JPF/SAI heltid (40 h).
 * @customfunction KRAVTIMMAR
 * @param insats Insatsens kod eller namn, t.ex. "ROM2".
 * @param startdatum Insatsens startdatum.
 * @param datum Datumet att räkna för.
 * @returns Timmar per vecka.
 */
export function kravtimmar(insats: string, startdatum: unknown, datum: unknown): number {
  const programme = programmeArg(insats);
  const start = dateArg(startdatum, "startdatum");
  const date = dateArg(datum, "datum");
  if (date < start) throw valueError(`Datumet ${date} ligger före startdatum ${start}.`);
  const minimum = weeklyMinimumHours(programme, start, date);
  if (minimum === null)
    throw notAvailable(`${programmeName(programme)} har inget timkrav per vecka.`);
  return minimum.hours;
}

/**
 * Sista dag då nästa obligatoriska möte kan hållas efter ett möte: ROM2 individuellt möte inom 14 kalenderdagar; Nackas insatser kontakt senast söndag veckan efter. Formatera cellen som datum.
 * @customfunction NASTAMOTE
 * @param senaste_mote Datum för det senaste mötet.
 * @param [insats] Insatsens kod eller namn. Utelämnad: "ROM2".
 * @returns Datum (serienummer) för sista dag.
 */
export function nastamote(senaste_mote: unknown, insats?: string | null): number {
  const last = dateArg(senaste_mote, "senaste_möte");
  const programme =
    insats === undefined || insats === null || insats === "" ? "ROM2" : programmeArg(insats);
  const deadline = nextMeetingDeadline(programme, last);
  if (deadline === null)
    throw notAvailable(`${programmeName(programme)} har inget krav på mötesfrekvens.`);
  return toSerial(deadline);
}

/**
 * Dagen då månadsrapporten för en månad senast ska vara klarmarkerad (den 7:e i följande månad). Formatera cellen som datum.
 * @customfunction RAPPORTFRIST
 * @param manad Månaden, som "2024-03" eller ett datum i månaden.
 * @returns Datum (serienummer) för fristen.
 */
export function rapportfrist(manad: unknown): number {
  return toSerial(reportDeadline(monthArg(manad)));
}

/**
 * Summan av timmarna i schemaceller: tidsintervall i texten ("8.00-8.30", "13-16.30"), eller radens tidsblock när radetiketterna ingår i området. Lunch räknas aldrig.
 * @customfunction TIMMAR
 * @param omrade Cellerna i schemat, gärna med radetiketterna (t.ex. "8.00-12.00").
 * @returns Antal timmar.
 */
export function timmar(omrade: unknown[][]): number {
  if (!Array.isArray(omrade)) throw valueError("Ange ett område med schemaceller.");
  return hoursInCells(omrade);
}

/**
 * Vilken aktivitet i Rusta och matcha 2 (individuellt möte eller valbar aktivitet 1–8) en schemacell beskriver.
 * @customfunction AKTIVITET
 * @param text Schemacellens text, t.ex. "Eget arbete- praktiskt stöd: Skriva CV".
 * @returns Aktivitetens namn; flera aktiviteter skiljs med semikolon.
 */
export function aktivitet(text: string): string {
  if (typeof text !== "string" || text.trim() === "")
    throw valueError("Ange en cell med schematext.");
  const parsed = parseActivityCell(text, { vocabulary: ROM2_VOCABULARY });
  if (parsed.lunch) throw notAvailable("Lunch är ingen aktivitet.");
  const names = [
    ...new Set(parsed.activities.flatMap((a) => (a.category ? [a.category.name] : []))),
  ];
  if (names.length === 0) {
    const closest = closestCategory(text, ROM2_VOCABULARY);
    const hint = closest && closest.similarity > 0.15 ? ` Närmast: ${closest.name}.` : "";
    throw notAvailable(`Texten motsvarar ingen tillåten aktivitet i Rusta och matcha 2.${hint}`);
  }
  return names.join("; ");
}
