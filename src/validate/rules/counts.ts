import type { DataPath } from "../../load/data-path.js";
import { error, type Finding, type Rule } from "./finding.js";

const differs = (found: Finding[], path: DataPath, what: string, stated: number | undefined, computed: number | undefined, source: string) => {
  if (stated !== undefined && computed !== undefined && stated !== computed) {
    found.push(error("count-differs", path, `${what}写的是 ${stated}，但${source}得 ${computed}`, `改正其中一处；不写 ${String(path[path.length - 1])} 时由 tongbao 按${source.replace(/^按/, "")}计算`));
  }
};

const notAbove = (found: Finding[], path: DataPath, checked: number | undefined, running: number | undefined, what: string) => {
  if (checked !== undefined && running !== undefined && checked > running) {
    found.push(error("checked-exceeds-running", path, `${what}抽查数 ${checked} 大于运行数 ${running}`, "抽查数不能超过运行（登记）数"));
  }
};

/** Stated counts agree with the counts computed from the lists and tables; nothing checks more than runs. */
export const counts: Rule = ({ data, sites, newMedia }) => {
  const found: Finding[] = [];
  if (data.sites && sites) {
    const s = data.sites;
    const parts = sites.fromParts;
    differs(found, ["sites", "running"], "运行网站数", s.running, parts.regionRunning, "按各地统计（regions）合计");
    differs(found, ["sites", "checked"], "抽查网站数", s.checked, parts.regionChecked, "按各地统计（regions）合计");
    differs(found, ["sites", "checked"], "抽查网站数", s.checked, parts.listCount, "按抽查网站清单（list）计数");
    if (s.categories) differs(found, ["sites", "categories"], "网站构成各类合计", parts.categoryTotal, sites.running, "运行网站数为");
    if (s.problems && s.regions) {
      differs(found, ["sites", "problems"], "存在问题网站数", s.problems.length, parts.regionProblems, "按各地统计合计");
    }
    notAbove(found, ["sites", "checked"], sites.checked, sites.running, "政府网站");
    const known = new Set((s.regions ?? []).map((r) => r.region));
    (s.regions ?? []).forEach((r, i) => {
      notAbove(found, ["sites", "regions", i, "checked"], r.checked, r.running, `${r.region}的`);
      differs(found, ["sites", "regions", i, "problemCount"], `${r.region}的存在问题网站数`, r.problemCount, sites.regions?.[i]?.problemCount, "按问题网站名单计数");
    });
    (s.problems ?? []).forEach((p, i) => {
      if (s.regions && p.region !== undefined && !known.has(p.region)) {
        found.push(error("unknown-region", ["sites", "problems", i, "region"], `地区“${p.region}”不在各地统计（regions）里`, `可用的地区：${[...known].join("、")}`));
      }
    });
    (s.list ?? []).forEach((row, i) => {
      const computed = sites.list?.[i]?.score;
      if (row.score !== undefined && computed !== undefined && Math.abs(row.score - computed) > 1e-9) {
        found.push(error("score-differs", ["sites", "list", i, "score"], `${row.name}的总分写的是 ${row.score}，按基础分 + 加分 − 扣分计算得 ${computed}`, "删去 score 由 tongbao 计算，或改正加分、扣分"));
      }
    });
  }
  if (data.newMedia && newMedia) {
    const m = data.newMedia;
    differs(found, ["newMedia", "checked"], "抽查政务新媒体数", m.checked, m.accounts?.length, "按抽查账号清单（accounts）计数");
    notAbove(found, ["newMedia", "checked"], newMedia.checked, newMedia.running, "政务新媒体");
  }
  return found;
};
