import { cellParagraphs, LANDSCAPE_TEXT_WIDTH, PAGE, TEXT_HEIGHT, TEXT_WIDTH } from "../../plan/index.js";
import type { Cell, Colophon, ColophonLine, Face, Paragraph, Plan, Run, RunStyle, Section, Table, TabStop } from "../../plan/index.js";
import type { BlockWriters } from "../writer.js";
import { mixedStack } from "./fonts.js";
import { attr, text } from "./html.js";

/**
 * The circular's pages as the plan places them, for the preview: every line at its page and height, tables row by
 * row with the header repeated, the 版记 at the page foot, page numbers — nothing laid out again by the browser,
 * which only sets each line's characters across its width. Lengths are points (a twip is 1/20 pt). A figure in
 * the text and a cell of a table carry `data-ref`, what the preview asks about when pointed at.
 */

const pt = (twips: number): string => `${Math.round(twips * 5) / 100}pt`;

/** Where a section's page puts its 版心: portrait margins, or the same place on the sheet turned (landscape). */
const frame = (s: Section) =>
  s.orientation === "landscape"
    ? { width: PAGE.height, height: PAGE.width, left: PAGE.bottom, top: PAGE.left, textWidth: LANDSCAPE_TEXT_WIDTH }
    : { width: PAGE.width, height: PAGE.height, left: PAGE.left, top: PAGE.top, textWidth: TEXT_WIDTH };

const FACE_CLASS: Record<Face, string> = { body: "f-body", title: "f-title", kai: "f-kai", hei: "f-hei", song: "f-song" };

function styleOf(style: RunStyle): string {
  const parts = [`font-size:${style.size}pt`];
  if (style.spacing) parts.push(`letter-spacing:${pt(style.spacing)}`);
  if (style.bold) parts.push("font-weight:bold");
  if (style.color) parts.push(`color:#${style.color.replace(/[^0-9a-fA-F]/g, "")}`);
  return parts.join(";");
}

/** A run's characters, a figure in it wrapped so that the preview can say where it comes from. */
function runContent(r: Run): string {
  if (!r.marks?.length) return text(r.text);
  let out = "";
  let at = 0;
  for (const m of r.marks) {
    out += text(r.text.slice(at, m.start));
    out += `<span class="fig" data-ref="${attr(`text:${m.ref}`)}">${text(r.text.slice(m.start, m.end))}</span>`;
    at = m.end;
  }
  return out + text(r.text.slice(at));
}

function runHtml(r: Run): string {
  const scale = r.style.scale ? `;display:inline-block;transform:scaleX(${r.style.scale / 100});transform-origin:left` : "";
  return `<span class="${FACE_CLASS[r.style.face]}" style="${styleOf(r.style)}${scale}">${runContent(r)}</span>`;
}

/** Runs of a line with tab stops: the text after each tab stands at its stop, aligned as the stop says. */
function tabbedHtml(runs: readonly Run[], tabs: readonly TabStop[]): string {
  let stop = 0;
  return runs
    .map((r) => {
      if (!r.tab) return runHtml(r);
      const tab = tabs[stop++];
      if (!tab) return runHtml(r);
      const place = tab.align === "right" ? `right:calc(100% - ${pt(tab.position)})` : tab.align === "center" ? `left:${pt(tab.position)};transform:translateX(-50%)` : `left:${pt(tab.position)}`;
      return `<span class="tab" style="${place}">${runHtml(r)}</span>`;
    })
    .join("");
}

interface Page {
  html: string[];
}

interface Place {
  pages: Page[];
  section: Section;
  /** The document page of the section's first page, 0-based. */
  first: number;
}

const page = (place: Place, n: number): string[] => place.pages[place.first + n]!.html;

