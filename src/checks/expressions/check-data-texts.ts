import type { Diagnostics } from "../../diagnostics/index.js";
import type { TemplateText } from "../../input/index.js";
import { checkTemplate, type CheckEnvironment, type TemplateIssue } from "./check-template.js";
import { isParseFailure, offsetOf, parseTemplate } from "./parse-template.js";

/** Rows a cell template is checked against: the table's rows, each merged over the document's names. */
export type TableRows = (table: number) => readonly Record<string, unknown>[] | undefined;

/**
 * Resolves every name in every `{{…}}` of the data's texts before anything is rendered: unknown names, misused
 * helpers and unclosed braces are errors at the expression's own line and column. Cell templates are checked
 * against every row of their table.
 */
export function checkDataTexts(texts: readonly TemplateText[], context: Record<string, unknown>, tableRows: TableRows, env: CheckEnvironment, diagnostics: Diagnostics): void {
  for (const { path, text, table } of texts) {
    if (!text.includes("{{")) continue;
    const program = parseTemplate(text);
    if (isParseFailure(program)) {
      diagnostics.report({ severity: "error", code: "template", path, index: program.index, message: program.message, hint: program.hint });
      continue;
    }
    const report = (issue: TemplateIssue, row?: number) =>
      diagnostics.report({
        severity: "error",
        code: issue.code,
        path,
        index: issue.call ? offsetOf(text, issue.call.line, issue.call.column) : offsetOf(text, issue.line, issue.column),
        message: `${row !== undefined ? `第 ${row + 1} 行：` : ""}${issue.partial ? `模板片段 ${issue.partial}：` : ""}${issue.message}`,
        ...(issue.hint ? { hint: issue.hint } : {}),
      });
    if (table === undefined) {
      for (const issue of checkTemplate(program, context, env)) report(issue);
      continue;
    }
    const rows = tableRows(table);
    if (!rows) continue; // the table's rows are reported already
    const seen = new Set<string>();
    rows.forEach((row, r) => {
      for (const issue of checkTemplate(program, { ...context, ...row }, env)) {
        const key = `${issue.line}:${issue.column}:${issue.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report(issue, r);
      }
    });
  }
}
