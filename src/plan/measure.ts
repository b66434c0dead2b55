/**
 * Widths and line breaks of text on the fixed 公文 grid, close enough to LibreOffice and Word to paginate by:
 * every CJK character and full-width mark is one em, Latin and digits take Times New Roman widths, LibreOffice adds
 * about 0.2 em where an ideograph meets Latin (it ignores w:autoSpaceDE; not next to full-width punctuation such
 * as 〔 or （), and closing punctuation never starts a line: a comma or full stop hangs in the margin, any other
 * closing mark takes the character before it down.
 */

/** Times New Roman advance widths in em for the half-width characters circulars use; others count as 0.5. */
const LATIN_EM: Record<string, number> = {
  " ": 0.25, ".": 0.25, ",": 0.25, ":": 0.278, ";": 0.278, "-": 0.333, "/": 0.278, "(": 0.333, ")": 0.333,
  "%": 0.833, "@": 0.921, "_": 0.5, "&": 0.778, "+": 0.564, "=": 0.564, "<": 0.564, ">": 0.564, "#": 0.5,
  "'": 0.18, '"': 0.408, "!": 0.333, "?": 0.444, "*": 0.5, "[": 0.333, "]": 0.333,
  i: 0.278, j: 0.278, l: 0.278, f: 0.333, t: 0.278, r: 0.333, m: 0.778, w: 0.722, s: 0.389, I: 0.333, J: 0.389,
  M: 0.889, W: 0.944,
};

const CJK_GAP_EM = 0.2;

/** Cannot start a line. */
const NO_LINE_START = new Set("，。、；：？！）》」』”’】〕〉…—·%,.;:?!)]」".split(""));
/** Of those, what LibreOffice lets hang past the line's end; before the others it breaks a character earlier. */
const HANGS = new Set("，。、,.".split(""));
/** Cannot end a line: they move down with the character they open. */
const NO_LINE_END = new Set("（《「『“‘【〔〈([".split(""));

/** Full-width in the renderers: CJK, kana, hangul, full-width forms, the 一字线 and ·, and everything astral. */
const isWideCode = (c: number): boolean =>
  (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
  (c >= 0x2010 && c <= 0x2027) || c === 0xb7 || c >= 0x20000;

/** Full-width punctuation and marks: wide, but LibreOffice sets no gap between them and Latin text. */
const isWideMark = (c: number): boolean =>
  (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) ||
  (c >= 0xff5b && c <= 0xff65) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0x2010 && c <= 0x2027) || c === 0xb7;

/** What a character is for the CJK–Latin gap: Latin (0), an ideograph or other wide letter (1), a wide mark (2). */
const gapClass = (c: number): number => (!isWideCode(c) ? 0 : isWideMark(c) ? 2 : 1);
/** A gap stands between Latin and an ideograph, next to each other. */
const gapBetween = (a: number, b: number): boolean => (a === 0 && b === 1) || (a === 1 && b === 0);

/** Widths of the ASCII characters, looked up by code: every cell of a long table is measured. */
const ASCII_EM = Float64Array.from({ length: 128 }, (_, code) => {
  const ch = String.fromCharCode(code);
  return LATIN_EM[ch] ?? (/[A-Z]/.test(ch) ? 0.667 : /[a-z]/.test(ch) ? 0.47 : 0.5);
});

/** Times New Roman's ×, ÷ and ±, which circulars' formulas use, are as wide as + and =. */
const MATH_SIGNS = new Set([0xd7, 0xf7, 0xb1]);
const emOfCode = (c: number): number => (c < 128 ? ASCII_EM[c]! : isWideCode(c) ? 1 : MATH_SIGNS.has(c) ? 0.564 : 0.5);

/** Width in em of one character. */
export const charEm = (ch: string): number => emOfCode(ch.codePointAt(0)!);

export interface TextStyle {
  /** Font size in points. */
  size: number;
  /** Extra space after every character, in twips (negative condenses). */
  spacing?: number;
}

