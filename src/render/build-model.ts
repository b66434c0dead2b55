import type { DataPath } from "../diagnostics/index.js";
import type { Figures, TableFigures } from "../figures/index.js";
import type { AttachmentData, BlockData, CircularData, ColumnData, Fillable, TelegramData } from "../input/index.js";
import type { Attachment, Block, Circular, FieldText, Seal, Table, TableCell, TelegramHeader } from "../model/circular.js";
import { textOf } from "../model/table-cells.js";
import { cellText, periodName } from "../text/index.js";
import type { TemplateSet } from "./template-set.js";

const fieldText = (value: Fillable): FieldText => (typeof value === "string" ? { text: value } : { text: value.blank, blank: true });

/**
 * Fills the document model with text: the element templates for fixed wording, the data's own text for the rest,
 * the figures for every number. The seal's image, read by the load stage, is passed through.
 */
export function buildModel(data: CircularData, figures: Figures, context: Record<string, unknown>, templates: TemplateSet, seal?: Seal): Circular {
  const text = (source: string, path: DataPath) => templates.text(source, context, path);
  const docNumber = data.header?.docNumber ?? data.telegram?.docNumber;
  const attachments = (data.attachments ?? []).map((a, i) =>
    buildAttachment(a, i, figures.tables[i], { single: data.attachments!.length === 1, docNumber: docNumber && fieldText(docNumber).text }, templates, context),
  );
  const titleText = typeof data.title === "string" ? text(data.title, ["title"]) : templates.element("title", context);
  return {
    meta: { title: titleText, issuer: data.issuer, date: data.date },
    ...(data.header
      ? {
          header: {
            kind: "document",
            issuerMark: data.header.issuerMark,
            ...(data.header.docNumber !== undefined ? { docNumber: fieldText(data.header.docNumber) } : {}),
            ...(data.header.copyNumber !== undefined ? { copyNumber: fieldText(data.header.copyNumber) } : {}),
            ...(data.header.secrecy !== undefined ? { secrecy: data.header.secrecy } : {}),
            ...(data.header.urgency !== undefined ? { urgency: data.header.urgency } : {}),
          },
        }
      : {}),
    ...(data.telegram ? { header: telegramHeader(data.telegram, templates, context) } : {}),
    title: { text: titleText, keep: titleKeep(data) },
    recipients: templates.element("recipients", context),
    // Body texts carry marks saying where their figures come from, when the templates are marking.
    body: data.body.map((b, i) => buildBlock(b, ["body", i], (source, path) => templates.marked(source, context, path))),
    ...(attachments.length > 0
      ? {
          attachmentList: {
            label: templates.element("labels/attachment-list", context),
            items: data.attachmentList?.map((item, i) => text(item, ["attachmentList", i])) ?? attachments.map((a) => a.title),
          },
        }
      : {}),
    signature: text(data.signature, ["signature"]),
    date: templates.element("date", context),
    ...(seal ? { seal } : {}),
    // The template sees the note's own fields: a sentence as `text`, or contact, phone and fax.
    ...(data.note !== undefined ? { note: templates.element("note", typeof data.note === "string" ? { text: text(data.note, ["note"]) } : data.note) } : {}),
    ...(data.publicity !== undefined ? { publicity: templates.element("publicity", context) } : {}),
    attachments,
    ...(data.colophon
      ? {
          colophon: {
            ...(data.colophon.cc?.length ? { cc: templates.element("cc", context) } : {}),
            printedBy: text(data.colophon.printedBy, ["colophon", "printedBy"]),
            printedOn: templates.element("printed-on", context),
          },
        }
      : {}),
  };
}

function telegramHeader(telegram: TelegramData, templates: TemplateSet, context: object): TelegramHeader {
  const label = (name: string) => templates.element(`labels/telegram-${name}`, context);
  return {
    kind: "telegram",
    mark: telegram.mark,
    grid: [
      [
        { label: label("sender"), value: { text: telegram.sender } },
        { label: label("approver"), value: { text: telegram.approver ?? "" } },
      ],
      [
        { label: label("priority"), value: { text: telegram.priority } },
        { value: fieldText(telegram.docNumber) },
        ...(telegram.dispatchNumber !== undefined ? [{ value: fieldText(telegram.dispatchNumber) }] : []),
      ],
    ],
  };
}

/**
 * Phrases of a title that a line break must keep whole: the issuer, the period, the scope, and the names the data
 * gives what it inspects (政府网站, 政务新媒体, 承办单位: its groups' and lists' labels).
 */
function titleKeep(data: CircularData): string[] {
  const keep = [data.issuer, periodName(data.period, { year: true })];
  if (typeof data.title !== "string" && data.title.scope) keep.push(data.title.scope);
  for (const g of Object.values(data.groups ?? {})) if (g.label) keep.push(g.label);
  for (const l of Object.values(data.lists ?? {})) if (l.label) keep.push(l.label);
  return keep;
}

