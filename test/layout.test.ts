/**
 * GB/T 9704 proven in a real renderer: every example is built, converted to PDF by LibreOffice (with the project's
 * fontconfig map) and measured with poppler — text positions from pdftotext, ink from rendered page images.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { CircularData } from "../src/input/index.js";
import { sealPng } from "./helpers/png.js";
import { build } from "../src/pipeline.js";
import { convertToPdf } from "../src/pdf/libreoffice.js";
import { BLOCK, inkBands, readPdf, renderPages, rules, toMm, toPt, type Image, type PdfPage, type Row } from "./helpers/pdf.js";

const EXAMPLES = {
  guangdong: "data/guangdong-2019-q1.yaml",
  chaozhou: "data/chaozhou-2020-q3.yaml",
  zhanjiang: "data/zhanjiang-2021-q1.yaml",
  wide: "test/fixtures/data/wide-table.yaml",
  /** Zhanjiang printed with its seal. */
  sealed: "data/zhanjiang-2021-q1.yaml",
} as const;
type Name = keyof typeof EXAMPLES;

interface Rendered {
  pages: PdfPage[];
  images: Image[];
  layoutPages: number;
}

const rendered = {} as Record<Name, Rendered>;
const DPI = 150;
const LINE_PT = 579 / 20;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "tongbao-layout-"));
  const names = Object.keys(EXAMPLES) as Name[];
  const seal = join(dir, "seal.png");
  writeFileSync(seal, sealPng());
  const sealed = { ...(parse(readFileSync(EXAMPLES.sealed, "utf8")) as CircularData), seal: { image: seal } };
  const built = await Promise.all(names.map((n) => (n === "sealed" ? build(sealed, { root: dir }) : build(EXAMPLES[n]))));
  const files = names.map((n, i) => {
    const file = join(dir, `${n}.docx`);
    writeFileSync(file, built[i]!.docx);
    return file;
  });
  const pdfs = await convertToPdf(files, dir);
  names.forEach((n, i) => {
    rendered[n] = { pages: readPdf(pdfs[i]!), images: renderPages(pdfs[i]!, DPI), layoutPages: built[i]!.pages };
  });
});

const isLandscape = (p: PdfPage) => p.width > p.height;
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;
/** The page number: a row under the 版心 on portrait pages; on landscape pages the words in the left margin, top to bottom. */
function pageNumberRow(p: PdfPage): Row | undefined {
  if (!isLandscape(p)) return p.rows.find((r) => PAGE_NUMBER.test(r.text.replace(/\s/g, "")));
  const words = p.rows.flatMap((r) => r.words).filter((w) => w.xMax < toPt(35)).sort((a, b) => a.yMin - b.yMin);
  if (words.length === 0) return undefined;
  const box = { xMin: Math.min(...words.map((w) => w.xMin)), xMax: Math.max(...words.map((w) => w.xMax)), yMin: words[0]!.yMin, yMax: words[words.length - 1]!.yMax };
  return { ...box, words, text: words.map((w) => w.text).join("") };
}
/** Rows of text inside the 版心 of a portrait page (the page number is below it). */
const textRows = (p: PdfPage) => p.rows.filter((r) => r.yMax <= BLOCK.bottom + 2 && !PAGE_NUMBER.test(r.text));

/**
 * Width in characters: CJK characters and full-width marks count one, digits and Latin their Times New Roman
 * widths (font metrics, the same table the layout measures with), and LibreOffice's
 * ~0.2 character wherever Chinese meets digits or Latin (it ignores w:autoSpaceDE).
 */
import { charEm } from "../src/plan/measure.js";

const gapBetween = (a: string, b: string) => (/\p{Script=Han}/u.test(a) && /[0-9A-Za-z]/.test(b)) || (/[0-9A-Za-z]/.test(a) && /\p{Script=Han}/u.test(b));
const ems = (text: string) =>
  [...text].reduce((n, ch, i, all) => n + charEm(ch) + (i > 0 && gapBetween(all[i - 1]!, ch) ? 0.2 : 0), 0);

/**
 * Width of what a line break had to move down to the start of the next line: a run of digits or Latin (with the
 * ~0.2 character LibreOffice puts around it), an opening mark with what it opens, a character followed by a
 * closing mark (only ，。、 may hang past the line's end), or else one character.
 */
function carried(line: string, next: string): number {
  const gap = gapBetween(line[line.length - 1]!, next[0]!) ? 0.2 : 0;
  const run = /^[（《“‘〔【「]?[0-9A-Za-z.%]+/u.exec(next);
  if (run) return ems(run[0]) + gap;
  if (/^[（《“‘〔【「]/u.test(next) || /^.[）》”’〕】」；：？！]/u.test(next)) return 2 + gap;
  return 1 + gap;
}

