import { HELPERS, HelperError, checkArguments, unknownNameHint } from "../../text/index.js";
import { MAX_NESTING, type Program } from "./parse-template.js";

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;
type Loc = hbs.AST.SourceLocation;

/** A problem in a template: at a 1-based line and 0-based column of its text, or of the partial named. */
export interface TemplateIssue {
  code: "unknown-name" | "helper" | "template";
  message: string;
  hint?: string;
  line: number;
  column: number;
  /** The partial the problem is in, when it is not in the template itself, and where the template calls it. */
  partial?: string;
  call?: { line: number; column: number };
}

export interface CheckEnvironment {
  partials: ReadonlyMap<string, Program>;
  /** Names (sites, figures.rate) whose values could not be computed (their data has errors): anything under them is accepted. */
  opaque?: ReadonlySet<string>;
}

/** Block helpers a template may open: the data's structure, not computation. */
const BLOCKS = new Set(["if", "unless", "each", "with"]);
/** Rows of an {{#each}} checked one by one; a longer list is checked on its first rows. */
const MAX_ROWS_CHECKED = 500;

const OPAQUE = Symbol("opaque");

interface Frame {
  context: unknown;
  /** @index, @first, @last, @key inside {{#each}}. */
  data?: Record<string, unknown>;
  params?: Map<string, unknown>;
}

const own = (value: unknown, key: string): boolean => typeof value === "object" && value !== null && Object.hasOwn(value, key);
const keysOf = (value: unknown): string[] => (typeof value === "object" && value !== null ? Object.keys(value) : []);

type Resolved = { found: true; value: unknown } | { found: false; name: string; known: string[] };

/**
 * Checks a template against the values it will be rendered with, as far as they are known: every name resolves
 * (own properties only: no prototype name reaches a template), every helper exists and gets arguments of its
 * types, every block is one of if/unless/each/with, every partial exists. Helpers are dry-run with the real
 * arguments, so what would fail while rendering fails here, at the expression.
 */
