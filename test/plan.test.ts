import { describe, expect, it } from "vitest";
import type { Circular } from "../src/model/circular.js";
import { asLines, cellLine } from "../src/plan/cell-lines.js";
import { planColumns } from "../src/plan/column-widths.js";
import { LINE, TEXT_HEIGHT, TEXT_WIDTH } from "../src/plan/geometry.js";
import { breakLines, textWidth } from "../src/plan/measure.js";
import { headingText, pointOrdinal } from "../src/plan/numbering.js";
import { paginate } from "../src/plan/paginate.js";
import { paragraph, run } from "../src/plan/paragraph.js";
import { DEFAULT_PROFILE, planCircular, type Paragraph, type Plan } from "../src/plan/index.js";
import { titleLines } from "../src/plan/title-lines.js";

const body = { size: 16, spacing: -5 };
/** A cell's lines, one line too as an array. */
const cellLines = (text: string, width: number, style: { size: number }) => asLines(cellLine(text, width, style));
const lines = (n: number, extra: Parameters<typeof paragraph>[2] = {}) => paragraph("paragraph", [run("一".repeat(28 * n - 2))], { indent: { firstLine: 630 }, ...extra });

describe("line breaking as LibreOffice does it", () => {
  it("sets 28 characters on a full line and 26 after a two-character indent", () => {
    const text = "一".repeat(60);
    expect(breakLines(text, TEXT_WIDTH, body).map((l) => l.length)).toEqual([28, 28, 4]);
    expect(breakLines(text, TEXT_WIDTH, body, 630)[0]!.length).toBe(26);
  });
  it("hangs ，。、 past the line's end and carries the character before any other closing mark", () => {
    expect(breakLines(`${"一".repeat(28)}，二`, TEXT_WIDTH, body)[0]).toBe(`${"一".repeat(28)}，`);
    expect(breakLines(`${"一".repeat(28)}》二`, TEXT_WIDTH, body)[1]).toBe("一》二");
  });
  it("keeps runs of digits whole and an opening mark with what it opens", () => {
    expect(breakLines(`${"一".repeat(26)}（2019）`, TEXT_WIDTH, body)[1]).toBe("（2019）");
  });
  it("counts the gap LibreOffice sets between an ideograph and a digit, not beside full-width punctuation", () => {
    const w = (t: string) => textWidth(t, { size: 16 });
    expect(w("年2019年") - w("年年") - w("2019")).toBe(128);
    expect(w("〔2019〕") - w("〔〕") - w("2019")).toBe(0);
  });
});

describe("pagination places every line on a page, as renderers do", () => {
  const place = (...blocks: Paragraph[]) => ({ count: paginate(blocks, TEXT_HEIGHT, TEXT_WIDTH), blocks });
  it("fills 22 lines to a page", () => {
    expect(place(lines(22)).count).toEqual({ pages: 1, used: 22 * LINE });
    const { count, blocks } = place(lines(23));
    expect(count).toEqual({ pages: 2, used: LINE });
    expect(blocks[0]!.lines.map((l) => [l.page, l.y / LINE]).slice(21)).toEqual([[0, 21], [1, 0]]);
  });
  it("starts a page at a page break and moves a kept heading with the first line of its paragraph", () => {
    expect(place(lines(3), lines(1, { pageBreakBefore: true })).count.pages).toBe(2);
    const { blocks } = place(lines(21), lines(1, { keepNext: true, keepLines: true }), lines(3));
    expect(blocks[1]!.lines[0]).toMatchObject({ page: 1, y: 0 });
  });
  it("repeats a table's header row on each page and never splits a row", () => {
    const table = { kind: "table" as const, attachment: 0, total: false, widths: [TEXT_WIDTH], padding: { x: 85, y: 27 }, size: 14, lineHeight: 336, header: { cells: [], height: 400, page: 0, y: 0 }, rows: [800, 800].map((height) => ({ cells: [], height, page: 0, y: 0 })) };
    expect(paginate([lines(20), table], TEXT_HEIGHT, TEXT_WIDTH)).toEqual({ pages: 2, used: 400 + 1600 });
    expect(table.rows.map((r) => [r.page, r.y])).toEqual([[1, 400], [1, 1200]]);
  });
  it("takes a table's last row over to the next page with the note kept to it, the header repeated", () => {
    const rows = (keepNext: boolean) => [800, 800].map((height, r) => ({ cells: [], height, page: 0, y: 0, ...(keepNext && r === 1 ? { keepNext } : {}) }));
    const table = (keepNext: boolean) => ({ kind: "table" as const, attachment: 0, total: false, widths: [TEXT_WIDTH], padding: { x: 85, y: 27 }, size: 14, lineHeight: 336, header: { cells: [], height: 400, page: 0, y: 0 }, rows: rows(keepNext) });
    // 18 lines, then the header and two rows fill the page to within less than the note's first line.
    const loose = table(false);
    paginate([lines(18), loose, lines(1)], TEXT_HEIGHT, TEXT_WIDTH);
    expect(loose.rows.map((r) => r.page)).toEqual([0, 0]);
    const kept = table(true);
    const note = lines(1);
    paginate([lines(18), kept, note], TEXT_HEIGHT, TEXT_WIDTH);
    expect(kept.rows.map((r) => [r.page, r.y])).toEqual([[0, 18 * LINE + 400], [1, 400]]);
    expect(note.lines[0]).toMatchObject({ page: 1, y: 1200 });
  });
});

