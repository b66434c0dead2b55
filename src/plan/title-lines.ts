import { textWidth, type TextStyle } from "./measure.js";
import { wordBoundaries } from "./words.js";

/** Words a title line must not split, beyond those the data names (issuer, period, scope). */
const KEEP_WORDS = ["人民政府", "办公室", "办公厅", "检查情况", "抽查情况", "办理情况", "情况", "通报", "名单", "统计表", "季度", "政务服务", "便民热线"];

/** Cannot end a title line: they belong with what follows. */
const NO_LINE_END = new Set("（《“‘【〔(");
/** A number stays with its unit: 2019年, 35号. */
const UNITS = new Set("年月日号期个家");
/** Cannot start a title line. */
const NO_LINE_START = new Set("）》”’】〕)，。、；：");

/** Offsets where a title may break: word boundaries, minus those inside a kept word, after 的 or next to a mark. */
function breakOffsets(text: string, keep: readonly string[]): number[] {
  const inside = new Set<number>();
  for (const word of [...keep, ...KEEP_WORDS]) {
    if (!word) continue;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      for (let k = at + 1; k < at + word.length; k++) inside.add(k);
    }
  }
  // Never leave 的 at the end of a line (…情况的 / 通报): a break before 的 is allowed, after it is not.
  return wordBoundaries(text).filter(
    (i) => !inside.has(i) && text[i - 1] !== "的" && !NO_LINE_END.has(text[i - 1]!) && !NO_LINE_START.has(text[i]!) && !(/\d/.test(text[i - 1]!) && UNITS.has(text[i]!)),
  );
}

/** Shapes GB/T 9704 7.3.1 asks for, best first: 梯形 (lines growing or shrinking), 菱形, then any. */
const SHAPES = [
  { fits: (prev: number, w: number, _falling: boolean) => w >= prev, factor: 1 },
  { fits: (prev: number, w: number) => w <= prev, factor: 1 },
  { fits: (prev: number, w: number, falling: boolean) => (falling ? w <= prev : true), factor: 1.5 },
  { fits: undefined, factor: 4 },
] as const;

/** Above this many break points, lines are chosen without a shape; above the second, greedily. */
const SHAPED_LIMIT = 120;
const SEARCH_LIMIT = 1000;

/**
 * Breaks a title into the fewest lines that fit, at word boundaries, choosing the most even lines in a 梯形 or
 * 菱形 shape as GB/T 9704 7.3.1 asks. Dynamic programming over break points: bounded work however long the
 * title. A line break the data writes (\n) is kept.
 */
export function titleLines(text: string, width: number, style: TextStyle, keep: readonly string[] = []): string[] {
  if (text.includes("\n")) return text.split("\n").flatMap((part) => titleLines(part, width, style, keep));
  if (textWidth(text, style) <= width) return [text];
  const cuts = [0, ...breakOffsets(text, keep), text.length];
  const n = cuts.length;
  if (n > SEARCH_LIMIT) return forceBreak(text, width, style);
  const widthMemo = new Map<number, number>();
  const w = (a: number, b: number) => {
    const key = a * n + b;
    let v = widthMemo.get(key);
    if (v === undefined) widthMemo.set(key, (v = textWidth(text.slice(cuts[a], cuts[b]), style)));
    return v;
  };
  // Fewest lines: a breadth-first count over break points.
  const fewest = new Array<number>(n).fill(Infinity);
  fewest[0] = 0;
  for (let b = 1; b < n; b++) {
    // Lines that end at b and fit: from the nearest start back until one is too wide.
    for (let a = b - 1; a >= 0 && w(a, b) <= width; a--) fewest[b] = Math.min(fewest[b]!, fewest[a]! + 1);
  }
  const k = fewest[n - 1]!;
  if (!Number.isFinite(k)) return forceBreak(text, width, style);
  const mean = textWidth(text, style) / k;
  const cost = (a: number, b: number) => (w(a, b) - mean) ** 2;

  let best: { lines: string[]; cost: number } | undefined;
  const shapes = n <= SHAPED_LIMIT ? SHAPES : [SHAPES[3]];
  for (const shape of shapes) {
    // f[j][a][b]: least cost of j lines, the last from cut a to cut b, ending the title at b; for shapes that
    // look at the line before, the state keeps where it began.
    const found = shapedBreaks(n, k, w, width, cost, shape.fits);
    if (found && (!best || found.cost * shape.factor < best.cost)) {
      best = { lines: found.ends.map((end, i) => text.slice(cuts[i === 0 ? 0 : found.ends[i - 1]!], cuts[end])), cost: found.cost * shape.factor };
    }
  }
  return best?.lines ?? forceBreak(text, width, style);
}

/** The cheapest k lines over the cuts whose widths follow `fits` (given the line before), as the cut each line ends at. */
function shapedBreaks(
  n: number,
  k: number,
  w: (a: number, b: number) => number,
  width: number,
  cost: (a: number, b: number) => number,
  fits: ((prev: number, next: number, falling: boolean) => boolean) | undefined,
): { ends: number[]; cost: number } | undefined {
  type State = { cost: number; from: number; falling: boolean; back?: State };
  // states[b]: for lines ending at cut b, the best state by the cut the line began at.
  let states = new Map<number, Map<number, State>>([[0, new Map([[-1, { cost: 0, from: 0, falling: false }]])]]);
  for (let line = 0; line < k; line++) {
    const next = new Map<number, Map<number, State>>();
    for (const [a, byStart] of states) {
      for (const state of byStart.values()) {
        const prev = state.back === undefined ? undefined : w(state.from, a);
        for (let b = a + 1; b < n; b++) {
          const wb = w(a, b);
          if (wb > width) break;
          if (line === k - 1 && b !== n - 1) continue;
          if (fits && prev !== undefined && !fits(prev, wb, state.falling)) continue;
          const c = state.cost + cost(a, b);
          // Without a shape the line before does not matter: one state per end suffices.
          const key = fits ? a : 0;
          const byA = next.get(b) ?? new Map<number, State>();
          const known = byA.get(key);
          if (!known || c < known.cost) byA.set(key, { cost: c, from: a, falling: state.falling || (prev !== undefined && wb < prev), back: state });
          next.set(b, byA);
        }
      }
    }
    states = next;
  }
  const last = states.get(n - 1);
  if (!last) return undefined;
  let bestState: State | undefined;
  for (const s of last.values()) if (!bestState || s.cost < bestState.cost) bestState = s;
  if (!bestState) return undefined;
  const ends: number[] = [n - 1];
  for (let s: State | undefined = bestState; s?.back?.back; s = s.back) ends.unshift(s.from);
  return { ends, cost: bestState.cost };
}

/** A title with a word wider than a line, or of thousands of words: broken greedily by characters. */
function forceBreak(text: string, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (line && textWidth(line + ch, style) > width) {
      lines.push(line);
      line = "";
    }
    line += ch;
  }
  return [...lines, line];
}
