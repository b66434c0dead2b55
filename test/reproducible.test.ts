import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync, strFromU8 } from "fflate";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { build } from "../src/pipeline.js";
import type { CircularData } from "../src/input/index.js";
import { sealPng } from "./helpers/png.js";
import { ROOT, tongbao } from "./helpers/cli.js";

const FAKE_CLOCK = pathToFileURL(join(ROOT, "test/fixtures/fake-clock.mjs")).href;

/** The DOS dates and times of a zip's local file headers (signature PK\3\4, time at +10, date at +12). */
function entryTimes(zip: Buffer): string[] {
  const times: string[] = [];
  for (let at = zip.indexOf("PK\x03\x04"); at >= 0; at = zip.indexOf("PK\x03\x04", at + 4)) {
    const time = zip.readUInt16LE(at + 10);
    const date = zip.readUInt16LE(at + 12);
    times.push(`${(date >> 9) + 1980}-${(date >> 5) & 15}-${date & 31} ${time >> 11}:${(time >> 5) & 63}`);
  }
  return times;
}

describe("the same data gives the same bytes", () => {
  it.each(["guangdong-2019-q1", "chaozhou-2020-q3", "zhanjiang-2021-q1"])("%s: in two time zones and on another day", (name) => {
    const a = mkdtempSync(join(tmpdir(), "tongbao-tz-a-"));
    const b = mkdtempSync(join(tmpdir(), "tongbao-tz-b-"));
    expect(tongbao(["build", `data/${name}.yaml`, "-o", a], { env: { TZ: "Asia/Shanghai" } }).code).toBe(0);
    expect(tongbao(["build", `data/${name}.yaml`, "-o", b], { env: { TZ: "America/Los_Angeles", NODE_OPTIONS: `--import=${FAKE_CLOCK}` } }).code).toBe(0);
    const first = readFileSync(join(a, `${name}.docx`));
    const second = readFileSync(join(b, `${name}.docx`));
    expect(first.equals(second)).toBe(true);
  });

  it("takes the document's dates and the zip's entry times from the 成文日期", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-dates-"));
    tongbao(["build", "data/guangdong-2019-q1.yaml", "-o", dir], { env: { TZ: "Pacific/Auckland", NODE_OPTIONS: `--import=${FAKE_CLOCK}` } });
    const bytes = readFileSync(join(dir, "guangdong-2019-q1.docx"));
    const core = strFromU8(unzipSync(new Uint8Array(bytes))["docProps/core.xml"]!);
    expect(core).toContain(">2019-03-20T00:00:00Z</dcterms:created>");
    expect(core).toContain(">2019-03-20T00:00:00Z</dcterms:modified>");
    expect(new Set(entryTimes(bytes))).toEqual(new Set(["2019-3-20 0:0"]));
  });

  it("a circular with a seal image, built twice in one process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-seal-"));
    const seal = join(dir, "seal.png");
    writeFileSync(seal, sealPng());
    const data = { ...(parse(readFileSync(join(ROOT, "data/zhanjiang-2021-q1.yaml"), "utf8")) as CircularData), seal: { image: seal } };
    const [a, b] = [await build(data, { root: dir }), await build(data, { root: dir })];
    expect(Buffer.from(a.docx).equals(Buffer.from(b.docx))).toBe(true);
  });

  it("a rebuild says which outputs changed and which did not", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-rebuild-"));
    const files = ["data/guangdong-2019-q1.yaml", "data/zhanjiang-2021-q1.yaml"];
    expect(tongbao(["build", ...files, "-o", dir]).stdout.match(/已生成/g)).toHaveLength(2);
    const again = tongbao(["build", ...files, "-o", dir]).stdout;
    expect(again).toContain(`未变化 ${join(dir, "guangdong-2019-q1.docx")}`);
    expect(again).toContain(`未变化 ${join(dir, "zhanjiang-2021-q1.docx")}`);
  });
});
