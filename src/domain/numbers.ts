/** Numbers as a Swedish reader writes them in a message: "7,5", "32", "0,25". */
export function decimalText(n: number, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  return String(Math.round(n * factor) / factor).replace(".", ",");
}
