import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { matchWildcard } from "../src/batch/wildcard.js";
import { build, loadObject, Diagnostics, TongbaoError } from "../src/index.js";
import { circular } from "./helpers/base.js";
import { ROOT, tongbao } from "./helpers/cli.js";
import { at, buildYaml } from "./helpers/place.js";
import { sealPng } from "./helpers/png.js";
import { malformedParts } from "./helpers/well-formed.js";

/**
 * One test per finding of the robustness review (issue 11): each failed before its fix. Grouped as the review
 * grouped them: unopenable files, hangs, memory, internal errors, silently wrong text, files from anywhere, I/O.
 */

/** A folder anyone can read (the unprivileged runs below read from it). */
function folder(prefix = "tongbao-robust-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

const units = `kinds:
  unit:
    fields:
      unit: { type: text, required: true }
      cases: integer
lists:
  units:
    kind: unit
    rows:
      - { unit: 甲区, cases: 3 }
`;
const table = (columns = "      - { header: 单位, field: unit }\n      - { header: 件数, field: cases, sum: true }\n", total = "合计") =>
  `attachments:\n  - title: 统计表\n    rows: units\n    total: ${JSON.stringify(total)}\n    columns:\n${columns}`;

const errorsOf = (lines: string[]) => lines.filter((l) => l.includes("错误"));
const documentXml = (docx: Uint8Array) => strFromU8(unzipSync(docx)["word/document.xml"]!);

describe("characters no document can hold are refused where they are written", () => {
  it.each([
    ["a table row's field", `${units.replace("甲区", '"甲\\u0001区"')}${table()}`, "\\u0001区", "U+0001"],
    ["a column header", `${units}${table('      - { header: "单\\u0002位", field: unit }\n')}`, "\\u0002位", "U+0002"],
    ["a column's value template", `${units}${table('      - { header: 单位, value: "{{unit}}\\u0003" }\n')}`, "\\u0003", "U+0003"],
    ["the total row's label", `${units}${table(undefined, "合\u0004计")}`, "\\u0004计", "U+0004"],
    ["body text (U+FFFF)", `${units}`, "\\uFFFF", "U+FFFF"],
    ["a font name", `style:\n  fonts: { body: "仿宋\\u0005" }\n`, "\\u0005", "U+0005"],
    ["a lone surrogate", `note: "附注\\uD800"\n`, "\\uD800", "U+D800"],
  ])("in %s", async (_, extra, needle, code) => {
    const yaml = needle === "\\uFFFF" ? circular(extra, "正文\uFFFF。").replace("正文\uFFFF", "正文\\uFFFF") : circular(extra);
    const r = await buildYaml(yaml);
    expect(r.docx).toBeUndefined();
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(new RegExp(`^${at(yaml, needle)}: 错误：这里有一个.+ ${code.replace("+", "\\+")}，无法写入文档`))]);
  });

  it("text full of XML's own characters builds a .docx whose every part is well-formed", async () => {
    const nasty = `<w:p>&amp; ]]> "'<!-- -->`;
    const yaml = circular(`${units.replace("甲区", JSON.stringify(nasty))}${table(undefined, nasty)}note: ${JSON.stringify(nasty)}\n`, nasty);
    const r = await buildYaml(yaml);
    expect(r.lines).toEqual([]);
    expect(malformedParts(r.docx!)).toEqual([]);
  });

  it("gives line ends and tabs their one meaning: a line break, and a space", async () => {
    const r = await buildYaml(circular("", "第一行\r\n第二行\r第三行\t制表"));
    const xml = documentXml(r.docx!);
    expect(r.lines).toEqual([]);
    expect(malformedParts(r.docx!)).toEqual([]);
    expect(xml).not.toMatch(/[\r\t]/);
    expect(xml).toContain('第一行</w:t><w:br/><w:t xml:space="preserve">第二行</w:t><w:br/><w:t xml:space="preserve">第三行 制表');
  });
});

