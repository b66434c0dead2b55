import { relative } from "node:path";
import type { DataPath, Diagnostics } from "../diagnostics/index.js";
import { checkTemplate, isParseFailure, offsetOf, parseTemplate } from "../checks/index.js";
import { HelperError } from "../text/index.js";
import type { Engine } from "./engine.js";
import { hasMarkCharacters, liftMarks } from "../model/marks.js";

/**
 * Renders the element templates and the data's own texts. Every template is checked against the context it is
 * given before it runs, so a failure is reported at its expression (in the template file, or at the line and
 * column of the data text) and rendering goes on: one run reports every broken expression.
 */
export class TemplateSet {
  /** Data paths rendered as templates, for the test that keeps them the same as the checked ones. */
  readonly rendered = new Set<string>();

  constructor(
    private readonly engine: Engine,
    private readonly diagnostics: Diagnostics,
    /** Whether texts asked for `marked` carry marks saying what each expression read (for the preview). */
    private readonly marking = false,
  ) {}

  /** Renders the element template `name` (e.g. "title", "labels/attachment-list"). */
  element(name: string, context: object): string {
    const element = this.engine.files.elements.get(name);
    if (!element) throw new Error(`template ${name}.hbs is missing from the template directories`);
    const file = relative(process.cwd(), element.file) || element.file;
    const program = parseTemplate(element.source);
    if (isParseFailure(program)) {
      this.diagnostics.error("template", { file, line: 1, col: program.index + 1 }, `模板 ${name}.hbs：${program.message}`, program.hint);
      return "";
    }
    const issues = checkTemplate(program, context, { partials: this.engine.partials });
    for (const issue of issues) {
      const at = issue.partial ? this.engine.files.partials.get(issue.partial)!.file : element.file;
      this.diagnostics.error(issue.code, { file: relative(process.cwd(), at) || at, line: issue.line, col: issue.column + 1 }, `模板 ${issue.partial ?? name}.hbs：${issue.message}`, issue.hint);
    }
    if (issues.length) return "";
    return this.run(element.source, context, (message) => this.diagnostics.error("template", { file, line: 1, col: 1 }, `模板 ${name}.hbs：${message}`));
  }

  /**
   * Renders text written in the data at `path`, which may use the same `{{…}}` expressions. Its names were
   * resolved by the checks already; what fails here is reported at the text.
   */
  text(source: string, context: object, path: DataPath): string {
    this.rendered.add(JSON.stringify(path));
    if (!source.includes("{{")) return source;
    return this.run(source, context, (message, index) => this.diagnostics.report({ severity: "error", code: "template", path, ...(index !== undefined ? { index } : {}), message }));
  }

  /**
   * A text as `text` renders it, with each expression's output marked when this set is marking. The marked text
   * must read the same once its marks are lifted; where it would not (whitespace a mark kept), it goes unmarked.
   */
  marked(source: string, context: object, path: DataPath): string {
    const plain = this.text(source, context, path);
    if (!this.marking || !source.includes("{{") || hasMarkCharacters(plain)) return plain;
    try {
      const marked = this.engine.compileMarked(source)(context);
      return liftMarks(marked).text === plain ? marked : plain;
    } catch {
      return plain;
    }
  }

  private run(source: string, context: object, fail: (message: string, index?: number) => void): string {
    try {
      return this.engine.compile(source)(context);
    } catch (e) {
      const err = e as Error & { lineNumber?: number; column?: number };
      const index = err.lineNumber !== undefined ? offsetOf(source, err.lineNumber, err.column ?? 0) : undefined;
      fail(e instanceof HelperError ? e.message : `模板出错：${err.message.split("\n")[0]}`, index);
      return "";
    }
  }
}
