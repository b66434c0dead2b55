import type { Rule } from "./rule.js";

/**
 * Nothing is checked more often than it runs: each region's checked count stays within its running count, and the
 * group's does (said only when no region's excess already explains it).
 */
export const counts: Rule = (_data, figures, diagnostics) => {
  for (const group of figures.groups.values()) {
    const { running, checked, label } = group.figures;
    const regions = group.sources.get("regions");
    let regionExcess = false;
    regions?.rows.forEach((r, i) => {
      if (typeof r.checked === "number" && typeof r.running === "number" && r.checked > r.running) {
        regionExcess = true;
        const path = regions.paths[i];
        diagnostics.error("checked-exceeds-running", path ? [...path, "checked"] : ["groups", group.name, "regions"], `${String(r.region)}的${label}检查数 ${r.checked} 大于运行数 ${r.running}`, "检查数不能超过运行（登记）数");
      }
    });
    if (!regionExcess && running !== undefined && checked !== undefined && checked > running) {
      diagnostics.error("checked-exceeds-running", ["groups", group.name], `${label}检查数 ${checked} 大于运行数 ${running}`, "检查数不能超过运行（登记）数");
    }
  }
};
