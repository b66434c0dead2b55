import type { Circular } from "../model/circular.js";
import { attachmentPages } from "./attachment.js";
import { bodyBlocks, recipientsBlock, titleBlock } from "./body.js";
import { attachmentListBlock, noteBlock, publicityBlock, signatureBlock } from "./closing.js";
import { anchorParagraph, colophonBlock, colophonHeight } from "./colophon.js";
import { fontTable } from "./fonts.js";
import { LANDSCAPE_TEXT_HEIGHT, LANDSCAPE_TEXT_WIDTH, LINE, TEXT_HEIGHT, TEXT_WIDTH } from "./geometry.js";
import { documentHeader, telegramHeader } from "./header.js";
import { pageNumbers } from "./page-numbers.js";
import { paginate } from "./paginate.js";
import { paragraph } from "./paragraph.js";
import type { Block, Paragraph, Plan, Section } from "./plan.js";
import type { Profile } from "./profile.js";
import { tableLineHeight } from "./table.js";

type Draft = Omit<Section, "firstPage" | "pages">;

const height = (s: Draft) => (s.orientation === "landscape" ? LANDSCAPE_TEXT_HEIGHT : TEXT_HEIGHT);
const width = (s: Draft) => (s.orientation === "landscape" ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH);
const layout = (s: Draft) => paginate(s.blocks, height(s), width(s));

const BODY_ROLES = new Set(["paragraph", "heading", "point"]);
const paragraphs = (blocks: readonly Block[]) => blocks.filter((b): b is Paragraph => b.kind === "paragraph");

/** The first page, the body and its closing: everything before the attachments. */
function mainBlocks(circular: Circular, profile: Profile): Block[] {
  const blocks: Block[] = [];
  if (circular.header) blocks.push(...(circular.header.kind === "document" ? documentHeader(circular.header, profile) : telegramHeader(circular.header, profile)));
  blocks.push(titleBlock(circular.title, circular.header ? 2 * LINE : 0));
  blocks.push(recipientsBlock(circular.recipients));
  blocks.push(...bodyBlocks(circular.body, profile));
  if (circular.attachmentList) blocks.push(...attachmentListBlock(circular.attachmentList));
  blocks.push(...signatureBlock(circular.signature, circular.date, circular.seal));
  if (circular.note) blocks.push(noteBlock(circular.note));
  if (circular.publicity) blocks.push(publicityBlock(circular.publicity));
  return blocks;
}

/**
 * Rules that need the pages to be known, applied until the pagination settles:
 * - a heading run into its paragraph never parts over two pages: the paragraph starts a page;
 * - the 署名 page carries body text (GB/T 9704 7.3.5.5: 调整行距). When the closing would stand alone, whole blank
 *   lines are set between the last paragraphs of the page before, one before each from the last, so that the
 *   last body line carries over while that page stays full and every line stays on the 22-line grid. (Renderers
 *   move a keep-with-next paragraph whole, and condensing or widening the lines would break the 28-character line.)
 */
function keepTogether(section: Draft): void {
  for (let round = 0; round < 50; round++) {
    layout(section);
    const all = paragraphs(section.blocks);
    const split = all.find((p) => p.role === "heading" && p.runs.length > 1 && !p.pageBreakBefore && headingPages(p).size > 1);
    if (split) {
      split.pageBreakBefore = true;
      continue;
    }
    const signature = all.find((p) => p.role === "signature");
    if (!signature || !spreadBeforeClosing(section, all, signature)) return;
  }
}

/** Adds blank lines before the last body paragraphs of the page before the 署名's when that page has no body text. */
function spreadBeforeClosing(section: Draft, all: Paragraph[], signature: Paragraph): boolean {
  const page = signature.lines[0]!.page;
  const body = all.slice(0, all.indexOf(signature)).filter((p) => BODY_ROLES.has(p.role));
  if (page === 0 || body.length === 0 || body.some((p) => p.lines.some((l) => l.page === page))) return false;
  const onPage = body.filter((p) => p.lines[0]!.page === page - 1 && p.lines[0]!.y > 0);
  if (onPage.length === 0) return false;
  const last = body[body.length - 1]!;
  const used = last.lines[last.lines.length - 1]!.y + last.lineHeight;
  const needed = Math.floor((height(section) - used) / LINE) + 1;
  for (let k = 0; k < needed; k++) onPage[onPage.length - 1 - (k % onPage.length)]!.before += LINE;
  return true;
}

