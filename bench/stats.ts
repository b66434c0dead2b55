/** Min and median of repeated timings: the min is what the code can do, the median what a run usually gets. */
export interface Stats {
  min: number;
  median: number;
  runs: number;
}

export function stats(times: readonly number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, runs: sorted.length };
}

export const ms = (t: number): string => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : t >= 100 ? `${t.toFixed(0)} ms` : `${t.toFixed(1)} ms`);
export const pair = (s: Stats): string => `${ms(s.min)} / ${ms(s.median)}`;
