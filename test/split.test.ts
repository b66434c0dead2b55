import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { provinceData } from "../bench/generate.js";
import { build, TongbaoError } from "../src/index.js";
import { tongbao } from "./helpers/cli.js";

type Rows = { rows: { region: string }[] };

/** A province dataset of `count` cities in a folder of its own; and, for each city, the data of that city alone. */
function province(count: number) {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-split-"));
  const { data, cities } = provinceData(count);
  const file = join(dir, "province.yaml");
  writeFileSync(file, stringify(data));
  const alone = (city: string) => {
    const { split, ...rest } = structuredClone(data) as Record<string, unknown> & { split: { regions: Record<string, Record<string, unknown>> } };
    const lists = rest.lists as Record<string, Rows>;
    for (const list of Object.values(lists)) list.rows = list.rows.filter((r) => r.region === city);
    const own = split.regions[city]!;
    const merged = { ...rest, ...own, header: { ...(rest.header as object), ...(own.header as object) }, groups: { ...(rest.groups as object), newMedia: { ...(rest.groups as Record<string, object>).newMedia, ...(own.groups as Record<string, object>).newMedia } } };
    const cityFile = join(dir, `${city}-alone.yaml`);
    writeFileSync(cityFile, stringify(merged));
    return cityFile;
  };
  return { dir, file, cities, alone };
}

describe("a province dataset split by city", () => {
  it("21 cities: each city's circular is the one built from that city's rows alone, figures and bytes", async () => {
    const p = province(21);
    for (const city of p.cities) {
      const split = await build(p.file, { root: p.dir, region: city });
      const alone = await build(p.alone(city), { root: p.dir });
      for (const [name, group] of alone.figures.groups) expect(split.figures.groups.get(name)!.figures, `${city} ${name}`).toEqual(group.figures);
      expect(Buffer.from(split.docx).equals(Buffer.from(alone.docx)), city).toBe(true);
      expect(split.model.recipients).toBe(`${city}市人民政府：`);
    }
  });

  it("tongbao build writes one circular per city, named by split.output, and the summary of all cities", () => {
    const p = province(21);
    const out = join(p.dir, "out");
    const r = tongbao(["build", "province.yaml", "-o", out], { cwd: p.dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const city of p.cities) expect(existsSync(join(out, `${city}.docx`)), city).toBe(true);
    const total = (provinceData(21).data.lists as Record<string, Rows>).problems.rows.length;
    expect(r.stdout).toMatch(new RegExp(`各地区合计\\s+21\\s+${total}\\s`));
    expect(r.stdout).toMatch(new RegExp(`全部数据\\s+21\\s+${total}\\s`));
  });

  it("a row in no declared region is an error at its region, before any circular is made", () => {
    const p = province(3);
    const text = readFileSync(p.file, "utf8").replace(/region: 珠海\n/, "region: 朱海\n");
    writeFileSync(p.file, text);
    const r = tongbao(["build", "province.yaml", "-o", "out"], { cwd: p.dir });
    expect(r.code).toBe(1);
    const line = text.split("\n").findIndex((l) => l.includes("region: 朱海")) + 1;
    expect(r.stderr).toMatch(new RegExp(`province.yaml:${line}:\\d+: 错误：.*地区“朱海”不在 split.regions 里[\\s\\S]*是否想写 珠海`));
    expect(existsSync(join(p.dir, "out"))).toBe(false);
  });

  it("an error in one city's own entry points into split.regions; the other cities are built", () => {
    const p = province(3);
    const text = readFileSync(p.file, "utf8").replace("copyNumber: \"000002\"", "copyNumber: \"2\"");
    writeFileSync(p.file, text);
    const r = tongbao(["build", "province.yaml", "-o", "out"], { cwd: p.dir });
    expect(r.code).toBe(1);
    const line = text.split("\n").findIndex((l) => l.includes('copyNumber: "2"')) + 1;
    expect(r.stderr).toMatch(new RegExp(`province.yaml:${line}:\\d+: 错误：.*份号`));
    expect(existsSync(join(p.dir, "out", "广州.docx"))).toBe(true);
    expect(existsSync(join(p.dir, "out", "珠海.docx"))).toBe(true);
    expect(existsSync(join(p.dir, "out", "深圳.docx"))).toBe(false);
  });

  it("{{region}} names the city in a split circular's texts", async () => {
    const p = province(2);
    writeFileSync(p.file, readFileSync(p.file, "utf8").replace("组织开展了", "在{{region}}组织开展了"));
    const built = await build(p.file, { root: p.dir, region: "深圳" });
    expect(JSON.stringify(built.model.body)).toContain("在深圳组织开展了");
  });

  it("a batch manifest mixes a split dataset with single files", () => {
    const p = province(3);
    writeFileSync(join(p.dir, "single.yaml"), stringify({ ...(provinceData(1).data as object), split: undefined }).replace(/^split:.*\n/m, ""));
    writeFileSync(join(p.dir, "batch.yaml"), "datasets:\n  - province.yaml\n  - single.yaml\n");
    const r = tongbao(["batch", "batch.yaml", "-o", "out", "--jobs", "2"], { cwd: p.dir });
    expect(r.code, r.stderr).toBe(0);
    for (const name of ["广州", "深圳", "珠海", "single"]) expect(existsSync(join(p.dir, "out", `${name}.docx`)), name).toBe(true);
    expect(r.stdout).toContain("共 4 份：已生成 4");
    // The summary of the split dataset's regions, checked to add up, follows the batch's own.
    const total = (provinceData(3).data.lists as Record<string, Rows>).problems.rows.length;
    expect(r.stdout).toContain("province.yaml 按地区拆分：");
    expect(r.stdout).toMatch(new RegExp(`各地区合计\\s+3\\s+${total}\\s`));
  });

  it("the whole of a split dataset is not built as one circular", async () => {
    const p = province(2);
    const error = await build(p.file, { root: p.dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TongbaoError);
    expect((error as TongbaoError).diagnostics[0]!.message).toContain("按地区拆分");
  });
});
