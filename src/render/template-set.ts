import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import Handlebars from "handlebars";
import type { Diagnostic } from "../diagnostics.js";
import { formatPath, type DataPath } from "../load/data-path.js";
import type { LoadedData } from "../load/load-circular.js";
import { packageFile } from "../package-files.js";
import { HelperError, helpers } from "./helpers.js";

// strict: a missing field throws; noEscape: the text is not HTML, `&` and `<` must reach the document as typed.
// Prototype access stays at Handlebars' default (denied).
const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

export const DEFAULT_TEMPLATES_DIR = packageFile("templates");

type Compiled = Handlebars.TemplateDelegate;

/** Where a template's text came from, to point errors at it. */
type Origin = { kind: "file"; file: string } | { kind: "data"; path: DataPath };

/** Marks an error with the template file it happened in, once, at the innermost partial. */
class TemplateFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly origin: Origin,
    readonly source: string,
  ) {
    super(String(cause));
  }
}

function hbsFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".hbs")).sort().map((f) => join(dir, f)) : [];
}

/**
 * The element templates (templates/*.hbs, templates/labels/*.hbs) and partials (templates/partials/*.hbs) with the
 * helpers, plus the drafter's own text compiled the same way. Failures become diagnostics and rendering goes on,
 * so one run reports every broken expression.
 */
export class TemplateSet {
  readonly diagnostics: Diagnostic[] = [];
  private readonly hbs = Handlebars.create();
  private readonly elements = new Map<string, { file: string; source: string }>();
  private readonly compiled = new Map<string, Compiled>();

  constructor(
    private readonly loaded: LoadedData,
    dirs: readonly string[] = [DEFAULT_TEMPLATES_DIR],
  ) {
    this.hbs.registerHelper(helpers);
    // Later directories override earlier ones by file name, so an office can replace single templates.
    for (const dir of dirs) {
      for (const file of [...hbsFiles(dir), ...hbsFiles(join(dir, "labels"))]) {
        const name = relative(dir, file).replace(/\\/g, "/").replace(/\.hbs$/, "");
        this.elements.set(name, { file, source: readFileSync(file, "utf8").replace(/\r?\n$/, "") });
      }
      for (const file of hbsFiles(join(dir, "partials"))) {
        const source = readFileSync(file, "utf8").replace(/\r?\n$/, "");
        const fn = this.hbs.compile(source, COMPILE_OPTIONS);
        const origin: Origin = { kind: "file", file };
        this.hbs.registerPartial(basename(file, ".hbs"), ((ctx: unknown, options: Handlebars.RuntimeOptions) => {
          try {
            return fn(ctx, options);
          } catch (e) {
            throw e instanceof TemplateFailure ? e : new TemplateFailure(e, origin, source);
          }
        }) as Compiled);
      }
    }
  }

  /** Renders the element template `name` (e.g. "title", "labels/attachment-list"). */
  element(name: string, context: object): string {
    const element = this.elements.get(name);
    if (!element) throw new Error(`template ${name}.hbs is missing from the template directories`);
    return this.run(name, element.source, context, { kind: "file", file: element.file });
  }

  /** Renders text written in the data file at `path`, which may use the same `{{…}}` expressions. */
  text(source: string, context: object, path: DataPath): string {
    return source.includes("{{") ? this.run(`data:${formatPath(path)}:${source}`, source, context, { kind: "data", path }) : source;
  }

  private run(key: string, source: string, context: object, origin: Origin): string {
    try {
      let fn = this.compiled.get(key);
      if (!fn) {
        fn = this.hbs.compile(source, COMPILE_OPTIONS);
        this.compiled.set(key, fn);
      }
      return fn(context);
    } catch (e) {
      const failure = e instanceof TemplateFailure ? e : new TemplateFailure(e, origin, source);
      this.diagnostics.push(this.describe(failure));
      return "";
    }
  }

  private describe({ cause, origin, source }: TemplateFailure): Diagnostic {
    const err = cause as Error & { lineNumber?: number; column?: number };
    const line = err.lineNumber ?? 1;
    const col = err.column ?? 0;
    const expression = expressionAt(source, line, col);
    let message: string;
    let hint: string | undefined;
    const missing = /^"([^"]+)" not defined in/.exec(err.message);
    const partial = /^The partial (\S+) could not be found/.exec(err.message);
    if (missing) {
      message = `字段不存在：${expression ? `{{${expression}}} 中的 ` : ""}${missing[1]}`;
      hint = "检查字段名的拼写；这个字段的数据也可能没有填写";
    } else if (partial) {
      message = `找不到模板片段 ${partial[1]}`;
      hint = `模板片段放在 templates/partials/${partial[1]}.hbs`;
    } else if (cause instanceof HelperError) {
      message = cause.message;
    } else if (/^Parse error|^Expecting/.test(err.message)) {
      message = "{{…}} 表达式写法有误";
      hint = `检查 {{ 与 }} 是否成对、名称是否拼写正确（${err.message.split("\n")[0]}）`;
    } else {
      message = `模板出错：${err.message}`;
    }
    if (origin.kind === "file") {
      const at = { file: relative(process.cwd(), origin.file) || origin.file, line, col: col + 1 };
      return { severity: "error", code: "template", message: `模板 ${basename(origin.file)}：${message}`, ...(hint ? { hint } : {}), ...at };
    }
    // Point at the expression itself where it is written literally, else at the start of the text.
    const at = (expression && this.loaded.locateText(origin.path, `{{${expression}}}`)) || this.loaded.locate(origin.path);
    return { severity: "error", code: "template", message, ...(hint ? { hint } : {}), ...at, path: formatPath(origin.path) };
  }
}

/** The `{{…}}` expression that starts at a Handlebars error location (1-based line, 0-based column). */
function expressionAt(source: string, line: number, col: number): string | undefined {
  const text = source.split("\n")[line - 1];
  if (text === undefined) return undefined;
  const open = text.lastIndexOf("{{", col);
  const close = text.indexOf("}}", col);
  return open >= 0 && close > open ? text.slice(open + 2, close).trim() : undefined;
}