/** A run of Latin letters, digits and the marks inside codes and numbers: renderers never break inside one. */
export const LATIN_RUN = "[A-Za-z0-9.%\\-_/:@&+#'\"]+";

const ONE_LATIN_RUN = new RegExp(`^${LATIN_RUN}$`);
/** The characters of a Latin run, by code (1 for each): for a pass over a text's codes without a pattern. */
export const LATIN_RUN_CODES = Uint8Array.from({ length: 128 }, (_, c) => (ONE_LATIN_RUN.test(String.fromCharCode(c)) ? 1 : 0));

/** Pieces that never break inside: one CJK character, or a Latin run. */
const TOKENS = new RegExp(`${LATIN_RUN}|\\s|[\\s\\S]`, "gu");
const tokens = (text: string): string[] => text.match(TOKENS) ?? [];

/**
 * Width of a single line of text in twips, CJK–Latin gaps included. One pass over the characters: long attachment
 * tables measure every cell.
 */
export function textWidth(text: string, style: TextStyle): number {
  const em = style.size * 20;
  const spacing = style.spacing ?? 0;
  let ems = 0;
  let gaps = 0;
  let count = 0;
  let prev = -1; // unknown; then a gap class
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) c = text.codePointAt(i++)!;
    count++;
    if (c === 32 || c === 9 || c === 10) {
      // A space parts Latin from an ideograph: no gap across it.
      ems += 0.25;
      prev = -1;
      continue;
    }
    // The two kinds nearly every character is, without the tests for the rest: an ideograph of the basic block (one
    // em, gap class 1) and ASCII (gap class 0).
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (prev === 0) gaps++;
      ems += 1;
      prev = 1;
      continue;
    }
    if (c < 128) {
      if (prev === 1) gaps++;
      ems += ASCII_EM[c]!;
      prev = 0;
      continue;
    }
    const cls = gapClass(c);
    if (prev >= 0 && gapBetween(prev, cls)) gaps++;
    ems += emOfCode(c);
    prev = cls;
  }
  // A small integer (| 0): arrays of widths then hold one kind of number, and code reading them stays compiled.
  return Math.round(ems * em + count * spacing + gaps * CJK_GAP_EM * em) | 0;
}

/**
 * Breaks `text` into lines no wider than `width` twips (the first `firstIndent` narrower), the way a renderer
 * would: greedily, keeping Latin runs whole, hanging closing punctuation, carrying opening marks down.
 */
export function breakLines(text: string, width: number, style: TextStyle, firstIndent = 0): string[] {
  if (text === "" || firstIndent + textWidth(text, style) <= width + 1) return [text];
  const lines: string[] = [];
  let line: string[] = [];
  let used = firstIndent;
  let prev = -1;
  for (const token of tokens(text)) {
    const first = gapClass(token.codePointAt(0)!);
    const gap = prev >= 0 && gapBetween(prev, first) && token.trim() ? CJK_GAP_EM * style.size * 20 : 0;
    const w = textWidth(token, style);
    const fits = used + gap + w <= width + 1;
    if (fits || line.length === 0 || HANGS.has(token)) {
      line.push(token);
      used += gap + w;
    } else {
      // A closing mark takes the character before it to the next line; an opening mark goes down with what it opens.
      const carried: string[] = [];
      if (NO_LINE_START.has(token) && line.length > 1) carried.unshift(line.pop()!);
      while (line.length > 1 && NO_LINE_END.has(line[line.length - 1]!)) carried.unshift(line.pop()!);
      lines.push(line.join(""));
      line = [...carried, token];
      used = textWidth(line.join(""), style);
    }
    prev = token.trim() ? gapClass(token.codePointAt(token.length - 1)!) : -1;
  }
  lines.push(line.join(""));
  return lines.map((l) => l.replace(/\s+$/, ""));
}

export const lineCount = (text: string, width: number, style: TextStyle, firstIndent = 0): number =>
  breakLines(text, width, style, firstIndent).length;
