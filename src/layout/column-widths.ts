import type { Table } from "../model/circular.js";
import { LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH } from "./page-geometry.js";
import { textWidth, unbreakableRuns, type TextStyle } from "./text-measure.js";

/** Cell margins, in twips: 1.5 mm at the sides, 0.5 mm above and below. */
export const CELL_PADDING_X = 85;
export const CELL_PADDING_Y = 27;
/** What cell borders take from a column's width in LibreOffice, so a two-character header does not wrap. */
const BORDER_ALLOWANCE = 30;

export interface ColumnPlan {
  widths: number[];
  landscape: boolean;
}

const cellsOf = (table: Table, c: number): string[] => [
  table.columns[c]!.header,
  ...[...table.rows, ...(table.total ? [table.total] : [])].flatMap((row) => {
    const cell = row[c];
    return cell && !(cell.colSpan && cell.colSpan > 1) ? cell.lines : [];
  }),
];

/** The largest of many numbers: Math.max(...xs) overflows the stack for a table of some 100,000 rows. */
const largest = (xs: Iterable<number>, floor = 0): number => {
  let max = floor;
  for (const x of xs) if (x > max) max = x;
  return max;
};

/** The narrowest a column can be: its widest unbreakable run (a 10-digit 网站标识码), and never under two characters. */
function minimum(texts: string[], style: TextStyle): number {
  const runs = texts.flatMap(unbreakableRuns);
  return largest(runs.map((r) => textWidth(r, style)), 2 * style.size * 20) + 2 * CELL_PADDING_X + BORDER_ALLOWANCE;
}

const maximum = (texts: string[], style: TextStyle): number => largest(texts.map((t) => textWidth(t, style))) + 2 * CELL_PADDING_X + BORDER_ALLOWANCE;

/**
 * Raises widths toward targets with what is left of `room`, smallest need first, no column taking more than an even
 * share of what remains: short columns are made whole before long ones share the rest.
 */
function fill(widths: number[], targets: number[], room: number): number {
  const order = widths.map((_, c) => c).sort((a, b) => targets[a]! - widths[a]! - (targets[b]! - widths[b]!));
  order.forEach((c, i) => {
    const give = Math.max(0, Math.min(targets[c]! - widths[c]!, room / (order.length - i)));
    widths[c]! += give;
    room -= give;
  });
  return room;
}

/**
 * Column widths from the content. Every column starts at what cannot wrap (two characters, a 10-digit 网站标识码);
 * only that decides whether a table needs landscape pages. Then columns grow toward their longest cell on one line,
 * then toward headers of at least three characters per line, and what is left is shared in proportion to content.
 */
export function planColumns(table: Table, style: TextStyle, headerStyle: TextStyle): ColumnPlan {
  const threeChars = 3 * headerStyle.size * 20 + 2 * CELL_PADDING_X + BORDER_ALLOWANCE;
  const cols = table.columns.map((_, c) => {
    const [header, ...body] = cellsOf(table, c);
    const hard = minimum([header!, ...body], style);
    return {
      hard,
      content: Math.max(hard, maximum(body.length ? body : [""], style)),
      header: Math.max(hard, Math.min(maximum([header!], headerStyle), threeChars)),
    };
  });
  const landscape = cols.reduce((s, c) => s + c.hard, 0) > TEXT_WIDTH;
  const width = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const widths = cols.map((c) => c.hard);
  let room = width - widths.reduce((s, w) => s + w, 0);
  room = fill(widths, cols.map((c) => c.content), room);
  room = fill(widths, cols.map((c) => Math.max(c.content, c.header)), room);
  const wanted = widths.reduce((s, w) => s + w, 0);
  const spread = widths.map((w) => w + (room * w) / wanted);
  // Whole twips that add up to the 版心 exactly.
  const rounded = spread.map(Math.floor);
  rounded[rounded.length - 1]! += width - rounded.reduce((s, w) => s + w, 0);
  return { widths: rounded, landscape };
}
