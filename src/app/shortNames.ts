/**
 * "Använd formelnamn utan AMI.": workbook names that let a coordinator write
 * =DAGERSATTNING("JPG") instead of =AMI.DAGERSATTNING("JPG"). Each name is a LAMBDA that
 * passes its arguments on to the custom function; an optional argument is passed only when
 * given (ISOMITTED), so the function's own default applies otherwise.
 *
 * Excel's rules for LAMBDA: parameter names are plain names that must not look like a cell
 * reference or a function (so "text" is "celltext"), optional ones are written in [brackets],
 * and the formula of a name is stored in Excel's English syntax (commas).
 */
import type { DefinedName } from "../workbook/port";

export interface ShortNameParameter {
  /** The LAMBDA parameter (ASCII, not a cell reference, not a function name). */
  name: string;
  optional: boolean;
}

export interface ShortNameFunction {
  /** The custom function's id, and the name defined in the workbook. */
  id: string;
  parameters: readonly ShortNameParameter[];
}

const p = (name: string, optional = false): ShortNameParameter => ({ name, optional });

/** The nine functions of src/functions/functions.ts, parameters in order. */
export const SHORT_NAME_FUNCTIONS: readonly ShortNameFunction[] = [
  { id: "DAGERSATTNING", parameters: [p("insats"), p("datum", true)] },
  {
    id: "MANADSERSATTNING",
    parameters: [p("insats"), p("startdatum"), p("slutdatum"), p("manad")],
  },
  { id: "INSATSDAGAR", parameters: [p("startdatum"), p("slutdatum"), p("manad")] },
  { id: "TJANSTEMANAD", parameters: [p("startdatum"), p("datum")] },
  { id: "KRAVTIMMAR", parameters: [p("insats"), p("startdatum"), p("datum")] },
  { id: "NASTAMOTE", parameters: [p("senaste_mote"), p("insats", true)] },
  { id: "RAPPORTFRIST", parameters: [p("manad")] },
  { id: "TIMMAR", parameters: [p("omrade")] },
  { id: "AKTIVITET", parameters: [p("celltext")] },
];

/** The custom functions' namespace (manifest.xml). */
export const NAMESPACE = "AMI";

/** The comment on each name (Excel's Name Manager shows it). */
export const SHORT_NAME_COMMENT =
  "Schemakoll: kortnamn för AMI.-funktionen med samma namn (Använd formelnamn utan AMI.).";

function call(id: string, args: readonly string[]): string {
  return `${NAMESPACE}.${id}(${args.join(",")})`;
}

/**
 * The body for the parameters from index i on: required ones are passed as they are; at an
 * optional one, IF(ISOMITTED(x), <call without x and the rest>, <call with x>).
 */
function body(
  id: string,
  parameters: readonly ShortNameParameter[],
  given: string[],
  i: number,
): string {
  const parameter = parameters[i];
  if (parameter === undefined) return call(id, given);
  if (!parameter.optional) return body(id, parameters, [...given, parameter.name], i + 1);
  return `IF(ISOMITTED(${parameter.name}),${call(id, given)},${body(id, parameters, [...given, parameter.name], i + 1)})`;
}

/** "=LAMBDA(insats,[datum],IF(ISOMITTED(datum),AMI.DAGERSATTNING(insats),AMI.DAGERSATTNING(insats,datum)))" */
export function shortNameFormula(fn: ShortNameFunction): string {
  const params = fn.parameters.map((x) => (x.optional ? `[${x.name}]` : x.name));
  return `=LAMBDA(${params.join(",")},${body(fn.id, fn.parameters, [], 0)})`;
}

/** Every name to define. */
export function shortNames(): DefinedName[] {
  return SHORT_NAME_FUNCTIONS.map((fn) => ({ name: fn.id, formula: shortNameFormula(fn) }));
}

/** The names, in order. */
export const SHORT_NAMES: readonly string[] = SHORT_NAME_FUNCTIONS.map((fn) => fn.id);
