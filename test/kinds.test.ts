import { describe, expect, it } from "vitest";
import { Diagnostics, objectLocator } from "../src/diagnostics/index.js";
import type { ListData } from "../src/input/circular-data.js";
import { resolveKinds } from "../src/input/kinds.js";
import { checkRows } from "../src/input/rows.js";
import { circular } from "./helpers/base.js";
import { at, compileYaml } from "./helpers/place.js";

const problems = (rows: string, kind = "website") => `lists:\n  problems:\n    kind: ${kind}\n    label: 问题网站\n    rows:\n${rows}`;

describe("rows are checked against their kind", () => {
  it("a key the kind does not declare is an error at the key, with the field meant", async () => {
    const yaml = circular(problems('      - { name: 甲网站, sitecode: "4402820020" }\n'));
    const r = await compileYaml(yaml);
    expect(r.lines).toEqual([`${at(yaml, "sitecode")}: 错误：不认识的字段 sitecode（问题网站第 1 行，种类 website） ｜ 是否想写 siteCode？`]);
  });

  it("a key written as the field's Chinese label points to the field's name", async () => {
    const yaml = circular(problems("      - { 网站名称: 甲网站, name: 甲 }\n"));
    const r = await compileYaml(yaml);
    expect(r.lines).toEqual([`${at(yaml, "网站名称")}: 错误：不认识的字段 网站名称（问题网站第 1 行，种类 website） ｜ “网站名称”是字段 name 的中文名，请写 name`]);
  });

  it("a 网站标识码 typed without quotes, and one of the wrong length", async () => {
    const yaml = circular(problems("      - { name: 甲网站, siteCode: 0440282002 }\n      - { name: 乙网站, siteCode: \"440282002\" }\n"));
    const r = await compileYaml(yaml);
    expect(r.lines).toEqual([
      `${at(yaml, "0440282002")}: 错误：问题网站第 1 行的网站标识码（siteCode）应当是10 位数字的网站标识码（加引号），这里写的是数字 440282002 ｜ YAML 把没有引号的 0440282002 读成了数字，请加引号：siteCode: "0440282002"`,
      `${at(yaml, '"440282002"')}: 错误：问题网站第 2 行的网站标识码应为 10 位数字，这里是 440282002 ｜ 核对网站标识码；它由 10 位数字组成`,
    ]);
  });

  it("a required field left out, a value not among the allowed ones, 是/否 for yes/no", async () => {
    const kinds = `kinds:\n  unit:\n    fields:\n      unit: { type: text, required: true }\n      level: { type: text, values: [市, 县] }\n      late: yesno\n`;
    const yaml = circular(`${kinds}lists:\n  units:\n    kind: unit\n    rows:\n      - { level: 市, late: 是 }\n      - { unit: 乙, level: 省, late: 否 }\n`);
    const r = await compileYaml(yaml);
    expect(r.lines).toEqual([
      `${at(yaml, "{ level: 市")}: 错误：unit第 1 行缺少unit ｜ 每行都要写 unit`,
      `${at(yaml, "省")}: 错误：unit第 2 行的level只能是 市、县 之一，这里写的是“省”`,
    ]);
  });

  it("text typed as a number is text when nothing is lost, an error when digits would be", async () => {
    const kinds = `kinds:\n  unit:\n    fields:\n      unit: text\n      code: text\n`;
    const ok = await compileYaml(circular(`${kinds}lists:\n  units:\n    kind: unit\n    rows:\n      - { unit: 110, code: abc }\n`));
    expect(ok.compiled?.figures.lists.get("units")?.rows[0]).toMatchObject({ unit: "110" });
    const yaml = circular(`${kinds}lists:\n  units:\n    kind: unit\n    rows:\n      - { unit: 甲, code: 0440 }\n`);
    expect((await compileYaml(yaml)).lines[0]).toContain(`${at(yaml, "0440")}: 错误：unit第 1 行的code应当是文字，这里写的是数字 440 ｜ YAML 把没有引号的 0440 读成了数字`);
  });

  it("the same object twice within a list is an error at the second; in two lists it is not", async () => {
    const row = "      - { name: 甲网站, host: 甲局 }\n";
    const yaml = circular(problems(row + row));
    const r = await compileYaml(yaml);
    const second = yaml.indexOf(row) + row.length;
    const line = yaml.slice(0, second).split("\n").length;
    expect(r.lines).toEqual([`${line}:9: 错误：问题网站“甲网站”列了两次（第 1 行和第 2 行） ｜ 网站名称、主办单位、地区都相同；删去重复的一行`]);
    const twoLists = circular(`${problems(row)}  national:\n    kind: website\n    rows:\n${row}`);
    expect((await compileYaml(twoLists)).lines).toEqual([]);
  });

  it("rows sharing a name are the same object only if every identity field agrees; a third copy names the first", async () => {
    const rows = ["      - { name: 甲网站, host: 甲局 }\n", "      - { name: 甲网站, host: 乙局 }\n", "      - { name: 甲网站, host: 甲局 }\n", "      - { name: 甲网站, host: 甲局 }\n"];
    const r = await compileYaml(circular(problems(rows.join(""))));
    expect(r.lines.map((l) => l.replace(/^\d+:\d+: /, ""))).toEqual([
      "错误：问题网站“甲网站”列了两次（第 1 行和第 3 行） ｜ 网站名称、主办单位、地区都相同；删去重复的一行",
      "错误：问题网站“甲网站”列了两次（第 1 行和第 4 行） ｜ 网站名称、主办单位、地区都相同；删去重复的一行",
    ]);
  });

  it("a 网站标识码 used twice in a list", async () => {
    const yaml = circular(problems('      - { name: 甲, siteCode: "4402820020" }\n      - { name: 乙, siteCode: "4402820020" }\n'));
    const r = await compileYaml(yaml);
    expect(r.lines).toEqual([`${at(yaml, '"4402820020"', "乙")}: 错误：网站标识码 4402820020 重复（与第 1 行相同） ｜ 每个对象的网站标识码唯一，请核对`]);
  });
});

