import { Document, LineRuleType, PageOrientation, type ISectionOptions } from "docx";
import type { Circular } from "../model/circular.js";
import { attachmentPages } from "./attachment.js";
import { bodyBlocks, recipientsBlock, titleBlock } from "./body.js";
import { attachmentListBlock, noteBlock, publicityBlock, signatureBlock } from "./closing.js";
import { colophonBlock, colophonHeight } from "./colophon.js";
import { Flow, paginate, type RawTable } from "./flow.js";
import { fontTable, type FontEntry } from "./font-table.js";
import { tableStyles } from "./table-xml.js";
import { documentHeader, telegramHeader } from "./header.js";
import { LANDSCAPE_TEXT_HEIGHT, LINE, PAGE, TEXT_HEIGHT } from "./page-geometry.js";
import { noPageNumbers, pageNumberFooters } from "./page-numbers.js";
import type { Profile } from "./profile.js";
import { fontFor, lines } from "./typography.js";

/** The laid-out circular: a docx Document plus what packing adds that the docx package cannot write. */
export interface LaidOut {
  document: Document;
  rawTables: RawTable[];
  fonts: FontEntry[];
  /** Pages as counted by the layout (the 版记 page included). */
  pages: number;
}

interface SectionPlan {
  flow: Flow;
  landscape: boolean;
  numbered: boolean;
}

const PORTRAIT_MARGIN = { top: PAGE.top, right: PAGE.right, bottom: PAGE.bottom, left: PAGE.left, header: PAGE.header, footer: PAGE.footer, gutter: 0 };
/** Landscape pages keep the 版心 where it is on the sheet, turned a quarter (spec R6.3). */
const LANDSCAPE_MARGIN = { top: PAGE.left, right: PAGE.top, bottom: PAGE.right, left: PAGE.bottom, header: PAGE.header, footer: PAGE.footer, gutter: 0 };

/** The first page, the body and its closing: everything before the attachments. */
function mainFlow(circular: Circular, profile: Profile): Flow {
  const flow = new Flow();
  if (circular.header) flow.append(circular.header.kind === "document" ? documentHeader(circular.header, profile) : telegramHeader(circular.header, profile));
  flow.append(titleBlock(circular.title, profile, circular.header ? 2 * LINE : 0));
  flow.append(recipientsBlock(circular.recipients, profile));
  flow.append(bodyBlocks(circular.body, profile));
  if (circular.attachmentList) flow.append(attachmentListBlock(circular.attachmentList, profile));
  flow.append(signatureBlock(circular.signature, circular.date, profile, circular.seal));
  if (circular.note) flow.append(noteBlock(circular.note, profile));
  if (circular.publicity) flow.append(publicityBlock(circular.publicity, profile));
  return flow;
}

/** Sections in order: portrait runs of text and attachments, a landscape section for each wide table. */
function planSections(circular: Circular, profile: Profile): SectionPlan[] {
  const sections: SectionPlan[] = [{ flow: mainFlow(circular, profile), landscape: false, numbered: true }];
  circular.attachments.forEach((attachment, i) => {
    const { flow, landscape } = attachmentPages(attachment, i, profile);
    const last = sections[sections.length - 1]!;
    if (!landscape && !last.landscape) last.flow.append(flow);
    else sections.push({ flow, landscape, numbered: true });
  });
  return sections;
}

const pageHeight = (s: SectionPlan) => (s.landscape ? LANDSCAPE_TEXT_HEIGHT : TEXT_HEIGHT);

/** An empty line that starts a new page. */
const pageBreak = () => lines([], { pageBreakBefore: true });

/**
 * Puts the 版记 at the foot of the last page and makes that page even, as double-sided printing needs: on the last
 * page of text when it is even and has room; on the next page when the text ends on an odd page; after an
 * unnumbered blank page, on an unnumbered page of its own, when an even last page is full (GB/T 9704 7.5).
 */
function placeColophon(circular: Circular, sections: SectionPlan[], profile: Profile): void {
  if (!circular.colophon) return;
  const colophon = colophonBlock(circular.colophon, profile);
  const pages = countPages(sections);
  const last = sections[sections.length - 1]!;
  const { used } = paginate(last.flow.boxes, pageHeight(last));
  // Two lines to spare: the frames' anchor line, and one in case a renderer breaks a line differently.
  const room = pageHeight(last) - used >= colophonHeight(circular.colophon) + 2 * LINE;
  if (pages % 2 === 0 && room && !last.landscape) {
    last.flow.append(colophon);
  } else if (pages % 2 === 1) {
    if (last.landscape) sections.push({ flow: colophon, landscape: false, numbered: true });
    else last.flow.append(pageBreak()).append(colophon);
  } else {
    sections.push({ flow: lines([]).append(pageBreak()).append(colophon), landscape: false, numbered: false });
  }
}

function countPages(sections: SectionPlan[]): number {
  return sections.reduce((n, s) => n + paginate(s.flow.boxes, pageHeight(s)).pages, 0);
}

/** The .docx document for planned sections: GB/T 9704 defaults, numbered or unnumbered odd and even footers. */
function documentOf(sections: SectionPlan[], meta: Circular["meta"], profile: Profile): Document {
  return new Document({
    title: meta.title,
    creator: meta.issuer,
    lastModifiedBy: meta.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { size: 32, font: fontFor("body", profile), language: { value: "en-US", eastAsia: "zh-CN" } },
          paragraph: { spacing: { before: 0, after: 0, line: LINE, lineRule: LineRuleType.EXACT } },
        },
      },
      paragraphStyles: tableStyles(profile),
    },
    sections: sections.map(
      (s): ISectionOptions => ({
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, ...(s.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
            margin: s.landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN,
          },
          // Pitch only, no grid type: every paragraph has an exact height already, and a snapping grid makes
          // LibreOffice give a 2号 title line two grid cells.
          grid: { linePitch: LINE },
        },
        footers: s.numbered ? pageNumberFooters(profile, s.landscape) : noPageNumbers(),
        children: s.flow.children,
      }),
    ),
  });
}

const laidOut = (sections: SectionPlan[], meta: Circular["meta"], profile: Profile): LaidOut => ({
  document: documentOf(sections, meta, profile),
  rawTables: sections.flatMap((s) => s.flow.rawTables),
  fonts: fontTable(profile),
  pages: countPages(sections),
});

export function layoutCircular(circular: Circular, profile: Profile): LaidOut {
  const sections = planSections(circular, profile);
  placeColophon(circular, sections, profile);
  return laidOut(sections, circular.meta, profile);
}

/**
 * One attachment as a document of its own, for correcting attachments without reissuing the circular: the same
 * pages as in the full circular, numbered from 1, under the label GB/T 9704 gives a separately bound attachment.
 */
export function layoutAttachment(circular: Circular, index: number, profile: Profile): LaidOut {
  const { flow, landscape } = attachmentPages(circular.attachments[index]!, index, profile, true);
  const attachment = circular.attachments[index]!;
  return laidOut([{ flow, landscape, numbered: true }], { ...circular.meta, title: `${attachment.separateLabel} ${attachment.title}` }, profile);
}
