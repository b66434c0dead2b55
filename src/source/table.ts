import type { Position } from "../diagnostics/index.js";
import { columnName } from "../text/index.js";

/** One cell as the spreadsheet holds it, and as the clerk sees it on screen. */
export interface Cell {
  /** Text, a number, or true/false; a date cell is its ISO date text (2019-03-20). */
  value: string | number | boolean;
  /** What the cell shows: a number with a zero-padded format (0440282002) shows its zeros. */
  text: string;
  /** An Excel error value (#N/A, #DIV/0!) instead of a value. */
  error?: boolean;
}

export interface TableRow {
  /** 1-based, as the spreadsheet numbers it. */
  number: number;
  /** 0-based by column; empty cells are undefined. */
  cells: (Cell | undefined)[];
}

/** A sheet of an .xlsx, or a CSV file: its non-empty rows, and where each cell is for messages. */
export interface Table {
  /** The file as the data names it (for messages). */
  file: string;
  /** The sheet's name; undefined for CSV. */
  sheet?: string;
  rows: TableRow[];
}

/** "C17" → { row: 17, column: 2 }, or undefined for what is not a cell reference. */
export function parseCellName(name: string): { row: number; column: number } | undefined {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(name);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column: column - 1 };
}

/** Where a cell is: 问题网站.xlsx!清单!C17, or 问题网站.csv!C17. */
export const cellPosition = (table: Table, row: number, column: number): Position => ({
  file: table.file,
  line: row,
  col: column + 1,
  cell: `${table.sheet !== undefined ? `${table.sheet}!` : ""}${columnName(column)}${row}`,
});
