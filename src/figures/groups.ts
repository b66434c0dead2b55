import type { DataPath, Diagnostics } from "../diagnostics/index.js";
import type { DateSpan, GroupData, Kind, Stated } from "../input/index.js";
import { unknownNameHint } from "../text/index.js";
import type { Comparison } from "./comparison.js";
import { parseFormula, type Row } from "./formula/index.js";
import type { RowSource, SourceField } from "./row-source.js";

/**
 * Everything a group of inspected objects (政府网站, 政务新媒体) reports, computed once from its lists: how many
 * run, were checked and failed, the pass and sampling rates, the same per region and per category, and which
 * regions had problems. The prose, the tables and the checks all read these.
 */
export interface GroupFigures {
  label: string;
  unit: string;
  running?: number;
  checked?: number;
  problemCount?: number;
  /** The rate shown: the stated one when the data gives it, else the computed one. */
  passRate?: number;
  samplingRate?: number;
  regions?: Row[];
  regionsWithProblems?: string[];
  /** Regions not marked `department` (省直 and the like are not cities). */
  citiesWithProblems?: string[];
  citiesWithoutProblems?: string[];
  categories?: Row[];
  /** The failing objects, each once however many failure lists name it. */
  problems: Row[];
  objects?: Row[];
  /** How many failing objects show each issue, in order of first appearance. */
  issueCounts: Record<string, number>;
  sampling?: DateSpan;
}

/** How a group's figure was come by, for anyone asking (the preview): which source, over which written values. */
export interface Origin {
  /** In words: 写明, 按各地统计（regions）合计, a formula. */
  how: string;
  /** Other figures of the group it is computed from. */
  uses?: string[];
  /** Where the data writes what it comes from: the stated value, or the rows counted or added up. */
  at: (DataPath | undefined)[];
  /** Of derived rows (regions or categories counted from the objects): the data rows each one counts. */
  rows?: (DataPath | undefined)[][];
}

/** A group's figures, how each was come by, and the rows it derives as sources for tables and formulas. */
export interface Group {
  name: string;
  figures: GroupFigures;
  origins: Map<keyof GroupFigures, Origin>;
  sources: Map<string, RowSource>;
}

const statedValue = (s: Stated | undefined): number | undefined => (typeof s === "object" ? s.value : s);
const statedMethod = (s: Stated | undefined): string | undefined => (typeof s === "object" ? s.method : undefined);

const sum = (rows: readonly Row[], field: string): number => rows.reduce((a, r) => a + (typeof r[field] === "number" ? (r[field] as number) : 0), 0);
const percent = (part: number, whole: number): number | undefined => (whole > 0 ? (part / whole) * 100 : undefined);

