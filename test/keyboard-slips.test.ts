import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findSlips } from "../src/source/keyboard-slips.js";
import { circular } from "./helpers/base.js";
import { ROOT } from "./helpers/cli.js";
import { at, compileYaml, replaceOnce } from "./helpers/place.js";

const base = circular("deadline: 2024-11-15\n");

/** The only diagnostics of a file with one slip: the slip, at the character, with the fix. */
async function slipped(from: string, to: string, needle = to) {
  const yaml = replaceOnce(base, from, to);
  return { yaml, lines: (await compileYaml(yaml)).lines, at: at(yaml, needle) };
}

describe("the slips of a Chinese keyboard, each with its own message at its own column", () => {
  it.each([
    ["a full-width colon after a key", "deadline: ", "deadline：", "：", "键 deadline 后面用了全角冒号“：” ｜ 把全角冒号“：”改成半角冒号“:”，后面加一个空格"],
    ["no space after a colon", "deadline: ", "deadline:", "2024-11-15", "键 deadline 的冒号“:”后面缺少空格 ｜ 在冒号后面加一个半角空格，如 deadline: 2024-11-15"],
    ["a full-width space after a colon", "deadline: ", "deadline:　", "　", "键 deadline 的冒号后面是全角空格“　” ｜ 把冒号后面的全角空格换成半角空格"],
    ["a full-width comma in braces", "year: 2024, quarter", "year: 2024，quarter", "，", "方括号或花括号里用了全角逗号“，”分隔 ｜ 把全角逗号“，”改成半角逗号“,”，后面加一个空格"],
    ["a full-width colon in braces", "quarter: 3", "quarter：3", "：", "键 quarter 后面用了全角冒号“：” ｜ 把全角冒号“：”改成半角冒号“:”，后面加一个空格"],
    ["full-width brackets", "recipients: [各区人民政府]", "recipients: ［各区人民政府］", "［", "用了全角方括号“［” ｜ 列表和对象要用半角括号 [ ] 和 { }"],
    ["a quote closed full-width", '"正文。"', '"正文。”', "”", "引号不配对：开头是半角引号“\"”，结尾是全角引号“”” ｜ 结尾也用半角引号 \""],
    ["full-width spaces as indentation", "title: { subject: 政府网站检查情况 }", "title:\n　　subject: 政府网站检查情况", "　　subject", "行首用了全角空格“　”缩进 ｜ 缩进要用半角空格：把每个全角空格换成两个半角空格"],
    ["a tab as indentation", "title: { subject: 政府网站检查情况 }", "title:\n\tsubject: 政府网站检查情况", "\tsubject", "行首用了 Tab 缩进 ｜ YAML 只能用空格缩进：把 Tab 换成空格（同一层对齐，下一层多缩进两个空格）"],
  ])("%s", async (_, from, to, needle, message) => {
    const r = await slipped(from, to, needle);
    expect(r.lines).toEqual([`${r.at}: 错误：YAML 输入错误：${message}`]);
  });

  it("every slip in a file and an independent syntax error, in one run", async () => {
    let yaml = replaceOnce(base, "deadline: ", "deadline：");
    yaml = replaceOnce(yaml, "year: 2024, quarter", "year: 2024，quarter");
    yaml = replaceOnce(yaml, "signature: 某市人民政府办公室", "signature: 某市人民政府办公室\nsignature: 又写了一次");
    const { lines } = await compileYaml(yaml);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${at(yaml, "，")}: 错误：YAML 输入错误：方括号或花括号里用了全角逗号`)),
      expect.stringMatching(new RegExp(`^${at(yaml, "signature: 又")}: 错误：YAML 语法错误：同一层里出现了重复的键`)),
      expect.stringMatching(new RegExp(`^${at(yaml, "：")}: 错误：YAML 输入错误：键 deadline 后面用了全角冒号`)),
    ]);
  });

  it("text that only looks like a slip is left alone: Chinese colons and commas in values, URLs, times, block text", () => {
    const yaml = [
      "note: 联系人：张三，电话：12345",
      "url: https://www.gov.cn/a:b",
      "body:",
      "  - 时间 10:30，地点：会议室",
      "  - [甲，乙]",
      "  - “放管服”改革：继续推进",
      "  - text: |",
      "      deadline：这里是正文",
      "      　　全角空格开头的正文",
      "title: { subject: 关于“互联网+政务服务”的通报 }",
    ].join("\n");
    expect(findSlips(yaml)).toEqual([]);
  });

  it("no slip in any example, nor in the starter file", () => {
    const files = [...readdirSync(join(ROOT, "data")).filter((f) => f.endsWith(".yaml")).map((f) => join(ROOT, "data", f)), join(ROOT, "templates/starter.yaml")];
    for (const file of files) expect(findSlips(readFileSync(file, "utf8")), file).toEqual([]);
  });

  it("a line of 200,000 characters is scanned in one pass", () => {
    expect(findSlips(`note: [${"{a, ".repeat(50_000)}`)).toEqual([]);
    expect(findSlips(`${" ".repeat(100_000)}x`)).toEqual([]);
  });
});
