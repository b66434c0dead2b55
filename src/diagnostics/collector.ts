import type { Code } from "./codes.js";
import { byPosition, type Diagnostic } from "./diagnostic.js";
import { formatPath, type DataPath, type Locator, type Position } from "./position.js";

/** What a stage reports: a code, a message and hint, and where — a data path, or a position it already knows. */
export interface Report {
  severity: "error" | "warning";
  code: Code;
  message: string;
  hint?: string;
  path?: DataPath;
  /** Where, when the stage knows the position itself (a YAML syntax error, a cell, a character in a text). */
  at?: Position;
  /** Point at the key rather than the value (an unknown field). */
  atKey?: boolean;
  /** Point at this character of the text value at `path` (an invisible character, an expression). */
  index?: number;
}

/**
 * The one place every stage reports problems into. Stages name data paths; positions are resolved once, at the
 * end, by the locator of the files the data came from.
 */
export class Diagnostics {
  private readonly reports: Report[] = [];

  error(code: Code, where: DataPath | Position, message: string, hint?: string): void {
    this.add("error", code, where, message, hint);
  }

  warning(code: Code, where: DataPath | Position, message: string, hint?: string): void {
    this.add("warning", code, where, message, hint);
  }

  /** An unknown key, reported at the key itself. */
  unknownKey(code: Code, path: DataPath, message: string, hint?: string): void {
    this.reports.push({ severity: "error", code, path, atKey: true, message, ...(hint ? { hint } : {}) });
  }

  report(report: Report): void {
    this.reports.push(report);
  }

  private add(severity: Report["severity"], code: Code, where: DataPath | Position, message: string, hint?: string): void {
    const place = Array.isArray(where) ? { path: where as DataPath } : { at: where as Position };
    this.reports.push({ severity, code, message, ...(hint ? { hint } : {}), ...place });
  }

  get hasErrors(): boolean {
    return this.reports.some((r) => r.severity === "error");
  }

  get all(): readonly Report[] {
    return this.reports;
  }

  /** Removes the reports `drop` selects (acknowledged warnings). */
  filter(keep: (r: Report) => boolean): void {
    const kept = this.reports.filter(keep);
    this.reports.length = 0;
    this.reports.push(...kept);
  }

  /** The reports with their positions, sorted by place, each once. */
  resolve(locator: Locator): Diagnostic[] {
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const r of this.reports) {
      const path = r.path ?? [];
      const at = r.at ?? (r.index !== undefined ? locator.locateIndex(path, r.index) : undefined) ?? locator.locate(path, { key: r.atKey ?? false });
      const d: Diagnostic = {
        severity: r.severity,
        code: r.code,
        message: r.message,
        ...(r.hint ? { hint: r.hint } : {}),
        ...at,
        ...(r.path ? { path: formatPath(r.path) } : {}),
      };
      const key = `${d.severity}|${d.file}|${d.line}|${d.col}|${d.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(d);
      }
    }
    return out.sort(byPosition);
  }
}
