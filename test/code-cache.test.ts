import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { build } from "../src/pipeline.js";
import { DEFAULT_TEMPLATES_DIR, readTemplates } from "../src/source/index.js";
import { ROOT, tongbao } from "./helpers/cli.js";

const CODE_CACHE = pathToFileURL(join(ROOT, "dist/cli/code-cache.js")).href;

/** Runs a bundle through runBundle in a process of its own: what it printed, and whether the cache was used. */
function run(bundle: string, cache: string, { write = false, args = [] as string[] } = {}) {
  const script = `import { runBundle } from ${JSON.stringify(CODE_CACHE)};
process.argv.splice(1, Infinity, ${JSON.stringify(bundle)}, ...${JSON.stringify(args)});
const { cacheUsed } = runBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}, { write: ${write} });
process.stdout.write("cacheUsed " + cacheUsed + "\\n");`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return { status: r.status, lines: r.stdout.trim().split("\n") };
}

/** A bundle as scripts/bundle.mjs writes one: CommonJS that reads its own URL as `importMetaUrl`. */
function bundleSaying(dir: string, name: string, value: string, extra = ""): string {
  const file = join(dir, name);
  writeFileSync(file, `"use strict";\nconst path = require("node:path");\nconsole.log("${value}", path.basename(__filename), importMetaUrl === require("node:url").pathToFileURL(__filename).href);\n${extra}`);
  return file;
}

describe("the command line's code cache", () => {
  it("is made when asked, starts with its bundle's CRC-32 and length, and is used by the next run", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-code-cache-"));
    const bundle = bundleSaying(dir, "a.cjs", "first");
    const cache = join(dir, "a.cache");
    expect(run(bundle, cache, { write: true }).lines).toEqual(["first a.cjs true", "cacheUsed false"]);
    const made = readFileSync(cache);
    const code = readFileSync(bundle);
    expect([made.readUInt32LE(0), made.readUInt32LE(4)]).toEqual([crc32(code), code.length]);
    expect(made.length).toBeGreaterThan(8);
    expect(run(bundle, cache).lines).toEqual(["first a.cjs true", "cacheUsed true"]);
  });

  it("is not used for other code of the same length, which V8 alone would accept", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-code-cache-"));
    const cache = join(dir, "x.cache");
    run(bundleSaying(dir, "x.cjs", "one"), cache, { write: true });
    const other = bundleSaying(dir, "y.cjs", "two");
    expect(readFileSync(other).length).toBe(readFileSync(join(dir, "x.cjs")).length);
    copyFileSync(cache, join(dir, "y.cache"));
    expect(run(other, join(dir, "y.cache")).lines).toEqual(["two y.cjs true", "cacheUsed false"]);
  });

  it("runs the bundle without a cache when there is none, and a failed run writes none", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-code-cache-"));
    const cache = join(dir, "f.cache");
    const failing = bundleSaying(dir, "f.cjs", "failing", "process.exitCode = 3;\n");
    const r = run(failing, cache, { write: true });
    expect(r).toEqual({ status: 3, lines: ["failing f.cjs true", "cacheUsed false"] });
    expect(existsSync(cache)).toBe(false);
    expect(run(failing, cache).lines).toEqual(["failing f.cjs true", "cacheUsed false"]);
  });

  it("is built with the command line and used by it", () => {
    const r = run(join(ROOT, "dist/cli.cjs"), join(ROOT, "dist/cli.code-cache"), { args: ["--version"] });
    expect(r.lines[0]).toMatch(/^tongbao \d+\.\d+\.\d+$/);
    expect(r.lines[1]).toBe("cacheUsed true");
  });

  it("holds the package's templates compiled, and the command line gives the library's bytes for every example", async () => {
    const bundle = readFileSync(join(ROOT, "dist/cli.cjs"), "utf8");
    const templates = readTemplates([DEFAULT_TEMPLATES_DIR]);
    // Each template compiled by Handlebars records the compiler revision it was compiled by.
    expect(bundle.split('"compiler": [8, ">= 4.3.0"]').length - 1).toBe(templates.elements.size + templates.partials.size);
    const out = mkdtempSync(join(tmpdir(), "tongbao-bundle-"));
    const examples = readdirSync(join(ROOT, "data")).filter((f) => f.endsWith(".yaml"));
    expect(tongbao(["build", ...examples.map((f) => join("data", f)), "-o", out]).code).toBe(0);
    for (const f of examples) {
      const { docx } = await build(join(ROOT, "data", f), { root: ROOT });
      expect(readFileSync(join(out, f.replace(/\.yaml$/, ".docx"))).equals(docx), f).toBe(true);
    }
  });
});
