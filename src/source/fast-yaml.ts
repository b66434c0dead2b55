/**
 * A fast reader for the YAML that data files are written in: block mappings and sequences, one-line flow
 * collections, plain and quoted one-line scalars, literal and folded block scalars, comments. It builds the values
 * directly (no syntax tree, no positions), several times faster and smaller than the full parser on a list of
 * 100,000 rows. Plain scalars may run on over more-indented lines. Anything else — anchors, tags, multi-line quoted
 * scalars, blank lines or comments inside a plain scalar, a duplicate key, a tab in the
 * indentation, any syntax error — makes it give up (undefined), and the full parser reads the file, with its
 * positions and messages. Where it answers, it answers as the full parser does (YAML 1.2, core schema): a
 * differential test holds it to that.
 */

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

interface Line {
  indent: number;
  /** The line without its indentation (and without a trailing CR). */
  text: string;
}

/**
 * The lines of a text, kept as where each starts and ends rather than as a string and an object each: a file of
 * 100,000 rows has half a million lines, which would all stay alive, and be copied by each collection, until the
 * end of the read. A line's object is made when it is read, and the last one made is kept (a line is usually
 * looked at, then taken).
 */
class Lines {
  private last = -1;
  private lastLine: Line | undefined;
  constructor(
    readonly text: string,
    readonly indents: Int32Array,
    /** Where a line's content starts and ends; equal for a blank line. */
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly length: number,
  ) {}

  at(k: number): Line | undefined {
    if (k >= this.length) return undefined;
    if (k !== this.last) {
      this.last = k;
      this.lastLine = { indent: this.indents[k]!, text: this.text.slice(this.starts[k], this.ends[k]) };
    }
    return this.lastLine;
  }
}

/** Characters that cannot start a plain scalar, or that the fast reader leaves to the full parser. */
const INDICATOR = new Set(["&", "*", "!", "|", ">", "%", "@", "`", "?", "#", "-", ":", "{", "}", "[", "]", ",", '"', "'"]);
/** INDICATOR by character code: the reader tests first characters by code, never making one-character strings. */
const INDICATOR_CODE = new Uint8Array(128);
for (const c of INDICATOR) INDICATOR_CODE[c.charCodeAt(0)] = 1;
const isIndicator = (code: number): boolean => code < 128 && INDICATOR_CODE[code] === 1;

/** YAML's white space within a line: space and tab. */
const isBlank = (code: number): boolean => code === 32 || code === 9;

const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** The first characters of the core schema's nulls, booleans, infinities and numbers, by code. */
const MAY_RESOLVE = new Uint8Array(128);
for (const c of "~nNtTfF.+-0123456789") MAY_RESOLVE[c.charCodeAt(0)] = 1;

/** A plain scalar's value under the YAML 1.2 core schema. */
export function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  // Text starting otherwise (a name, a region: most of a list's values) is text, without the comparisons below.
  if (first >= 128 || MAY_RESOLVE[first] === 0) return text;
  switch (text) {
    case "":
    case "~":
    case "null":
    case "Null":
    case "NULL":
      return null;
    case "true":
    case "True":
    case "TRUE":
      return true;
    case "false":
    case "False":
    case "FALSE":
      return false;
    case ".inf":
    case ".Inf":
    case ".INF":
    case "+.inf":
    case "+.Inf":
    case "+.INF":
      return Infinity;
    case "-.inf":
    case "-.Inf":
    case "-.INF":
      return -Infinity;
    case ".nan":
    case ".NaN":
    case ".NAN":
      return NaN;
  }
  // Only text that starts like a number can be one.
  if (!((first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46)) return text;
  if (INT.test(text)) return parseInt(text, 10);
  if (OCT.test(text)) return parseInt(text.slice(2), 8);
  if (HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT.test(text)) return parseFloat(text);
  return text;
}

const ESCAPES: Record<string, string> = { "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029" };

