import { describe, expect, it } from "vitest";
import { circular } from "./helpers/base.js";
import { at, compileYaml } from "./helpers/place.js";
import { compile, textOf } from "../src/index.js";
import { DEFAULT_PROFILE, planCircular } from "../src/plan/index.js";

const units = `kinds:
  unit:
    fields:
      unit: { type: text, required: true }
      level: { type: text, values: [区, 部门] }
      due: integer
      onTime: integer
      rate: { type: number, formula: "percent(onTime, due)" }
lists:
  units:
    kind: unit
    rows:
      - { unit: 甲区, level: 区, due: 100, onTime: 95 }
      - { unit: 乙部门, level: 部门, due: 50, onTime: 50 }
      - { unit: 丙区, level: 区, due: 200, onTime: 150 }
`;
const table = (columns: string, extra = "") => `attachments:\n  - title: 统计表\n    rows: units\n${extra}    columns:\n${columns}`;
const cells = (r: Awaited<ReturnType<typeof compileYaml>>) => {
  const t = r.compiled!.model.attachments[0]!.table;
  return [...t.rows, ...(t.total ? [t.total] : [])].map((row) => row.map((c) => (c === null ? null : textOf(c).replace(/\n/g, "/"))));
};

describe("tables from any list", () => {
  it("computed columns, a filter, a sort, and a 合计 row that recomputes rates from the totals", async () => {
    const columns = [
      "      - { header: 序号, number: true }",
      "      - { header: 单位, field: unit }",
      "      - { header: 应办结, field: due, sum: true }",
      "      - { header: 按期, field: onTime, sum: true }",
      "      - { header: 按期率, field: rate, format: percent, sum: true }",
      "      - { header: 未按期, formula: due - onTime, sum: true }",
      '      - { header: 占比, formula: "percent(onTime, figures.all)", format: percent, digits: 2 }',
    ].join("\n");
    const r = await compileYaml(circular(`${units}figures:\n  all: sum(units, onTime)\n${table(`${columns}\n`, "    where: due >= 100 or level = \"部门\"\n    sort: [level, -rate]\n    total: 合计\n")}`));
    expect(r.lines).toEqual([]);
    expect(cells(r)).toEqual([
      ["1", "甲区", "100", "95", "95%", "5", "32.2%"],
      ["2", "丙区", "200", "150", "75%", "50", "50.85%"],
      ["3", "乙部门", "50", "50", "100%", "0", "16.95%"],
      ["合计", null, "350", "295", "84.3%", "55", ""],
    ]);
  });

  it("a column field the rows do not have is an error at the field, never an empty column", async () => {
    const yaml = circular(`${units}${table("      - { header: 单位, field: nuit }\n")}`);
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "nuit")}: 错误：列“单位”的字段 nuit 不在unit（units）的行里 ｜ 是否想写 unit？`]);
  });

  it("a cell template naming a field the rows do not have, at its column", async () => {
    const yaml = circular(`${units}${table('      - { header: 单位, value: "{{unit}}（{{levle}}）" }\n')}`);
    expect((await compileYaml(yaml)).lines).toEqual([`${at(yaml, "levle")}: 错误：第 1 行：不认识的名称 levle ｜ 是否想写 level？`]);
  });

  it("a column that says two things, an unknown row source, a sum of text", async () => {
    const yaml = circular(`${units}attachments:\n  - title: 表一\n    rows: units\n    total: 合计\n    columns:\n      - { header: 单位, field: unit, number: true }\n      - { header: 名称, field: unit, sum: true }\n  - title: 表二\n    rows: unitz\n    columns:\n      - { header: 序号, number: true }\n`);
    expect((await compileYaml(yaml)).lines).toEqual([
      `${at(yaml, "{ header: 单位")}: 错误：列“单位”要写 field、value、formula、number 四者之一（现在写了 2 个） ｜ field 写字段名；value 写单元格模板；formula 写公式；number: true 表示序号列`,
      `${at(yaml, "unitz")}: 错误：附件2的行来源 unitz 在数据里没有 ｜ 是否想写 units？`,
    ]);
  });
});

describe("a table's objects keep one shape", () => {
  // Code compiled for one table serves the next only if their cells and rows are of one shape: a spanning cell made
  // without one of its spans, or the row kept with the 注 that gains keepNext, would send a long table's loops back
  // to the interpreter.
  it("every model cell is its text alone or a spanning cell with both spans, and every plan row carries keepNext, merged, 合计 and kept rows included", async () => {
    const { model } = await compile("data/jiangzhou-2024-q3-hotline.yaml");
    const table = model.attachments[0]!.table;
    expect(Object.keys(table)).toEqual(["columns", "rows", "total"]);
    const modelCells = [...table.rows, table.total!].flat().filter((c) => c !== null);
    const spanning = modelCells.filter((c) => typeof c !== "string");
    expect(spanning.some((c) => c.rowSpan! > 1) && spanning.some((c) => c.colSpan! > 1)).toBe(true);
    expect(spanning.every((c) => c.rowSpan! > 1 || c.colSpan! > 1)).toBe(true);
    expect(new Set(spanning.map((c) => Object.keys(c).join()))).toEqual(new Set(["text,rowSpan,colSpan"]));
    const plan = planCircular(model, DEFAULT_PROFILE);
    const planned = plan.sections.flatMap((s) => s.blocks).filter((b) => b.kind === "table");
    const rows = planned.flatMap((t) => [t.header, ...t.rows]);
    expect(rows.some((r) => r.keepNext)).toBe(true);
    expect(new Set(rows.map((r) => Object.keys(r).join()))).toEqual(new Set(["cells,height,keepNext,page,y"]));
  });
});
