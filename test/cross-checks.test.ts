import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, tongbao } from "./helpers/cli.js";

const source = (name: string) => readFileSync(join(ROOT, `data/${name}.yaml`), "utf8");

/** 1-based line and column where `text` first occurs in `yaml` (after `after`, when given). */
function at(yaml: string, text: string, after = ""): string {
  const start = after ? yaml.indexOf(after) : 0;
  const offset = yaml.indexOf(text, start);
  if (start < 0 || offset < 0) throw new Error(`${text} not found`);
  const lines = yaml.slice(0, offset).split("\n");
  return `${lines.length}:${lines[lines.length - 1]!.length + 1}`;
}

function replaceOnce(yaml: string, from: string, to: string): string {
  if (!yaml.includes(from)) throw new Error(`${from} not in the example`);
  return yaml.replace(from, to);
}

/**
 * Builds an edited copy of an example into a folder that already holds a previous good output, and reports what
 * the command said and whether that output changed.
 */
function rebuild(name: string, edit: (yaml: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-check-"));
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, source(name));
  expect(tongbao(["build", file, "-o", dir], { cwd: dir }).code).toBe(0);
  const before = readFileSync(join(dir, `${name}.docx`));
  const yaml = edit(source(name));
  writeFileSync(file, yaml);
  const result = tongbao(["build", file, "-o", dir], { cwd: dir });
  const after = readFileSync(join(dir, `${name}.docx`));
  return { ...result, yaml, file, unchanged: before.equals(after), files: readdirSync(dir).sort() };
}

const expectStopped = (r: ReturnType<typeof rebuild>, position: string, message: string) => {
  expect(r.stderr).toContain(`${r.file}:${position}: 错误：${message}`);
  expect(r.code).toBe(1);
  expect(r.unchanged).toBe(true);
  expect(r.files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
};

describe("errors stop the build with the place and the reason, and nothing is written", () => {
  it("a row key the kind does not declare", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, 'siteCode: "4402040001"', 'sitecode: "4402040001"'));
    expectStopped(r, at(r.yaml, "sitecode"), "不认识的字段 sitecode（问题网站第 2 行，种类 website）\n    提示：是否想写 siteCode？");
  });

  it("a column field the rows do not have", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "{ header: 网站名称, field: name }", "{ header: 网站名称, field: nmae }"));
    expectStopped(r, at(r.yaml, "nmae"), "列“网站名称”的字段 nmae 不在问题网站（problems）的行里\n    提示：是否想写 name？");
  });

  it("an expression naming what the data does not have", () => {
    const r = rebuild("zhanjiang-2021-q1", (y) => replaceOnce(y, "{{newMedia.checked}}", "{{newMedia.checkd}}"));
    expectStopped(r, at(r.yaml, "newMedia.checkd"), "不认识的名称 newMedia.checkd\n    提示：是否想写 newMedia.checked？");
  });

  it("a stated figure its formula does not give", () => {
    const r = rebuild("jiangzhou-2024-q3-hotline", (y) => replaceOnce(y, "  overdueCount: count(overdue)\n", "  overdueCount: { value: 7, formula: count(overdue) }\n"));
    expectStopped(r, at(r.yaml, "7, formula"), "数字 overdueCount写的是 7，但按公式 count(overdue) 计算得 6");
  });

  it("a stated count the lists do not give", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "    regions: regions\n", "    regions: regions\n    running: 738\n"));
    expectStopped(r, at(r.yaml, "738"), "政府网站运行数写的是 738，但按各地统计（regions）合计得 737");
  });

  it("the same object twice within a list", () => {
    const row = "      - { name: 平安徐闻, host: 徐闻县政府, platform: 微信号, issues: [检测时间点前2周无更新] }\n";
    const r = rebuild("zhanjiang-2021-q1", (y) => replaceOnce(y, row, row + row));
    const line = r.yaml.slice(0, r.yaml.indexOf(row) + row.length).split("\n").length;
    expectStopped(r, `${line}:9`, "问题政务新媒体“平安徐闻”列了两次（第 6 行和第 7 行）");
  });

  it("more sites checked than running in a region", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "{ region: 珠海, running: 42, checked: 42 }", "{ region: 珠海, running: 42, checked: 43 }"));
    expectStopped(r, at(r.yaml, "43 }"), "珠海的政府网站检查数 43 大于运行数 42");
  });

  it("a problem site in a region the statistics do not list", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "- region: 揭阳\n", "- region: 揭西\n"));
    expectStopped(r, at(r.yaml, "揭西"), "地区“揭西”不在各地统计（regions）里\n    提示：是否想写 揭阳？");
  });

  it("附件说明 with more entries than attachments", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "  - 抽查发现存在突出问题的政府网站名单\n\nattachments:", "  - 抽查发现存在突出问题的政府网站名单\n  - 第三个附件\n\nattachments:"));
    expectStopped(r, at(r.yaml, "- 各地政府网站抽查情况"), "附件说明列了 3 项，但有 2 个附件");
  });

  it("印发日期 and 整改期限 before the 成文日期, and sampling outside the period", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(replaceOnce(y, "deadline: 2019-03-30", "deadline: 2019-03-10"), "printedOn: 2019-03-20", "printedOn: 2019-03-19"));
    expectStopped(r, at(r.yaml, "2019-03-10"), "整改期限 2019年3月10日 早于成文日期 2019年3月20日");
    expect(r.stderr).toContain(`${r.file}:${at(r.yaml, "2019-03-19")}: 错误：印发日期 2019年3月19日 早于成文日期 2019年3月20日`);
    const q3 = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "period: { year: 2019, quarter: 1 }", "period: { year: 2019, quarter: 3 }"));
    expectStopped(q3, at(q3.yaml, "{ from: 2019-02-21"), "政府网站的检查时间与通报的2019年第三季度（2019年7月1日至2019年9月30日）不重合");
  });
});

