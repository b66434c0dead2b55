import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/cli.js";

const npm = (args: string[], cwd: string) => {
  const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** npm's warnings, without those about the machine's own npm configuration. */
const warnings = (stderr: string) => stderr.split("\n").filter((l) => /npm warn/i.test(l) && !/Unknown (user|env|global) config/.test(l));

describe("the published package", () => {
  const packed = npm(["pack", "--dry-run", "--json"], ROOT);
  const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);

  it("holds what a user runs and reads, and nothing of the repository's own", () => {
    for (const f of ["LICENSE", "README.md", "package.json", "dist/tongbao.js", "dist/cli.cjs", "dist/cli.code-cache", "dist/index.js", "dist/index.d.ts", "dist/input/circular.schema.validate.cjs", "schemas/circular.schema.json", "schemas/batch.schema.json", "schemas/kinds.yaml", "templates/title.hbs", "templates/starter.yaml", "fonts/fonts.conf"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(src|test|data|bench|scripts|out)\/|\.map$|\.test\./.test(f))).toEqual([]);
  });

  it("is publishable: not private, licensed, with a repository, exports for the schemas and package.json", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License/);
    expect(pkg.repository).toMatchObject({ type: "git" });
    expect(pkg.exports).toMatchObject({ "./schemas/*": "./schemas/*", "./package.json": "./package.json" });
    // Only what tongbao runs is a dependency: docx serves the benchmark alone.
    expect(Object.keys(pkg.dependencies as object)).not.toContain("docx");
  });

  it("installs from its tarball on this Node without a warning, and runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-pack-"));
    const tarball = JSON.parse(npm(["pack", "--json", "--pack-destination", dir], ROOT).stdout)[0].filename as string;
    const app = join(dir, "app");
    spawnSync(process.execPath, ["-e", `require("fs").mkdirSync(${JSON.stringify(app)})`]);
    writeFileSync(join(app, "package.json"), '{ "name": "office", "private": true, "type": "module" }\n');
    const install = npm(["install", join(dir, tarball), "--no-audit", "--no-fund", "--prefer-offline"], app);
    expect(install.code, install.stderr).toBe(0);
    expect(warnings(install.stderr)).toEqual([]);
    const version = spawnSync(process.execPath, [join(app, "node_modules/tongbao/dist/tongbao.js"), "--version"], { encoding: "utf8" });
    expect(version.stdout).toMatch(/^tongbao \d+\.\d+\.\d+\n$/);
    const npx = npm(["exec", "--", "tongbao", "--version"], app);
    expect(npx.stdout).toBe(version.stdout);
    const resolved = spawnSync(process.execPath, ["--input-type=module", "-e", 'import { createRequire } from "node:module"; const r = createRequire(import.meta.url); console.log(r.resolve("tongbao/schemas/circular.schema.json"), r.resolve("tongbao/package.json")); const t = await import("tongbao"); console.log(typeof t.build)'], { cwd: app, encoding: "utf8" });
    expect(resolved.stderr).toBe("");
    expect(resolved.stdout).toMatch(/schemas\/circular\.schema\.json .*package\.json\nfunction\n$/);
  });
});
