import type { Colophon as ModelColophon } from "../model/circular.js";
import { LINE, SMALL_SIZE, TEXT_HEIGHT, TEXT_WIDTH } from "./geometry.js";
import { breakLines, textWidth } from "./measure.js";
import { paragraph, run } from "./paragraph.js";
import type { Colophon, ColophonLine, Paragraph } from "./plan.js";

/** One character of 4号, the 版记's size. */
const ONE = SMALL_SIZE * 20;
const SMALL = { size: SMALL_SIZE };

const ccLabel = (cc: string): string => cc.slice(0, cc.indexOf("：") + 1);

/** Lines the 抄送 takes: it wraps under the first organ, one character in from each side. */
function ccLines(cc: string): number {
  const label = textWidth(ccLabel(cc), SMALL);
  return breakLines(cc, TEXT_WIDTH - 2 * ONE - label, SMALL, -label).length;
}

/** Height the 版记 takes at the foot of its page, in twips. */
export const colophonHeight = (colophon: ModelColophon): number => (colophon.cc ? ccLines(colophon.cc) : 0) * LINE + LINE;

/**
 * 版记 (GB/T 9704 7.4): 抄送 above 印发机关 and 印发日期, between a thick rule on top, a thin one between and a
 * thick one whose bottom is the 版心's bottom edge, 4号, one character in from each side.
 */
export function colophonBlock(colophon: ModelColophon): Colophon {
  const lines: ColophonLine[] = [];
  const printedTop = TEXT_HEIGHT - LINE;
  const small = { size: SMALL_SIZE };
  if (colophon.cc) {
    const count = ccLines(colophon.cc);
    const label = Math.round(textWidth(ccLabel(colophon.cc), SMALL));
    lines.push({ kind: "cc", runs: [run(colophon.cc, small)], y: printedTop - count * LINE, height: count * LINE, lineHeight: LINE, ruleAbove: "thick", indent: { left: ONE + label, right: ONE, hanging: label }, tabs: [] });
  }
  lines.push({
    kind: "printed",
    runs: [run(colophon.printedBy, small), run(colophon.printedOn, small, { tab: true })],
    y: printedTop,
    height: LINE,
    lineHeight: LINE,
    ruleAbove: colophon.cc ? "thin" : "thick",
    ruleBelow: "thick",
    indent: { left: ONE, right: ONE, hanging: 0 },
    tabs: [{ align: "right", position: TEXT_WIDTH - ONE }],
  });
  return { kind: "colophon", page: 0, lines };
}

/** The empty line the 版记's frames are anchored to: it takes a sliver of the page. */
export const anchorParagraph = (): Paragraph => paragraph("anchor", [], { lineHeight: 20 });
