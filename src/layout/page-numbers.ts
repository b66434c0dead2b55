import {
  BorderStyle,
  Footer,
  HeightRule,
  OverlapType,
  PageNumber,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { PAGE, SMALL_SIZE, TEXT_WIDTH, mm } from "./page-geometry.js";
import type { Profile } from "./profile.js";
import { fontFor, paragraph } from "./typography.js";

/** One 4号 character: the page number's distance from the 版心 edge. */
const ONE = SMALL_SIZE * 20;

function numberRun(profile: Profile): TextRun {
  const [before, after] = profile.pageNumber.split("{n}") as [string, string?];
  const song = fontFor("song", profile).eastAsia;
  return new TextRun({ children: [before, PageNumber.CURRENT, after ?? ""], size: SMALL_SIZE * 2, font: { ascii: song, hAnsi: song, eastAsia: song, cs: song, hint: "eastAsia" } });
}

const portraitFooter = (side: "left" | "right", profile: Profile): Footer =>
  new Footer({
    children: [paragraph([numberRun(profile)], { align: side, height: ONE, indent: side === "right" ? { right: ONE } : { left: ONE } })],
  });

/** Width of the margin strip that carries a landscape page's number, and its length along the page. */
const STRIP = mm(6);
const STRIP_LENGTH = mm(50);
/** LibreOffice sets turned text 2.25 mm left of its cell's centre (measured); the strip moves right to make up. */
const TURNED_TEXT_SHIFT = mm(2.25);

/**
 * GB/T 9704 §8: a table set landscape keeps its page number where the other pages have it on the sheet. The
 * landscape page is the portrait sheet turned a quarter clockwise (its top is the 订口), so the number stands in
 * the left margin 7 mm outside the 版心, reading downwards: near the foot on odd pages, the head on even pages.
 * A floating one-cell table with vertical text does it; LibreOffice misplaces the text of rotated text boxes.
 */
function landscapeFooter(side: "left" | "right", profile: Profile): Footer {
  const odd = side === "right";
  // In portrait terms the number ends one character inside the 版心's right edge (odd) or starts one character
  // inside its left edge (even); portrait x is landscape y.
  const y = odd ? PAGE.left + TEXT_WIDTH - ONE - STRIP_LENGTH : PAGE.left + ONE;
  const x = PAGE.bottom - mm(7) - STRIP / 2 + TURNED_TEXT_SHIFT;
  const none = { style: BorderStyle.NONE, size: 0, color: "auto" };
  return new Footer({
    children: [
      new Table({
        float: {
          horizontalAnchor: TableAnchorType.PAGE,
          verticalAnchor: TableAnchorType.PAGE,
          absoluteHorizontalPosition: x,
          absoluteVerticalPosition: y,
          overlap: OverlapType.OVERLAP,
          leftFromText: 0,
          rightFromText: 0,
          topFromText: 0,
          bottomFromText: 0,
        },
        width: { size: STRIP, type: WidthType.DXA },
        columnWidths: [STRIP],
        borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
        rows: [
          new TableRow({
            height: { value: STRIP_LENGTH, rule: HeightRule.EXACT },
            children: [
              new TableCell({
                textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { top: 0, bottom: 0, left: 0, right: 0 },
                // Its own 4号 line: turned, the default 28.95 pt line would be wider than the strip.
                children: [paragraph([numberRun(profile)], { align: odd ? "right" : "left", height: ONE })],
              }),
            ],
          }),
        ],
      }),
      // A footer must end with a paragraph.
      paragraph([], { height: 20 }),
    ],
  });
}

/** GB/T 9704 7.5: 4号宋体 "— N —", odd pages on the right and even pages on the left, one character in. */
export const pageNumberFooters = (profile: Profile, landscape = false) => {
  const footer = landscape ? landscapeFooter : portraitFooter;
  return { default: footer("right", profile), even: footer("left", profile) };
};

/** Pages that carry no number: a blank page before the 版记 page, and that page. */
export const noPageNumbers = () => ({ default: new Footer({ children: [] }), even: new Footer({ children: [] }) });
