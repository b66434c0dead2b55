import type { Diagnostics, Locator } from "../diagnostics/index.js";
import type { Table } from "../source/index.js";
import { unknownNameHint } from "../text/index.js";
import type { CircularData } from "./circular-data.js";
import type { Kind } from "./kinds.js";
import { checkRows, type CheckedList } from "./rows.js";
import { sheetLocator, sheetRows, type SheetBinding } from "./sheet-rows.js";
import { regionRowIndices } from "./split.js";

/**
 * Every list of the data with its rows checked against its kind; a list of an unknown kind is reported and left
 * out. Lists chosen from another list (`of`) are left to the figures stage, which has their base's rows. Lists that
 * read a table (`from`) take their rows from `tables`; the locator returned leads their rows to the cells.
 */
export function checkLists(
  data: CircularData,
  kinds: ReadonlyMap<string, Kind>,
  diagnostics: Diagnostics,
  base: Locator,
  tables: ReadonlyMap<string, Table> = new Map(),
  region?: string,
): { lists: Map<string, CheckedList>; locator: Locator; kept: Map<string, number[]> } {
  const lists = new Map<string, CheckedList>();
  // In one region's circular, a list with a region field keeps that region's rows; `kept` says which they were.
  const kept = new Map<string, number[]>();
  const keep = (name: string, kind: Kind, rows: readonly Record<string, unknown>[]): number[] | undefined => {
    if (region === undefined || !kind.region) return undefined;
    const indices = regionRowIndices(rows, kind.region, region);
    kept.set(name, indices);
    return indices;
  };
  const pick = <T>(items: readonly T[], indices: readonly number[] | undefined): T[] => (indices ? indices.map((i) => items[i]!) : [...items]);
  const bindings = new Map<string, SheetBinding>();
  const locator = sheetLocator(base, bindings);
  for (const [name, list] of Object.entries(data.lists ?? {})) {
    if (list.of !== undefined) {
      if (list.kind !== undefined || list.rows !== undefined) diagnostics.error("schema", ["lists", name, "of"], `清单 ${name} 从 ${list.of} 选出，不能再写 kind 或 rows`, "of 清单的行和种类都来自它选自的清单");
      continue; // chosen from another list when the figures are derived
    }
    if (list.kind === undefined) {
      diagnostics.error("schema", ["lists", name], `清单 ${name} 缺少 kind（种类）`, "写 kind: website 等种类和 rows，或写 of: 另一个清单名 从中选出");
      continue;
    }
    const kind = kinds.get(list.kind);
    if (!kind) {
      diagnostics.error("kind", ["lists", name, "kind"], `没有名为 ${list.kind} 的种类`, unknownNameHint(list.kind, [...kinds.keys()], "可用的种类有"));
      continue;
    }
    if (list.from !== undefined) {
      if (list.rows !== undefined) diagnostics.error("schema", ["lists", name, "from"], `清单 ${name} 写了 rows 又写了 from`, "行写在数据里（rows）或从表格读入（from），只写一个");
      const table = tables.get(name);
      if (!table) continue; // not read: reported where it was read
      const read = sheetRows(name, list.from, table, kind, diagnostics);
      if (!read) continue;
      bindings.set(name, read.binding);
      const own = keep(name, kind, read.rows);
      lists.set(name, checkRows(name, { ...list, rows: pick(read.rows, own) }, kind, diagnostics, locator, pick(read.binding.rowNumbers, own)));
      continue;
    }
    lists.set(name, checkRows(name, list.rows ? { ...list, rows: pick(list.rows, keep(name, kind, list.rows)) } : list, kind, diagnostics, locator));
  }
  return { lists, locator, kept };
}
