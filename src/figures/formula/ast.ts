/** A formula as parsed: every node keeps the offset of its first character in the formula text, for messages. */
export type Expr =
  | { type: "number"; value: number; at: number }
  | { type: "string"; value: string; at: number }
  | { type: "boolean"; value: boolean; at: number }
  /** A name, possibly dotted: received, sites.checked, lists.problems. */
  | { type: "name"; parts: string[]; at: number }
  | { type: "unary"; op: "-" | "not"; arg: Expr; at: number }
  | { type: "binary"; op: BinaryOp; left: Expr; right: Expr; at: number }
  | { type: "call"; name: string; args: Expr[]; at: number };

export type BinaryOp = "+" | "-" | "*" | "/" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "has" | "and" | "or";

/** A formula that cannot be read or computed: what is wrong, at which character of the formula. */
export class FormulaError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * What a scope gives for a name it knows whose value could not be computed (its own error is reported): a
 * formula using it stops quietly instead of calling the name unknown.
 */
export const UNAVAILABLE = Symbol("unavailable");

/** Thrown when a formula reaches an UNAVAILABLE value: nothing to report beyond the cause. */
export class Unavailable extends Error {}

/** Every name a formula mentions, with where. */
export function namesIn(expr: Expr, out: { parts: string[]; at: number }[] = []): { parts: string[]; at: number }[] {
  switch (expr.type) {
    case "name":
      out.push({ parts: expr.parts, at: expr.at });
      break;
    case "unary":
      namesIn(expr.arg, out);
      break;
    case "binary":
      namesIn(expr.left, out);
      namesIn(expr.right, out);
      break;
    case "call":
      for (const a of expr.args) namesIn(a, out);
      break;
  }
  return out;
}