describe("bounded work for any input", () => {
  it("a 300-character title, attachment title and issuer", async () => {
    const long = "关于".padEnd(300, "政府网站与政务新媒体检查情况");
    const yaml = circular(`${units}${table().replace("统计表", long)}`).replace("subject: 政府网站检查情况", `subject: ${long}`).replace("issuer: 某市人民政府办公室", `issuer: ${long.slice(0, 60)}`);
    const r = await buildYaml(yaml);
    expect(errorsOf(r.lines)).toEqual([]);
    expect(malformedParts(r.docx!)).toEqual([]);
  });

  it("a paragraph of 100,000 trailing punctuation marks", async () => {
    const r = await buildYaml(circular("", `正文${"。".repeat(100_000)}`));
    expect(r.docx).toBeDefined();
  });

  it("extends fanning out (8 files, each extending the next 8 times) reads each file once", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 8; i++) files[`f${i}.yaml`] = i === 7 ? "note: 附注\n" : `extends: [${Array(8).fill(`f${i + 1}.yaml`).join(", ")}]\n`;
    const r = await buildYaml(`extends: f0.yaml\n${circular("")}`, files);
    expect(r.lines).toEqual([]);
  });

  it("a FIFO given as extends or seal image is refused without opening it", async () => {
    const dir = folder();
    spawnSync("mkfifo", [join(dir, "pipe.yaml"), join(dir, "pipe.png")]);
    writeFileSync(join(dir, "a.yaml"), `extends: pipe.yaml\n${circular("")}`);
    writeFileSync(join(dir, "b.yaml"), circular("seal: { image: pipe.png }\n"));
    for (const name of ["a", "b"]) {
      const error = await build(join(dir, `${name}.yaml`), { root: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TongbaoError);
      expect((error as TongbaoError).message).toMatch(/是一个管道，不是普通文件/);
    }
  });

  it("a batch glob of many stars against a long file name answers at once", () => {
    const dir = folder();
    writeFileSync(join(dir, `${"a".repeat(60)}.yaml`), circular(""));
    writeFileSync(join(dir, "batch.yaml"), `datasets:\n  - "${"*a".repeat(30)}*b.yaml"\n`);
    const r = tongbao(["batch", "batch.yaml", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("batch.yaml:2:5: 错误：没有找到数据文件");
  });

  it("the wildcard matcher", () => {
    expect(matchWildcard(`${"*a".repeat(40)}*b.yaml`, `${"a".repeat(200)}.yaml`)).toBe(false);
    expect(matchWildcard("广州*.yaml", "广州-2024.yaml")).toBe(true);
    expect(matchWildcard("*", "")).toBe(true);
    expect(matchWildcard("a*c", "abcbd")).toBe(false);
  });

  it("2,000 nested {{#if}} are refused at once", async () => {
    const body = `${"{{#if date}}".repeat(2000)}x${"{{/if}}".repeat(2000)}`;
    const yaml = circular("", body);
    const r = await buildYaml(yaml);
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(/错误：模板嵌套超过 40 层/)]);
  });
});

describe("found by the fuzz suite", () => {
  it("a missing period is an error, not a crash of the date checks", async () => {
    const r = await buildYaml(circular("").replace("period: { year: 2024, quarter: 3 }\n", ""));
    expect(errorsOf(r.lines)).toEqual(["1:1: 错误：缺少必填字段 period（检查期间）"]);
  });

  const rows = (n: number) => Array.from({ length: n }, (_, i) => `      - unit: 单位${i}\n        cases: ${i}`);
  const longList = (edit: (lines: string[]) => void) => {
    const lines = rows(5000);
    edit(lines);
    return circular(units.replace("      - { unit: 甲区, cases: 3 }\n", `${lines.join("\n")}\n`));
  };

  it("a flow map opened in the middle of 5,000 rows: the parser's overflow becomes an error at the brace", async () => {
    const yaml = longList((lines) => (lines[2000] = "  {{     cases: 1000"));
    const r = await buildYaml(yaml);
    expect(r.lines).toEqual([`${at(yaml, "{{     cases")}: 错误：YAML 语法错误：缺少配对的符号 ｜ 检查引号、方括号 [] 或花括号 {} 是否成对`]);
  });

  it("a stray character in the indentation of row 1,309 of 5,000: an error at that line", async () => {
    const yaml = longList((lines) => (lines[1309] = lines[1309]!.replace("      - unit", " \uffff    - unit")));
    const r = await buildYaml(yaml);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(new RegExp(`^${at(yaml, "\uffff").split(":")[0]}:\\d+: 错误：YAML 语法错误`));
  });

  it("a 成文日期 written as a map beside sound figures: a schema error, and the date checks left out", async () => {
    const yaml = circular(`${units}colophon: { printedBy: 某市人民政府办公室, printedOn: 2024-10-16 }\n`).replace("date: 2024-10-15", "date: { a: 1 }");
    const r = await buildYaml(yaml);
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(new RegExp(`^${at(yaml, "{ a: 1 }")}: 错误：成文日期（date）应当是文字`))]);
  });

  it("titles with a blank line inside build; a title of only line breaks is an error", async () => {
    const titled = (title: string) => circular(`${units}${table().replace("统计表", title)}`).replace("subject: 政府网站检查情况", `subject: ${title}`);
    const blankLine = await buildYaml(titled('"甲\\n\\n乙"'));
    expect(blankLine.lines).toEqual([]);
    expect(malformedParts(blankLine.docx!)).toEqual([]);
    const yaml = titled('"\\r"');
    expect(errorsOf((await buildYaml(yaml)).lines)).toEqual([
      `${at(yaml, '"\\r"')}: 错误：事由（title.subject）不能只有空格或换行 ｜ 写上内容，或删去这一项`,
      `${at(yaml, '"\\r"', "attachments")}: 错误：附件标题（attachments[0].title）不能只有空格或换行 ｜ 写上内容，或删去这一项`,
    ]);
  });

  it("a kind's field named constructor is a field like any other: required, and filled when absent", async () => {
    const kind = units.replace("      cases: integer", "      cases: integer\n      constructor: { type: text, required: true }");
    const yaml = circular(`${kind}${table("      - { header: 单位, field: constructor }\n")}`);
    expect(errorsOf((await buildYaml(yaml)).lines)).toEqual([`${at(yaml, "{ unit: 甲区")}: 错误：unit第 1 行缺少constructor ｜ 每行都要写 constructor`]);
  });

  it("a table cell of 160,000 characters: word boundaries in linear time", async () => {
    const r = await buildYaml(circular(`${units.replace("甲区", "2108-01-01".repeat(16_000))}${table()}`));
    expect(errorsOf(r.lines)).toEqual([]);
    expect(malformedParts(r.docx!)).toEqual([]);
  });
});

