import type { Document, ErrorCode, LineCounter, Node, Scalar } from "yaml";
import { yamlLib } from "./yaml-lib.js";
import type { DataPath, Position, Report } from "../diagnostics/index.js";
import { fastParse } from "./fast-yaml.js";
import { MAX_DEPTH, readyAsRead } from "./text-walk.js";
import { findSlips } from "./keyboard-slips.js";
import { whereUnparseable } from "./unparseable.js";
import { yamlMessage } from "./yaml-messages.js";

/** Anchors and aliases are allowed for repeated text, but not enough to blow up memory. */
const MAX_ALIAS_COUNT = 100;
/**
 * The YAML parser keeps about 700 bytes per value while it reads: a million values stay under a gigabyte. That is
 * 100,000 rows of four fields, or 50,000 of eight.
 */
export const MAX_YAML_VALUES = 1_000_000;

/**
 * An upper estimate of how many values a YAML text holds, in one pass and before parsing: each key, list item and
 * flow separator starts one (a text with many ASCII colons or commas counts high, which only matters near the limit).
 */
export function countValues(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a /* : */ || c === 0x2c /* , */ || c === 0x5b /* [ */ || c === 0x7b /* { */) count++;
    else if (c === 0x2d /* - */ && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x0a)) count++;
  }
  return count;
}

/** Parser errors that do not derail what follows: each is worth reporting beside the first. */
const LOCAL_ERRORS = new Set<ErrorCode>(["DUPLICATE_KEY", "BAD_DQ_ESCAPE", "TAB_AS_INDENT", "KEY_OVER_1024_CHARS", "TAG_RESOLVE_FAILED", "BAD_ALIAS"]);

const tooDeep = (message: string): boolean => /call stack/i.test(message);
const tooDeepReport = (at: Position): Report => ({
  severity: "error",
  code: "limit",
  at,
  message: "数据嵌套的层数太多，无法读取",
  hint: "通报的数据不需要这么多层：检查缩进，或方括号 [ 和花括号 { 是否成对",
});

