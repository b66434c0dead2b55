import type { ParagraphChild } from "docx";
import type { Block, Title } from "../model/circular.js";
import { Flow } from "./flow.js";
import { headingLevel, headingText, pointOrdinal } from "./numbering.js";
import { BODY_SIZE, BODY_STYLE, LINE, TEXT_WIDTH, TITLE_SIZE } from "./page-geometry.js";
import type { Profile } from "./profile.js";
import { lineCount } from "./text-measure.js";
import { chars, lines, run, type LineOptions, type RunStyle } from "./typography.js";
import { titleLines } from "./title-lines.js";

export interface Span {
  text: string;
  style?: RunStyle;
}

/**
 * One body paragraph from styled spans, measured as it will break: 3号, justified, first line indented two
 * characters unless told otherwise.
 */
export function bodyParagraph(
  spans: Span[],
  profile: Profile,
  options: LineOptions & { firstIndent?: number; width?: number; lead?: ParagraphChild[] } = {},
): Flow {
  const firstIndent = options.firstIndent ?? chars(2);
  const runs: ParagraphChild[] = [...(options.lead ?? []), ...spans.map((s) => run(s.text, s.style ?? {}, profile))];
  const size = spans[0]?.style?.size ?? BODY_SIZE;
  const left = typeof options.indent?.left === "number" ? options.indent.left : 0;
  const hanging = typeof options.indent?.hanging === "number" ? options.indent.hanging : 0;
  const text = spans.map((s) => s.text).join("");
  const count = lineCount(text, (options.width ?? TEXT_WIDTH) - left, size === BODY_SIZE ? BODY_STYLE : { size }, hanging ? -hanging : firstIndent);
  return lines(runs, { ...options, indent: options.indent ?? { firstLine: firstIndent } }, { count });
}

/** A centred 2号小标宋 title, broken into whole-word lines shaped as GB/T 9704 7.3.1 asks. */
export function titleBlock(title: Title, profile: Profile, before: number): Flow {
  const broken = titleLines(title.text, TEXT_WIDTH, { size: TITLE_SIZE }, title.keep);
  const runs = broken.map((line, i) => run(line, { face: "title", size: TITLE_SIZE }, profile, i > 0 ? { break: 1 } : {}));
  return lines(runs, { align: "center", before, keepNext: true }, { count: broken.length });
}

/** 主送机关: one blank line below the title, flush left, continuation lines flush left too. */
export const recipientsBlock = (recipients: string, profile: Profile): Flow =>
  bodyParagraph([{ text: recipients }], profile, { firstIndent: 0, before: LINE });

/** Body blocks, numbering sections by depth (一、（一）1.（1）) and points by 一是、二是. */
export function bodyBlocks(blocks: readonly Block[], profile: Profile, depth = 0): Flow {
  const flow = new Flow();
  let section = 0;
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      flow.append(bodyParagraph([{ text: block.text }], profile));
    } else if (block.kind === "points") {
      if (block.runIn) flow.append(bodyParagraph(block.items.flatMap((item, i) => [{ text: pointOrdinal(i + 1) }, { text: item }]), profile));
      else block.items.forEach((item, i) => flow.append(bodyParagraph([{ text: pointOrdinal(i + 1) }, { text: item }], profile)));
    } else {
      section++;
      const level = headingLevel(depth);
      const bold = depth === 2 && profile.boldThirdLevel;
      const runIn = block.text !== undefined;
      const heading: Span = { text: `${level.number(section)}${headingText(block.heading, runIn)}`, style: { face: level.face, bold } };
      flow.append(bodyParagraph(runIn ? [heading, { text: block.text! }] : [heading], profile, { keepNext: !runIn }));
      flow.append(bodyBlocks(block.body, profile, depth + 1));
    }
  }
  return flow;
}
