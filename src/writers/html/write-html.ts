import { cellParagraphs, type Cell, type Colophon, type Face, type Paragraph, type Plan, type Run, type Table, type TableRow } from "../../plan/index.js";
import type { BlockWriters } from "../writer.js";
import { fontStack, mixedStack } from "./fonts.js";
import { attr, text } from "./html.js";

/**
 * The circular as government websites publish it: one self-contained page with the title, 主送, the numbered
 * text, the 附件 as real tables with their merged cells, the 署名 and date, the 附注 and 版记 — without the red
 * 版头 and the page numbers, which belong to paper. Written from the same plan as the .docx, so the text is the
 * same; it reflows for a phone's width, and the tables scroll sideways when they are wider.
 */

/** What each paragraph role is in HTML: its element and class; roles absent here are paper only. */
const ELEMENTS: Partial<Record<Paragraph["role"], { tag: string; cls?: string }>> = {
  docNumber: { tag: "p", cls: "doc-number" },
  title: { tag: "h1" },
  recipients: { tag: "p", cls: "recipients" },
  paragraph: { tag: "p" },
  point: { tag: "p" },
  attachmentList: { tag: "p", cls: "attachment-list" },
  signature: { tag: "p", cls: "signature" },
  date: { tag: "p", cls: "date" },
  note: { tag: "p" },
  publicity: { tag: "p", cls: "publicity" },
  attachmentLabel: { tag: "p", cls: "attachment-label" },
  attachmentTitle: { tag: "h2", cls: "attachment-title" },
  attachmentSubtitle: { tag: "p", cls: "attachment-subtitle" },
  tableNote: { tag: "p", cls: "table-note" },
};

/** Runs as text, with a face other than the paragraph's marked, and numbers that must not break kept together. */
function runsHtml(runs: readonly Run[], base: Face): string {
  return runs
    .map((r) => {
      const content = text(r.text).replace(/\n/g, "<br>");
      if (r.unbreakable) return `<span class="nowrap">${content}</span>`;
      return r.style.face !== base ? `<span class="${r.style.face}">${content}</span>` : content;
    })
    .join("");
}

function paragraphHtml(p: Paragraph): string {
  if (p.role === "heading") {
    // A heading on its own line is a heading; one run into its paragraph stays in it.
    const level = Math.min(6, (p.level ?? 0) + 2);
    if (p.runs.length === 1) return `<h${level}>${text(p.runs[0]!.text)}</h${level}>`;
    const [head, ...rest] = p.runs;
    return `<p><strong class="${head!.style.face}">${text(head!.text)}</strong>${runsHtml(rest, "body")}</p>`;
  }
  const element = ELEMENTS[p.role];
  if (!element || p.runs.every((r) => r.text === "")) return "";
  // A tab between fields reads as a space on the web.
  const runs = p.runs.map((r, i) => (r.tab && i > 0 ? { ...r, text: ` ${r.text}` } : r));
  return `<${element.tag}${element.cls ? ` class="${element.cls}"` : ""}>${runsHtml(runs, p.role === "title" || p.role === "attachmentTitle" ? "title" : "body")}</${element.tag}>`;
}

function cellHtml(cell: Cell, header: boolean): string {
  const tag = header ? "th" : "td";
  const span = `${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ""}${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ""}`;
  const scope = header ? ' scope="col"' : "";
  const align = !header && cell.align === "left" ? ' class="left"' : "";
  return `<${tag}${scope}${span}${align}>${cellParagraphs(cell).map((lines) => text(lines.join(""))).join("<br>")}</${tag}>`;
}

const rowHtml = (row: TableRow, header: boolean): string => `<tr>${row.cells.filter((cell) => !cell.continued).map((cell) => cellHtml(cell, header)).join("")}</tr>`;

function tableHtml(t: Table, context: { title: string }): string {
  return (
    `<section class="table" aria-label="${attr(context.title)}" tabindex="0"><table>` +
    `<thead>${rowHtml(t.header, true)}</thead><tbody>${t.rows.map((r) => rowHtml(r, false)).join("")}</tbody></table></section>`
  );
}