function paragraphHtml(p: Paragraph, place: Place): void {
  const width = frame(place.section).textWidth;
  const last = p.lines.length - 1;
  p.lines.forEach((line, i) => {
    const first = i === 0;
    const left = p.indent.left + (first ? p.indent.firstLine - p.indent.hanging : 0);
    const right = p.indent.right;
    const justify = p.align === "both" && !p.forcedBreaks && i < last;
    const align = p.align === "both" ? "left" : p.align;
    const box = `top:${pt(line.y)};left:${pt(left)};width:${pt(width - left - right)};height:${pt(p.lineHeight)};line-height:${pt(p.lineHeight)}`;
    const content = p.tabs.length ? tabbedHtml(line.runs, p.tabs) : line.runs.map(runHtml).join("");
    page(place, line.page).push(`<div class="line ${justify ? "justify" : `a-${align}`}" data-role="${p.role}" style="${box}">${content}</div>`);
  });
  const end = p.lines[last];
  if (p.ruleBelow && end) {
    const top = end.y + p.lineHeight + p.ruleBelow.gap;
    page(place, end.page).push(`<div class="rule" style="top:${pt(top)};width:${pt(width)};border-top:${p.ruleBelow.size / 8}pt solid #${p.ruleBelow.color}"></div>`);
  }
  const start = p.lines[0];
  if (p.seal && start) {
    const { seal } = p;
    const src = `data:image/${seal.type === "png" ? "png" : "jpeg"};base64,${Buffer.from(seal.image).toString("base64")}`;
    page(place, start.page).push(`<img class="seal" alt="" src="${src}" style="left:${pt(seal.x)};top:${pt(start.y - p.before + seal.y)};width:${pt(seal.size)};height:${pt(seal.size)}">`);
  }
}

function cellHtml(cell: Cell, box: { x: number; y: number; width: number; height: number }, table: Table, header: boolean, ref: string | undefined): string {
  const lines = cell.continued ? "" : cellParagraphs(cell).flat().map((l) => `<div>${text(l) || "&#8203;"}</div>`).join("");
  const cls = `cell${header ? " head" : ""} a-${header ? "center" : cell.align}`;
  const style = `left:${pt(box.x)};top:${pt(box.y)};width:${pt(box.width)};height:${pt(box.height)};padding:0 ${pt(table.padding.x)};font-size:${table.size}pt;line-height:${pt(table.lineHeight)}`;
  return `<div class="${cls}"${ref ? ` data-ref="${attr(ref)}"` : ""} style="${style}">${lines}</div>`;
}

/** A table page by page: the header row atop each page it runs over, each cell a box the height of its rows there. */
function tableHtml(t: Table, place: Place): void {
  const width = frame(place.section).textWidth;
  const total = t.widths.reduce((a, b) => a + b, 0);
  const x0 = Math.round((width - total) / 2);
  const xs = t.widths.map((_, c) => x0 + t.widths.slice(0, c).reduce((a, b) => a + b, 0));
  const spanWidth = (c: number, span: number) => t.widths.slice(c, c + span).reduce((a, b) => a + b, 0);
  const pagesWithHeader = new Set<number>();
  const headerOn = (n: number) => {
    if (pagesWithHeader.has(n)) return;
    pagesWithHeader.add(n);
    const y = n === t.header.page ? t.header.y : 0;
    for (const cell of t.header.cells) page(place, n).push(cellHtml(cell, { x: xs[cell.column]!, y, width: spanWidth(cell.column, cell.colSpan), height: t.header.height }, t, true, undefined));
  };
  headerOn(t.header.page);
  const bodyRows = t.total ? t.rows.length - 1 : t.rows.length;
  t.rows.forEach((row, r) => {
    headerOn(row.page);
    const ref = (column: number) => (r < bodyRows ? `row:${t.attachment}:${r}` : `total:${t.attachment}:${column}`);
    for (const cell of row.cells) {
      const { column } = cell;
      // A merged cell is as tall as its rows on this page; where it goes over a page, it shows again, empty.
      if (cell.continued && t.rows[r - 1]?.page === row.page) continue;
      let end = r + 1;
      if (cell.continued || cell.rowSpan > 1) while (end < t.rows.length && t.rows[end]!.cells.some((e) => e.column === column && e.continued)) end++;
      let height = 0;
      for (let k = r; k < end; k++) if (t.rows[k]!.page === row.page) height += t.rows[k]!.height;
      page(place, row.page).push(cellHtml(cell, { x: xs[column]!, y: row.y, width: spanWidth(column, cell.colSpan), height }, t, false, ref(column)));
    }
  });
}

function colophonLineHtml(line: ColophonLine, width: number): string {
  const rule = (kind: "thick" | "thin") => `${kind === "thick" ? 1 : 0.75}pt solid #000`;
  const style = `top:${pt(line.y)};width:${pt(width)};height:${pt(line.height)};line-height:${pt(line.lineHeight)};border-top:${rule(line.ruleAbove)}${line.ruleBelow ? `;border-bottom:${rule(line.ruleBelow)}` : ""}`;
  const inner = `padding-left:${pt(line.indent.left)};padding-right:${pt(line.indent.right)};text-indent:${pt(-line.indent.hanging)}`;
  return `<div class="colophon ${line.kind}" style="${style}"><div class="inner" style="${inner}">${tabbedHtml(line.runs, line.tabs)}</div></div>`;
}

