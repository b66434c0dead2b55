import type { Cell, Table, TableRow } from "../../plan/index.js";
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

function cellParagraph(lines: readonly string[], style: string): string {
  let runs = "";
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) runs += "<w:br/>";
    if (lines[i]) runs += `<w:t xml:space="preserve">${text(lines[i]!)}</w:t>`;
  }
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${runs ? `<w:r>${runs}</w:r>` : ""}</w:p>`;
}

function cellXml(column: number, cell: Cell, header: boolean, widths: readonly number[], plain: readonly string[]): string {
  let open = plain[column]!;
  if (cell.colSpan > 1 || cell.rowSpan > 1 || cell.continued) {
    let width = 0;
    for (let k = column; k < column + cell.colSpan; k++) width += widths[k]!;
    open = tcPr(width, cell.colSpan, cell.continued ? "<w:vMerge/>" : cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : "");
  }
  const style = header ? CELL_STYLES.header : CELL_STYLES[cell.align];
  let paragraphs = "";
  for (const lines of cell.paragraphs) paragraphs += cellParagraph(lines, style);
  return `<w:tc>${open}${paragraphs}</w:tc>`;
}

/** A row's XML; each cell written once, since the plan shares one cell between the rows showing the same text. */
function rowXml(row: TableRow, header: boolean, cell: (entry: TableRow["cells"][number]) => string): string {
  let cells = "";
  for (const entry of row.cells) cells += cell(entry);
  return `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cells}</w:tr>`;
}

/** A table a row at a time. */
export function* tableXml(table: Table): Generator<string> {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const { x, y } = table.padding;
  const tblPr =
    `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("")}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="${y}" w:type="dxa"/><w:left w:w="${x}" w:type="dxa"/><w:bottom w:w="${y}" w:type="dxa"/><w:right w:w="${x}" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>`;
  const grid = `<w:tblGrid>${table.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`;
  // What every plain cell of a column opens with, made once per table rather than once per cell.
  const plain = table.widths.map((w) => tcPr(w, 1, ""));
  yield `<w:tbl>${tblPr}${grid}`;
  yield rowXml(table.header, true, ({ column, cell }) => cellXml(column, cell, true, table.widths, plain));
  const written = new Map<TableRow["cells"][number], string>();
  const cell = (entry: TableRow["cells"][number]) => {
    let xml = written.get(entry);
    if (xml === undefined) written.set(entry, (xml = cellXml(entry.column, entry.cell, false, table.widths, plain)));
    return xml;
  };
  for (const row of table.rows) yield rowXml(row, false, cell);
  yield "</w:tbl>";
}