describe("bounded memory", () => {
  it.each([
    ["seal image /dev/zero", circular("seal: { image: /dev/zero }\n"), /印章图片 \/dev\/zero 是一个设备/],
    ["seal image /dev/urandom", circular("seal: { image: /dev/urandom }\n"), /印章图片 \/dev\/urandom 是一个设备/],
    ["extends /dev/urandom", `extends: /dev/urandom\n${circular("")}`, /extends 的文件 \/dev\/urandom 是一个设备/],
  ])("%s is refused even where files anywhere are allowed", async (_, yaml, message) => {
    const r = await buildYaml(yaml, {}, { anywhere: true });
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(message)]);
  });

  it("a 600 MB seal file is refused before it is read", async () => {
    const dir = folder();
    writeFileSync(join(dir, "seal.png"), "");
    truncateSync(join(dir, "seal.png"), 600 * 1024 * 1024);
    const r = await buildYaml(circular("seal: { image: ../" + dir.split("/").pop() + "/seal.png }\n"), {}, { allow: [dir] });
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(/印章图片 .*seal.png 有 600.0 MB，超过上限 8.0 MB/)]);
  });

  it("a data file of more values than the parser can hold is refused before parsing", async () => {
    const r = await buildYaml(`${circular("")}extra: [${"1,".repeat(1_100_000)}1]\n`);
    expect(r.lines).toEqual([expect.stringMatching(/^1:1: 错误：数据文件约有 1,100,\d{3} 个值，超过上限 1,000,000/)]);
  });
});

