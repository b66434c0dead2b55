import { readFile } from "node:fs/promises";
import type { Diagnostic } from "../diagnostics.js";
import type { DataPath } from "./data-path.js";
import { YamlSource, type Position } from "./yaml-source.js";

/** A circular's data as loaded, with the way back from any data path to the file, line and column that wrote it. */
export interface LoadedData {
  data: unknown;
  diagnostics: Diagnostic[];
  /** Every file the data was read from (for change detection). */
  files: string[];
  locate(path: DataPath, options?: { key?: boolean }): Position;
  /** Where `needle` is written inside the value at `path`, when it is written literally. */
  locateText(path: DataPath, needle: string): Position | undefined;
  sourceText(path: DataPath): string | undefined;
}

export function loadText(text: string, file: string): LoadedData {
  const source = new YamlSource(text, file);
  return {
    data: source.data,
    diagnostics: source.diagnostics,
    files: [file],
    locate: (path, options) => source.locate(path, options),
    locateText: (path, needle) => source.locateText(path, needle),
    sourceText: (path) => source.sourceText(path),
  };
}

export async function loadFile(file: string): Promise<LoadedData> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "文件不存在" : `无法读取（${(e as Error).message}）`;
    return {
      data: undefined,
      diagnostics: [{ severity: "error", code: "read", file, line: 1, col: 1, message: `${reason}`, hint: "检查文件路径是否正确" }],
      files: [file],
      locate: () => ({ file, line: 1, col: 1 }),
      locateText: () => undefined,
      sourceText: () => undefined,
    };
  }
  return loadText(text.replace(/^\uFEFF/, ""), file);
}

/** Data given as an object (library use): no file to point into, so positions name the data path only. */
export function loadData(data: unknown, name = "<数据>"): LoadedData {
  return { data, diagnostics: [], files: [], locate: () => ({ file: name, line: 1, col: 1 }), locateText: () => undefined, sourceText: () => undefined };
}
