import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, win32 } from "node:path";
import { describe, expect, it } from "vitest";
import { outputPath } from "../src/batch/output-name.js";
import { Progress } from "../src/batch/progress.js";
import { displayWidth, truncateToWidth } from "../src/batch/text-width.js";
import { schemaReference } from "../src/cli/init.js";
import { expandPatterns } from "../src/cli/patterns.js";
import { HELP } from "../src/cli/usage.js";
import { findSoffice, installHint, type Host } from "../src/pdf/libreoffice.js";
import { ROOT, tongbao } from "./helpers/cli.js";

const EXAMPLES = readdirSync(join(ROOT, "data")).filter((f) => f.endsWith(".yaml")).sort();

describe("the command line speaks Chinese", () => {
  it("--version and help <command>", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(tongbao(["--version"]).stdout).toBe(`tongbao ${version}\n`);
    const help = tongbao(["help", "batch"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(`${HELP.batch}\n`);
    expect(tongbao(["help", "biuld"]).stderr).toContain("用法错误：不认识的命令：biuld，是否想写 build？");
  });

  it.each([
    [["build", "--jobz", "2", "a.yaml"], "不认识的选项 --jobz，是否想写 --jobs（用于 batch）？"],
    [["build", "--ot", "x", "a.yaml"], "不认识的选项 --ot，是否想写 --out？"],
    [["check", "-o", "x", "a.yaml"], "check 不接受 --out（它用于 build、pdf、attachments、batch、html、preview、template）"],
    [["build", "a.yaml", "-o"], "选项 --out 后面要写一个值"],
    [["build", "--pdf=yes", "a.yaml"], "选项 --pdf 不需要值"],
    [["batch", "--jobs", "0", "x"], "--jobs 要写正整数，这里写的是 0"],
    [["preview", "a.yaml", "--port", "http"], "--port 要写 0 到 65535 的整数，这里写的是 http"],
    [["preview", "a.yaml", "b.yaml"], "preview 只接受一个数据文件"],
  ])("%j", (args, message) => {
    const r = tongbao(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`用法错误：${message}`);
    expect(r.stderr).not.toMatch(/[A-Z][a-z]+ [a-z]+ '/); // no English from node:util
  });

  it("the README lists the commands exactly as the help does", () => {
    const usage = HELP.main!.slice(HELP.main!.indexOf("用法：\n") + 4, HELP.main!.indexOf("\n\n", HELP.main!.indexOf("用法：\n")));
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(`\`\`\`\n${usage.split("\n").map((l) => l.slice(2)).join("\n")}\n\`\`\``);
  });
});

describe("file patterns are expanded by tongbao, as on every shell", () => {
  it('build "data/*.yaml" passed literally builds every example', () => {
    const out = mkdtempSync(join(tmpdir(), "tongbao-glob-"));
    const r = tongbao(["build", "data/*.yaml", "-o", out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(EXAMPLES.map((f) => f.replace(/\.yaml$/, ".docx")));
  });

  it("* and ? in folders and names, backslashes as on Windows, sorted, and patterns that match nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-glob-"));
    for (const f of ["a/2024-q1.yaml", "a/2024-q2.yaml", "b/2024-q1.yaml", "b/note.txt"]) {
      mkdirSync(join(dir, f, ".."), { recursive: true });
      writeFileSync(join(dir, f), "");
    }
    expect(await expandPatterns([join(dir, "*", "2024-q?.yaml")])).toEqual({ files: ["a/2024-q1.yaml", "a/2024-q2.yaml", "b/2024-q1.yaml"].map((f) => join(dir, f)), unmatched: [] });
    expect((await expandPatterns([`${dir}\\b\\*.yaml`], /[\\/]/)).files).toEqual([join(dir, "b/2024-q1.yaml")]);
    expect(await expandPatterns([join(dir, "c", "*.yaml"), "plain.yaml"])).toEqual({ files: ["plain.yaml"], unmatched: [join(dir, "c", "*.yaml")] });
  });
});

/** A machine of the given platform: the files that exist on it, the folders it lists. */
const host = (platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): Host => ({
  platform,
  env,
  home: platform === "win32" ? "C:\\Users\\clerk" : "/home/clerk",
  isFile: (path) => files.includes(path),
  list: (folder) => [...new Set(files.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1).split("/")[0]!))],
});

