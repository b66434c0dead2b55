/** Sums of scores like 9.5 + 0.5 must print as 10, not 10.000000000000002. */
export const tidy = (n: number): number => Math.round(n * 1e9) / 1e9;

export const sum = (values: readonly number[]): number => tidy(values.reduce((a, b) => a + b, 0));

/** A share in percent, unrounded: rounding is how it is shown, not what it is. */
export const percent = (part: number, whole: number): number | undefined => (whole > 0 ? (part / whole) * 100 : undefined);

/** Drops undefined members, so that a figure the data cannot give is absent and a template asking for it fails. */
export function defined<T extends object>(record: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** How often each value occurs, in order of first appearance. */
export function countBy<T>(items: readonly T[], key: (item: T) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const k of key(item)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** What every inspected group (sites, accounts) reports: counts, and the rates that follow from them. */
export interface InspectionFigures {
  running?: number;
  checked?: number;
  problemCount?: number;
  /** The rate shown: the stated one when the data gives it, else the computed one. */
  passRate?: number;
  computedPassRate?: number;
  samplingRate?: number;
}

export function inspectionFigures(running?: number, checked?: number, problemCount?: number, statedPassRate?: number): InspectionFigures {
  const computedPassRate = checked !== undefined && problemCount !== undefined ? percent(checked - problemCount, checked) : undefined;
  return defined({
    running,
    checked,
    problemCount,
    passRate: statedPassRate ?? computedPassRate,
    computedPassRate,
    samplingRate: checked !== undefined && running !== undefined ? percent(checked, running) : undefined,
  });
}

/** How many rows name each issue, in order of first appearance. */
export const issueCounts = (rows: readonly { issues?: string[] }[]): Record<string, number> =>
  Object.fromEntries(countBy(rows, (r) => r.issues ?? []));
