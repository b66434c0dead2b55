import type { CategoryData, RegionData, RowData, SitesData } from "../validate/circular-data.js";
import { countBy, defined, inspectionFigures, issueCounts, sum, tidy, type InspectionFigures } from "./arithmetic.js";

const DEFAULT_SCORE_BASE = 100;

export interface RegionFigures extends RegionData {
  /** Problem sites of the region: counted from the problem list when it names regions, else as stated. */
  problemCount: number;
}

export interface SiteRow extends RowData {
  score?: number;
}

/** Every figure about government websites, computed once from the data. */
export interface SiteFigures extends InspectionFigures {
  categories?: CategoryData[];
  regions?: RegionFigures[];
  list?: SiteRow[];
  problems?: RowData[];
  regionsWithProblems?: string[];
  citiesWithProblems?: string[];
  citiesWithoutProblems?: string[];
  issueCounts?: Record<string, number>;
  sampling?: SitesData["sampling"];
  /** The same counts computed from each part of the data that gives them, for cross-checking stated figures. */
  fromParts: {
    regionRunning?: number;
    regionChecked?: number;
    categoryTotal?: number;
    listCount?: number;
    regionProblems?: number;
  };
}

const problemsNameRegions = (problems: readonly RowData[] | undefined): problems is RowData[] =>
  !!problems && problems.length > 0 && problems.every((p) => p.region !== undefined);

function deriveRegions(regions: readonly RegionData[], problems: readonly RowData[] | undefined): RegionFigures[] {
  const counted = problemsNameRegions(problems) ? countBy(problems, (p) => [p.region!]) : undefined;
  return regions.map((r) => ({ ...r, problemCount: counted ? (counted.get(r.region) ?? 0) : (r.problemCount ?? 0) }));
}

/** Score = base + bonus − deduction, for rows that carry a bonus or a deduction. */
const rowScore = (row: RowData, base: number): number | undefined =>
  row.bonus === undefined && row.deduction === undefined ? undefined : tidy(base + (row.bonus ?? 0) - (row.deduction ?? 0));

function categoriesFromList(list: readonly RowData[] | undefined): CategoryData[] | undefined {
  if (!list || list.length === 0 || list.some((r) => r.category === undefined)) return undefined;
  return [...countBy(list, (r) => [r.category!])].map(([name, count]) => ({ name, count }));
}

export function deriveSites(data: SitesData): SiteFigures {
  const base = data.scoreBase ?? DEFAULT_SCORE_BASE;
  const regions = data.regions && deriveRegions(data.regions, data.problems);
  const list = data.list?.map((row) => defined({ ...row, score: rowScore(row, base) }));
  const categories = data.categories ?? categoriesFromList(data.list);

  const fromParts = defined({
    regionRunning: regions && sum(regions.map((r) => r.running)),
    regionChecked: regions && sum(regions.map((r) => r.checked)),
    categoryTotal: categories && sum(categories.map((c) => c.count)),
    listCount: list?.length,
    regionProblems: regions && sum(regions.map((r) => r.problemCount)),
  });
  const running = data.running ?? fromParts.regionRunning ?? fromParts.categoryTotal;
  const checked = data.checked ?? fromParts.regionChecked ?? fromParts.listCount;
  const problemCount = data.problems ? data.problems.length : fromParts.regionProblems;

  const cities = regions?.filter((r) => !r.department);
  return defined({
    ...inspectionFigures(running, checked, problemCount, data.passRate),
    categories,
    regions,
    list,
    problems: data.problems,
    regionsWithProblems: regions?.filter((r) => r.problemCount > 0).map((r) => r.region),
    citiesWithProblems: cities?.filter((r) => r.problemCount > 0).map((r) => r.region),
    citiesWithoutProblems: cities?.filter((r) => r.problemCount === 0).map((r) => r.region),
    issueCounts: data.problems && issueCounts(data.problems),
    sampling: data.sampling,
    fromParts,
  });
}
