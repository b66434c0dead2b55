import type { Attachment } from "../model/circular.js";
import { bodyParagraph, titleBlock } from "./body.js";
import { measureCells, planColumns } from "./column-widths.js";
import { LANDSCAPE_TEXT_WIDTH, LINE, TEXT_WIDTH } from "./geometry.js";
import { paragraph, run } from "./paragraph.js";
import type { Block } from "./plan.js";
import type { Profile } from "./profile.js";
import { planTable, tableLineHeight } from "./table.js";

export interface AttachmentPages {
  blocks: Block[];
  landscape: boolean;
}

/** Space between a table's title (or subtitle) and its top border: half a line. */
const TITLE_GAP = Math.round(LINE / 2);

/**
 * An attachment on new pages (GB/T 9704 7.3.7): 附件N in 3号黑体 flush left on line 1, the title centred on line 3,
 * then the table at the full 版心 width with its header row repeated on every page, and the notes under it. Printed
 * `separate`ly, it starts its own document and its label is led by the circular's 发文字号.
 */
export function attachmentPages(attachment: Attachment, index: number, profile: Profile, separate = false): AttachmentPages {
  const size = profile.tableFontSize;
  const measured = measureCells(attachment.table, { size }, { size });
  const plan = planColumns(attachment.table, { size }, { size }, measured);
  const width = plan.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const blocks: Block[] = [];
  // A section or a document starts its own page; within the main section the label breaks the page.
  const pageBreakBefore = !plan.landscape && !separate;
  blocks.push(paragraph("attachmentLabel", [run(separate ? attachment.separateLabel : attachment.label, { face: "hei" })], { align: "left", pageBreakBefore, keepNext: true }));
  const title = titleBlock({ text: attachment.title, keep: [] }, LINE, width, "attachmentTitle");
  if (attachment.subtitle) {
    blocks.push(title, paragraph("attachmentSubtitle", [run(attachment.subtitle, { face: "kai" })], { align: "center", keepNext: true }));
  } else blocks.push(title);
  blocks.push(paragraph("anchor", [], { lineHeight: TITLE_GAP, keepNext: true }));
  const table = planTable(attachment.table, plan.widths, size, index, measured);
  // A note under a table reads with its last row: never alone at the top of a page.
  const last = table.rows[table.rows.length - 1];
  if (last && attachment.notes.length > 0) last.keepNext = true;
  blocks.push(table);
  // 注： hangs so that a long note wraps under its text.
  const hanging = 2 * size * 20;
  for (const note of attachment.notes) {
    blocks.push(bodyParagraph([run(note, { size })], "tableNote", { indent: { left: hanging, hanging, firstLine: 0 }, lineHeight: tableLineHeight(size) }));
  }
  return { blocks, landscape: plan.landscape };
}
