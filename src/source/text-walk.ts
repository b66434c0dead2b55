import type { Diagnostics } from "../diagnostics/index.js";
import { findBadCharacter, normalizeText } from "../text/index.js";

/** Deeper than any circular's data is a mistake or an attack, and would overflow the stack of what follows. */
export const MAX_DEPTH = 64;
/**
 * How many values (texts, numbers, lists, maps) one circular's data may hold: 200,000 rows of a few fields. Counted
 * as copied, so data that shares one object from many places (possible in a library caller's object) is bounded too.
 */
export const MAX_VALUES = 4_000_000;

class TooMany extends Error {}

/**
 * What in a file's text could give the walk something to do: a character findBadCharacter refuses (and any
 * surrogate, paired or not), a tab normalizeText turns into a space, and a backslash before anything but the
 * escapes that write harmless text (\" \\ \/ \n, a space, \_ \L \P): the others write control characters, tabs
 * and CRs. A CR itself is not here: the fast reader reads a file only if its CRs end lines.
 */
const MAY_NEED_WALK = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]|\\[^"\\/ _LPn]/;

/**
 * Whether data the fast reader read from `text` is already as the walk would leave it: no character in the text
 * could need it and every number is finite. The reader's depth limit is the walk's; its count of values is for
 * the caller to hold to MAX_VALUES.
 */
export const readyAsRead = (text: string, parsed: { finite: boolean }): boolean => parsed.finite && !MAY_NEED_WALK.test(text);

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * A copy of the data fit for a document: line ends and tabs given their one meaning, characters no document can
 * hold (control characters, non-characters, broken surrogates) reported where they are written, nesting beyond
 * MAX_DEPTH and anything that is not data (a function, a Date object, a loop) refused. The copy is made of plain
 * objects whose keys are own data properties, whatever the keys are called. Data the parser has just made is
 * plain already and no one else's: `inPlace` fixes it where it is rather than copying every row.
 */
export function inspectText(data: unknown, diagnostics: Diagnostics, options: { inPlace?: boolean } = {}): unknown {
  const inPlace = options.inPlace ?? false;
  let values = 0;
  // One path, grown and shrunk as the walk goes down and up; copied only into a report.
  const path: (string | number)[] = [];
  const visit = (value: unknown): unknown => {
    if (++values > MAX_VALUES) throw new TooMany();
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
    if (value === null || typeof value === "boolean") return value;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) diagnostics.error("schema", [...path], `这个数值（${value}）不是有限的数`, "写一个具体的数");
      return value;
    }
    if (typeof value !== "object" || !(Array.isArray(value) || isPlainObject(value))) {
      diagnostics.error("schema", [...path], `这里的值（${describe(value)}）不是数据`, "只能写文字、数值、是/否、列表和“键: 值”");
      return null;
    }
    if (path.length >= MAX_DEPTH) {
      diagnostics.error("limit", [...path], `数据嵌套超过 ${MAX_DEPTH} 层`, "通报的数据不需要这么多层，检查缩进或括号");
      return null;
    }
    if (Array.isArray(value)) {
      const copy = inPlace ? value : new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        copy[i] = visit(value[i]);
        path.pop();
      }
      return copy;
    }
    const copy: Record<string, unknown> = inPlace ? (value as Record<string, unknown>) : {};
    for (const key of Object.keys(value)) {
      // An object given by a program may carry keys set to undefined: as in JSON, they are absent.
      if ((value as Record<string, unknown>)[key] === undefined) continue;
      path.push(key);
      const bad = findBadCharacter(key);
      if (bad) diagnostics.unknownKey("invalid-char", [...path], `字段名里有一个${bad.description} ${bad.code}`, "删去这个字符");
      const item = visit((value as Record<string, unknown>)[key]);
      path.pop();
      // A key such as __proto__ is data here: defined, never assigned through a setter.
      if (key === "__proto__") Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
      else copy[key] = item;
    }
    return copy;
  };
  try {
    return visit(data);
  } catch (e) {
    if (!(e instanceof TooMany)) throw e;
    diagnostics.error("limit", [], `数据里的值超过 ${MAX_VALUES.toLocaleString("en-US")} 个`, "一份通报的数据不需要这么多；把清单拆到几份通报，或只保留需要列出的行");
    return undefined;
  }
}

const describe = (value: unknown): string =>
  typeof value === "function" ? "函数" : typeof value === "object" ? Object.prototype.toString.call(value) : String(value);
