import { LineRuleType, type IParagraphStyleOptions } from "docx";
import type { Cell, Table } from "../model/circular.js";
import { CELL_PADDING_X, CELL_PADDING_Y } from "./column-widths.js";
import type { Profile } from "./profile.js";
import { breakLines, type TextStyle } from "./text-measure.js";
import { fontFor } from "./typography.js";

/**
 * Attachment tables written straight as WordprocessingML. The docx package builds an object per element and takes
 * seconds for thousands of rows; this writes the same markup (tblHeader, cantSplit, vMerge, gridSpan, fixed
 * layout) as one string, in time linear in the cells. Fonts, size and spacing live in two paragraph styles, so
 * each cell carries only its text and alignment.
 */

/** Cell styles, with short ids: a long table repeats them in every cell. */
const CELL_STYLES = { header: "TbH", center: "TbC", left: "TbL" } as const;

export interface TableGeometry {
  widths: number[];
  style: TextStyle;
  /** Exact line height inside cells, in twips. */
  lineHeight: number;
}

/** The cell styles: 黑体 centred for the header row, 仿宋 centred or flush left for the body, on exact lines. */
export function tableStyles(profile: Profile): IParagraphStyleOptions[] {
  const size = profile.tableFontSize;
  const spacing = { before: 0, after: 0, line: tableLineHeight(size), lineRule: LineRuleType.EXACT };
  const style = (id: string, name: string, face: "hei" | "body", alignment: "center" | "left"): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: "Normal",
    run: { font: fontFor(face, profile), size: size * 2 },
    paragraph: { spacing, indent: { firstLine: 0 }, alignment },
  });
  return [
    style(CELL_STYLES.header, "表格表头", "hei", "center"),
    style(CELL_STYLES.center, "表格居中", "body", "center"),
    style(CELL_STYLES.left, "表格左对齐", "body", "left"),
  ];
}

export const tableLineHeight = (size: number): number => Math.round(size * 20 * 1.2);

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);

function paragraphXml(text: string, style: string): string {
  const run = text ? `<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r>` : "";
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${run}</w:p>`;
}

interface CellPlacement {
  cell: Cell | null;
  /** Continuation of a vertical merge from above. */
  continued: boolean;
}

/** Resolves null cells into vertical-merge continuations (or nothing, under a horizontal span). */
function placements(rows: (Cell | null)[][]): CellPlacement[][] {
  const openRows = new Map<number, number>();
  return rows.map((row) =>
    row.map((cell, c) => {
      if (cell) {
        if ((cell.rowSpan ?? 1) > 1) openRows.set(c, cell.rowSpan! - 1);
        return { cell, continued: false };
      }
      const left = openRows.get(c) ?? 0;
      if (left > 0) {
        openRows.set(c, left - 1);
        return { cell: null, continued: true };
      }
      return { cell: null, continued: false };
    }),
  );
}

const tcPr = (width: number, span: number, merge: string) =>
  `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${merge}<w:vAlign w:val="center"/></w:tcPr>`;

function rowXml(row: CellPlacement[], geometry: TableGeometry, styles: string[], plain: string[]): string {
  let cells = "";
  row.forEach((p, c) => {
    if (!p.cell && !p.continued) return; // covered by a gridSpan to the left
    const span = p.cell?.colSpan ?? 1;
    const rowSpan = p.cell?.rowSpan ?? 1;
    let open = plain[c]!;
    if (span > 1 || rowSpan > 1 || p.continued) {
      let width = 0;
      for (let k = c; k < c + span; k++) width += geometry.widths[k]!;
      open = tcPr(width, span, p.continued ? "<w:vMerge/>" : rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : "");
    }
    let paragraphs = "";
    for (const line of p.cell?.lines ?? [""]) paragraphs += paragraphXml(line, styles[c]!);
    cells += `<w:tc>${open}${paragraphs}</w:tc>`;
  });
  return cells;
}

/** How a table will set: each row's height and whether each column's text wraps. */
export interface TableMeasure {
  header: number;
  rows: number[];
  /** Body columns whose text never wraps are centred (numbers, codes, short names); columns of prose are set left. */
  aligns: ("center" | "left")[];
}

/** Lines every cell takes at its column's width, computed once; heights are the tallest cell plus the margins. */
export function measureTable(table: Table, geometry: TableGeometry, headerStyle: TextStyle): TableMeasure {
  const inner = geometry.widths.map((w) => w - 2 * CELL_PADDING_X);
  const cache = new Map<string, number>();
  const lines = (text: string, c: number, style: TextStyle): number => {
    const key = `${c}\u0000${text}`;
    let n = cache.get(key);
    if (n === undefined) cache.set(key, (n = breakLines(text, inner[c]!, style).length));
    return n;
  };
  const wraps = table.columns.map(() => false);
  const height = (count: number) => count * geometry.lineHeight + 2 * CELL_PADDING_Y + 10;
  const rows = [...table.rows, ...(table.total ? [table.total] : [])].map((row, r) => {
    let tallest = 1;
    row.forEach((cell, c) => {
      if (!cell || (cell.colSpan ?? 1) > 1) return;
      let count = 0;
      for (const l of cell.lines) {
        const n = lines(l, c, geometry.style);
        count += n;
        if (n > 1 && r < table.rows.length) wraps[c] = true;
      }
      tallest = Math.max(tallest, count);
    });
    return height(tallest);
  });
  const header = height(Math.max(1, ...table.columns.map((col, c) => lines(col.header, c, headerStyle))));
  return { header, rows, aligns: wraps.map((w) => (w ? "left" : "center")) };
}

export function tableXml(table: Table, geometry: TableGeometry, aligns: ("center" | "left")[]): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const total = geometry.widths.reduce((a, b) => a + b, 0);
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${CELL_PADDING_Y}" w:type="dxa"/><w:left w:w="${CELL_PADDING_X}" w:type="dxa"/><w:bottom w:w="${CELL_PADDING_Y}" w:type="dxa"/><w:right w:w="${CELL_PADDING_X}" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`;
  const grid = `<w:tblGrid>${geometry.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  // What every plain cell of a column opens with, made once per table rather than once per cell.
  const plain = geometry.widths.map((w) => tcPr(w, 1, ""));
  const header = rowXml(
    table.columns.map((col) => ({ cell: { lines: [col.header] }, continued: false })),
    geometry,
    table.columns.map(() => CELL_STYLES.header),
    plain,
  );
  const bodyStyles = aligns.map((a) => CELL_STYLES[a]);
  const body = placements([...table.rows, ...(table.total ? [table.total] : [])]).map(
    (row) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${rowXml(row, geometry, bodyStyles, plain)}</w:tr>`,
  );
  return `<w:tbl>${tblPr}${grid}<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${header}</w:tr>${body.join("")}</w:tbl>`;
}
