/** Every rule module, by catalog id. Rule ids are a public contract: never rename them. */
import { ROM2_MOTE14 } from "./rom2/mote14";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [ROM2_MOTE14];
