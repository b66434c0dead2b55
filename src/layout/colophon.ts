import { BorderStyle, FrameAnchorType, FrameWrap, HeightRule, Tab, TabStopType, type IParagraphOptions } from "docx";
import type { Colophon } from "../model/circular.js";
import { Flow } from "./flow.js";
import { LINE, SMALL_SIZE, TEXT_HEIGHT, TEXT_WIDTH } from "./page-geometry.js";
import type { Profile } from "./profile.js";
import { breakLines, textWidth } from "./text-measure.js";
import { lines, paragraph, run } from "./typography.js";

/** One character of 4号, the 版记's size. */
const ONE = SMALL_SIZE * 20;
const SMALL = { size: SMALL_SIZE };

/** 0.35 mm and 0.25 mm rules (GB/T 9704 7.4.1): 1 pt and 0.75 pt in Word's eighths of a point. */
const thick = { style: BorderStyle.SINGLE, size: 8, color: "000000", space: 0 };
const thin = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 0 };

/** A frame fixed at `y` below the 版心 top. Each 版记 element gets its own: LibreOffice drops borders of paragraphs sharing one. */
const frame = (y: number, height: number): IParagraphOptions["frame"] => ({
  type: "absolute",
  position: { x: 0, y },
  anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
  width: TEXT_WIDTH,
  height,
  rule: HeightRule.EXACT,
  wrap: FrameWrap.AROUND,
});

/** Lines the 抄送 takes: it wraps under the first organ, one character in from each side. */
function ccLines(cc: string): number {
  const label = textWidth(cc.slice(0, cc.indexOf("：") + 1), SMALL);
  return breakLines(cc, TEXT_WIDTH - 2 * ONE - label, SMALL, -label).length;
}

/** Height the 版记 takes at the foot of its page, in twips. */
export const colophonHeight = (colophon: Colophon): number => (colophon.cc ? ccLines(colophon.cc) : 0) * LINE + LINE;

/**
 * 版记 (GB/T 9704 7.4): 抄送 above 印发机关 and 印发日期, between a thick rule on top, a thin one between and a
 * thick one whose bottom is the 版心's bottom edge. Frames pin it there whatever precedes it on the page; the
 * empty paragraph after them is what they are anchored to.
 */
export function colophonBlock(colophon: Colophon, profile: Profile): Flow {
  const flow = new Flow();
  const printedTop = TEXT_HEIGHT - LINE;
  if (colophon.cc) {
    const lines = ccLines(colophon.cc);
    const label = Math.round(textWidth(colophon.cc.slice(0, colophon.cc.indexOf("：") + 1), SMALL));
    flow.add(
      paragraph([run(colophon.cc, { size: SMALL_SIZE }, profile)], {
        align: "both",
        frame: frame(printedTop - lines * LINE, lines * LINE),
        border: { top: thick },
        indent: { left: ONE + label, hanging: label, right: ONE },
      }),
    );
  }
  flow.add(
    paragraph([run(colophon.printedBy, { size: SMALL_SIZE }, profile), run("", { size: SMALL_SIZE }, profile, { children: [new Tab()] }), run(colophon.printedOn, { size: SMALL_SIZE }, profile)], {
      align: "left",
      frame: frame(printedTop, LINE),
      border: { top: colophon.cc ? thin : thick, bottom: thick },
      indent: { left: ONE, right: ONE },
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - ONE }],
    }),
  );
  return flow.append(lines([], { height: 20 }));
}
