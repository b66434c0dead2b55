import { relative } from "node:path";
import type { BatchResult } from "./run-batch.js";
import { outcomeWord } from "./outcome.js";
import { displayWidth, padEnd } from "./text-width.js";

/** The table that ends a batch: each dataset, what came of it, and for a failure its first error. */
export function summaryTable(results: BatchResult[]): string {
  const rows = results.map((r) => [
    outcomeWord(r.outcome),
    relative(process.cwd(), r.file),
    r.output ? relative(process.cwd(), r.output) : "—",
    r.outcome === "failed" ? (r.messages[0] ?? "").split("\n")[0]! : r.outcome === "skipped" ? "输入未变" : r.pages ? `${r.pages} 页` : "",
  ]);
  const header = ["结果", "数据", "输出", "说明"];
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[c]!))));
  const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : padEnd(cell, widths[c]!))).join("  ").trimEnd();
  const count = (o: BatchResult["outcome"]) => results.filter((r) => r.outcome === o).length;
  const totals = `共 ${results.length} 份：已生成 ${count("written")}，未变化 ${count("unchanged")}，跳过 ${count("skipped")}，失败 ${count("failed")}`;
  return [line(header), ...rows.map(line), totals].join("\n");
}
