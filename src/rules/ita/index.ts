/** Introduktion till arbete (seed 002): the ITA.* rule modules. */
import type { Rule } from "../types";

export const ITA_RULES: readonly Rule[] = [];
