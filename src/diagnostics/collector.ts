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

/** How often one problem is listed for one text, and how many problems are listed in all. */
const MAX_PER_TEXT = 5;
const MAX_LISTED = 300;

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

  /**
   * The reports with their positions, sorted by place, each once. A flood is cut short, as a reader would: the
   * same problem repeated in one text is listed a few times and then counted, and past MAX_LISTED the rest are
   * counted (a data file pasted into itself 20,000 times needs one fix, not 20,000 lines).
   */
  resolve(locator: Locator): Diagnostic[] {
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    const perText = new Map<string, number>();
    const more = new Map<string, Report>();
    const listed: Report[] = [];
    for (const r of this.reports) {
      const key = `${r.severity}|${r.code}|${formatPath(r.path ?? [])}`;
      const count = (perText.get(key) ?? 0) + 1;
      perText.set(key, count);
      if (r.path === undefined || count <= MAX_PER_TEXT) listed.push(r);
      else more.set(key, { ...r, index: undefined, message: `这里还有 ${count - MAX_PER_TEXT} 处同类问题（${r.message}）` });
    }
    const all = [...listed, ...more.values()];
    const unlisted = all.length - MAX_LISTED;
    if (unlisted > 0) {
      const severity = all.slice(MAX_LISTED).some((r) => r.severity === "error") ? "error" : "warning";
      all.splice(MAX_LISTED, unlisted, { severity, code: "limit", path: [], message: `另有 ${unlisted} 个问题没有列出`, hint: "先改正以上各处，再运行一次" });
    }
    for (const r of all) {
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
