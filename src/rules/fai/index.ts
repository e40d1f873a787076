/** Nacka FAI (seed 001): the FAI.*, FAI1.* and FAI2.* rule modules. */
import type { Rule } from "../types";
import { FAI_FORLANGNING } from "./forlangning";
import { FAI_GENOMFORANDEPLAN } from "./genomforandeplan";
import { FAI1_LANGD, FAI2_LANGD } from "./langd";
import { FAI_OGILTIG } from "./ogiltig";
import { FAI1_TIMMAR } from "./timmar";
import { FAI1_UPPFOLJNING, FAI2_UPPFOLJNING } from "./uppfoljning";
import { FAI2_UPPTRAPPNING } from "./upptrappning";

export const FAI_RULES: readonly Rule[] = [
  FAI_GENOMFORANDEPLAN,
  FAI_OGILTIG,
  FAI_FORLANGNING,
  FAI1_LANGD,
  FAI1_TIMMAR,
  FAI1_UPPFOLJNING,
  FAI2_LANGD,
  FAI2_UPPFOLJNING,
  FAI2_UPPTRAPPNING,
];
