/** Nacka kundval (seed 003): the AMI.* and SAI.* rule modules. */
import type { Rule } from "../types";
import { AMI_ARBETSPLATS } from "./arbetsplats";
import { SAI_ARBETSPLATS50 } from "./arbetsplats50";
import { AMI_AVSTAMNING } from "./avstamning";
import { AMI_FRANVARO } from "./franvaro";
import { AMI_GENOMFORANDEPLAN } from "./genomforandeplan";
import { AMI_HELTID } from "./heltid";
import { AMI_INTYG } from "./intyg";
import { AMI_JPG100 } from "./jpg100";
import { AMI_KONTAKT } from "./kontakt";
import { AMI_LEDIGHET } from "./ledighet";
import { AMI_MANADSRAPPORT } from "./manadsrapport";
import { AMI_OGILTIG } from "./ogiltig";
import { AMI_OMPROVNING } from "./omprovning";
import { AMI_REVIDERAD } from "./reviderad";
import { SAI_SFI } from "./sfi";
import { SAI_SFINIVA } from "./sfiniva";
import { AMI_SLUTRAPPORT } from "./slutrapport";
import { AMI_TREPART } from "./trepart";
import { AMI_UPPSTART } from "./uppstart";

export const AMI_RULES: readonly Rule[] = [
  AMI_MANADSRAPPORT,
  AMI_INTYG,
  AMI_OGILTIG,
  AMI_FRANVARO,
  AMI_KONTAKT,
  AMI_HELTID,
  AMI_GENOMFORANDEPLAN,
  AMI_AVSTAMNING,
  SAI_SFI,
  AMI_TREPART,
  AMI_REVIDERAD,
  AMI_SLUTRAPPORT,
  AMI_LEDIGHET,
  AMI_ARBETSPLATS,
  AMI_UPPSTART,
  AMI_OMPROVNING,
  AMI_JPG100,
  SAI_ARBETSPLATS50,
  SAI_SFINIVA,
];
