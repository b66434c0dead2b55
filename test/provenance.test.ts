import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { build } from "../src/pipeline.js";
import { cellParagraphs, type Paragraph, type Plan, type Table } from "../src/plan/index.js";
import { SourceLines, provenanceOf } from "../src/preview/provenance.js";
import type { BlockData } from "../src/input/index.js";

const EXAMPLES = readdirSync("data").filter((f) => f.endsWith(".yaml")).map((f) => `data/${f}`);
const BODY_ROLES = new Set(["paragraph", "heading", "point"]);
/** A number as a reader sees one: digits, with a decimal part and a percent sign. */
const NUMBER = /[0-9０-９]+(?:\.[0-9]+)?%?/g;

const blocks = (plan: Plan) => plan.sections.flatMap((s) => s.blocks);
const bodyParagraphs = (plan: Plan) => blocks(plan).filter((b): b is Paragraph => b.kind === "paragraph" && BODY_ROLES.has(b.role));
const tables = (plan: Plan) => blocks(plan).filter((b): b is Table => b.kind === "table");

/** The body's texts as the data writes them, without their {{…}} expressions: what the drafter typed. */
function typed(body: readonly BlockData[]): string {
  return body
    .map((b) => (typeof b === "string" ? b : "points" in b ? b.points.join("\n") : [b.heading, b.text ?? "", typed(b.body ?? [])].join("\n")))
    .join("\n")
    .replace(/\{\{[\s\S]*?\}\}/g, "\u0000");
}

describe.each(EXAMPLES)("provenance in %s", (file) => {
  it("every number of the body is a marked figure with a place in the data, or typed in the data's text", async () => {
    const built = await build(file, { marks: true });
    const lines = new SourceLines();
    const literal = typed(built.data.body);
    let marked = 0;
    for (const p of bodyParagraphs(built.plan)) {
      const runs = p.runs;
      for (const r of runs) {
        for (const m of r.text.matchAll(NUMBER)) {
          const start = m.index;
          const end = start + m[0].replace(/%$/, "").length;
          const mark = r.marks?.find((k) => k.start <= start && k.end >= end);
          if (!mark) {
            expect(literal, `“${m[0]}” in “${r.text}” is neither a figure nor typed in the data`).toContain(m[0]);
            continue;
          }
          marked++;
          const found = provenanceOf(built, `text:${mark.ref}`, lines);
          expect(found, `no provenance for ${mark.ref}`).toBeDefined();
          const places = found!.items.flatMap((i) => [...i.at, ...i.inputs.flatMap((x) => (x.at ? [x.at] : []))]);
          expect(places.length, `${mark.ref} has no place in the data`).toBeGreaterThan(0);
          for (const place of places) expect(place.line > 0 || place.cell !== undefined, `${mark.ref} at ${JSON.stringify(place)}`).toBe(true);
        }
      }
    }
    expect(marked).toBeGreaterThan(0);
  });

  it("every 合计 cell says what it adds up, with the rows it comes from", async () => {
    const built = await build(file, { marks: true });
    const lines = new SourceLines();
    for (const t of tables(built.plan).filter((x) => x.total)) {
      const spec = built.data.attachments![t.attachment]!;
      const totalRow = t.rows[t.rows.length - 1]!;
      for (const cell of totalRow.cells) {
        const { column } = cell;
        if (!spec.columns[column]!.sum) continue;
        const found = provenanceOf(built, `total:${t.attachment}:${column}`, lines);
        expect(found, `附件${t.attachment + 1} column ${column}`).toBeDefined();
        const [item] = found!.items;
        expect(item!.value).toBe(cellParagraphs(cell).flat().join(""));
        expect(item!.inputs.length).toBe(Math.min(50, built.figures.tables[t.attachment]!.rows.length));
        expect(item!.inputs.every((i) => i.at && (i.at.line > 0 || i.at.cell)), "each row's place").toBe(true);
      }
    }
  });

  it("marks change nothing in the .docx", async () => {
    const [plain, marked] = await Promise.all([build(file), build(file, { marks: true })]);
    expect(Buffer.from(marked.docx).equals(Buffer.from(plain.docx))).toBe(true);
  });
});

describe("provenance of named figures and table rows", () => {
  it("a formula figure lists its formula and the values it used, each at its line", async () => {
    const built = await build("data/jiangzhou-2024-q3-hotline.yaml", { marks: true });
    const found = provenanceOf(built, "text:figures.onTimeRate", new SourceLines())!;
    const [item] = found.items;
    expect(item!.how).toMatch(/^公式 /);
    expect(item!.inputs.length).toBeGreaterThan(0);
    expect(item!.at[0]!.source).toContain("onTimeRate");
  });

  it("a table row points at the data row it shows", async () => {
    const built = await build("data/guangdong-2019-q1.yaml", { marks: true });
    const found = provenanceOf(built, "row:0:1", new SourceLines())!;
    expect(found.items[0]!.at[0]!.source).toContain("深圳");
    expect(provenanceOf(built, "row:0:999", new SourceLines())).toBeUndefined();
    expect(provenanceOf(built, "text:constructor", new SourceLines())).toBeUndefined();
    expect(provenanceOf(built, "nonsense", new SourceLines())).toBeUndefined();
  });
});
