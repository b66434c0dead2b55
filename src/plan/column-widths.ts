import type { Table } from "../model/circular.js";
import { colSpanOf, rowSpanOf, textOf } from "../model/table-cells.js";
import { widestUnit } from "./cell-lines.js";
import { LANDSCAPE_TEXT_WIDTH, TEXT_WIDTH } from "./geometry.js";
import { textWidth, type TextStyle } from "./measure.js";

/** Cell margins, in twips: 1.5 mm at the sides, 0.5 mm above and below. */
export const CELL_PADDING_X = 85;
export const CELL_PADDING_Y = 27;
/** What cell borders take from a column's width in LibreOffice, so a two-character header does not wrap. */
export const BORDER_ALLOWANCE = 30;
const FRAME = 2 * CELL_PADDING_X + BORDER_ALLOWANCE;

/** A header taller than this many lines is what a reader notices first; it costs as much as ten more rows. */
const HEADER_LINES = 4;
const HEADER_PENALTY = 10;

export interface ColumnPlan {
  widths: number[];
  landscape: boolean;
}

/**
 * A table's cells measured once, for the column widths and then the lines: every line's width, and an id for each
 * distinct text of a plain one-line cell (one not spanning rows or columns), so that what is done for a text is
 * done once however many rows repeat it. The widths are flat, by cell: row (the header first) × columns + column.
 * Cells spanning rows or columns have none: their height is shared, their width is several columns'.
 */
export interface MeasuredCells {
  /** Rows measured, the header included. */
  rows: number;
  /** A plain one-line cell's width; NaN for any other cell. */
  single: Float64Array;
  /** The widths of the lines of a plain cell of several lines. */
  multi: Map<number, number[]>;
  /**
   * By body row (the total row last) and column: the id of a plain one-line cell's text, or −1. Cells of one id
   * are of one column and have the same text (a text may have several ids).
   */
  ids: Int32Array;
  /** How many ids there are. */
  texts: number;
}

/** How many of a column's first cells tell whether its texts repeat. */
const SAMPLE = 256;

/**
 * Measures a table's cells. One text's width is measured once in a column: long tables repeat their regions,
 * issues and results. A column whose first rows are nearly all different (numbers, names, codes) stops looking for
 * repeats, which would cost more than they save.
 */
export function measureCells(table: Table, style: TextStyle, headerStyle: TextStyle): MeasuredCells {
  const body = table.total ? [...table.rows, table.total] : table.rows;
  const n = table.columns.length;
  const rows = body.length + 1;
  const single = new Float64Array(rows * n).fill(NaN);
  const multi = new Map<number, number[]>();
  const ids = new Int32Array(body.length * n).fill(-1);
  table.columns.forEach((column, c) => {
    const lines = column.header.split("\n");
    if (lines.length === 1) single[c] = textWidth(lines[0]!, headerStyle);
    else multi.set(c, lines.map((l) => textWidth(l, headerStyle)));
  });
  const widthOf: number[] = [];
  const columns = table.columns.map(() => ({ ids: new Map<string, number>(), looked: 0, repeats: true }));
  const idOf = (c: number, line: string): number => {
    const column = columns[c]!;
    let id = column.repeats ? column.ids.get(line) : undefined;
    if (id === undefined) {
      id = widthOf.length;
      widthOf.push(textWidth(line, style));
      if (column.repeats) column.ids.set(line, id);
    }
    if (column.repeats && ++column.looked === SAMPLE && column.ids.size > SAMPLE * 0.9) {
      column.repeats = false;
      column.ids.clear();
    }
    return id;
  };
  for (let r = 0; r < body.length; r++) {
    const row = body[r]!;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined || colSpanOf(cell) !== 1 || rowSpanOf(cell) !== 1) continue;
      const text = textOf(cell);
      const at = (r + 1) * n + c;
      if (text.includes("\n")) {
        multi.set(at, text.split("\n").map((l) => textWidth(l, style)));
        continue;
      }
      const id = idOf(c, text);
      ids[r * n + c] = id;
      single[at] = widthOf[id]!;
    }
  }
  return { rows, single, multi, ids, texts: widthOf.length };
}

/** Lines one line of this width takes at an inner width: an estimate the final breaking refines. */
const lineLines = (w: number, inner: number): number => (w <= inner ? 1 : Math.ceil(w / inner));