describe("headings and points", () => {
  it("drops end punctuation from a standalone heading and ends a run-in one with 。", () => {
    expect(headingText("网站管理不到位。", false)).toBe("网站管理不到位");
    expect(headingText("网站管理不到位", true)).toBe("网站管理不到位。");
    expect(headingText("为什么？", true)).toBe("为什么？");
  });
  it("trims a long run of marks in linear time", () => {
    expect(headingText(`标题${"，".repeat(100_000)}`, false)).toBe("标题");
  });
  it("counts points 一是、二是…十一是, and beyond ten thousand", () => {
    expect([1, 2, 11, 10001].map(pointOrdinal)).toEqual(["一是", "二是", "十一是", "一万零一是"]);
  });
});

describe("title lines (GB/T 9704 7.3.1)", () => {
  const style = { size: 22 };
  const titles: [string, string[]][] = [
    ["湛江市人民政府办公室关于2021年第一季度全市政府网站与政务新媒体检查情况的通报", ["湛江市人民政府办公室", "2021年第一季度", "全市", "政府网站", "政务新媒体"]],
    ["广东省人民政府办公厅关于2019年第一季度全省政府网站检查情况的通报", ["广东省人民政府办公厅", "2019年第一季度", "全省", "政府网站"]],
    ["江州市人民政府办公室关于2024年第三季度全市12345政务服务便民热线工单办理情况的通报", ["江州市人民政府办公室", "2024年第三季度", "全市"]],
    ["某某自治州人民政府办公室关于进一步加强和规范全州政府网站与政务新媒体内容保障和安全管理工作情况的通报", ["某某自治州人民政府办公室"]],
  ];
  it.each(titles)("%s: fewest lines that fit, words whole, no line ending in 的, 梯形 or 菱形", (title, keep) => {
    const broken = titleLines(title, TEXT_WIDTH, style, keep);
    expect(broken.join("")).toBe(title);
    expect(broken.length).toBe(Math.ceil(textWidth(title, style) / TEXT_WIDTH));
    for (const line of broken) {
      expect(textWidth(line, style)).toBeLessThanOrEqual(TEXT_WIDTH);
      expect(line.endsWith("的")).toBe(false);
    }
    for (const word of keep) expect(broken.some((l) => l.includes(word))).toBe(true);
    const widths = broken.map((l) => textWidth(l, style));
    const peak = widths.indexOf(Math.max(...widths));
    const shaped = widths.every((w, i) => i === 0 || (i <= peak ? w >= widths[i - 1]! : w <= widths[i - 1]!)) || widths.every((w, i) => i === 0 || w <= widths[i - 1]!);
    expect(shaped).toBe(true);
  });
  it("leaves a short title on one line and keeps a line break the data writes", () => {
    expect(titleLines("关于政府网站检查情况的通报", TEXT_WIDTH, style)).toEqual(["关于政府网站检查情况的通报"]);
    expect(titleLines("关于政府网站\n检查情况的通报", TEXT_WIDTH, style)).toEqual(["关于政府网站", "检查情况的通报"]);
  });
  it("breaks any title in bounded time: dynamic programming over break points", () => {
    for (const n of [160, 300, 3000]) {
      const title = "关于进一步加强和规范政府网站内容保障工作".repeat(n / 20);
      const start = performance.now();
      expect(titleLines(title, TEXT_WIDTH, style).join("")).toBe(title);
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });
});

describe("table cells and column widths", () => {
  const style = { size: 14 };
  it("keeps labels with their values, brackets with what they hold, and never leaves one character alone", () => {
    expect(cellLines("加分：22 扣分：13 总分：109", 6 * 280, style)).toEqual(["加分：22", "扣分：13", "总分：109"]);
    expect(cellLines("受理工单（件）", 3 * 280, style)).toEqual(["受理", "工单", "（件）"]);
    for (const width of [3, 4, 5, 6, 7]) {
      const broken = cellLines("南雄市人民政府门户网站", width * 280, style);
      expect(broken.join("")).toBe("南雄市人民政府门户网站");
      expect(broken.at(-1)!.length).toBeGreaterThan(1);
    }
  });
  const table = (columns: string[], rows: string[][]) => ({ columns: columns.map((header) => ({ header })), rows: rows.map((r) => r.map((text) => ({ text }))) });
  it("fills the 版心 exactly and widens the column that saves the most lines", () => {
    const plan = planColumns(table(["序号", "网站名称", "网站标识码"], [["1", "茂名市质量技术监督局网站", "4409000013"]]), style, style);
    expect(plan.landscape).toBe(false);
    expect(plan.widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(plan.widths[2]!).toBeGreaterThan(textWidth("4409000013", style));
    expect(plan.widths[1]!).toBeGreaterThan(plan.widths[0]!);
  });
  it("keeps headers to four lines where widths allow", () => {
    const headers = ["序号", "网站名称", "首页不更新", "栏目不更新", "互动回应差", "服务不实用", "安全、泄密事故等严重问题", "其他问题", "得分情况"];
    const plan = planColumns(table(headers, [["1", "中国潮州政府网站", "否", "是", "否", "否", "否", "无", "加分：22\n扣分：13\n总分：109"]]), style, style);
    headers.forEach((h, c) => expect(cellLines(h, plan.widths[c]! - 200, style).length).toBeLessThanOrEqual(4));
  });
  it("turns to landscape only when what cannot wrap does not fit", () => {
    const many = Array.from({ length: 13 }, (_, i) => `第${i}列标题`);
    expect(planColumns(table(many, [many.map(() => "是")]), style, style).landscape).toBe(true);
    expect(planColumns(table(many.slice(0, 9), [many.slice(0, 9).map(() => "是")]), style, style).landscape).toBe(false);
  });
});

/** A circular with `paragraphs` paragraphs of `length` characters each, a 附件说明 and a 版记. */
function circular(paragraphs: number, length: number, extra: Partial<Circular> = {}): Circular {
  return {
    meta: { title: "关于测试的通报", issuer: "某市人民政府办公室", date: "2024-10-15" },
    title: { text: "某市人民政府办公室关于测试的通报", keep: [] },
    recipients: "各区人民政府：",
    body: Array.from({ length: paragraphs }, (_, i) => ({ kind: "paragraph" as const, text: `第${i + 1}段${"测".repeat(length)}` })),
    attachmentList: { label: "附件：", items: ["测试表"] },
    signature: "某市人民政府办公室",
    date: "2024年10月15日",
    attachments: [],
    colophon: { printedBy: "某市人民政府办公室", printedOn: "2024年10月15日印发" },
    ...extra,
  };
}
const paragraphsOf = (plan: Plan) => plan.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "paragraph" ? [{ b, s }] : [])));
const roleLines = (plan: Plan, role: string) => paragraphsOf(plan).filter(({ b }) => b.role === role).flatMap(({ b, s }) => b.lines.map((l) => ({ ...l, page: s.firstPage + l.page })));

