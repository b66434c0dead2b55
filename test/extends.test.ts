import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { TongbaoError, formatDiagnostic } from "../src/diagnostics/index.js";
import { build } from "../src/pipeline.js";
import { ROOT } from "./helpers/cli.js";

/**
 * Zhanjiang split in two: what every city circular of an office shares goes into common/office.yaml; the quarter's
 * own file extends it.
 */
const full = parse(readFileSync(join(ROOT, "data/zhanjiang-2021-q1.yaml"), "utf8")) as Record<string, unknown>;
const SHARED = ["issuer", "header", "title", "recipients", "signature", "colophon"] as const;

function split(edit: { common?: (y: string) => string; own?: (y: string) => string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-extends-"));
  mkdirSync(join(dir, "common"));
  const common = Object.fromEntries(SHARED.map((k) => [k, full[k]]));
  const own = { extends: "./common/office.yaml", ...Object.fromEntries(Object.entries(full).filter(([k]) => !SHARED.includes(k as never))) };
  const commonYaml = (edit.common ?? ((y) => y))(stringify(common));
  const ownYaml = (edit.own ?? ((y) => y))(stringify(own));
  writeFileSync(join(dir, "common/office.yaml"), commonYaml);
  writeFileSync(join(dir, "zhanjiang.yaml"), ownYaml);
  return { dir, file: join(dir, "zhanjiang.yaml"), common: join(dir, "common/office.yaml"), commonYaml, ownYaml };
}

const lineOf = (yaml: string, text: string) => yaml.slice(0, yaml.indexOf(text)).split("\n").length;

/** Builds in the folder the files are in: what a data file names must lie in the working folder. */
const buildIn = (file: string) => build(file, { root: join(file, "..") });

async function errors(file: string): Promise<string> {
  try {
    await buildIn(file);
  } catch (e) {
    if (e instanceof TongbaoError) return e.diagnostics.map(formatDiagnostic).join("\n");
    throw e;
  }
  throw new Error("expected the build to fail");
}

describe("extends: shared parts written once", () => {
  it("builds the same circular as the single file it was split from", async () => {
    const { file } = split();
    const [parts, whole] = [await buildIn(file), await build("data/zhanjiang-2021-q1.yaml")];
    expect(Buffer.from(parts.docx).equals(Buffer.from(whole.docx))).toBe(true);
    expect(parts.loaded.files.map((f) => f.replace(/.*tongbao-extends-[^/]+\//, ""))).toEqual(["zhanjiang.yaml", "common/office.yaml"]);
  });

  it("overrides what it extends, merges maps key by key, and removes an entry written as null", async () => {
    const { file } = split({ own: (y) => `${y}signature: 湛江市政府办公室\nheader:\n  docNumber: 湛府办〔2021〕13号\ncolophon: null\n` });
    const { model } = await buildIn(file);
    expect(model.signature).toBe("湛江市政府办公室");
    expect(model.header).toEqual({ kind: "document", issuerMark: "湛江市人民政府办公室文件", docNumber: { text: "湛府办〔2021〕13号" } });
    expect(model.colophon).toBeUndefined();
  });

  it("reports an error at the line of the file that holds it", async () => {
    const { file, common, commonYaml, ownYaml } = split({
      common: (y) => y.replace("docNumber: 湛府办〔2021〕12号", "docNumber: 湛府办[2021]12号"),
      own: (y) => y.replace("quarter: 1", "quarter: 6"),
    });
    const text = await errors(file);
    expect(text).toContain(`${common}:${lineOf(commonYaml, "湛府办[2021]12号")}:`);
    expect(text).toContain("发文字号（header.docNumber）格式不正确");
    expect(text).toContain(`${file}:${lineOf(ownYaml, "quarter: 6")}:`);
    expect(text).toContain("季度（period.quarter）不能大于 4");
  });

  it("reports a missing shared file and a loop at the extends line", async () => {
    const missing = split({ own: (y) => y.replace("./common/office.yaml", "./common/none.yaml") });
    expect(await errors(missing.file)).toContain(`${missing.file}:1:10: 错误：extends 的文件 ${join(missing.dir, "common/none.yaml")} 不存在`);
    const loop = split({ common: (y) => `extends: ../zhanjiang.yaml\n${y}` });
    expect(await errors(loop.file)).toMatch(new RegExp(`${loop.common}:1:10: 错误：extends 形成了循环或超过 8 层：.*zhanjiang.yaml → .*office.yaml → .*zhanjiang.yaml`));
  });
});
