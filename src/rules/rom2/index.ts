/** Rusta och matcha 2 (seed 000): the ROM2.* rule modules. */
import type { Rule } from "../types";
import { ROM2_FRAMFORHALLNING } from "./framforhallning";
import { ROM2_FYSISKA } from "./fysiska";
import { ROM2_KON } from "./kon";
import { ROM2_KOSTHALSA } from "./kosthalsa";
import { ROM2_MOTE14 } from "./mote14";
import { ROM2_MOTIVATION } from "./motivation";
import { ROM2_NARVAR } from "./narvar";
import { ROM2_OMFATTNING } from "./omfattning";
import { ROM2_PERIOD } from "./period";
import { ROM2_SPRAK20 } from "./sprak20";
import { ROM2_TILLATNA } from "./tillatna";
import { ROM2_VECKOAKT } from "./veckoakt";

export const ROM2_RULES: readonly Rule[] = [
  ROM2_MOTE14,
  ROM2_VECKOAKT,
  ROM2_FYSISKA,
  ROM2_SPRAK20,
  ROM2_TILLATNA,
  ROM2_MOTIVATION,
  ROM2_KOSTHALSA,
  ROM2_FRAMFORHALLNING,
  ROM2_NARVAR,
  ROM2_OMFATTNING,
  ROM2_KON,
  ROM2_PERIOD,
];
