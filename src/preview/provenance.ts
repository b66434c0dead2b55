import { readFileSync } from "node:fs";
import type { DataPath, Diagnostic, Position } from "../diagnostics/index.js";
import { Explainer, type Explanation } from "../figures/index.js";
import type { Compiled } from "../pipeline.js";
import { decodeText, isDecodeFailure } from "../source/index.js";

/** A place in the data as the preview shows it: file, line and column (or cell), and the text of that line. */
export interface Place extends Position {
  source?: string;
}

/** What the preview shows for a figure or a cell: each value it reads, how it was come by, where the data holds it. */
export interface Provenance {
  items: {
    name: string;
    value: string;
    how: string;
    inputs: { name: string; value: string; at?: Place }[];
    at: Place[];
  }[];
}

/** A diagnostic with the line it points into, for showing in place. */
export type Shown = Diagnostic & { source?: string };

/** The lines of the data's files as read for one version of the circular: each file read once, when first asked. */
export class SourceLines {
  private readonly files = new Map<string, string[] | undefined>();

  line(file: string, line: number): string | undefined {
    if (!this.files.has(file)) {
      let lines: string[] | undefined;
      try {
        const decoded = decodeText(readFileSync(file));
        lines = isDecodeFailure(decoded) ? undefined : decoded.text.split(/\r\n?|\n/);
      } catch {
        lines = undefined;
      }
      this.files.set(file, lines);
    }
    return line > 0 ? this.files.get(file)?.[line - 1] : undefined;
  }

  place(at: Position): Place {
    const source = at.cell ? undefined : this.line(at.file, at.line);
    return source !== undefined ? { ...at, source } : { ...at };
  }

  shown(d: Diagnostic): Shown {
    const source = d.cell ? undefined : this.line(d.file, d.line);
    return source !== undefined ? { ...d, source } : d;
  }
}

/**
 * The provenance of what a `data-ref` of the pages names: `text:<names>` for a figure in the text, `row:<a>:<r>` for
 * a table row, `total:<a>:<c>` for a 合计 cell. Undefined when it names nothing that can be explained.
 */
export function provenanceOf(compiled: Compiled, ref: string, lines: SourceLines): Provenance | undefined {
  const explainer = new Explainer(compiled.data, compiled.figures, compiled.context);
  const [kind, ...rest] = ref.split(":");
  const numbers = rest.map(Number);
  const explained: Explanation[] =
    kind === "text" ? explainer.names(rest.join(":"))
    : kind === "row" && numbers.length === 2 ? [explainer.row(numbers[0]!, numbers[1]!)].filter((e): e is Explanation => e !== undefined)
    : kind === "total" && numbers.length === 2 ? [explainer.total(numbers[0]!, numbers[1]!)].filter((e): e is Explanation => e !== undefined)
    : [];
  if (!explained.length) return undefined;
  const place = (path: DataPath) => lines.place(compiled.locator.locate(path));
  return {
    items: explained.map((e) => ({
      name: e.name,
      value: e.value,
      how: e.how,
      inputs: e.inputs.map((i) => ({ name: i.name, value: i.value, ...(i.at ? { at: place(i.at) } : {}) })),
      at: e.at.flatMap((path) => (path ? [place(path)] : [])),
    })),
  };
}
