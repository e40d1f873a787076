/** Lokalt jobbspår (seed 004): the JOBBSPAR.* rule modules. */
import type { Rule } from "../types";

export const JOBBSPAR_RULES: readonly Rule[] = [];
