import type { AttachmentList, Seal } from "../model/circular.js";
import { bodyParagraph } from "./body.js";
import { BODY_STYLE, CHAR, LINE, TEXT_WIDTH, mm } from "./geometry.js";
import { breakLines, textWidth } from "./measure.js";
import { chars, paragraph, run } from "./paragraph.js";
import type { Paragraph, Run } from "./plan.js";

/** Width of text in body characters (a digit is about half of one). */
const inChars = (text: string): number => textWidth(text, BODY_STYLE) / CHAR;

/**
 * 附件说明 (GB/T 9704 7.3.4): one blank line below the body, two characters in; with several attachments each is
 * numbered 1. 2. and a long name wraps under its own first character. Kept on one page, and with the 署名.
 */
export function attachmentListBlock(list: AttachmentList): Paragraph[] {
  const label = chars(2) + Math.round(textWidth(list.label, BODY_STYLE));
  return list.items.map((item, i) => {
    const number = list.items.length > 1 ? `${i + 1}.` : "";
    const numberWidth = Math.round(textWidth(number, BODY_STYLE));
    const first = i === 0;
    return paragraph("attachmentList", [run(first ? `${list.label}${number}${item}` : `${number}${item}`)], {
      before: first ? LINE : 0,
      keepNext: true,
      indent: { left: label + numberWidth, hanging: first ? label + numberWidth - chars(2) : numberWidth },
    });
  });
}

/**
 * 署名 and 成文日期. Without a seal (7.3.5.2): one blank line below, 署名 two characters from the right, the date on
 * the next line starting two characters right of the 署名's first character; a date longer than that allows is
 * set two characters from the right and the 署名 moves left to keep the two-character step. With a seal
 * (7.3.5.1): the date four characters from the right, the 署名 centred over it, and the seal centred on both,
 * its top within a line of the text above and its centre a little above them.
 */
export function signatureBlock(signature: string, date: string, seal?: Seal): Paragraph[] {
  const n = inChars(signature);
  const m = inChars(date);
  const [signatureRight, dateRight] = seal ? [Math.max(0, 4 + (m - n) / 2), 4] : n - m >= 2 ? [2, n - m] : [m - n + 4, 2];
  const right = (k: number) => ({ right: Math.round(k * CHAR) });
  const before = seal ? 2 * LINE : LINE;
  const diameter = seal ? mm(seal.size) : 0;
  const placement = seal && {
    image: seal.image,
    type: seal.type,
    size: diameter,
    x: Math.round(TEXT_WIDTH - (dateRight + m / 2) * CHAR - diameter / 2),
    y: Math.round(before + LINE / 2 - diameter / 2),
  };
  return [
    paragraph("signature", [run(signature)], { align: "right", before, indent: right(signatureRight), keepNext: true, ...(placement ? { seal: placement } : {}) }),
    paragraph("date", [run(date)], { align: "right", indent: right(dateRight) }),
  ];
}

/** Telephone and fax numbers (020-83132437): kept on one line, never broken at their hyphen. */
const NUMBER = /[0-9０-９][0-9０-９()（）\-–—]*[0-9０-９]/g;

function withUnbreakableNumbers(text: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(NUMBER)) {
    if (m.index > at) runs.push(run(text.slice(at, m.index)));
    runs.push(run(m[0], {}, m[0].includes("-") ? { unbreakable: true } : {}));
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push(run(text.slice(at)));
  return runs;
}

/**
 * 附注 (7.3.6): on the line after the date, two characters in, in parentheses, flush left (never letter-spaced).
 * Its lines are broken by the plan, before a number that would not fit: renderers break at a fax number's hyphen
 * (LibreOffice even at a non-breaking one); the numbers are marked unbreakable for writers that reflow (the web).
 */
export function noteBlock(note: string): Paragraph {
  const lines = breakLines(note, TEXT_WIDTH, BODY_STYLE, chars(2));
  return bodyParagraph(withUnbreakableNumbers(note), "note", { align: "left", forcedLines: lines });
}

/** 公开方式: one blank line below, two characters in. */
export const publicityBlock = (publicity: string): Paragraph => bodyParagraph([run(publicity)], "publicity", { before: LINE });