describe("LibreOffice is found where each platform installs it", () => {
  it.each([
    ["Windows, Program Files", host("win32", ["C:\\Program Files\\LibreOffice\\program\\soffice.exe"], { ProgramFiles: "C:\\Program Files", Path: "C:\\Windows" }), "C:\\Program Files\\LibreOffice\\program\\soffice.exe"],
    ["Windows, on Path", host("win32", ["D:\\LO\\program\\soffice.exe"], { Path: "C:\\Windows;D:\\LO\\program" }), "D:\\LO\\program\\soffice.exe"],
    ["macOS", host("darwin", ["/Applications/LibreOffice.app/Contents/MacOS/soffice"], { PATH: "/usr/bin" }), "/Applications/LibreOffice.app/Contents/MacOS/soffice"],
    ["Linux, the Document Foundation's own package", host("linux", ["/opt/libreoffice7.6/program/soffice", "/opt/libreoffice24.8/program/soffice"], { PATH: "/usr/bin" }), "/opt/libreoffice7.6/program/soffice"],
    ["Linux, Debian's package", host("linux", ["/usr/bin/soffice"], { PATH: "" }), "/usr/bin/soffice"],
    ["anywhere, named by TONGBAO_SOFFICE", host("linux", ["/srv/lo/soffice", "/usr/bin/soffice"], { TONGBAO_SOFFICE: "/srv/lo/soffice", PATH: "/usr/bin" }), "/srv/lo/soffice"],
  ])("%s", (_, machine, expected) => {
    expect(findSoffice(machine)).toBe(expected);
  });

  it("an option naming a missing program finds nothing, and the install hint names the platform", () => {
    expect(findSoffice(host("linux", ["/usr/bin/soffice"], { PATH: "/usr/bin" }), "/nowhere/soffice")).toBeUndefined();
    expect(findSoffice(host("win32", [], { Path: "C:\\Windows" }))).toBeUndefined();
    expect(installHint("win32")).toMatch(/^Windows：.*libreoffice\.org.*--soffice <路径>.*TONGBAO_SOFFICE/);
    expect(installHint("darwin")).toMatch(/^macOS：.*brew install --cask libreoffice/);
    expect(installHint("linux")).toMatch(/统信 UOS、麒麟.*apt-get install/);
  });
});

describe("output names that Windows accepts", () => {
  const vars = { name: "a", issuer: "某市人民政府办公室", odd: 'x<y>z:"w"|q?*' };
  it.each([
    ["{odd}.docx", { path: join("/out", "x_y_z__w__q__.docx") }],
    ["{issuer}/{name}.docx", { path: join("/out", "某市人民政府办公室", "a.docx") }],
    ["con.docx", { error: "输出文件名里的“con.docx”在 Windows 上不能用（不能含 < > : \" | ? * 等字符，不能叫 CON、NUL、COM1 等，不能以点或空格结尾）：con.docx" }],
    ["NUL/{name}.docx", { error: expect.stringContaining("“NUL”在 Windows 上不能用") }],
    ["a|b.docx", { error: expect.stringContaining("“a|b.docx”在 Windows 上不能用") }],
    ["dir./{name}.docx", { error: expect.stringContaining("“dir.”在 Windows 上不能用") }],
  ])("%s", (pattern, expected) => {
    expect(outputPath(pattern, vars, "/out")).toEqual(expected);
  });
});

describe("the batch progress bar is measured in screen columns", () => {
  it("Chinese names never make a line wider than the terminal", () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 60, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const progress = new Progress(3, stream);
    for (const name of ["广东省各地级以上市人民政府网站与政务新媒体检查情况的通报.docx", "潮州.docx", "😀e\u0301.docx"]) progress.finished(`已生成 out/${name}`);
    for (const line of written.map((w) => w.replace(/^\r\x1b\[K/, "").replace(/\n$/, "")).filter(Boolean)) expect(displayWidth(line)).toBeLessThanOrEqual(59);
    expect(truncateToWidth("广东省人民政府", 7)).toBe("广东省…");
    expect(displayWidth("e\u0301😀广")).toBe(5);
  });
});

describe("tongbao init", () => {
  it("writes a starter file that builds, whose $schema leads to the schema from where it is written", () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-init-"));
    mkdirSync(join(dir, "2024"));
    expect(tongbao(["init", "2024/第三季度.yaml"], { cwd: dir }).code).toBe(0);
    const text = readFileSync(join(dir, "2024/第三季度.yaml"), "utf8");
    const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
    expect(JSON.parse(readFileSync(join(dir, "2024", schema), "utf8")).title).toBeDefined();
    expect(tongbao(["build", "2024/第三季度.yaml", "-o", "out"], { cwd: dir }).code).toBe(0);
    const again = tongbao(["init", "2024/第三季度.yaml"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("2024/第三季度.yaml: 错误：文件已存在，没有覆盖");
  });

  it("names the schema by file URL where no relative path leads to it (another Windows drive)", () => {
    expect(schemaReference("/work/a.yaml", "/opt/tongbao/schemas/circular.schema.json")).toBe("../opt/tongbao/schemas/circular.schema.json");
    expect(schemaReference("D:\\通报\\a.yaml", "C:\\npm\\tongbao\\schemas\\circular.schema.json", win32)).toBe("file:///C:/npm/tongbao/schemas/circular.schema.json");
    expect(schemaReference("C:\\通报\\a.yaml", "C:\\npm\\tongbao\\schemas\\circular.schema.json", win32)).toBe("../npm/tongbao/schemas/circular.schema.json");
  });
});