/** A double-quoted scalar starting at `start` (the quote): its value and the index after the closing quote. */
function doubleQuoted(text: string, start: number): [string, number] {
  let out = "";
  let i = start + 1;
  for (;;) {
    const close = text.indexOf('"', i);
    const slash = text.indexOf("\\", i);
    if (close < 0) return giveUp(); // runs on to another line
    if (slash < 0 || slash > close) {
      out += text.slice(i, close);
      return [out, close + 1];
    }
    out += text.slice(i, slash);
    const kind = text[slash + 1];
    if (kind === undefined) return giveUp();
    const hexLength = kind === "x" ? 2 : kind === "u" ? 4 : kind === "U" ? 8 : 0;
    if (hexLength) {
      const hex = text.slice(slash + 2, slash + 2 + hexLength);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) return giveUp();
      const code = parseInt(hex, 16);
      // A lone surrogate or an out-of-range code: the full parser decides what it means.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return giveUp();
      out += String.fromCodePoint(code);
      i = slash + 2 + hexLength;
    } else {
      const char = Object.hasOwn(ESCAPES, kind) ? ESCAPES[kind] : undefined;
      if (char === undefined) return giveUp();
      out += char;
      i = slash + 2;
    }
  }
}

function singleQuoted(text: string, start: number): [string, number] {
  let out = "";
  let i = start + 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close < 0) return giveUp();
    out += text.slice(i, close);
    if (text[close + 1] === "'") {
      out += "'";
      i = close + 2;
    } else return [out, close + 1];
  }
}

/** What may follow a finished value on its line: spaces, then nothing or a comment. */
function assertRestEmpty(text: string, from: number): void {
  let i = from;
  while (text[i] === " ") i++;
  if (i < text.length && !(text[i] === "#" && i > from)) giveUp();
}

/** A plain scalar in block context up to the end of the line (or a comment): refused if it holds ": " (an error). */
function blockPlain(text: string): string {
  const comment = text.indexOf(" #");
  const value = (comment >= 0 ? text.slice(0, comment) : text).trimEnd();
  if (value.includes(": ") || value.endsWith(":") || value.includes("\t")) giveUp();
  return value;
}

/** A flow collection ({…} or […]) written on one line. */
/**
 * How many values and how deep the fast reader goes before leaving the file to the full parser, which refuses past
 * the same limits with its own messages.
 */
export interface Limits {
  values: number;
  depth: number;
}

class Budget {
  values = 0;
  /** Whether every number read is finite (1e999 and .inf are not). */
  finite = true;
  constructor(private readonly limits: Limits) {}

  value(): void {
    if (++this.values > this.limits.values) giveUp();
  }

  /** A plain scalar's value, noting a number that is not finite. */
  plain(text: string): unknown {
    const value = resolvePlain(text);
    if (typeof value === "number" && !Number.isFinite(value)) this.finite = false;
    return value;
  }

  within(depth: number): void {
    if (depth > this.limits.depth) giveUp();
  }
}

class Flow {
  i: number;
  private depth: number;
  constructor(
    private readonly text: string,
    start: number,
    private readonly budget: Budget,
    depth: number,
  ) {
    this.i = start;
    this.depth = depth;
  }

  private space(): void {
    while (this.text[this.i] === " ") this.i++;
  }

  value(): unknown {
    this.space();
    this.budget.value();
    const c = this.text[this.i];
    if (c === "{" || c === "[") {
      this.budget.within(++this.depth);
      const value = c === "{" ? this.map() : this.seq();
      this.depth--;
      return value;
    }
    if (c === '"') {
      const [v, end] = doubleQuoted(this.text, this.i);
      this.i = end;
      return v;
    }
    if (c === "'") {
      const [v, end] = singleQuoted(this.text, this.i);
      this.i = end;
      return v;
    }
    return this.budget.plain(this.plain());
  }

