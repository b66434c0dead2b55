import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, TongbaoError, type Diagnostic } from "../src/index.js";
import { readXlsx } from "../src/source/read-xlsx.js";
import { BASE } from "./helpers/base.js";
import { ROOT, tongbao } from "./helpers/cli.js";
import { encodeGb18030 } from "./helpers/encode.js";

/**
 * The fixture 问题网站.xlsx was saved by LibreOffice Calc from 问题网站.fods beside it (shared strings, styles, a
 * zero-padded 网站标识码 format, date cells, a title row above the header, a blank row, an extra 序号 column), as a
 * platform export or an office's own sheet would be.
 */
const FIXTURE = join(ROOT, "test/fixtures/sheets/问题网站.xlsx");

const kind = `kinds:
  checkedSite:
    extends: website
    fields:
      checkedOn: { type: date, label: 检查日期 }
      fixed: { type: yesno, label: 是否已整改 }
      deduction: { type: number, label: 扣分 }
`;
const rest = `groups:
  sites: { label: 政府网站, running: 40, checked: 40, failures: [problems] }
figures:
  lost: sum(problems, deduction)
body:
  - 发现问题网站{{sites.problemCount}}个，共扣{{figures.lost}}分：{{names lists.problems}}。
attachments:
  - title: 存在问题的政府网站
    rows: problems
    columns:
      - { header: 序号, number: true }
      - { header: 网站名称, field: name }
      - { header: 主办单位, field: host }
      - { header: 网站标识码, field: siteCode }
      - { header: 检查日期, value: "{{date checkedOn}}" }
      - { header: 存在的问题, value: "{{join issues \\"、\\" \\"无\\"}}" }
      - { header: 整改, value: "{{yesno fixed}}" }
      - { header: 扣分, field: deduction, sum: true }
    total: 合计
`;
const YAML_ROWS = `lists:
  problems:
    kind: checkedSite
    rows:
      - { name: 某县人民政府网, host: 某县人民政府, siteCode: "0440282002", checkedOn: 2024-09-20, issues: [首页栏目长期未更新, 存在错别字], fixed: true, deduction: 2.5 }
      - { name: 某市教育局网站, host: 某市教育局, siteCode: "4400000002", checkedOn: 2024-09-21, issues: [信息发布审核不严], fixed: false, deduction: 3 }
      - { name: 某区政务服务网, host: 某区政务服务数据管理局, siteCode: "4400000003", checkedOn: 2024-09-22, fixed: true, deduction: 0 }
`;
const fromTable = (from: string) => `lists:\n  problems:\n    kind: checkedSite\n    from:\n${from}`;
const XLSX_FROM = fromTable("      file: 问题网站.xlsx\n      sheet: 清单\n      columns: { fixed: 已整改 }\n");
const CSV = [
  "附件1 存在问题的政府网站名单（平台导出）",
  "序号,网站名称,主办 单位,网站标识码,检查日期,存在的问题,已整改,扣分",
  '1,某县人民政府网,某县人民政府,0440282002,2024/9/20,"首页栏目长期未更新、存在错别字",是,2.5',
  "2,某市教育局网站,某市教育局,4400000002,2024年9月21日,信息发布审核不严,否,3",
  ",,,,,,,",
  "3,某区政务服务网,某区政务服务数据管理局,4400000003,2024-09-22,,是,0",
].join("\r\n");

async function buildIn(yaml: string, files: Record<string, Uint8Array | string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-sheet-"));
  copyFileSync(FIXTURE, join(dir, "问题网站.xlsx"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, "data.yaml"), yaml);
  try {
    return { built: await build(join(dir, "data.yaml"), { root: dir }), errors: [] as Diagnostic[] };
  } catch (e) {
    if (!(e instanceof TongbaoError)) throw e;
    return { built: undefined, errors: e.diagnostics.filter((d) => d.severity === "error") };
  }
}

const line = (d: Diagnostic) => `${d.cell ? `${d.file}!${d.cell}` : `${d.line}:${d.col}`}: ${d.message}`;

