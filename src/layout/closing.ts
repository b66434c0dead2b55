import type { Circular } from "../model/circular.js";
import { HorizontalPositionRelativeFrom, ImageRun, TextWrappingType, VerticalPositionRelativeFrom } from "docx";
import type { Seal } from "../model/circular.js";
import { bodyParagraph } from "./body.js";
import { Flow } from "./flow.js";
import { BODY_STYLE, CHAR, LINE, TEXT_WIDTH, mm } from "./page-geometry.js";
import type { Profile } from "./profile.js";
import { textWidth } from "./text-measure.js";
import { chars } from "./typography.js";

/** Width of text in body characters (a digit is about half of one). */
const inChars = (text: string): number => textWidth(text, BODY_STYLE) / CHAR;

/**
 * 附件说明 (GB/T 9704 7.3.4): one blank line below the body, two characters in; with several attachments each is
 * numbered 1. 2. and a long name wraps under its own first character.
 */
export function attachmentListBlock(list: NonNullable<Circular["attachmentList"]>, profile: Profile): Flow {
  const flow = new Flow();
  const label = chars(2) + Math.round(textWidth(list.label, BODY_STYLE));
  list.items.forEach((item, i) => {
    const number = list.items.length > 1 ? `${i + 1}.` : "";
    const numberWidth = Math.round(textWidth(number, BODY_STYLE));
    const first = i === 0;
    flow.append(
      bodyParagraph([{ text: first ? `${list.label}${number}${item}` : `${number}${item}` }], profile, {
        before: first ? LINE : 0,
        // The list stays on one page.
        keepNext: i < list.items.length - 1,
        indent: { left: label + numberWidth, hanging: first ? label + numberWidth - chars(2) : numberWidth },
      }),
    );
  });
  return flow;
}

/**
 * 署名 and 成文日期. Without a seal (7.3.5.2): one blank line below, 署名 two characters from the right, the date on
 * the next line starting two characters right of the 署名's first character; a date longer than that allows is
 * set two characters from the right and the 署名 moves left to keep the two-character step. With a seal
 * (7.3.5.1): the date four characters from the right, the 署名 centred over it, and the seal centred on both,
 * its top within a line of the text above and its centre a little above them.
 */
export function signatureBlock(signature: string, date: string, profile: Profile, seal?: Seal): Flow {
  const n = inChars(signature);
  const m = inChars(date);
  const [signatureRight, dateRight] = seal ? [Math.max(0, 4 + (m - n) / 2), 4] : n - m >= 2 ? [2, n - m] : [m - n + 4, 2];
  const right = (k: number) => ({ right: Math.round(k * CHAR), firstLine: 0 });
  const before = seal ? 2 * LINE : LINE;
  const lead = seal ? [sealImage(seal, { centreFromRight: (dateRight + m / 2) * CHAR, centreFromTop: before + LINE / 2 })] : [];
  const signatureLine = bodyParagraph([{ text: signature }], profile, { align: "right", before, indent: right(signatureRight), firstIndent: 0, keepNext: true, lead });
  return signatureLine.append(bodyParagraph([{ text: date }], profile, { align: "right", indent: right(dateRight), firstIndent: 0 }));
}

const EMU_PER_TWIP = 635;
const EMU_PER_PIXEL = 9525;

/** The seal, floating behind the text, its centre placed in twips from the 版心's right edge and the paragraph's top. */
function sealImage(seal: Seal, at: { centreFromRight: number; centreFromTop: number }): ImageRun {
  const diameter = mm(seal.size);
  return new ImageRun({
    type: seal.type,
    data: seal.image,
    transformation: { width: (diameter * EMU_PER_TWIP) / EMU_PER_PIXEL, height: (diameter * EMU_PER_TWIP) / EMU_PER_PIXEL },
    // A fixed id: the docx package's default comes from a counter shared by every document in the process.
    altText: { id: "1", name: "印章", description: "印章" },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: Math.round((TEXT_WIDTH - at.centreFromRight - diameter / 2) * EMU_PER_TWIP) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: Math.round((at.centreFromTop - diameter / 2) * EMU_PER_TWIP) },
      behindDocument: true,
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
    },
  });
}

/** 附注 (7.3.6): on the line after the date, two characters in, in parentheses (the template writes them). */
export const noteBlock = (note: string, profile: Profile): Flow => bodyParagraph([{ text: note }], profile);

/** 公开方式: one blank line below, two characters in. */
export const publicityBlock = (publicity: string, profile: Profile): Flow => bodyParagraph([{ text: publicity }], profile, { before: LINE });
