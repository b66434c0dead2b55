const DIGITS = "零一二三四五六七八九";
const UNITS = ["", "十", "百", "千"];

/** 0–9999 in words, with the zeros a reader says (一百零五) and none at the end (一千). */
function belowTenThousand(n: number): string {
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += DIGITS[0];
    zero = false;
    out += DIGITS[d]! + UNITS[digits.length - 1 - i]!;
  });
  return out;
}

/** The largest number written in words: headings and ordinals never come near it. */
export const MAX_NUMERAL = 99_999_999;

/**
 * 16 → 十六, 105 → 一百零五, 10010 → 一万零一十; for headings (一、), ordinals (一是) and periods (第一季度).
 * Undefined outside 0 … 99,999,999 or for a fraction: the caller says what was being numbered.
 */
export function chineseNumeral(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > MAX_NUMERAL) return undefined;
  if (n === 0) return DIGITS[0];
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  let out = high ? `${belowTenThousand(high)}万` : "";
  if (low) out += (high && low < 1000 ? DIGITS[0] : "") + belowTenThousand(low);
  // 一十六 is said 十六 at the start of a number.
  return out.startsWith("一十") ? out.slice(1) : out;
}
