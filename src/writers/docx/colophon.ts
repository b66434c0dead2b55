import { TEXT_WIDTH } from "../../plan/index.js";
import type { Colophon, ColophonLine, Plan } from "../../plan/index.js";
import { borderXml, indentXml, spacingXml, tabsXml } from "./paragraph.js";
import { runXml } from "./run.js";

/** 0.35 mm and 0.25 mm rules (GB/T 9704 7.4.1): 1 pt and 0.75 pt in eighths of a point. */
const RULES = { thick: { size: 8, color: "000000" }, thin: { size: 6, color: "000000" } } as const;

/**
 * A 版记 line in a frame fixed at its place below the 版心's top, so it stands at the page foot whatever precedes
 * it. Each line gets its own frame: LibreOffice drops the borders of paragraphs that share one.
 */
function lineXml(line: ColophonLine, fonts: Plan["fonts"]): string {
  const frame = `<w:framePr w:w="${TEXT_WIDTH}" w:h="${line.height}" w:hRule="exact" w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:x="0" w:y="${line.y}"/>`;
  const borders = `<w:pBdr>${borderXml("top", RULES[line.ruleAbove])}${line.ruleBelow ? borderXml("bottom", RULES[line.ruleBelow]) : ""}</w:pBdr>`;
  const pPr = frame + borders + tabsXml(line.tabs) + spacingXml(0, line.lineHeight) + indentXml({ left: line.indent.left, right: line.indent.right, hanging: line.indent.hanging, firstLine: 0 }) + `<w:jc w:val="${line.kind === "cc" ? "both" : "left"}"/>`;
  return `<w:p><w:pPr>${pPr}</w:pPr>${line.runs.map((r) => runXml(r, fonts)).join("")}</w:p>`;
}

export const colophonXml = (colophon: Colophon, fonts: Plan["fonts"]): string => colophon.lines.map((l) => lineXml(l, fonts)).join("");
