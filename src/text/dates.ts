/**
 * Dates as circulars write them (GB/T 9704 7.3.5.4: year in full, month and day without a leading zero), from the
 * ISO dates (YYYY-MM-DD) the data holds. Pure arithmetic on the digits: no time zone can shift a day.
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** The date an ISO string names, or undefined when it names none (2019-02-30). */
export function parseDate(text: unknown): CivilDate | undefined {
  const m = typeof text === "string" ? ISO.exec(text) : null;
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : undefined;
}

export const isoDate = ({ year, month, day }: CivilDate): string =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** 2019年3月20日 */
export const chineseDate = (d: CivilDate): string => `${d.year}年${d.month}月${d.day}日`;

/** 3月20日 */
export const monthDay = (d: CivilDate): string => `${d.month}月${d.day}日`;

/** 2019年2月21日至3月8日: what one year shares is not repeated. */
export function dateSpan(from: CivilDate, to: CivilDate, joiner = "至"): string {
  return `${chineseDate(from)}${joiner}${to.year === from.year ? monthDay(to) : chineseDate(to)}`;
}

/** 10—11月, 10月 when both are in one month, 2019年12月—2020年1月 across a year end. */
export function monthRange(from: CivilDate, to: CivilDate): string {
  if (from.year !== to.year) return `${from.year}年${from.month}月—${to.year}年${to.month}月`;
  return from.month === to.month ? `${from.month}月` : `${from.month}—${to.month}月`;
}

/** 3月8—15日, 3月28日—4月2日 across months, full dates across a year end. */
export function dayRange(from: CivilDate, to: CivilDate): string {
  if (from.year !== to.year) return `${chineseDate(from)}—${chineseDate(to)}`;
  if (from.month !== to.month) return `${monthDay(from)}—${monthDay(to)}`;
  return from.day === to.day ? monthDay(from) : `${from.month}月${from.day}—${to.day}日`;
}

/** Days from `a` to `b` (negative when b is earlier), on the proleptic Gregorian calendar. */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  const serial = ({ year, month, day }: CivilDate) => Date.UTC(year, month - 1, day) / 86_400_000;
  return serial(b) - serial(a);
}

export const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
