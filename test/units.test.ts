import { describe, expect, it } from "vitest";
import { planColumns } from "../src/layout/column-widths.js";
import { paginate, type Box } from "../src/layout/flow.js";
import { headingText, pointOrdinal } from "../src/layout/numbering.js";
import { TEXT_WIDTH } from "../src/layout/page-geometry.js";
import { breakLines, textWidth } from "../src/layout/text-measure.js";
import { titleLines } from "../src/layout/title-lines.js";
import { chineseDate, formatPercent, parseDate } from "../src/text/index.js";

describe("formatting", () => {
  it("writes dates as GB/T 9704 does: full year, no padding", () => {
    expect(chineseDate(parseDate("2019-03-08")!)).toBe("2019年3月8日");
  });
  it("writes rates to one decimal, dropping .0", () => {
    expect(formatPercent((728 / 737) * 100)).toBe("98.8%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent((210 / 216) * 100)).toBe("97.2%");
    expect(formatPercent(85)).toBe("85%");
  });
});

describe("headings and points", () => {
  it("drops end punctuation from a standalone heading and ends a run-in one with 。", () => {
    expect(headingText("网站管理不到位。", false)).toBe("网站管理不到位");
    expect(headingText("网站管理不到位", true)).toBe("网站管理不到位。");
    expect(headingText("为什么？", true)).toBe("为什么？");
  });
  it("counts points 一是、二是…十一是", () => {
    expect([1, 2, 11].map(pointOrdinal)).toEqual(["一是", "二是", "十一是"]);
  });
});

describe("title lines (GB/T 9704 7.3.1)", () => {
  const style = { size: 22 };
  const titles: [string, string[]][] = [
    ["湛江市人民政府办公室关于2021年第一季度全市政府网站与政务新媒体检查情况的通报", ["湛江市人民政府办公室", "2021年第一季度", "全市"]],
    ["广东省人民政府办公厅关于2019年第一季度全省政府网站检查情况的通报", ["广东省人民政府办公厅", "2019年第一季度", "全省"]],
    ["某某自治州人民政府办公室关于进一步加强和规范全州政府网站与政务新媒体内容保障和安全管理工作情况的通报", ["某某自治州人民政府办公室"]],
  ];
  it.each(titles)("%s: fewest lines that fit, words whole, no line ending in 的, 梯形 or 菱形", (title, keep) => {
    const lines = titleLines(title, TEXT_WIDTH, style, keep);
    expect(lines.join("")).toBe(title);
    expect(lines.length).toBe(Math.ceil(textWidth(title, style) / TEXT_WIDTH));
    for (const line of lines) {
      expect(textWidth(line, style)).toBeLessThanOrEqual(TEXT_WIDTH);
      expect(line.endsWith("的")).toBe(false);
    }
    for (const word of [...keep, "政府网站", "政务新媒体"]) {
      if (title.includes(word)) expect(lines.some((l) => l.includes(word))).toBe(true);
    }
    const widths = lines.map((l) => textWidth(l, style));
    const peak = widths.indexOf(Math.max(...widths));
    const shaped = widths.every((w, i) => i === 0 || (i <= peak ? w >= widths[i - 1]! : w <= widths[i - 1]!)) || widths.every((w, i) => i === 0 || w <= widths[i - 1]!);
    expect(shaped).toBe(true);
  });
  it("leaves a short title on one line", () => {
    expect(titleLines("关于政府网站检查情况的通报", TEXT_WIDTH, style)).toEqual(["关于政府网站检查情况的通报"]);
  });
});

describe("line breaking as LibreOffice does it", () => {
  const body = { size: 16, spacing: -5 };
  it("sets 28 characters on a full line and 26 after a two-character indent", () => {
    const text = "一".repeat(60);
    expect(breakLines(text, TEXT_WIDTH, body).map((l) => l.length)).toEqual([28, 28, 4]);
    expect(breakLines(text, TEXT_WIDTH, body, 630)[0]!.length).toBe(26);
  });
  it("hangs ，。、 past the line's end and carries the character before any other closing mark", () => {
    expect(breakLines(`${"一".repeat(28)}，二`, TEXT_WIDTH, body)[0]).toBe(`${"一".repeat(28)}，`);
    expect(breakLines(`${"一".repeat(28)}》二`, TEXT_WIDTH, body)[1]).toBe("一》二");
  });
  it("keeps runs of digits whole and an opening mark with what it opens", () => {
    const lines = breakLines(`${"一".repeat(26)}（2019）`, TEXT_WIDTH, body);
    expect(lines[1]).toBe("（2019）");
  });
});

describe("pagination from exact line heights", () => {
  const line = (count: number, extra: Partial<Box & { kind: "lines" }> = {}): Box => ({ kind: "lines", before: 0, count, height: 579, ...extra });
  it("fills 22 lines to a page", () => {
    expect(paginate([line(22)])).toEqual({ pages: 1, used: 22 * 579 });
    expect(paginate([line(23)])).toEqual({ pages: 2, used: 579 });
  });
  it("starts a page at a page break and moves a kept heading with its paragraph", () => {
    expect(paginate([line(3), line(1, { pageBreakBefore: true })]).pages).toBe(2);
    expect(paginate([line(21), line(1, { keepNext: true }), line(3)])).toEqual({ pages: 2, used: 4 * 579 });
  });
  it("repeats a table's header row on each page and never splits a row", () => {
    expect(paginate([line(20), { kind: "table", header: 400, rows: [800, 800] }])).toEqual({ pages: 2, used: 400 + 1600 });
  });
});

describe("column widths from content", () => {
  const table = (columns: string[], rows: string[][]) => ({ columns: columns.map((header) => ({ header })), rows: rows.map((r) => r.map((t) => ({ lines: [t] }))) });
  it("fills the 版心 exactly and gives short columns their full width first", () => {
    const plan = planColumns(table(["序号", "网站名称", "网站标识码"], [["1", "茂名市质量技术监督局网站", "4409000013"]]), { size: 14 }, { size: 14 });
    expect(plan.landscape).toBe(false);
    expect(plan.widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(plan.widths[2]!).toBeGreaterThan(textWidth("4409000013", { size: 14 }));
  });
  it("turns to landscape only when what cannot wrap does not fit", () => {
    const many = Array.from({ length: 13 }, (_, i) => `第${i}列标题`);
    expect(planColumns(table(many, [many.map(() => "是")]), { size: 14 }, { size: 14 }).landscape).toBe(true);
    expect(planColumns(table(many.slice(0, 9), [many.slice(0, 9).map(() => "是")]), { size: 14 }, { size: 14 }).landscape).toBe(false);
  });
});
