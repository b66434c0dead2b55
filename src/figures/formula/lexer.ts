import { FormulaError } from "./ast.js";

export type Token =
  | { kind: "number"; value: number; at: number }
  | { kind: "string"; value: string; at: number }
  | { kind: "name"; value: string; at: number }
  | { kind: "op"; value: string; at: number }
  | { kind: "end"; at: number };

/**
 * What a Chinese keyboard types for the formula's marks: full-width brackets, comma, digits and comparison signs
 * are read as their ASCII twins, so `percent（a，b）` works as typed.
 */
const TWINS: Record<string, string> = {
  "（": "(", "）": ")", "，": ",", "＋": "+", "－": "-", "×": "*", "＊": "*", "÷": "/", "／": "/",
  "＝": "=", "＜": "<", "＞": ">", "≤": "<=", "≥": ">=", "≠": "!=", "．": ".", "　": " ",
};
const twin = (ch: string): string => TWINS[ch] ?? (ch >= "０" && ch <= "９" ? String(ch.charCodeAt(0) - 0xff10) : ch);

const OPERATORS = ["<=", ">=", "!=", "==", "<>", "+", "-", "*", "/", "(", ")", ",", "=", "<", ">", "."];
const CANONICAL: Record<string, string> = { "==": "=", "<>": "!=" };
const QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "‘": "’", "「": "」" };

/** The tokens of a formula; a character that belongs to none is an error at its place. */
export function tokenize(text: string): Token[] {
  // The formula with its marks made ASCII, and for each character the offset it came from in what was typed.
  let norm = "";
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const t = QUOTES[text[i]!] ? text[i]! : twin(text[i]!);
    norm += t;
    for (let k = 0; k < t.length; k++) from.push(i);
  }
  from.push(text.length);
  const tokens: Token[] = [];
  let j = 0;
  while (j < norm.length) {
    const ch = norm[j]!;
    const at = from[j]!;
    if (/\s/.test(ch)) {
      j++;
      continue;
    }
    const close = QUOTES[ch];
    if (close) {
      const end = text.indexOf(close, at + 1);
      if (end < 0) throw new FormulaError(`引号 ${ch} 没有配对`, at, `在文字末尾加上 ${close}`);
      tokens.push({ kind: "string", value: text.slice(at + 1, end), at });
      while (j < norm.length && from[j]! <= end) j++;
      continue;
    }
    const rest = norm.slice(j, j + 200);
    const digits = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(rest);
    if (digits) {
      tokens.push({ kind: "number", value: Number(digits[0]), at });
      j += digits[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ kind: "name", value: name[0], at });
      j += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ kind: "op", value: CANONICAL[op] ?? op, at });
      j += op.length;
      continue;
    }
    throw new FormulaError(`公式里不能有“${text[at]}”`, at, "公式可用字段名、数字、\"文字\"、+ - * / ( ) 和比较符号");
  }
  tokens.push({ kind: "end", at: text.length });
  return tokens;
}
