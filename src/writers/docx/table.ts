import { cellParagraphs, type Cell, type Table, type TableRow } from "../../plan/index.js";
import { text } from "./xml.js";

/**
 * Attachment tables written straight as WordprocessingML, in time linear in the cells: fixed layout with an
 * explicit w:gridCol for every column equal to its cells' widths (WPS lays out by the grid), the header row
 * repeated, rows never split, vertical and horizontal merges. Fonts and spacing live in three paragraph styles, so
 * a cell carries only its text; the lines the plan broke a cell into are kept with line breaks.
 */
export const CELL_STYLES = { header: "TbH", center: "TbC", left: "TbL" } as const;

const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;

const tcPr = (width: number, span: number, merge: string) =>
  `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${merge}<w:vAlign w:val="center"/></w:tcPr>`;

/** `keepNext`: the paragraph stays on the page of the next; in every paragraph of a row, it keeps the row there. */
function cellParagraph(lines: readonly string[], style: string, keepNext: boolean): string {
  let runs = "";
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) runs += "<w:br/>";
    if (lines[i]) runs += `<w:t xml:space="preserve">${text(lines[i]!)}</w:t>`;
  }
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/>${keepNext ? "<w:keepNext/>" : ""}</w:pPr>${runs ? `<w:r>${runs}</w:r>` : ""}</w:p>`;
}

function cellXml(cell: Cell, header: boolean, widths: readonly number[], plain: readonly string[], keepNext = false): string {
  const { column } = cell;
  let open = plain[column]!;
  if (cell.colSpan > 1 || cell.rowSpan > 1 || cell.continued) {
    let width = 0;
    for (let k = column; k < column + cell.colSpan; k++) width += widths[k]!;
    open = tcPr(width, cell.colSpan, cell.continued ? "<w:vMerge/>" : cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : "");
  }
  const style = header ? CELL_STYLES.header : CELL_STYLES[cell.align];
  let paragraphs = "";
  for (const lines of cellParagraphs(cell)) paragraphs += cellParagraph(lines, style, keepNext);
  return `<w:tc>${open}${paragraphs}</w:tc>`;
}

/**
 * Where a long part's bytes go as they are made: text (encoded as UTF-8) and bytes written once before. The pack
 * stage's own ByteSink, which this stage does not import (writers stand before pack).
 */
export interface ByteSink {
  text(s: string): void;
  bytes(b: Uint8Array): void;
}

/** A piece of a long part: its text, or a function writing it into the sink without making it one string first. */
export type Piece = string | ((sink: ByteSink) => void);

const ENCODER = new TextEncoder();
const utf8 = (s: string): Uint8Array => ENCODER.encode(s);
const rowOpen = (header: boolean) => `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>`;
const ROW_OPEN = utf8(rowOpen(false));
const ROW_CLOSE = utf8("</w:tr>");
/** A private-use character, which text() leaves as it is: where a one-line cell's text goes in its XML. */
const MARK = "\ue000";

/**
 * A table a row at a time. The header is one string; a body row is written into the sink cell by cell. A cell of
 * one line, the most common, is its column's opening bytes (made once per table), its text, and the closing bytes;
 * a cell the plan shares between rows is written once and its bytes copied; others are written as text.
 */
export function* tableXml(table: Table): Generator<Piece> {
  const { open, header, rows } = tableWriter(table);
  yield open;
  yield header;
  for (let r = 0; r < table.rows.length; r += ROWS_PER_PIECE) yield rows(r, Math.min(r + ROWS_PER_PIECE, table.rows.length));
  yield "</w:tbl>";
}

/** Body rows written by one piece: a piece for each row would be an object made for each of thousands of rows. */
const ROWS_PER_PIECE = 64;

/**
 * What tableXml writes, made once per table: its opening, its header row, and a writer of a run of body rows. Apart from
 * the loop over the rows, so that what differs between tables never reaches the loop's compiled code.
 */
function tableWriter(table: Table): { open: string; header: string; rows: (from: number, to: number) => Piece } {
  const { widths } = table;
  const total = widths.reduce((a, b) => a + b, 0);
  const { x, y } = table.padding;
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${y}" w:type="dxa"/><w:left w:w="${x}" w:type="dxa"/><w:bottom w:w="${y}" w:type="dxa"/><w:right w:w="${x}" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  // What every plain cell of a column opens with, made once per table rather than once per cell.
  const plain = widths.map((w) => tcPr(w, 1, ""));
  // A one-line cell of each column and alignment, as cellXml writes it, cut where its text goes: the bytes before
  // the text and after it, made once per table.
  const halves = (align: "center" | "left"): Uint8Array[][] =>
    plain.map((_, column) => cellXml({ column, paragraphs: MARK, align, colSpan: 1, rowSpan: 1, continued: false, shared: false }, false, widths, plain).split(MARK).map(utf8));
  const center = halves("center");
  const left = halves("left");
  let header = "";
  for (const cell of table.header.cells) header += cellXml(cell, true, widths, plain);
  // Only cells the plan shares are kept once written: keeping every cell would hold the table's text in memory to
  // the end, and make each collection of short-lived objects copy it.
  const written = new Map<Cell, Uint8Array>();
  const writeCell = (sink: ByteSink, cell: Cell) => {
    if (cell.shared) {
      let bytes = written.get(cell);
      if (bytes === undefined) written.set(cell, (bytes = utf8(cellXml(cell, false, widths, plain))));
      sink.bytes(bytes);
      return;
    }
    const line = typeof cell.paragraphs === "string" ? cell.paragraphs : "";
    if (line === "" || cell.colSpan > 1 || cell.rowSpan > 1 || cell.continued) {
      sink.text(cellXml(cell, false, widths, plain));
      return;
    }
    const [before, after] = (cell.align === "left" ? left : center)[cell.column]!;
    sink.bytes(before!);
    sink.text(text(line));
    sink.bytes(after!);
  };
  // The row kept with the 注 under the table is written whole: the fast paths above are for plain rows.
  const keptRow = (row: TableRow): string => `${rowOpen(false)}${row.cells.map((cell) => cellXml(cell, false, widths, plain, true)).join("")}</w:tr>`;
  return {
    open: `<w:tbl>${tblPr}${grid}`,
    header: `${rowOpen(true)}${header}</w:tr>`,
    rows: (from, to) => (sink) => {
      for (let r = from; r < to; r++) {
        const row = table.rows[r]!;
        if (row.keepNext) {
          sink.text(keptRow(row));
          continue;
        }
        sink.bytes(ROW_OPEN);
        for (const cell of row.cells) writeCell(sink, cell);
        sink.bytes(ROW_CLOSE);
      }
    },
  };
}