describe("no internal error for anything the data can say", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])("a font named %s", async (name) => {
    const r = await buildYaml(circular(`style:\n  fonts: { body: ${name}, latin: ${name} }\n`));
    expect(r.lines).toEqual([]);
    expect(strFromU8(unzipSync(r.docx!)["word/fontTable.xml"]!)).toContain(`w:name="${name}"`);
  });

  it.each(["1979-12-31", "2108-01-01"])("a 成文日期 of %s is an error at the date", async (date) => {
    const yaml = circular("").replace("date: 2024-10-15", `date: ${date}`);
    const r = await buildYaml(yaml);
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(new RegExp(`^${at(yaml, date)}: 错误：.*成文日期`))]);
  });

  it("10,000 paragraphs and headings build", async () => {
    const body = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? "正文。" : { heading: "标题" }));
    const yaml = `${circular("")}`.replace(/body:\n[\s\S]*$/, `body:\n${body.map((b) => (typeof b === "string" ? `  - ${b}` : "  - heading: 标题")).join("\n")}\n`);
    const r = await buildYaml(yaml);
    expect(errorsOf(r.lines)).toEqual([]);
  });

  it.each([
    ["3,000 nested lists", `deep: ${"[".repeat(3000)}${"]".repeat(3000)}\n`, /错误：数据嵌套的层数太多/],
    ["1,000 nested maps", `deep:\n${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i * 2 + 2)}k:`).join("\n")} 1\n`, /错误：数据嵌套的层数太多|错误：数据嵌套超过 64 层/],
    ["an undefined alias", "note: *missing\n", /错误：YAML 语法错误：引用（\*名称）没有对应的锚点/],
    ["a key written as a map", "colophon: { { ntedBy: 某办公室 }: 1 }\n", /^\d+:13: 错误：.*键必须是文字/],
  ])("%s: a clear error", async (_, extra, message) => {
    const r = await buildYaml(`${circular("")}${extra}`);
    expect(r.docx).toBeUndefined();
    // Beside "不认识的字段 deep", which is true as well.
    expect(errorsOf(r.lines)).toContainEqual(expect.stringMatching(message));
  });

  it.each([
    ["300 comments", `note: "${"{{!-- x --}}".repeat(300)}"\n`, /错误：注释 \{\{! … \}\} 超过 200 个/],
    ["a 30,000-character paragraph", `note: "{{issuer}}${"字".repeat(29_990)}"\n`, /错误：这段文字有 30000 个字符，超过一段文字的上限 20000/],
  ])("a text of %s is refused at once, not parsed for seconds", async (_, extra, message) => {
    const r = await buildYaml(`${circular("")}${extra}`);
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(message)]);
  });

  it("a deep object given by a program is refused, not a stack overflow", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const diagnostics = new Diagnostics();
    loadObject({ deep }, diagnostics);
    expect(diagnostics.all.map((d) => d.message)).toEqual(["数据嵌套超过 64 层"]);
  });

  it('output "{constructor}.docx" fails that dataset only', () => {
    const dir = folder();
    writeFileSync(join(dir, "a.yaml"), circular(""));
    writeFileSync(join(dir, "b.yaml"), circular(""));
    writeFileSync(join(dir, "batch.yaml"), 'datasets:\n  - file: a.yaml\n    output: "{constructor}.docx"\n  - b.yaml\n');
    const r = tongbao(["batch", "batch.yaml", "-o", "out", "--jobs", "1"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/失败\s+a.yaml\s+—\s+输出文件名里的 \{constructor\} 没有对应的值/);
    expect(r.stdout).toMatch(/已生成\s+b.yaml/);
  });
});

describe("no silently wrong text", () => {
  it.each(["constructor", "__proto__", "hasOwnProperty", "@root"])("{{%s}} is an error, never an empty or [object Object] text", async (name) => {
    const r = await buildYaml(circular("", `正文{{${name}}}。`));
    expect(r.docx).toBeUndefined();
    expect(errorsOf(r.lines)).toHaveLength(1);
  });

  it("a column field named constructor is an unknown field", async () => {
    const yaml = circular(`${units}${table("      - { header: 单位, field: constructor }\n")}`);
    const r = await buildYaml(yaml);
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(new RegExp(`^${at(yaml, "constructor")}: 错误：列“单位”的字段 constructor 不在`))]);
  });

  it.each([
    ["a row's number", units.replace("cases: 3", "cases: 1e308"), "1e308"],
    ["a stated count", `${units}groups:\n  sites: { kind: unit, objects: units, running: 1e308 }\n`, "1e308"],
    ["a stated figure", "figures:\n  big: 1e308\n", "1e308"],
  ])("%s beyond the schema's maximum is an error at it", async (_, extra, needle) => {
    const yaml = circular(extra);
    const r = await buildYaml(yaml);
    expect(r.docx).toBeUndefined();
    expect(errorsOf(r.lines).some((l) => l.startsWith(`${at(yaml, needle)}: 错误：`))).toBe(true);
  });

  it("a formula result too large to print is an error, not Infinity", async () => {
    const yaml = circular("figures:\n  a: 1000000000000\n  b: a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a\n", "{{figures.b}}");
    const r = await buildYaml(yaml);
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(/错误：计算结果超出了数值的范围/)]);
  });

  it("an unknown YAML tag is an error, not its text", async () => {
    const yaml = circular('note: !!js/function "function () { return 1 }"\n');
    const r = await buildYaml(yaml);
    expect(errorsOf(r.lines)).toEqual([`${at(yaml, "!!js")}: 错误：YAML 语法错误：tongbao 不认识以 ! 开头的标签 ｜ 删去标签（如 !!js/function），直接写值`]);
  });

  it.each([
    ["a text file", "notes.txt", "只是一段文字\n"],
    ["a PNG", "seal.png", sealPng()],
  ])("extends naming %s is an error at the extends line", async (_, name, content) => {
    const yaml = `extends: ${name}\n${circular("")}`;
    const r = await buildYaml(yaml, { [name]: content });
    expect(errorsOf(r.lines)).toEqual([expect.stringMatching(new RegExp(`^1:10: 错误：extends 的文件 .*${name} 不是数据文件`))]);
  });
});

describe("files named by the data stay in the working folder", () => {
  const outside = () => {
    const dir = folder();
    writeFileSync(join(dir, "secret.yaml"), "note: 机密\n");
    writeFileSync(join(dir, "seal.png"), sealPng());
    return dir;
  };

  it.each([
    ["a relative path", (o: string) => `../${o.split("/").pop()}/secret.yaml`],
    ["an absolute path", (o: string) => `${o}/secret.yaml`],
    ["a symlink inside", () => "link.yaml"],
  ])("extends by %s is refused, naming the rule", async (how, path) => {
    const o = outside();
    const dir = folder();
    symlinkSync(join(o, "secret.yaml"), join(dir, "link.yaml"));
    writeFileSync(join(dir, "data.yaml"), `extends: ${path(o)}\n${circular("")}`);
    const error = (await build(join(dir, "data.yaml"), { root: dir }).catch((e: unknown) => e)) as TongbaoError;
    expect(error).toBeInstanceOf(TongbaoError);
    expect(error.message).toMatch(/extends 的文件 .* 在工作文件夹 .* 之外，不能读取/);
    expect(error.message).not.toContain("机密");
    expect(how).toBeTruthy();
  });

  it("a seal image outside is refused; --allow-dir widens the rule", async () => {
    const o = outside();
    const yaml = circular(`seal: { image: ${o}/seal.png }\n`);
    expect(errorsOf((await buildYaml(yaml)).lines)).toEqual([expect.stringMatching(/印章图片 .* 在工作文件夹 .* 之外，不能读取/)]);
    expect(errorsOf((await buildYaml(yaml, {}, { allow: [o] })).lines)).toEqual([]);
  });

  it("a manifest listing /etc/passwd is refused without printing it", () => {
    const dir = folder();
    writeFileSync(join(dir, "batch.yaml"), "datasets:\n  - /etc/passwd\n");
    const r = tongbao(["batch", "batch.yaml", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("batch.yaml:2:5: 错误：数据文件 ../../etc/passwd 在清单所在的文件夹");
    expect(r.stderr + r.stdout).not.toContain("root:");
  });

  it("an output folder's symlink leading out is refused", () => {
    const o = folder();
    const dir = folder();
    writeFileSync(join(dir, "a.yaml"), circular(""));
    mkdirSync(join(dir, "out"));
    symlinkSync(o, join(dir, "out", "link"));
    writeFileSync(join(dir, "batch.yaml"), 'datasets:\n  - file: a.yaml\n    output: "link/{name}.docx"\n');
    const r = tongbao(["batch", "batch.yaml", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/失败\s+a.yaml\s+out\/link\/a.docx\s+out\/link\/a.docx: 错误：输出文件在输出目录 out 之外（经由符号链接）/);
    expect(readdirSync(o)).toEqual([]);
  });
});

/** Runs the CLI as an unprivileged user when the tests run as root, whom permissions would not stop. */
const unprivileged = (args: string[], cwd: string) => {
  if (process.getuid?.() !== 0) return tongbao(args, { cwd });
  const r = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, join(ROOT, "dist/tongbao.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe("I/O errors are per file, in Chinese, and never stop the rest", () => {
  const twoFiles = () => {
    const dir = folder();
    writeFileSync(join(dir, "a.yaml"), circular(""));
    writeFileSync(join(dir, "b.yaml"), circular(""));
    chmodSync(join(dir, "a.yaml"), 0o644);
    chmodSync(join(dir, "b.yaml"), 0o644);
    return dir;
  };

  it("a read-only output folder", () => {
    const dir = twoFiles();
    mkdirSync(join(dir, "out"), 0o555);
    chmodSync(join(dir, "out"), 0o555);
    const r = unprivileged(["build", "a.yaml", "b.yaml", "-o", "out"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("out/a.docx: 错误：输出文件没有写入权限");
    expect(r.stderr).toContain("out/b.docx: 错误：输出文件没有写入权限");
    expect(r.stderr).not.toContain("内部错误");
  });

  it("an output path that is a folder: the other file is still built", () => {
    const dir = twoFiles();
    mkdirSync(join(dir, "out", "a.docx"), { recursive: true });
    const r = tongbao(["build", "a.yaml", "b.yaml", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("out/a.docx: 错误：输出文件是一个文件夹");
    expect(r.stdout).toContain("已生成 out/b.docx");
  });

  it("-o naming a file", () => {
    const dir = twoFiles();
    writeFileSync(join(dir, "out"), "");
    const r = tongbao(["build", "a.yaml", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("out/a.docx: 错误：输出文件路径中的某一级是文件，不是文件夹");
  });

  it("a name over 255 bytes", () => {
    const dir = twoFiles();
    writeFileSync(join(dir, "batch.yaml"), `datasets:\n  - file: a.yaml\n    output: "${"长".repeat(90)}.docx"\n  - b.yaml\n`);
    const r = tongbao(["batch", "batch.yaml", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/失败\s+a.yaml.*输出文件文件名太长/);
    expect(r.stdout).toMatch(/已生成\s+b.yaml/);
  });

  it("one dataset's output is the other's folder: the batch ends with its summary", () => {
    const dir = twoFiles();
    writeFileSync(join(dir, "batch.yaml"), 'datasets:\n  - file: a.yaml\n    output: x.docx\n  - file: b.yaml\n    output: x.docx/b.docx\n');
    const r = tongbao(["batch", "batch.yaml", "-o", "out", "--jobs", "1"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("共 2 份：已生成 1，未变化 0，跳过 0，失败 1");
    expect(r.stdout).toMatch(/失败\s+b.yaml\s+out\/x.docx\/b.docx\s+.*输出文件路径中的某一级是文件，不是文件夹/);
  });

  it("a batch into a read-only folder still prints its summary", () => {
    const dir = twoFiles();
    mkdirSync(join(dir, "out"));
    chmodSync(join(dir, "out"), 0o555);
    const r = unprivileged(["batch", ".", "-o", "out"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("共 2 份：已生成 0，未变化 0，跳过 0，失败 2");
    expect(r.stderr).not.toContain("内部错误");
  });

  it("a read-only output file is respected, not replaced", () => {
    const dir = twoFiles();
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out", "a.docx"), "旧的");
    chmodSync(join(dir, "out", "a.docx"), 0o444);
    const r = tongbao(["build", "a.yaml", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("out/a.docx: 错误：输出文件是只读的，没有覆盖");
    expect(readFileSync(join(dir, "out", "a.docx"), "utf8")).toBe("旧的");
  });

  it("a killed build's temporary file is cleaned by the next run; a live one's is left", () => {
    const dir = twoFiles();
    mkdirSync(join(dir, "out"));
    const dead = ".a.docx.tongbao-999999999-0a1b2c3d.tmp";
    const live = `.a.docx.tongbao-${process.pid}-0a1b2c3d.tmp`;
    writeFileSync(join(dir, "out", dead), "");
    writeFileSync(join(dir, "out", live), "");
    expect(tongbao(["build", "a.yaml", "-o", "out"], { cwd: dir }).code).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([live, "a.docx"].sort());
  });
});

describe("the same bytes in every time zone", () => {
  it.each(["America/Santiago", "America/Havana", "Asia/Beirut", "America/Sao_Paulo"])("%s, where local midnight of the date does not exist", (zone) => {
    const dir = folder();
    writeFileSync(join(dir, "a.yaml"), circular("").replace("date: 2024-10-15", "date: 2019-09-08"));
    expect(tongbao(["build", "a.yaml", "-o", "utc"], { cwd: dir, env: { TZ: "UTC" } }).code).toBe(0);
    expect(tongbao(["build", "a.yaml", "-o", "zone"], { cwd: dir, env: { TZ: zone } }).code).toBe(0);
    expect(readFileSync(join(dir, "zone", "a.docx")).equals(readFileSync(join(dir, "utc", "a.docx")))).toBe(true);
    expect(statSync(join(dir, "zone", "a.docx")).size).toBeGreaterThan(0);
    expect(existsSync(join(dir, "zone"))).toBe(true);
  });
});
