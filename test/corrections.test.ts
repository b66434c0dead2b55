import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../src/pipeline.js";
import { ROOT, tongbao } from "./helpers/cli.js";
import { readDocx } from "./helpers/docx.js";

const original = readFileSync(join(ROOT, "data/guangdong-2019-q1.yaml"), "utf8");
/** An appeal upheld: 南雄市政府门户网站 is no longer a problem site. */
const NANXIONG = `      - region: 韶关
        name: 南雄市政府门户网站
        host: 南雄市人民政府
        issues: [信息发布日期造假]
        siteCode: "4402820020"
`;

function write(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-fix-"));
  const file = join(dir, "guangdong-2019-q1.yaml");
  writeFileSync(file, yaml);
  return file;
}

const lines = (text: string) => text.split("\n");
const only = (a: string[], b: string[]) => a.filter((l) => !b.includes(l));

describe("a correction to the data changes every number that follows from it, and nothing else", () => {
  it("removing a problem site updates the body's rate, the region's count, the 合计 row and the list", async () => {
    expect(original).toContain(NANXIONG);
    const buildIn = (file: string) => build(file, { root: join(file, "..") });
    const before = readDocx((await buildIn(write(original))).docx);
    const after = readDocx((await buildIn(write(original.replace(NANXIONG, "")))).docx);

    const [b1, a1] = [before.tables[0]!, after.tables[0]!];
    expect(b1.find((r) => r[1] === "韶关")).toEqual(["6", "韶关", "40", "40", "2"]);
    expect(a1.find((r) => r[1] === "韶关")).toEqual(["6", "韶关", "40", "40", "1"]);
    expect(b1.at(-1)).toEqual(["合计", "", "737", "737", "9"]);
    expect(a1.at(-1)).toEqual(["合计", "", "737", "737", "8"]);
    // Only those two rows of attachment 1 changed.
    expect(only(b1.map((r) => r.join("\t")), a1.map((r) => r.join("\t")))).toHaveLength(2);

    // Attachment 2 lost the row and is numbered again from 1 to 8; 韶关 no longer spans two rows.
    const a2 = after.tables[1]!;
    expect(a2.slice(1).map((r) => r[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(a2[1]!.slice(1, 3)).toEqual(["韶关", "浈江区政府门户网站"]);

    // In the body text exactly one paragraph changed: the rate, 98.8% → 98.9% (729 of 737).
    const body = (d: typeof before) => d.paragraphs.map((p) => p.text);
    const gone = only(body(before), body(after));
    const came = only(body(after), body(before));
    expect(gone).toHaveLength(1);
    expect(came).toHaveLength(1);
    expect(gone[0]).toContain("总体合格率98.8%");
    expect(came[0]).toBe(gone[0]!.replace("总体合格率98.8%", "总体合格率98.9%"));
    expect(lines(after.text).length).toBe(lines(before.text).length - 1);
  });

  it("the attachments alone are regenerated from the corrected data", () => {
    const file = write(original.replace(NANXIONG, ""));
    const dir = mkdtempSync(join(tmpdir(), "tongbao-fix-out-"));
    const r = tongbao(["attachments", file, "--only", "1", "-o", dir], { cwd: join(file, "..") });
    expect(r.code).toBe(0);
    const doc = readDocx(readFileSync(join(dir, "guangdong-2019-q1-附件1.docx")));
    expect(doc.paragraphs[0]!.text).toBe("粤府办明电〔2019〕35号附件1");
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.at(-1)).toEqual(["合计", "", "737", "737", "8"]);
  });
});
