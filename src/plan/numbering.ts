import { chineseNumeral } from "../text/index.js";
import type { Face } from "./plan.js";

/** GB/T 9704 7.3.3: 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋; deeper levels use circled numbers. */
export interface HeadingLevel {
  face: Face;
  number(n: number): string;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** A count beyond the Chinese numerals (a hundred million points) is refused by the data's limits first. */
const cn = (n: number): string => chineseNumeral(n) ?? String(n);

export const HEADING_LEVELS: readonly HeadingLevel[] = [
  { face: "hei", number: (n) => `${cn(n)}、` },
  { face: "kai", number: (n) => `（${cn(n)}）` },
  { face: "body", number: (n) => `${n}.` },
  { face: "body", number: (n) => `（${n}）` },
  { face: "body", number: (n) => CIRCLED[n - 1] ?? `${n})` },
];

export const headingLevel = (depth: number): HeadingLevel => HEADING_LEVELS[Math.min(depth, HEADING_LEVELS.length - 1)]!;

/** 一是、二是… for points written as prose. */
export const pointOrdinal = (n: number): string => `${cn(n)}是`;

const TRAILING = new Set("。；;：:，,、");

/**
 * A heading on its own line ends without punctuation; one run into its paragraph ends with 。. Trimmed by a
 * loop from the end: a pattern anchored at the end would retry from every position of a long run of marks.
 */
export function headingText(heading: string, runIn: boolean): string {
  const trimmed = heading.trim();
  let end = trimmed.length;
  while (end > 0 && TRAILING.has(trimmed[end - 1]!)) end--;
  const bare = trimmed.slice(0, end);
  return runIn && !/[？！?!]$/.test(bare) ? `${bare}。` : bare;
}
