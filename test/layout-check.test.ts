/**
 * GB/T 9704 as LibreOffice renders each example, measured by test/tools/layout_check.py: margins, fonts and
 * sizes, the 版头, title and 主送, 22 lines of 28 characters, headings, 附件 labels, the 署名 page carrying body
 * text, the 版记 at the foot of an even last page, page numbers.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/index.js";
import { ROOT } from "./helpers/cli.js";

const EXAMPLES = ["guangdong-2019-q1", "chaozhou-2020-q3", "zhanjiang-2021-q1", "jiangzhou-2024-q3-hotline"];

describe.each(EXAMPLES)("%s", (name) => {
  it("passes every layout rule in LibreOffice's render", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tongbao-layout-check-"));
    const file = join(dir, `${name}.docx`);
    writeFileSync(file, (await build(`data/${name}.yaml`)).docx);
    const r = spawnSync("python3", [join(ROOT, "test/tools/layout_check.py"), file, "--fontconfig", join(ROOT, "fonts/fonts.conf")], { encoding: "utf8" });
    const failures = r.stdout.split("\n").filter((l) => l.startsWith("FAIL"));
    expect(failures).toEqual([]);
    const [passed, total] = r.stdout.trim().split("\n").at(-1)!.replace("layout ", "").split("/").map(Number);
    expect(passed).toBe(total);
    expect(total).toBeGreaterThanOrEqual(27);
    expect(r.status).toBe(0);
  });
});
