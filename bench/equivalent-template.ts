/**
 * The docxtemplater side of the benchmark, made equivalent: from tongbao's own document model, a Word template with
 * the same paragraphs and, for each attachment, a table with the same header row and one loop row — and the data
 * that fills it with the same text. docxtemplater then only substitutes text, which is all it does; the template
 * stands for the office's Word template and is made once, outside the timing.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { HEADING_LEVELS, headingText, pointOrdinal, type Circular } from "tongbao";

type Block = Circular["body"][number];

/** The body as the paragraphs tongbao sets: numbered headings, run-in text, 一是 points. */
function paragraphs(blocks: readonly Block[], depth = 0): string[] {
  let n = 0;
  return blocks.flatMap((b) => {
    if (b.kind === "paragraph") return [b.text];
    if (b.kind === "points") return b.items.map((item, i) => `${pointOrdinal(i + 1)}${item}`);
    const number = HEADING_LEVELS[Math.min(depth, HEADING_LEVELS.length - 1)]!.number(++n);
    const runIn = b.text !== undefined;
    return [`${number}${headingText(b.heading, runIn)}${b.text ?? ""}`, ...paragraphs(b.body, depth + 1)];
  });
}

function header(model: Circular): string[] {
  if (!model.header) return [];
  if (model.header.kind === "document") return [model.header.issuerMark, model.header.docNumber?.text ?? ""];
  return [model.header.mark, ...model.header.grid.map((row) => row.map((f) => (f.label ? `${f.label}　${f.value.text}` : f.value.text)).join("\t"))];
}

export function equivalentData(model: Circular): Record<string, unknown> {
  return {
    header: header(model),
    title: model.title.text,
    recipients: model.recipients,
    paragraphs: paragraphs(model.body).map((text) => ({ text })),
    attachmentList: (model.attachmentList?.items ?? []).map((text, i) => ({ text: `${i === 0 ? model.attachmentList!.label : ""}${i + 1}.${text}` })),
    signature: model.signature,
    date: model.date,
    note: model.note ?? "",
    ...Object.fromEntries(
      model.attachments.map((a, i) => [
        `a${i}`,
        {
          label: a.label,
          title: a.title,
          notes: a.notes.map((text) => ({ text })),
          rows: [...a.table.rows, ...(a.table.total ? [a.table.total] : [])].map((row) => Object.fromEntries(row.map((cell, c) => [`c${c}`, cell?.lines.join("\n") ?? ""]))),
        },
      ]),
    ),
  };
}

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });

export async function equivalentTemplate(model: Circular): Promise<Uint8Array> {
  const attachments = model.attachments.flatMap((a, i) => [
    p(`{#a${i}}{label}`),
    p("{title}"),
    new Table({
      width: { size: 8844, type: WidthType.DXA },
      rows: [
        new TableRow({ tableHeader: true, children: a.table.columns.map((c) => new TableCell({ children: [p(c.header)] })) }),
        new TableRow({
          cantSplit: true,
          children: a.table.columns.map((_, c, all) => new TableCell({ children: [p(`${c === 0 ? "{#rows}" : ""}{c${c}}${c === all.length - 1 ? "{/rows}" : ""}`)] })),
        }),
      ],
    }),
    p(`{#notes}{text}{/notes}{/a${i}}`),
  ]);
  const doc = new Document({
    sections: [
      {
        children: [
          p("{#header}{.}{/header}"),
          p("{title}"),
          p("{recipients}"),
          p("{#paragraphs}{text}{/paragraphs}"),
          p("{#attachmentList}{text}{/attachmentList}"),
          p("{signature}"),
          p("{date}"),
          p("{note}"),
          ...attachments,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