describe("warnings a drafter may mean on purpose", () => {
  it("a rate stated by another method is reported, and acknowledged it is not; the build goes on either way", () => {
    const ack = "acknowledge:\n  - check: figure-method\n    at: groups.sites.passRate\n    reason: 合格率按省政府网站考评得分计算，不是无问题网站的占比。\n";
    const r = rebuild("zhanjiang-2021-q1", (y) => replaceOnce(y, ack, ""));
    expect(r.stderr).toContain(`${r.file}:${at(r.yaml, "{ value: 85")}: 提醒：政府网站合格率按“按省政府网站考评得分计算”写作 85，按（检查数 − 问题数）÷ 检查数是 91.49`);
    expect(r.code).toBe(0);
    expect(r.unchanged).toBe(true); // the same document: a warning changes nothing in it
    expect(rebuild("zhanjiang-2021-q1", (y) => y).stderr).toBe("");
  });

  it("附件说明 naming an attachment otherwise than its title", () => {
    const r = rebuild("guangdong-2019-q1", (y) => y.slice(0, y.indexOf("acknowledge:")));
    expect(r.stderr).toContain(`${r.file}:${at(r.yaml, "各地政府网站抽查情况")}: 提醒：附件说明第 1 项“各地政府网站抽查情况”与附件1的标题“各地、各部门政府网站抽查情况”不同`);
    expect(r.code).toBe(0);
  });

  it("an acknowledgement that no longer matches anything", () => {
    const r = rebuild("zhanjiang-2021-q1", (y) => replaceOnce(y, "    passRate: { value: 85, method: 按省政府网站考评得分计算 }\n", ""));
    expect(r.stderr).toContain(`${r.file}:${at(r.yaml, "check: figure-method")}: 提醒：登记的提醒（figure-method @ groups.sites.passRate）没有出现`);
    expect(r.code).toBe(0);
    expect(r.unchanged).toBe(false); // the rate is now the computed one
  });
});
