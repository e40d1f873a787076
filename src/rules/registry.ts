/** Every rule module, by programme. Rule ids are a public contract: never rename them. */
import { AMI_RULES } from "./ami";
import { FAI_RULES } from "./fai";
import { ITA_RULES } from "./ita";
import { JOBBSPAR_RULES } from "./jobbspar";
import { ROM2_RULES } from "./rom2";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  ...ROM2_RULES,
  ...ITA_RULES,
  ...AMI_RULES,
  ...FAI_RULES,
  ...JOBBSPAR_RULES,
];
