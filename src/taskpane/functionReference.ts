/** The formulas as the task pane and README present them: name, arguments, an example. */
export interface FunctionReference {
  name: string;
  syntax: string;
  example: string;
  result: string;
}

export const FUNCTION_REFERENCE: readonly FunctionReference[] = [
  {
    name: "DAGERSATTNING",
    syntax: "=AMI.DAGERSATTNING(insats; [datum])",
    example: '=AMI.DAGERSATTNING("JPG")',
    result: "123",
  },
  {
    name: "MANADSERSATTNING",
    syntax: "=AMI.MANADSERSATTNING(insats; startdatum; slutdatum; månad)",
    example: '=AMI.MANADSERSATTNING("JPG"; "2024-03-15"; ""; "2024-03")',
    result: "2 091",
  },
  {
    name: "INSATSDAGAR",
    syntax: "=AMI.INSATSDAGAR(startdatum; slutdatum; månad)",
    example: '=AMI.INSATSDAGAR("2024-03-15"; ""; "2024-03")',
    result: "17",
  },
  {
    name: "TJANSTEMANAD",
    syntax: "=AMI.TJANSTEMANAD(startdatum; datum)",
    example: '=AMI.TJANSTEMANAD("2024-03-15"; "2024-09-15")',
    result: "7",
  },
  {
    name: "KRAVTIMMAR",
    syntax: "=AMI.KRAVTIMMAR(insats; startdatum; datum)",
    example: '=AMI.KRAVTIMMAR("ROM2"; "2024-01-01"; "2024-07-01")',
    result: "2",
  },
  {
    name: "NASTAMOTE",
    syntax: "=AMI.NASTAMOTE(senaste_möte; [insats])",
    example: '=AMI.NASTAMOTE("2024-03-04")',
    result: "2024-03-18",
  },
  {
    name: "RAPPORTFRIST",
    syntax: "=AMI.RAPPORTFRIST(månad)",
    example: '=AMI.RAPPORTFRIST("2024-03")',
    result: "2024-04-07",
  },
  { name: "TIMMAR", syntax: "=AMI.TIMMAR(område)", example: "=AMI.TIMMAR(A3:F7)", result: "37,5" },
  {
    name: "AKTIVITET",
    syntax: "=AMI.AKTIVITET(text)",
    example: '=AMI.AKTIVITET("Eget arbete- praktiskt stöd: Skriva CV")',
    result: "Praktiskt stöd",
  },
];
