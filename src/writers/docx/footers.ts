import type { Plan } from "../../plan/index.js";
import { indentXml, spacingXml } from "./paragraph.js";
import { attr, NS, XML_HEADER, text } from "./xml.js";

/** A footer part's root. */
const footer = (body: string) => `${XML_HEADER}<w:ftr xmlns:w="${NS.w}" xmlns:r="${NS.r}">${body}</w:ftr>`;

/**
 * The page number: the form's text around a PAGE field. The field carries a cached result, so the number shows
 * before any renderer updates fields (WPS shows the cached text of fields it does not update).
 */
function numberRuns(plan: Plan, cached: number): string {
  const font = attr(plan.fonts.song);
  const size = plan.pageNumber.size * 2;
  const rPr = `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}" w:hint="eastAsia"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  const r = (inner: string) => `<w:r>${rPr}${inner}</w:r>`;
  const t = (s: string) => (s ? r(`<w:t xml:space="preserve">${text(s)}</w:t>`) : "");
  return (
    t(plan.pageNumber.before) +
    r('<w:fldChar w:fldCharType="begin"/>') +
    r('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
    r('<w:fldChar w:fldCharType="separate"/>') +
    t(String(cached)) +
    r('<w:fldChar w:fldCharType="end"/>') +
    t(plan.pageNumber.after)
  );
}

/** Portrait pages: the number one character in from the right on odd pages, from the left on even ones. */
function portrait(plan: Plan, side: "left" | "right", cached: number): string {
  const one = plan.pageNumber.fromEdge;
  const indent = side === "right" ? { left: 0, right: one, firstLine: 0, hanging: 0 } : { left: one, right: 0, firstLine: 0, hanging: 0 };
  return footer(`<w:p><w:pPr>${spacingXml(0, plan.pageNumber.size * 20)}${indentXml(indent)}<w:jc w:val="${side}"/></w:pPr>${numberRuns(plan, cached)}</w:p>`);
}

/**
 * Landscape pages (GB/T 9704 §8): the number in a strip of the left margin, reading downwards. A floating
 * one-cell table with turned text does it: LibreOffice misplaces the text of rotated text boxes.
 */
function turned(plan: Plan, side: "left" | "right", cached: number): string {
  const t = plan.pageNumber.turned;
  const odd = side === "right";
  const none = ["top", "left", "bottom", "right", "insideH", "insideV"].map((s) => `<w:${s} w:val="nil"/>`).join("");
  const cell =
    `<w:tc><w:tcPr><w:tcW w:w="${t.width}" w:type="dxa"/><w:tcMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>` +
    `<w:textDirection w:val="tbRl"/><w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr>${spacingXml(0, plan.pageNumber.size * 20)}<w:jc w:val="${odd ? "right" : "left"}"/></w:pPr>${numberRuns(plan, cached)}</w:p></w:tc>`;
  const table =
    `<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" w:vertAnchor="page" w:horzAnchor="page" w:tblpX="${t.x}" w:tblpY="${odd ? t.yOdd : t.yEven}"/>` +
    `<w:tblOverlap w:val="overlap"/><w:tblW w:w="${t.width}" w:type="dxa"/><w:tblBorders>${none}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid><w:gridCol w:w="${t.width}"/></w:tblGrid><w:tr><w:trPr><w:trHeight w:val="${t.length}" w:hRule="exact"/></w:trPr>${cell}</w:tr></w:tbl>`;
  // A footer ends with a paragraph.
  return footer(`${table}<w:p><w:pPr>${spacingXml(0, 20)}</w:pPr></w:p>`);
}

export type FooterKind = "portrait" | "landscape" | "none";

/** The odd (default) and even footer of a kind of section; `first` is the number a fresh field shows. */
export function footers(plan: Plan, kind: FooterKind, first: number): { odd: string; even: string } {
  if (kind === "none") return { odd: footer("<w:p/>"), even: footer("<w:p/>") };
  const write = kind === "landscape" ? turned : portrait;
  const odd = first % 2 === 1 ? first : first + 1;
  return { odd: write(plan, "right", odd), even: write(plan, "left", odd + 1) };
}
