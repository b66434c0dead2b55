/**
 * A circular laid out to GB/T 9704, for any writer: sections of pages, and on them paragraphs whose lines are
 * placed (page, and twips from the top of the 版心), tables with their column widths, cell lines and row pages,
 * the 版记 at a page foot and the seal over the 署名. Every decision of the standard is made here; a writer only
 * says it in its own format. Lengths are twips (1/20 pt) unless said otherwise.
 */
import type { Mark } from "../model/marks.js";
import type { FontEntry } from "./fonts.js";

/** The typefaces of GB/T 9704, by what they are used for. */
export type Face = "body" | "title" | "kai" | "hei" | "song";

export interface RunStyle {
  face: Face;
  /** Points. */
  size: number;
  bold?: boolean;
  /** RGB hex. */
  color?: string;
  /** Horizontal scale in percent (a long 发文机关标志 narrowed to one line). */
  scale?: number;
  /** Extra space after every character, twips (3号 text is condensed so that 28 characters fill a line). */
  spacing?: number;
}

export interface Run {
  text: string;
  style: RunStyle;
  /** A tab before the text (fields of the 明电 grid, the 版记's date). */
  tab?: boolean;
  /** Never broken inside: a telephone or fax number. */
  unbreakable?: boolean;
  /** A space left to be filled in by hand (a 机发号 the 机要 office writes). */
  blank?: boolean;
  /** Where the figures in the text come from, for the preview; character ranges of `text`. */
  marks?: Mark[];
}

/** What a paragraph is, for writers that mark structure (the web copy's headings) and for the checks. */
export type Role =
  | "marginNote" | "issuerMark" | "docNumber" | "telegramFields" | "title" | "recipients" | "paragraph" | "heading"
  | "point" | "attachmentList" | "signature" | "date" | "note" | "publicity" | "attachmentLabel" | "attachmentTitle"
  | "attachmentSubtitle" | "tableNote" | "anchor";

export interface Rule {
  /** RGB hex. */
  color: string;
  /** Eighths of a point, as OOXML borders are measured. */
  size: number;
  /** Between the text's line box and the rule, twips. */
  gap: number;
}

export interface TabStop {
  align: "left" | "center" | "right";
  position: number;
}

/** A line as the plan breaks it: where it is, and what it holds (a slice of the paragraph's runs). */
export interface Line {
  /** 0-based, within the section. */
  page: number;
  /** Top of the line box, from the top of the 版心. */
  y: number;
  runs: Run[];
}

/** The seal image over the 署名 and 成文日期 (GB/T 9704 7.3.5.1), placed from the paragraph it is anchored to. */
export interface SealPlacement {
  image: Uint8Array;
  type: "png" | "jpg";
  /** Diameter. */
  size: number;
  /** Left edge from the 版心's left edge, top edge from the anchor paragraph's top. */
  x: number;
  y: number;
}

export interface Paragraph {
  kind: "paragraph";
  role: Role;
  /** Heading depth (0 for 一、) for headings. */
  level?: number;
  runs: Run[];
  /** The lines the plan expects; with `forcedBreaks` the writer breaks exactly there (titles), else renderers may. */
  lines: Line[];
  forcedBreaks: boolean;
  align: "left" | "center" | "right" | "both";
  indent: { left: number; right: number; firstLine: number; hanging: number };
  /** Space above, twips (blank lines are multiples of the line pitch). */
  before: number;
  /** Exact line height. */
  lineHeight: number;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  ruleBelow?: Rule;
  tabs: TabStop[];
  seal?: SealPlacement;
}

export interface Cell {
  /** The grid column it starts in. */
  column: number;
  /**
   * The cell's paragraphs, each as the lines the plan breaks it into; a cell of one paragraph set on one line, as
   * nearly every cell of a long table is, is that line alone (a plan keeps tens of thousands of cells). Read both
   * ways through cellParagraphs.
   */
  paragraphs: string | string[][];
  align: "center" | "left";
  colSpan: number;
  rowSpan: number;
  /** Continues a vertical merge from the row above: no content of its own. */
  continued: boolean;
  /** The same cell stands in more than one row (a repeated text): a writer may write it once and copy it. */
  shared: boolean;
}

export interface TableRow {
  /** Cells in grid order; a column covered by a span to its left has none. */
  cells: Cell[];
  height: number;
  /**
   * Stays on the page of the block that follows the table (its 注), as a paragraph kept with the next does. Set on
   * every row planTable makes, false on most: rows of one shape.
   */
  keepNext?: boolean;
  page: number;
  y: number;
}

export interface Table {
  kind: "table";
  /** The attachment it shows, 0-based: its rows are that attachment's rows, then the 合计 row if `total`. */
  attachment: number;
  total: boolean;
  widths: number[];
  /** Cell padding: left/right, top/bottom. */
  padding: { x: number; y: number };
  /** The header row, repeated on every page the table runs over. */
  header: TableRow;
  rows: TableRow[];
  /** Text size in the cells, points. */
  size: number;
  lineHeight: number;
}

export interface ColophonLine {
  /** 抄送 or 印发. */
  kind: "cc" | "printed";
  runs: Run[];
  /** Top of the frame, from the top of the 版心, and its height. */
  y: number;
  height: number;
  lineHeight: number;
  ruleAbove: "thick" | "thin";
  ruleBelow?: "thick";
  indent: { left: number; right: number; hanging: number };
  tabs: TabStop[];
}

/** 版记 (GB/T 9704 7.4), fixed at the foot of the 版心 of the page it is on. */
export interface Colophon {
  kind: "colophon";
  page: number;
  lines: ColophonLine[];
}

export type Block = Paragraph | Table | Colophon;

export interface Section {
  orientation: "portrait" | "landscape";
  /** Whether its pages carry page numbers (the blank page before the 版记 and the 版记 page do not). */
  numbered: boolean;
  /** 1-based number of its first page in the document. */
  firstPage: number;
  pages: number;
  blocks: Block[];
}

/** Where a landscape page's number stands: a strip in the left margin, turned (GB/T 9704 §8). */
export interface TurnedNumber {
  /** From the sheet's left and top edges (portrait terms), the strip's size. */
  x: number;
  yOdd: number;
  yEven: number;
  width: number;
  length: number;
}

export interface Plan {
  meta: { title: string; issuer: string; date: string };
  sections: Section[];
  pages: number;
  /** The fonts of each face, and what stands in for them. */
  fonts: Record<Face | "latin", string>;
  fontTable: FontEntry[];
  /** Text of attachment tables: points, and the exact line height in cells. */
  tableText: { size: number; lineHeight: number };
  pageNumber: { before: string; after: string; size: number; fromEdge: number; footer: number; turned: TurnedNumber };
}