  /** A plain scalar in a flow: up to a comma, a bracket, or ": ". */
  private plain(): string {
    const start = this.i;
    const c = this.text[start];
    if (c === undefined || INDICATOR.has(c)) {
      // "-1", ".5" and "-x" start with an indicator yet are plain; anything else is left to the full parser.
      if (!((c === "-" || c === "?" || c === ":") && this.text[start + 1] !== undefined && !/[\s,[\]{}]/.test(this.text[start + 1]!))) giveUp();
    }
    for (; this.i < this.text.length; this.i++) {
      const ch = this.text[this.i]!;
      if (ch === "," || ch === "[" || ch === "]" || ch === "{" || ch === "}") break;
      if (ch === ":" && /[\s,[\]{}]/.test(this.text[this.i + 1] ?? " ")) break;
      if (ch === "#" && this.text[this.i - 1] === " ") giveUp();
      if (ch === "\t") giveUp();
    }
    return this.text.slice(start, this.i).trimEnd();
  }

  private seq(): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.space();
    if (this.text[this.i] === "]") {
      this.i++;
      return out;
    }
    for (;;) {
      const item = this.value();
      this.space();
      // "[a: b]" is a map inside a sequence; left to the full parser.
      if (this.text[this.i] === ":") giveUp();
      out.push(item);
      const c = this.text[this.i];
      this.i++;
      if (c === "]") return out;
      if (c !== ",") return giveUp();
      this.space();
      if (this.text[this.i] === "]") return giveUp(); // a trailing comma
    }
  }

  private map(): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    this.space();
    if (this.text[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.space();
      const key = this.value();
      if (typeof key !== "string" || key === "__proto__" || Object.hasOwn(out, key)) giveUp();
      this.space();
      if (this.text[this.i] !== ":") giveUp(); // a key with no value
      this.i++;
      if (this.text[this.i] !== " " && this.text[this.i] !== "," && this.text[this.i] !== "}") giveUp();
      this.space();
      out[key as string] = this.text[this.i] === "," || this.text[this.i] === "}" ? null : this.value();
      this.space();
      const c = this.text[this.i];
      this.i++;
      if (c === "}") return out;
      if (c !== ",") return giveUp();
      this.space();
      if (this.text[this.i] === "}") return giveUp();
    }
  }
}

class Reader {
  private i = 0;
  /** Nesting so far: one for each block collection entered. */
  private depth = 0;
  /**
   * The keys of the last mapping read at each indentation: a list's rows repeat their keys in the same order, so
   * the next row's are looked for first among them (keyAgain) before a key is read afresh.
   */
  private readonly previousKeys: ((string | undefined)[] | undefined)[] = [];
  constructor(
    private readonly lines: Lines,
    private readonly budget: Budget,
  ) {}

  /** The next line with content, skipping blank and comment-only lines. */
  private peek(): Line | undefined {
    while (this.i < this.lines.length) {
      const line = this.lines.at(this.i)!;
      if (line.text === "" || line.text.startsWith("#")) this.i++;
      else return line;
    }
    return undefined;
  }

  document(): unknown {
    const first = this.peek();
    if (!first) return null;
    if (first.indent !== 0) giveUp();
    const value = this.node(0);
    if (this.peek()) giveUp(); // something left over: a second document, or text at the wrong place
    return value;
  }

  /** A block node whose first line is at `indent`. */
  private node(indent: number): unknown {
    const line = this.peek()!;
    if (line.indent !== indent) giveUp();
    if (isDash(line.text)) return this.sequence(indent);
    const key = keyOf(line.text) ?? giveUp();
    this.i++;
    return this.mapping(indent, key);
  }

  /** Counts a collection's entry into the limits; `depth` goes down again once it is read. */
  private enter(): void {
    this.budget.value();
    this.budget.within(++this.depth);
  }

  /** What follows a line that ends at its key or dash: a more-indented block, or nothing (null). */
  private nested(indent: number): unknown {
    const next = this.peek();
    return next && next.indent > indent ? this.node(next.indent) : null;
  }

  private sequence(indent: number): unknown[] {
    this.enter();
    const items = this.sequenceItems(indent);
    this.depth--;
    return items;
  }

