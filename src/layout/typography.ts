import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions, type ParagraphChild } from "docx";
import { Flow } from "./flow.js";
import { BODY_CONDENSE, BODY_SIZE, CHAR, LINE } from "./page-geometry.js";
import type { Profile } from "./profile.js";

/** The typefaces of GB/T 9704, by what they are used for. */
export type Face = "body" | "title" | "kai" | "hei" | "song";

export interface RunStyle {
  face?: Face;
  /** Points; 3号 by default. */
  size?: number;
  color?: string;
  bold?: boolean;
  /** Horizontal scale in percent, to narrow a long 发文机关标志. */
  scale?: number;
}

/** Font attributes for a face: the Chinese font for East-Asian text and marks (w:hint), the Latin font for digits. */
export function fontFor(face: Face, profile: Profile) {
  const eastAsia = { body: profile.fonts.body, title: profile.fonts.title, kai: profile.fonts.kai, hei: profile.fonts.hei, song: profile.fonts.song }[face];
  return { ascii: profile.fonts.latin, hAnsi: profile.fonts.latin, eastAsia, cs: profile.fonts.latin, hint: "eastAsia" as const };
}

/**
 * A run in a face. 3号 runs are condensed by 0.25 pt: that is what makes 28 characters fill a line in LibreOffice
 * as in Word (LibreOffice misreads Word's character grid).
 */
export function run(text: string, style: RunStyle, profile: Profile, extra: IRunOptions = {}): TextRun {
  const size = style.size ?? BODY_SIZE;
  return new TextRun({
    text,
    font: fontFor(style.face ?? "body", profile),
    size: size * 2,
    ...(size === BODY_SIZE ? { characterSpacing: BODY_CONDENSE } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.bold ? { bold: true } : {}),
    ...(style.scale && style.scale !== 100 ? { scale: style.scale } : {}),
    ...extra,
  });
}

export interface LineOptions {
  align?: "left" | "center" | "right" | "both";
  /** Blank space above, in twips (n blank lines = n × LINE). */
  before?: number;
  /** Exact line height in twips. */
  height?: number;
  indent?: IParagraphOptions["indent"];
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  border?: IParagraphOptions["border"];
  tabStops?: IParagraphOptions["tabStops"];
  frame?: IParagraphOptions["frame"];
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED };

/**
 * A paragraph on the 22-line grid: exact line height, no space after, never auto-spaced, and no widow control —
 * renderers would otherwise leave the last grid line of a page empty to keep two lines together.
 */
export function paragraph(children: ParagraphChild[], options: LineOptions = {}): Paragraph {
  return new Paragraph({
    children,
    alignment: ALIGN[options.align ?? "both"],
    spacing: { before: options.before ?? 0, after: 0, line: options.height ?? LINE, lineRule: LineRuleType.EXACT },
    ...(options.indent ? { indent: options.indent } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(options.border ? { border: options.border } : {}),
    ...(options.tabStops ? { tabStops: options.tabStops } : {}),
    ...(options.frame ? { frame: options.frame } : {}),
    autoSpaceEastAsianText: false,
    widowControl: false,
  });
}

/**
 * A paragraph of `count` lines and its box for pagination, both from the same options so they cannot disagree;
 * `below` is what a bottom border adds under the lines.
 */
export function lines(children: ParagraphChild[], options: LineOptions = {}, { count = 1, below = 0 } = {}): Flow {
  return new Flow().add(paragraph(children, options), {
    kind: "lines",
    before: options.before ?? 0,
    count,
    height: options.height ?? LINE,
    ...(below ? { after: below } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
  });
}

/** n body characters, in twips, for indents. */
export const chars = (n: number): number => Math.round(n * CHAR);
