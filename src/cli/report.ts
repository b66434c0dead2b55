import { formatDiagnostic, type Diagnostic } from "../diagnostics/index.js";

/** Prints diagnostics to stderr; returns whether any was an error. */
export function report(diagnostics: readonly Diagnostic[]): boolean {
  for (const d of diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
  return diagnostics.some((d) => d.severity === "error");
}

