import type { ErrorCode } from "yaml";
import { yamlLib } from "./yaml-lib.js";

/** The lexer's markers that stand for no character of the source (document start, flow end, scalar). */
const MARKERS = new Set(["\x02", "\x18", "\x1f"]);

/**
 * Where a YAML text goes wrong when the parser itself gives up (its error recovery recurses once per line that
 * follows a broken one, and overflows the stack on a long file): the first bracket never closed, or else the first
 * error in the longest prefix (by lines) the parser can still read. Only run after such a failure.
 */
export function whereUnparseable(text: string): { offset: number; code: ErrorCode } {
  const open: number[] = [];
  let offset = 0;
  for (const token of new (yamlLib().Lexer)().lex(text)) {
    if (MARKERS.has(token)) continue;
    if (token === "{" || token === "[") open.push(offset);
    else if ((token === "}" || token === "]") && open.length) open.pop();
    offset += token.length;
  }
  if (open.length) return { offset: open[0]!, code: "MISSING_CHAR" };
  const lines = text.split("\n");
  const prefix = (n: number) => lines.slice(0, n).join("\n");
  const parses = (n: number) => {
    try {
      yamlLib().parseDocument(prefix(n));
      return true;
    } catch {
      return false;
    }
  };
  // The longest prefix that parses: at most log2(lines) parses.
  let good = 0;
  let bad = lines.length;
  while (bad - good > 1) {
    const mid = (good + bad) >> 1;
    if (parses(mid)) good = mid;
    else bad = mid;
  }
  const [first] = yamlLib().parseDocument(prefix(good)).errors;
  return first ? { offset: first.pos[0], code: first.code } : { offset: prefix(good).length, code: "IMPOSSIBLE" };
}
