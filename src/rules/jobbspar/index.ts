/** Lokalt jobbspår (seed 004): the JOBBSPAR.* rule modules. */
import type { Rule } from "../types";
import { JOBBSPAR_AVSLUT } from "./avslut";
import { JOBBSPAR_GLAPP } from "./glapp";
import { JOBBSPAR_OVERLAPP } from "./overlapp";
import { JOBBSPAR_UPPFOLJNING } from "./uppfoljning";

export const JOBBSPAR_RULES: readonly Rule[] = [
  JOBBSPAR_GLAPP,
  JOBBSPAR_OVERLAPP,
  JOBBSPAR_UPPFOLJNING,
  JOBBSPAR_AVSLUT,
];
