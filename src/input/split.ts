import type { DataPath, Diagnostics, Locator } from "../diagnostics/index.js";
import { mergeData } from "../source/index.js";
import { unknownNameHint } from "../text/index.js";
import type { CircularData, SplitData } from "./circular-data.js";
import type { CheckedList } from "./rows.js";

/**
 * One province-wide dataset, one circular per region: `split.by` names the list whose region field divides the rows;
 * `split.regions` lists the regions in order, each with what its circular says differently (recipients, title,
 * 份号…). Every list whose kind has a region field keeps, in a region's circular, that region's rows only.
 */

/** `{ region }` for one region's circular, nothing otherwise: for options and results that carry it when there is one. */
export const withRegion = (region: string | undefined): { region?: string } => (region !== undefined ? { region } : {});

/** A region's own entry in `split.regions`, if it has one. */
const regionEntry = (split: SplitData | undefined, region: string): Partial<CircularData> | undefined => {
  const regions = split?.regions;
  return regions && !Array.isArray(regions) ? (regions[region] ?? undefined) : undefined;
};

/** The regions of a split dataset: as declared, else as the `by` list's rows name them, in order of appearance. */
export function splitRegions(split: SplitData, lists: ReadonlyMap<string, CheckedList>, diagnostics: Diagnostics): string[] {
  const by = lists.get(split.by);
  if (!by) {
    diagnostics.error("split", ["split", "by"], `split.by 写的清单 ${split.by} 不存在`, unknownNameHint(split.by, [...lists.keys()], "可用的清单有"));
    return [];
  }
  if (!by.kind.region) {
    diagnostics.error("split", ["split", "by"], `清单 ${split.by} 的种类 ${by.kind.name} 没有地区字段，不能按它拆分`, "种类要写 region: 地区字段名");
    return [];
  }
  const declared = split.regions === undefined ? undefined : Array.isArray(split.regions) ? split.regions : Object.keys(split.regions);
  const regions = declared ?? [...new Set(by.rows.map((row) => regionOf(row, by.kind.region!)).filter((r): r is string => r !== undefined))];
  // Every row goes to one region's circular: a row naming no region, or none of the declared, would be in none.
  for (const list of lists.values()) {
    const field = list.kind.region;
    if (!field) continue;
    list.rows.forEach((row, i) => {
      const region = regionOf(row, field);
      if (region === undefined) {
        diagnostics.error("split", [...list.path, i], `${list.label}第 ${i + 1} 行没有写地区（${field}），这一行不会进入任何一份通报`, `按地区拆分时，清单 ${list.name} 的每一行都要写 ${field}`);
      } else if (!regions.includes(region)) {
        diagnostics.error("split", [...list.path, i, field], `${list.label}第 ${i + 1} 行的地区“${region}”不在 split.regions 里，这一行不会进入任何一份通报`, unknownNameHint(region, regions, "split.regions 列出的地区有"));
      }
    });
  }
  if (regions.length === 0) diagnostics.error("split", ["split"], `清单 ${split.by} 没有写地区的行，拆不出通报`, "在 split.regions 里列出地区，或给清单的行写上地区");
  return regions;
}

const regionOf = (row: Record<string, unknown>, field: string): string | undefined => {
  const value = Object.hasOwn(row, field) ? row[field] : undefined;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
};

/**
 * Whether a report is about one region's own entry (split.regions.<region>…) other than `region`'s: that region's
 * circular reports it, the others do not.
 */
export const aboutOtherRegion = (report: { path?: DataPath }, region?: string): boolean =>
  report.path !== undefined && report.path[0] === "split" && report.path[1] === "regions" && report.path.length > 2 && String(report.path[2]) !== region;

/** What a region's circular is made of: the data with the region's own entries merged over it, and `region` set. */
export function regionData(data: CircularData, region: string): CircularData {
  const { split: _, ...rest } = mergeData(data, regionEntry(data.split, region) ?? {}) as CircularData;
  return { ...rest, region };
}

/** The indices (in the full list) of the rows whose region `field` names `region`. */
export function regionRowIndices(rows: readonly Record<string, unknown>[], field: string, region: string): number[] {
  const kept: number[] = [];
  rows.forEach((row, i) => {
    if (regionOf(row, field) === region) kept.push(i);
  });
  return kept;
}

/**
 * Positions in a region's circular lead back to the province's file: a row's index in the region's list to its
 * index in the full list, and a value the region's entry gives to that entry (split.regions.<region>…).
 */
export function regionLocator(base: Locator, data: CircularData, region: string, kept: ReadonlyMap<string, readonly number[]>): Locator {
  const overrides = regionEntry(data.split, region);
  const map = (path: DataPath): DataPath => {
    if (path[0] === "lists" && path[2] === "rows" && typeof path[3] === "number") {
      const indices = kept.get(String(path[1]));
      if (indices) return [...path.slice(0, 3), indices[path[3]] ?? path[3], ...path.slice(4)];
    }
    if (overrides && fromOverride(overrides as Record<string, unknown>, path)) return ["split", "regions", region, ...path];
    return path;
  };
  return {
    locate: (path, options) => base.locate(map(path), options),
    locateIndex: (path, index) => base.locateIndex(map(path), index),
    sourceText: (path) => base.sourceText(map(path)),
  };
}

/** Whether the region's entry writes the value at `path`: the whole path, or a part of it that replaced a whole value. */
function fromOverride(overrides: Record<string, unknown>, path: DataPath): boolean {
  let node: unknown = overrides;
  for (const key of path) {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return true; // replaced whole
    if (!Object.hasOwn(node, String(key))) return false;
    node = (node as Record<string, unknown>)[String(key)];
  }
  return true;
}
