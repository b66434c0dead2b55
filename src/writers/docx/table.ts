import type { Table, TableRow } from "../../plan/index.js";
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
  lines.forEach((line, i) => {
    if (i > 0) runs += "<w:br/>";
    if (line) runs += `<w:t xml:space="preserve">${text(line)}</w:t>`;
  });
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${runs ? `<w:r>${runs}</w:r>` : ""}</w:p>`;
}

/** A cell paragraph's XML, written once for each distinct text: the plan shares a text's lines between cells. */
type Paragraphs = (lines: readonly string[], style: string) => string;

function paragraphMemo(): Paragraphs {
  const written = new Map<string, Map<readonly string[], string>>();
  return (lines, style) => {
    let byLines = written.get(style);
    if (!byLines) written.set(style, (byLines = new Map()));
    let xml = byLines.get(lines);
    if (xml === undefined) byLines.set(lines, (xml = cellParagraph(lines, style)));
    return xml;
  };
}

function rowXml(row: TableRow, widths: readonly number[], header: boolean, plain: readonly string[], paragraph: Paragraphs): string {
  let cells = "";
  for (const { column, cell } of row.cells) {
    let open = plain[column]!;
    if (cell.colSpan > 1 || cell.rowSpan > 1 || cell.continued) {
      let width = 0;
      for (let k = column; k < column + cell.colSpan; k++) width += widths[k]!;
      open = tcPr(width, cell.colSpan, cell.continued ? "<w:vMerge/>" : cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : "");
    }
    const style = header ? CELL_STYLES.header : CELL_STYLES[cell.align];
    let paragraphs = "";
    for (const lines of cell.paragraphs) paragraphs += paragraph(lines, style);
    cells += `<w:tc>${open}${paragraphs}</w:tc>`;
  }
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
  const paragraph = paragraphMemo();
  yield rowXml(table.header, table.widths, true, plain, paragraph);
  for (const row of table.rows) yield rowXml(row, table.widths, false, plain, paragraph);
  yield "</w:tbl>";
}
