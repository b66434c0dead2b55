import { describe, expect, it } from "vitest";
import { circular } from "./helpers/base.js";
import { at, compileYaml } from "./helpers/place.js";

const regions = `  regions:
    kind: region
    rows:
      - { region: 甲市, running: 10, checked: 10 }
      - { region: 乙市, running: 20, checked: 18 }
      - { region: 省直, department: true, running: 5, checked: 5 }
`;
const problems = `  problems:
    kind: website
    rows:
      - { region: 甲市, name: 甲一网 }
      - { region: 甲市, name: 甲二网 }
      - { region: 省直, name: 省直网 }
`;
/** Found by another inspection: listed, not counted as failures. */
const national = `  national:
    kind: website
    rows:
      - { region: 乙市, name: 乙一网 }
`;
const sites = (extra = "") => `groups:\n  sites:\n    label: 政府网站\n    regions: regions\n    failures: [problems]\n${extra}`;

describe("a group's statistics come from its lists", () => {
  it("counts, rates, regions and cities; findings in other lists do not count as failures", async () => {
    const r = await compileYaml(circular(`lists:\n${regions}${problems}${national}${sites()}`));
    expect(r.lines).toEqual([]);
    const g = r.compiled!.figures.groups.get("sites")!.figures;
    expect({ running: g.running, checked: g.checked, problemCount: g.problemCount, passRate: g.passRate, samplingRate: g.samplingRate }).toEqual({
      running: 35,
      checked: 33,
      problemCount: 3,
      passRate: (30 / 33) * 100,
      samplingRate: (33 / 35) * 100,
    });
    expect(g.citiesWithProblems).toEqual(["甲市"]);
    expect(g.citiesWithoutProblems).toEqual(["乙市"]);
    expect(g.regionsWithProblems).toEqual(["甲市", "省直"]);
    expect(g.regions!.map((x) => [x.region, x.problemCount, x.passRate])).toEqual([["甲市", 2, 80], ["乙市", 0, 100], ["省直", 1, 80]]);
  });

  it("counting a second list as failures changes the rate: the definition is in the data", async () => {
    const r = await compileYaml(circular(`lists:\n${regions}${problems}${national}${sites().replace("[problems]", "[problems, national]")}`));
    expect(r.compiled!.figures.groups.get("sites")!.figures.problemCount).toBe(4);
  });

  it("per-region statistics for accounts, counted from the accounts' own regions", async () => {
    const accounts = "  accounts:\n    kind: account\n    rows:\n      - { region: 甲市, name: 甲发布 }\n      - { region: 甲市, name: 甲政务 }\n      - { region: 乙市, name: 乙发布 }\n  late:\n    kind: account\n    rows:\n      - { region: 甲市, name: 甲政务 }\n";
    const r = await compileYaml(circular(`lists:\n${accounts}groups:\n  newMedia:\n    objects: accounts\n    failures: [late]\n`));
    expect(r.compiled!.figures.groups.get("newMedia")!.figures.regions).toEqual([
      { region: "甲市", running: 2, checked: 2, problemCount: 1, passRate: 50 },
      { region: "乙市", running: 1, checked: 1, problemCount: 0, passRate: 100 },
    ]);
  });

  it("a stated count the lists do not give is an error at the stated value", async () => {
    const yaml = circular(`lists:\n${regions}${problems}${sites("    running: 36\n")}`);
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "36")}: 错误：政府网站运行数写的是 36，但按各地统计（regions）合计得 35 ｜ 改正其中一处；若按另一种口径计算，写成 { value: …, method: 口径说明 }`]);
  });

  it("a rate stated by another method is a warning, silenced when acknowledged", async () => {
    const stated = sites("    passRate: { value: 85, method: 按考评得分计算 }\n");
    const yaml = circular(`lists:\n${regions}${problems}${stated}`);
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "{ value: 85")}: 提醒：政府网站合格率按“按考评得分计算”写作 85，按（检查数 − 问题数）÷ 检查数是 90.91 ｜ 确属有意，请在 acknowledge 中登记：{ check: figure-method, at: …, reason: … }`]);
    const ack = "acknowledge:\n  - { check: figure-method, at: groups.sites.passRate, reason: 按省考评口径 }\n";
    expect((await compileYaml(circular(`lists:\n${regions}${problems}${stated}${ack}`))).lines).toEqual([]);
  });

  it("a problem in a region the statistics do not list, and more checked than running", async () => {
    const yaml = circular(`lists:\n${regions.replace("checked: 18", "checked: 21")}${problems.replace("{ region: 省直", "{ region: 丙市")}${sites()}`);
    expect((await compileYaml(yaml)).lines).toEqual([
      `${at(yaml, "21 }")}: 错误：乙市的政府网站检查数 21 大于运行数 20 ｜ 检查数不能超过运行（登记）数`,
      `${at(yaml, "丙市")}: 错误：地区“丙市”不在各地统计（regions）里 ｜ 是否想写 甲市？`,
    ]);
  });
});

