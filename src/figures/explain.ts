import type { DataPath } from "../diagnostics/index.js";
import type { CircularData } from "../input/index.js";
import { cellText, formatNumber, tidy } from "../text/index.js";
import type { Figures } from "./derive.js";
import type { GroupFigures } from "./groups.js";

/** A value the circular shows, and how it was come by: for the preview's pointer over a figure or a cell. */
export interface Explanation {
  /** As the data names it: sites.passRate, figures.onTimeRate, lists.late.length. */
  name: string;
  value: string;
  /** In words: 写明, 按各地统计（regions）合计, a formula. */
  how: string;
  /** The figures it is computed from, each with its value and where the data defines it. */
  inputs: { name: string; value: string; at?: DataPath }[];
  /** Where the data writes it, or the rows it counts or adds up (undefined for derived rows). */
  at: (DataPath | undefined)[];
}

/** Rows listed for a figure that counts or adds them: enough to find them, not a whole province. */
export const MAX_LISTED_ROWS = 50;

/** A value as a reader of the explanation sees it. */
function show(value: unknown): string {
  if (typeof value === "number") return formatNumber(tidy(value), 2);
  if (Array.isArray(value)) return value.length > 20 ? `${value.slice(0, 20).map(show).join("、")}……（共 ${value.length} 项）` : value.map(show).join("、");
  if (value && typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join("，");
  return value === undefined || value === null ? "" : String(value);
}

/** The own property at a dotted path (objects and arrays alike), or undefined. */
function valueAt(root: unknown, parts: readonly string[]): unknown {
  let at: unknown = root;
  for (const part of parts) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, part)) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

const index = (part: string | undefined): number | undefined => (part !== undefined && /^\d+$/.test(part) ? Number(part) : undefined);

/** Explains the values the circular's texts read, and its table cells, from the figures computed once. */
export class Explainer {
  constructor(
    private readonly data: CircularData,
    private readonly figures: Figures,
    /** What the templates saw (templateContext): the values of the names. */
    private readonly context: Record<string, unknown>,
  ) {}

  /** The names a mark records (space-separated), each explained; the empty list when none can be. */
  names(ref: string): Explanation[] {
    return ref.split(" ").flatMap((name) => this.name(name) ?? []);
  }

  /** One name: a named figure, a list or its rows, a group's figure or rows, or a value the data writes. */
  name(name: string): Explanation | undefined {
    const parts = name.split(".");
    const [head, second, ...rest] = parts;
    const value = valueAt(this.context, parts);
    if (value === undefined) return undefined;
    const plain = (how: string, at: (DataPath | undefined)[], inputs: Explanation["inputs"] = []): Explanation => ({ name, value: show(value), how, inputs, at });

    if (head === "figures" && second !== undefined && rest.length === 0) {
      const figure = this.figures.named.get(second);
      if (!figure) return undefined;
      const inputs = figure.uses.map((use) => ({ name: use, value: show(valueAt(this.context, use.split("."))), ...this.definedAt(use) }));
      return plain(figure.formula !== undefined ? `公式 ${figure.formula}` : "写明", [figure.formula !== undefined ? [...figure.path, ...(typeof this.data.figures?.[second] === "object" ? ["formula"] : [])] : figure.path], inputs);
    }
    if (head === "lists" && second !== undefined) {
      const list = this.figures.lists.get(second);
      if (!list) return undefined;
      return this.rows(name, value, `清单 ${second}（${list.label}）`, list.paths, rest);
    }
    const group = head !== undefined ? this.figures.groups.get(head) : undefined;
    if (group && second !== undefined) {
      const source = group.sources.get(second);
      const origin = group.origins.get(second as keyof GroupFigures);
      // A derived row (a category counted from the objects) points at the rows it counts.
      if (source) return this.rows(name, value, source.label, source.paths, rest, origin?.rows);
      if (origin) {
        const inputs = (origin.uses ?? []).map((use) => ({ name: `${head}.${use}`, value: show(valueAt(this.context, [head!, use])), ...this.definedAt(`${head}.${use}`) }));
        return { ...plain(origin.how, origin.at.slice(0, MAX_LISTED_ROWS), inputs), ...(rest.length === 1 && rest[0] === "length" ? { how: `${origin.how}：个数` } : {}) };
      }
    }
    // A value the data writes itself (period, date, a group's sampling dates).
    if (valueAt(this.data, parts) !== undefined) return plain("写明", [parts.map((p) => index(p) ?? p)]);
    return undefined;
  }

  /** Rows of a list or of a group's derived rows: a count, one row, or one row's field. */
  private rows(name: string, value: unknown, label: string, paths: readonly (DataPath | undefined)[], rest: readonly string[], counted?: readonly (readonly (DataPath | undefined)[])[]): Explanation {
    const [first, field] = rest;
    const row = index(first);
    if (row !== undefined) {
      const how = `${label}第 ${row + 1} 行${field ? `的 ${field}` : ""}`;
      const path = paths[row];
      if (path) return { name, value: show(value), how, inputs: [], at: [field ? [...path, field] : path] };
      return { name, value: show(value), how: counted ? `${how}：按下列各行计数` : how, inputs: [], at: (counted?.[row] ?? []).slice(0, MAX_LISTED_ROWS) };
    }
    const how = first === "length" ? `${label}的行数` : label;
    return { name, value: show(value), how, inputs: [], at: paths.slice(0, MAX_LISTED_ROWS) };
  }

  /** Where a figure the formula used is defined, when the data defines it. */
  private definedAt(use: string): { at?: DataPath } {
    const [head, second] = use.split(".");
    if (head === "figures" && second && this.figures.named.has(second)) return { at: this.figures.named.get(second)!.path };
    const explained = head === "figures" ? undefined : this.name(use);
    const first = explained?.at.length === 1 ? explained.at[0] : undefined;
    return first ? { at: first } : {};
  }

  /** A table's row: where the data writes it. */
  row(attachment: number, row: number): Explanation | undefined {
    const table = this.figures.tables[attachment];
    if (!table || row >= table.rows.length) return undefined;
    return { name: `${table.source.name}[${row}]`, value: "", how: `${table.source.label}第 ${row + 1} 行`, inputs: [], at: [table.paths[row]] };
  }

  /** A 合计 cell: the column summed over the table's rows, or its formula computed again from the sums. */
  total(attachment: number, column: number): Explanation | undefined {
    const table = this.figures.tables[attachment];
    const spec = this.data.attachments?.[attachment]?.columns[column];
    if (!table || !spec?.sum) return undefined;
    const value = table.totals[column];
    const fieldFormula = spec.field !== undefined && table.source.fields.get(spec.field)?.formula ? `${spec.field} 的公式` : undefined;
    const recomputed = spec.formula ?? fieldFormula;
    const how = recomputed !== undefined ? `用各列合计重新计算：${recomputed}` : `${table.rows.length} 行的 ${spec.field} 之和`;
    const inputs = table.rows.slice(0, MAX_LISTED_ROWS).map((r, i) => ({ name: `第 ${i + 1} 行`, value: spec.field !== undefined ? show(r[spec.field]) : show(table.computed[column]?.[i]), ...(table.paths[i] ? { at: spec.field !== undefined ? [...table.paths[i]!, spec.field] : table.paths[i]! } : {}) }));
    return { name: `${spec.header.replace(/\n/g, "")}合计`, value: cellText(value, spec.format, spec.digits), how, inputs, at: [["attachments", attachment, "columns", column]] };
  }
}
