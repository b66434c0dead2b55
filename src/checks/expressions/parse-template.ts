import Handlebars from "handlebars";

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

/** The syntax tree of a template, or where and why it cannot be read. */
export function parseTemplate(text: string): Program | ParseFailure {
  try {
    return Handlebars.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    return { message: "{{…}} 表达式写法有误", hint: `检查 {{ 与 }} 是否成对、块（{{#if}}…{{/if}}）是否闭合、名称是否拼写正确`, index: errorIndex(text, message) };
  }
}

export const isParseFailure = (p: Program | ParseFailure): p is ParseFailure => "message" in p && "index" in p;
