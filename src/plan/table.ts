import type { Cell as ModelCell, Table as ModelTable } from "../model/circular.js";
import { cellLines } from "./cell-lines.js";
import { CELL_PADDING_X, CELL_PADDING_Y, innerWidth } from "./column-widths.js";
import type { Cell, Table, TableRow } from "./plan.js";

export const tableLineHeight = (size: number): number => Math.round(size * 20 * 1.2);

/** Resolves the model's null cells into vertical-merge continuations (or nothing, under a horizontal span). */
function placements(rows: (ModelCell | null)[][]): { cell: ModelCell | null; continued: boolean }[][] {
  const open = new Map<number, number>();
  return rows.map((row) =>
    row.map((cell, c) => {
      if (cell) {
        if ((cell.rowSpan ?? 1) > 1) open.set(c, cell.rowSpan! - 1);
        return { cell, continued: false };
      }
      const left = open.get(c) ?? 0;
      if (left > 0) {
        open.set(c, left - 1);
        return { cell: null, continued: true };
      }
      return { cell: null, continued: false };
    }),
  );
}

/**
 * An attachment table at its column widths: every cell's text broken into the lines writers will break it at,
 * each row's height from its tallest cell, the header row apart (it repeats on every page). A column whose body
 * text never wraps (numbers, codes, short names) is centred; a column of prose is set flush left.
 */
export function planTable(model: ModelTable, widths: number[], size: number, attachment: number): Table {
  const style = { size };
  const lineHeight = tableLineHeight(size);
  const inner = widths.map(innerWidth);
  const spanWidth = (c: number, span: number) => {
    let w = 0;
    for (let k = c; k < c + span; k++) w += widths[k]!;
    return innerWidth(w);
  };
  const cache = new Map<string, string[]>();
  const lines = (text: string, width: number): string[] => {
    const key = `${width}\u0000${text}`;
    let found = cache.get(key);
    if (!found) cache.set(key, (found = cellLines(text, width, style)));
    return found;
  };
  const height = (count: number) => count * lineHeight + 2 * CELL_PADDING_Y + 10;

  const headerCells = model.columns.map((col, c) => ({ column: c, cell: { paragraphs: col.header.split("\n").map((l) => lines(l, inner[c]!)), align: "center" as const, colSpan: 1, rowSpan: 1, continued: false } }));
  const header: TableRow = { cells: headerCells, height: height(Math.max(1, ...headerCells.map((h) => h.cell.paragraphs.flat().length))), page: 0, y: 0 };

  const body = [...model.rows, ...(model.total ? [model.total] : [])];
  const wraps = model.columns.map(() => false);
  const broken = placements(body).map((row, r) =>
    row.flatMap(({ cell, continued }, c) => {
      if (!cell && !continued) return [];
      const span = cell?.colSpan ?? 1;
      const paragraphs = (cell?.lines ?? [""]).map((l) => lines(l, span > 1 ? spanWidth(c, span) : inner[c]!));
      if (span === 1 && r < model.rows.length && paragraphs.some((p) => p.length > 1)) wraps[c] = true;
      return [{ column: c, cell: { paragraphs: continued ? [[""]] : paragraphs, align: "center" as Cell["align"], colSpan: span, rowSpan: cell?.rowSpan ?? 1, continued } }];
    }),
  );
  const rows: TableRow[] = broken.map((cells) => {
    let tallest = 1;
    for (const { cell } of cells) {
      if (cell.continued || cell.rowSpan > 1) continue;
      tallest = Math.max(tallest, cell.paragraphs.reduce((n, p) => n + p.length, 0));
    }
    for (const entry of cells) if (wraps[entry.column] && entry.cell.colSpan === 1) entry.cell.align = "left";
    return { cells, height: height(tallest), page: 0, y: 0 };
  });
  return { kind: "table", attachment, total: model.total !== undefined, widths, padding: { x: CELL_PADDING_X, y: CELL_PADDING_Y }, header, rows, size, lineHeight };
}
