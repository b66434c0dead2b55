/** Sums of scores like 9.5 + 0.5 must print as 10, not 10.000000000000002. */
export const tidy = (n: number): number => (Math.abs(n) < 1e6 ? Math.round(n * 1e9) / 1e9 : Number(n.toPrecision(15)));

/** A number with at most `digits` decimals and no trailing zeros: 98.8, 100, 105.5. */
export function formatNumber(value: number, digits = 2): string {
  const fixed = value.toFixed(digits);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** 98.8%: one decimal place as the circulars write rates, and 100% rather than 100.0%. */
export const formatPercent = (value: number, digits = 1): string => `${formatNumber(value, digits)}%`;

/** A value as a table cell shows it: a rate with its %, other numbers without float noise, a list joined with 、. */
export function cellText(value: unknown, format: "percent" | "number" | undefined, digits: number | undefined): string {
  if (typeof value !== "number") return value === undefined || value === null ? "" : Array.isArray(value) ? value.join("、") : String(value);
  return format === "percent" ? formatPercent(value, digits ?? 1) : formatNumber(tidy(value), digits ?? 2);
}