export function checkTemplate(program: Program, context: unknown, env: CheckEnvironment): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const reported = new Set<string>();
  let partial: string | undefined;
  let callSite: Loc | undefined;
  const issue = (code: TemplateIssue["code"], loc: Loc, message: string, hint?: string) => {
    const key = `${partial}|${loc.start.line}|${loc.start.column}|${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    issues.push({
      code,
      message,
      ...(hint ? { hint } : {}),
      line: loc.start.line,
      column: loc.start.column,
      ...(partial && callSite ? { partial, call: { line: callSite.start.line, column: callSite.start.column } } : {}),
    });
  };
  const root = context;

  const resolvePath = (path: hbs.AST.PathExpression, frames: Frame[], lenient: boolean): Resolved => {
    const name = path.original;
    if (path.data) {
      const [head, ...rest] = path.parts;
      if (head === "root") return walk(root, rest, name, true, lenient);
      const frame = [...frames].reverse().find((f) => f.data && own(f.data, head!));
      if (!frame) return { found: false, name, known: ["@root", ...Object.keys(frames.at(-1)?.data ?? {}).map((k) => `@${k}`)] };
      return walk(frame.data![head!], rest, name, false, lenient);
    }
    const frame = frames[Math.max(0, frames.length - 1 - path.depth)]!;
    if (path.parts.length === 0) return { found: true, value: frame.context };
    const [head, ...rest] = path.parts as [string, ...string[]];
    for (let i = frames.length - 1; i >= 0; i--) {
      const p = frames[i]!.params;
      if (p?.has(head)) return walk(p.get(head), rest, name, false, lenient);
    }
    return walk(frame.context, path.parts, name, frame.context === root, lenient);
  };

  const walk = (start: unknown, parts: readonly string[], name: string, atRoot: boolean, lenient: boolean): Resolved => {
    let value = start;
    for (const [i, part] of parts.entries()) {
      if (atRoot && env.opaque?.has(parts.slice(0, i + 1).join("."))) return { found: true, value: OPAQUE };
      if (own(value, part)) {
        value = (value as Record<string, unknown>)[part];
        continue;
      }
      // An {{#if}} may ask for an optional field that is not there.
      if (lenient && i === parts.length - 1 && typeof value === "object" && value !== null) return { found: true, value: undefined };
      const prefix = parts.slice(0, i).join(".");
      return { found: false, name, known: keysOf(value).map((k) => (prefix ? `${prefix}.${k}` : k)) };
    }
    return { found: true, value };
  };

  const unknown = (r: Extract<Resolved, { found: false }>, loc: Loc) =>
    issue("unknown-name", loc, `不认识的名称 ${r.name}`, unknownNameHint(r.name, r.known, "这里可以用的名称有"));

  /** The value of an expression (a path, a literal, a subexpression), or OPAQUE when it cannot be known. */
  const valueOf = (e: Expression, frames: Frame[], lenient = false): unknown => {
    switch (e.type) {
      case "PathExpression": {
        const r = resolvePath(e as hbs.AST.PathExpression, frames, lenient);
        if (!r.found) {
          unknown(r, e.loc);
          return OPAQUE;
        }
        return r.value;
      }
      case "SubExpression":
        return call(e as hbs.AST.SubExpression, frames);
      case "StringLiteral":
      case "NumberLiteral":
      case "BooleanLiteral":
        return (e as hbs.AST.StringLiteral).value;
      default:
        return undefined;
    }
  };

  /** A helper call: the helper exists, its arguments fit, and dry-running it succeeds; its result when known. */
  const call = (node: hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement, frames: Frame[]): unknown => {
    const name = (node.path as hbs.AST.PathExpression).original;
    const spec = HELPERS[name];
    if (!spec) {
      issue("helper", node.path.loc, `没有名为 ${name} 的帮助函数`, unknownNameHint(name, Object.keys(HELPERS), "可用的帮助函数有"));
      return OPAQUE;
    }
    const args = node.params.map((p) => valueOf(p, frames));
    const hash = Object.fromEntries((node.hash?.pairs ?? []).map((p) => [p.key, valueOf(p.value, frames)]));
    if (args.includes(OPAQUE) || Object.values(hash).includes(OPAQUE)) return OPAQUE;
    const wrong = checkArguments(name, spec, args, hash);
    const at = (argument: number | string | undefined): Loc =>
      typeof argument === "number" ? (node.params[argument - 1]?.loc ?? node.loc) : typeof argument === "string" ? (node.hash?.pairs.find((p) => p.key === argument)?.loc ?? node.loc) : node.loc;
    if (wrong) {
      const value = typeof wrong.argument === "number" ? args[wrong.argument - 1] : undefined;
      issue("helper", at(wrong.argument), value === undefined ? wrong.message : `${wrong.message}，这里是${describe(value)}`, `用法：${spec.usage}`);
      return OPAQUE;
    }
    try {
      return spec.run(args, hash);
    } catch (e) {
      if (!(e instanceof HelperError)) throw e;
      issue("helper", at(e.argument), e.message, `用法：${spec.usage}`);
      return OPAQUE;
    }
  };

  /** What a mustache writes must be text: a list, a group of figures or a value left empty is a mistake. */
  const printable = (value: unknown, loc: Loc, name: string) => {
    if (value === OPAQUE || typeof value === "string" || typeof value === "number") return;
    if (value === undefined || value === null) issue("unknown-name", loc, `${name} 没有填写，这里会是空白`, "在数据里填上它，或用 {{#if …}} 只在填写时写出");
    else if (Array.isArray(value)) issue("template", loc, `${name} 是列表，不能直接写出`, `写出列表用 {{join ${name}}}，写出个数用 {{${name}.length}}`);
    else if (typeof value === "boolean") issue("template", loc, `${name} 是是否值，直接写出是 true/false`, `写成 {{yesno ${name}}}`);
    else issue("template", loc, `${name} 是一组数据，不能直接写出`, `写出其中的一项，如 {{${name}.${keysOf(value)[0] ?? "…"}}}`);
  };

  const statements = (body: readonly hbs.AST.Statement[], frames: Frame[], depth: number): void => {
    for (const s of body) statement(s, frames, depth);
  };

  const statement = (s: Node, frames: Frame[], depth: number): void => {
    if (depth > MAX_NESTING) {
      issue("template", (s as hbs.AST.Statement).loc, `模板嵌套超过 ${MAX_NESTING} 层`, "减少 {{#if}}、{{#each}} 的嵌套");
      return;
    }
    switch (s.type) {
      case "MustacheStatement": {
        const m = s as hbs.AST.MustacheStatement;
        const path = m.path as hbs.AST.PathExpression;
        if (m.path.type !== "PathExpression") {
          issue("template", m.loc, "{{…}} 里应当是名称或帮助函数");
          return;
        }
        const isHelper = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0 || (!path.data && path.depth === 0 && path.parts.length === 1 && HELPERS[path.parts[0]!] !== undefined);
        const value = isHelper ? call(m, frames) : valueOf(path, frames);
        printable(value, m.path.loc, path.original);
        return;
      }
      case "BlockStatement": {
        const b = s as hbs.AST.BlockStatement;
        const name = (b.path as hbs.AST.PathExpression).original;
        if (!BLOCKS.has(name)) {
          issue("helper", b.loc, `{{#${name}}} 不是可用的块`, "块只能是 {{#if}}、{{#unless}}、{{#each}}、{{#with}}");
          return;
        }
        if (b.params.length !== 1) {
          issue("helper", b.loc, `{{#${name}}} 要写一个参数，这里写了 ${b.params.length} 个`);
          return;
        }
        const value = valueOf(b.params[0]!, frames, name === "if" || name === "unless");
        const names = b.program?.blockParams ?? [];
        if (name === "each") {
          if (value !== OPAQUE && value !== undefined && (typeof value !== "object" || value === null)) {
            issue("helper", b.params[0]!.loc, `{{#each}} 的参数应当是列表，这里是${describe(value)}`);
            return;
          }
          const items = value === OPAQUE ? [OPAQUE] : Array.isArray(value) ? value : value ? Object.values(value) : [];
          const keys = Array.isArray(value) ? items.map((_, i) => i) : value && value !== OPAQUE ? Object.keys(value) : [0];
          items.slice(0, MAX_ROWS_CHECKED).forEach((item, i) => {
            const params = new Map<string, unknown>(names.map((n, k) => [n, k === 0 ? item : keys[i]]));
            const data = { index: i, first: i === 0, last: i === items.length - 1, key: keys[i] };
            if (b.program) statements(b.program.body, [...frames, { context: item, data, params }], depth + 1);
          });
          if (b.inverse && items.length === 0) statements(b.inverse.body, frames, depth + 1);
        } else if (name === "with") {
          if (b.program) statements(b.program.body, [...frames, { context: value, params: new Map(names.map((n) => [n, value])) }], depth + 1);
          if (b.inverse) statements(b.inverse.body, frames, depth + 1);
        } else {
          // A condition whose value is known takes one branch, as rendering will; an unknown one, both.
          const truthy = value !== OPAQUE && (Array.isArray(value) ? value.length > 0 : !!value);
          const takes = value === OPAQUE ? "both" : (name === "if") === truthy ? "program" : "inverse";
          if (b.program && takes !== "inverse") statements(b.program.body, frames, depth + 1);
          if (b.inverse && takes !== "program") statements(b.inverse.body, frames, depth + 1);
        }
        return;
      }
      case "PartialStatement": {
        const p = s as hbs.AST.PartialStatement;
        const name = (p.name as hbs.AST.PathExpression).original;
        const body = env.partials.get(name);
        if (!body) {
          issue("template", p.loc, `找不到模板片段 ${name}`, unknownNameHint(name, [...env.partials.keys()], "可用的模板片段有"));
          return;
        }
        const base = p.params[0] ? valueOf(p.params[0], frames) : frames.at(-1)!.context;
        const hash = Object.fromEntries((p.hash?.pairs ?? []).map((pair) => [pair.key, valueOf(pair.value, frames)]));
        const context = p.hash ? { ...(base as object), ...hash } : base;
        const [outerPartial, outerCall] = [partial, callSite];
        partial = name;
        callSite ??= p.loc;
        statements(body.body, [{ context }], depth + 1);
        [partial, callSite] = [outerPartial, outerCall];
        return;
      }
      case "ContentStatement":
      case "CommentStatement":
        return;
      default:
        issue("template", (s as hbs.AST.Statement).loc, "这里的写法 tongbao 不支持");
    }
  };

  statements(program.body, [{ context }], 0);
  return issues;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return "没有填写的值";
  if (typeof value === "string") return `文字“${value.length > 20 ? `${value.slice(0, 20)}…` : value}”`;
  if (typeof value === "number") return `数值 ${value}`;
  if (typeof value === "boolean") return `是否值 ${value}`;
  if (Array.isArray(value)) return `有 ${value.length} 项的列表`;
  return "一组数据";
}

