import { readFile } from "node:fs/promises";
import { dirname, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { DataPath } from "./data-path.js";
import { mergeData } from "./merge.js";
import { YamlSource, type Position } from "./yaml-source.js";

/** A circular's data as loaded, with the way back from any data path to the file, line and column that wrote it. */
export interface LoadedData {
  data: unknown;
  diagnostics: Diagnostic[];
  /** Every file the data was read from, the data file first (for change detection and relative paths). */
  files: string[];
  locate(path: DataPath, options?: { key?: boolean }): Position;
  /** Where `needle` is written inside the value at `path`, when it is written literally. */
  locateText(path: DataPath, needle: string): Position | undefined;
  sourceText(path: DataPath): string | undefined;
}

/** How deep `extends` may chain: deeper is a mistake, not a design. */
const MAX_EXTENDS_DEPTH = 8;

/**
 * The data at a path comes from the most specific file that writes it: the data file over what it extends. For a
 * path no file writes in full (a missing field), the file that writes the longest part of it.
 */
function sourceFor(sources: readonly YamlSource[], path: DataPath): YamlSource {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    const found = sources.find((s) => s.has(prefix));
    if (found) return found;
  }
  return sources[0]!;
}

function fromSources(sources: YamlSource[], data: unknown, diagnostics: Diagnostic[]): LoadedData {
  return {
    data,
    diagnostics,
    files: sources.map((s) => s.file),
    locate: (path, options) => sourceFor(sources, path).locate(path, options),
    locateText: (path, needle) => sourceFor(sources, path).locateText(path, needle),
    sourceText: (path) => sourceFor(sources, path).sourceText(path),
  };
}

export function loadText(text: string, file: string): LoadedData {
  const source = new YamlSource(text, file);
  return fromSources([source], source.data, source.diagnostics);
}

const readError = (file: string, e: unknown, at?: Position): Diagnostic => {
  const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
  return {
    severity: "error",
    code: "read",
    message: missing ? `文件不存在：${file}` : `无法读取 ${file}（${(e as Error).message}）`,
    hint: at ? "extends 的路径相对于写它的数据文件" : "检查文件路径是否正确",
    ...(at ?? { file, line: 1, col: 1 }),
  };
};

/**
 * Reads a data file and, through `extends`, the shared files it builds on (each relative to the file naming it),
 * merged with the data file's own entries winning. Errors in any of the files are reported at their own lines.
 */
export async function loadFile(file: string): Promise<LoadedData> {
  const diagnostics: Diagnostic[] = [];
  type Visited = { data: unknown; sources: YamlSource[] };
  /** The file's data merged over its parents', and its sources in order of precedence (itself first). */
  const visit = async (path: string, chain: string[], at?: Position): Promise<Visited> => {
    const absolute = resolve(path);
    if (chain.includes(absolute) || chain.length > MAX_EXTENDS_DEPTH) {
      const loop = [...chain, absolute].map((f) => relative(process.cwd(), f)).join(" → ");
      diagnostics.push({ severity: "error", code: "extends", message: `extends 形成了循环或层数过多：${loop}`, hint: "公共数据文件不能再继承使用它的文件", ...(at ?? { file: path, line: 1, col: 1 }) });
      return { data: undefined, sources: [] };
    }
    let text: string;
    try {
      text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
    } catch (e) {
      diagnostics.push(readError(path, e, at));
      return { data: undefined, sources: [] };
    }
    const source = new YamlSource(text, path);
    diagnostics.push(...source.diagnostics);
    const own = source.data as Record<string, unknown> | undefined;
    const parents = own && typeof own === "object" ? own.extends : undefined;
    if (parents === undefined) return { data: own, sources: [source] };
    const list = Array.isArray(parents) ? parents : [parents];
    let merged: unknown = {};
    const inherited: YamlSource[] = [];
    for (const [i, parent] of list.entries()) {
      if (typeof parent !== "string") continue; // the schema reports it
      const where = source.locate(Array.isArray(parents) ? ["extends", i] : ["extends"]);
      const visited = await visit(resolve(dirname(path), parent), [...chain, absolute], where);
      merged = mergeData(merged, visited.data);
      // A later parent overrides an earlier one.
      inherited.unshift(...visited.sources);
    }
    return { data: mergeData(merged, own), sources: [source, ...inherited] };
  };
  const { data, sources } = await visit(file, []);
  return fromSources(sources, diagnostics.length ? undefined : data, diagnostics);
}

/** Data given as an object (library use): no file to point into, so positions name the data path only. */
export function loadData(data: unknown, name = "<数据>"): LoadedData {
  return { data, diagnostics: [], files: [], locate: () => ({ file: name, line: 1, col: 1 }), locateText: () => undefined, sourceText: () => undefined };
}
