import { basename, dirname, extname, isAbsolute, normalize, relative, resolve, sep } from "node:path";
import type { Period } from "../text/index.js";

/** What an output name can use: the data file's name and folder, figures of the circular, the manifest's vars. */
export type NameVars = Record<string, string>;

/** Characters Windows does not allow in a file name: in a value (separators included, replaced), in a name (refused). */
const WINDOWS_RESERVED = /[<>:"\\/|?*\u0000-\u001f]/g;
const RESERVED_IN_NAME = /[<>:"|?*\u0000-\u001f]/;
/** Names Windows keeps for devices, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/**
 * The output path for a pattern such as "{dir}/{year}Q{quarter}-通报.docx", inside `outDir`. Refused: unknown
 * variables, names that would leave the output folder (absolute, "..", drive letters) and names not ending .docx.
 */
export function outputPath(pattern: string, vars: NameVars, outDir: string): { path: string } | { error: string } {
  let unknown: string | undefined;
  const name = pattern.replace(/\{([^{}]+)\}/g, (_, key: string) => {
    const value = Object.hasOwn(vars, key) ? vars[key] : undefined;
    if (value === undefined) unknown ??= key;
    // A value never makes a folder of its own, nor a name Windows refuses: separators and reserved characters in it
    // are replaced.
    return (value ?? "").replace(WINDOWS_RESERVED, "_");
  });
  if (unknown) return { error: `输出文件名里的 {${unknown}} 没有对应的值（可用：${Object.keys(vars).map((k) => `{${k}}`).join("、")}）` };
  if (!name.toLowerCase().endsWith(".docx")) return { error: `输出文件名要以 .docx 结尾：${name}` };
  if (isAbsolute(name) || /^[a-zA-Z]:/.test(name) || name.includes("\0") || normalize(name).split(/[\\/]/).includes("..")) {
    return { error: `输出文件名不能离开输出目录：${name}` };
  }
  const refused = normalize(name)
    .split(/[\\/]/)
    .find((part) => RESERVED_IN_NAME.test(part) || WINDOWS_DEVICE.test(part) || (part !== "." && /[. ]$/.test(part)));
  if (refused !== undefined) {
    return { error: `输出文件名里的“${refused}”在 Windows 上不能用（不能含 < > : " | ? * 等字符，不能叫 CON、NUL、COM1 等，不能以点或空格结尾）：${name}` };
  }
  const path = resolve(outDir, name);
  const inside = relative(resolve(outDir), path);
  if (inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside)) return { error: `输出文件名不能离开输出目录：${name}` };
  return { path };
}

/** The variables every dataset has: {name} and {dir} from its file, {year} and {quarter}, {half} or {month}, {issuer}. */
export function nameVars(file: string, fields: NameFields, extra: NameVars): NameVars {
  const { period } = fields;
  return {
    name: basename(file, extname(file)),
    dir: basename(dirname(resolve(file))),
    year: String(period.year),
    ...(period.quarter !== undefined ? { quarter: String(period.quarter) } : {}),
    ...(period.half !== undefined ? { half: String(period.half) } : {}),
    ...(period.month !== undefined ? { month: String(period.month).padStart(2, "0") } : {}),
    issuer: fields.issuer,
    ...extra,
  };
}

/** What a circular's data gives its output name: its period and issuer. */
export interface NameFields {
  period: Period;
  issuer: string;
}
