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
  expect(tongbao(["build", file, "-o", dir]).code).toBe(0);
  const before = readFileSync(join(dir, `${name}.docx`));
  const yaml = edit(source(name));
  writeFileSync(file, yaml);
  const result = tongbao(["build", file, "-o", dir]);
  const after = readFileSync(join(dir, `${name}.docx`));
  return { ...result, yaml, file, unchanged: before.equals(after), files: readdirSync(dir).sort() };
}

const expectStopped = (r: ReturnType<typeof rebuild>, position: string, message: string) => {
  expect(r.stderr).toContain(`${r.file}:${position}: 错误：${message}`);
  expect(r.code).toBe(1);
  expect(r.unchanged).toBe(true);
  expect(r.files.filter((f) => f.endsWith(".tmp"))).toEqual([]);
};

describe("cross-checks stop the build with the place and the reason", () => {
  it("a stated count that differs from the computed one", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "sites:\n", "sites:\n  running: 738\n"));
    expectStopped(r, at(r.yaml, "738"), "运行网站数写的是 738，但按各地统计（regions）合计得 737");
  });

  it("a region's stated problem count that the problem list does not give", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "{ region: 韶关, running: 40, checked: 40 }", "{ region: 韶关, running: 40, checked: 40, problemCount: 3 }"));
    expectStopped(r, at(r.yaml, "3 }", "region: 韶关"), "韶关的存在问题网站数写的是 3，但按问题网站名单计数得 2");
  });

  it("more sites checked than running", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "{ region: 珠海, running: 42, checked: 42 }", "{ region: 珠海, running: 42, checked: 43 }"));
    expectStopped(r, at(r.yaml, "43 }"), "珠海的抽查数 43 大于运行数 42");
  });

  it("a 网站标识码 that is not 10 digits", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, '"4402040001"', '"440204001"'));
    expectStopped(r, at(r.yaml, '"440204001"'), "网站标识码（sites.problems[1].siteCode）格式不正确：“440204001”");
  });

  it("a 网站标识码 used twice", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, '"4416240003"', '"4402820020"'));
    expectStopped(r, at(r.yaml, '"4402820020"', "和平县政府门户网站"), "网站标识码 4402820020 重复（与第 1 项“南雄市政府门户网站”相同）");
  });

  it("a row listed twice", () => {
    const row = "    - { name: 平安徐闻, host: 徐闻县政府, platform: 微信号, issues: [检测时间点前2周无更新] }\n";
    const r = rebuild("zhanjiang-2021-q1", (y) => replaceOnce(y, row, row + row));
    // At the second copy's mapping, after its "    - ".
    const secondCopy = r.yaml.indexOf(row) + row.length;
    const line = r.yaml.slice(0, secondCopy).split("\n").length;
    expectStopped(r, `${line}:7`, "问题账号“平安徐闻”重复（与第 6 项相同）");
  });

  it("附件说明 with more entries than attachments", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "  - 抽查发现存在突出问题的政府网站名单\n\nattachments:", "  - 抽查发现存在突出问题的政府网站名单\n  - 第三个附件\n\nattachments:"));
    // At the list itself: its first item.
    expectStopped(r, at(r.yaml, "- 各地政府网站抽查情况"), "附件说明列了 3 项，但有 2 个附件");
    expect(r.stderr).not.toContain("提醒");
  });

  it("印发日期 before 成文日期", () => {
    const r = rebuild("zhanjiang-2021-q1", (y) => replaceOnce(y, "printedOn: 2021-05-11", "printedOn: 2021-05-10"));
    expectStopped(r, at(r.yaml, "2021-05-10"), "印发日期 2021年5月10日 早于成文日期 2021年5月11日");
  });

  it("a rectification deadline before the 成文日期", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "deadline: 2019-03-30", "deadline: 2019-03-10"));
    expectStopped(r, at(r.yaml, "2019-03-10"), "整改期限 2019年3月10日 早于成文日期 2019年3月20日");
  });

  it("a quarter that does not match the sampling period", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "period: { year: 2019, quarter: 1 }", "period: { year: 2019, quarter: 3 }"));
    expectStopped(r, at(r.yaml, "{ from: 2019-02-21"), "采样时间与通报的2019年第三季度（2019年7月1日至2019年9月30日）不重合");
  });

  it("a problem site in a region the statistics do not list", () => {
    const r = rebuild("guangdong-2019-q1", (y) => replaceOnce(y, "- region: 揭阳\n", "- region: 揭西\n"));
    expectStopped(r, at(r.yaml, "揭西"), "地区“揭西”不在各地统计（regions）里");
  });

  it("a stated score that base + bonus − deduction does not give", () => {
    const r = rebuild("chaozhou-2020-q3", (y) => replaceOnce(y, "      bonus: 22\n      deduction: 13\n", "      bonus: 22\n      deduction: 13\n      score: 110\n"));
    expectStopped(r, at(r.yaml, "110"), "中国潮州政府网站的总分写的是 110，按基础分 + 加分 − 扣分计算得 109");
  });

  it("all of them at once", () => {
    const r = rebuild("guangdong-2019-q1", (y) =>
      replaceOnce(replaceOnce(y, '"4416240003"', '"4402820020"'), "deadline: 2019-03-30", "deadline: 2019-03-10"),
    );
    expect(r.stderr.match(/: 错误：/g)).toHaveLength(2);
    expect(r.code).toBe(1);
  });
});

describe("warnings a drafter may mean on purpose", () => {
  it("a rate computed another way is reported, and acknowledged it is not; the build goes on either way", () => {
    const ack = "acknowledge:\n  - check: rate-differs\n    at: sites.passRate\n    reason: 合格率按省政府网站考评得分计算，不是无问题网站的占比。\n";
    const r = rebuild("zhanjiang-2021-q1", (y) => replaceOnce(y, ack, ""));
    expect(r.stderr).toContain(`${r.file}:${at(r.yaml, "85", "passRate")}: 提醒：政府网站合格率写的是 85%，按数据计算是 91.5%`);
    expect(r.code).toBe(0);
    expect(r.unchanged).toBe(true); // the same document: a warning changes nothing in it
    const acknowledged = rebuild("zhanjiang-2021-q1", (y) => y);
    expect(acknowledged.stderr).toBe("");
  });

  it("附件说明 naming an attachment otherwise than its title", () => {
    const r = rebuild("guangdong-2019-q1", (y) => y.slice(0, y.indexOf("acknowledge:")));
    expect(r.stderr).toContain(`${r.file}:${at(r.yaml, "各地政府网站抽查情况")}: 提醒：附件说明第 1 项“各地政府网站抽查情况”与附件1的标题“各地、各部门政府网站抽查情况”不同`);
    expect(r.code).toBe(0);
  });

  it("an acknowledgement that no longer matches anything", () => {
    const r = rebuild("zhanjiang-2021-q1", (y) => replaceOnce(y, "  passRate: 85\n", ""));
    expect(r.stderr).toContain(`${r.file}:${at(r.yaml, "check: rate-differs")}: 提醒：登记的提醒（rate-differs @ sites.passRate）没有出现`);
    expect(r.code).toBe(0);
    expect(r.unchanged).toBe(false); // the rate is now the computed one
  });
});
