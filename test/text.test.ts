import { describe, expect, it } from "vitest";
import { HELPERS, checkArguments, chineseNumeral, dayRange, monthRange, parseDate, periodName, shiftPeriod } from "../src/text/index.js";

const d = (s: string) => parseDate(s)!;
const run = (name: string, args: unknown[], hash: Record<string, unknown> = {}) => HELPERS[name]!.run(args, hash);

describe("periods and their words", () => {
  it("names a quarter with and without 第, a half, a month and a year", () => {
    expect(periodName({ year: 2020, quarter: 4 }, { year: true })).toBe("2020年第四季度");
    expect(periodName({ year: 2020, quarter: 4 })).toBe("第四季度");
    expect(periodName({ year: 2020, quarter: 4 }, { short: true })).toBe("四季度");
    expect(periodName({ year: 2021, half: 1 }, { year: true })).toBe("2021年上半年");
    expect(periodName({ year: 2021, month: 10 })).toBe("10月");
    expect(periodName({ year: 2021 })).toBe("2021年度");
  });
  it("rolls the year over for the previous and next period", () => {
    expect(shiftPeriod({ year: 2020, quarter: 1 }, -1)).toEqual({ year: 2019, quarter: 4 });
    expect(shiftPeriod({ year: 2020, quarter: 3 }, -4)).toEqual({ year: 2019, quarter: 3 });
    expect(shiftPeriod({ year: 2020, month: 12 }, 1)).toEqual({ year: 2021, month: 1 });
    expect(shiftPeriod({ year: 2021, half: 1 }, -1)).toEqual({ year: 2020, half: 2 });
    expect(shiftPeriod({ year: 2021 }, -1)).toEqual({ year: 2020 });
    expect(run("period", [run("previous", [{ year: 2020, quarter: 1 }])], {})).toBe("2019年第四季度");
  });
  it("writes month and day ranges", () => {
    expect(monthRange(d("2020-10-01"), d("2020-11-30"))).toBe("10—11月");
    expect(monthRange(d("2020-10-01"), d("2020-10-31"))).toBe("10月");
    expect(monthRange(d("2019-12-01"), d("2020-01-31"))).toBe("2019年12月—2020年1月");
    expect(dayRange(d("2019-03-08"), d("2019-03-15"))).toBe("3月8—15日");
    expect(dayRange(d("2019-03-28"), d("2019-04-02"))).toBe("3月28日—4月2日");
    expect(run("dateRange", [{ from: "2019-02-21", to: "2019-03-08" }])).toBe("2019年2月21日至3月8日");
    expect(run("monthRange", ["2024-07-01", "2024-09-30"])).toBe("7—9月");
  });
  it("refuses dates that do not exist", () => {
    expect(parseDate("2019-02-29")).toBeUndefined();
    expect(parseDate("2020-02-29")).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseDate("2019-13-01")).toBeUndefined();
  });
});

describe("numerals", () => {
  it("writes numbers as a reader says them, beyond ten thousand too", () => {
    expect([1, 10, 16, 20, 105, 110, 1000, 1001, 2019].map((n) => chineseNumeral(n))).toEqual(["一", "十", "十六", "二十", "一百零五", "一百一十", "一千", "一千零一", "二千零一十九"]);
    expect(chineseNumeral(10000)).toBe("一万");
    expect(chineseNumeral(10010)).toBe("一万零一十");
    expect(chineseNumeral(12345)).toBe("一万二千三百四十五");
    expect(chineseNumeral(-1)).toBeUndefined();
    expect(chineseNumeral(1.5)).toBeUndefined();
  });
});

describe("helpers for lists", () => {
  const rows = [{ name: "甲" }, { name: "乙" }, { name: "丙" }, { name: "丁" }];
  it("names: the first N names followed by 等", () => {
    expect(run("names", [rows, "name"], { max: 3 })).toBe("甲、乙、丙等");
    expect(run("names", [rows.slice(0, 3), "name"], { max: 3 })).toBe("甲、乙、丙");
    expect(run("names", [rows], {})).toBe("甲、乙、丙、丁");
  });
  it("names: every row's field wrapped, as in “…”网", () => {
    expect(run("names", [rows.slice(0, 2)], { format: "“{name}”网", sep: "" })).toBe("“甲”网“乙”网");
    expect(() => run("names", [rows], { format: "{nmae}" })).toThrow("names 的 format 里的 {nmae} 不是行的字段");
  });
  it("join with a separator, and what to write for an empty list", () => {
    expect(run("join", [["a", "b"], "，"])).toBe("a，b");
    expect(run("join", [[], "、", "无"])).toBe("无");
  });
  it("argument checks name the wrong argument", () => {
    expect(checkArguments("percent", HELPERS.percent!, ["x"], {})?.message).toBe("percent 的第 1 个参数（数值）应当是数值");
    expect(checkArguments("percent", HELPERS.percent!, [1], { digts: 2 })?.message).toBe("percent 没有选项 digts（可用：digits）");
    expect(checkArguments("date", HELPERS.date!, [], {})?.message).toMatch(/^date 要写 1 个参数，这里写了 0 个/);
  });
});