/** Pages of the body text: from page 1 to the page before the first attachment. */
function bodyPages(r: Rendered): PdfPage[] {
  const first = r.pages.findIndex((p) => textRows(p)[0]?.text.startsWith("附件") && textRows(p)[0]!.xMax < BLOCK.left + 60);
  return r.pages.slice(0, first < 0 ? r.pages.length : first);
}

describe.each(Object.keys(EXAMPLES) as Name[])("%s rendered by LibreOffice", (name) => {
  it("has as many pages as the layout counted", () => {
    expect(rendered[name].pages.length).toBe(rendered[name].layoutPages);
  });

  it("sets body text on the 22-line grid: every row on one of 22 grid lines, every page the text runs on from filled", () => {
    const body = bodyPages(rendered[name]);
    // Page 1 carries the header, whose parts are placed by millimetres, not by grid lines; grid lines are counted
    // from the first line of page 2 (or, for a one-page body, from line 1 of the 版心).
    const top = body[1] ? textRows(body[1])[0]!.yMax : BLOCK.top + LINE_PT;
    body.slice(1).forEach((page, i, pages) => {
      const rows = textRows(page);
      const slots = rows.map((row) => (row.yMax - top) / LINE_PT);
      slots.forEach((slot, k) => expect(Math.abs(slot - Math.round(slot)), rows[k]!.text).toBeLessThan(0.05));
      expect(Math.max(...slots)).toBeLessThan(21.5);
      // A page the text runs on from is filled to its 22nd line (blank lines count: they are lines of the grid),
      // unless a heading kept with its paragraph went over.
      const next = pages[i + 1] && textRows(pages[i + 1]!)[0];
      if (next && !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）|^附件：/.test(next.text)) expect(Math.round(Math.max(...slots)), `page ${i + 2}`).toBe(21);
    });
  });

  it("sets 28 characters on every full line of body text", () => {
    const rows = bodyPages(rendered[name]).flatMap(textRows);
    // A full line is justified to the right edge of the 版心 (closing punctuation may hang past it); rows whose
    // words stand far apart are the 明电 header's fields, set by tab stops; a 3号 row's box is ~21 pt high, which
    // leaves out a 发文机关标志 narrowed to the full width.
    const full = (r: Row) =>
      r.yMax - r.yMin < 24 &&
      r.xMax >= BLOCK.right - 1.5 &&
      (Math.abs(r.xMin - BLOCK.left) < 1 || Math.abs(r.xMin - (BLOCK.left + 2 * 15.75)) < 1) &&
      r.words.every((w, i) => i === 0 || w.xMin - r.words[i - 1]!.xMax < 20);
    const lines = rows.flatMap((row, i) => (full(row) ? [{ row, next: rows[i + 1] }] : []));
    expect(lines.length).toBeGreaterThan(name === "wide" ? 1 : 20);
    for (const { row: line, next } of lines) {
      const indent = line.xMin > BLOCK.left + 10 ? 2 : 0;
      const hangs = line.xMax > BLOCK.right + 3 ? 1 : 0;
      const width = ems(line.text) + indent - hangs;
      // Never more than 28; fewer only when what follows could not have been set at the end of this line.
      expect(width, line.text).toBeLessThanOrEqual(28.05);
      if (next) expect(width + carried(line.text, next.text), `${line.text} / ${next.text}`).toBeGreaterThan(28);
    }
  });

  it("numbers pages — N — in the right place: odd right, even left, one character in, 7 mm below the 版心", () => {
    const { pages, images } = rendered[name];
    const unnumbered = unnumberedPages(pages);
    pages.forEach((page, i) => {
      const n = i + 1;
      const row = pageNumberRow(page);
      if (unnumbered.has(n)) {
        expect(row, `page ${n} should carry no number`).toBeUndefined();
        return;
      }
      expect(row, `page ${n} has no number`).toBeDefined();
      expect(Number(PAGE_NUMBER.exec(row!.text.replace(/\s/g, ""))![1])).toBe(n);
      if (isLandscape(page)) {
        // GB/T 9704 §8: in the left margin, centred 7 mm outside the 版心 (whose left edge is 35 mm in), ending one
        // character inside its foot on odd pages and starting one character inside its head on even pages.
        const ink = inkBands(images[i]!, "dark", { right: 34 });
        const left = Math.min(...ink.map((b) => b.left));
        const right = Math.max(...ink.map((b) => b.right));
        expect((left + right) / 2).toBeCloseTo(35 - 7, 0);
        if (n % 2 === 1) expect(ink[ink.length - 1]!.bottom).toBeCloseTo(28 + 156 - 4.94, 0);
        else expect(ink[0]!.top).toBeCloseTo(28 + 4.94, 0);
        return;
      }
      if (n % 2 === 1) expect(row!.xMax).toBeCloseTo(BLOCK.right - 14, 0);
      else expect(row!.xMin).toBeCloseTo(BLOCK.left + 14, 0);
      // The dashes' ink is the rule to place: 7 mm below the 版心's bottom edge.
      const dash = rules(images[i]!, "dark", 3.5, { top: toMm(BLOCK.bottom) + 2, bottom: toMm(BLOCK.bottom) + 12 });
      expect(dash.length).toBeGreaterThan(0);
      expect((dash[0]!.top + dash[0]!.bottom) / 2 - toMm(BLOCK.bottom)).toBeCloseTo(7, 0);
    });
  });

  it("starts each attachment on a new page with 附件N in 黑体 on line 1 and its title on line 3", () => {
    const { pages } = rendered[name];
    const starts = pages.filter((p) => textRows(p)[0]?.text.startsWith("附件") && textRows(p)[0]!.xMin < BLOCK.left + 40 && textRows(p)[0]!.text.length <= 4);
    expect(starts.length).toBeGreaterThan(0);
    for (const page of starts) {
      const [label, title] = textRows(page);
      const top = isLandscape(page) ? toPt(28) : BLOCK.top;
      expect(label!.yMin - top).toBeLessThan(LINE_PT);
      // Line 3: two grid lines below line 1 (the 2号 title's box reaches a little lower than the 3号 label's).
      expect(Math.abs(title!.yMax - label!.yMax - 2 * LINE_PT)).toBeLessThan(3);
      const middle = isLandscape(page) ? (toPt(35) + toPt(35 + 225)) / 2 : (BLOCK.left + BLOCK.right) / 2;
      expect((title!.xMin + title!.xMax) / 2).toBeCloseTo(middle, -0.5);
    }
  });

  it("puts the 版记 at the foot of the last page, which is even, between rules as wide as the 版心", () => {
    const { pages, images } = rendered[name];
    expect(pages.length % 2).toBe(0);
    const last = pages[pages.length - 1]!;
    const printed = textRows(last).find((r) => r.text.endsWith("印发"))!;
    expect(printed).toBeDefined();
    expect(BLOCK.bottom - printed.yMax).toBeLessThan(LINE_PT / 2);
    // The last rule's bottom is the 版心's bottom edge; the rules are 156 mm long.
    const found = rules(images[images.length - 1]!, "dark", 150, { top: 150 });
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const rule of found) expect(rule.right - rule.left).toBeCloseTo(156, 0);
    expect(found[found.length - 1]!.bottom).toBeCloseTo(262, 0);
    // First and last rules are the thick ones (0.35 mm), the middle one thin (0.25 mm).
    if (found.length === 3) {
      const [a, b, c] = found.map((r) => r.bottom - r.top);
      expect(b!).toBeLessThan(a!);
      expect(b!).toBeLessThan(c!);
    }
  });
});

