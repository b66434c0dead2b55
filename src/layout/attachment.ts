import type { Attachment } from "../model/circular.js";
import { bodyParagraph } from "./body.js";
import { planColumns } from "./column-widths.js";
import { Flow } from "./flow.js";
import { LANDSCAPE_TEXT_WIDTH, LINE, TEXT_WIDTH, TITLE_SIZE } from "./page-geometry.js";
import type { Profile } from "./profile.js";
import { measureTable, tableLineHeight, tableXml, type TableGeometry } from "./table-xml.js";
import { titleLines } from "./title-lines.js";
import { lines, paragraph, run } from "./typography.js";

export interface AttachmentPages {
  flow: Flow;
  landscape: boolean;
}

/** Text and placeholder of the table spliced in at pack time; unique per attachment and never in real text. */
const placeholder = (index: number) => `\u2063TONGBAO-TABLE-${index}\u2063`;

/**
 * An attachment on new pages (GB/T 9704 7.3.7): 附件N in 3号黑体 flush left on line 1, the title centred on line 3,
 * then the table at the full 版心 width with its header row repeated on every page, and the notes under it. Printed
 * `separate`ly, it starts its own document and its label is led by the circular's 发文字号.
 */
export function attachmentPages(attachment: Attachment, index: number, profile: Profile, separate = false): AttachmentPages {
  const size = profile.tableFontSize;
  const style = { size };
  const headerStyle = { size };
  const plan = planColumns(attachment.table, style, headerStyle);
  const width = plan.landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const flow = new Flow();

  const pageBreakBefore = !plan.landscape && !separate; // a section or a document starts its own page
  flow.append(lines([run(separate ? attachment.separateLabel : attachment.label, { face: "hei" }, profile)], { align: "left", pageBreakBefore }));
  const title = titleLines(attachment.title, width, { size: TITLE_SIZE });
  flow.append(
    lines(
      title.map((l, i) => run(l, { face: "title", size: TITLE_SIZE }, profile, i > 0 ? { break: 1 } : {})),
      { align: "center", before: LINE, keepNext: true },
      { count: title.length },
    ),
  );
  if (attachment.subtitle) flow.append(lines([run(attachment.subtitle, { face: "kai" }, profile)], { align: "center", keepNext: true }));

  const geometry: TableGeometry = { widths: plan.widths, style, lineHeight: tableLineHeight(size) };
  const measure = measureTable(attachment.table, geometry, headerStyle);
  const marker = placeholder(index);
  flow.rawTables.push({ placeholder: marker, xml: tableXml(attachment.table, geometry, measure.aligns) });
  flow.add(paragraph([run(marker, {}, profile)]), { kind: "table", header: measure.header, rows: measure.rows });

  // 注： hangs so that a long note wraps under its text.
  const hanging = 2 * size * 20;
  for (const note of attachment.notes) {
    flow.append(bodyParagraph([{ text: note, style: { size } }], profile, { indent: { left: hanging, hanging }, height: geometry.lineHeight, width }));
  }
  return { flow, landscape: plan.landscape };
}
