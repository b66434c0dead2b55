import { tidy, unknownNameHint } from "../../text/index.js";
import { FormulaError, UNAVAILABLE, Unavailable, type Expr } from "./ast.js";

export type Row = Readonly<Record<string, unknown>>;

/** What names in a formula mean: figures, a group's figures, lists of rows; inside a row, its fields first. */
export interface Scope {
  /** The value a dotted name denotes; undefined when it denotes nothing. */
  resolve(parts: readonly string[]): unknown;
  /** Every name it knows, for suggesting the one a mistyped name meant. */
  known(): string[];
}

/** Names that were looked up while computing, for showing where a figure comes from. */
export type Uses = Set<string>;

const isRows = (v: unknown): v is readonly Row[] => Array.isArray(v) && v.every((x) => typeof x === "object" && x !== null && !Array.isArray(x));
const isTexts = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

export function describe(v: unknown): string {
  if (typeof v === "number") return `数值 ${v}`;
  if (typeof v === "string") return `文字“${v}”`;
  if (typeof v === "boolean") return v ? "是（true）" : "否（false）";
  if (v === null || v === undefined) return "没有填写的值";
  if (isRows(v)) return `有 ${v.length} 行的清单`;
  if (Array.isArray(v)) return "文字列表";
  return "一组数字";
}

/** A row's fields first, then everything outside it. */
export function rowScope(row: Row, outer: Scope): Scope {
  return {
    resolve: (parts) => (parts.length === 1 && Object.hasOwn(row, parts[0]!) ? row[parts[0]!] : outer.resolve(parts)),
    known: () => [...Object.keys(row), ...outer.known()],
  };
}

/** Beyond this a number no longer prints as digits (1e+21): a result that large is a mistake in the formula. */
const MAX_RESULT = 1e18;

/** A result too large to print (1e12 × 1e12 × 1e12) is an error, never "Infinity" or "1e+36" in a circular. */
const finite = (n: number, at: number): number => {
  if (!(Math.abs(n) < MAX_RESULT)) throw new FormulaError("计算结果超出了数值的范围", at, "检查公式里的乘除和数值");
  return n;
};

const number = (v: unknown, what: string, at: number): number => {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new FormulaError(`${what}应当是数值，这里是${describe(v)}`, at);
  return v;
};

const rows = (v: unknown, fn: string, at: number): readonly Row[] => {
  if (!isRows(v)) throw new FormulaError(`${fn} 的第 1 个参数应当是清单（如 problems 或 sites.regions），这里是${describe(v)}`, at);
  return v;
};

const truth = (v: unknown, what: string, at: number): boolean => {
  if (typeof v !== "boolean") throw new FormulaError(`${what}应当是条件（是或否），这里是${describe(v)}`, at, "条件如 platform = \"微信\"、received > 100，或 yesno 字段本身");
  return v;
};

type Aggregate = (values: number[]) => number;
const AGGREGATES: Record<string, { over: boolean; reduce: Aggregate }> = {
  count: { over: false, reduce: (v) => v.length },
  sum: { over: true, reduce: (v) => v.reduce((a, b) => a + b, 0) },
  avg: { over: true, reduce: (v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN) },
  min: { over: true, reduce: (v) => (v.length ? v.reduce((a, b) => Math.min(a, b)) : NaN) },
  max: { over: true, reduce: (v) => (v.length ? v.reduce((a, b) => Math.max(a, b)) : NaN) },
};

/** The functions a formula can call, with how they are written, for messages. */
export const FUNCTIONS: Record<string, string> = {
  count: "count(清单) 或 count(清单, 条件)：行数",
  sum: "sum(清单, 字段) 或 sum(清单, 字段, 条件)：合计",
  avg: "avg(清单, 字段[, 条件])：平均",
  min: "min(清单, 字段[, 条件])：最小",
  max: "max(清单, 字段[, 条件])：最大",
  distinct: "distinct(清单, 字段[, 条件])：不同值的个数",
  pick: "pick(清单, 字段, 条件)：唯一符合条件的那一行的字段，如 pick(sites.categories, passRate, name = \"市直部门独立站点\")",
  percent: "percent(部分, 整体)：百分数，如 98.8",
  ratio: "ratio(甲, 乙)：甲 ÷ 乙",
  round: "round(数值) 或 round(数值, 小数位数)",
  abs: "abs(数值)：绝对值",
};

function arity(name: string, args: Expr[], min: number, max: number, at: number): void {
  if (args.length < min || args.length > max) {
    const count = min === max ? `${min}` : `${min} 到 ${max}`;
    throw new FormulaError(`${name} 要写 ${count} 个参数，这里写了 ${args.length} 个`, at, Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined);
  }
}

/**
 * The value of a formula in a scope. Every step is checked: a name that means nothing, a text where a number is
 * needed, a division by zero are errors at their character, never a silent NaN.
 */
export function evaluate(expr: Expr, scope: Scope, uses?: Uses): unknown {
  const value = evaluateOnce(expr, scope, uses);
  return typeof value === "number" ? finite(value, expr.at) : value;
}

