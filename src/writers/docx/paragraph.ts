import type { Line, Paragraph, Plan, Rule, SealPlacement, TabStop } from "../../plan/index.js";
import { runProperties, runXml } from "./run.js";
import { attr } from "./xml.js";

export interface ParagraphContext {
  fonts: Plan["fonts"];
  /** The relationship id of the seal image, when the document has one. */
  sealId?: string;
}

const JC = { left: "left", center: "center", right: "right", both: "both" } as const;

export const tabsXml = (tabs: readonly TabStop[]): string =>
  tabs.length ? `<w:tabs>${tabs.map((t) => `<w:tab w:val="${t.align}" w:pos="${t.position}"/>`).join("")}</w:tabs>` : "";

export const borderXml = (side: "top" | "bottom", rule: Pick<Rule, "color" | "size">, space = 0): string =>
  `<w:${side} w:val="single" w:sz="${rule.size}" w:space="${space}" w:color="${attr(rule.color)}"/>`;

/** Line spacing and indents: exact lines on the grid, space above in twips, and indents from the plan. */
export function spacingXml(before: number, line: number): string {
  return `<w:spacing w:before="${before}" w:after="0" w:line="${line}" w:lineRule="exact"/>`;
}

export function indentXml(indent: Paragraph["indent"]): string {
  const parts: string[] = [];
  if (indent.left) parts.push(`w:left="${indent.left}"`);
  if (indent.right) parts.push(`w:right="${indent.right}"`);
  if (indent.hanging) parts.push(`w:hanging="${indent.hanging}"`);
  else if (indent.firstLine) parts.push(`w:firstLine="${indent.firstLine}"`);
  return parts.length ? `<w:ind ${parts.join(" ")}/>` : "";
}

/** The seal: a picture floating behind the text, placed from the 版心's left edge and the paragraph's top. */
const EMU = 635;
function sealXml(seal: SealPlacement, id: string): string {
  const size = seal.size * EMU;
  return (
    `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1">` +
    `<wp:simplePos x="0" y="0"/>` +
    `<wp:positionH relativeFrom="margin"><wp:posOffset>${seal.x * EMU}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="paragraph"><wp:posOffset>${seal.y * EMU}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${size}" cy="${size}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="1" name="印章" descr="印章"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>` +
    `<pic:nvPicPr><pic:cNvPr id="1" name="印章"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${size}" cy="${size}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`
  );
}

/**
 * A paragraph, its properties in ECMA-376 order (keepNext, keepLines, pageBreakBefore, pBdr, tabs, spacing, ind,
 * jc, then a section's sectPr). Widow control and East-Asian auto spacing are off in the document defaults, so a
 * paragraph does not repeat them. A title's lines are broken where the plan broke them.
 */
export function paragraphXml(p: Paragraph, context: ParagraphContext, sectPr = ""): string {
  const pPr =
    (p.keepNext ? "<w:keepNext/>" : "") +
    (p.keepLines ? "<w:keepLines/>" : "") +
    (p.pageBreakBefore ? "<w:pageBreakBefore/>" : "") +
    (p.ruleBelow ? `<w:pBdr>${borderXml("bottom", p.ruleBelow, Math.round(p.ruleBelow.gap / 20))}</w:pBdr>` : "") +
    tabsXml(p.tabs) +
    spacingXml(p.before, p.lineHeight) +
    indentXml(p.indent) +
    `<w:jc w:val="${JC[p.align]}"/>` +
    sectPr;
  const seal = p.seal && context.sealId ? sealXml(p.seal, context.sealId) : "";
  // A forced line break takes the style of the line it starts, or of the paragraph's first run when the line is
  // empty (a blank line written inside a title).
  const breakRun = (line: Line) => {
    const style = (line.runs[0] ?? p.runs[0])?.style;
    return `<w:r>${style ? runProperties(style, context.fonts) : ""}<w:br/></w:r>`;
  };
  const runs = p.forcedBreaks && p.lines.length > 1
    ? p.lines.map((line, i) => (i > 0 ? breakRun(line) : "") + line.runs.map((r) => runXml(r, context.fonts)).join("")).join("")
    : p.runs.map((r) => runXml(r, context.fonts)).join("");
  return `<w:p><w:pPr>${pPr}</w:pPr>${seal}${runs}</w:p>`;
}