describe("署名, 成文日期 and seal (GB/T 9704 7.3.5)", () => {
  const closing = (name: Name) => {
    const page = rendered[name].pages.find((p) => textRows(p).some((r) => r.text === "湛江市人民政府办公室"))!;
    const rows = textRows(page);
    const signature = rows.findIndex((r) => r.text === "湛江市人民政府办公室");
    return { page, index: rendered[name].pages.indexOf(page), above: rows[signature - 1]!, signature: rows[signature]!, date: rows[signature + 1]! };
  };

  it("without a seal: one blank line, 署名 two characters from the right, the date two characters right of its start", () => {
    const { above, signature, date } = closing("zhanjiang");
    expect(signature.yMax - above.yMax).toBeCloseTo(2 * LINE_PT, 0);
    expect(BLOCK.right - signature.xMax).toBeCloseTo(2 * 15.75, -0.5);
    expect(date.xMin - signature.xMin).toBeCloseTo(2 * 15.75, -0.5);
  });

  it("with a seal: the date four characters from the right, the 署名 centred over it, the seal centred on both above them", () => {
    const { index, above, signature, date } = closing("sealed");
    expect(BLOCK.right - date.xMax).toBeCloseTo(4 * 15.75, -0.5);
    expect((signature.xMin + signature.xMax) / 2).toBeCloseTo((date.xMin + date.xMax) / 2, -0.5);
    const ring = inkBands(rendered.sealed.images[index]!, "red");
    const seal = { top: ring[0]!.top, bottom: ring[ring.length - 1]!.bottom, left: Math.min(...ring.map((b) => b.left)), right: Math.max(...ring.map((b) => b.right)) };
    expect(seal.bottom - seal.top).toBeCloseTo(42, -0.5);
    expect((seal.left + seal.right) / 2).toBeCloseTo(toMm((date.xMin + date.xMax) / 2), 0);
    // Its top within one line of the text above; 署名 and date below its centre, inside it.
    expect(seal.top - toMm(above.yMax)).toBeGreaterThan(0);
    expect(seal.top - toMm(above.yMax)).toBeLessThan(toMm(LINE_PT));
    const centre = (seal.top + seal.bottom) / 2;
    expect(toMm(signature.yMin)).toBeGreaterThan(centre - toMm(LINE_PT) / 2);
    expect(toMm(date.yMax)).toBeLessThan(seal.bottom);
  });
});

