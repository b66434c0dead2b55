/**
 * The helpers templates and the drafter's `{{…}}` text may call: words for dates, periods, rates and lists. Each
 * states its parameters, so that a misuse is found before rendering with the argument named, and each only
 * formats: computing belongs to the figures.
 */
import { chineseDate, dateSpan, dayRange, monthDay, monthRange, parseDate, type CivilDate } from "./dates.js";
import { chineseNumeral } from "./numerals.js";
import { formatNumber, formatPercent } from "./numbers.js";
import { periodName, shiftPeriod, type Period } from "./periods.js";

export type ParamType = "any" | "text" | "number" | "integer" | "boolean" | "date" | "span" | "period" | "list" | "object";

export interface ParamSpec {
  name: string;
  type: ParamType;
  optional?: boolean;
}

export interface HelperSpec {
  /** How it is written, for hints: {{percent 数值 digits=1}}. */
  usage: string;
  params: readonly ParamSpec[];
  hash?: Readonly<Record<string, ParamType>>;
  run(args: unknown[], hash: Record<string, unknown>): unknown;
}

/** A helper given what it cannot use; `argument` is 1-based, or the hash key. */
export class HelperError extends Error {
  constructor(
    message: string,
    readonly argument?: number | string,
  ) {
    super(message);
  }
}

const TYPE_WORDS: Record<ParamType, string> = {
  any: "值",
  text: "文字",
  number: "数值",
  integer: "整数",
  boolean: "是否（true / false）",
  date: "日期（如 2019-03-20）",
  span: "时间段（含 from 和 to 的对象，如 sites.sampling）或日期",
  period: "期间（如 period，含 year 和 quarter 等）",
  list: "列表",
  object: "含字段的对象",
};

export const typeWords = (type: ParamType): string => TYPE_WORDS[type];

const isPeriod = (v: unknown): v is Period => typeof v === "object" && v !== null && typeof (v as Period).year === "number";
const isSpan = (v: unknown): v is { from?: string; to: string } =>
  typeof v === "object" && v !== null && parseDate((v as { to?: unknown }).to) !== undefined && ((v as { from?: unknown }).from === undefined || parseDate((v as { from?: unknown }).from) !== undefined);

/** Whether a value is of a parameter type. */
export function fits(value: unknown, type: ParamType): boolean {
  switch (type) {
    case "any":
      return value !== undefined;
    case "text":
      return typeof value === "string" || typeof value === "number";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return parseDate(value) !== undefined;
    case "span":
      return isSpan(value) || parseDate(value) !== undefined;
    case "period":
      return isPeriod(value);
    case "list":
      return Array.isArray(value);
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
  }
}

const date = (v: unknown): CivilDate => parseDate(v)!;
/** A span from one argument ({from, to}) or two (from, to). */
function span(args: unknown[]): [CivilDate, CivilDate] {
  const [first, second] = args;
  if (second !== undefined) return [date(first), date(second)];
  if (typeof first === "string") return [date(first), date(first)];
  const s = first as { from?: string; to: string };
  return [date(s.from ?? s.to), date(s.to)];
}

const numeral = (n: number, what: string): string => {
  const words = chineseNumeral(n);
  if (words === undefined) throw new HelperError(`${what}无法写成中文数字：${n}`, 1);
  return words;
};

/** The value a row shows for `{field}` in a names format; an unknown field is an error, not a blank. */
function fill(format: string, row: Record<string, unknown>): string {
  return format.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, field: string) => {
    if (!Object.hasOwn(row, field)) throw new HelperError(`names 的 format 里的 {${field}} 不是行的字段`, "format");
    const v = row[field];
    return Array.isArray(v) ? v.join("、") : String(v ?? "");
  });
}

const spanParams = [{ name: "时间段或开始日期", type: "span" }, { name: "截止日期", type: "date", optional: true }] as const satisfies readonly ParamSpec[];

