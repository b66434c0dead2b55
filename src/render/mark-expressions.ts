import type { Program } from "../checks/index.js";
import { offsetOf } from "../checks/index.js";
import { MARK_END, MARK_OPEN, MARK_START } from "../model/marks.js";

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

/** The names an expression reads: a path, or the paths among a helper's arguments (literals name nothing). */
function namesOf(e: Expression, into: string[]): void {
  if (e.type === "PathExpression") {
    const p = e as hbs.AST.PathExpression;
    if (!p.data) into.push(p.original);
  } else if (e.type === "SubExpression") {
    const s = e as hbs.AST.SubExpression;
    for (const param of s.params) namesOf(param, into);
    for (const pair of s.hash?.pairs ?? []) namesOf(pair.value, into);
  }
}

/** What a {{…}} statement reads: a helper's arguments, or the path itself when it is a plain value. */
function readsOf(m: hbs.AST.MustacheStatement): string[] {
  const names: string[] = [];
  const helperCall = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0;
  if (!helperCall) namesOf(m.path as Expression, names);
  for (const param of m.params) namesOf(param, names);
  for (const pair of m.hash?.pairs ?? []) namesOf(pair.value, names);
  return names;
}

/** A name read inside {{#each list}} blocks, from the top: `list.{{@index}}.field`, rendered by Handlebars itself. */
function qualified(name: string, scopes: readonly string[]): string {
  if (scopes.length === 0 || name.startsWith("@root.")) return name.replace(/^@root\./, "");
  let depth = 0;
  let rest = name;
  while (rest.startsWith("../")) {
    depth++;
    rest = rest.slice(3);
  }
  const outer = scopes.slice(0, Math.max(0, scopes.length - depth));
  const base = outer.length ? outer[outer.length - 1]! : "";
  const field = rest === "this" || rest === "." ? "" : rest.replace(/^this\./, "");
  return [base, field].filter(Boolean).join(".");
}

interface Insertion {
  at: number;
  text: string;
}

/**
 * The template with a mark around each {{…}} statement's output, naming what it read, or undefined when there is
 * nothing to mark. Statements with whitespace control (~) are left alone: a mark beside them would keep the
 * whitespace they remove.
 */
export function markExpressions(source: string, program: Program): string | undefined {
  const insertions: Insertion[] = [];
  const offset = (p: hbs.AST.Position) => offsetOf(source, p.line, p.column);
  const visit = (node: Node, scopes: string[]): void => {
    if (node.type === "Program") for (const s of (node as hbs.AST.Program).body) visit(s, scopes);
    else if (node.type === "MustacheStatement") {
      const m = node as hbs.AST.MustacheStatement;
      const strip = (m as unknown as { strip?: { open?: boolean; close?: boolean } }).strip;
      const names = readsOf(m).map((n) => qualified(n, scopes)).filter((n) => n && !n.startsWith("@"));
      if (!names.length || strip?.open || strip?.close || !m.loc) return;
      insertions.push({ at: offset(m.loc.start), text: `${MARK_OPEN}${names.join(" ")}${MARK_START}` }, { at: offset(m.loc.end), text: MARK_END });
    } else if (node.type === "BlockStatement") {
      const b = node as hbs.AST.BlockStatement;
      const helper = b.path.type === "PathExpression" ? (b.path as hbs.AST.PathExpression).original : "";
      const [first] = b.params;
      // Inside each and with, names are the current item's: qualified by the list and, for each, the index.
      const list = first && first.type === "PathExpression" ? qualified((first as hbs.AST.PathExpression).original, scopes) : undefined;
      const depth = scopes.length;
      const inner =
        helper === "each" && list ? [...scopes.map((s, i) => s.replace(/\{\{@(\.\.\/)*index\}\}/g, `{{@${"../".repeat(depth - i)}index}}`)), `${list}.{{@index}}`]
        : helper === "with" && list ? [...scopes, list]
        : scopes;
      if (b.program) visit(b.program, inner);
      if (b.inverse) visit(b.inverse, scopes);
    }
  };
  visit(program, []);
  if (!insertions.length) return undefined;
  let out = source;
  // From the end, and at one offset the later insertion first, so that a mark closes before the next one opens.
  const order = insertions.map((ins, i) => ({ ...ins, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  for (const { at, text } of order) out = out.slice(0, at) + text + out.slice(at);
  return out;
}