  private sequenceItems(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.peek(); line && line.indent === indent && isDash(line.text); line = this.peek()) {
      this.i++;
      let rest = 1;
      while (line.text[rest] === " ") rest++;
      const content = line.text.slice(rest);
      if (content === "" || content.startsWith("#")) out.push(this.nested(indent));
      else if (isDash(content)) giveUp();
      else {
        const key = this.keyAt(content, indent + rest, 0);
        out.push(key ? this.mapping(indent + rest, key) : this.inline(content, indent));
      }
    }
    return out;
  }

  /** A mapping; `first` is its first entry's key (after a "- " it sits on the sequence's line). */
  private mapping(indent: number, first: Key): Record<string, unknown> {
    this.enter();
    const entries = this.mappingEntries(indent, first);
    this.depth--;
    return entries;
  }

  private mappingEntries(indent: number, first: Key): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // Plain keys only: a quoted key ("#a", "1") may not be one written plain. The previous mapping's, while this
    // one's keys are the same (a list's rows): a copy is made only where they part. Only a hint for keyAt.
    let names = this.previousKeys[indent] ?? [];
    let own = false;
    let count = 0;
    // The first entry's line is already consumed (after a "- " it is the sequence's line).
    let key: Key | undefined = first;
    for (;;) {
      let name: string;
      let plain: boolean;
      // The entry's plain value, when the line was read the quick way (repeatedEntry).
      let quick: string | undefined;
      if (key !== undefined) ({ name, plain } = key);
      else {
        const expected = this.previousKeys[indent]?.[count];
        quick = expected !== undefined ? this.repeatedEntry(indent, expected) : undefined;
        if (quick !== undefined) {
          name = expected!;
          plain = true;
        } else {
          const line = this.peek();
          // A dash at the key's indentation after a finished entry is an error; the caller finds it left over.
          if (!line || line.indent !== indent || isDash(line.text)) break;
          this.i++;
          key = this.keyAt(line.text, indent, count) ?? giveUp();
          ({ name, plain } = key);
        }
      }
      const plainName = plain ? name : undefined;
      if (!own && names[count] !== plainName) {
        names = names.slice(0, count);
        own = true;
      }
      if (own) names.push(plainName);
      count++;
      if (name === "__proto__" || name === "<<" || Object.hasOwn(out, name)) giveUp();
      if (quick !== undefined) {
        this.budget.value();
        out[name] = this.budget.plain(quick);
        continue;
      }
      const { rest } = key!;
      if (rest === "" || rest.startsWith("#")) {
        const next = this.peek();
        // "key:" then "- a" at the key's own indentation: the sequence is the key's value.
        out[name] = next && next.indent === indent && isDash(next.text) ? this.sequence(indent) : this.nested(indent);
      } else out[name] = this.inline(rest, indent);
      key = undefined;
    }
    if (own) this.previousKeys[indent] = names;
    return out;
  }

  /**
   * The value of the next line when it is "name: value", `name` the key the previous mapping at `indent` had here,
   * and the value a plain one-line text that needs none of the general reading's care: no comment, indicator, tab
   * or colon that could end a key, and the next line neither blank, a comment nor more indented. It is trimmed as
   * keyAgain and blockPlain trim. The line is then taken, read off the source without being made; otherwise
   * undefined. A long list's rows are nearly all such lines.
   */
  private repeatedEntry(indent: number, name: string): string | undefined {
    const { text, indents, starts, ends, length } = this.lines;
    const k = this.i;
    if (k >= length || indents[k] !== indent) return undefined;
    const end = ends[k]!;
    const colon = starts[k]! + name.length;
    if (colon + 2 >= end || text.charCodeAt(colon) !== 58 || text.charCodeAt(colon + 1) !== 32 || !text.startsWith(name, starts[k])) return undefined;
    const from = afterSpace(text, colon + 1);
    if (from >= end || isIndicator(text.charCodeAt(from))) return undefined;
    const value = text.slice(from, end).trimEnd();
    const to = from + value.length;
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c === 9 || (c === 35 && text.charCodeAt(p - 1) === 32) || (c === 58 && (p + 1 === to || text.charCodeAt(p + 1) === 32))) return undefined;
    }
    const next = k + 1;
    if (next < length && (starts[next] === ends[next] || text.charCodeAt(starts[next]!) === 35 || indents[next]! > indent)) return undefined;
    this.i = next;
    return value;
  }

  /** The key at the start of `text`, the `k`th of a mapping at `indent`: the previous such mapping's, or read afresh. */
  private keyAt(text: string, indent: number, k: number): Key | undefined {
    const expected = this.previousKeys[indent]?.[k];
    return (expected !== undefined && keyAgain(text, expected)) || keyOf(text);
  }

  /** A value written on its key's (or dash's) line: a scalar, a flow collection, or a block scalar header. */
  private inline(text: string, indent: number): unknown {
    const code = text.charCodeAt(0);
    // Most values are text starting with a character that is no indicator.
    if (!isIndicator(code)) return this.plainValue(text, indent);
    const c = text[0]!;
    if (c === "|" || c === ">") return this.blockScalar(text, indent);
    if (c === "{" || c === "[") {
      const flow = new Flow(text, 0, this.budget, this.depth);
      const value = flow.value();
      assertRestEmpty(text, flow.i);
      this.noContinuation(indent);
      return value;
    }
    if (c === '"' || c === "'") {
      this.budget.value();
      const [value, end] = c === '"' ? doubleQuoted(text, 0) : singleQuoted(text, 0);
      assertRestEmpty(text, end);
      this.noContinuation(indent);
      return value;
    }
    if (!((c === "-" || c === "?" || c === ":") && text.length > 1 && !isBlank(text.charCodeAt(1)))) giveUp();
    return this.plainValue(text, indent);
  }

  /** A plain scalar written on its key's (or dash's) line, with the lines it runs on over. */
  private plainValue(text: string, indent: number): unknown {
    this.budget.value();
    let value = blockPlain(text);
    if (!text.includes(" #")) value = this.folded(value, indent);
    this.noContinuation(indent);
    return this.budget.plain(value);
  }

  /**
   * A plain scalar's following lines, more indented than its key or dash, each joined to it by a space (a text an
   * editor wrapped). Blank lines, comments and lines starting with an indicator between or after them are left
   * to the full parser.
   */
  private folded(first: string, indent: number): string {
    let value = first;
    for (let line = this.lines.at(this.i); line && line.indent > indent && line.text !== "" && !line.text.startsWith("#"); line = this.lines.at(this.i)) {
      if (isIndicator(line.text.charCodeAt(0)) || line.text.includes(" #")) giveUp();
      value += ` ${blockPlain(line.text)}`;
      this.i++;
    }
    return value;
  }

  /** A more-indented line after a one-line value would continue it (a multi-line scalar): left to the full parser. */
  private noContinuation(indent: number): void {
    const next = this.peek();
    if (next && next.indent > indent) giveUp();
  }

  /** A literal (|) or folded (>) block scalar, with clip, strip (-) or keep (+) chomping. */
  private blockScalar(header: string, indent: number): string {
    const m = /^([|>])([-+]?)(?:\s+#.*)?\s*$/.exec(header);
    if (!m) giveUp();
    const [, style, chomp] = m!;
    // Content lines: every line up to the first non-blank one indented no more than the parent.
    const start = this.i;
    let base = -1;
    let end = start;
    for (let k = start; k < this.lines.length; k++) {
      const line = this.lines.at(k)!;
      const blank = line.text === "";
      if (!blank && line.indent <= indent) break;
      if (!blank && base < 0) base = line.indent;
      if (!blank && line.indent < base) giveUp(); // less indented than the first line: an error
      end = k + 1;
    }
    // A blank line with spaces beyond the content's indentation holds those spaces as text: the full parser's case.
    for (let k = start; k < end; k++) if (this.lines.at(k)!.text === "" && this.lines.at(k)!.indent > Math.max(base, 0) && base >= 0) giveUp();
    if (base < 0) {
      // Only blank lines: an empty scalar (its line breaks kept only with +).
      this.i = start;
      return "";
    }
    const raw: string[] = [];
    for (let k = start; k < end; k++) {
      const l = this.lines.at(k)!;
      raw.push(l.text === "" ? "" : " ".repeat(l.indent - base) + l.text);
    }
    this.i = end;
    let content: string;
    if (style === "|") content = raw.join("\n");
    else {
      if (raw.some((l) => l.startsWith(" ") || l.startsWith("\t"))) giveUp(); // more-indented lines keep their breaks
      content = "";
      let pendingBreaks = 0;
      let started = false;
      for (const l of raw) {
        if (l === "") {
          pendingBreaks++;
          continue;
        }
        if (started) content += pendingBreaks ? "\n".repeat(pendingBreaks) : " ";
        else if (pendingBreaks) content += "\n".repeat(pendingBreaks);
        pendingBreaks = 0;
        started = true;
        content += l;
      }
    }
    const trailing = /\n*$/.exec(content)![0].length;
    const body = content.slice(0, content.length - trailing);
    // The blank lines at the end: counted from the source, since folding and joining dropped the last ones.
    let blanks = 0;
    for (let k = end - 1; k >= start && this.lines.at(k)!.text === ""; k--) blanks++;
    if (chomp === "-") return body;
    if (chomp === "+") return `${body}\n${"\n".repeat(blanks)}`;
    return body === "" ? "" : `${body}\n`;
  }
}

