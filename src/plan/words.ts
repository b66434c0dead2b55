/**
 * Word boundaries of Chinese text, from ICU's dictionary segmenter, made on first use: creating it costs more
 * than a whole circular's other text work, and most builds need it only for the title.
 */
let segmenter: Intl.Segmenter | undefined;

/** Offsets (0 < i < length) where a word ends and the next begins. */
export function wordBoundaries(text: string): number[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out: number[] = [];
  for (const { index } of segmenter.segment(text)) if (index > 0) out.push(index);
  return out;
}
