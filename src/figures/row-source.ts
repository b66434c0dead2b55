import type { DataPath } from "../diagnostics/index.js";
import type { Expr, Row } from "./formula/index.js";
import type { FieldType, Kind } from "../input/index.js";

/** A field of the rows a table or a formula runs over, with the formula that computes it, if any. */
export interface SourceField {
  type: FieldType;
  label: string;
  /** Parsed; a total row recomputes it from the column totals (a rate of totals, not a sum of rates). */
  formula?: Expr;
  /** The values a text field allows, in the order the data declares them: the order it sorts in. */
  values?: readonly string[];
}

/** Rows to count, sum or list: a list's rows, or rows a group derives (its regions, categories, problems). */
export interface RowSource {
  /** How the data names it: problems, sites.regions. */
  name: string;
  /** What a row is called in messages. */
  label: string;
  rows: readonly Row[];
  fields: ReadonlyMap<string, SourceField>;
  /** Where each row is written in the data, when it is (derived rows have none). */
  paths: readonly (DataPath | undefined)[];
  /** The kind of a list's rows (its identity, region and issues fields); derived rows have none. */
  kind?: Kind;
}
