/**
 * The GB/T 9704 page in twips (1/20 pt), derived once from the standard's millimetres (see the spec's §1 and §3).
 */
export const PAGE = {
  width: 11906, // 210 mm
  height: 16838, // 297 mm
  top: 2098, // 37 mm 天头
  left: 1588, // 28 mm 订口
  right: 1474, // 26 mm
  bottom: 1984, // 35 mm
  header: 851,
  /** Puts the page number's dash 7 mm below the 版心 (measured in LibreOffice: 1418 put it at 7.66 mm). */
  footer: 1455,
} as const;

/** 版心: 156 × 225 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 8844
export const TEXT_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom; // 12756

/** 22 lines fill the 版心: floor(12756 / 22). */
export const LINE = 579;

/** 3号 = 16 pt; body runs are condensed by 0.25 pt so that 28 characters fill the 156 mm line in every renderer. */
export const BODY_SIZE = 16;
export const BODY_CONDENSE = -5; // twips of character spacing
/** One body character, in twips: 16 pt − 0.25 pt. */
export const CHAR = BODY_SIZE * 20 + BODY_CONDENSE; // 315

/** 2号 title, 4号 版记 and page numbers. */
export const TITLE_SIZE = 22;
export const SMALL_SIZE = 14;

/** Landscape pages keep the 版心 where it is on the sheet, turned (spec R6.3). */
export const LANDSCAPE_TEXT_WIDTH = TEXT_HEIGHT;
export const LANDSCAPE_TEXT_HEIGHT = TEXT_WIDTH;

export const mm = (n: number): number => Math.round((n * 1440) / 25.4);

/** Body text as measured: 3号, condensed. */
export const BODY_STYLE = { size: BODY_SIZE, spacing: BODY_CONDENSE } as const;