const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const MAY_NOT_BE_TEXT = "nNtTfF";

const isDash = (text: string): boolean => text.charCodeAt(0) === 45 && (text.length === 1 || text.charCodeAt(1) === 32);

/**
 * `text` as the plain key `name` written again ("name: rest" or "name:"), or undefined. A name keyOf read is a
 * valid plain key and its first ": " ends it, so the text is read as keyOf would, without reading the name again.
 */
function keyAgain(text: string, name: string): Key | undefined {
  const after = name.length;
  if (!text.startsWith(name) || text.charCodeAt(after) !== 58) return undefined;
  if (after + 1 < text.length && text.charCodeAt(after + 1) !== 32) return undefined;
  return { name, rest: restAfter(text, after + 1), plain: true };
}

/** The white space String.trimStart takes (\s is its set), matched where it stands. */
const LEADING_SPACE = /\s*/y;

/**
 * A character other than the space that \s might hold: a control character, or one of the few blocks its other
 * spaces lie in. A filter only, wider than the set (checked over every UTF-16 code unit); LEADING_SPACE decides.
 */
const mayBeWhiteSpace = (c: number): boolean => c < 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x3000) || c === 0xfeff;

/** Where the text from `from` (at most its length) starts once its leading white space is left out. */
function afterSpace(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  // Nearly always a value's first character, which no pattern need look at.
  if (i >= text.length || !mayBeWhiteSpace(text.charCodeAt(i))) return i;
  LEADING_SPACE.lastIndex = i;
  LEADING_SPACE.test(text);
  return LEADING_SPACE.lastIndex;
}