describe("the circular's pages", () => {
  it("puts the 版记 on an even last page, at the foot, without a page number when it needs a page of its own", () => {
    for (const n of [1, 3, 8, 9, 12]) {
      const plan = planCircular(circular(n, 200), DEFAULT_PROFILE);
      const colophon = plan.sections.flatMap((s) => s.blocks.filter((b) => b.kind === "colophon").map((b) => ({ b, s })))[0]!;
      expect(plan.pages % 2).toBe(0);
      expect(colophon.s.firstPage + colophon.b.page).toBe(plan.pages);
      expect(colophon.b.lines.at(-1)!.y + colophon.b.lines.at(-1)!.height).toBe(TEXT_HEIGHT);
      const last = plan.sections.at(-1)!;
      if (!last.numbered) expect(last.firstPage + last.pages - 1).toBe(plan.pages);
    }
  });
  it("sets the date two characters right of the 署名's first character, each as far right as that allows (7.3.5.2)", () => {
    const start = (p: Paragraph, text: string) => TEXT_WIDTH - p.indent.right - textWidth(text, body);
    for (const [name, expected] of [["某市人民政府办公室", "date"], ["中共某某自治州委员会办公室某某自治州人民政府办公室", "signature"]] as const) {
      const plan = planCircular({ ...circular(1, 20), signature: name }, DEFAULT_PROFILE);
      const [signature, date] = ["signature", "date"].map((r) => paragraphsOf(plan).find(({ b }) => b.role === r)!.b);
      expect(signature!.before).toBe(LINE);
      expect(Math.round((start(date!, "2024年10月15日") - start(signature!, name)) / 315)).toBe(2);
      // A 署名 long enough stands two characters from the right; else the date does.
      expect((expected === "signature" ? signature : date)!.indent.right).toBe(2 * 315);
    }
  });
  it("with a seal: the date four characters from the right, the seal centred on the date above the 署名's line", () => {
    const seal = { image: new Uint8Array([0x89]), type: "png" as const, width: 10, height: 10, size: 42 };
    const plan = planCircular(circular(1, 20, { seal }), DEFAULT_PROFILE);
    const signature = paragraphsOf(plan).find(({ b }) => b.role === "signature")!.b;
    const date = paragraphsOf(plan).find(({ b }) => b.role === "date")!.b;
    expect(date.indent.right).toBe(4 * 315);
    expect(signature.before).toBe(2 * LINE);
    const diameter = Math.round((42 * 1440) / 25.4);
    const dateCentre = TEXT_WIDTH - 4 * 315 - textWidth("2024年10月15日", body) / 2;
    expect(Math.abs(signature.seal!.x + diameter / 2 - dateCentre)).toBeLessThan(2);
    expect(signature.seal!.y).toBeLessThan(LINE);
  });
  it("never leaves the 署名 on a page without body text, and keeps the page before it full (7.3.5.5)", () => {
    // Body that ends two lines short of a page: the closing (blank line, 附件说明, blank line, 署名, date) does not fit.
    for (const n of [1, 2, 3, 4]) {
      for (const length of [180, 300, 420]) {
        const plan = planCircular(circular(n, length), DEFAULT_PROFILE);
        const signature = roleLines(plan, "signature")[0]!;
        const bodyLines = roleLines(plan, "paragraph");
        expect(bodyLines.some((l) => l.page === signature.page)).toBe(true);
        // Every page before the 署名's is filled to its last line.
        for (let page = 1; page < signature.page; page++) {
          const onPage = [...roleLines(plan, "paragraph"), ...roleLines(plan, "recipients"), ...roleLines(plan, "title")].filter((l) => l.page === page);
          expect(Math.max(...onPage.map((l) => l.y))).toBe(21 * LINE);
        }
      }
    }
  });
  it("never splits a heading run into its paragraph over two pages", () => {
    const heading = { kind: "section" as const, heading: "进一步加强政府网站与政务新媒体内容建设，提升网上政务服务水平", text: "测".repeat(200), body: [] };
    for (let filler = 10; filler < 30; filler++) {
      const plan = planCircular(circular(1, 28 * filler, { body: [{ kind: "paragraph", text: "测".repeat(28 * filler) }, heading] }), DEFAULT_PROFILE);
      const p = paragraphsOf(plan).find(({ b }) => b.role === "heading")!.b;
      const headingLength = p.runs[0]!.text.length;
      let at = 0;
      const pages = new Set<number>();
      for (const line of p.lines) {
        if (at < headingLength) pages.add(line.page);
        at += line.runs.reduce((n, r) => n + r.text.length, 0);
      }
      expect(pages.size).toBe(1);
    }
  });
});

