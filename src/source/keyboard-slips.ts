/**
 * The slips of a Chinese keyboard in YAML: full-width punctuation and spaces where YAML needs ASCII, a colon with no
 * space after it, tab indentation. Found line by line before parsing, so that each gets its own message at its own
 * column (the parser would report the line after, or an unknown key), and all of them in one run. One pass over each
 * line, no regular expression that could backtrack: data lines can be long.
 */
export interface Slip {
  /** 1-based. */
  line: number;
  /** 1-based, in characters. */
  col: number;
  message: string;
  hint: string;
}

const FULL_COLON = "：";
const FULL_SPACE = "\u3000";
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isKeyStart = (c: string | undefined) => c !== undefined && isLetter(c.charCodeAt(0));
const isKeyChar = (c: string | undefined) => {
  const code = c === undefined ? -1 : c.charCodeAt(0);
  return isLetter(code) || (code >= 48 && code <= 57) || code === 45;
};
/** What may stand before or after a separating comma in a flow collection typed in ASCII. */
const isAsciiItem = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_"'\]})[{]/.test(c);

/** A line that opens a block scalar (| or >): the more-indented lines after it are text, not YAML. */
const opensBlockScalar = (line: string): boolean =>
  (line.includes("|") || line.includes(">")) && /(?:^|[\s:-])[|>][-+0-9]*$/.test(line.replace(/\s#.*$/, "").trimEnd());

/** The slip in one line, or undefined. `at` is a 0-based index into the line. */
function slipIn(line: string): { at: number; message: string; hint: string } | undefined {
  let i = 0;
  while (line[i] === " ") i++;
  if (line[i] === "\t") return { at: i, message: "行首用了 Tab 缩进", hint: "YAML 只能用空格缩进：把 Tab 换成空格（同一层对齐，下一层多缩进两个空格）" };
  if (line[i] === FULL_SPACE) return { at: i, message: "行首用了全角空格“　”缩进", hint: "缩进要用半角空格：把每个全角空格换成两个半角空格" };
  // List item marks ("- - ").
  while (line[i] === "-" && (line[i + 1] === " " || line[i + 1] === undefined)) {
    i++;
    while (line[i] === " ") i++;
  }
  const key = keyAt(line, i);
  if (key) {
    const slip = afterKey(line, key.name, key.end);
    if (slip) return slip;
    i = key.end + 1;
    while (line[i] === " ") i++;
  }
  return valueSlip(line, i);
}

/** A key written at `i` (ASCII, as tongbao's keys are): its name and the index of the colon after it. */
function keyAt(line: string, i: number): { name: string; end: number } | undefined {
  if (!isKeyStart(line[i])) return undefined;
  let j = i;
  while (isKeyChar(line[j])) j++;
  let k = j;
  while (line[k] === " ") k++;
  return line[k] === ":" || line[k] === FULL_COLON ? { name: line.slice(i, j), end: k } : undefined;
}

function afterKey(line: string, name: string, colon: number): { at: number; message: string; hint: string } | undefined {
  if (line[colon] === FULL_COLON) return { at: colon, message: `键 ${name} 后面用了全角冒号“：”`, hint: "把全角冒号“：”改成半角冒号“:”，后面加一个空格" };
  const next = line[colon + 1];
  if (next === FULL_SPACE) return { at: colon + 1, message: `键 ${name} 的冒号后面是全角空格“　”`, hint: "把冒号后面的全角空格换成半角空格" };
  // Not a URL (http://), a time (10:30 is not a key) or a comment: a key, a colon, and the value at once.
  if (next !== undefined && !/[\s/:#]/.test(next)) return { at: colon + 1, message: `键 ${name} 的冒号“:”后面缺少空格`, hint: `在冒号后面加一个半角空格，如 ${name}: ${line.slice(colon + 1, colon + 11)}` };
  return undefined;
}

/** Slips in a value from `start`: full-width brackets and quotes, and what is typed inside a flow collection. */
function valueSlip(line: string, start: number): { at: number; message: string; hint: string } | undefined {
  const first = line[start];
  if (first === "［" || first === "｛") {
    return { at: start, message: `用了全角${first === "［" ? "方括号“［”" : "花括号“｛”"}`, hint: "列表和对象要用半角括号 [ ] 和 { }" };
  }
  if (first === '"') {
    const close = line.indexOf('"', start + 1);
    const full = line.indexOf("”", start + 1);
    if (close < 0 && full >= 0) return { at: full, message: "引号不配对：开头是半角引号“\"”，结尾是全角引号“””", hint: "结尾也用半角引号 \"" };
    return undefined;
  }
  if (first === "“") {
    const close = line.indexOf("”", start + 1);
    const inner = close > 0 ? line.slice(start + 1, close) : "";
    if (close > 0 && line.slice(close + 1).trim() === "" && (inner.includes(": ") || inner.includes(" #"))) {
      return { at: start, message: "用全角引号“ ”括住了含有“: ”或“ #”的文字", hint: "YAML 只认半角引号：改成 \"…\"（文字里本来要有的引号不变）" };
    }
    return undefined;
  }
  if (first !== "{" && first !== "[") return undefined;
  // Inside a flow collection: track depth and quotes; keys after { and , are checked like block keys.
  let depth = 0;
  let quote: string | undefined;
  let tokenStart = true;
  for (let i = start; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === "#" && line[i - 1] === " ") break;
    if (c === '"' || c === "'") {
      if (tokenStart) quote = c;
      tokenStart = false;
      continue;
    }
    if (c === "{" || c === "[") {
      depth++;
      tokenStart = true;
      continue;
    }
    if (c === "}" || c === "]") {
      depth--;
      if (depth <= 0) return undefined;
      continue;
    }
    if (c === ",") {
      tokenStart = true;
      continue;
    }
    if (c === " ") continue;
    if (c === "，" && depth > 0 && isAsciiItem(lastNonSpace(line, i)) && isAsciiItem(nextNonSpace(line, i))) {
      return { at: i, message: "方括号或花括号里用了全角逗号“，”分隔", hint: "把全角逗号“，”改成半角逗号“,”，后面加一个空格" };
    }
    if (tokenStart) {
      const key = keyAt(line, i);
      if (key) {
        // In a flow collection "a:1" is one text, where YAML would not even complain: the same slip.
        const slip = afterKey(line, key.name, key.end);
        if (slip) return slip;
        i = key.end;
      }
    }
    tokenStart = false;
  }
  return undefined;
}

const lastNonSpace = (line: string, i: number): string | undefined => {
  let j = i - 1;
  while (line[j] === " ") j--;
  return line[j];
};
const nextNonSpace = (line: string, i: number): string | undefined => {
  let j = i + 1;
  while (line[j] === " ") j++;
  return line[j];
};

/**
 * What every slip needs somewhere in its line: a tab, a full-width space, colon, bracket or quote, an ASCII quote or
 * bracket, a colon followed by something other than a space, a URL's // or another colon; | and > for the block
 * scalars whose lines are skipped. A line with none of them has no slip, so only the lines with one are looked at.
 */
const CANDIDATE = /[\t\u3000：［｛“"{[|>]|:[^\s/:#]/g;

export function findSlips(text: string): Slip[] {
  const slips: Slip[] = [];
  CANDIDATE.lastIndex = 0;
  // Line numbers are counted as the scan moves forward: `counted` lines end before `countedTo`.
  let counted = 0;
  let countedTo = 0;
  const lineOf = (index: number): number => {
    for (let k = text.indexOf("\n", countedTo); k >= 0 && k < index; k = text.indexOf("\n", k + 1)) {
      counted++;
      countedTo = k + 1;
    }
    return counted;
  };
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const start = text.lastIndexOf("\n", m.index - 1) + 1;
    let end = text.indexOf("\n", m.index);
    if (end < 0) end = text.length;
    const n = lineOf(start);
    const line = text.slice(start, end);
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    CANDIDATE.lastIndex = end + 1;
    if (line[indent] === "#" || line.trim() === "") continue;
    const slip = slipIn(line);
    if (slip) slips.push({ line: n + 1, col: [...line.slice(0, slip.at)].length + 1, message: `YAML 输入错误：${slip.message}`, hint: slip.hint });
    if (opensBlockScalar(line)) CANDIDATE.lastIndex = blockEnd(text, end + 1, indent);
  }
  return slips;
}

/** Where the lines of a block scalar opened at `indent` end: at the first line that is not blank and not deeper. */
function blockEnd(text: string, from: number, indent: number): number {
  let start = from;
  while (start < text.length) {
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const blank = text.slice(i, end).trim() === "";
    if (!blank && i - start <= indent) return start;
    start = end + 1;
  }
  return text.length;
}
