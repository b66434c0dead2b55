import { dirname, relative, resolve } from "node:path";
import { objectLocator, type DataPath, type Diagnostics, type Locator, type Position } from "../diagnostics/index.js";
import { decodeText, encodingWarning, isDecodeFailure } from "./encoding.js";
import { mergeData } from "./merge.js";
import { isFailure, readInputFile } from "./read-file.js";
import { MAX_VALUES, inspectText } from "./text-walk.js";
import { YamlSource } from "./yaml-source.js";

/** A circular's data as read, and the way back from any data path to the file, line and column that wrote it. */
export interface Loaded {
  data: unknown;
  /** Every file the data was read from, the data file first (for change detection and relative paths). */
  files: string[];
  locator: Locator;
}

export interface LoadOptions {
  /** The folders files named by the data must lie in (default: the working folder). */
  confine?: readonly string[];
  /** Let the data name files anywhere (the user widened the rule). */
  anywhere?: boolean;
}

/** How deep `extends` may chain, and how many files one circular may be assembled from. */
const MAX_EXTENDS_DEPTH = 8;
const MAX_FILES = 64;
/** A data file of 5,000 rows is about 1 MB; 100,000 rows about 20 MB. */
export const MAX_DATA_BYTES = 64 * 1024 * 1024;

/** A source of data that can say whether it writes a path, and where. */
export interface PathSource {
  has(path: DataPath): boolean;
  locate(path: DataPath, options?: { key?: boolean }): Position;
  locateIndex(path: DataPath, index: number): Position | undefined;
  sourceText(path: DataPath): string | undefined;
}

/**
 * The data at a path comes from the most specific source that writes it: the data file over what it extends. For
 * a path no source writes in full (a missing field), the one that writes the longest part of it.
 */
export function locatorOf(sources: readonly PathSource[]): Locator {
  const sourceFor = (path: DataPath): PathSource => {
    for (let length = path.length; length >= 0; length--) {
      const prefix = path.slice(0, length);
      const found = sources.find((s) => s.has(prefix));
      if (found) return found;
    }
    return sources[0]!;
  };
  return {
    locate: (path, options) => sourceFor(path).locate(path, options),
    locateIndex: (path, index) => sourceFor(path).locateIndex(path, index),
    sourceText: (path) => sourceFor(path).sourceText(path),
  };
}

/** YAML text already in memory (tests, the preview's editor), with no `extends`. */
export function loadText(text: string, file: string, diagnostics: Diagnostics): Loaded {
  const source = new YamlSource(text, file);
  for (const r of source.reports) diagnostics.report(r);
  const data = source.reports.length ? undefined : inspected([source], source.data, diagnostics);
  return { data, files: [], locator: locatorOf([source]) };
}

/** Data given as an object (library use): no file to point into, so positions name the data path only. */
export function loadObject(data: unknown, diagnostics: Diagnostics, name = "<数据>"): Loaded {
  return { data: inspectText(data, diagnostics), files: [], locator: objectLocator(name) };
}

/**
 * Data parsed from these sources, walked in place (text-walk.ts) unless every source was read fit already and
 * together they hold no more values than the walk allows.
 */
function inspected(sources: readonly YamlSource[], data: unknown, diagnostics: Diagnostics): unknown {
  let values = 0;
  for (const s of sources) values += s.readyValues ?? Infinity;
  return sources.length > 0 && values <= MAX_VALUES ? data : inspectText(data, diagnostics, { inPlace: true });
}

const isMapData = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads a data file and, through `extends`, the shared files it builds on (each relative to the file naming it, and
 * inside the working folder), merged with the data file's own entries winning. Each file is read and parsed once
 * however often it is extended. Errors in any of the files are reported at their own lines.
 */