/** Lines a cell of these line widths takes at an inner width (at least one). */
const linesAt = (widths: readonly number[], inner: number): number => {
  let n = 0;
  for (let k = 0; k < widths.length; k++) n += lineLines(widths[k]!, inner);
  return Math.max(1, n);
};

/** Lines measured cell `at` takes at an inner width (one for a cell with no widths). */
function linesOf(m: MeasuredCells, at: number, inner: number): number {
  const w = m.single[at]!;
  if (w === w) return Math.max(1, lineLines(w, inner));
  const widths = m.multi.get(at);
  return widths ? linesAt(widths, inner) : 1;
}

/** A line's next threshold (see nextThreshold), or Infinity when it does not wrap at `inner`. */
function lineThreshold(w: number, inner: number): number {
  if (w <= inner) return Infinity;
  const k = Math.ceil(w / inner);
  return k > 1 ? (w / (k - 1)) * (1 - 1e-9) : Infinity;
}

/**
 * The inner width at which measured cell `at`, now at `inner`, first takes fewer lines: for a line taking k > 1
 * lines, w / (k − 1). A hair less, so that rounding never hides a change (a row visited early only finds its
 * lines unchanged). Infinity when no line wraps.
 */
function nextThreshold(m: MeasuredCells, at: number, inner: number): number {
  const w = m.single[at]!;
  if (w === w) return lineThreshold(w, inner);
  let next = Infinity;
  for (const line of m.multi.get(at) ?? []) next = Math.min(next, lineThreshold(line, inner));
  return next;
}

/** The widest line of measured cell `at` (0 for a cell with no widths). */
function widestLine(m: MeasuredCells, at: number): number {
  const w = m.single[at]!;
  if (w === w) return w;
  let widest = 0;
  for (const line of m.multi.get(at) ?? []) widest = Math.max(widest, line);
  return widest;
}

/**
 * A column's rows by key, in buckets one widening step wide from the column's first inner width: a column widens
 * only by whole steps, so each step looks at the buckets up to its width rather than keeping every row in order. A
 * key is bucketed by arithmetic while widths are sums of steps: a row may sit a bucket early, never late, so each
 * row is still compared by its own key, and a bucket is passed over only once it is empty. A row is in the queue
 * at most once: each bucket is a list linked through `next`, and a row's key is read from the table's keys (row ×
 * columns + column), so that queueing a row allocates nothing however often a long table's rows come and go.
 */
class StepQueue {
  /** Each bucket's first row, or −1. */
  private readonly heads: Int32Array;
  /** Each row's next in its bucket, or −1. */
  private readonly next: Int32Array;
  /** No bucket before this one holds a row. */
  private first = 0;

  constructor(
    private readonly base: number,
    private readonly step: number,
    buckets: number,
    private readonly keys: Float64Array,
    private readonly columns: number,
    private readonly column: number,
  ) {
    this.heads = new Int32Array(buckets).fill(-1);
    this.next = new Int32Array(keys.length / columns);
  }

  private bucketOf(key: number): number {
    return Math.min(this.heads.length - 1, Math.max(this.first, Math.floor((key - this.base) / this.step)));
  }

  private keyOf(row: number): number {
    return this.keys[row * this.columns + this.column]!;
  }

  /** Queues a row (not in the queue) by its key as it stands in the keys now. */
  push(row: number): void {
    const b = this.bucketOf(this.keyOf(row));
    this.next[row] = this.heads[b]!;
    this.heads[b] = row;
  }

  /** Calls `visit` for every row whose key is at most `limit`. */
  forEachUpTo(limit: number, visit: (row: number) => void): void {
    const last = this.bucketOf(limit);
    for (let b = this.first; b <= last; b++) {
      for (let row = this.heads[b]!; row >= 0; row = this.next[row]!) if (this.keyOf(row) <= limit) visit(row);
    }
  }

  /** Takes out every row whose key is at most `limit`, into the start of `taken`; returns how many. */
  takeUpTo(limit: number, taken: Int32Array): number {
    const last = this.bucketOf(limit);
    let count = 0;
    for (let b = this.first; b <= last; b++) {
      let previous = -1;
      for (let row = this.heads[b]!; row >= 0; ) {
        const after = this.next[row]!;
        if (this.keyOf(row) <= limit) {
          taken[count++] = row;
          if (previous < 0) this.heads[b] = after;
          else this.next[previous] = after;
        } else previous = row;
        row = after;
      }
      if (this.heads[b]! < 0 && b === this.first && b < last) this.first++;
    }
    return count;
  }
}

