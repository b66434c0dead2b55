/**
 * Word boundaries of Chinese text, from ICU's dictionary segmenter, made on first use: creating it costs more
 * than a whole circular's other text work, and most builds need it only for the title.
 */
let segmenter: Intl.Segmenter | undefined;

/**
 * Iterating a segmentation takes time quadratic in the text's length (80,000 characters take seconds): longer
 * texts are segmented in windows of this many characters, cut after punctuation or a space where there is one.
 */
const WINDOW = 500;
const CUT_AFTER = /[\s，。；：、,.;:!?！？）)]/;

/** Offsets (0 < i < length) where a word ends and the next begins. */
export function wordBoundaries(text: string): number[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out: number[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + WINDOW);
    if (end < text.length) {
      let cut = end;
      while (cut > start + WINDOW / 2 && !CUT_AFTER.test(text[cut - 1]!)) cut--;
      end = cut > start + WINDOW / 2 ? cut : end;
      // Never between the halves of a surrogate pair.
      if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--;
    }
    for (const { index } of segmenter.segment(text.slice(start, end))) if (index > 0) out.push(start + index);
    if (end < text.length) out.push(end);
    start = end;
  }
  return out;
}