const colophonHtml = (c: Colophon, place: Place): void => {
  const width = frame(place.section).textWidth;
  for (const line of c.lines) page(place, c.page).push(colophonLineHtml(line, width));
};

const WRITERS: BlockWriters<void, Place> = {
  paragraph: (p, place) => paragraphHtml(p, place),
  table: (t, place) => tableHtml(t, place),
  colophon: (c, place) => colophonHtml(c, place),
};

/** "— 3 —", odd pages on the right and even ones on the left, one character in (GB/T 9704 7.5). */
function pageNumberHtml(plan: Plan, n: number, s: Section): string {
  const { before, after, size, fromEdge, footer } = plan.pageNumber;
  const label = text(`${before}${n}${after}`);
  if (s.orientation === "landscape") {
    const { turned } = plan.pageNumber;
    const top = n % 2 === 1 ? PAGE.width - turned.yOdd - turned.length : PAGE.width - turned.yEven - turned.length;
    return `<div class="number turned f-body" style="left:${pt(turned.x)};top:${pt(top)};width:${pt(turned.width)};height:${pt(turned.length)};font-size:${size}pt">${label}</div>`;
  }
  const side = n % 2 === 1 ? `right:${pt(PAGE.right + fromEdge)}` : `left:${pt(PAGE.left + fromEdge)}`;
  return `<div class="number f-body" style="${side};bottom:${pt(footer)};font-size:${size}pt">${label}</div>`;
}

/** The pages' own style: faces from the document's font table, boxes placed in points. */
export function pagesCss(plan: Plan): string {
  const faces = (["body", "title", "kai", "hei", "song"] as const).map((f) => `.f-${f} { font-family: ${mixedStack(plan, f)}; }`).join("\n");
  return `
.sheet { position: relative; margin: 0 auto 16px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.35); overflow: hidden; color: #000; }
.text { position: absolute; }
.line, .rule, .cell, .colophon, .seal, .number { position: absolute; }
.line { white-space: nowrap; }
/* A line of exact height carries its leading above the text, as Word and LibreOffice set it: the text at the foot. */
.line > span, .colophon .inner > span { line-height: normal; vertical-align: bottom; }
.line.justify { text-align: justify; text-align-last: justify; }
.a-left { text-align: left; } .a-center { text-align: center; } .a-right { text-align: right; }
.line .tab { position: absolute; bottom: 0; line-height: normal; white-space: nowrap; }
.line .tab > span { line-height: normal; }
.rule { left: 0; height: 0; }
.cell { box-sizing: border-box; border: 0.5pt solid #000; margin: -0.25pt 0 0 -0.25pt; display: -webkit-box; display: flex; -webkit-box-orient: vertical; flex-direction: column; -webkit-box-pack: center; justify-content: center; overflow: hidden; }
.cell div { white-space: pre; }
.cell.head { font-family: ${mixedStack(plan, "hei")}; }
.cell:not(.head) { font-family: ${mixedStack(plan, "body")}; }
.colophon { left: 0; box-sizing: border-box; }
.colophon .inner .tab { position: absolute; bottom: 0; line-height: normal; }
.colophon .inner { position: relative; white-space: nowrap; font-family: ${mixedStack(plan, "body")}; }
.number { white-space: nowrap; }
.number.turned { writing-mode: vertical-rl; text-align: center; }
.fig { border-radius: 2px; }
${faces}
`;
}

/** Every page of a plan, in order: `<section class="sheet">` each, at A4 size (or turned), with what the plan put on it. */
export function writePages(plan: Plan): string[] {
  const pages: Page[] = Array.from({ length: plan.pages }, () => ({ html: [] }));
  for (const section of plan.sections) {
    const place: Place = { pages, section, first: section.firstPage - 1 };
    for (const block of section.blocks) (WRITERS[block.kind] as (b: typeof block, p: Place) => void)(block, place);
  }
  const sectionOf = (n: number) => plan.sections.find((s) => n >= s.firstPage && n < s.firstPage + s.pages)!;
  return pages.map((p, i) => {
    const s = sectionOf(i + 1);
    const f = frame(s);
    const number = s.numbered ? pageNumberHtml(plan, i + 1, s) : "";
    const height = s.orientation === "landscape" ? TEXT_WIDTH : TEXT_HEIGHT;
    return (
      `<section class="sheet ${s.orientation}" data-page="${i + 1}" style="width:${pt(f.width)};height:${pt(f.height)}">` +
      `<div class="text" style="left:${pt(f.left)};top:${pt(f.top)};width:${pt(f.textWidth)};height:${pt(height)}">${p.html.join("")}</div>${number}</section>`
    );
  });
}
