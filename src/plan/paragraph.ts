import { BODY_CONDENSE, BODY_SIZE, CHAR, LINE } from "./geometry.js";
import { breakLines } from "./measure.js";
import { marksWithin } from "../model/marks.js";
import type { Face, Line, Paragraph, Role, Run, RunStyle, Rule, SealPlacement, TabStop } from "./plan.js";

/** A run in a face: 3号 text is condensed by 0.25 pt, which is what makes 28 characters fill a line in every renderer. */
export function run(text: string, style: Partial<RunStyle> & { face?: Face } = {}, extra: Partial<Run> = {}): Run {
  const size = style.size ?? BODY_SIZE;
  return {
    text,
    style: { face: style.face ?? "body", size, ...(size === BODY_SIZE ? { spacing: BODY_CONDENSE } : {}), ...clean(style) },
    ...extra,
  };
}

const clean = (style: Partial<RunStyle>): Partial<RunStyle> => {
  const out: Partial<RunStyle> = {};
  if (style.bold) out.bold = true;
  if (style.color) out.color = style.color;
  if (style.scale && style.scale !== 100) out.scale = style.scale;
  return out;
};

export interface ParagraphOptions {
  align?: Paragraph["align"];
  indent?: Partial<Paragraph["indent"]>;
  before?: number;
  lineHeight?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  ruleBelow?: Rule;
  tabs?: TabStop[];
  seal?: SealPlacement;
  level?: number;
  /** The lines, when the plan decides them (a title): the writer breaks exactly there. */
  forcedLines?: string[];
}

/** A paragraph on the 22-line grid: justified, exact line height, first line indented as asked. Placed by `paginate`. */
export function paragraph(role: Role, runs: Run[], options: ParagraphOptions = {}): Paragraph & { forcedLines?: string[] } {
  return {
    kind: "paragraph",
    role,
    ...(options.level !== undefined ? { level: options.level } : {}),
    runs,
    lines: [],
    forcedBreaks: options.forcedLines !== undefined,
    ...(options.forcedLines ? { forcedLines: options.forcedLines } : {}),
    align: options.align ?? "both",
    indent: { left: 0, right: 0, firstLine: 0, hanging: 0, ...options.indent },
    before: options.before ?? 0,
    lineHeight: options.lineHeight ?? LINE,
    keepNext: options.keepNext ?? false,
    keepLines: options.keepLines ?? false,
    pageBreakBefore: options.pageBreakBefore ?? false,
    ...(options.ruleBelow ? { ruleBelow: options.ruleBelow } : {}),
    tabs: options.tabs ?? [],
    ...(options.seal ? { seal: options.seal } : {}),
  };
}

/** n body characters, in twips, for indents. */
export const chars = (n: number): number => Math.round(n * CHAR);

/** The runs that make up the characters [start, end) of a paragraph's text. */
function sliceRuns(runs: readonly Run[], start: number, end: number): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const r of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + r.text.length);
    if (to > from || (r.text === "" && at >= start && at < end)) {
      const marks = r.marks && marksWithin(r.marks, from - at, to - at);
      out.push({ ...r, text: r.text.slice(from - at, to - at), ...(r.tab && from > at ? { tab: false } : {}), ...(marks ? { marks } : {}) });
    }
    at += r.text.length;
  }
  return out.map((r) => (r.tab === false ? dropTab(r) : r));
}

const dropTab = (r: Run): Run => {
  const { tab: _tab, ...rest } = r;
  return rest;
};

/**
 * The texts of a paragraph's lines at a width, as renderers break them: the forced lines of a title, else
 * greedily with the first line narrower by its indent (or wider by a hanging indent). Tabs count as a space.
 */
export function lineTexts(p: Paragraph & { forcedLines?: string[] }, width: number): string[] {
  if (p.forcedLines) return p.forcedLines;
  const text = p.runs.map((r) => (r.tab ? " " : "") + r.text).join("");
  if (p.tabs.length) return [text];
  const size = p.runs[0]?.style.size ?? BODY_SIZE;
  const style = size === BODY_SIZE ? { size, spacing: BODY_CONDENSE } : { size };
  const inner = width - p.indent.left - p.indent.right;
  return breakLines(text, inner, style, p.indent.hanging ? -p.indent.hanging : p.indent.firstLine);
}

/** The lines of a paragraph, each with its runs, to be placed on pages. */
export function splitLines(p: Paragraph & { forcedLines?: string[] }, width: number): Omit<Line, "page" | "y">[] {
  const texts = lineTexts(p, width);
  const full = p.runs.map((r) => (r.tab ? " " : "") + r.text).join("");
  if (p.forcedLines || p.tabs.length || texts.length === 1) {
    if (texts.length === 1) return [{ runs: p.runs }];
    // Forced lines cut the runs where the lines end (a title is one or two runs).
    let at = 0;
    return texts.map((t) => {
      const runs = sliceRuns(p.runs, at, at + t.length);
      at += t.length;
      return { runs };
    });
  }
  let at = 0;
  return texts.map((t) => {
    // Trailing spaces a break drops are not in the line's text.
    const start = full.indexOf(t, at);
    const from = start < 0 ? at : start;
    at = from + t.length;
    return { runs: sliceRuns(p.runs, from, from + t.length) };
  });
}
