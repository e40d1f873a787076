/**
 * The programmes (insatser) Schemakoll knows, keyed as in regelkatalog.md. A person may write
 * the key or the Swedish name in any case and spacing ("jpg", "Jobbpeng grund", "FAI 1",
 * "Rusta och matcha 2", "RoM"); `parseProgramme` accepts all of them.
 */
import { z } from "zod";

export const PROGRAMME_KEYS = [
  "ROM2",
  "ITA",
  "JPG",
  "JPF",
  "SAI",
  "FAI1",
  "FAI2",
  "JOBBSPAR",
] as const;
export const programmeSchema = z.enum(PROGRAMME_KEYS);
export type Programme = z.infer<typeof programmeSchema>;

export interface ProgrammeInfo {
  key: Programme;
  /** The name a coordinator knows it by. */
  name: string;
  /** Who buys it: Arbetsförmedlingen, Nacka kommun or a local partnership. */
  principal: string;
  /** Other ways people write it (compared after normalisation). */
  aliases: readonly string[];
}

export const PROGRAMMES: Readonly<Record<Programme, ProgrammeInfo>> = {
  ROM2: {
    key: "ROM2",
    name: "Rusta och matcha 2",
    principal: "Arbetsförmedlingen",
    aliases: ["Rusta och matcha", "RoM", "RoM 2", "RM2", "Rusta & matcha 2"],
  },
  ITA: {
    key: "ITA",
    name: "Introduktion till arbete",
    principal: "Arbetsförmedlingen",
    aliases: ["Intro till arbete"],
  },
  JPG: {
    key: "JPG",
    name: "Jobbpeng grund",
    principal: "Nacka kommun",
    aliases: ["Jobbpeng", "Grund jobbpeng"],
  },
  JPF: {
    key: "JPF",
    name: "Förstärkt jobbpeng",
    principal: "Nacka kommun",
    aliases: ["Jobbpeng förstärkt"],
  },
  SAI: {
    key: "SAI",
    name: "Språk- och arbetsintroduktion",
    principal: "Nacka kommun",
    aliases: ["Språk och arbetsintroduktion", "Språk- & arbetsintroduktion"],
  },
  FAI1: {
    key: "FAI1",
    name: "Arbetsprövning (FAI 1)",
    principal: "Nacka kommun",
    aliases: ["Arbetsprövning", "FAI 1", "FAI-1", "Förberedande arbetslivsinriktade insatser 1"],
  },
  FAI2: {
    key: "FAI2",
    name: "Arbetsnärmande förstegsaktiviteter (FAI 2)",
    principal: "Nacka kommun",
    aliases: [
      "Arbetsnärmande förstegsaktiviteter",
      "FAI 2",
      "FAI-2",
      "Förberedande arbetslivsinriktade insatser 2",
    ],
  },
  JOBBSPAR: {
    key: "JOBBSPAR",
    name: "Lokalt jobbspår",
    principal: "Lokal samverkan",
    aliases: ["Jobbspår", "Jobbspar", "Lokala jobbspår", "Jobbspår i samverkan"],
  },
};

/** Lower case, å/ä/ö folded, everything but letters and digits removed. */
export function foldKey(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, "och")
    .replace(/[^a-z0-9]/g, "");
}

const LOOKUP: ReadonlyMap<string, Programme> = (() => {
  const map = new Map<string, Programme>();
  for (const info of Object.values(PROGRAMMES)) {
    for (const text of [info.key, info.name, ...info.aliases]) map.set(foldKey(text), info.key);
  }
  return map;
})();

/** The programme a text names, or null. */
export function parseProgramme(text: string): Programme | null {
  return LOOKUP.get(foldKey(text)) ?? null;
}

export function programmeName(key: Programme): string {
  return PROGRAMMES[key].name;
}

/** "Jobbpeng grund (JPG)"; a name that already says its key ("Arbetsprövning (FAI 1)") as is. */
export function programmeLabel(key: Programme): string {
  const name = programmeName(key);
  return name.includes("(") ? name : `${name} (${key})`;
}

/** The Nacka kundval programmes, to which the common AMI.* rules apply. */
export const AMI_PROGRAMMES: readonly Programme[] = ["JPG", "JPF", "SAI", "FAI1", "FAI2"];