/** One parsed YAML file, kept with its syntax tree so any data path can be traced back to a line and column. */
export class YamlSource {
  readonly data: unknown;
  readonly reports: Report[] = [];
  /** When the fast reader read data that needs no walk (see readyAsRead): how many values it holds. */
  readonly readyValues: number | undefined;
  private parsed: Document.Parsed | undefined;
  private counted: LineCounter | undefined;
  private get lines(): LineCounter {
    return (this.counted ??= new (yamlLib().LineCounter)());
  }

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    // Slips are reported whatever the parser makes of them: a full-width colon can still parse, into a wrong key.
    const slips = findSlips(text);
    for (const slip of slips) this.reports.push({ severity: "error", code: "keyboard-slip", at: { file, line: slip.line, col: slip.col }, message: slip.message, hint: slip.hint });
    // A sound file in the usual subset of YAML is read fast, without positions: the full parse, which keeps them,
    // happens only if a message needs a position.
    const fast = slips.length ? undefined : fastParse(text, { values: MAX_YAML_VALUES, depth: MAX_DEPTH });
    if (fast) {
      this.data = fast.value;
      if (readyAsRead(text, fast)) this.readyValues = fast.values;
      return;
    }
    const estimate = countValues(text);
    if (estimate > MAX_YAML_VALUES) {
      this.reports.push({
        severity: "error",
        code: "limit",
        at: { file, line: 1, col: 1 },
        message: `数据文件约有 ${estimate.toLocaleString("en-US")} 个值，超过上限 ${MAX_YAML_VALUES.toLocaleString("en-US")}`,
        hint: "一份通报的数据不需要这么多；把清单拆到几份通报，或只保留需要列出的行",
      });
      return;
    }
    const firstSlip = slips[0]?.line ?? Infinity;
    try {
      this.document();
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      const { offset, code } = whereUnparseable(text);
      const before = text.slice(0, offset).split("\n");
      const at = { file, line: before.length, col: [...before.at(-1)!].length + 1 };
      this.reports.push({ severity: "error", code: "yaml-syntax", at, ...yamlMessage(code) });
      return;
    }
    // After a syntax error the parser no longer knows the file's structure (an unclosed [ swallows everything after
    // it), so most errors that follow are echoes of the first: that one is reported, and those that stay where they
    // are (a duplicate key, a bad escape) on other lines. A keyboard slip explains the errors at and after its line
    // better than the parser does.
    const doc = this.document();
    const [first] = doc.errors;
    if (first) {
      const at = this.position(first.pos[0]);
      const slipLines = new Set(slips.map((s) => s.line));
      if (tooDeep(first.message)) this.reports.push(tooDeepReport(at));
      else if (at.line < firstSlip) {
        const { message, hint } = yamlMessage(first.code);
        this.reports.push({ severity: "error", code: "yaml-syntax", at, message, hint: `${hint ? `${hint}。` : ""}改正这一处后，才能检查文件的其余部分` });
      }
      for (const e of doc.errors.slice(1)) {
        const where = this.position(e.pos[0]);
        if (LOCAL_ERRORS.has(e.code) && where.line !== at.line && !slipLines.has(where.line)) this.reports.push({ severity: "error", code: "yaml-syntax", at: where, ...yamlMessage(e.code) });
      }
      return;
    }
    if (slips.length) return;
    // An unknown tag (!!js/function) is a warning to the parser, which then keeps the text: here it is an error,
    // or the tagged text would be printed as if it were data.
    for (const w of doc.warnings) {
      this.reports.push({ severity: "error", code: "yaml-syntax", at: this.position(w.pos[0]), ...yamlMessage(w.code) });
    }
    if (doc.warnings.length) return;
    // A key written as a mapping or list ({a: b}: c) would be stringified into a key nobody typed.
    const collectionKey = collectionKeyOffset(doc);
    if (collectionKey !== undefined) {
      this.reports.push({ severity: "error", code: "yaml-syntax", at: this.position(collectionKey), ...yamlMessage("NON_STRING_KEY") });
      return;
    }
    try {
      this.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // yaml throws (not reports) on aliases: expanding past the limit, or naming no anchor; and on a stack overflow.
      const message = (e as Error).message;
      const at = { file, line: 1, col: 1 };
      if (tooDeep(message)) this.reports.push(tooDeepReport(at));
      else if (/Unresolved alias/.test(message)) {
        this.reports.push({ severity: "error", code: "yaml-syntax", at, message: "YAML 语法错误：引用（*名称）没有对应的锚点（&名称）", hint: "先用 &名称 定义，再用 *名称 引用" });
      } else this.reports.push({ severity: "error", code: "yaml-syntax", at, ...yamlMessage("RESOURCE_EXHAUSTION") });
    }
  }

  /** The full syntax tree, parsed on first use: at once for a file the fast reader left, else for a message's position. */
  private document(): Document.Parsed {
    this.parsed ??= yamlLib().parseDocument(this.text, { version: "1.2", lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    return this.parsed;
  }

  private position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  /** The node at `path`, or the deepest existing node on the way to it. */
  private nodeAt(path: DataPath, wantKey: boolean): { node: Node | undefined; found: boolean } {
    let root: unknown;
    try {
      root = this.document().contents;
    } catch {
      return { node: undefined, found: false }; // the parser overflowed: reported where the file was read
    }
    const { isMap, isPair, isScalar, isSeq } = yamlLib();
    let node: Node | undefined = (root as Node | null) ?? undefined;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) return { node, found: false };
        node = ((last && wantKey) || pair.value == null ? pair.key : pair.value) as Node;
      } else if (isSeq(node) && typeof key === "number" && node.items[key] != null) {
        node = node.items[key] as Node;
      } else {
        return { node, found: false };
      }
    }
    return { node, found: true };
  }

  /** Whether the file itself writes a value at `path` (used to tell which file of an `extends` chain holds it). */
  has(path: DataPath): boolean {
    return this.nodeAt(path, false).found;
  }

  /** Line and column of the value at `path` (of its key with `key: true`), falling back to the nearest parent. */
  locate(path: DataPath, options: { key?: boolean } = {}): Position {
    const { node } = this.nodeAt(path, options.key ?? false);
    return this.position(node?.range?.[0] ?? 0);
  }

  /**
   * Where character `index` of the text at `path` is written. The source and the value differ by quotes, escapes,
   * indentation and folded line ends; the two are walked side by side, skipping what only the source has.
   */
  locateIndex(path: DataPath, index: number): Position | undefined {
    const { node, found } = this.nodeAt(path, false);
    if (!found || !yamlLib().isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
    const value = node.value;
    const [start, end] = node.range;
    const src = this.text;
    let s = start;
    const type = (node as Scalar).type;
    if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") s++;
    else if (type === "BLOCK_FOLDED" || type === "BLOCK_LITERAL") s = src.indexOf("\n", s) + 1 || end;
    for (let v = 0; v < index && v < value.length; v++) {
      const c = value[v]!;
      while (s < end && src[s] !== c) {
        if (type === "QUOTE_DOUBLE" && src[s] === "\\") break; // an escape stands for this character
        if (!/\s/.test(src[s]!)) return this.position(start);
        s++;
      }
      if (type === "QUOTE_DOUBLE" && src[s] === "\\") s += escapeLength(src, s);
      else if (type === "QUOTE_SINGLE" && c === "'" && src[s + 1] === "'") s += 2;
      else s += c.length;
    }
    while (s < end && /[ \n]/.test(src[s]!) && !/[ \n]/.test(value[index] ?? "")) s++;
    return this.position(Math.min(s, end));
  }

  sourceText(path: DataPath): string | undefined {
    const { node, found } = this.nodeAt(path, false);
    return found && node?.range ? this.text.slice(node.range[0], node.range[1]) : undefined;
  }
}

/** Length of the escape sequence at `at` in a double-quoted YAML scalar (\n, \x41, \u4e2d, \U0001F600). */
function escapeLength(src: string, at: number): number {
  const kind = src[at + 1];
  return kind === "x" ? 4 : kind === "u" ? 6 : kind === "U" ? 10 : 2;
}

/** Where the first key written as a mapping or list begins, if any. */
function collectionKeyOffset(doc: Document.Parsed): number | undefined {
  const { isCollection, visit } = yamlLib();
  let offset: number | undefined;
  visit(doc, {
    Pair: (_, pair) => {
      if (!isCollection(pair.key)) return undefined;
      offset = pair.key.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}
