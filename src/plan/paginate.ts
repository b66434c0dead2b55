import { splitLines } from "./paragraph.js";
import type { Block, Paragraph, Table } from "./plan.js";

/** What `paginate` leaves: how many pages, and the height used on the last. */
export interface PageCount {
  pages: number;
  used: number;
}

type Planned = Paragraph & { forcedLines?: string[] };

/**
 * A paragraph's lines at the width it was last broken at: the pagination is run again while rules settle and the
 * 版记 is placed, and only spacing and page breaks change between runs, never the text.
 */
const broken = new WeakMap<Paragraph, { width: number; lines: ReturnType<typeof splitLines> }>();
function linesOf(p: Planned, width: number): ReturnType<typeof splitLines> {
  const known = broken.get(p);
  if (known && known.width === width) return known.lines;
  const lines = splitLines(p, width);
  broken.set(p, { width, lines });
  return lines;
}

const lineCountOf = (p: Planned, width: number) => linesOf(p, width).length;
/** What a rule under a paragraph adds below its lines: the gap, and the rule's own width (eighths of a point). */
const below = (p: Paragraph) => (p.ruleBelow ? p.ruleBelow.gap + Math.ceil(p.ruleBelow.size * 2.5) : 0);

/**
 * Height of a run of keep-with-next paragraphs from `start` up to the first line of what follows them: what must
 * fit on one page, as renderers keep them (a run longer than a page is let break).
 */
function keptHeight(blocks: readonly Block[], start: number, width: number): number {
  let height = 0;
  for (let i = start; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === "table") return height + b.header.height + (b.rows[0]?.height ?? 0);
    if (b.kind === "colophon") return height;
    height += b.before + (b.keepNext ? lineCountOf(b, width) * b.lineHeight + below(b) : b.lineHeight);
    if (!b.keepNext) return height;
  }
  return height;
}

/**
 * Places every line and row of a section's blocks on pages of height `pageHeight` and lines of `width`: the
 * line pitch is exact, so the count is what renderers get. Paragraphs start a page when asked, when kept with
 * what follows and it does not fit, or when kept whole and they do not fit; space above is dropped at the top
 * of a page; table rows never split and the header row repeats on every page.
 */
export function paginate(blocks: readonly Block[], pageHeight: number, width: number): PageCount {
  let page = 0;
  let used = 0;
  const newPage = () => {
    page++;
    used = 0;
  };
  // A 版记 stands at the foot of the page of the line its frames are anchored to: the next paragraph's.
  let colophons: Block[] = [];
  blocks.forEach((block, i) => {
    if (block.kind === "colophon") {
      colophons.push(block);
      return;
    }
    if (block.kind === "table") {
      placeTable(block, keptHeight(blocks, i + 1, width));
      return;
    }
    const p = block as Planned;
    const lines = linesOf(p, width);
    const whole = p.before + lines.length * p.lineHeight + below(p);
    if (p.pageBreakBefore && used > 0) newPage();
    else if (p.keepNext && used > 0 && used + keptHeight(blocks, i, width) > pageHeight) newPage();
    else if (p.keepLines && used > 0 && used + whole > pageHeight && whole <= pageHeight) newPage();
    used += p.before;
    if (used > pageHeight) newPage();
    p.lines = lines.map((line) => {
      if (used + p.lineHeight > pageHeight) newPage();
      const placed = { ...line, page, y: used };
      used += p.lineHeight;
      return placed;
    });
    used += below(p);
    for (const c of colophons) if (c.kind === "colophon") c.page = p.lines[0]?.page ?? page;
    colophons = [];
  });
  return { pages: page + 1, used };

  /** `after`: the height of what follows the table up to its first line, which a row kept with it takes along. */
  function placeTable(t: Table, after: number) {
    const first = t.rows[0];
    if (used + t.header.height + (first?.height ?? 0) + (first?.keepNext ? after : 0) > pageHeight) newPage();
    t.header.page = page;
    t.header.y = used;
    used += t.header.height;
    for (const row of t.rows) {
      // A kept row goes over with what follows, unless it already stands first under the header.
      if (used + row.height > pageHeight || (row.keepNext && used + row.height + after > pageHeight && used > t.header.height)) {
        newPage();
        used = t.header.height;
      }
      row.page = page;
      row.y = used;
      used += row.height;
    }
  }
}
