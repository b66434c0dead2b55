import type { Diagnostics } from "../diagnostics/index.js";
import { findBadCharacter, normalizeText } from "../text/index.js";

/** Deeper than any circular's data is a mistake or an attack, and would overflow the stack of what follows. */
export const MAX_DEPTH = 64;

/**
 * Every text in the data, keys included, made fit for a document: line ends and tabs given their one meaning, and
 * characters no document can hold (control characters, non-characters, broken surrogates) reported where they
 * are written. Nesting beyond MAX_DEPTH is refused.
 */
export function inspectText(data: unknown, diagnostics: Diagnostics): unknown {
  const visit = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === "string") {
      const bad = findBadCharacter(value);
      if (bad) {
        diagnostics.report({
          severity: "error",
          code: "invalid-char",
          path: [...path],
          index: bad.index,
          message: `这里有一个${bad.description} ${bad.code}，无法写入文档`,
          hint: "它通常是从网页或其他软件复制时带进来的：删去这个字符（编辑器里可能看不见，可删去这一处前后的字再重新输入）",
        });
      }
      return normalizeText(value);
    }
    if (typeof value !== "object" || value === null) return value;
    if (path.length >= MAX_DEPTH) {
      diagnostics.error("limit", [...path], `数据嵌套超过 ${MAX_DEPTH} 层`, "通报的数据不需要这么多层，检查缩进或括号");
      return value;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i], [...path, i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const bad = findBadCharacter(key);
      if (bad) diagnostics.unknownKey("invalid-char", [...path, key], `字段名里有一个${bad.description} ${bad.code}`, "删去这个字符");
      record[key] = visit(record[key], [...path, key]);
    }
    return value;
  };
  return visit(data, []);
}

