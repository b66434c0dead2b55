/** The web copy: valid HTML, accessible, and the same text as the .docx it is written beside. */
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { build, buildHtml } from "../src/index.js";
import { readDocx } from "./helpers/docx.js";

const EXAMPLES = ["guangdong-2019-q1", "chaozhou-2020-q3", "zhanjiang-2021-q1", "jiangzhou-2024-q3-hotline"];
const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

/** The visible text of an HTML page, the style sheet left out. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<title>[\s\S]*?<\/title>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
const compact = (s: string) => s.replace(/\s+/g, "");

describe.each(EXAMPLES)("%s web copy", (name) => {
  it("is valid HTML by html-validate's recommended rules", async () => {
    const { html } = await buildHtml(`data/${name}.yaml`);
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it("has the .docx's text from the title on, without the red 版头 and page numbers", async () => {
    const [{ html }, { docx }] = await Promise.all([buildHtml(`data/${name}.yaml`), build(`data/${name}.yaml`)]);
    const doc = readDocx(docx);
    const title = doc.paragraphs.find((p) => p.runs[0]?.size === 22)!.text;
    const docxText = compact(doc.text.slice(doc.text.indexOf(title)));
    const htmlText = compact(visibleText(html));
    expect(htmlText.slice(htmlText.indexOf(compact(title)))).toBe(docxText);
    expect(html).not.toMatch(/FF0000|— \d+ —/);
  });

  it("reads on a phone and to a screen reader: language, viewport, headings, table headers", async () => {
    const { html } = await buildHtml(`data/${name}.yaml`);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<h2>一、/);
    expect(html).toMatch(/<th scope="col">序号<\/th>/);
    expect(html).toMatch(/<section class="table" aria-label="[^"]+" tabindex="0">/);
  });
});
