/**
 * The finished text of a circular and its structure, with nothing about pages, fonts or positions. The render stage
 * builds it from data and templates; a layout (the GB/T 9704 .docx writer today, PDF or HTML later) turns it into a
 * document. Section numbers (一、（一）1.（1）) and point ordinals (一是) are not in the text: layouts add them.
 */
export interface Circular {
  meta: {
    /** The title on one line, for document properties. */
    title: string;
    issuer: string;
    /** 成文日期 as an ISO date (YYYY-MM-DD): the document's creation date, so rebuilds give the same bytes. */
    date: string;
  };
  header?: DocumentHeader | TelegramHeader;
  title: Title;
  /** 主送机关, with its closing colon. */
  recipients: string;
  body: Block[];
  attachmentList?: AttachmentList;
  signature: string;
  /** 成文日期 as written: 2019年3月20日. */
  date: string;
  /** The seal stamped over 署名 and 成文日期, when the data gives its image. */
  seal?: Seal;
  /** 附注, with its parentheses. */
  note?: string;
  /** 公开方式 line, e.g. 公开方式：主动公开. */
  publicity?: string;
  attachments: Attachment[];
  colophon?: Colophon;
}

/** Text of a header field; `blank` when it is a space left to be filled in by hand (a 机发号 the 机要 office writes). */
export interface FieldText {
  text: string;
  blank?: boolean;
}

/** 文件式 版头. */
export interface DocumentHeader {
  kind: "document";
  copyNumber?: FieldText;
  secrecy?: string;
  urgency?: string;
  issuerMark: string;
  docNumber?: FieldText;
}

/** 明电 版头: the "XX省发电" mark over a grid of labelled fields. */
export interface TelegramHeader {
  kind: "telegram";
  mark: string;
  /** Rows of the field grid, left to right. */
  grid: TelegramField[][];
}

export interface TelegramField {
  label?: string;
  value: FieldText;
}

export interface Title {
  text: string;
  /** Phrases that a line break must not split (issuer, period, scope, subject words). */
  keep: string[];
}

export type Block = Paragraph | Section | Points;

export interface Paragraph {
  kind: "paragraph";
  text: string;
}

/** A numbered section: a heading on its own line with blocks under it, or a run-in heading followed by `text`. */
export interface Section {
  kind: "section";
  heading: string;
  text?: string;
  body: Block[];
}

/** Points that the layout opens with 一是、二是…: a paragraph each, or run on in one paragraph. */
export interface Points {
  kind: "points";
  items: string[];
  runIn?: boolean;
}

export interface AttachmentList {
  /** 附件： */
  label: string;
  /** The names, unnumbered: the layout writes 1. 2. when there are several. */
  items: string[];
}

export interface Attachment {
  /** 附件1 (or 附件 when there is only one). */
  label: string;
  /** The label when the attachment is printed on its own: led by the circular's 发文字号 (GB/T 9704 7.3.7). */
  separateLabel: string;
  title: string;
  subtitle?: string;
  table: Table;
  /** Lines under the table, each with its 注： already written. */
  notes: string[];
}

export interface Table {
  columns: Column[];
  /** Body rows. */
  rows: TableCell[][];
  /** The 合计 row, if any, laid out like a body row but never merged with the rows above (undefined if none). */
  total?: TableCell[];
}

/**
 * A cell of a table's grid: a cell spanning nothing is its text alone (a long table has tens of thousands of cells,
 * nearly all such), one that may span is a Cell, and one covered by a span above or to its left is null. Read
 * through textOf, rowSpanOf and colSpanOf.
 */
export type TableCell = string | Cell | null;

export interface Column {
  header: string;
}

export interface Cell {
  /**
   * The cell's text; a cell may hold several lines (加分 / 扣分 / 总分), separated by "\n". One string rather than
   * an array of lines: a long table has tens of thousands of cells, nearly all of one line.
   */
  text: string;
  /** 1 when it spans nothing. */
  rowSpan?: number;
  colSpan?: number;
}

/** An image file as read: its bytes, kind and pixel size. */
export interface SealImage {
  image: Uint8Array;
  type: "png" | "jpg";
  width: number;
  height: number;
}

export interface Seal extends SealImage {
  /** Diameter in millimetres. */
  size: number;
}

export interface Colophon {
  /** 抄送：…。 */
  cc?: string;
  printedBy: string;
  /** 2019年3月20日印发 */
  printedOn: string;
}