function colophonHtml(c: Colophon): string {
  return `<footer class="colophon">${c.lines.map((l) => `<p class="${l.kind}">${l.runs.map((r) => `<span>${text(r.text)}</span>`).join("")}</p>`).join("")}</footer>`;
}

const WRITERS: BlockWriters<string, { title: string }> = {
  paragraph: (p) => paragraphHtml(p),
  table: (t, context) => tableHtml(t, context),
  colophon: (c) => colophonHtml(c),
};

function css(plan: Plan): string {
  return `
:root { color: #111; background: #fff; }
body { margin: 0 auto; max-width: 44em; padding: 1.5em 1em 3em; font: 18px/1.9 ${mixedStack(plan, "body")}; }
h1, .attachment-title { font-family: ${fontStack(plan, "title")}; font-weight: normal; text-align: center; font-size: 1.5em; line-height: 1.5; margin: 1em 0; }
h2 { font-family: ${fontStack(plan, "hei")}; font-weight: normal; font-size: 1em; margin: 0; text-indent: 2em; }
h3 { font-family: ${fontStack(plan, "kai")}; font-weight: normal; font-size: 1em; margin: 0; text-indent: 2em; }
h4, h5, h6 { font-size: 1em; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.hei { font-family: ${fontStack(plan, "hei")}; font-weight: normal; } .kai { font-family: ${fontStack(plan, "kai")}; font-weight: normal; }
.doc-number { text-align: center; text-indent: 0; }
.recipients { text-indent: 0; margin-top: 1em; }
.attachment-list { margin-top: 1em; }
.signature { margin-top: 1em; text-align: right; text-indent: 0; padding-right: 2em; }
.date { text-align: right; text-indent: 0; }
.publicity { margin-top: 1em; }
.attachment-label { font-family: ${fontStack(plan, "hei")}; text-indent: 0; margin-top: 2.5em; border-top: 1px solid #999; padding-top: 1.5em; }
.attachment-title { margin-bottom: 0.2em; }
.attachment-subtitle { text-align: center; text-indent: 0; font-family: ${fontStack(plan, "kai")}; }
.table { overflow-x: auto; margin: 0.8em 0; }
table { border-collapse: collapse; margin: 0 auto; font-size: 0.875em; line-height: 1.5; }
th, td { border: 1px solid #333; padding: 0.2em 0.4em; text-align: center; vertical-align: middle; }
th { font-family: ${fontStack(plan, "hei")}; font-weight: normal; }
td.left { text-align: left; }
.table-note { text-indent: -2em; padding-left: 2em; font-size: 0.875em; }
.nowrap { white-space: nowrap; }
.colophon { margin-top: 2em; border-top: 2px solid #111; border-bottom: 2px solid #111; font-size: 0.875em; }
.colophon p { text-indent: 0; padding: 0 1em; }
.colophon p + p { border-top: 1px solid #111; }
.colophon .printed { display: flex; justify-content: space-between; flex-wrap: wrap; }
`;
}

/** The web copy of a plan, as one HTML document. */
export function writeHtml(plan: Plan): string {
  // A table is named, for screen readers, by the attachment title above it.
  const context = { title: plan.meta.title };
  const body: string[] = [];
  for (const section of plan.sections) {
    for (const block of section.blocks) {
      if (block.kind === "paragraph" && block.role === "attachmentTitle") context.title = block.runs.map((r) => r.text).join("");
      const html = (WRITERS[block.kind] as (b: typeof block, c: typeof context) => string)(block, context);
      if (html) body.push(html);
    }
  }
  return (
    `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="tongbao">\n<title>${text(plan.meta.title)}</title>\n<style>${css(plan)}</style>\n</head>\n<body>\n<main>\n` +
    `${body.join("\n")}\n</main>\n</body>\n</html>\n`
  );
}
