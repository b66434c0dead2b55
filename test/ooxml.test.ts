/**
 * The .docx is right by construction for Word and WPS, which cannot run here: every part validates against the
 * ECMA-376 schemas (test/tools/ooxml_check.py), and the rules WPS is known to need hold in the XML.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { build, buildAttachments } from "../src/index.js";
import type { CircularData } from "../src/input/index.js";
import { ROOT } from "./helpers/cli.js";
import { sealPng } from "./helpers/png.js";
import { descendants, elements, first, parseXml } from "./helpers/xml.js";
import { strFromU8, unzipSync } from "fflate";

const dir = mkdtempSync(join(tmpdir(), "tongbao-ooxml-"));
const DOCUMENTS: Record<string, () => Promise<Uint8Array>> = {
  guangdong: async () => (await build("data/guangdong-2019-q1.yaml")).docx,
  chaozhou: async () => (await build("data/chaozhou-2020-q3.yaml")).docx,
  zhanjiang: async () => (await build("data/zhanjiang-2021-q1.yaml")).docx,
  hotline: async () => (await build("data/jiangzhou-2024-q3-hotline.yaml")).docx,
  landscape: async () => (await build("test/fixtures/data/wide-table.yaml")).docx,
  attachment: async () => (await buildAttachments("data/guangdong-2019-q1.yaml", { only: 2 })).attachments[0]!.docx,
  sealed: async () => {
    writeFileSync(join(dir, "seal.png"), sealPng());
    const data = { ...(parse(readFileSync(join(ROOT, "data/zhanjiang-2021-q1.yaml"), "utf8")) as CircularData), seal: { image: join(dir, "seal.png") } };
    return (await build(data, { root: dir })).docx;
  },
};
const files: Record<string, string> = {};

beforeAll(async () => {
  for (const [name, make] of Object.entries(DOCUMENTS)) {
    files[name] = join(dir, `${name}.docx`);
    writeFileSync(files[name]!, await make());
  }
});

const parts = (name: string) => {
  const zip = unzipSync(new Uint8Array(readFileSync(files[name]!)));
  return Object.fromEntries(Object.entries(zip).filter(([n]) => /\.(xml|rels)$/.test(n)).map(([n, b]) => [n, strFromU8(b)]));
};

describe.each(Object.keys(DOCUMENTS))("%s", (name) => {
  it("validates against the ECMA-376 schemas with no violation", () => {
    const r = spawnSync("python3", [join(ROOT, "test/tools/ooxml_check.py"), files[name]!, "--quiet"], { encoding: "utf8" });
    expect(r.stdout.trim().split("\n").at(-1)).toBe("ooxml violations 0");
    expect(r.stdout).toContain("full validation: xmllint");
    expect(r.status).toBe(0);
  });

  it("keeps the rules WPS needs in the XML", () => {
    const xml = parts(name);
    const all = Object.values(xml).join("");
    // No VML: WPS draws VML shapes poorly; every drawing is DrawingML.
    expect(all).not.toMatch(/<v:|<w:pict/);
    // A neutral theme, referenced.
    expect(xml["word/_rels/document.xml.rels"]).toContain('Target="theme/theme1.xml"');
    const document = parseXml(xml["word/document.xml"]!);
    // Tables: fixed layout, and a grid column for every column equal to its cells' widths.
    for (const tbl of [...descendants(document, "w:tbl")]) {
      expect(first(first(tbl, "w:tblPr"), "w:tblLayout")?.attrs["w:type"]).toBe("fixed");
      const grid = elements(first(tbl, "w:tblGrid")!, "w:gridCol").map((g) => Number(g.attrs["w:w"]));
      for (const tr of elements(tbl, "w:tr")) {
        let column = 0;
        for (const tc of elements(tr, "w:tc")) {
          const span = Number(first(first(tc, "w:tcPr"), "w:gridSpan")?.attrs["w:val"] ?? 1);
          const width = Number(first(first(tc, "w:tcPr"), "w:tcW")!.attrs["w:w"]);
          expect(width).toBe(grid.slice(column, column + span).reduce((a, b) => a + b, 0));
          column += span;
        }
        expect(column).toBe(grid.length);
      }
    }
    // Every font reference sets all four slots, East-Asian first for ambiguous marks.
    for (const part of Object.values(xml)) {
      for (const rFonts of part.match(/<w:rFonts [^>]*>/g) ?? []) {
        for (const slot of ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"]) expect(rFonts).toContain(`${slot}="`);
        expect(rFonts).toContain('w:hint="eastAsia"');
      }
    }
    // Every field shows a cached result before it is updated: begin, instruction, separate, result, end.
    for (const [part, text] of Object.entries(xml).filter(([n]) => n.startsWith("word/footer"))) {
      const fields = text.match(/fldCharType="begin"[\s\S]*?fldCharType="end"/g) ?? [];
      for (const field of fields) expect(field, part).toMatch(/PAGE[\s\S]*fldCharType="separate"[\s\S]*<w:t[^>]*>\d+<\/w:t>/);
    }
  });
});
