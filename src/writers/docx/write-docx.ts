import { LINE, PAGE, type Plan, type Section } from "../../plan/index.js";
import type { BlockWriters } from "../writer.js";
import { colophonXml } from "./colophon.js";
import { footers, type FooterKind } from "./footers.js";
import { APP_XML, PACKAGE_RELS, contentTypes, coreXml, documentRels, type Relationship } from "./package.js";
import { paragraphXml, spacingXml, type ParagraphContext } from "./paragraph.js";
import { SETTINGS_XML, fontTableXml, stylesXml } from "./styles.js";
import { tableXml, type Piece } from "./table.js";
import { themeXml } from "./theme.js";
import { NS, XML_HEADER } from "./xml.js";

/** A part of the package: its name and its content (the document as pieces, made as the zip takes them). */
export type Part = [name: string, content: string | Uint8Array | Iterable<Piece>];

const WRITERS: BlockWriters<Iterable<Piece>, ParagraphContext> = {
  paragraph: (p, context) => [paragraphXml(p, context)],
  table: (t) => tableXml(t),
  colophon: (c, context) => [colophonXml(c, context.fonts)],
};

const PORTRAIT_MARGIN = { top: PAGE.top, right: PAGE.right, bottom: PAGE.bottom, left: PAGE.left };
/** Landscape pages keep the 版心 where it is on the sheet, turned a quarter. */
const LANDSCAPE_MARGIN = { top: PAGE.left, right: PAGE.top, bottom: PAGE.right, left: PAGE.bottom };

const kindOf = (s: Section): FooterKind => (!s.numbered ? "none" : s.orientation);

function sectPr(s: Section, footerIds: { odd: string; even: string }): string {
  const landscape = s.orientation === "landscape";
  const m = landscape ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN;
  const size = landscape ? `<w:pgSz w:w="${PAGE.height}" w:h="${PAGE.width}" w:orient="landscape"/>` : `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>`;
  return (
    `<w:sectPr><w:footerReference w:type="default" r:id="${footerIds.odd}"/><w:footerReference w:type="even" r:id="${footerIds.even}"/>` +
    `${size}<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    // Pitch only, no grid type: every paragraph has an exact height, and a snapping grid makes LibreOffice give
    // a 2号 title line two grid cells.
    `<w:docGrid w:linePitch="${LINE}"/></w:sectPr>`
  );
}

/** The document part, a block (a table, a row) at a time: a long attachment's XML is never held whole. */
function* documentXml(plan: Plan, context: ParagraphContext, footerIds: Map<FooterKind, { odd: string; even: string }>): Generator<Piece> {
  yield `${XML_HEADER}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:wp="${NS.wp}" xmlns:a="${NS.a}" xmlns:pic="${NS.pic}"><w:body>`;
  for (const [i, s] of plan.sections.entries()) {
    for (const block of s.blocks) yield* (WRITERS[block.kind] as (b: typeof block, c: ParagraphContext) => Iterable<Piece>)(block, context);
    const props = sectPr(s, footerIds.get(kindOf(s))!);
    yield i < plan.sections.length - 1 ? `<w:p><w:pPr>${spacingXml(0, 20)}${props}</w:pPr></w:p>` : props;
  }
  yield "</w:body></w:document>";
}

/**
 * The parts of a .docx for a plan: the document with a section per plan section (a section's properties ride on
 * a one-point paragraph closing it, as OOXML requires), footers per kind of section, styles, settings, font
 * table, theme, the seal image and the package's own parts. Text only reaches XML through xml.ts.
 */
export function writeDocx(plan: Plan): Part[] {
  const seal = plan.sections.flatMap((s) => s.blocks).find((b) => b.kind === "paragraph" && b.seal);
  const sealImage = seal?.kind === "paragraph" ? seal.seal : undefined;
  const rels: Relationship[] = [
    { id: "rId1", type: "styles", target: "styles.xml" },
    { id: "rId2", type: "settings", target: "settings.xml" },
    { id: "rId3", type: "fontTable", target: "fontTable.xml" },
    { id: "rId4", type: "theme", target: "theme/theme1.xml" },
  ];
  const context: ParagraphContext = { fonts: plan.fonts };
  const parts: Part[] = [];
  if (sealImage) {
    context.sealId = "rId5";
    rels.push({ id: "rId5", type: "image", target: `media/seal.${sealImage.type === "png" ? "png" : "jpeg"}` });
  }
  // One pair of footers per kind of section, numbered from the first section of that kind.
  const footerParts: [string, string][] = [];
  const footerIds = new Map<FooterKind, { odd: string; even: string }>();
  for (const s of plan.sections) {
    const kind = kindOf(s);
    if (footerIds.has(kind)) continue;
    const made = footers(plan, kind, s.firstPage);
    const n = footerParts.length;
    const ids = { odd: `rId${10 + n}`, even: `rId${11 + n}` };
    footerParts.push([`footer${n + 1}.xml`, made.odd], [`footer${n + 2}.xml`, made.even]);
    rels.push({ id: ids.odd, type: "footer", target: `footer${n + 1}.xml` }, { id: ids.even, type: "footer", target: `footer${n + 2}.xml` });
    footerIds.set(kind, ids);
  }
  const document = documentXml(plan, context, footerIds);
  parts.push(
    ["[Content_Types].xml", contentTypes(footerParts.map(([n]) => n), sealImage?.type)],
    ["_rels/.rels", PACKAGE_RELS],
    ["docProps/core.xml", coreXml(plan.meta)],
    ["docProps/app.xml", APP_XML],
    ["word/document.xml", document],
    ["word/_rels/document.xml.rels", documentRels(rels)],
    ["word/styles.xml", stylesXml(plan)],
    ["word/settings.xml", SETTINGS_XML],
    ["word/fontTable.xml", fontTableXml(plan)],
    ["word/theme/theme1.xml", themeXml(plan.fonts.latin, plan.fonts.body)],
    ...footerParts.map(([name, xml]): Part => [`word/${name}`, xml]),
  );
  if (sealImage) parts.push([`word/media/seal.${sealImage.type === "png" ? "png" : "jpeg"}`, sealImage.image]);
  return parts;
}
