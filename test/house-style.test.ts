import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { build } from "../src/pipeline.js";
import type { CircularData } from "../src/input/index.js";
import { ROOT } from "./helpers/cli.js";
import { readDocx } from "./helpers/docx.js";

const zhanjiang = parse(readFileSync(join(ROOT, "data/zhanjiang-2021-q1.yaml"), "utf8")) as CircularData;

/** Zhanjiang with a third heading level, so that 1. headings appear. */
const withThirdLevel = (data: CircularData): CircularData => ({
  ...data,
  body: [
    ...data.body,
    { heading: "工作安排", body: [{ heading: "分工", body: [{ heading: "市政府办公室负责统筹", text: "按季度通报。" }] }] },
  ],
});

describe("house style", () => {
  it("follows GB/T 9704 by default", async () => {
    const doc = readDocx((await build(withThirdLevel(zhanjiang))).docx);
    expect(doc.paragraphs[0]!.runs[0]!.color).toBe("FF0000");
    const third = doc.paragraphs.find((p) => p.text.startsWith("1.市政府办公室负责统筹"))!;
    expect(third.runs[0]!.bold).toBe(false);
    expect(third.runs[0]!.eastAsia).toBe("仿宋_GB2312");
    expect(doc.files["word/footer1.xml"]).toContain("— ");
    expect(doc.files["word/fontTable.xml"]).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
  });

  it("takes an office's own red, fonts, bold third level, page-number form and table size from `style`", async () => {
    const data: CircularData = {
      ...withThirdLevel(zhanjiang),
      style: { red: "c00000", boldThirdLevel: true, fonts: { body: "仿宋", hei: "方正黑体_GBK" }, pageNumber: "-{n}-", tableFontSize: 12 },
    };
    const doc = readDocx((await build(data)).docx);
    expect(doc.paragraphs[0]!.runs[0]!.color).toBe("C00000");
    expect(doc.files["word/document.xml"]).toContain('w:color="C00000"');
    const third = doc.paragraphs.find((p) => p.text.startsWith("1.市政府办公室负责统筹"))!;
    expect(third.runs[0]!.bold).toBe(true);
    expect(third.runs[1]!.bold).toBe(false);
    expect(doc.paragraphs.find((p) => p.text.startsWith("一、"))!.runs[0]!.eastAsia).toBe("方正黑体_GBK");
    expect(doc.paragraphs.find((p) => p.text.startsWith("按照省政府办公厅"))!.runs[0]!.eastAsia).toBe("仿宋");
    expect(doc.files["word/footer1.xml"]).toMatch(/>-<\/w:t>.*PAGE.*>-<\/w:t>/s);
    expect(doc.files["word/styles.xml"]).toMatch(/w:styleId="TbC">(?:(?!<\/w:style>).)*<w:sz w:val="24"\/>/s);
    expect(doc.files["word/fontTable.xml"]).toContain('<w:font w:name="仿宋"><w:charset w:val="86"/>');
  });

  it("rejects a style it cannot apply, at its place", async () => {
    await expect(build({ ...zhanjiang, style: { red: "red" } as never })).rejects.toThrow(/版头红色（style.red）格式不正确/);
  });
});