/** How often each value occurs, in order of first appearance. */
function tally(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const PASS_RATE = parseFormula("percent(checked - problemCount, checked)");
const CATEGORY_PASS_RATE = parseFormula("percent(count - problemCount, count)");
const numberField = (label: string, formula?: SourceField["formula"]): SourceField => ({ type: "number", label, ...(formula ? { formula } : {}) });

interface Inputs {
  objects?: RowSource;
  regions?: RowSource;
  failures: RowSource[];
}

/** The lists a group names, each checked to exist (and, for regions, to have the counts a region row needs). */
function inputsOf(name: string, group: GroupData, list: (name: string) => RowSource | undefined, listNames: () => string[], diagnostics: Diagnostics): Inputs {
  const at: DataPath = ["groups", name];
  const get = (listName: string, path: DataPath) => {
    const found = list(listName);
    if (!found) diagnostics.error("unknown-name", path, `没有名为 ${listName} 的清单`, unknownNameHint(listName, listNames(), "数据里的清单有"));
    return found;
  };
  const objects = group.objects !== undefined ? get(group.objects, [...at, "objects"]) : undefined;
  let regions = group.regions !== undefined ? get(group.regions, [...at, "regions"]) : undefined;
  if (regions) {
    const numeric = (f: string) => ["integer", "number"].includes(regions!.fields.get(f)?.type ?? "");
    const missing = [...["running", "checked"].filter((f) => !numeric(f)), ...(regions.kind?.region ? [] : ["region"])];
    if (missing.length) {
      diagnostics.error("kind", [...at, "regions"], `清单 ${group.regions} 不是各地统计：缺少${missing.join("、")}字段`, "各地统计用种类 region，或在它上面扩展的种类");
      regions = undefined;
    }
  }
  const failures = (group.failures ?? []).flatMap((f, i) => get(f, [...at, "failures", i]) ?? []);
  return { ...(objects ? { objects } : {}), ...(regions ? { regions } : {}), failures };
}

/** The failing objects: every row of the failure lists, an object named by two of them counted once. */
function failingRows(failures: readonly RowSource[]): { rows: Row[]; kinds: (Kind | undefined)[]; paths: (DataPath | undefined)[] } {
  const seen = new Set<string>();
  const rows: Row[] = [];
  const kinds: (Kind | undefined)[] = [];
  const paths: (DataPath | undefined)[] = [];
  for (const source of failures) {
    const identity = source.kind?.identity ?? [];
    source.rows.forEach((row, i) => {
      const id = JSON.stringify(identity.length ? identity.map((f) => row[f] ?? null) : [source.name, i]);
      if (seen.has(id)) return;
      seen.add(id);
      rows.push(row);
      kinds.push(source.kind);
      paths.push(source.paths[i]);
    });
  }
  return { rows, kinds, paths };
}

/** For each of `values`, the places of the rows whose `field` holds it. */
function rowsByValue(source: RowSource, field: string, values: readonly string[]): (DataPath | undefined)[][] {
  const byValue = new Map(values.map((v) => [v, [] as (DataPath | undefined)[]]));
  source.rows.forEach((row, i) => byValue.get(row[field] as string)?.push(source.paths[i]));
  return values.map((v) => byValue.get(v)!);
}

/** The value of a role (region, category) of each failing row, or undefined when some row's kind has no such role. */
function roleValues(failing: ReturnType<typeof failingRows>, role: "region" | "category"): string[] | undefined {
  if (failing.kinds.some((k) => !k?.[role])) return undefined;
  const values = failing.rows.map((row, i) => row[failing.kinds[i]![role]!]);
  return values.every((v) => typeof v === "string") ? (values as string[]) : undefined;
}

/**
 * A group's figures. Each count comes from the first of its sources that the data has (stated, the regions
 * list, the objects list, the categories); every other source is kept as a comparison for the checks.
 */
export function deriveGroup(
  name: string,
  group: GroupData,
  list: (name: string) => RowSource | undefined,
  listNames: () => string[],
  diagnostics: Diagnostics,
  comparisons: Comparison[],
): Group {
  const at: DataPath = ["groups", name];
  const label = group.label ?? name;
  const inputs = inputsOf(name, group, list, listNames, diagnostics);
  const failing = failingRows(inputs.failures);
  const failureRegions = inputs.failures.length ? roleValues(failing, "region") : undefined;
  const problemsByRegion = failureRegions && tally(failureRegions);

  // Regions: stated per region, or counted from the objects list when its rows name their region.
  let regions: Row[] | undefined;
  let regionPaths: (DataPath | undefined)[] = [];
  let regionRows: (DataPath | undefined)[][] | undefined;
  if (inputs.regions) {
    const rf = inputs.regions.kind!.region!;
    regions = inputs.regions.rows.map((r) => ({ ...r, region: r[rf] }));
    regionPaths = [...inputs.regions.paths];
    const known = new Set(regions.map((r) => r.region as string));
    for (const source of inputs.failures) {
      const field = source.kind?.region;
      if (!field) continue;
      source.rows.forEach((row, i) => {
        const region = row[field];
        if (typeof region === "string" && region !== "" && !known.has(region) && source.paths[i]) {
          diagnostics.error("unknown-region", [...source.paths[i]!, field], `地区“${region}”不在各地统计（${group.regions}）里`, unknownNameHint(region, [...known], "各地统计里的地区有"));
        }
      });
    }
  } else if (inputs.objects?.kind?.region) {
    const rf = inputs.objects.kind.region;
    const counts = tally(inputs.objects.rows.map((r) => r[rf] as string));
    regions = [...counts].map(([region, count]) => ({ region, running: count, checked: count }));
    regionPaths = regions.map(() => undefined);
    regionRows = rowsByValue(inputs.objects, rf, [...counts.keys()]);
  }
  if (regions) {
    regions = regions.map((r) => {
      const problemCount = problemsByRegion?.get(r.region as string) ?? 0;
      const passRate = typeof r.checked === "number" ? percent(r.checked - problemCount, r.checked) : undefined;
      return { ...r, problemCount, ...(passRate !== undefined ? { passRate } : {}) };
    });
  }

  // Categories: stated, or counted from the objects' category; problems per category where failing rows name one.
  let categories: Row[] | undefined = group.categories?.map((c) => ({ ...c }));
  let categoryRows: (DataPath | undefined)[][] | undefined;
  const objectCategory = inputs.objects?.kind?.category;
  if (!categories && inputs.objects && objectCategory && inputs.objects.rows.length && inputs.objects.rows.every((r) => r[objectCategory])) {
    categories = [...tally(inputs.objects.rows.map((r) => r[objectCategory] as string))].map(([cname, count]) => ({ name: cname, count }));
    categoryRows = rowsByValue(inputs.objects, objectCategory, categories.map((c) => c.name as string));
  }
  const failureCategories = inputs.failures.length ? roleValues(failing, "category") : undefined;
  const problemsByCategory = failureCategories?.every(Boolean) ? tally(failureCategories) : undefined;
  if (categories && problemsByCategory) {
    categories = categories.map((c) => {
      const problemCount = problemsByCategory.get(c.name as string) ?? 0;
      const passRate = percent((c.count as number) - problemCount, c.count as number);
      return { ...c, problemCount, ...(passRate !== undefined ? { passRate } : {}) };
    });
  }

  // The counts, from the first source the data has; the others are compared with it.
  const candidates = {
    running: [
      { value: statedValue(group.running), source: "写明", path: [...at, "running"], rows: [[...at, "running"]] },
      { value: regions && inputs.regions ? sum(regions, "running") : undefined, source: `按各地统计（${group.regions}）合计`, path: [...at, "regions"], rows: regionPaths.map((p) => p && [...p, "running"]) },
      {
        value: categories ? sum(categories, "count") : undefined,
        source: group.categories ? "按构成（categories）合计" : `按清单 ${group.objects} 的类别计数`,
        path: [...at, "categories"],
        rows: group.categories ? group.categories.map((_, i) => [...at, "categories", i, "count"]) : [...(inputs.objects?.paths ?? [])],
      },
    ],
    checked: [
      { value: statedValue(group.checked), source: "写明", path: [...at, "checked"], rows: [[...at, "checked"]] },
      { value: regions && inputs.regions ? sum(regions, "checked") : undefined, source: `按各地统计（${group.regions}）合计`, path: [...at, "regions"], rows: regionPaths.map((p) => p && [...p, "checked"]) },
      { value: inputs.objects?.rows.length, source: `按清单 ${group.objects} 计数`, path: [...at, "objects"], rows: [...(inputs.objects?.paths ?? [])] },
    ],
  };
  const origins = new Map<keyof GroupFigures, Origin>();
  const pick = (key: keyof typeof candidates, what: string): number | undefined => {
    const known = candidates[key].filter((c): c is typeof c & { value: number } => c.value !== undefined);
    const [first, ...rest] = known;
    if (!first) return undefined;
    const method = statedMethod(group[key]);
    for (const other of rest) {
      comparisons.push({ path: first.path, what: `${label}${what}`, stated: first.value, computed: other.value, source: other.source, ...(first.source === "写明" && method ? { method } : {}) });
    }
    origins.set(key, { how: first.source, at: first.rows });
    return first.value;
  };
  const running = pick("running", "运行数");
  const checked = pick("checked", "检查数");
  const problemCount = inputs.failures.length ? failing.rows.length : undefined;
  const computedPassRate = checked !== undefined && problemCount !== undefined ? percent(checked - problemCount, checked) : undefined;
  const statedRate = statedValue(group.passRate);
  if (statedRate !== undefined && computedPassRate !== undefined) {
    const method = statedMethod(group.passRate);
    comparisons.push({ path: [...at, "passRate"], what: `${label}合格率`, stated: statedRate, computed: computedPassRate, source: "按（检查数 − 问题数）÷ 检查数", ...(method ? { method } : {}) });
  }
  const issues = failing.rows.flatMap((row, i) => {
    const field = failing.kinds[i]?.issues;
    return field && Array.isArray(row[field]) ? (row[field] as string[]) : [];
  });
  const cities = regions?.filter((r) => r.department !== true);
  const passRate = statedRate ?? computedPassRate;
  const samplingRate = checked !== undefined && running !== undefined ? percent(checked, running) : undefined;
  const failingHow = `问题清单（${(group.failures ?? []).join("、")}）`;
  origins.set("problemCount", { how: `${failingHow}的对象数，同一对象只计一次`, at: failing.paths });
  // A rate computed from the group's counts is at the group: its counts' own places are theirs to show.
  origins.set("passRate", statedRate !== undefined ? { how: "写明", at: [[...at, "passRate"]] } : { how: "（检查数 − 问题数）÷ 检查数", uses: ["checked", "problemCount"], at: [at] });
  origins.set("samplingRate", { how: "检查数 ÷ 运行数", uses: ["checked", "running"], at: [at] });
  if (regionRows) origins.set("regions", { how: `按清单 ${group.objects} 的地区计数`, at: [], rows: regionRows });
  if (categoryRows) origins.set("categories", { how: `按清单 ${group.objects} 的类别计数`, at: [], rows: categoryRows });
  for (const key of ["regionsWithProblems", "citiesWithProblems", "citiesWithoutProblems"] as const) origins.set(key, { how: `按${failingHow}中各地区的对象`, at: failing.paths });
  origins.set("issueCounts", { how: `${failingHow}中各问题出现的次数`, at: failing.paths });
  origins.set("problems", { how: failingHow, at: failing.paths });
  if (group.sampling) origins.set("sampling", { how: "写明", at: [[...at, "sampling"]] });
  const figures: GroupFigures = {
    label,
    unit: group.unit ?? "个",
    ...(running !== undefined ? { running } : {}),
    ...(checked !== undefined ? { checked } : {}),
    ...(problemCount !== undefined ? { problemCount } : {}),
    ...(passRate !== undefined ? { passRate } : {}),
    ...(samplingRate !== undefined ? { samplingRate } : {}),
    ...(regions ? { regions } : {}),
    ...(regions && problemsByRegion ? { regionsWithProblems: regions.filter((r) => (r.problemCount as number) > 0).map((r) => r.region as string) } : {}),
    ...(cities && problemsByRegion
      ? { citiesWithProblems: cities.filter((r) => (r.problemCount as number) > 0).map((r) => r.region as string), citiesWithoutProblems: cities.filter((r) => r.problemCount === 0).map((r) => r.region as string) }
      : {}),
    ...(categories ? { categories } : {}),
    problems: failing.rows,
    ...(inputs.objects ? { objects: [...inputs.objects.rows] } : {}),
    issueCounts: Object.fromEntries(tally(issues)),
    ...(group.sampling ? { sampling: group.sampling } : {}),
  };

  const sources = new Map<string, RowSource>();
  if (regions) {
    const base = inputs.regions?.fields ?? new Map([["running", numberField("运行数")], ["checked", numberField("检查数")]]);
    const fields = new Map<string, SourceField>([...base, ["region", { type: "text", label: "地区" }], ["problemCount", numberField("问题数")], ["passRate", numberField("合格率", PASS_RATE)]]);
    sources.set("regions", { name: `${name}.regions`, label: `${label}各地统计`, rows: regions, fields, paths: regionPaths });
  }
  if (categories) {
    const fields = new Map<string, SourceField>([
      ["name", { type: "text", label: "类别" }],
      ["count", numberField("数量")],
      ...(problemsByCategory ? ([["problemCount", numberField("问题数")], ["passRate", numberField("合格率", CATEGORY_PASS_RATE)]] as [string, SourceField][]) : []),
    ]);
    sources.set("categories", { name: `${name}.categories`, label: `${label}构成`, rows: categories, fields, paths: categories.map((_, i) => (group.categories ? [...at, "categories", i] : undefined)) });
  }
  const failureKind = inputs.failures.length === 1 ? inputs.failures[0]!.kind : undefined;
  sources.set("problems", {
    name: `${name}.problems`,
    label: `${label}问题清单`,
    rows: failing.rows,
    fields: new Map(inputs.failures.flatMap((s) => [...s.fields])),
    paths: failing.paths,
    ...(failureKind ? { kind: failureKind } : {}),
  });
  if (inputs.objects) sources.set("objects", { ...inputs.objects, name: `${name}.objects` });
  return { name, figures, origins, sources };
}
