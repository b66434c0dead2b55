import { FormulaError, type BinaryOp, type Expr } from "./ast.js";
import { tokenize, type Token } from "./lexer.js";

/** Nesting deeper than this is not a formula anyone writes; refusing it keeps the parser's stack bounded. */
const MAX_NESTING = 50;

/**
 * A formula such as `percent(onTime, received)`, `count(problems, issues has "严重错别字")` or
 * `sum(units, received, category = "区县") - previous`, parsed by precedence: or, and, not, comparison, + −, × ÷,
 * unary minus, then numbers, "text", names, calls and parentheses.
 */
export function parseFormula(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => tokens[pos]!;
  const isOp = (value: string) => peek().kind === "op" && (peek() as { value: string }).value === value;
  const isWord = (value: string) => peek().kind === "name" && (peek() as { value: string }).value === value;
  const expect = (value: string, what: string) => {
    if (!isOp(value)) throw new FormulaError(`这里应当是 ${value}`, peek().at, what);
    pos++;
  };
  const deeper = <T>(at: number, parse: () => T): T => {
    if (++depth > MAX_NESTING) throw new FormulaError(`公式嵌套超过 ${MAX_NESTING} 层`, at);
    try {
      return parse();
    } finally {
      depth--;
    }
  };

  const binary = (next: () => Expr, ops: string[], words = false): Expr => {
    let left = next();
    for (;;) {
      const t = peek();
      const op = t.kind === (words ? "name" : "op") ? (t as { value: string }).value : undefined;
      if (op === undefined || !ops.includes(op)) return left;
      pos++;
      left = { type: "binary", op: op as BinaryOp, left, right: next(), at: left.at };
    }
  };
  const or = (): Expr => binary(and, ["or"], true);
  const and = (): Expr => binary(not, ["and"], true);
  const not = (): Expr => {
    if (isWord("not")) {
      const at = peek().at;
      pos++;
      return deeper(at, () => ({ type: "unary", op: "not", arg: not(), at }));
    }
    return comparison();
  };
  const comparison = (): Expr => {
    const left = sum();
    const t = peek();
    const op = (t.kind === "op" && ["=", "!=", "<", "<=", ">", ">="].includes(t.value)) || (t.kind === "name" && t.value === "has") ? (t as { value: string }).value : undefined;
    if (!op) return left;
    pos++;
    return { type: "binary", op: op as BinaryOp, left, right: sum(), at: left.at };
  };
  const sum = (): Expr => binary(product, ["+", "-"]);
  const product = (): Expr => binary(unary, ["*", "/"]);
  const unary = (): Expr => {
    if (isOp("-")) {
      const at = peek().at;
      pos++;
      return deeper(at, () => ({ type: "unary", op: "-", arg: unary(), at }));
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (t.kind === "number") {
      pos++;
      return { type: "number", value: t.value, at: t.at };
    }
    if (t.kind === "string") {
      pos++;
      return { type: "string", value: t.value, at: t.at };
    }
    if (t.kind === "op" && t.value === "(") {
      pos++;
      const inner = deeper(t.at, or);
      expect(")", "括号要成对");
      return inner;
    }
    if (t.kind === "name") {
      pos++;
      if (t.value === "true" || t.value === "false") return { type: "boolean", value: t.value === "true", at: t.at };
      if (isOp("(")) {
        pos++;
        const args: Expr[] = [];
        if (!isOp(")")) {
          do args.push(deeper(t.at, or));
          while (isOp(",") && ++pos);
        }
        expect(")", "函数的参数写完后要有 )，参数之间用逗号分开");
        return { type: "call", name: t.value, args, at: t.at };
      }
      const parts = [t.value];
      while (isOp(".")) {
        pos++;
        const next = peek();
        if (next.kind !== "name") throw new FormulaError("点号后面应当是名称", next.at);
        parts.push(next.value);
        pos++;
      }
      return { type: "name", parts, at: t.at };
    }
    if (t.kind === "end") throw new FormulaError("公式不完整", t.at, "检查末尾是否少写了数字、名称或括号");
    throw new FormulaError(`这里不能是 ${(t as { value: string }).value}`, t.at);
  };

  if (peek().kind === "end") throw new FormulaError("公式是空的", 0);
  const expr = or();
  if (peek().kind !== "end") throw new FormulaError(`公式在这里多出了 ${(peek() as { value?: unknown }).value ?? ""}`, peek().at, "检查运算符和括号");
  return expr;
}
