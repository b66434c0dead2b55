import dayjs from "dayjs";
import type { HelperOptions } from "handlebars";
import { chineseNumeral } from "./chinese-numerals.js";

/** A helper was given something it cannot format; the renderer adds where. */
export class HelperError extends Error {}

const need = (ok: boolean, message: string): void => {
  if (!ok) throw new HelperError(message);
};

const asDate = (value: unknown, helper: string) => {
  need(typeof value === "string" && dayjs(value).isValid(), `${helper} 需要一个日期（如 2019-03-20），得到的是 ${JSON.stringify(value)}`);
  return dayjs(value as string);
};

/** 2019年3月20日: year in full, month and day without padding (GB/T 9704 7.3.5.4). */
export const chineseDate = (value: unknown): string => asDate(value, "date").format("YYYY年M月D日");

export const monthDay = (value: unknown): string => asDate(value, "monthDay").format("M月D日");

/** 2019年2月21日至3月8日: the year is not repeated inside one year. */
function dateRange(value: unknown): string {
  need(typeof value === "object" && value !== null && "to" in value, "dateRange 需要 {from, to} 形式的采样时间");
  const { from, to } = value as { from?: string; to: string };
  if (!from) return chineseDate(to);
  const start = asDate(from, "dateRange");
  const end = asDate(to, "dateRange");
  return `${chineseDate(from)}至${end.year() === start.year() ? monthDay(to) : chineseDate(to)}`;
}

/** 第一季度, or 2019年第一季度 with year=true; takes a quarter number or the period {year, quarter}. */
function quarter(value: unknown, options: HelperOptions): string {
  const period = typeof value === "object" && value !== null ? (value as { year?: number; quarter?: number }) : { quarter: value as number };
  need(typeof period.quarter === "number" && period.quarter >= 1 && period.quarter <= 4, `quarter 需要 1—4 的季度，得到的是 ${JSON.stringify(value)}`);
  const name = `第${chineseNumeral(period.quarter!)}季度`;
  if (!options.hash?.year) return name;
  need(typeof period.year === "number", "quarter 带 year=true 时需要 period（含 year 和 quarter）");
  return `${period.year}年${name}`;
}

/** 98.8%: one decimal place as the circulars write rates, and 100% rather than 100.0%. */
export function formatPercent(value: unknown, digits = 1): string {
  need(typeof value === "number" && Number.isFinite(value), `percent 需要一个数值，得到的是 ${JSON.stringify(value)}`);
  const fixed = (value as number).toFixed(digits);
  return `${fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed}%`;
}

/** Items joined with 、 (or the separator given); the third argument is written when the list is empty. */
export function join(list: unknown, ...args: unknown[]): string {
  need(Array.isArray(list), `join 需要一个列表，得到的是 ${JSON.stringify(list)}`);
  const [separator, empty] = args.slice(0, -1) as [string?, string?];
  const items = (list as unknown[]).map(String);
  return items.length === 0 && empty !== undefined ? empty : items.join(separator ?? "、");
}

/** `lookup` that fails on a missing key instead of printing nothing, as strict templates do for fields. */
function lookup(object: unknown, key: unknown): unknown {
  need(typeof object === "object" && object !== null, `lookup 需要一个对象，得到的是 ${JSON.stringify(object)}`);
  const record = object as Record<string, unknown>;
  need(Object.prototype.hasOwnProperty.call(record, String(key)), `lookup 找不到“${String(key)}”，可用的有：${Object.keys(record).join("、") || "（无）"}`);
  return record[String(key)];
}

export const helpers = {
  date: chineseDate,
  monthDay,
  dateRange,
  quarter,
  cn: (n: unknown) => {
    need(typeof n === "number", `cn 需要一个整数，得到的是 ${JSON.stringify(n)}`);
    return chineseNumeral(n as number);
  },
  percent: (value: unknown, options: HelperOptions) => formatPercent(value, (options.hash?.digits as number | undefined) ?? 1),
  join,
  yesno: (value: unknown) => {
    need(typeof value === "boolean", `yesno 需要 true 或 false，得到的是 ${JSON.stringify(value)}`);
    return value ? "是" : "否";
  },
  lookup,
};
