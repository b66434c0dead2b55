import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * The stages of src/ and what each may import, as data flows: source → input → figures → checks → render →
 * plan → writers → pack, over the shared diagnostics, text and model. The plan knows nothing of render or the
 * input; writers know only the plan. A folder not listed (the CLI, batch, the pipeline) is the application and may
 * import anything.
 */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  diagnostics: [],
  text: [],
  model: [],
  source: ["diagnostics", "text", "model"],
  input: ["diagnostics", "text", "source"],
  figures: ["diagnostics", "text", "input"],
  checks: ["diagnostics", "text", "input", "figures"],
  render: ["diagnostics", "text", "model", "source", "input", "figures", "checks"],
  plan: ["text", "model"],
  writers: ["plan"],
  pack: ["diagnostics", "text"],
  pdf: [],
};

/** Files every stage may use: where the package's own files are. */
const SHARED = new Set(["package-files.ts"]);

export interface Violation {
  file: string;
  imports: string;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\("([^"]+)"\)/g;

/** The stage a path under src/ belongs to: its first folder, or "" for a file at the top. */
const stageOf = (path: string): string => (path.includes("/") ? path.split("/")[0]! : "");

/** Backward imports in a tree given as path (relative to src/, with "/") → source text. */
export function violations(files: ReadonlyMap<string, string>): Violation[] {
  const found: Violation[] = [];
  for (const [file, text] of files) {
    const from = stageOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) continue;
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (!spec.startsWith(".")) continue;
      const target = relative(".", join(dirname(file), spec)).split(sep).join("/");
      const to = stageOf(target);
      if (to === from || SHARED.has(target.replace(/\.js$/, ".ts")) || allowed.includes(to)) continue;
      found.push({ file, imports: target });
    }
  }
  return found;
}

/** Every .ts file under a folder, keyed by its path relative to it. */
export function readTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts")) out.set(relative(root, path).split(sep).join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(resolve(root));
  return out;
}