function evaluateOnce(expr: Expr, scope: Scope, uses?: Uses): unknown {
  const ev = (e: Expr, s: Scope = scope): unknown => evaluate(e, s, uses);
  switch (expr.type) {
    case "number":
    case "string":
    case "boolean":
      return expr.value;
    case "name": {
      const value = scope.resolve(expr.parts);
      if (value === UNAVAILABLE) throw new Unavailable();
      // Only data reaches a formula: a name that resolves to anything else (a function) means nothing.
      if (value === undefined || typeof value === "function") throw new FormulaError(`不认识的名称 ${expr.parts.join(".")}`, expr.at, suggestion(expr.parts.join("."), scope.known()));
      uses?.add(expr.parts.join("."));
      return value;
    }
    case "unary": {
      const v = ev(expr.arg);
      return expr.op === "-" ? -number(v, "负号后面", expr.arg.at) : !truth(v, "not 后面", expr.arg.at);
    }
    case "binary":
      return binary(expr, ev);
    case "call":
      return call(expr, scope, ev);
  }
}

function binary(expr: Extract<Expr, { type: "binary" }>, ev: (e: Expr) => unknown): unknown {
  const { op, left, right } = expr;
  if (op === "and" || op === "or") {
    const a = truth(ev(left), `${op} 的左边`, left.at);
    // Short-circuit as readers expect: `b > 0 and a / b > 1` never divides by zero.
    if (op === "and" ? !a : a) return a;
    return truth(ev(right), `${op} 的右边`, right.at);
  }
  const a = ev(left);
  const b = ev(right);
  switch (op) {
    case "has":
      if (isTexts(a)) return a.includes(String(b));
      if (typeof a === "string" && typeof b === "string") return a.includes(b);
      throw new FormulaError(`has 的左边应当是文字列表（如 issues），这里是${describe(a)}`, left.at);
    case "=":
    case "!=": {
      if (typeof a !== typeof b || (typeof a !== "number" && typeof a !== "string" && typeof a !== "boolean")) {
        throw new FormulaError(`比较的两边类型不同：${describe(a)}和${describe(b)}`, expr.at, "文字要加引号，如 platform = \"微信\"");
      }
      return op === "=" ? a === b : a !== b;
    }
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const x = number(a, `${op} 的左边`, left.at);
      const y = number(b, `${op} 的右边`, right.at);
      return op === "<" ? x < y : op === "<=" ? x <= y : op === ">" ? x > y : x >= y;
    }
    default: {
      const x = number(a, `${op} 的左边`, left.at);
      const y = number(b, `${op} 的右边`, right.at);
      if (op === "/" && y === 0) throw new FormulaError("除数是 0", right.at, "检查除数；可以写 if 条件避开，或换一个数字");
      return tidy(op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : x / y);
    }
  }
}

function call(expr: Extract<Expr, { type: "call" }>, scope: Scope, ev: (e: Expr, s?: Scope) => unknown): unknown {
  const { name, args, at } = expr;
  const aggregate = Object.hasOwn(AGGREGATES, name) ? AGGREGATES[name] : undefined;
  if (aggregate || name === "distinct") {
    const over = name === "distinct" || aggregate!.over;
    arity(name, args, over ? 2 : 1, over ? 3 : 2, at);
    const list = rows(ev(args[0]!), name, args[0]!.at);
    const condition = args[over ? 2 : 1];
    const picked = condition ? list.filter((row) => truth(ev(condition, rowScope(row, scope)), `${name} 的条件`, condition.at)) : list;
    if (name === "distinct") return new Set(picked.map((row) => JSON.stringify(ev(args[1]!, rowScope(row, scope)) ?? null))).size;
    const values = over ? picked.map((row) => number(ev(args[1]!, rowScope(row, scope)), `${name} 的第 2 个参数`, args[1]!.at)) : picked.map(() => 1);
    const result = aggregate!.reduce(values);
    if (Number.isNaN(result)) throw new FormulaError(`${name} 没有可计算的行`, at, "清单是空的，或没有符合条件的行");
    return tidy(result);
  }
  switch (name) {
    case "pick": {
      arity(name, args, 3, 3, at);
      const list = rows(ev(args[0]!), name, args[0]!.at);
      const matches = list.filter((row) => truth(ev(args[2]!, rowScope(row, scope)), "pick 的条件", args[2]!.at));
      if (matches.length !== 1) throw new FormulaError(`pick 的条件应当恰好选中一行，这里选中了 ${matches.length} 行`, args[2]!.at);
      return ev(args[1]!, rowScope(matches[0]!, scope));
    }
    case "percent":
    case "ratio": {
      arity(name, args, 2, 2, at);
      const part = number(ev(args[0]!), `${name} 的第 1 个参数`, args[0]!.at);
      const whole = number(ev(args[1]!), `${name} 的第 2 个参数`, args[1]!.at);
      if (whole === 0) throw new FormulaError(`${name} 的第 2 个参数是 0，无法计算`, args[1]!.at);
      return name === "percent" ? (part / whole) * 100 : part / whole;
    }
    case "round": {
      arity(name, args, 1, 2, at);
      const value = number(ev(args[0]!), "round 的第 1 个参数", args[0]!.at);
      const digits = args[1] ? number(ev(args[1]), "round 的第 2 个参数", args[1].at) : 0;
      if (!Number.isInteger(digits) || digits < 0 || digits > 6) throw new FormulaError("round 的小数位数应当是 0 到 6 的整数", args[1]!.at);
      const scale = 10 ** digits;
      return Math.round(value * scale + Math.sign(value) * 1e-9) / scale;
    }
    case "abs":
      arity(name, args, 1, 1, at);
      return Math.abs(number(ev(args[0]!), "abs 的参数", args[0]!.at));
    default:
      throw new FormulaError(`没有名为 ${name} 的函数`, at, unknownNameHint(name, Object.keys(FUNCTIONS), "可用的函数有"));
  }
}

const suggestion = (name: string, known: string[]): string => unknownNameHint(name, [...new Set(known)], "可用的名称有");