/** A blank page before the 版记 page leaves both unnumbered (GB/T 9704 7.5). */
function unnumberedPages(pages: PdfPage[]): Set<number> {
  const n = pages.length;
  const blank = pages[n - 2] && textRows(pages[n - 2]!).length === 0;
  return blank ? new Set([n - 1, n]) : new Set();
}

describe("版头", () => {
  it("文件式: the 发文机关标志's top edge is 35 mm below the 版心's, the red line 4 mm under the 发文字号 and 156 mm long", () => {
    const page = rendered.zhanjiang.images[0]!;
    const red = inkBands(page, "red");
    expect(red[0]!.top).toBeCloseTo(37 + 35, 0);
    const line = rules(page, "red", 150)[0]!;
    expect(line.right - line.left).toBeCloseTo(156, 0);
    expect(line.left).toBeCloseTo(28, 0);
    const docNumber = inkBands(page, "dark", { top: red[0]!.bottom + 2, bottom: line.top - 0.1 });
    expect(line.top - docNumber[docNumber.length - 1]!.bottom).toBeCloseTo(4, 0);
    // The mark fits one line of the 版心.
    expect(red[0]!.left).toBeGreaterThanOrEqual(28 - 0.5);
    expect(red[0]!.right).toBeLessThanOrEqual(184 + 0.5);
  });

  it("份号, 密级 and 紧急程度 stand top-left on lines 1–3; a long 发文机关标志 is narrowed to the 版心, still 35 mm down", () => {
    const { pages, images } = rendered.wide;
    const rows = textRows(pages[0]!);
    expect(rows.slice(0, 3).map((r) => r.text)).toEqual(["000123", "机密★1年", "特急"]);
    rows.slice(0, 3).forEach((r, i) => {
      expect(r.xMin).toBeCloseTo(BLOCK.left, 0);
      expect(r.yMax - BLOCK.top).toBeGreaterThan(i * LINE_PT);
      expect(r.yMax - BLOCK.top).toBeLessThanOrEqual((i + 1) * LINE_PT);
    });
    const mark = inkBands(images[0]!, "red")[0]!;
    expect(mark.top).toBeCloseTo(37 + 35, 0);
    expect(mark.left).toBeGreaterThanOrEqual(28 - 0.5);
    expect(mark.right).toBeLessThanOrEqual(184 + 0.5);
    expect(mark.right - mark.left).toBeGreaterThan(150);
  });

  it("明电: the red 发电 mark over the field grid, closed by a red line as wide as the 版心", () => {
    const { pages, images } = rendered.guangdong;
    const rows = textRows(pages[0]!);
    expect(rows[0]!.text).toBe("广东省发电");
    expect(rows[1]!.text.replace(/\s/g, "")).toBe("发电单位广东省人民政府办公厅签批盖章张虎");
    expect(rows[2]!.text.replace(/\s/g, "")).toBe("等级加急·明电粤府办明电〔2019〕35号粤机发785号");
    const line = rules(images[0]!, "red", 150)[0]!;
    expect(line.right - line.left).toBeCloseTo(156, 0);
    expect(toPt(line.top)).toBeGreaterThan(rows[2]!.yMax);
    expect(toPt(line.top)).toBeLessThan(rows[3]!.yMin);
  });

  it("the title is two lines below the red line, 主送 one line below the title, flush left", () => {
    const { pages, images } = rendered.zhanjiang;
    const line = rules(images[0]!, "red", 150)[0]!;
    const rows = textRows(pages[0]!);
    const title = rows.findIndex((r) => r.text.startsWith("湛江市人民政府办公室关于"));
    // Two blank grid lines between the red line and the title's first line.
    const gap = (rows[title]!.yMax - toPt(line.bottom)) / LINE_PT;
    expect(gap).toBeGreaterThan(2.5);
    expect(gap).toBeLessThan(3.2);
    const recipients = rows[title + 2]!;
    expect(recipients.text.startsWith("各县")).toBe(true);
    // One blank line: two grid lines from the title's last line (a 2号 box reaches lower than a 3号 one).
    expect(Math.abs(recipients.yMax - rows[title + 1]!.yMax - 2 * LINE_PT)).toBeLessThan(3);
    expect(recipients.xMin).toBeCloseTo(BLOCK.left, 0);
  });
});