/** A row's cost in height: its lines, and for the header a penalty past four lines. */
const cost = (row: number, lines: number): number => (row === 0 ? lines + HEADER_PENALTY * Math.max(0, lines - HEADER_LINES) : lines);

/**
 * Column widths that make the table as short as the 版心 allows. Every column starts at what cannot break (two
 * characters, a 10-digit 网站标识码, a label with its value); only that decides whether the table needs landscape
 * pages. Then, one character at a time, the width goes to the column that saves the most lines of the table's
 * height (a header counted heavily past four lines), and after that the most broken lines in any cell; what no
 * column can use is shared toward each column's longest text.
 */
export function planColumns(table: Table, style: TextStyle, headerStyle: TextStyle, measured = measureCells(table, style, headerStyle)): ColumnPlan {
  // Each phase is a function of its own, its arrays typed: a table whose widths come out whole and one whose come
  // out fractional then run the same compiled code, rather than throwing the whole plan's away.
  const widths = leastWidths(table, measured, style);
  const least = sum(widths);
  const landscape = least > TEXT_WIDTH;
  const total = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const room = widen(table, measured, widths, total - least, style);
  return { widths: share(measured, widths, room, total), landscape };
}

const sum = (values: ArrayLike<number>): number => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
};

/** What each column must hold at the least: two characters, and every piece of its texts that cannot break. */
function leastWidths(table: Table, measured: MeasuredCells, style: TextStyle): Float64Array {
  const { ids } = measured;
  const body = table.total ? [...table.rows, table.total] : table.rows;
  const n = table.columns.length;
  const seen = new Uint8Array(measured.texts);
  const least = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let widest = 2 * style.size * 20;
    // No piece of a line is wider than the line.
    const consider = (text: string, width: number) => {
      if (width > widest) widest = Math.max(widest, widestUnit(text, style));
    };
    for (const l of table.columns[c]!.header.split("\n")) consider(l, Infinity);
    for (let r = 0; r < body.length; r++) {
      const cell = body[r]![c];
      if (cell === null || cell === undefined || colSpanOf(cell) !== 1) continue;
      const id = ids[r * n + c]!;
      if (id >= 0) {
        // A text seen before in this column has nothing new.
        if (!seen[id]) consider(textOf(cell), measured.single[(r + 1) * n + c]!);
        seen[id] = 1;
        continue;
      }
      const widthsOf = measured.multi.get((r + 1) * n + c);
      const lines = textOf(cell).split("\n");
      for (let k = 0; k < lines.length; k++) consider(lines[k]!, widthsOf?.[k] ?? textWidth(lines[k]!, style));
    }
    least[c] = widest + FRAME;
  }
  return least;
}

/**
 * Widens the columns one step (a character) at a time, each step to the column that saves the most, while `room`
 * allows and a step saves anything; returns the room left.
 */
