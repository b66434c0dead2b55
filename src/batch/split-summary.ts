import { relative } from "node:path";
import type { SplitPlan } from "../pipeline.js";
import { displayWidth, padEnd } from "./text-width.js";

/** One region's circular as built: where it went, its pages, and each list's rows in it. */
export interface RegionRow {
  region: string;
  output?: string;
  pages?: number;
  counts?: Record<string, number>;
}

/**
 * The summary of a split dataset: a line per region with the rows of each divided list, then the regions' total
 * beside the whole dataset's, which must be equal.
 */
export function splitSummary(plan: SplitPlan, rows: readonly RegionRow[]): string {
  const lists = [...plan.rows.keys()];
  const count = (r: RegionRow, name: string) => (r.counts && Object.hasOwn(r.counts, name) ? String(r.counts[name]) : "—");
  const table = [
    ["地区", ...lists.map((l) => `${l} 行数`), "页数", "输出"],
    ...plan.regions.map((region) => {
      const r = rows.find((x) => x.region === region) ?? { region };
      return [region, ...lists.map((l) => count(r, l)), r.pages !== undefined ? String(r.pages) : "—", r.output ? relative(process.cwd(), r.output) : "未生成"];
    }),
    ["各地区合计", ...lists.map((l) => String(rows.reduce((s, r) => s + (r.counts?.[l] ?? 0), 0))), "", ""],
    ["全部数据", ...lists.map((l) => String(plan.rows.get(l))), "", ""],
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => displayWidth(row[c]!))));
  return table.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : padEnd(cell, widths[c]!))).join("  ").trimEnd()).join("\n");
}
