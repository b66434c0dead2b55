import type { Face, Plan, Run, RunStyle } from "../../plan/index.js";
import { attr, text } from "./xml.js";

/**
 * Fonts of a run: the face's Chinese font for East-Asian text and for ambiguous marks (w:hint="eastAsia": quotes,
 * the 一字线, · are drawn full-width), the Latin font for digits and letters; all four slots set, as WPS reads them.
 */
export function fontsXml(face: Face, fonts: Plan["fonts"]): string {
  const latin = attr(fonts.latin);
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${attr(fonts[face])}" w:cs="${latin}" w:hint="eastAsia"/>`;
}

/** A run's properties, in the order ECMA-376 §17.3.2 requires. */
export function runProperties(style: RunStyle, fonts: Plan["fonts"]): string {
  return (
    "<w:rPr>" +
    fontsXml(style.face, fonts) +
    (style.bold ? "<w:b/><w:bCs/>" : "") +
    (style.color ? `<w:color w:val="${attr(style.color)}"/>` : "") +
    (style.spacing ? `<w:spacing w:val="${style.spacing}"/>` : "") +
    (style.scale ? `<w:w w:val="${style.scale}"/>` : "") +
    `<w:sz w:val="${style.size * 2}"/><w:szCs w:val="${style.size * 2}"/>` +
    "</w:rPr>"
  );
}

/**
 * Text in runs: a line feed is a break. A number that must not break is kept whole by the plan's own line breaks
 * (LibreOffice breaks even at w:noBreakHyphen, and text extractors drop it), so its hyphen is a plain one.
 */
function content(run: Run): string {
  let out = run.tab ? "<w:tab/>" : "";
  run.text.split("\n").forEach((part, i) => {
    if (i > 0) out += "<w:br/>";
    if (part) out += `<w:t xml:space="preserve">${text(part)}</w:t>`;
  });
  return out;
}

export const runXml = (run: Run, fonts: Plan["fonts"]): string => `<w:r>${runProperties(run.style, fonts)}${content(run)}</w:r>`;