function buildBlock(block: BlockData, path: DataPath, text: (s: string, p: DataPath) => string): Block {
  if (typeof block === "string") return { kind: "paragraph", text: text(block, path) };
  if ("points" in block) return { kind: "points", items: block.points.map((p, i) => text(p, [...path, "points", i])), ...(block.runIn ? { runIn: true } : {}) };
  return {
    kind: "section",
    heading: text(block.heading, [...path, "heading"]),
    ...(block.text !== undefined ? { text: text(block.text, [...path, "text"]) } : {}),
    body: (block.body ?? []).map((b, i) => buildBlock(b, [...path, "body", i], text)),
  };
}

function buildAttachment(
  attachment: AttachmentData,
  index: number,
  figures: TableFigures | undefined,
  /** Whether it is the only attachment (labelled 附件 alone); the circular's 发文字号 or 明电编号, if any. */
  circular: { single: boolean; docNumber: string | undefined },
  templates: TemplateSet,
  context: Record<string, unknown>,
): Attachment {
  const at: DataPath = ["attachments", index];
  const text = (source: string, path: DataPath) => templates.text(source, context, [...at, ...path]);
  const label = templates.element("attachment-label", { ...context, index: index + 1, single: circular.single });
  return {
    label,
    separateLabel: templates.element("attachment-label-separate", { label, docNumber: circular.docNumber }),
    title: text(attachment.title, ["title"]),
    ...(attachment.subtitle !== undefined ? { subtitle: text(attachment.subtitle, ["subtitle"]) } : {}),
    table: buildTable(attachment, figures, (source, row, c) => templates.text(source, { ...context, ...row }, [...at, "columns", c, "value"])),
    notes: (attachment.notes ?? []).map((n, i) => templates.element("table-note", { ...context, note: text(n, ["notes", i]) })),
  };
}

type ValueText = (source: string, row: object, column: number) => string;

/**
 * What a column's body cells are made from, in one shape for every column whatever the data wrote: the loop over a
 * long table's rows then reads one kind of object, and its compiled code serves every table.
 */
interface CellSource {
  number: boolean;
  value: string | undefined;
  computed: readonly (number | undefined)[] | undefined;
  field: string;
  format: ColumnData["format"];
  digits: number | undefined;
}

function buildTable(attachment: AttachmentData, figures: TableFigures | undefined, valueText: ValueText): Table {
  const { columns, total } = attachment;
  const sources = columns.map(
    (column, c): CellSource => ({
      number: column.number === true,
      value: column.value,
      computed: column.formula !== undefined ? figures!.computed[c]! : undefined,
      field: column.field ?? "",
      format: column.format,
      digits: column.digits,
    }),
  );
  const rows = bodyRows(sources, figures?.rows ?? [], valueText);
  columns.forEach((column, c) => column.merge && mergeDown(rows, c));
  return { columns: columns.map((c) => ({ header: c.header })), rows, total: total !== undefined ? totalRow(attachment, total, figures) : undefined };
}

/** Every cell its text alone: mergeDown makes the cells that span. */
function bodyRows(sources: readonly CellSource[], source: TableFigures["rows"], valueText: ValueText): TableCell[][] {
  const rows: TableCell[][] = new Array(source.length);
  for (let r = 0; r < source.length; r++) {
    const row = source[r]!;
    const cells: TableCell[] = new Array(sources.length);
    for (let c = 0; c < sources.length; c++) {
      const column = sources[c]!;
      const value =
        column.number ? String(r + 1)
        : column.value !== undefined ? valueText(column.value, row, c)
        : column.computed !== undefined ? cellText(column.computed[r], column.format, column.digits)
        : cellText(row[column.field], column.format, column.digits);
      cells[c] = value;
    }
    rows[r] = cells;
  }
  return rows;
}

/** A cell with no text on any of its lines. */
const BLANK = /^\n*$/;

/** Merges runs of equal, non-empty cells in column `c` into one cell spanning the run. */
function mergeDown(rows: TableCell[][], c: number): void {
  let start = 0;
  for (let r = 1; r <= rows.length; r++) {
    const head = rows[start]?.[c];
    if (head === undefined || head === null) {
      start = r;
      continue;
    }
    const text = textOf(head);
    const same = r < rows.length && textOf(rows[r]![c]!) === text && !BLANK.test(text);
    if (same) continue;
    if (r - start > 1) {
      rows[start]![c] = { text, rowSpan: r - start, colSpan: 1 };
      for (let k = start + 1; k < r; k++) rows[k]![c] = null;
    }
    start = r;
  }
}

/** 合计 label across the columns before the first summed one, then the totals; other cells stay empty. */
function totalRow(attachment: AttachmentData, label: string, figures: TableFigures | undefined): TableCell[] {
  const { columns } = attachment;
  const firstSum = Math.max(1, columns.findIndex((c) => c.sum));
  return columns.map((column, c): TableCell => {
    if (c === 0) return firstSum > 1 ? { text: label, rowSpan: 1, colSpan: firstSum } : label;
    if (c < firstSum) return null;
    return column.sum ? cellText(figures?.totals[c], column.format, column.digits) : "";
  });
}
