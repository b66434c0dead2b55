import { readdir } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { hasWildcard, matchWildcard } from "../batch/wildcard.js";

export interface Expanded {
  files: string[];
  /** Patterns that matched no file. */
  unmatched: string[];
}

/**
 * File arguments with `*` and `?` expanded by tongbao itself: cmd.exe and PowerShell pass `data\*.yaml` on as
 * typed, a Unix shell expands it; either way the same files, in the same (code point) order. An argument without
 * wildcards is kept as typed, to be reported if it does not exist. `separators` is the platform's: `\` too on Windows.
 */
export async function expandPatterns(args: readonly string[], separators: RegExp = process.platform === "win32" ? /[\\/]/ : /\//): Promise<Expanded> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const arg of args) {
    if (!hasWildcard(arg)) {
      files.push(arg);
      continue;
    }
    const segments = arg.split(separators);
    // "C:\" or "/" stays the start of an absolute pattern.
    const start = isAbsolute(arg) ? `${segments.shift()}/` : "";
    let paths = [start];
    for (const [i, segment] of segments.entries()) {
      const last = i === segments.length - 1;
      const next: string[] = [];
      for (const path of paths) {
        if (!hasWildcard(segment)) {
          next.push(join(path, segment));
          continue;
        }
        const entries = await readdir(path || ".", { withFileTypes: true }).catch(() => []);
        for (const e of entries) {
          if (!matchWildcard(segment, e.name) || (e.name.startsWith(".") && !segment.startsWith("."))) continue;
          if (last ? e.isFile() : e.isDirectory()) next.push(join(path, e.name));
        }
      }
      paths = next;
    }
    const found = paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (found.length) files.push(...found);
    else unmatched.push(arg);
  }
  return { files: [...new Set(files)], unmatched };
}
