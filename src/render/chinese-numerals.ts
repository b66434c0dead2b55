const DIGITS = "零一二三四五六七八九";
const UNITS = ["", "十", "百", "千"];

/** 16 → 十六, 105 → 一百零五, 2019 → 二千零一十九; for headings (一、) and ordinals (第一季度). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`无法写成中文数字：${n}`);
  if (n === 0) return DIGITS[0]!;
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += DIGITS[0];
    zero = false;
    out += DIGITS[d]! + unit;
  });
  // 一十六 is written 十六.
  return out.startsWith("一十") ? out.slice(1) : out;
}
