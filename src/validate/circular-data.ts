/** The shape of a data file that passed schemas/circular.schema.json: the input the later stages rely on. */
import type { ProfileOverrides } from "../layout/profile.js";

export type IsoDate = string;

export interface Period {
  year: number;
  quarter: number;
}

export interface DocumentHeaderData {
  issuerMark: string;
  docNumber?: string;
  copyNumber?: string;
  secrecy?: string;
  urgency?: string;
}

export interface TelegramData {
  mark: string;
  sender: string;
  approver?: string;
  priority: string;
  docNumber: string;
  dispatchNumber?: string;
}

export interface Sampling {
  from?: IsoDate;
  to: IsoDate;
}

export interface CategoryData {
  name: string;
  count: number;
}

export interface RegionData {
  region: string;
  department?: boolean;
  running: number;
  checked: number;
  problemCount?: number;
}

/** A row of a list; besides the known fields it may carry any field an office's own columns show. */
export interface RowData {
  name: string;
  host?: string;
  region?: string;
  category?: string;
  platform?: string;
  siteCode?: string;
  issues?: string[];
  bonus?: number;
  deduction?: number;
  score?: number;
  [field: string]: unknown;
}

export interface SitesData {
  running?: number;
  checked?: number;
  passRate?: number;
  scoreBase?: number;
  sampling?: Sampling;
  categories?: CategoryData[];
  regions?: RegionData[];
  list?: RowData[];
  problems?: RowData[];
}

export interface NewMediaData {
  running?: number;
  checked?: number;
  passRate?: number;
  sampling?: Sampling;
  accounts?: RowData[];
  problems?: RowData[];
}

export type BlockData = string | SectionData | PointsData;

export interface SectionData {
  heading: string;
  text?: string;
  body?: BlockData[];
}

export interface PointsData {
  points: string[];
}

export type RowSource = "sites.regions" | "sites.list" | "sites.problems" | "newMedia.accounts" | "newMedia.problems";

export interface ColumnData {
  header: string;
  field?: string;
  value?: string;
  number?: boolean;
  sum?: boolean;
  merge?: boolean;
}

export interface AttachmentData {
  title: string;
  subtitle?: string;
  rows: RowSource;
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

export interface CircularData {
  /** Shared data files this one builds on, relative to it. */
  extends?: string | string[];
  issuer: string;
  period: Period;
  header?: DocumentHeaderData;
  telegram?: TelegramData;
  title: string | { scope?: string; subject: string };
  recipients: string[];
  sites?: SitesData;
  newMedia?: NewMediaData;
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
  /** House style: overrides of the GB/T 9704 defaults. */
  style?: ProfileOverrides;
  acknowledge?: Acknowledgement[];
}
