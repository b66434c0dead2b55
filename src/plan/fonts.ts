import type { Profile } from "./profile.js";

/** A font the document uses, with what Word should use on a machine that lacks it. */
export interface FontEntry {
  name: string;
  altName?: string;
  /** GB2312 character set (86) for Chinese fonts, ANSI (00) for Latin ones. */
  charset: "86" | "00";
  family: "roman" | "modern" | "swiss";
}

/**
 * What stands in for the GB/T 9704 font names on a stock Chinese Windows (the _GB2312 fonts stopped shipping with
 * XP; Founder's 小标宋 never did). Written as w:altName, Word's fallback when a font is missing.
 */
const ALTERNATES: ReadonlyMap<string, string> = new Map([
  ["方正小标宋简体", "方正小标宋_GBK"],
  ["仿宋_GB2312", "仿宋"],
  ["楷体_GB2312", "楷体"],
  ["黑体", "SimHei"],
  ["宋体", "SimSun"],
  ["Times New Roman", "Liberation Serif"],
]);

/** A font named like a built-in property (`constructor`) is just a name: the table is a Map, not an object. */
const alternate = (name: string) => {
  const altName = ALTERNATES.get(name);
  return altName ? { altName } : {};
};

export function fontTable(profile: Profile): FontEntry[] {
  const { latin, ...chinese } = profile.fonts;
  const entries: FontEntry[] = [...new Set(Object.values(chinese))].map((name) => ({ name, ...alternate(name), charset: "86", family: "modern" }));
  entries.push({ name: latin, ...alternate(latin), charset: "00", family: "roman" });
  return entries;
}
