import type { Block as ModelBlock, Title } from "../model/circular.js";
import { liftMarks, marksWithin } from "../model/marks.js";
import { LINE, TEXT_WIDTH, TITLE_SIZE } from "./geometry.js";
import { headingLevel, headingText, pointOrdinal } from "./numbering.js";
import { chars, paragraph, run } from "./paragraph.js";
import type { Paragraph, Run } from "./plan.js";
import type { Profile } from "./profile.js";
import { titleLines } from "./title-lines.js";

/** A centred 2号小标宋 title, broken into whole-word lines shaped as GB/T 9704 7.3.1 asks, never split over pages. */
export function titleBlock(title: Title, before: number, width = TEXT_WIDTH, role: "title" | "attachmentTitle" = "title"): Paragraph {
  const lines = titleLines(title.text, width, { size: TITLE_SIZE }, title.keep);
  return paragraph(role, [run(lines.join(""), { face: "title", size: TITLE_SIZE })], { align: "center", before, keepNext: true, keepLines: true, forcedLines: lines });
}

/** 主送机关: one blank line below the title, flush left, continuation lines flush left too. */
export const recipientsBlock = (recipients: string): Paragraph => paragraph("recipients", [run(recipients)], { before: LINE });

/** A body paragraph: 3号, justified, first line indented two characters. */
export const bodyParagraph = (runs: Run[], role: Paragraph["role"] = "paragraph", extra: Parameters<typeof paragraph>[2] = {}): Paragraph =>
  paragraph(role, runs, { indent: { firstLine: chars(2) }, ...extra });

/** A run of body text, its marks (if the model carries them) lifted out into the run. */
function bodyRun(text: string, style: Parameters<typeof run>[1] = {}, shape: (plain: string) => string = (t) => t): Run {
  const lifted = liftMarks(text);
  const shaped = shape(lifted.text);
  // Shaping trims or adds punctuation at the end: the marks keep to the characters still there.
  const marks = marksWithin(lifted.marks, 0, shaped.length);
  return run(shaped, style, marks.length ? { marks } : {});
}

/**
 * Body blocks, numbering sections by depth (一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋, GB/T 9704 7.3.3) and
 * points by 一是、二是. A heading on its own line is kept with the next line and never split over pages; a
 * heading run into its paragraph is kept whole by the pagination.
 */
export function bodyBlocks(blocks: readonly ModelBlock[], profile: Profile, depth = 0): Paragraph[] {
  const out: Paragraph[] = [];
  let section = 0;
  for (const block of blocks) {
    if (block.kind === "paragraph") out.push(bodyParagraph([bodyRun(block.text)]));
    else if (block.kind === "points") {
      const items = block.items.map((item, i) => [run(pointOrdinal(i + 1)), bodyRun(item)]);
      if (block.runIn) out.push(bodyParagraph(items.flat(), "point"));
      else for (const runs of items) out.push(bodyParagraph(runs, "point"));
    } else {
      section++;
      const level = headingLevel(depth);
      const bold = depth === 2 && profile.boldThirdLevel;
      const runIn = block.text !== undefined;
      const number = level.number(section);
      const shaped = bodyRun(block.heading, { face: level.face, bold }, (plain) => headingText(plain, runIn));
      // The number goes before the text, and the marks move along.
      const numbered: Run = { ...shaped, text: `${number}${shaped.text}`, ...(shaped.marks ? { marks: shaped.marks.map((m) => ({ ...m, start: m.start + number.length, end: m.end + number.length })) } : {}) };
      out.push(bodyParagraph(runIn ? [numbered, bodyRun(block.text!)] : [numbered], "heading", { level: depth, keepNext: !runIn, keepLines: !runIn }));
      out.push(...bodyBlocks(block.body, profile, depth + 1));
    }
  }
  return out;
}
