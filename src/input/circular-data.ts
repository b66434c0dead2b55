/** The shape of a data file that passed schemas/circular.schema.json: the input the later stages rely on. */
import type { TableSource } from "../source/index.js";
import type { Period } from "../text/index.js";

export type IsoDate = string;
export type { Period };

/** Text printed as a blank to be filled in by hand: `{ blank: "云机发　号" }` prints as written, marked as a blank. */
export interface Blank {
  blank: string;
}
export type Fillable = string | Blank;

export interface DocumentHeaderData {
  issuerMark: string;
  docNumber?: Fillable;
  copyNumber?: Fillable;
  secrecy?: string;
  urgency?: string;
}

export interface TelegramData {
  mark: string;
  sender: string;
  approver?: string;
  priority: string;
  docNumber: Fillable;
  dispatchNumber?: Fillable;
}

export interface DateSpan {
  from?: IsoDate;
  to: IsoDate;
}

export type FieldType = "text" | "siteCode" | "integer" | "number" | "date" | "yesno" | "list";

export interface FieldSpec {
  type?: FieldType;
  label?: string;
  required?: boolean;
  /** The only values allowed (text fields). */
  values?: string[];
  /** No two rows of a list share the value. */
  unique?: boolean;
  /** Computed from the row's other fields; a value the row states is checked against it. */
  formula?: string;
  /** Used where the row leaves the field out. */
  default?: unknown;
}

export interface KindData {
  label?: string;
  extends?: string;
  /** A field as its type alone (`received: integer`) or in full. */
  fields?: Record<string, FieldType | FieldSpec>;
  identity?: string[];
  region?: string;
  category?: string;
  issues?: string;
}

export type Row = Record<string, unknown>;

/** A list: rows of a kind written in the data, or rows chosen from another list (`of`, with `where` and `sort`). */
export interface ListData {
  kind?: string;
  label?: string;
  rows?: Row[];
  /** A table the rows are read from instead. */
  from?: TableSource;
  of?: string;
  where?: string;
  sort?: string | string[];
}

/** A figure stated in the data, optionally said to follow another method than the data's. */
export type Stated = number | { value: number; method?: string };

export interface CategoryData {
  name: string;
  count: number;
}

export interface GroupData {
  label?: string;
  unit?: string;
  /** The list of every inspected object. */
  objects?: string;
  /** The list of per-region running and checked counts. */
  regions?: string;
  /** The lists whose rows failed the inspection (a row in several counts once). */
  failures?: string[];
  running?: Stated;
  checked?: Stated;
  passRate?: Stated;
  categories?: CategoryData[];
  sampling?: DateSpan;
}

/** A named figure: stated (a number), computed (a formula), or stated and checked against a formula. */
export type FigureData = number | string | { value?: number; formula?: string; method?: string };

export type BlockData = string | SectionData | PointsData;

export interface SectionData {
  heading: string;
  text?: string;
  body?: BlockData[];
}

export interface PointsData {
  points: string[];
  /** 一是……二是…… run on in one paragraph rather than a paragraph each. */
  runIn?: boolean;
}

export interface ColumnData {
  header: string;
  field?: string;
  value?: string;
  formula?: string;
  number?: boolean;
  sum?: boolean;
  merge?: boolean;
  format?: "percent" | "number";
  digits?: number;
}

export interface AttachmentData {
  title: string;
  subtitle?: string;
  rows: string;
  where?: string;
  sort?: string | string[];
  total?: string;
  columns: ColumnData[];
  notes?: string[];
}

export interface ContactNote {
  contact: string;
  phone: string;
  fax?: string;
}

export interface SealData {
  /** Path of a PNG or JPEG, relative to the data file. */
  image: string;
  /** Diameter in millimetres. */
  size?: number;
}

export interface ColophonData {
  cc?: string[];
  printedBy: string;
  printedOn: IsoDate;
}

export interface Acknowledgement {
  check: string;
  at: string;
  reason: string;
}

export interface StyleData {
  fonts?: Partial<Record<"title" | "body" | "kai" | "hei" | "song" | "latin", string>>;
  red?: string;
  issuerMarkSize?: number;
  boldThirdLevel?: boolean;
  pageNumber?: string;
  tableFontSize?: number;
}

/** One dataset, one circular per region (see split.ts). */
export interface SplitData {
  /** The list whose region field names the regions. */
  by: string;
  /** The regions in order; as a map, each with the entries its circular says differently. */
  regions?: string[] | Record<string, Partial<CircularData> | null>;
  /** Output file name; {region} is the region (default {name}-{region}.docx). */
  output?: string;
}

export interface CircularData {
  extends?: string | string[];
  issuer: string;
  period: Period;
  header?: DocumentHeaderData;
  telegram?: TelegramData;
  title: string | { scope?: string; subject: string };
  recipients: string[];
  kinds?: Record<string, KindData>;
  lists?: Record<string, ListData>;
  groups?: Record<string, GroupData>;
  figures?: Record<string, FigureData>;
  deadline?: IsoDate;
  body: BlockData[];
  attachmentList?: string[];
  attachments?: AttachmentData[];
  signature: string;
  date: IsoDate;
  seal?: SealData;
  note?: string | ContactNote;
  publicity?: string;
  colophon?: ColophonData;
  style?: StyleData;
  acknowledge?: Acknowledgement[];
  split?: SplitData;
  /** In one region's circular of a split dataset: the region, for {{region}} in the texts. */
  region?: string;
}

/** The top-level fields of a data file, in the schema's order (a test keeps the two the same). */
export const DATA_FIELDS = [
  "extends", "issuer", "period", "header", "telegram", "title", "recipients", "kinds", "lists", "groups", "figures", "deadline",
  "body", "attachmentList", "attachments", "signature", "date", "seal", "note", "publicity", "colophon", "style", "acknowledge", "split",
] as const satisfies readonly (keyof CircularData)[];