/** The text from `from` (at most its length) on, its leading white space left out: cut once, not cut and trimmed. */
const restAfter = (text: string, from: number): string => text.slice(afterSpace(text, from));

interface Key {
  name: string;
  /** What follows the key's colon on its line. */
  rest: string;
  /** Written without quotes. */
  plain: boolean;
}

/** A key at the start of `text` ("name: rest" or "name:"), with what follows it; undefined when it is not one. */
function keyOf(text: string): Key | undefined {
  let name: string;
  let after: number;
  const code = text.charCodeAt(0);
  if (code === 34 || code === 39) {
    const c = text[0];
    const [value, end] = c === '"' ? doubleQuoted(text, 0) : singleQuoted(text, 0);
    if (text[end] !== ":") return undefined;
    name = value;
    after = end + 1;
  } else {
    if (text === "" || isIndicator(code)) return undefined;
    let colon = -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58 && (i + 1 === text.length || text.charCodeAt(i + 1) === 32)) {
        colon = i;
        break;
      }
      // A colon before a tab ends a key too, in a way the full parser reports.
      if (ch === 58 && text.charCodeAt(i + 1) === 9) giveUp();
      if (ch === 35 && i > 0 && text.charCodeAt(i - 1) === 32) return undefined;
    }
    if (colon < 0) return undefined;
    name = text.slice(0, colon).trimEnd();
    // A key that reads as something other than text (1:, true:, null:) is left to the full parser. Only a key
    // starting with a digit, a sign, a dot, ~ or the letters of null, true and false can.
    if ((!isLetter(code) || MAY_NOT_BE_TEXT.includes(text[0]!)) && typeof resolvePlain(name) !== "string") giveUp();
    if (name.includes("\t")) giveUp();
    after = colon + 1;
  }
  if (after < text.length && text.charCodeAt(after) !== 32) return undefined;
  return { name, rest: restAfter(text, after), plain: code !== 34 && code !== 39 };
}

