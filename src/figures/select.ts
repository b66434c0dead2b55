import type { DataPath, Diagnostics } from "../diagnostics/index.js";
import { unknownNameHint } from "../text/index.js";
import { compileFormula, computeFormula } from "./compile.js";
import { rowScope, type Expr, type Row, type Scope } from "./formula/index.js";
import type { RowSource } from "./row-source.js";

/** Which rows of a source to keep and in what order: a condition and sort keys, checked against its fields. */
export interface Selection {
  where?: { expr: Expr; text: string; path: DataPath };
  sort: { field: string; descending: boolean; order?: readonly string[] }[];
}

// Made on first use: loading ICU's collation data costs 5–10 ms of a cold start that may sort nothing.
let collator: Intl.Collator | undefined;

const empty = (v: unknown) => v === undefined || v === null || v === "";
/** Numbers by value, a field with declared values in their order, other text in pinyin order; empty values last. */
function compare(a: unknown, b: unknown, order: readonly string[] | undefined): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (empty(a)) return empty(b) ? 0 : 1;
  if (empty(b)) return -1;
  if (order) return order.indexOf(String(a)) - order.indexOf(String(b));
  return (collator ??= new Intl.Collator("zh-CN", { numeric: true })).compare(String(a), String(b));
}

/**
 * A `where` and `sort` as written at `at` (an attachment, a list chosen from another), compiled: every sort key
 * must be a field of the source's rows. Undefined when something is wrong (reported).
 */
export function compileSelection(
  source: RowSource,
  spec: { where?: string; sort?: string | string[] },
  at: DataPath,
  diagnostics: Diagnostics,
): Selection | undefined {
  let ok = true;
  const where = spec.where !== undefined ? compileFormula(spec.where, [...at, "where"], diagnostics) : undefined;
  if (spec.where !== undefined && !where) ok = false;
  const keys = spec.sort === undefined ? [] : Array.isArray(spec.sort) ? spec.sort : [spec.sort];
  const sort = keys.map((key, k) => {
    const field = key.replace(/^[-+]/, "").trim();
    if (!source.fields.has(field)) {
      diagnostics.error("unknown-name", Array.isArray(spec.sort) ? [...at, "sort", k] : [...at, "sort"], `排序的字段 ${field} 不在${source.label}（${source.name}）的行里`, unknownNameHint(field, [...source.fields.keys()], `${source.name} 的字段有`));
      ok = false;
    }
    const order = source.fields.get(field)?.values;
    return { field, descending: key.startsWith("-"), ...(order ? { order } : {}) };
  });
  return ok ? { ...(where ? { where: { expr: where, text: spec.where!, path: [...at, "where"] } } : {}), sort } : undefined;
}

/** The data paths of a source's rows at `places`, made when first asked for. */
export function pathsAt(source: RowSource, places: readonly number[]): () => (DataPath | undefined)[] {
  let paths: (DataPath | undefined)[] | undefined;
  return () => (paths ??= places.map((i) => source.paths[i]));
}

/**
 * The rows a selection keeps, in its order (stable: equal rows keep the data's order), with their places in the
 * source (`at`): their data paths are made from these only when asked for.
 */
export function selectRows(source: RowSource, selection: Selection, scope: Scope, diagnostics: Diagnostics): { rows: Row[]; at: number[] } {
  const { where } = selection;
  const all = source.rows;
  // Row numbers are picked and sorted, not objects made for each of thousands of rows.
  let at = all.map((_, i) => i);
  if (where) {
    at = at.filter((i) => {
      const v = computeFormula(where.expr, rowScope(all[i]!, scope), { path: where.path, text: where.text }, diagnostics);
      if (v !== undefined && typeof v !== "boolean") {
        diagnostics.error("formula", where.path, `where 应当是条件（如 received > 100），这里第 ${i + 1} 行算出的是 ${String(v)}`);
        return false;
      }
      return v === true;
    });
  }
  if (selection.sort.length) {
    at.sort((a, b) => {
      for (const { field, descending, order } of selection.sort) {
        const d = compare(all[a]![field], all[b]![field], order);
        if (d !== 0) return descending ? -d : d;
      }
      return 0;
    });
  }
  return { rows: at.map((i) => all[i]!), at };
}