/** The pages a run-in heading's own lines are on. */
function headingPages(p: Paragraph): Set<number> {
  const headingLength = p.runs[0]!.text.length;
  const pages = new Set<number>();
  let at = 0;
  for (const line of p.lines) {
    if (at < headingLength) pages.add(line.page);
    at += line.runs.reduce((n, r) => n + r.text.length, 0);
  }
  return pages;
}

/** Sections in order: portrait runs of text and attachments, a landscape section for each wide table. */
function planSections(circular: Circular, profile: Profile): Draft[] {
  const sections: Draft[] = [{ orientation: "portrait", numbered: true, blocks: mainBlocks(circular, profile) }];
  for (const [index, attachment] of circular.attachments.entries()) {
    const { blocks, landscape } = attachmentPages(attachment, index, profile);
    const last = sections[sections.length - 1]!;
    if (!landscape && last.orientation === "portrait") last.blocks.push(...blocks);
    else sections.push({ orientation: landscape ? "landscape" : "portrait", numbered: true, blocks });
  }
  return sections;
}

const countPages = (sections: readonly Draft[]) => sections.reduce((n, s) => n + layout(s).pages, 0);

/**
 * Puts the 版记 at the foot of the last page and makes that page even, as double-sided printing needs: on the last
 * page of text when it is even and has room; on the next page when the text ends on an odd page; after an
 * unnumbered blank page, on an unnumbered page of its own, when an even last page is full (GB/T 9704 7.5).
 */
function placeColophon(circular: Circular, sections: Draft[]): void {
  if (!circular.colophon) return;
  const pages = countPages(sections);
  const last = sections[sections.length - 1]!;
  const { used } = layout(last);
  // Two lines to spare: the frames' anchor line, and one in case a renderer breaks a line differently.
  const room = height(last) - used >= colophonHeight(circular.colophon) + 2 * LINE;
  const breakPage = () => paragraph("anchor", [], { pageBreakBefore: true });
  const colophon = () => [colophonBlock(circular.colophon!), anchorParagraph()];
  if (pages % 2 === 0 && room && last.orientation === "portrait") {
    last.blocks.push(...colophon());
  } else if (pages % 2 === 1) {
    if (last.orientation === "landscape") sections.push({ orientation: "portrait", numbered: true, blocks: colophon() });
    else last.blocks.push(breakPage(), ...colophon());
  } else {
    sections.push({ orientation: "portrait", numbered: false, blocks: [paragraph("anchor", []), breakPage(), ...colophon()] });
  }
}

/** The finished plan: every section paginated, page numbers counted on. */
function finish(sections: Draft[], circular: Circular, profile: Profile, meta?: Plan["meta"]): Plan {
  let next = 1;
  const placed = sections.map((s): Section => {
    const { pages } = layout(s);
    const section = { ...s, firstPage: next, pages };
    next += pages;
    return section;
  });
  return {
    meta: meta ?? circular.meta,
    sections: placed,
    pages: next - 1,
    fonts: profile.fonts,
    fontTable: fontTable(profile),
    tableText: { size: profile.tableFontSize, lineHeight: tableLineHeight(profile.tableFontSize) },
    pageNumber: pageNumbers(profile),
  };
}

/** A circular laid out to GB/T 9704. */
export function planCircular(circular: Circular, profile: Profile): Plan {
  const sections = planSections(circular, profile);
  keepTogether(sections[0]!);
  placeColophon(circular, sections);
  return finish(sections, circular, profile);
}

/**
 * One attachment as a document of its own, for correcting attachments without reissuing the circular: the same
 * pages as in the full circular, numbered from 1, under the label GB/T 9704 7.3.7 gives a separately bound one.
 */
export function planAttachment(circular: Circular, index: number, profile: Profile): Plan {
  const attachment = circular.attachments[index]!;
  const { blocks, landscape } = attachmentPages(attachment, index, profile, true);
  return finish([{ orientation: landscape ? "landscape" : "portrait", numbered: true, blocks }], circular, profile, {
    ...circular.meta,
    title: `${attachment.separateLabel} ${attachment.title}`,
  });
}
