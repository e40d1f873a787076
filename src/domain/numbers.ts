/** Numbers as a Swedish reader writes them in a message: "7,5", "32", "0,25". */
export function decimalText(n: number, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  return String(Math.round(n * factor) / factor).replace(".", ",");
}

/** Whole numbers with Swedish thousands grouping: 12345 → "12 345", -1500 → "-1 500". */
export function groupedInteger(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** Kronor as text for people: 3686 → "3 686 kr". */
export function formatKronor(amount: number): string {
  return `${groupedInteger(amount)} kr`;
}