describe("lists read from spreadsheets", () => {
  it("an .xlsx sheet and a GBK CSV build the same circular as the same rows in YAML", async () => {
    const fromYaml = await buildIn(`${BASE}${kind}${YAML_ROWS}${rest}`);
    expect(fromYaml.errors).toEqual([]);
    const fromXlsx = await buildIn(`${BASE}${kind}${XLSX_FROM}${rest}`);
    expect(fromXlsx.errors.map(line)).toEqual([]);
    const fromCsv = await buildIn(`${BASE}${kind}${fromTable("      file: 问题网站.csv\n      columns: { fixed: 已整改 }\n")}${rest}`, { "问题网站.csv": encodeGb18030(CSV) });
    expect(fromCsv.errors.map(line)).toEqual([]);
    expect(fromCsv.built!.warnings.map((w) => w.message)).toContain("表格文件 问题网站.csv：文件是 GBK/GB18030 编码，已按此编码读取");
    const docx = Buffer.from(fromYaml.built!.docx);
    expect(Buffer.from(fromXlsx.built!.docx).equals(docx)).toBe(true);
    expect(Buffer.from(fromCsv.built!.docx).equals(docx)).toBe(true);
    // The table and its files are inputs: a batch rebuilds when the sheet changes.
    expect(fromXlsx.built!.inputs.some((f) => f.endsWith("问题网站.xlsx"))).toBe(true);
  });

  it("a bad cell is reported at its sheet and cell, in the words of a spreadsheet", async () => {
    const { errors } = await buildIn(`${BASE}${kind}${fromTable("      file: 问题网站.xlsx\n      sheet: 有误\n")}${rest}`);
    expect(errors.map((d) => `${d.file}!${d.cell}: ${d.message} ｜ ${d.hint}`)).toEqual([
      "问题网站.xlsx!有误!B2: 网站标识码应为 10 位数字，这里是 440282002 ｜ Excel 把网站标识码存成了数字，去掉了开头的 0（应为 0440282002）：把这一列设为“文本”格式后重新输入，或输入时在前面加英文单引号，如 '0440282002",
      "问题网站.xlsx!有误!C2: 网站（表格第 2 行）的检查日期（checkedOn）应当是日期（如 2019-03-20），这里写的是数字 45555 ｜ 这一格是数字 45555，不是日期：在表格里把这一列设为日期格式，或写成 2024-09-20",
    ]);
  });

  it("what the data says about the table is checked where the data says it", async () => {
    const cases: [string, RegExp][] = [
      ["      file: 问题网站.xlsx\n      sheet: 清单二\n", /^\d+:\d+: 表格文件 问题网站.xlsx：没有名为“清单二”的工作表$/],
      ["      file: 问题网站.xlsx\n      sheet: 清单\n      columns: { siteCode: 标识码 }\n", /^\d+:\d+: 表头（第 2 行）里没有“标识码”这一列$/],
      ["      file: 问题网站.xlsx\n      sheet: 清单\n      header: 4\n", /^\d+:\d+: 表格 问题网站.xlsx!清单 的第 5 行|里找不到表头/],
      ["      file: 没有.xlsx\n", /^\d+:\d+: 表格文件 .*没有.xlsx 不存在$/],
      [`      file: ${FIXTURE}\n`, /在工作文件夹 .* 之外，不能读取$/],
      ["      file: 旧表.xls\n", /^\d+:\d+: 表格文件 旧表.xls 不是 .xlsx 或 .csv$/],
    ];
    for (const [from, message] of cases) {
      const { errors } = await buildIn(`${BASE}${kind}${fromTable(from)}${rest}`, { "旧表.xls": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) });
      expect(errors.map(line), from).toEqual([expect.stringMatching(message)]);
    }
  });

  it("a required column missing from the header is named, with the columns there are", async () => {
    const { errors } = await buildIn(`${BASE}${kind}${fromTable("      file: 问题网站.csv\n")}${rest}`, { "问题网站.csv": "单位,网站标识码\n某县,0440282002\n" });
    expect(errors.map(line)).toEqual(["问题网站.csv!A1: 表头（第 1 行）里没有网站名称（name）这一列"]);
    expect(errors[0]!.hint).toBe("表头有：单位、网站标识码；列标题不同时，用 from.columns 写明，如 columns: { name: 列标题 }");
  });

  it("an old .xls is refused with how to save it as .xlsx", () => {
    expect(readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), "旧表.xlsx")).toEqual({ message: "这是旧版 Excel（.xls）文件，或设了打开密码的表格", hint: expect.stringContaining("另存为") });
  });
});

describe("tongbao template: an empty sheet for an office to fill", () => {
  it("has the kind's columns, opens in LibreOffice Calc, and reads back through from", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-template-"));
    writeFileSync(join(dir, "data.yaml"), `${BASE}${kind}body: [正文。]\n`);
    const r = tongbao(["template", "checkedSite", "--data", "data.yaml", "-o", "空表.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const headers = ["网站名称", "主办单位", "地区", "类别", "网站标识码", "网址", "存在的问题", "备注", "检查日期", "是否已整改", "扣分"];
    const table = readXlsx(readFileSync(join(dir, "空表.xlsx")), "空表.xlsx");
    expect("rows" in table && table.rows[0]!.cells.map((c) => c?.text)).toEqual(headers);
    // What the clerk sees: Calc opens the file and shows the header row.
    const calc = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/lo`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, join(dir, "空表.xlsx")], { encoding: "utf8", timeout: 120_000 });
    expect(calc.status, calc.stderr).toBe(0);
    expect(readFileSync(join(dir, "空表.csv"), "utf8").trim()).toBe(headers.join(","));
    // Filled in (a 网站标识码 typed with its zero), it is read back as a list.
    writeFileSync(join(dir, "填好.csv"), `\ufeff${headers.join(",")}\r\n某县人民政府网,某县人民政府,,,0440282002,,,,2024-09-20,是,1\r\n`);
    writeFileSync(join(dir, "data.yaml"), `${BASE}${kind}${fromTable("      file: 填好.csv\n")}body: ["{{names lists.problems format=\\"{name}（{siteCode}）\\"}}"]\n`);
    expect(tongbao(["build", "data.yaml", "-o", "out"], { cwd: dir }).stderr).toBe("");
  });
});
