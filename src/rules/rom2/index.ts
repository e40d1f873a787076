/** Rusta och matcha 2 (seed 000): the ROM2.* rule modules. */
import type { Rule } from "../types";
import { ROM2_MOTE14 } from "./mote14";

export const ROM2_RULES: readonly Rule[] = [ROM2_MOTE14];