function widen(table: Table, measured: MeasuredCells, widths: Float64Array, room: number, style: TextStyle): number {
  const n = widths.length;
  const step = style.size * 20;
  // Cells merged down a column share their rows' height, but still read better unbroken.
  const merged = Array.from({ length: n }, (): number[][] => []);
  for (const row of table.rows) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell !== null && cell !== undefined && rowSpanOf(cell) > 1 && colSpanOf(cell) === 1) merged[c]!.push(textOf(cell).split("\n").map((l) => textWidth(l, style)));
    }
  }
  // Only a cell with a line wider than its column can gain from widening it, and only once the column reaches
  // the width at which one of its lines takes one line fewer: its threshold. Each column keeps its wrapping rows
  // by threshold, so that a step visits the rows it would change rather than every row of a long table; no column
  // widens by more steps than the room holds.
  const count = measured.rows;
  const threshold = new Float64Array(count * n);
  const queues = Array.from({ length: n }, (_, c) => new StepQueue(widths[c]! - FRAME, step, Math.max(1, Math.floor(room / step) + 2), threshold, n, c));
  // Of each row that wraps: its cells' lines, its tallest cell, the column it is in, and the next tallest: what
  // widening one column can save. Flat arrays: a long table has thousands of such rows.
  const lines = new Int32Array(count * n);
  const first = new Int32Array(count);
  const best = new Int32Array(count);
  const second = new Int32Array(count);
  // The column of the row's tallest cell, its lines, and the next tallest cell's.
  const refresh = (r: number) => {
    let top = -1;
    let most = 0;
    let next = 0;
    for (let c = 0; c < n; c++) {
      const k = lines[r * n + c]!;
      if (k > most) {
        next = most;
        most = k;
        top = c;
      } else if (k > next) next = k;
    }
    first[r] = top;
    best[r] = most;
    second[r] = next;
  };
  const wrapsAny = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < n; c++) {
      const t = nextThreshold(measured, r * n + c, widths[c]! - FRAME);
      threshold[r * n + c] = t;
      if (t < Infinity) {
        queues[c]!.push(r);
        wrapsAny[r] = 1;
      }
    }
  }
  for (let r = 0; r < count; r++) {
    if (!wrapsAny[r]) continue;
    for (let c = 0; c < n; c++) lines[r * n + c] = linesOf(measured, r * n + c, widths[c]! - FRAME);
    refresh(r);
  }
  // A line saved from the table's height outweighs any number of lines saved inside cells that are not the
  // tallest of their row; those count too, so that names are not broken where width is to spare.
  const HEIGHT = 1000;
  // A column's gain changes only when it is widened, or when a row within a step of its next threshold changes its
  // tallest cells: kept between steps and computed again only then.
  const gains = new Float64Array(n);
  const stale = new Uint8Array(n).fill(1);
  const moved = new Int32Array(count);
  while (room >= step) {
    let gainBest = 0;
    let chosen = -1;
    for (let c = 0; c < n; c++) {
      if (stale[c]) {
        stale[c] = 0;
        gains[c] = gainOf(c);
      }
      if (gains[c]! > gainBest) {
        gainBest = gains[c]!;
        chosen = c;
      }
    }
    if (chosen < 0) break;
    stale[chosen] = 1;
    widths[chosen]! += step;
    room -= step;
    const inner = widths[chosen]! - FRAME;
    const queue = queues[chosen]!;
    const taken = queue.takeUpTo(inner, moved);
    for (let m = 0; m < taken; m++) {
      const r = moved[m]!;
      lines[r * n + chosen] = linesOf(measured, r * n + chosen, inner);
      const was = first[r]!;
      const wasBest = best[r]!;
      const wasSecond = second[r]!;
      refresh(r);
      // Other columns' gains from this row depend only on its tallest cells.
      if (first[r] !== was || best[r] !== wasBest || second[r] !== wasSecond) {
        for (let c = 0; c < n; c++) if (threshold[r * n + c]! <= widths[c]! + step - FRAME) stale[c] = 1;
      }
      const t = nextThreshold(measured, r * n + chosen, inner);
      threshold[r * n + chosen] = t;
      if (t < Infinity) queue.push(r);
    }
  }
  return room;

  /** What widening column `c` one step would save. */
  function gainOf(c: number): number {
    const inner = widths[c]! + step - FRAME;
    let gain = 0;
    const mergedCells = merged[c]!;
    for (let k = 0; k < mergedCells.length; k++) gain += linesAt(mergedCells[k]!, widths[c]! - FRAME) - linesAt(mergedCells[k]!, inner);
    queues[c]!.forEachUpTo(inner, (r) => {
      const widened = linesOf(measured, r * n + c, inner);
      const now = lines[r * n + c]!;
      if (widened === now) return;
      gain += now - widened;
      if (first[r] === c) gain += HEIGHT * (cost(r, best[r]!) - cost(r, Math.max(widened, second[r]!)));
    });
    return gain;
  }
}

/**
 * The room no step could use: first to columns short of their longest text, then to all in proportion, in whole
 * twips that add up to the 版心 exactly.
 */
function share(measured: MeasuredCells, widths: Float64Array, room: number, total: number): number[] {
  const n = widths.length;
  const desire = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let longest = 0;
    for (let r = 0; r < measured.rows; r++) longest = Math.max(longest, widestLine(measured, r * n + c));
    desire[c] = Math.max(0, longest + FRAME - widths[c]!);
  }
  const wanted = sum(desire);
  const spread = new Float64Array(n);
  for (let c = 0; c < n; c++) spread[c] = widths[c]! + (wanted > 0 ? Math.min(desire[c]!, (room * desire[c]!) / wanted) : 0);
  const spreadSum = sum(spread);
  const left = total - spreadSum;
  const rounded: number[] = [];
  for (let c = 0; c < n; c++) rounded.push(Math.floor(spread[c]! + (left * spread[c]!) / spreadSum));
  rounded[n - 1]! += total - sum(rounded);
  return rounded;
}

/** The inner width a column's text is broken to: its width less the cell margins and what borders take. */
export const innerWidth = (width: number): number => width - FRAME;
