/** Nacka FAI (seed 001): the FAI.*, FAI1.* and FAI2.* rule modules. */
import type { Rule } from "../types";

export const FAI_RULES: readonly Rule[] = [];
