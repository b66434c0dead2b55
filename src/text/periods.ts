import { daysInMonth, isoDate } from "./dates.js";
import { chineseNumeral } from "./numerals.js";

/**
 * The period a circular reports: a year, or one of its quarters, halves or months. Exactly one of quarter, half
 * and month is set, or none for a whole year.
 */
export interface Period {
  year: number;
  quarter?: number;
  half?: number;
  month?: number;
}

type Unit = "year" | "half" | "quarter" | "month";

const unitOf = (p: Period): Unit => (p.quarter !== undefined ? "quarter" : p.half !== undefined ? "half" : p.month !== undefined ? "month" : "year");
const PER_YEAR: Record<Unit, number> = { year: 1, half: 2, quarter: 4, month: 12 };

/** The period `steps` periods of the same length away, the year rolling over: Q1 2020 − 1 = Q4 2019. */
export function shiftPeriod(p: Period, steps: number): Period {
  const unit = unitOf(p);
  if (unit === "year") return { year: p.year + steps };
  const n = PER_YEAR[unit];
  const index = p.year * n + (p[unit]! - 1) + steps;
  return { year: Math.floor(index / n), [unit]: (((index % n) + n) % n) + 1 };
}

/** First and last day of the period, as ISO dates. */
export function periodDates(p: Period): { start: string; end: string } {
  const unit = unitOf(p);
  const months = 12 / PER_YEAR[unit];
  const first = unit === "year" ? 1 : (p[unit]! - 1) * months + 1;
  const last = first + months - 1;
  return { start: isoDate({ year: p.year, month: first, day: 1 }), end: isoDate({ year: p.year, month: last, day: daysInMonth(p.year, last) }) };
}

export interface PeriodWording {
  /** Lead with the year: 2019年第一季度. */
  year?: boolean;
  /** 一季度 rather than 第一季度, as many circulars write it. */
  short?: boolean;
}

/** 第一季度 / 一季度 / 上半年 / 10月 / 2019年, with the year in front when asked (always for a whole year). */
export function periodName(p: Period, wording: PeriodWording = {}): string {
  const unit = unitOf(p);
  const year = `${p.year}年`;
  let name: string;
  if (unit === "quarter") name = `${wording.short ? "" : "第"}${chineseNumeral(p.quarter!)}季度`;
  else if (unit === "half") name = p.half === 1 ? "上半年" : "下半年";
  else if (unit === "month") name = `${p.month}月`;
  else return wording.short ? year : `${year}度`;
  return wording.year ? `${year}${name}` : name;
}
