import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCities } from "../bench/generate.js";
import { Progress } from "../src/batch/progress.js";
import { ROOT, tongbao } from "./helpers/cli.js";

const EXAMPLES = ["guangdong-2019-q1", "chaozhou-2020-q3", "zhanjiang-2021-q1"];

function province(extra = "") {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-batch-"));
  const cities = generateCities(join(dir, "cities"), 20);
  writeFileSync(join(dir, "broken.yaml"), "issuer: 某市人民政府办公室\nperiod: { year: 2021, quarter: 5 }\n");
  const examples = EXAMPLES.map((n) => `  - ${relative(dir, join(ROOT, "data", `${n}.yaml`))}`).join("\n");
  writeFileSync(join(dir, "batch.yaml"), `output: "{dir}/{name}.docx"\ndatasets:\n${examples}\n  - cities/*.yaml\n  - broken.yaml\n${extra}`);
  return { dir, cities, manifest: join(dir, "batch.yaml"), out: join(dir, "out") };
}

const rows = (stdout: string, word: string) => stdout.split("\n").filter((l) => l.startsWith(word));

describe("tongbao batch", () => {
  it("builds the examples and 20 city circulars, survives a broken one, and skips what did not change", () => {
    const p = province();
    // The examples lie outside the manifest's folder: the user allows their folder.
    const allow = ["--allow-dir", join(ROOT, "data")];
    const first = tongbao(["batch", p.manifest, "-o", p.out, "--jobs", "2", ...allow], { cwd: p.dir });
    expect(first.code).toBe(1);
    // Progress: one line per dataset when standard error is not a terminal.
    expect(first.stderr).toContain("[24/24]");
    expect(rows(first.stdout, "已生成")).toHaveLength(23);
    const failed = rows(first.stdout, "失败");
    expect(failed).toHaveLength(1);
    // The first error by position; all of them are printed above the table.
    expect(failed[0]).toMatch(/^失败\s+broken.yaml\s+—\s+broken.yaml:1:1: 错误：缺少必填字段 title（标题）$/);
    expect(first.stderr).toMatch(/broken.yaml:2:\d+: 错误：季度（period.quarter）不能大于 4/);
    expect(first.stdout).toContain("共 24 份：已生成 23，未变化 0，跳过 0，失败 1");
    expect(first.stderr).toContain("broken.yaml：");
    for (const n of EXAMPLES) expect(existsSync(join(p.out, "data", `${n}.docx`))).toBe(true);
    for (const f of p.cities) expect(existsSync(join(p.out, "cities", relative(join(p.dir, "cities"), f).replace(/\.yaml$/, ".docx")))).toBe(true);

    const second = tongbao(["batch", p.manifest, "-o", p.out, ...allow], { cwd: p.dir });
    expect(second.code).toBe(1);
    expect(second.stdout).toContain("共 24 份：已生成 0，未变化 0，跳过 23，失败 1");

    // A change in the shared file reaches every city (and nothing else).
    const common = join(p.dir, "cities/common/cities.yaml");
    writeFileSync(common, readFileSync(common, "utf8").replace("市政府各部门、各直属机构", "市政府各部门"));
    const third = tongbao(["batch", p.manifest, "-o", p.out, ...allow], { cwd: p.dir });
    expect(third.stdout).toContain("共 24 份：已生成 20，未变化 0，跳过 3，失败 1");

    const forced = tongbao(["batch", p.manifest, "-o", p.out, "--force", ...allow], { cwd: p.dir });
    expect(forced.stdout).toContain("共 24 份：已生成 0，未变化 23，跳过 0，失败 1");
  });

  it("builds every .yaml in a folder, named after the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-folder-"));
    generateCities(dir, 3);
    const r = tongbao(["batch", dir, "-o", join(dir, "out")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("共 3 份：已生成 3");
    expect(existsSync(join(dir, "out", "广州.docx"))).toBe(true);
  });

  it("refuses output names that leave the output folder or are claimed twice", () => {
    const p = province();
    writeFileSync(p.manifest, `datasets:\n  - file: cities/广州.yaml\n    output: "../{name}.docx"\n  - file: cities/深圳.yaml\n    output: same.docx\n  - file: cities/珠海.yaml\n    output: same.docx\n  - file: cities/汕头.yaml\n    output: "{city}.docx"\n`);
    const r = tongbao(["batch", p.manifest, "-o", p.out, "--jobs", "1"], { cwd: p.dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/失败\s+cities\/广州.yaml\s+—\s+输出文件名不能离开输出目录：..\/广州.docx/);
    expect(r.stdout).toMatch(/已生成\s+cities\/深圳.yaml\s+out\/same.docx/);
    expect(r.stdout).toMatch(/失败\s+cities\/珠海.yaml\s+—\s+输出文件 out\/same.docx 已由 .*深圳.yaml 使用/);
    expect(r.stdout).toMatch(/失败\s+cities\/汕头.yaml\s+—\s+输出文件名里的 \{city\} 没有对应的值/);
    expect(existsSync(join(p.dir, "广州.docx"))).toBe(false);
  });

  it("reports a manifest's own errors at their lines, and bad usage", () => {
    const p = province();
    writeFileSync(p.manifest, "datasets:\n  - cities/none.yaml\n  - file: cities/广州.yaml\n    outptu: x.docx\n");
    const r = tongbao(["batch", p.manifest, "-o", p.out], { cwd: p.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${p.manifest}:2:5: 错误：没有找到数据文件 cities/none.yaml`);
    expect(r.stderr).toContain(`${p.manifest}:4:5: 错误：不认识的字段 outptu`);
    expect(tongbao(["batch", p.manifest, p.manifest]).code).toBe(2);
    expect(tongbao(["batch", p.manifest, "--jobs", "0"]).code).toBe(2);
    expect(tongbao(["build", "x.yaml", "--force"]).code).toBe(2);
  });
});

describe("batch progress", () => {
  it("redraws one bar on a terminal", () => {
    let out = "";
    const stream = { isTTY: true, columns: 80, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
    const progress = new Progress(2, stream);
    progress.finished("已生成 out/a.docx");
    progress.finished("已生成 out/b.docx");
    expect(out.split("\r\x1b[K")).toHaveLength(3);
    expect(out).toContain("[###############...............] 1/2 已生成 out/a.docx");
    expect(out.endsWith("2/2 已生成 out/b.docx\n")).toBe(true);
  });
});
