import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { packageFile } from "../package-files.js";

/** The package's own templates: the wording GB/T 9704 and the circulars use. */
export const DEFAULT_TEMPLATES_DIR = packageFile("templates");

/** A template file's text, and the file it came from. */
export interface TemplateFile {
  file: string;
  source: string;
}

/** The element templates (templates/*.hbs, templates/labels/*.hbs) and the partials (templates/partials/*.hbs). */
export interface TemplateFiles {
  elements: ReadonlyMap<string, TemplateFile>;
  partials: ReadonlyMap<string, TemplateFile>;
  /** A key that changes when any file does: for caches built from the templates. */
  key: string;
}

const hbsFiles = (dir: string): string[] => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".hbs"))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
};

const cache = new Map<string, TemplateFiles>();

/**
 * The templates of one or more directories, later ones overriding earlier ones by file name, so an office can
 * replace single templates. Read once per process and re-read only when a file's size or time changes.
 */
export function readTemplates(dirs: readonly string[]): TemplateFiles {
  const files = dirs.flatMap((dir) => [...hbsFiles(dir), ...hbsFiles(join(dir, "labels")), ...hbsFiles(join(dir, "partials"))]);
  const key = files.map((f) => {
    const s = statSync(f);
    return `${f}:${s.size}:${s.mtimeMs}`;
  }).join("|");
  const cached = cache.get(key);
  if (cached) return cached;
  const elements = new Map<string, TemplateFile>();
  const partials = new Map<string, TemplateFile>();
  const read = (file: string): TemplateFile => ({ file, source: readFileSync(file, "utf8").replace(/\r\n?/g, "\n").replace(/\n$/, "") });
  for (const dir of dirs) {
    for (const file of [...hbsFiles(dir), ...hbsFiles(join(dir, "labels"))]) elements.set(relative(dir, file).replace(/\\/g, "/").replace(/\.hbs$/, ""), read(file));
    for (const file of hbsFiles(join(dir, "partials"))) partials.set(basename(file, ".hbs"), read(file));
  }
  const result = { elements, partials, key };
  // Old versions are dropped: the preview sees a new version at each edit of a template.
  if (cache.size >= 4) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}
