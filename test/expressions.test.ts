import { describe, expect, it } from "vitest";
import { circular } from "./helpers/base.js";
import { at, compileYaml } from "./helpers/place.js";

const lists = `lists:\n  problems:\n    kind: website\n    rows:\n      - { name: 甲网, issues: [错别字] }\ngroups:\n  sites:\n    checked: 10\n    failures: [problems]\n`;

describe("every name in every expression is resolved before rendering", () => {
  it("an unknown name is an error at the expression, with the nearest known name", async () => {
    const yaml = circular(lists, "合格率{{percent sites.pasRate}}。");
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "sites.pasRate")}: 错误：不认识的名称 sites.pasRate ｜ 是否想写 sites.passRate？`]);
  });

  it("names in headings, points, attachment titles and notes are checked too, all in one run", async () => {
    const yaml = `${circular(lists)}  - heading: 问题{{sites.problemcount}}个\n    body:\n      - points: ["共{{figures.x}}项"]\nattachments:\n  - title: "{{period periodd}}名单"\n    rows: problems\n    columns: [{ header: 序号, number: true }]\n    notes: ["采样{{dateRange sites.sampling}}"]\n`;
    expect((await compileYaml(yaml)).lines).toEqual([
      `${at(yaml, "sites.problemcount")}: 错误：不认识的名称 sites.problemcount ｜ 是否想写 sites.problemCount？`,
      `${at(yaml, "figures.x")}: 错误：不认识的名称 figures.x ｜ 这里没有可用的名称`,
      `${at(yaml, "periodd")}: 错误：不认识的名称 periodd ｜ 是否想写 period？`,
      `${at(yaml, "sites.sampling")}: 错误：不认识的名称 sites.sampling ｜ 这里可以用的名称有：sites.label、sites.unit、sites.checked、sites.problemCount、sites.passRate、sites.problems、sites.issueCounts`,
    ]);
  });

  it("a helper's misuse says which argument is wrong, at that argument", async () => {
    const yaml = circular(lists, "共{{percent sites.problems}}，{{join sites.checked}}，{{date deadlin}}。");
    expect((await compileYaml(yaml)).lines).toEqual([
      `${at(yaml, "sites.problems")}: 错误：percent 的第 1 个参数（数值）应当是数值，这里是有 1 项的列表 ｜ 用法：{{percent sites.passRate}} → 98.8%；digits=2 保留两位小数`,
      `${at(yaml, "sites.checked")}: 错误：join 的第 1 个参数（列表）应当是列表，这里是数值 10 ｜ 用法：{{join 列表}}、{{join 列表 "，"}}、{{join 列表 "、" "无"}}（列表为空时写第三个参数）`,
      `${at(yaml, "deadlin")}: 错误：不认识的名称 deadlin ｜ 这里可以用的名称有：issuer、period、title、recipients、signature、date、lists、figures、sites`,
    ]);
  });

  it("schema errors and expression errors are reported in the same run", async () => {
    const yaml = circular(`${lists}publicty: 主动公开\n`, "共{{sites.chekced}}个。");
    expect((await compileYaml(yaml)).lines).toEqual([
      `${at(yaml, "publicty")}: 错误：不认识的字段 publicty ｜ 是否想写 publicity？`,
      `${at(yaml, "sites.chekced")}: 错误：不认识的名称 sites.chekced ｜ 是否想写 sites.checked？`,
    ]);
  });

  it("prototype names are unknown names, not silent blanks; @root and lists are not text", async () => {
    const yaml = circular(lists, "{{constructor}}{{__proto__}}{{hasOwnProperty}}", "{{@root}}", "{{sites.problems}}", "{{issuer.length}}");
    const lines = (await compileYaml(yaml)).lines;
    expect(lines[0]).toBe(`${at(yaml, "constructor")}: 错误：不认识的名称 constructor ｜ 这里可以用的名称有：issuer、period、title、recipients、signature、date、lists、figures、sites`);
    expect(lines.slice(1, 3).map((l) => l.split(" ｜")[0])).toEqual([`${at(yaml, "__proto__")}: 错误：不认识的名称 __proto__`, `${at(yaml, "hasOwnProperty")}: 错误：不认识的名称 hasOwnProperty`]);
    expect(lines[3]).toBe(`${at(yaml, "@root")}: 错误：@root 是一组数据，不能直接写出 ｜ 写出其中的一项，如 {{@root.issuer}}`);
    expect(lines[4]).toBe(`${at(yaml, "sites.problems")}: 错误：sites.problems 是列表，不能直接写出 ｜ 写出列表用 {{join sites.problems}}，写出个数用 {{sites.problems.length}}`);
    expect(lines[5]).toMatch(/错误：不认识的名称 issuer.length/);
  });

  it("an unclosed expression is an error where it opens", async () => {
    const yaml = circular(lists, "共{{sites.checked}}个，合格率{{percent sites.passRate。");
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "{{percent")}: 错误：{{…}} 表达式写法有误 ｜ 检查 {{ 与 }} 是否成对、块（{{#if}}…{{/if}}）是否闭合、名称是否拼写正确`]);
  });

  it("a number left out of a row is reported, not printed blank", async () => {
    const kinds = "kinds:\n  unit:\n    fields: { unit: text, due: integer }\n";
    const yaml = circular(`${kinds}lists:\n  units:\n    kind: unit\n    rows:\n      - { unit: 甲, due: 5 }\n      - { unit: 乙 }\n`, "{{#each lists.units}}{{unit}}{{due}}{{/each}}");
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "due}}")}: 错误：due 没有填写，这里会是空白 ｜ 在数据里填上它，或用 {{#if …}} 只在填写时写出`]);
  });

  it("blank header fields are printed as written, marked as blanks", async () => {
    const telegram = "telegram:\n  mark: 某省发电\n  sender: 某省人民政府办公厅\n  priority: 特急·明电\n  docNumber: 某府办明电〔2024〕5号\n  dispatchNumber: { blank: 云机发　　号 }\n";
    const r = await compileYaml(circular(telegram));
    const header = r.compiled!.model.header;
    expect(header?.kind === "telegram" && header.grid[1]![2]).toEqual({ value: { text: "云机发　　号", blank: true } });
  });
});
