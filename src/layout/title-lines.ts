import { textWidth, type TextStyle } from "./text-measure.js";

/** Words a title line must not split, beyond those the data names (issuer, period, scope). */
const KEEP_WORDS = ["政务新媒体", "政府网站", "人民政府", "办公室", "办公厅", "检查情况", "抽查情况", "情况", "通报", "名单", "统计表", "季度"];

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Offsets where a title may break: ICU word boundaries, minus those inside a kept word. */
function breakOffsets(text: string, keep: readonly string[]): number[] {
  const inside = new Set<number>();
  for (const word of [...keep, ...KEEP_WORDS]) {
    if (!word) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      for (let k = at + 1; k < at + word.length; k++) inside.add(k);
    }
  }
  const offsets: number[] = [];
  for (const { index } of segmenter.segment(text)) {
    // Never leave 的 at the end of a line (…情况的 / 通报): a break before 的 is allowed, after it is not.
    if (index > 0 && !inside.has(index) && text[index - 1] !== "的") offsets.push(index);
  }
  return offsets;
}

/**
 * Breaks a title into the fewest lines that fit, choosing among word boundaries the split whose lines are most
 * even and, failing that, shaped as a 梯形 (each line no longer than the next, or no shorter) or 菱形 (longest in
 * the middle), as GB/T 9704 7.3.1 asks.
 */
export function titleLines(text: string, width: number, style: TextStyle, keep: readonly string[] = []): string[] {
  if (textWidth(text, style) <= width) return [text];
  const offsets = breakOffsets(text, keep);
  let best: { lines: string[]; cost: number } | undefined;
  for (let count = 2; count <= 6 && !best; count++) {
    for (const cuts of combinations(offsets, count - 1)) {
      const bounds = [0, ...cuts, text.length];
      const lines = bounds.slice(1).map((end, i) => text.slice(bounds[i], end));
      const widths = lines.map((l) => textWidth(l, style));
      if (widths.some((w) => w > width)) continue;
      const cost = shapeCost(widths);
      if (!best || cost < best.cost) best = { lines, cost };
    }
  }
  return best?.lines ?? [text];
}

function shapeCost(widths: number[]): number {
  const max = Math.max(...widths);
  const unevenness = widths.reduce((s, w) => s + (max - w) ** 2, 0);
  const ascending = widths.every((w, i) => i === 0 || w >= widths[i - 1]!);
  const descending = widths.every((w, i) => i === 0 || w <= widths[i - 1]!);
  const peak = widths.indexOf(max);
  const diamond = widths.every((w, i) => (i <= peak ? i === 0 || w >= widths[i - 1]! : w <= widths[i - 1]!));
  return unevenness * (ascending || descending ? 1 : diamond ? 1.5 : 4);
}

function* combinations(items: readonly number[], k: number, start = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= items.length - k; i++) for (const rest of combinations(items, k - 1, i + 1)) yield [items[i]!, ...rest];
}
