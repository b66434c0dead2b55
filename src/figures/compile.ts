import type { DataPath, Diagnostics } from "../diagnostics/index.js";
import { FormulaError, Unavailable, evaluate, parseFormula, type Expr, type Scope, type Uses } from "./formula/index.js";

/** A formula written in the data, parsed once; an error is reported at its character. */
export function compileFormula(text: string, path: DataPath, diagnostics: Diagnostics): Expr | undefined {
  try {
    return parseFormula(text);
  } catch (e) {
    if (!(e instanceof FormulaError)) throw e;
    diagnostics.report({ severity: "error", code: "formula", path, index: e.at, message: `公式有误：${e.message}`, ...(e.hint ? { hint: e.hint } : {}) });
    return undefined;
  }
}

/**
 * The value of a formula, or undefined with the error reported: at the formula's character, or — for an error
 * that belongs to one row (a zero divisor in row 5) — at `row`, naming the formula.
 */
export function computeFormula(
  expr: Expr,
  scope: Scope,
  at: { path: DataPath; text: string; row?: { path: DataPath; where: string } },
  diagnostics: Diagnostics,
  uses?: Uses,
): unknown {
  try {
    return evaluate(expr, scope, uses);
  } catch (e) {
    if (e instanceof Unavailable) return undefined;
    if (!(e instanceof FormulaError)) throw e;
    const hint = e.hint ? { hint: e.hint } : {};
    if (at.row && !/^不认识的名称|^没有名为/.test(e.message)) {
      diagnostics.report({ severity: "error", code: "formula", path: at.row.path, message: `${at.row.where}按公式 ${at.text} 计算时出错：${e.message}`, ...hint });
    } else {
      diagnostics.report({ severity: "error", code: e.message.startsWith("不认识的名称") ? "unknown-name" : "formula", path: at.path, index: e.at, message: e.message, ...hint });
    }
    return undefined;
  }
}
