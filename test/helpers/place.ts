import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, compile, TongbaoError, type BuildOptions, type Diagnostic } from "../../src/index.js";

/** 1-based "line:col" where `needle` first occurs in `text` (after `after`, when given). */
export function at(text: string, needle: string, after = ""): string {
  const start = after ? text.indexOf(after) : 0;
  const offset = text.indexOf(needle, start);
  if (start < 0 || offset < 0) throw new Error(`${needle} not found`);
  const lines = text.slice(0, offset).split("\n");
  return `${lines.length}:${[...lines[lines.length - 1]!].length + 1}`;
}

export function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${from} not in the text`);
  return text.replace(from, to);
}

/** Writes YAML into a fresh folder and compiles it there: the diagnostics as "line:col: message", or the result. */
export async function compileYaml(yaml: string, name = "data.yaml") {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-t-"));
  const file = join(dir, name);
  writeFileSync(file, yaml);
  try {
    const compiled = await compile(file, { root: dir });
    return { file, dir, compiled, diagnostics: compiled.warnings, lines: compiled.warnings.map(line) };
  } catch (e) {
    if (!(e instanceof TongbaoError)) throw e;
    return { file, dir, compiled: undefined, diagnostics: [...e.diagnostics], lines: e.diagnostics.map(line) };
  }
}

/**
 * Writes YAML (and the files it names, relative to it) into a fresh folder and builds it there: the .docx, or the
 * diagnostics as "line:col: message".
 */
export async function buildYaml(yaml: string, files: Record<string, string | Uint8Array> = {}, options: BuildOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-b-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const file = join(dir, "data.yaml");
  writeFileSync(file, yaml);
  try {
    const built = await build(file, { root: dir, ...options });
    return { file, dir, docx: built.docx, lines: built.warnings.map(line), diagnostics: built.warnings };
  } catch (e) {
    if (!(e instanceof TongbaoError)) throw e;
    return { file, dir, docx: undefined, lines: e.diagnostics.map(line), diagnostics: [...e.diagnostics] };
  }
}

const line = (d: Diagnostic) => `${d.line}:${d.col}: ${d.severity === "error" ? "错误" : "提醒"}：${d.message}${d.hint ? ` ｜ ${d.hint}` : ""}`;
