/**
 * Which vocabulary reads a programme's schedules. JPG, JPF and SAI share Nacka's kundval
 * vocabulary (seed 003); FAI 1 and FAI 2 share the FAI bilaga's (seed 001).
 */
import type { Programme } from "../programmes";
import { FAI_VOCABULARY } from "./fai";
import { ITA_VOCABULARY } from "./ita";
import { JOBBSPAR_VOCABULARY } from "./jobbspar";
import { NACKA_VOCABULARY } from "./nacka";
import { ROM2_VOCABULARY } from "./rom2";
import type { Vocabulary } from "./types";

export const VOCABULARIES: Readonly<Record<Programme, Vocabulary>> = {
  ROM2: ROM2_VOCABULARY,
  ITA: ITA_VOCABULARY,
  JPG: NACKA_VOCABULARY,
  JPF: NACKA_VOCABULARY,
  SAI: NACKA_VOCABULARY,
  FAI1: FAI_VOCABULARY,
  FAI2: FAI_VOCABULARY,
  JOBBSPAR: JOBBSPAR_VOCABULARY,
};

/** The vocabulary a programme's activity texts are read with. */
export function vocabularyFor(programme: Programme): Vocabulary {
  return VOCABULARIES[programme];
}
