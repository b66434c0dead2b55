import Handlebars from "handlebars";
import { memoByText } from "../../text/index.js";

export type Program = hbs.AST.Program;

/** A template that cannot be parsed: what is wrong, and the 0-based offset in its text. */
export interface ParseFailure {
  message: string;
  hint: string;
  index: number;
}

/** Offset of a Handlebars location (1-based line, 0-based column) in the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return Math.min(offset + column, text.length);
}

/**
 * Where a Handlebars parse error is: an unclosed {{, a block closed by the wrong name ("if doesn't match each -
 * 1:3"), or the caret under the excerpt Handlebars prints, found back in the text.
 */
function errorIndex(text: string, message: string): number {
  let at = 0;
  while ((at = text.indexOf("{{", at)) >= 0) {
    const close = text.indexOf("}}", at + 2);
    const reopen = text.indexOf("{{", at + 2);
    if (close < 0 || (reopen >= 0 && reopen < close)) return at;
    at = close + 2;
  }
  const block = / - (\d+):(\d+)$/.exec(message.split("\n")[0]!);
  if (block) return offsetOf(text, Number(block[1]), Number(block[2]));
  const [, excerpt = "", caret = ""] = message.split("\n");
  const before = excerpt.slice(0, caret.indexOf("^")).replace(/^\.\.\./, "");
  const flat = text.replace(/\n/g, "");
  const found = before ? flat.indexOf(before) : -1;
  if (found < 0) return 0;
  const flatIndex = found + before.length;
  // Back from the text without line ends to the text itself.
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") continue;
    if (seen === flatIndex) return i;
    seen++;
  }
  return text.length;
}

/** Deeper nesting than this is no circular's; refusing it keeps checking and rendering fast. */
export const MAX_NESTING = 40;

/**
 * Where blocks ({{#if}}…{{/if}}) or subexpressions ((a (b c))) nest deeper than MAX_NESTING, found in one pass before
 * parsing: Handlebars' parser takes time quadratic in the depth, and overflows the stack at a few thousand.
 */
function tooDeep(text: string): number | undefined {
  let blocks = 0;
  for (let at = text.indexOf("{{"); at >= 0; at = text.indexOf("{{", at)) {
    if (text.startsWith("{{!--", at)) {
      const end = text.indexOf("--}}", at + 5);
      if (end < 0) return undefined; // unclosed: the parser reports it
      at = end + 4;
      continue;
    }
    const end = text.indexOf("}}", at + 2);
    if (end < 0) return undefined;
    const inner = text.slice(at + 2, end).replace(/^[{~\s]+/, "");
    if (/^[#]|^\^(?!\s*$)/.test(inner)) blocks++;
    else if (inner.startsWith("/")) blocks--;
    let parens = 0;
    for (const c of inner) if (c === "(" ? ++parens > MAX_NESTING : c === ")" && --parens < 0) break;
    if (blocks > MAX_NESTING || parens > MAX_NESTING) return at;
    at = end + 2;
  }
  return undefined;
}

/**
 * Handlebars' lexer re-reads the rest of the text after each comment ({{! }}), so its time grows with comments times
 * length: both are bounded far above what a circular's paragraph holds (a page holds 22 × 28 characters, GB/T 9704
 * 5.2.2).
 */
export const MAX_TEMPLATE_CHARS = 20_000;
export const MAX_COMMENTS = 200;

function tooLarge(text: string): ParseFailure | undefined {
  if (text.length > MAX_TEMPLATE_CHARS) {
    return { message: `这段文字有 ${text.length} 个字符，超过一段文字的上限 ${MAX_TEMPLATE_CHARS}`, hint: "一段公文不会这么长：分成几段，或检查是否把整个文件粘贴了进来", index: MAX_TEMPLATE_CHARS };
  }
  let comments = 0;
  for (let at = text.indexOf("{{!"); at >= 0; at = text.indexOf("{{!", at + 3)) {
    if (++comments > MAX_COMMENTS) return { message: `注释 {{! … }} 超过 ${MAX_COMMENTS} 个`, hint: "删去不需要的注释", index: at };
  }
  return undefined;
}

/**
 * The syntax tree of a template, or where and why it cannot be read. Trees are kept per process (memoByText), read-only
 * to every user: a batch parses the same templates and wording for every circular.
 */
export const parseTemplate: (text: string) => Program | ParseFailure = memoByText(parseOnce);

function parseOnce(text: string): Program | ParseFailure {
  const deep = tooDeep(text);
  if (deep !== undefined) return { message: `模板嵌套超过 ${MAX_NESTING} 层`, hint: "减少 {{#if}}、{{#each}} 块和括号的嵌套", index: deep };
  const large = tooLarge(text);
  if (large) return large;
  try {
    return Handlebars.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return { message: "{{…}} 表达式写法有误", hint: `检查 {{ 与 }} 是否成对、块（{{#if}}…{{/if}}）是否闭合、名称是否拼写正确`, index: errorIndex(text, message) };
  }
}

export const isParseFailure = (p: Program | ParseFailure): p is ParseFailure => "message" in p && "index" in p;
