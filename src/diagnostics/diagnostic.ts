import type { Code } from "./codes.js";
import { formatPosition, type Position } from "./position.js";

/** A problem found in the user's input, with the place it comes from. Messages are Chinese: the users are clerks. */
export interface Diagnostic extends Position {
  severity: "error" | "warning";
  code: Code;
  message: string;
  hint?: string;
  /** Data path such as "lists.problems.rows[2].siteCode", where the problem has one. */
  path?: string;
}

/** Thrown when a stage finds errors; carries every diagnostic found so far, not only the first. */
export class TongbaoError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic).join("\n"));
    this.name = "TongbaoError";
    this.diagnostics = diagnostics;
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const kind = d.severity === "error" ? "错误" : "提醒";
  const head = `${formatPosition(d)}: ${kind}：${d.message}`;
  return d.hint ? `${head}\n    提示：${d.hint}` : head;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === "error");

/** Stops the pipeline when errors were found, passing the warnings through otherwise. */
export function throwIfErrors(ds: readonly Diagnostic[]): void {
  if (hasErrors(ds)) throw new TongbaoError(ds);
}

export const byPosition = (a: Diagnostic, b: Diagnostic): number =>
  a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;

/** The diagnostics an error carries, or rethrows what is not a problem of the input (a bug should show its stack). */
export function diagnosticsOf(e: unknown): readonly Diagnostic[] {
  if (e instanceof TongbaoError) return e.diagnostics;
  throw e;
}
