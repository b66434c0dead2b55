import { BorderStyle, Tab, TabStopType } from "docx";
import type { DocumentHeader, TelegramHeader } from "../model/circular.js";
import { Flow } from "./flow.js";
import { BODY_STYLE, LINE, TEXT_WIDTH, mm } from "./page-geometry.js";
import type { Profile } from "./profile.js";
import { textWidth } from "./text-measure.js";
import { lines, run } from "./typography.js";

/** Distance from a mark line's top to its glyphs' top edge, as a share of the font size (measured in LibreOffice). */
const INK_OFFSET_EM = 0.112;
/** The 发文字号's glyphs end this far above its line's bottom (measured); the red line is drawn 4 mm below them. */
const DOC_NUMBER_INK_GAP = mm(1.5);

const markLineHeight = (size: number) => Math.round(size * 20 * 1.2);

/** Horizontal scale that fits a long 发文机关标志 on one line of the 版心. */
function markScale(text: string, size: number): number {
  const natural = textWidth(text, { size });
  return natural <= TEXT_WIDTH ? 100 : Math.floor((TEXT_WIDTH / natural) * 100);
}

/** The red 版头 line under a paragraph (the 发文字号, the mark when there is none, the 明电 grid), `gap` twips below it. */
const redRule = (profile: Profile, gap: number) => ({
  bottom: { style: BorderStyle.SINGLE, size: 12, color: profile.red, space: Math.round(gap / 20) },
});

/** The red mark (发文机关标志 or "XX省发电") in 小标宋, narrowed to fit one line; optionally closed by the red line. */
function mark(text: string, profile: Profile, before: number, ruleGap?: number): Flow {
  const size = profile.issuerMarkSize;
  const children = [run(text, { face: "title", size, color: profile.red, scale: markScale(text, size) }, profile)];
  const options = { align: "center" as const, before, height: markLineHeight(size), ...(ruleGap ? { border: redRule(profile, ruleGap) } : {}) };
  return lines(children, options, { below: ruleGap ?? 0 });
}

/** 份号, 密级 and 紧急程度, top-left, one per line, in that order (GB/T 9704 7.2.1–7.2.3). */
function marginNotes(header: DocumentHeader, profile: Profile, flow: Flow): number {
  const notes: [string, "body" | "hei"][] = [];
  if (header.copyNumber) notes.push([header.copyNumber.text, "body"]);
  if (header.secrecy) notes.push([header.secrecy, "hei"]);
  if (header.urgency) notes.push([header.urgency, "hei"]);
  for (const [text, face] of notes) flow.append(lines([run(text, { face }, profile)], { align: "left" }));
  return notes.length * LINE;
}

/** 文件式 版头: the red mark with its top edge 35 mm below the 版心's, the 发文字号 two lines below, the red line. */
export function documentHeader(header: DocumentHeader, profile: Profile): Flow {
  const flow = new Flow();
  const above = marginNotes(header, profile, flow);
  const before = Math.max(0, mm(35) - above - Math.round(INK_OFFSET_EM * profile.issuerMarkSize * 20));
  if (!header.docNumber) return flow.append(mark(header.issuerMark, profile, before, mm(4)));
  const ruleGap = mm(4) - DOC_NUMBER_INK_GAP;
  return flow
    .append(mark(header.issuerMark, profile, before))
    .append(lines([run(header.docNumber.text, {}, profile)], { align: "center", before: 2 * LINE, border: redRule(profile, ruleGap) }, { below: ruleGap }));
}

/**
 * 明电 版头 (not in GB/T 9704; as the provinces print it): the red "XX省发电" mark, then the field grid — 发电单位
 * and 签批 on one line, 等级, 明电编号 and 机发号 on the next — closed by the red line.
 */
export function telegramHeader(header: TelegramHeader, profile: Profile): Flow {
  const flow = mark(header.mark, profile, 0);
  // Fields are spread by tab stops rather than a table: the same in every renderer, nothing to misalign.
  // The first field starts at the left, the last ends at the right edge, any between are centred.
  const ruleGap = mm(4) - DOC_NUMBER_INK_GAP;
  header.grid.forEach((fields, i) => {
    const last = i === header.grid.length - 1;
    const texts = fields.map((field) => (field.label ? `${field.label}　${field.value.text}` : field.value.text));
    const left = textWidth(texts[0]!, BODY_STYLE);
    const right = TEXT_WIDTH - textWidth(texts[texts.length - 1]!, BODY_STYLE);
    const middle = texts.length - 2;
    const stops = texts.slice(1).map((_, k) =>
      k === middle
        ? { type: TabStopType.RIGHT, position: TEXT_WIDTH }
        : { type: TabStopType.CENTER, position: Math.round(left + ((right - left) * (k + 1)) / (middle + 1)) },
    );
    const children = texts.flatMap((text, f) => [...(f > 0 ? [run("", {}, profile, { children: [new Tab()] })] : []), run(text, {}, profile)]);
    const options = { align: "left" as const, before: i === 0 ? LINE : 0, tabStops: stops, ...(last ? { border: redRule(profile, ruleGap) } : {}) };
    flow.append(lines(children, options, { below: last ? ruleGap : 0 }));
  });
  return flow;
}
