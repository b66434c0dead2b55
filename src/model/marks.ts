/**
 * Where a figure stands in a text. A model built for the preview carries, in its body texts, a mark around the
 * output of each {{…}} expression: MARK_OPEN, the names the expression read (its `ref`), MARK_START, the output,
 * MARK_END. The marks are Unicode noncharacters, which Unicode sets aside for a program's own use, so no file's
 * text is taken for one (a text that holds them is rendered unmarked). The plan lifts them out before it measures.
 */
export const MARK_OPEN = "\uFDD0";
export const MARK_START = "\uFDD1";
export const MARK_END = "\uFDD2";
const ANY_MARK = /[\uFDD0-\uFDD2]/;

/** Characters [start, end) of a text show the value `ref` names (`sites.passRate`, `lists.late.length`). */
export interface Mark {
  start: number;
  end: number;
  ref: string;
}

export const hasMarkCharacters = (text: string): boolean => ANY_MARK.test(text);

/**
 * The text without its marks, and the marks as character ranges of it. A mark around text that holds marks of its
 * own (a template passing a marked text through) gives way to them: the inner ones say more.
 */
export function liftMarks(text: string): { text: string; marks: Mark[] } {
  if (!text.includes(MARK_OPEN)) return { text, marks: [] };
  let out = "";
  const marks: Mark[] = [];
  const open: { ref: string; start: number; inner: number }[] = [];
  let at = 0;
  while (at < text.length) {
    const c = text[at]!;
    if (c === MARK_OPEN) {
      const start = text.indexOf(MARK_START, at + 1);
      if (start < 0) break;
      open.push({ ref: text.slice(at + 1, start), start: out.length, inner: marks.length });
      at = start + 1;
    } else if (c === MARK_END) {
      const mark = open.pop();
      if (mark && marks.length === mark.inner && out.length > mark.start) marks.push({ start: mark.start, end: out.length, ref: mark.ref });
      at++;
    } else {
      out += c;
      at++;
    }
  }
  return { text: out, marks: marks.sort((a, b) => a.start - b.start) };
}

/** The marks that fall within [start, end) of a text, counted from `start`. */
export const marksWithin = (marks: readonly Mark[], start: number, end: number): Mark[] =>
  marks.flatMap((m) => (m.end > start && m.start < end ? [{ start: Math.max(m.start, start) - start, end: Math.min(m.end, end) - start, ref: m.ref }] : []));
