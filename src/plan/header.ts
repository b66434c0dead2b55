import type { DocumentHeader, TelegramHeader } from "../model/circular.js";
import { BODY_STYLE, LINE, TEXT_WIDTH, mm } from "./geometry.js";
import { textWidth } from "./measure.js";
import { paragraph, run } from "./paragraph.js";
import type { Paragraph, Rule } from "./plan.js";
import type { Profile } from "./profile.js";

/** Distance from a mark line's top to its glyphs' top edge, as a share of the font size (measured in LibreOffice). */
const INK_OFFSET_EM = 0.112;
/** The 发文字号's glyphs end this far above its line's bottom (measured); the red line is drawn 4 mm below them. */
const DOC_NUMBER_INK_GAP = mm(1.5);

const markLineHeight = (size: number) => Math.round(size * 20 * 1.2);

/** Horizontal scale that fits a long 发文机关标志 on one line of the 版心 (GB/T 9704 7.2.4). */
function markScale(text: string, size: number): number {
  const natural = textWidth(text, { size });
  return natural <= TEXT_WIDTH ? 100 : Math.max(1, Math.floor((TEXT_WIDTH / natural) * 100));
}

/** The red 版头 line under a paragraph, `gap` twips below its line box. */
const redRule = (profile: Profile, gap: number): Rule => ({ color: profile.red, size: 12, gap });

/** The red mark (发文机关标志 or "XX省发电") in 小标宋, narrowed to fit one line; optionally closed by the red line. */
function mark(text: string, profile: Profile, before: number, ruleGap?: number): Paragraph {
  const size = profile.issuerMarkSize;
  // One line always: a long mark is narrowed to fit, not broken.
  return paragraph("issuerMark", [run(text, { face: "title", size, color: profile.red, scale: markScale(text, size) })], {
    forcedLines: [text],
    align: "center",
    before,
    lineHeight: markLineHeight(size),
    keepNext: true,
    ...(ruleGap ? { ruleBelow: redRule(profile, ruleGap) } : {}),
  });
}

/** 份号, 密级 and 紧急程度, top-left, one per line, in that order (GB/T 9704 7.2.1–7.2.3). */
function marginNotes(header: DocumentHeader): Paragraph[] {
  const notes: Paragraph[] = [];
  if (header.copyNumber) notes.push(paragraph("marginNote", [run(header.copyNumber.text, {}, header.copyNumber.blank ? { blank: true } : {})], { align: "left" }));
  if (header.secrecy) notes.push(paragraph("marginNote", [run(header.secrecy, { face: "hei" })], { align: "left" }));
  if (header.urgency) notes.push(paragraph("marginNote", [run(header.urgency, { face: "hei" })], { align: "left" }));
  return notes;
}

/** 文件式 版头: the red mark with its top edge 35 mm below the 版心's, the 发文字号 two lines below, the red line. */
export function documentHeader(header: DocumentHeader, profile: Profile): Paragraph[] {
  const notes = marginNotes(header);
  const before = Math.max(0, mm(35) - notes.length * LINE - Math.round(INK_OFFSET_EM * profile.issuerMarkSize * 20));
  if (!header.docNumber) return [...notes, mark(header.issuerMark, profile, before, mm(4))];
  const ruleGap = mm(4) - DOC_NUMBER_INK_GAP;
  const number = paragraph("docNumber", [run(header.docNumber.text, {}, header.docNumber.blank ? { blank: true } : {})], {
    align: "center",
    before: 2 * LINE,
    ruleBelow: redRule(profile, ruleGap),
    keepNext: true,
  });
  return [...notes, mark(header.issuerMark, profile, before), number];
}

/**
 * 明电 版头 (not in GB/T 9704; as the provinces print it): the red "XX省发电" mark, then the field grid — 发电单位
 * and 签批 on one line, 等级, 明电编号 and 机发号 on the next — closed by the red line. Fields are spread by tab
 * stops, the same in every renderer: the first at the left, the last ending at the right edge, any between centred.
 */
export function telegramHeader(header: TelegramHeader, profile: Profile): Paragraph[] {
  const ruleGap = mm(4) - DOC_NUMBER_INK_GAP;
  const rows = header.grid.map((fields, i) => {
    const last = i === header.grid.length - 1;
    const texts = fields.map((field) => (field.label ? `${field.label}　${field.value.text}` : field.value.text));
    const left = textWidth(texts[0]!, BODY_STYLE);
    const right = TEXT_WIDTH - textWidth(texts[texts.length - 1]!, BODY_STYLE);
    const middle = texts.length - 2;
    const tabs = texts.slice(1).map((_, k) =>
      k === middle ? { align: "right" as const, position: TEXT_WIDTH } : { align: "center" as const, position: Math.round(left + ((right - left) * (k + 1)) / (middle + 1)) },
    );
    const runs = texts.map((text, f) => run(text, {}, { ...(f > 0 ? { tab: true } : {}), ...(fields[f]!.value.blank ? { blank: true } : {}) }));
    return paragraph("telegramFields", runs, { align: "left", before: i === 0 ? LINE : 0, tabs, keepNext: true, ...(last ? { ruleBelow: redRule(profile, ruleGap) } : {}) });
  });
  return [mark(header.mark, profile, 0), ...rows];
}