describe("named figures", () => {
  const lists = `lists:\n${regions}${problems}${sites()}`;
  it("stated, computed, and stated figures checked against their formula", async () => {
    const figures = "figures:\n  handled: 1200\n  onTime: 1150\n  onTimeRate: percent(onTime, handled)\n  problems2: { value: 3, formula: count(problems) }\n  share: { value: 95.8, formula: \"percent(onTime, handled)\" }\n";
    const r = await compileYaml(circular(`${lists}${figures}`));
    expect(r.lines).toEqual([]);
    expect(Object.fromEntries([...r.compiled!.figures.named].map(([k, v]) => [k, v.value]))).toEqual({ handled: 1200, onTime: 1150, onTimeRate: (1150 / 1200) * 100, problems2: 3, share: 95.8 });
    expect(r.compiled!.figures.named.get("onTimeRate")!.uses).toEqual(["onTime", "handled"]);
  });

  it("a stated figure its formula does not give is an error at the value", async () => {
    const yaml = circular(`${lists}figures:\n  problems2: { value: 4, formula: count(problems) }\n`);
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "4, formula")}: 错误：数字 problems2写的是 4，但按公式 count(problems) 计算得 3 ｜ 改正其中一处；若按另一种口径计算，写成 { value: …, method: 口径说明 }`]);
  });

  it("a figure that depends on itself, and an unknown name at its character", async () => {
    const yaml = circular(`${lists}figures:\n  a: b + 1\n  b: a * 2\n  c: count(problms)\n`);
    expect((await compileYaml(yaml)).lines).toEqual([
      `${at(yaml, "b + 1")}: 错误：数字 a 的公式引用了自己：a → b → a ｜ 公式不能循环引用`,
      `${at(yaml, "problms")}: 错误：不认识的名称 problms ｜ 是否想写 problems？`,
    ]);
  });
});

describe("lists chosen from another list", () => {
  const units = `kinds:\n  unit:\n    fields:\n      unit: { type: text, required: true }\n      due: integer\n      onTime: integer\n      rate: { type: number, formula: "percent(onTime, due)" }\nlists:\n  units:\n    kind: unit\n    rows:\n      - { unit: 甲, due: 100, onTime: 99 }\n      - { unit: 乙, due: 100, onTime: 90 }\n      - { unit: 丙, due: 50, onTime: 40 }\n      - { unit: 丁, due: 10, onTime: 10 }\n`;
  it("where and sort, usable in prose, formulas and as a group's failures", async () => {
    const chosen = "  late:\n    of: units\n    where: rate < target\n    sort: rate\nfigures:\n  target: 95\ngroups:\n  offices:\n    objects: units\n    failures: [late]\n";
    const r = await compileYaml(circular(units + chosen, "{{names lists.late \"unit\"}}低于{{figures.target}}%，达标率{{percent offices.passRate}}。"));
    expect(r.lines).toEqual([]);
    expect(r.compiled!.model.body[0]).toEqual({ kind: "paragraph", text: "丙、乙低于95%，达标率50%。" });
  });

  it("a sort key that is not a field, and an unknown base list", async () => {
    const yaml = circular(`${units}  ranked:\n    of: units\n    sort: -rat\n  other:\n    of: unts\n`);
    expect((await compileYaml(yaml)).lines).toEqual([
      `${at(yaml, "-rat")}: 错误：排序的字段 rat 不在unit（units）的行里 ｜ 是否想写 rate？`,
      `${at(yaml, "unts")}: 错误：没有名为 unts 的清单 ｜ 是否想写 units？`,
    ]);
  });
});