const SPECS: Record<string, HelperSpec> = {
  date: { usage: "{{date 日期}} → 2019年3月20日", params: [{ name: "日期", type: "date" }], run: ([d]) => chineseDate(date(d)) },
  monthDay: { usage: "{{monthDay 日期}} → 3月20日", params: [{ name: "日期", type: "date" }], run: ([d]) => monthDay(date(d)) },
  dateRange: { usage: "{{dateRange sites.sampling}} → 2019年2月21日至3月8日", params: spanParams, run: (args) => dateSpan(...span(args)) },
  monthRange: { usage: "{{monthRange 时间段}} → 10—11月", params: spanParams, run: (args) => monthRange(...span(args)) },
  dayRange: { usage: "{{dayRange 时间段}} → 3月8—15日", params: spanParams, run: (args) => dayRange(...span(args)) },
  period: {
    usage: "{{period period}} → 2019年第一季度；year=false 不写年份，short=true 写成 一季度",
    params: [{ name: "期间", type: "period" }],
    hash: { year: "boolean", short: "boolean" },
    run: ([p], hash) => periodName(p as Period, { year: hash.year !== false, short: hash.short === true }),
  },
  previous: {
    usage: "{{period (previous period)}} → 上一个季度（或月、半年、年），跨年自动进位",
    params: [{ name: "期间", type: "period" }, { name: "往前几个", type: "integer", optional: true }],
    run: ([p, n]) => shiftPeriod(p as Period, -((n as number | undefined) ?? 1)),
  },
  next: {
    usage: "{{period (next period)}} → 下一个季度（或月、半年、年）",
    params: [{ name: "期间", type: "period" }, { name: "往后几个", type: "integer", optional: true }],
    run: ([p, n]) => shiftPeriod(p as Period, (n as number | undefined) ?? 1),
  },
  percent: {
    usage: "{{percent sites.passRate}} → 98.8%；digits=2 保留两位小数",
    params: [{ name: "数值", type: "number" }],
    hash: { digits: "integer" },
    run: ([v], hash) => formatPercent(v as number, (hash.digits as number | undefined) ?? 1),
  },
  number: {
    usage: "{{number 数值 digits=1}} → 最多保留 1 位小数",
    params: [{ name: "数值", type: "number" }],
    hash: { digits: "integer" },
    run: ([v], hash) => formatNumber(v as number, (hash.digits as number | undefined) ?? 2),
  },
  cn: { usage: "{{cn 16}} → 十六", params: [{ name: "整数", type: "integer" }], run: ([n]) => numeral(n as number, "cn ") },
  join: {
    usage: "{{join 列表}}、{{join 列表 \"，\"}}、{{join 列表 \"、\" \"无\"}}（列表为空时写第三个参数）",
    params: [{ name: "列表", type: "list" }, { name: "分隔符号", type: "text", optional: true }, { name: "列表为空时写的文字", type: "text", optional: true }],
    run: ([list, separator, empty]) => {
      const items = (list as unknown[]).map(String);
      return items.length === 0 && empty !== undefined ? String(empty) : items.join(separator === undefined ? "、" : String(separator));
    },
  },
  names: {
    usage: "{{names lists.problems \"name\" max=3}} → 甲、乙、丙等；format=\"“{name}”\" sep=\"\" 每项加引号",
    params: [{ name: "清单", type: "list" }, { name: "字段", type: "text", optional: true }],
    hash: { max: "integer", format: "text", sep: "text", etc: "text", empty: "text" },
    run: ([list, field], hash) => {
      const rows = list as unknown[];
      const shown = hash.max !== undefined ? rows.slice(0, hash.max as number) : rows;
      const texts = shown.map((row) => {
        if (typeof row !== "object" || row === null) return String(row);
        const record = row as Record<string, unknown>;
        if (hash.format !== undefined) return fill(String(hash.format), record);
        const key = field === undefined ? "name" : String(field);
        if (!Object.hasOwn(record, key)) throw new HelperError(`names 的行里没有字段 ${key}`, 2);
        return String(record[key]);
      });
      if (texts.length === 0 && hash.empty !== undefined) return String(hash.empty);
      const joined = texts.join(hash.sep === undefined ? "、" : String(hash.sep));
      return rows.length > shown.length ? `${joined}${hash.etc === undefined ? "等" : String(hash.etc)}` : joined;
    },
  },
  yesno: { usage: "{{yesno homepageStale}} → 是 / 否", params: [{ name: "是否", type: "boolean" }], run: ([v]) => (v ? "是" : "否") },
  lookup: {
    usage: "{{lookup sites.issueCounts \"严重错别字\"}}：取名称对应的值，没有就报错",
    params: [{ name: "对象", type: "object" }, { name: "名称", type: "text" }],
    run: ([object, key]) => {
      const record = object as Record<string, unknown>;
      if (!Object.hasOwn(record, String(key))) {
        throw new HelperError(`lookup 找不到“${String(key)}”，可用的有：${Object.keys(record).join("、") || "（无）"}`, 2);
      }
      return record[String(key)];
    },
  },
};

/** The helpers by name, in an object with no prototype: `constructor` or `toString` is not a helper. */
export const HELPERS: Readonly<Record<string, HelperSpec>> = Object.freeze(Object.assign(Object.create(null) as Record<string, HelperSpec>, SPECS));

/** Checks a call's arguments against a helper's parameters: the first wrong one, or undefined. */
export function checkArguments(name: string, spec: HelperSpec, args: unknown[], hash: Record<string, unknown>): HelperError | undefined {
  const required = spec.params.filter((p) => !p.optional).length;
  if (args.length < required || args.length > spec.params.length) {
    const count = required === spec.params.length ? `${required}` : `${required} 到 ${spec.params.length}`;
    return new HelperError(`${name} 要写 ${count} 个参数，这里写了 ${args.length} 个（${spec.usage}）`);
  }
  for (const [i, value] of args.entries()) {
    const p = spec.params[i]!;
    if (!fits(value, p.type)) return new HelperError(`${name} 的第 ${i + 1} 个参数（${p.name}）应当是${typeWords(p.type)}`, i + 1);
  }
  for (const [key, value] of Object.entries(hash)) {
    const type = spec.hash?.[key];
    if (!type) return new HelperError(`${name} 没有选项 ${key}${spec.hash ? `（可用：${Object.keys(spec.hash).join("、")}）` : ""}`, key);
    if (!fits(value, type)) return new HelperError(`${name} 的选项 ${key} 应当是${typeWords(type)}`, key);
  }
  return undefined;
}
