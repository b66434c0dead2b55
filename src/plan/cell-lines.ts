import { LATIN_RUN, LATIN_RUN_CODES, textWidth, type TextStyle } from "./measure.js";
import { wordBoundaries } from "./words.js";

/** Cannot start a line: closing marks go with what they close. */
const NO_LINE_START = new Set("，。、；：？！）》」』”’】〕…—%,.;:?!)]");
/** Cannot end a line: opening marks go with what they open. */
const NO_LINE_END = new Set("（《「『“‘【〔([");

/**
 * A label and its value (加分：12.5, 总分：109), a short bracketed group (（件）, （%）) or a Latin run (a
 * 网站标识码, 98.8%): never parted between lines.
 */
const UNIT = new RegExp(String.raw`[^\s：:，,、]{1,8}[：:]\s*[-+]?\d[\d.,%]*|（[^（）]{1,2}）|\([^()]{1,2}\)|` + LATIN_RUN, "g");

/** Where a cell's text may break: between any two characters, never inside a unit nor next to marks that must not part. */
function breakPoints(text: string): number[] {
  const inside = new Set<number>();
  for (const m of text.matchAll(UNIT)) for (let k = m.index + 1; k < m.index + m[0].length; k++) inside.add(k);
  const points: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (!inside.has(i) && !NO_LINE_START.has(text[i]!) && !NO_LINE_END.has(text[i - 1]!) && !isLowSurrogate(text.charCodeAt(i))) points.push(i);
  }
  return points;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Longer than this, a cell is broken greedily: the even-lines search is quadratic in its break points. */
const SEARCH_LIMIT = 400;

/**
 * A cell's text as lines that fit `width`: the fewest lines, then lines as even as they can be (never one
 * character alone on the last line), breaking at word boundaries where that costs nothing, never parting a label
 * from its value or a bracket from what it holds. Dynamic programming over the break points. Writers break
 * exactly there, so a cell reads the same in every renderer. `measured`: the text's width, if known already. A text
 * set on one line is that line alone, not in an array: nearly every cell of a long table is one line.
 */
export function cellLine(text: string, width: number, style: TextStyle, measured = textWidth(text, style)): string | string[] {
  if (text === "" || measured <= width) return text.trim();
  const lines = brokenLines(text, width, style);
  return lines.length === 1 ? lines[0]! : lines;
}

/** Lines as cellLine gives them, one line too in an array. */
export const asLines = (lines: string | string[]): string[] => (typeof lines === "string" ? [lines] : lines);

/** The lines of a text wider than `width`, as cellLine says. */
function brokenLines(text: string, width: number, style: TextStyle): string[] {
  const cuts = [0, ...breakPoints(text), text.length];
  if (cuts.length > SEARCH_LIMIT) return greedy(text, cuts, width, style);
  const words = new Set(wordBoundaries(text));
  const em = style.size * 20;
  const n = cuts.length;
  // best[j]: fewest lines, then least cost, for the text up to cut j; `from`: the cut its last line starts at.
  const best: { lines: number; cost: number; from: number }[] = [{ lines: 0, cost: 0, from: -1 }];
  for (let j = 1; j < n; j++) {
    let found: { lines: number; cost: number; from: number } | undefined;
    for (let i = j - 1; i >= 0; i--) {
      const w = textWidth(text.slice(cuts[i], cuts[j]).trim(), style);
      // A piece wider than the line fits only alone, from the cut before (a unit wider than the column).
      if (w > width && i < j - 1) break;
      const prev = best[i]!;
      const slack = Math.max(0, width - w) / em;
      const cost = prev.cost + slack * slack + (j < n - 1 && !words.has(cuts[j]!) ? 0.5 : 0);
      const lines = prev.lines + 1;
      if (!found || lines < found.lines || (lines === found.lines && cost < found.cost)) found = { lines, cost, from: i };
    }
    best.push(found!);
  }
  const out: string[] = [];
  for (let j = n - 1; j > 0; j = best[j]!.from) out.unshift(text.slice(cuts[best[j]!.from], cuts[j]).trim());
  return out.filter((l) => l !== "");
}

/** Lines filled one after the other: for cells too long to search. */
function greedy(text: string, cuts: readonly number[], width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let k = 1; k < cuts.length; k++) {
    // The piece up to the next cut no longer fits: the line ends at this cut (or there, if nothing fitted).
    if (k < cuts.length - 1 && textWidth(text.slice(start, cuts[k + 1]), style) > width && cuts[k]! > start) {
      lines.push(text.slice(start, cuts[k]));
      start = cuts[k]!;
    }
  }
  lines.push(text.slice(start));
  return lines.map((l) => l.trim()).filter((l) => l !== "");
}

/** UNIT without its label alternative, for text with no colon: the same matches, without trying a label at every character. */
const UNIT_NO_LABEL = new RegExp(UNIT.source.slice(UNIT.source.indexOf("|") + 1), "g");

/** The widest unit the pattern finds: for a text with a colon or a bracket. */
function widestMatch(text: string, style: TextStyle): number {
  let widest = 0;
  const label = text.includes(":") || text.includes("：");
  for (const m of text.matchAll(label ? UNIT : UNIT_NO_LABEL)) widest = Math.max(widest, textWidth(m[0], style));
  return widest;
}

/** The widest piece of a text that cannot break: what a column must hold at the least. */
export function widestUnit(text: string, style: TextStyle): number {
  // Without a colon or a bracket, the units are the Latin runs (the whole of UNIT then): found by one pass over the
  // codes, as the pattern would find them, without its match objects. Every distinct text of a long table comes here.
  let widest = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === 58 || c === 40 || c === 0xff1a || c === 0xff08) return widestMatch(text, style);
    const latin = c >= 0 && c < 128 && LATIN_RUN_CODES[c] === 1;
    if (latin && start < 0) start = i;
    else if (!latin && start >= 0) {
      widest = Math.max(widest, textWidth(text.slice(start, i), style));
      start = -1;
    }
  }
  return widest;
}
