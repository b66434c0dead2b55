import type { Table as ModelTable } from "../model/circular.js";
import { colSpanOf, rowSpanOf, textOf } from "../model/table-cells.js";
import { asLines, cellLine } from "./cell-lines.js";
import { CELL_PADDING_X, CELL_PADDING_Y, innerWidth, type MeasuredCells } from "./column-widths.js";
import type { Cell, Table, TableRow } from "./plan.js";

/** A cell's paragraphs, each as its lines, however the plan keeps them. */
export const cellParagraphs = (cell: Cell): string[][] => (typeof cell.paragraphs === "string" ? [[cell.paragraphs]] : cell.paragraphs);

export const tableLineHeight = (size: number): number => Math.round(size * 20 * 1.2);

/**
 * An attachment table at its column widths: every cell's text broken into the lines writers will break it at,
 * each row's height from its tallest cell, the header row apart (it repeats on every page). A column whose body
 * text never wraps (numbers, codes, short names) is centred; a column of prose is set flush left.
 */
export function planTable(model: ModelTable, widths: number[], size: number, attachment: number, measured: MeasuredCells): Table {
  const style = { size };
  const lineHeight = tableLineHeight(size);
  // Typed arrays: the widths of every table are then read by one compiled code, whole numbers or not.
  const columnWidths = Float64Array.from(widths);
  const inner = columnWidths.map(innerWidth);
  const spanWidth = (c: number, span: number) => {
    let w = 0;
    for (let k = c; k < c + span; k++) w += columnWidths[k]!;
    return innerWidth(w);
  };
  // A text is broken once for each width it is set at: long tables repeat their regions, issues and codes.
  const cache = new Map<number, Map<string, string | string[]>>();
  const lines = (text: string, width: number): string | string[] => {
    let byText = cache.get(width);
    if (!byText) cache.set(width, (byText = new Map()));
    let found = byText.get(text);
    if (found === undefined) byText.set(text, (found = cellLine(text, width, style)));
    return found;
  };
  const height = (count: number) => count * lineHeight + 2 * CELL_PADDING_Y + 10;
  const lineCount = ({ paragraphs }: Cell): number => {
    if (typeof paragraphs === "string") return 1;
    let count = 0;
    for (const p of paragraphs) count += p.length;
    return count;
  };

  const headerCells = model.columns.map((col, c): Cell => ({ column: c, paragraphs: col.header.split("\n").map((l) => asLines(lines(l, inner[c]!))), align: "center", colSpan: 1, rowSpan: 1, continued: false, shared: false }));
  // Every row of one shape (keepNext set, even when false): the rows of all tables are then read by one compiled code.
  const header: TableRow = { cells: headerCells, height: height(Math.max(1, ...headerCells.map(lineCount))), keepNext: false, page: 0, y: 0 };

  const body = model.total ? [...model.rows, model.total] : model.rows;
  const n = model.columns.length;
  const wraps = new Uint8Array(n);
  // How many rows below each column's open vertical merge still continue it.
  const open = new Int32Array(n);
  // One cell for each text id (a text of one column), shared by the rows that show it (the plan is only read
  // after this), and one for each column's continuation of a merge: a long table repeats its regions and results.
  const shared = new Array<Cell | undefined>(measured.texts);
  const continued = Array.from({ length: n }, (_, c): Cell => ({ column: c, paragraphs: "", align: "center", colSpan: 1, rowSpan: 1, continued: true, shared: true }));
  /** One line of column `c`'s cell broken at `width`; `measuredWidth`: see planCell. `own`: it counts to its column's wrapping. */
  const breakLine = (text: string, c: number, width: number, own: boolean, measuredWidth: number | undefined): string | string[] => {
    const broken = measuredWidth !== undefined ? cellLine(text, width, style, measuredWidth) : lines(text, width);
    if (own && typeof broken !== "string" && broken.length > 1) wraps[c] = 1;
    return broken;
  };
  /**
   * `measuredWidth`: of a column's one-line text met for the first time, measured already; it is broken here,
   * without the cache of texts met before.
   */
  const planCell = (c: number, text: string, span: number, rowSpan: number, inBody: boolean, measuredWidth?: number): Cell => {
    const width = span > 1 ? spanWidth(c, span) : inner[c]!;
    const own = span === 1 && inBody;
    let paragraphs: string | string[][];
    if (text.includes("\n")) {
      paragraphs = [];
      for (const line of text.split("\n")) paragraphs.push(asLines(breakLine(line, c, width, own, undefined)));
    } else {
      const broken = breakLine(text, c, width, own, measuredWidth);
      paragraphs = typeof broken === "string" ? broken : [broken];
    }
    return { column: c, paragraphs, align: "center", colSpan: span, rowSpan, continued: false, shared: false };
  };
  const rows: TableRow[] = new Array(body.length);
  // A row's cells are gathered here and copied out at their number: a plan keeps thousands of rows, and an array
  // grown by push keeps room for more.
  const gathered: Cell[] = [];
  for (let r = 0; r < body.length; r++) {
    const row = body[r]!;
    const isBody = r < model.rows.length;
    const cells = gathered;
    cells.length = 0;
    let tallest = 1;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) {
        // A null cell continues a merge from above, or lies under a horizontal span.
        if (open[c]! > 0) {
          open[c]!--;
          cells.push(continued[c]!);
        }
        continue;
      }
      const span = colSpanOf(cell);
      const rowSpan = rowSpanOf(cell);
      if (rowSpan > 1) open[c] = rowSpan - 1;
      let found: Cell;
      const id = isBody ? measured.ids[r * n + c]! : -1;
      if (id >= 0) {
        const known = shared[id];
        if (known) {
          found = known;
          known.shared = true;
        } else shared[id] = found = planCell(c, textOf(cell), 1, 1, true, measured.single[(r + 1) * n + c]!);
      } else found = planCell(c, textOf(cell), span, rowSpan, isBody);
      if (rowSpan === 1) tallest = Math.max(tallest, lineCount(found));
      cells.push(found);
    }
    rows[r] = { cells: cells.slice(), height: height(tallest), keepNext: false, page: 0, y: 0 };
  }
  for (let r = 0; r < rows.length; r++) {
    const { cells } = rows[r]!;
    for (let c = 0; c < cells.length; c++) if (wraps[cells[c]!.column] && cells[c]!.colSpan === 1) cells[c]!.align = "left";
  }
  return { kind: "table", attachment, total: model.total !== undefined, widths, padding: { x: CELL_PADDING_X, y: CELL_PADDING_Y }, header, rows, size, lineHeight };
}
