/**
 * The rule ids of ../shared/regelkatalog.md, copied so the repository can check itself
 * without the shared folder (a test compares this list with the catalog when it is there).
 * Rule ids are a public contract: never rename one.
 */

/** Ids checked by a rule module (rules/). */
export const CATALOG_RULE_IDS = [
  "ROM2.MOTE14",
  "ROM2.VECKOAKT",
  "ROM2.FYSISKA",
  "ROM2.SPRAK20",
  "ROM2.TILLATNA",
  "ROM2.MOTIVATION",
  "ROM2.KOSTHALSA",
  "ROM2.FRAMFORHALLNING",
  "ROM2.NARVAR",
  "ROM2.OMFATTNING",
  "ROM2.KON",
  "ROM2.PERIOD",
  "ITA.DEL1",
  "ITA.TOTAL",
  "ITA.ANVISNING",
  "ITA.HALSA",
  "ITA.DEL2OBL",
  "ITA.DEL3",
  "ITA.PROGRESSION",
  "AMI.HELTID",
  "AMI.KONTAKT",
  "AMI.GENOMFORANDEPLAN",
  "AMI.AVSTAMNING",
  "AMI.MANADSRAPPORT",
  "AMI.TREPART",
  "AMI.REVIDERAD",
  "AMI.SLUTRAPPORT",
  "AMI.FRANVARO",
  "AMI.INTYG",
  "AMI.OGILTIG",
  "AMI.LEDIGHET",
  "AMI.ARBETSPLATS",
  "AMI.UPPSTART",
  "AMI.OMPROVNING",
  "AMI.JPG100",
  "SAI.SFI",
  "SAI.ARBETSPLATS50",
  "SAI.SFINIVA",
  "FAI.GENOMFORANDEPLAN",
  "FAI.OGILTIG",
  "FAI.FORLANGNING",
  "FAI1.LANGD",
  "FAI1.TIMMAR",
  "FAI1.UPPFOLJNING",
  "FAI2.LANGD",
  "FAI2.UPPTRAPPNING",
  "FAI2.UPPFOLJNING",
  "JOBBSPAR.GLAPP",
  "JOBBSPAR.OVERLAPP",
  "JOBBSPAR.UPPFOLJNING",
  "JOBBSPAR.AVSLUT",
] as const;

/** Ids produced while reading the workbook (read/). */
export const CATALOG_READ_IDS = ["LAS.OKLAR", "LAS.DELTAGARE", "LAS.REGISTER"] as const;

/** Ids of the compensation rows (reports/ and domain/compensation). */
export const CATALOG_COMPENSATION_IDS = [
  "ERS.MANAD",
  "ERS.DAG",
  "ERS.BONUS",
  "ERS.TILLAGG",
  "ERS.SEN",
] as const;
