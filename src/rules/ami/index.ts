/** Nacka kundval (seed 003): the AMI.* and SAI.* rule modules. */
import type { Rule } from "../types";

export const AMI_RULES: readonly Rule[] = [];