/** `array`'s values at the start of a new array of `length`. */
const grown = (array: Int32Array, length: number): Int32Array => {
  const larger = new Int32Array(length);
  larger.set(array);
  return larger;
};

/** What the fast reader read: the data, how many values it holds, and whether all its numbers are finite. */
export interface FastParsed {
  value: unknown;
  values: number;
  finite: boolean;
}

/** The data of a YAML text, or undefined when the full parser should read it. */
export function fastParse(source: string, limits: Limits): FastParsed | undefined {
  let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (text.startsWith("---")) {
    const end = text.indexOf("\n");
    const first = end < 0 ? text : text.slice(0, end);
    if (!/^---\s*(#.*)?$/.test(first.replace(/\r$/, ""))) return undefined;
    text = end < 0 ? "" : text.slice(end + 1);
  }
  // A CR is a line end only before a LF; anywhere else it is the full parser's to judge.
  if (text.includes("\r") && /\r(?!\n)/.test(text)) return undefined;
  // Room for a line of every 16 characters, doubled when the lines are shorter: counting them first would read the
  // text once more.
  let room = 16 + (text.length >> 4);
  let indents: Int32Array = new Int32Array(room);
  let starts: Int32Array = new Int32Array(room);
  let ends: Int32Array = new Int32Array(room);
  let n = 0;
  for (let start = 0; start <= text.length; n++) {
    if (n === room) {
      room *= 2;
      indents = grown(indents, room);
      starts = grown(starts, room);
      ends = grown(ends, room);
    }
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const next = end + 1;
    let at = start;
    while (at < stop && text.charCodeAt(at) === 32) at++;
    indents[n] = at - start;
    starts[n] = ends[n] = at;
    start = next;
    const first = at < stop ? text.charCodeAt(at) : -1;
    if (first === 9) {
      // A tab after the indentation of a blank line is harmless; anywhere before content it is the parser's to judge.
      if (text.slice(at, stop).trim() === "") continue;
      return undefined;
    }
    if (indents[n] === 0 && (text.startsWith("---", at) || text.startsWith("...", at) || text.startsWith("%", at))) return undefined;
    // Trailing spaces are kept: in a block scalar they are text. Elsewhere each reader trims what it reads. A line
    // of white space only is blank.
    const blank = first < 0 || ((first <= 32 || first >= 128) && text.slice(at, stop).trim() === "");
    if (!blank) ends[n] = stop;
  }
  const lines = new Lines(text, indents, starts, ends, n);
  try {
    const budget = new Budget(limits);
    const value = new Reader(lines, budget).document();
    return { value, values: budget.values, finite: budget.finite };
  } catch (e) {
    if (e instanceof GiveUp) return undefined;
    // A stack overflow on absurd nesting, or anything unforeseen: the full parser reports it properly.
    return undefined;
  }
}