describe("kinds declared in data", () => {
  it("extends a built-in kind with an office's own fields and a computed one", async () => {
    const kinds = "kinds:\n  scored:\n    extends: website\n    fields:\n      bonus: { type: number, default: 0 }\n      score: { type: number, formula: 100 + bonus }\n";
    const r = await compileYaml(circular(`${kinds}lists:\n  sites:\n    kind: scored\n    rows:\n      - { name: 甲, bonus: 5 }\n      - { name: 乙 }\n`));
    expect(r.lines).toEqual([]);
    expect(r.compiled!.figures.lists.get("sites")!.rows.map((x) => x.score)).toEqual([105, 100]);
  });

  it("a stated value of a computed field is checked against its formula", async () => {
    const kinds = "kinds:\n  scored:\n    extends: website\n    fields:\n      bonus: number\n      score: { type: number, formula: 100 + bonus }\n";
    const yaml = circular(`${kinds}lists:\n  sites:\n    kind: scored\n    rows:\n      - { name: 甲, bonus: 5, score: 106 }\n`);
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "106")}: 错误：网站第 1 行的score写的是 106，但按公式 100 + bonus 计算得 105 ｜ 改正其中一处；若按另一种口径计算，写成 { value: …, method: 口径说明 }`]);
  });

  it("an unknown kind, an unknown base, a built-in redeclared", async () => {
    const yaml = circular("kinds:\n  website:\n    fields: { x: text }\n  mine:\n    extends: webiste\nlists:\n  a:\n    kind: acount\n    rows: []\n");
    const r = await compileYaml(yaml);
    expect(r.lines).toEqual([
      `${at(yaml, "website:")}: 错误：website 是内置种类，不能重新声明 ｜ 另取一个名字，用 extends: website 在它上面增加字段`,
      `${at(yaml, "webiste")}: 错误：没有名为 webiste 的种类 ｜ 是否想写 website？`,
      `${at(yaml, "acount")}: 错误：没有名为 acount 的种类 ｜ 是否想写 account？`,
    ]);
  });
});

describe("a list's checked rows", () => {
  const kinds = resolveKinds({ unit: { fields: { unit: { type: "text", required: true }, code: "text", staff: "integer", late: { type: "yesno", default: true }, areas: "list", since: "date" } } }, new Diagnostics());
  const check = (rows: Record<string, unknown>[]) => {
    const diagnostics = new Diagnostics();
    const list = checkRows("units", { kind: "unit", rows } as ListData, kinds.get("unit")!, diagnostics, objectLocator("data"));
    return { rows: list.rows, codes: diagnostics.all.map((d) => d.code) };
  };

  it("hold every field, in the kind's order, a field left out (or null) holding its default or its empty value", () => {
    const { rows, codes } = check([{ since: "2024-09-20", unit: "甲", staff: 3 }, { unit: "乙", code: null, late: false, areas: ["东区"] }]);
    expect(codes).toEqual([]);
    expect(rows.map((r) => Object.entries(r))).toEqual([
      [["unit", "甲"], ["code", ""], ["staff", 3], ["late", true], ["areas", []], ["since", "2024-09-20"]],
      [["unit", "乙"], ["code", ""], ["staff", null], ["late", false], ["areas", ["东区"]], ["since", null]],
    ]);
  });

  it("leave out a field whose value is wrong, and a required one not written, rather than hold a stand-in", () => {
    const { rows, codes } = check([{ code: "A1", staff: "三" }, { unit: " ", staff: 2.5 }]);
    expect(codes).toEqual(["field-type", "missing-field", "field-type", "missing-field"]);
    expect(rows.map((r) => Object.keys(r))).toEqual([
      ["code", "late", "areas", "since"],
      ["unit", "code", "late", "areas", "since"],
    ]);
  });
});
