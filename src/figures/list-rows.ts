import type { DataPath, Diagnostics } from "../diagnostics/index.js";
import type { CheckedList } from "../input/index.js";
import type { Comparison } from "./comparison.js";
import { compileFormula, computeFormula } from "./compile.js";
import type { Row, Scope } from "./formula/index.js";
import type { RowSource, SourceField } from "./row-source.js";

/**
 * A list as rows to compute with: each formula field of its kind (总分 = 100 + 加分 − 扣分) computed for every row
 * that states none, and compared with the value where a row states one.
 */
export function listSource(list: CheckedList, diagnostics: Diagnostics, comparisons: Comparison[]): RowSource {
  const fields = new Map<string, SourceField>();
  const formulas: { name: string; label: string; expr: NonNullable<SourceField["formula"]>; text: string; path: DataPath }[] = [];
  for (const field of list.kind.fields.values()) {
    const source: SourceField = { type: field.type, label: field.label, ...(field.values ? { values: field.values } : {}) };
    if (field.formula !== undefined) {
      const path: DataPath = field.declaredAt ? [...field.declaredAt, "formula"] : ["lists", list.name, "kind"];
      const expr = compileFormula(field.formula, path, diagnostics);
      if (expr) {
        source.formula = expr;
        formulas.push({ name: field.name, label: field.label, expr, text: field.formula, path });
      }
    }
    fields.set(field.name, source);
  }
  const rows: Row[] = list.rows.map((row, i) => {
    if (formulas.length === 0) return row;
    const out: Record<string, unknown> = { ...row };
    const rowPath = [...list.path, i];
    for (const f of formulas) {
      // A kind's formula fields compute from the row alone.
      const scope: Scope = { resolve: (parts) => (parts.length === 1 && fields.has(parts[0]!) ? out[parts[0]!] : undefined), known: () => [...fields.keys()] };
      const where = `${list.label}第 ${i + 1} 行`;
      const computed = computeFormula(f.expr, scope, { path: f.path, text: f.text, row: { path: rowPath, where } }, diagnostics);
      if (typeof computed !== "number") continue;
      const stated = row[f.name];
      if (typeof stated === "number" && stated !== computed) comparisons.push({ path: [...rowPath, f.name], what: `${where}的${f.label}`, stated, computed, source: `按公式 ${f.text} 计算` });
      else out[f.name] = computed;
    }
    return out;
  });
  // Made when first asked for: a long list's paths are needed only to explain or report one of its rows.
  let paths: DataPath[] | undefined;
  return {
    name: list.name,
    label: list.label,
    rows,
    fields,
    get paths() {
      return (paths ??= list.rows.map((_, i) => [...list.path, i]));
    },
    kind: list.kind,
  };
}
