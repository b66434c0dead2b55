import type { AttachmentData, RowSource } from "../validate/circular-data.js";
import { sum } from "./arithmetic.js";
import type { NewMediaFigures } from "./new-media.js";
import type { SiteFigures } from "./sites.js";

export type TableRow = Readonly<Record<string, unknown>>;

/** The rows of one attachment table and the totals of its `sum` columns, keyed by field. */
export interface TableFigures {
  rows: readonly TableRow[];
  totals: Readonly<Record<string, number>>;
}

export function rowsOf(source: RowSource, figures: { sites?: SiteFigures; newMedia?: NewMediaFigures }): readonly TableRow[] | undefined {
  const [group, list] = source.split(".") as ["sites" | "newMedia", string];
  return (figures[group] as Record<string, unknown> | undefined)?.[list] as TableRow[] | undefined;
}

export function deriveTable(attachment: AttachmentData, rows: readonly TableRow[]): TableFigures {
  const totals: Record<string, number> = {};
  for (const column of attachment.columns) {
    if (column.sum && column.field) totals[column.field] = sum(rows.map((r) => Number(r[column.field!] ?? 0)));
  }
  return { rows, totals };
}