describe("the closing and the attachments", () => {
  it("sets the 附注 flush left and never breaks a telephone or fax number", () => {
    const note = "（联系人：陈峰，电话：020-83132437，传真：020-83132525；地址：广东省广州市越秀区府前路1号）";
    const plan = planCircular(circular(1, 20, { note }), DEFAULT_PROFILE);
    const p = paragraphsOf(plan).find(({ b }) => b.role === "note")!.b;
    expect(p.align).toBe("left");
    expect(p.forcedBreaks).toBe(true);
    const lineTexts = p.lines.map((l) => l.runs.map((r) => r.text).join(""));
    expect(lineTexts.join("")).toBe(note);
    for (const number of ["020-83132437", "020-83132525"]) expect(lineTexts.some((l) => l.includes(number))).toBe(true);
  });
  it("leaves half a line between an attachment's title and its table", () => {
    const table = { columns: [{ header: "序号" }, { header: "名称" }], rows: [[{ text: "1" }, { text: "甲" }]] };
    const attachment = { label: "附件", separateLabel: "附件", title: "测试表", table, notes: [] };
    const plan = planCircular(circular(1, 20, { attachments: [attachment] }), DEFAULT_PROFILE);
    const blocks = plan.sections.flatMap((s) => s.blocks);
    const before = blocks[blocks.findIndex((b) => b.kind === "table") - 1]!;
    expect(before.kind === "paragraph" && before.runs.length === 0 && before.lineHeight).toBe(Math.round(LINE / 2));
  });
});
