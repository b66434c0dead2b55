import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import type { DataPath } from "./data-path.js";
import { yamlMessage } from "./yaml-messages.js";

/** Anchors and aliases are allowed for repeated text, but not enough to blow up memory. */
const MAX_ALIAS_COUNT = 100;

export interface Position {
  file: string;
  line: number;
  col: number;
}

/** One parsed YAML file, kept with its syntax tree so any data path can be traced back to a line and column. */
export class YamlSource {
  readonly file: string;
  readonly text: string;
  readonly data: unknown;
  readonly diagnostics: Diagnostic[] = [];
  private readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(text: string, file: string) {
    this.file = file;
    this.text = text;
    this.doc = parseDocument(text, { version: "1.2", lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    // After a syntax error the parser no longer knows the file's structure (an unclosed [ swallows everything after
    // it), so the errors that follow are mostly echoes of the first: report that one.
    const [first] = this.doc.errors;
    if (first) {
      const at = this.lines.linePos(first.pos[0]);
      const { message, hint } = yamlMessage(first.code);
      this.diagnostics.push({ severity: "error", code: "yaml-syntax", file, line: at.line, col: at.col, message, hint: `${hint ? `${hint}。` : ""}改正这一处后，才能检查文件的其余部分` });
    }
    let data: unknown;
    if (this.diagnostics.length === 0) {
      try {
        data = this.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch {
        // yaml throws (not reports) when aliases expand past the limit.
        this.diagnostics.push({ severity: "error", code: "yaml-syntax", file, line: 1, col: 1, ...yamlMessage("RESOURCE_EXHAUSTION") });
      }
    }
    this.data = data;
  }

  /** The node at `path`, or the deepest existing node on the way to it. */
  private nodeAt(path: DataPath, wantKey: boolean): { node: Node | undefined; found: boolean } {
    let node: Node | undefined = (this.doc.contents as Node | null) ?? undefined;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) return { node, found: false };
        const next = (last && wantKey) || pair.value == null ? pair.key : pair.value;
        node = next as Node;
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
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, col };
  }

  /** Where `needle` (say an expression `{{…}}`) is written inside the value at `path`, if it is written literally. */
  locateText(path: DataPath, needle: string): Position | undefined {
    const { node, found } = this.nodeAt(path, false);
    if (!found || !node?.range) return undefined;
    const at = this.text.slice(node.range[0], node.range[1]).indexOf(needle);
    if (at < 0) return undefined;
    const { line, col } = this.lines.linePos(node.range[0] + at);
    return { file: this.file, line, col };
  }

  /** The characters the user typed for the value at `path`, e.g. to show `0440282002` that YAML read as a number. */
  sourceText(path: DataPath): string | undefined {
    const { node, found } = this.nodeAt(path, false);
    if (!found || !node?.range) return undefined;
    return this.text.slice(node.range[0], node.range[1]);
  }
}
