import type { Cell } from "./circular.js";

/** A table cell's text, however the table keeps it (see TableCell). */
export const textOf = (cell: string | Cell): string => (typeof cell === "string" ? cell : cell.text);

/** The rows a table cell spans: 1 for a cell kept as its text. */
export const rowSpanOf = (cell: string | Cell): number => (typeof cell === "string" ? 1 : (cell.rowSpan ?? 1));

/** The columns a table cell spans: 1 for a cell kept as its text. */
export const colSpanOf = (cell: string | Cell): number => (typeof cell === "string" ? 1 : (cell.colSpan ?? 1));
