import { LINE, type Plan } from "../../plan/index.js";
import { fontsXml } from "./run.js";
import { CELL_STYLES } from "./table.js";
import { NS, XML_HEADER, attr } from "./xml.js";

/**
 * The document defaults GB/T 9704 asks of all text, so that what a user types later in Word keeps them too: 3号
 * 仿宋 on exact 28.95 pt lines, no widow control (renderers would leave a grid line empty), no extra space between
 * Chinese and Latin text. And the three cell styles of attachment tables: 黑体 centred for the header, 仿宋
 * centred or flush left for the body.
 */
export function stylesXml(plan: Plan): string {
  const { size: tableSize, lineHeight: tableLine } = plan.tableText;
  const cellStyle = (id: string, name: string, face: "hei" | "body", align: "center" | "left") =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${attr(name)}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="0" w:after="0" w:line="${tableLine}" w:lineRule="exact"/><w:ind w:firstLine="0"/><w:jc w:val="${align}"/></w:pPr>` +
    `<w:rPr>${fontsXml(face, plan.fonts)}<w:sz w:val="${tableSize * 2}"/><w:szCs w:val="${tableSize * 2}"/></w:rPr></w:style>`;
  return (
    `${XML_HEADER}<w:styles xmlns:w="${NS.w}" xmlns:r="${NS.r}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fontsXml("body", plan.fonts)}<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${LINE}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    cellStyle(CELL_STYLES.header, "表格表头", "hei", "center") +
    cellStyle(CELL_STYLES.center, "表格居中", "body", "center") +
    cellStyle(CELL_STYLES.left, "表格左对齐", "body", "left") +
    "</w:styles>"
  );
}

/** Odd and even footers differ (page numbers right and left); Word 2013 layout; nothing else is set. */
export const SETTINGS_XML =
  `${XML_HEADER}<w:settings xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>` +
  `<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

/** Each font the document names, with the family and character set Word uses to pick a substitute, and one named. */
export function fontTableXml(plan: Plan): string {
  const fonts = plan.fontTable
    .map((f) => `<w:font w:name="${attr(f.name)}">${f.altName ? `<w:altName w:val="${attr(f.altName)}"/>` : ""}<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`)
    .join("");
  return `${XML_HEADER}<w:fonts xmlns:w="${NS.w}" xmlns:r="${NS.r}">${fonts}</w:fonts>`;
}
