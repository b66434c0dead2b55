import stringWidth from "string-width";

/** Columns a string takes in a terminal: CJK characters and full-width marks take two, emoji too, accents none. */
export const displayWidth = (s: string): number => stringWidth(s);

export const padEnd = (s: string, width: number): string => s + " ".repeat(Math.max(0, width - displayWidth(s)));

let graphemes: Intl.Segmenter | undefined;

/** The longest start of `s` that fits in `width` columns, cut between characters as the reader sees them. */
export function truncateToWidth(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let out = "";
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}