export async function loadFile(file: string, diagnostics: Diagnostics, options: LoadOptions = {}): Promise<Loaded> {
  const confine = options.anywhere ? undefined : (options.confine ?? [process.cwd()]);
  const parsed = new Map<string, YamlSource | undefined>();
  const order: string[] = [];

  // `at` finds the extends entry naming the file: called only for a message, since it needs the full parse.
  const parse = async (path: string, at: (() => Position) | undefined): Promise<YamlSource | undefined> => {
    const absolute = resolve(path);
    if (parsed.has(absolute)) return parsed.get(absolute);
    if (parsed.size >= MAX_FILES) {
      diagnostics.error("limit", at?.() ?? { file: path, line: 1, col: 1 }, `通报由超过 ${MAX_FILES} 个文件组成`, "检查 extends 是否重复引用");
      return undefined;
    }
    parsed.set(absolute, undefined);
    const bytes = await readInputFile(path, { maxBytes: MAX_DATA_BYTES, what: at ? "extends 的文件" : "数据文件", ...(at && confine ? { confine } : {}) });
    if (isFailure(bytes)) {
      diagnostics.error(bytes.code, at?.() ?? { file: path, line: 1, col: 1 }, bytes.message, bytes.hint ?? (at ? "extends 的路径相对于写它的数据文件" : "检查文件路径是否正确"));
      return undefined;
    }
    const decoded = decodeText(bytes);
    if (isDecodeFailure(decoded)) {
      // A binary file named by extends (a PNG) is reported where it is named.
      diagnostics.error("encoding", at?.() ?? { file: path, line: 1, col: 1 }, at ? `extends 的文件 ${path} 不是数据文件：${decoded.message}` : decoded.message, at ? "extends 只能引用 YAML 数据文件" : decoded.hint);
      return undefined;
    }
    if (decoded.encoding) {
      const { message, hint } = encodingWarning(decoded.encoding);
      diagnostics.warning("encoding", { file: path, line: 1, col: 1 }, message, hint);
    }
    const source = new YamlSource(decoded.text, path);
    for (const r of source.reports) diagnostics.report(r);
    parsed.set(absolute, source);
    order.push(absolute);
    return source;
  };

  type Visited = { data: unknown; sources: YamlSource[] };
  /** Each file's merged data, computed once: a file extended from many places is not merged again each time. */
  const done = new Map<string, Visited>();
  /** The file's data merged over its parents', and its sources in order of precedence (itself first). */
  const visit = async (path: string, chain: string[], at?: () => Position): Promise<Visited> => {
    const absolute = resolve(path);
    const known = done.get(absolute);
    if (known) return known;
    const result = await merged(path, absolute, chain, at);
    done.set(absolute, result);
    return result;
  };
  const merged = async (path: string, absolute: string, chain: string[], at?: () => Position): Promise<Visited> => {
    if (chain.includes(absolute) || chain.length > MAX_EXTENDS_DEPTH) {
      const loop = [...chain, absolute].map((f) => relative(process.cwd(), f)).join(" → ");
      diagnostics.error("extends", at?.() ?? { file: path, line: 1, col: 1 }, `extends 形成了循环或超过 ${MAX_EXTENDS_DEPTH} 层：${loop}`, "公共数据文件不能再继承使用它的文件");
      return { data: undefined, sources: [] };
    }
    const source = await parse(path, at);
    if (!source) return { data: undefined, sources: [] };
    const own = source.data;
    if (at && own !== undefined && !isMapData(own)) {
      diagnostics.error("extends", at(), `extends 的文件 ${path} 不是数据文件（第一层应当是“键: 值”）`, "extends 只能引用 YAML 数据文件");
      return { data: undefined, sources: [] };
    }
    const parents = isMapData(own) ? own.extends : undefined;
    if (parents === undefined) return { data: own, sources: [source] };
    const list = Array.isArray(parents) ? parents : [parents];
    let base: unknown = {};
    const inherited: YamlSource[] = [];
    for (const [i, parent] of list.entries()) {
      if (typeof parent !== "string") continue; // the schema reports it
      const where = () => source.locate(Array.isArray(parents) ? ["extends", i] : ["extends"]);
      const visited = await visit(resolve(dirname(path), parent), [...chain, absolute], where);
      base = mergeData(base, visited.data);
      // A later parent overrides an earlier one.
      inherited.unshift(...visited.sources.filter((s) => !inherited.includes(s)));
    }
    return { data: mergeData(base, own), sources: [source, ...inherited] };
  };

  const { data, sources } = await visit(file, []);
  const locator = locatorOf(sources.length ? sources : [new YamlSource("", file)]);
  const failed = diagnostics.hasErrors;
  return { data: failed ? undefined : inspected(sources, data, diagnostics), files: order, locator };
}
