import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tongbao, ROOT } from "./helpers/cli.js";

const example = readFileSync(join(ROOT, "data/guangdong-2019-q1.yaml"), "utf8");

/** Line (1-based) of the first occurrence of `text` in `source`, and its column. */
function position(source: string, text: string): { line: number; col: number } {
  const at = source.indexOf(text);
  if (at < 0) throw new Error(`${text} not in source`);
  const before = source.slice(0, at).split("\n");
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** Writes a broken copy of the example into a fresh folder and builds it into an output folder there. */
function buildBroken(edit: (source: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-bad-"));
  const source = edit(example);
  writeFileSync(join(dir, "broken.yaml"), source);
  const out = join(dir, "out");
  const result = tongbao(["build", join(dir, "broken.yaml"), "-o", out], { cwd: dir });
  const written = (() => {
    try {
      return readdirSync(out);
    } catch {
      return [];
    }
  })();
  return { ...result, source, written, file: join(dir, "broken.yaml") };
}

describe("bad input is reported with file:line:col in Chinese, exit 1, and nothing written", () => {
  it("YAML syntax error", () => {
    const r = buildBroken((s) => s.replace("  sender: 广东省人民政府办公厅", "  sender: 广东省人民政府办公厅\n   approver: [张虎"));
    const at = position(r.source, "广东省人民政府办公厅\n   approver");
    expect(r.code).toBe(1);
    // The line that runs on into the next one is where the structure breaks.
    expect(r.stderr).toContain(`${r.file}:${at.line}:${at.col}: 错误：YAML 语法错误：这里不能写成键`);
    expect(r.stderr.match(/^\S+:\d+:\d+: 错误/gm)).toHaveLength(1);
    expect(r.written).toEqual([]);
  });

  it("schema violation: a quarter out of range and a misspelt key, both reported", () => {
    const r = buildBroken((s) => s.replace("quarter: 1 }", "quarter: 5 }").replace("recipients:", "recipient:"));
    expect(r.code).toBe(1);
    const quarter = position(r.source, "5 }");
    expect(r.stderr).toContain(`${r.file}:${quarter.line}:${quarter.col}: 错误：季度（period.quarter）不能大于 4，这里写的是 5`);
    const key = position(r.source, "recipient:");
    expect(r.stderr).toContain(`${r.file}:${key.line}:${key.col}: 错误：不认识的字段 recipient`);
    expect(r.stderr).toContain("提示：是否想写 recipients？");
    expect(r.written).toEqual([]);
  });

  it("missing template field: names the expression and points at the text that uses it", () => {
    const r = buildBroken((s) => s.replace("已缩减至{{sites.running}}家", "已缩减至{{sites.runing}}家"));
    expect(r.code).toBe(1);
    const at = position(r.source, "sites.runing}}");
    expect(r.stderr).toContain(`${r.file}:${at.line}:${at.col}: 错误：不认识的名称 sites.runing\n    提示：是否想写 sites.running？`);
    expect(r.written).toEqual([]);
  });

  it("unquoted 网站标识码: read as a number, the hint says to quote it and keeps the leading zero", () => {
    const r = buildBroken((s) => s.replace('siteCode: "4402820020"', "siteCode: 0440282002"));
    expect(r.code).toBe(1);
    const at = position(r.source, "0440282002");
    expect(r.stderr).toContain(`${r.file}:${at.line}:${at.col}: 错误：问题网站第 1 行的网站标识码（siteCode）应当是10 位数字的网站标识码（加引号），这里写的是数字 440282002`);
    expect(r.stderr).toContain('请加引号：siteCode: "0440282002"');
    expect(r.written).toEqual([]);
  });

  it("a seal image that is not there", () => {
    const r = buildBroken((s) => s.replace("date: 2019-03-20\n", "date: 2019-03-20\nseal: { image: seals/none.png }\n"));
    const at = position(r.source, "seals/none.png");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${r.file}:${at.line}:${at.col}: 错误：印章图片 .*seals/none.png 不存在`));
    expect(r.written).toEqual([]);
  });

  it("a failed rebuild leaves the previous good file untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-keep-"));
    const file = join(dir, "c.yaml");
    writeFileSync(file, example);
    expect(tongbao(["build", file, "-o", dir]).code).toBe(0);
    const good = readFileSync(join(dir, "c.docx"));
    writeFileSync(file, example.replace("quarter: 1 }", "quarter: 9 }"));
    expect(tongbao(["build", file, "-o", dir]).code).toBe(1);
    expect(readFileSync(join(dir, "c.docx")).equals(good)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["c.docx", "c.yaml"]);
  });
});

describe("command line usage", () => {
  it("exits 2 with help on bad usage, 0 on --help", () => {
    expect(tongbao([]).code).toBe(2);
    const unknown = tongbao(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("不认识的命令：frobnicate");
    expect(tongbao(["build"]).code).toBe(2);
    expect(tongbao(["build", "--bogus", "x.yaml"]).code).toBe(2);
    const help = tongbao(["build", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("用法：tongbao build");
    expect(tongbao(["check", "--help"]).stdout).toContain("用法：tongbao check");
  });

  it("check validates every file and exits 0 on the examples", () => {
    const r = tongbao(["check", "data/guangdong-2019-q1.yaml", "data/chaozhou-2020-q3.yaml", "data/zhanjiang-2021-q1.yaml", "data/jiangzhou-2024-q3-hotline.yaml"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.match(/通过：/g)).toHaveLength(4);
  });

  it("a missing file is an error with its name", () => {
    const r = tongbao(["check", "data/no-such.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("data/no-such.yaml:1:1: 错误：数据文件 data/no-such.yaml 不存在");
  });
});
