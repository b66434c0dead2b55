import { BorderStyle, Tab, TabStopType } from "docx";
import type { DocumentHeader, TelegramHeader } from "../model/circular.js";
import { Flow } from "./flow.js";
import { BODY_STYLE, LINE, TEXT_WIDTH, mm } from "./page-geometry.js";
import type { Profile } from "./profile.js";
import { textWidth } from "./text-measure.js";
import { paragraph, run } from "./typography.js";

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

/** The red 版头 line under `text` (the 发文字号, or the mark when there is none), `gap` twips below its line. */
const redRule = (profile: Profile, gap: number) => ({
  bottom: { style: BorderStyle.SINGLE, size: 12, color: profile.red, space: Math.round(gap / 20) },
});

/** 份号, 密级 and 紧急程度, top-left, one per line, in that order (GB/T 9704 7.2.1–7.2.3). */
function marginNotes(header: DocumentHeader, profile: Profile, flow: Flow): number {
  const notes: [string, "body" | "hei"][] = [];
  if (header.copyNumber) notes.push([header.copyNumber, "body"]);
  if (header.secrecy) notes.push([header.secrecy, "hei"]);
  if (header.urgency) notes.push([header.urgency, "hei"]);
  for (const [text, face] of notes) flow.add(paragraph([run(text, { face }, profile)], { align: "left" }), { kind: "lines", before: 0, count: 1, height: LINE });
  return notes.length * LINE;
}

/** 文件式 版头: the red mark with its top edge 35 mm below the 版心's, the 发文字号 two lines below, the red line. */
export function documentHeader(header: DocumentHeader, profile: Profile): Flow {
  const flow = new Flow();
  const above = marginNotes(header, profile, flow);
  const size = profile.issuerMarkSize;
  const height = markLineHeight(size);
  const before = Math.max(0, mm(35) - above - Math.round(INK_OFFSET_EM * size * 20));
  const markRun = run(header.issuerMark, { face: "title", size, color: profile.red, scale: markScale(header.issuerMark, size) }, profile);
  const ruleGap = mm(4) - DOC_NUMBER_INK_GAP;
  if (header.docNumber) {
    flow.add(paragraph([markRun], { align: "center", before, height }), { kind: "lines", before, count: 1, height });
    flow.add(paragraph([run(header.docNumber, {}, profile)], { align: "center", before: 2 * LINE, border: redRule(profile, ruleGap) }), {
      kind: "lines",
      before: 2 * LINE,
      count: 1,
      height: LINE + ruleGap,
    });
  } else {
    flow.add(paragraph([markRun], { align: "center", before, height, border: redRule(profile, mm(4)) }), { kind: "lines", before, count: 1, height: height + mm(4) });
  }
  return flow;
}

/**
 * 明电 版头 (not in GB/T 9704; as the provinces print it): the red "XX省发电" mark, then the field grid — 发电单位
 * and 签批 on one line, 等级, 明电编号 and 机发号 on the next — closed by the red line.
 */
export function telegramHeader(header: TelegramHeader, profile: Profile): Flow {
  const flow = new Flow();
  const size = profile.issuerMarkSize;
  const height = markLineHeight(size);
  flow.add(paragraph([run(header.mark, { face: "title", size, color: profile.red, scale: markScale(header.mark, size) }, profile)], { align: "center", height }), {
    kind: "lines",
    before: 0,
    count: 1,
    height,
  });
  // Fields are spread by tab stops rather than a table: the same in every renderer, nothing to misalign.
  // The first field starts at the left, the last ends at the right edge, any between are centred.
  const ruleGap = mm(4) - DOC_NUMBER_INK_GAP;
  header.grid.forEach((fields, i) => {
    const last = i === header.grid.length - 1;
    const texts = fields.map((field) => (field.label ? `${field.label}　${field.value}` : field.value));
    const left = textWidth(texts[0]!, BODY_STYLE);
    const right = TEXT_WIDTH - textWidth(texts[texts.length - 1]!, BODY_STYLE);
    const middle = texts.length - 2;
    const stops = texts.slice(1).map((_, k) =>
      k === middle
        ? { type: TabStopType.RIGHT, position: TEXT_WIDTH }
        : { type: TabStopType.CENTER, position: Math.round(left + ((right - left) * (k + 1)) / (middle + 1)) },
    );
    const children = texts.flatMap((text, f) => [...(f > 0 ? [run("", {}, profile, { children: [new Tab()] })] : []), run(text, {}, profile)]);
    const before = i === 0 ? LINE : 0;
    const extra = last ? ruleGap : 0;
    flow.add(paragraph(children, { align: "left", before, tabStops: stops, ...(last ? { border: redRule(profile, ruleGap) } : {}) }), {
      kind: "lines",
      before,
      count: 1,
      height: LINE + extra,
    });
  });
  return flow;
}
