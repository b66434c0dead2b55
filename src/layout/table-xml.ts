import type { Cell, Table } from "../model/circular.js";
import type { Profile } from "./profile.js";
import { breakLines, type TextStyle } from "./text-measure.js";
import { CELL_PADDING_X, CELL_PADDING_Y } from "./column-widths.js";
import { fontFor, type Face } from "./typography.js";

/**
 * Attachment tables written straight as WordprocessingML. The docx package builds an object per element and takes
 * seconds for thousands of rows; this writes the same markup (tblHeader, cantSplit, vMerge, gridSpan, fixed
 * layout) as one string, in time linear in the cells.
 */

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);

export interface TableGeometry {
  widths: number[];
  style: TextStyle;
  /** Exact line height inside cells, in twips. */
  lineHeight: number;
}

function runXml(text: string, face: Face, size: number, profile: Profile): string {
  const f = fontFor(face, profile);
  const fonts = `<w:rFonts w:ascii="${escape(f.ascii)}" w:hAnsi="${escape(f.hAnsi)}" w:eastAsia="${escape(f.eastAsia)}" w:cs="${escape(f.cs)}" w:hint="eastAsia"/>`;
  return `<w:r><w:rPr>${fonts}<w:sz w:val="${size * 2}"/><w:szCs w:val="${size * 2}"/></w:rPr><w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
}

function paragraphXml(text: string | undefined, align: "center" | "left", face: Face, geometry: TableGeometry, profile: Profile): string {
  const pPr = `<w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${geometry.lineHeight}" w:lineRule="exact"/><w:ind w:firstLine="0"/><w:jc w:val="${align}"/></w:pPr>`;
  return `<w:p>${pPr}${text ? runXml(text, face, geometry.style.size, profile) : ""}</w:p>`;
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

function rowXml(row: CellPlacement[], geometry: TableGeometry, profile: Profile, options: { header: boolean; aligns: ("center" | "left")[] }): string {
  const cells: string[] = [];
  row.forEach((p, c) => {
    if (!p.cell && !p.continued) return; // covered by a gridSpan to the left
    const span = p.cell?.colSpan ?? 1;
    const width = geometry.widths.slice(c, c + span).reduce((a, b) => a + b, 0);
    const merge = p.continued ? "<w:vMerge/>" : (p.cell?.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : "";
    const tcPr = `<w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${merge}<w:vAlign w:val="center"/></w:tcPr>`;
    const face: Face = options.header ? "hei" : "body";
    const align = options.header ? "center" : options.aligns[c]!;
    const lines = p.cell?.lines ?? [""];
    cells.push(`<w:tc>${tcPr}${lines.map((l) => paragraphXml(l, align, face, geometry, profile)).join("")}</w:tc>`);
  });
  const trPr = `<w:trPr><w:cantSplit/>${options.header ? "<w:tblHeader/>" : ""}</w:trPr>`;
  return `<w:tr>${trPr}${cells.join("")}</w:tr>`;
}

/** Body columns whose text never wraps are centred (numbers, codes, short names); columns of prose are set left. */
export function columnAligns(table: Table, geometry: TableGeometry): ("center" | "left")[] {
  return table.columns.map((_, c) => {
    const wraps = table.rows.some((row) => row[c]?.lines.some((l) => breakLines(l, geometry.widths[c]! - 2 * CELL_PADDING_X, geometry.style).length > 1));
    return wraps ? "left" : "center";
  });
}

export function tableXml(table: Table, geometry: TableGeometry, profile: Profile): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const total = geometry.widths.reduce((a, b) => a + b, 0);
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${CELL_PADDING_Y}" w:type="dxa"/><w:left w:w="${CELL_PADDING_X}" w:type="dxa"/><w:bottom w:w="${CELL_PADDING_Y}" w:type="dxa"/><w:right w:w="${CELL_PADDING_X}" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`;
  const grid = `<w:tblGrid>${geometry.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  const aligns = columnAligns(table, geometry);
  const header = rowXml(
    table.columns.map((col) => ({ cell: { lines: [col.header] }, continued: false })),
    geometry,
    profile,
    { header: true, aligns },
  );
  const body = placements([...table.rows, ...(table.total ? [table.total] : [])]).map((row) => rowXml(row, geometry, profile, { header: false, aligns }));
  return `<w:tbl>${tblPr}${grid}${header}${body.join("")}</w:tbl>`;
}

/** Height of each row as it will be set: its tallest cell's wrapped lines plus the cell margins. */
export function rowHeights(table: Table, geometry: TableGeometry, headerStyle: TextStyle): { header: number; rows: number[] } {
  const height = (texts: string[][], styles: TextStyle[]) =>
    Math.max(
      1,
      ...texts.map((lines, c) => lines.reduce((n, l) => n + breakLines(l, geometry.widths[c]! - 2 * CELL_PADDING_X, styles[c] ?? geometry.style).length, 0)),
    ) *
      geometry.lineHeight +
    2 * CELL_PADDING_Y +
    10;
  const header = height(table.columns.map((c) => [c.header]), table.columns.map(() => headerStyle));
  const rows = [...table.rows, ...(table.total ? [table.total] : [])].map((row) =>
    height(row.map((cell) => (cell && !(cell.colSpan && cell.colSpan > 1) ? cell.lines : [""])), []),
  );
  return { header, rows };
}
