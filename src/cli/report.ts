import { TongbaoError, formatDiagnostic, type Diagnostic } from "../diagnostics/index.js";

/** Prints diagnostics to stderr; returns whether any was an error. */
export function report(diagnostics: readonly Diagnostic[]): boolean {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  return diagnostics.some((d) => d.severity === "error");
}

/** The diagnostics an error carries, or rethrows what is not a data problem (a bug should show its stack). */
export function diagnosticsOf(e: unknown): readonly Diagnostic[] {
  if (e instanceof TongbaoError) return e.diagnostics;
  throw e;
}
