import { chineseNumeral } from "../text/index.js";
import type { Face } from "./typography.js";

/** GB/T 9704 7.3.3: 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋; deeper levels use circled numbers. */
export interface HeadingLevel {
  face: Face;
  number(n: number): string;
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

export const HEADING_LEVELS: readonly HeadingLevel[] = [
  { face: "hei", number: (n) => `${chineseNumeral(n)}、` },
  { face: "kai", number: (n) => `（${chineseNumeral(n)}）` },
  { face: "body", number: (n) => `${n}.` },
  { face: "body", number: (n) => `（${n}）` },
  { face: "body", number: (n) => CIRCLED[n - 1] ?? `${n})` },
];

export const headingLevel = (depth: number): HeadingLevel => HEADING_LEVELS[Math.min(depth, HEADING_LEVELS.length - 1)]!;

/** 一是、二是… for points written as prose. */
export const pointOrdinal = (n: number): string => `${chineseNumeral(n)}是`;

const TRAILING = /[。；;：:，,、]+$/;

/** A heading on its own line ends without punctuation; one run into its paragraph ends with 。. */
export function headingText(heading: string, runIn: boolean): string {
  const bare = heading.trim().replace(TRAILING, "");
  return runIn && !/[？！?!]$/.test(bare) ? `${bare}。` : bare;
}
