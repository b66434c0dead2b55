import type { DataPath, Diagnostics } from "../diagnostics/index.js";
import type { AttachmentData } from "../input/index.js";
import { tidy, unknownNameHint } from "../text/index.js";
import { compileFormula, computeFormula } from "./compile.js";
import { compileSelection, pathsAt, selectRows } from "./select.js";
import { rowScope, type Expr, type Row, type Scope } from "./formula/index.js";
import type { RowSource } from "./row-source.js";

/** One attachment table's numbers: its rows as filtered and sorted, computed columns, and the totals row. */
export interface TableFigures {
  /** The source the rows come from (problems, sites.regions). */
  source: RowSource;
  rows: Row[];
  /** Where each row is written in the data, when it is. */
  paths: (DataPath | undefined)[];
  /** Values of each formula column, by column then row (undefined for other columns). */
  computed: (number | undefined)[][];
  /** The 合计 row's value of each summed column. */
  totals: (number | undefined)[];
}

/**
 * The rows of attachment `index` from its source, filtered by `where`, sorted by `sort`, with formula columns and
 * totals computed. Every name a column, condition or sort key uses must be a field of the rows: a mistyped one
 * is an error at its place, never an empty column.
 */
export function deriveTable(
  attachment: AttachmentData,
  index: number,
  sourceNamed: (name: string) => RowSource | undefined,
  sourceNames: () => string[],
  scope: Scope,
  diagnostics: Diagnostics,
): TableFigures | undefined {
  const at: DataPath = ["attachments", index];
  const source = sourceNamed(attachment.rows);
  if (!source) {
    diagnostics.error("unknown-name", [...at, "rows"], `附件${index + 1}的行来源 ${attachment.rows} 在数据里没有`, unknownNameHint(attachment.rows, sourceNames(), "可用的有"));
    return undefined;
  }
  const fields = [...source.fields.keys()];
  const unknownField = (name: string, path: DataPath, what: string) =>
    diagnostics.error("unknown-name", path, `${what}的字段 ${name} 不在${source.label}（${source.name}）的行里`, unknownNameHint(name, fields, `${source.name} 的字段有`));

  let ok = true;
  const formulas = attachment.columns.map((column, c) => {
    const path: DataPath = [...at, "columns", c];
    const ways = [column.field !== undefined, column.value !== undefined, column.formula !== undefined, column.number === true].filter(Boolean).length;
    if (ways !== 1) {
      diagnostics.error("column", path, `列“${column.header}”要写 field、value、formula、number 四者之一（现在写了 ${ways} 个）`, "field 写字段名；value 写单元格模板；formula 写公式；number: true 表示序号列");
      ok = false;
    }
    if (column.field !== undefined && !source.fields.has(column.field)) {
      unknownField(column.field, [...path, "field"], `列“${column.header}”`);
      ok = false;
    }
    return column.formula !== undefined ? compileFormula(column.formula, [...path, "formula"], diagnostics) : undefined;
  });
  const selection = compileSelection(source, attachment, at, diagnostics);
  if (!ok || !selection) return undefined;
  const { rows, at: places } = selectRows(source, selection, scope, diagnostics);
  const computed = attachment.columns.map((column, c) =>
    formulas[c]
      ? rows.map((row) => {
          const v = computeFormula(formulas[c]!, rowScope(row, scope), { path: [...at, "columns", c, "formula"], text: column.formula! }, diagnostics);
          return typeof v === "number" ? v : undefined;
        })
      : [],
  );
  const totals = attachment.total !== undefined ? totalsOf(attachment, index, rows, source, formulas, scope, diagnostics) : [];
  // The rows' data paths are for explaining a figure (the preview): made when first asked for, not at every build.
  const paths = pathsAt(source, places);
  return {
    source,
    rows,
    get paths() {
      return paths();
    },
    computed,
    totals,
  };
}

/**
 * The 合计 row: a summed field column adds up; a computed one (a rate) is computed again from the column totals,
 * so the total of 按期办结率 is the rate of the totals, not a sum of rates.
 */
function totalsOf(
  attachment: AttachmentData,
  index: number,
  rows: readonly Row[],
  source: RowSource,
  formulas: (Expr | undefined)[],
  scope: Scope,
  diagnostics: Diagnostics,
): (number | undefined)[] {
  // Every numeric field's sum: what a recomputed formula reads.
  const sums: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [name, field] of source.fields) {
    if (field.type !== "integer" && field.type !== "number") continue;
    if (rows.every((r) => typeof r[name] === "number")) sums[name] = tidy(rows.reduce((a, r) => a + (r[name] as number), 0));
  }
  return attachment.columns.map((column, c) => {
    if (!column.sum) return undefined;
    const path: DataPath = ["attachments", index, "columns", c];
    const recompute = (expr: Expr, text: string) => {
      const v = computeFormula(expr, rowScope(sums, scope), { path, text }, diagnostics);
      return typeof v === "number" ? v : undefined;
    };
    if (formulas[c]) return recompute(formulas[c]!, column.formula!);
    if (column.field === undefined) {
      diagnostics.error("column-sum", path, `列“${column.header}”要合计，须用 field 或 formula 指明数值`);
      return undefined;
    }
    const formula = source.fields.get(column.field)?.formula;
    if (formula) return recompute(formula, column.field);
    const bad = rows.findIndex((r) => typeof r[column.field!] !== "number");
    if (bad >= 0) {
      diagnostics.error("column-sum", path, `列“${column.header}”要合计，但第 ${bad + 1} 行的 ${column.field} 不是数值`, "合计列的每一行都要填数值");
      return undefined;
    }
    return Object.hasOwn(sums, column.field) ? sums[column.field] : undefined;
  });
}
