import type { DataPath } from "../diagnostics/index.js";

/**
 * A figure the data states beside what the data computes: the checks stage reports any difference. Kept as data
 * here, so that the figures stage computes and the checks stage judges.
 */
export interface Comparison {
  /** Where the stated figure is written. */
  path: DataPath;
  /** What the figure is, in words: 运行网站数. */
  what: string;
  stated: number;
  computed: number;
  /** How the computed value was obtained: 按各地统计（regions）合计. */
  source: string;
  /** The other method the data says the stated figure follows; a difference is then a warning. */
  method?: string;
}

/** Decimals written in a stated number (98.8 → 1), up to 6. */
const decimals = (n: number): number => Math.min(6, (String(n).split(".")[1] ?? "").length);

/**
 * A stated figure agrees with the computed one when the computed one, rounded as the stated one is written, is
 * the same: 98.8 states 98.78 rightly, 72 states 71.8, 9 must be 9.
 */
export function agrees(stated: number, computed: number): boolean {
  const scale = 10 ** decimals(stated);
  return Math.abs(Math.round(computed * scale + Math.sign(computed) * 1e-9) / scale - stated) < 1e-9;
}
