import type { Paragraph, Table } from "docx";
import { TEXT_HEIGHT } from "./page-geometry.js";

/**
 * What a layout piece adds to the page, in twips, so that pages can be counted without a renderer. Every line in a
 * circular has an exact height, which is what makes the count reliable.
 */
export type Box =
  /**
   * A paragraph: optionally on a new page, space above, then lines that may break across pages, then what a bottom
   * border adds below them; kept on the page of the next paragraph's first line if `keepNext`.
   */
  | { kind: "lines"; before: number; count: number; height: number; after?: number; pageBreakBefore?: boolean; keepNext?: boolean }
  /** A table: its header row repeats on every page, body rows never split. */
  | { kind: "table"; header: number; rows: number[] };

/** A raw OOXML table spliced into document.xml at pack time (the docx object model is too slow for long tables). */
export interface RawTable {
  placeholder: string;
  xml: string;
}

/** docx children and their boxes, built side by side so they cannot drift apart. */
export class Flow {
  readonly children: (Paragraph | Table)[] = [];
  readonly boxes: Box[] = [];
  readonly rawTables: RawTable[] = [];

  add(child: Paragraph | Table, box?: Box): this {
    this.children.push(child);
    if (box) this.boxes.push(box);
    return this;
  }

  append(other: Flow): this {
    this.children.push(...other.children);
    this.boxes.push(...other.boxes);
    this.rawTables.push(...other.rawTables);
    return this;
  }
}

export interface PageCount {
  pages: number;
  /** Height used on the last page. */
  used: number;
}

/** Counts the pages a sequence of boxes fills, starting at the top of a page of height `pageHeight`. */
export function paginate(boxes: readonly Box[], pageHeight = TEXT_HEIGHT): PageCount {
  let pages = 1;
  let used = 0;
  const newPage = () => {
    pages++;
    used = 0;
  };
  boxes.forEach((box, i) => {
    if (box.kind === "lines") {
      if (box.pageBreakBefore && used > 0) newPage();
      else if (box.keepNext && used > 0 && used + keptHeight(boxes, i) > pageHeight) newPage();
      used += box.before;
      if (used > pageHeight) newPage();
      for (let i = 0; i < box.count; i++) {
        if (used + box.height > pageHeight) newPage();
        used += box.height;
      }
      used += box.after ?? 0;
    } else {
      if (used + box.header + (box.rows[0] ?? 0) > pageHeight) newPage();
      used += box.header;
      for (const row of box.rows) {
        if (used + row > pageHeight) {
          newPage();
          used = box.header;
        }
        used += row;
      }
    }
  });
  return { pages, used };
}

/**
 * Height of a run of keep-with-next paragraphs from `start` up to the first line of the paragraph after them: what
 * must fit on one page (a run longer than a page is let break, as renderers do).
 */
function keptHeight(boxes: readonly Box[], start: number): number {
  let height = 0;
  for (let i = start; i < boxes.length; i++) {
    const box = boxes[i]!;
    if (box.kind !== "lines") return height + box.header + (box.rows[0] ?? 0);
    height += box.before + (box.keepNext ? box.count * box.height + (box.after ?? 0) : box.height);
    if (!box.keepNext) return height;
  }
  return height;
}
