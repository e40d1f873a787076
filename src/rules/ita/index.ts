/** Introduktion till arbete (seed 002): the ITA.* rule modules. */
import type { Rule } from "../types";
import { ITA_ANVISNING } from "./anvisning";
import { ITA_DEL1 } from "./del1";
import { ITA_DEL2OBL } from "./del2obl";
import { ITA_DEL3 } from "./del3";
import { ITA_HALSA } from "./halsa";
import { ITA_PROGRESSION } from "./progression";
import { ITA_TOTAL } from "./total";

export const ITA_RULES: readonly Rule[] = [
  ITA_DEL1,
  ITA_TOTAL,
  ITA_ANVISNING,
  ITA_HALSA,
  ITA_DEL2OBL,
  ITA_DEL3,
  ITA_PROGRESSION,
];
