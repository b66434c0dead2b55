import { Footer, PageNumber, TextRun } from "docx";
import { SMALL_SIZE } from "./page-geometry.js";
import type { Profile } from "./profile.js";
import { fontFor, paragraph } from "./typography.js";

/** One 4号 character: the page number's distance from the 版心 edge. */
const ONE = SMALL_SIZE * 20;

function pageNumberFooter(side: "left" | "right", profile: Profile): Footer {
  const [before, after] = profile.pageNumber.split("{n}") as [string, string?];
  const font = fontFor("song", profile);
  return new Footer({
    children: [
      paragraph([new TextRun({ children: [before, PageNumber.CURRENT, after ?? ""], size: SMALL_SIZE * 2, font: { ...font, ascii: font.eastAsia, hAnsi: font.eastAsia } })], {
        align: side,
        height: ONE,
        indent: side === "right" ? { right: ONE } : { left: ONE },
      }),
    ],
  });
}

/** GB/T 9704 7.5: 4号宋体 "— N —", odd pages on the right and even pages on the left, one character in. */
export const pageNumberFooters = (profile: Profile) => ({
  default: pageNumberFooter("right", profile),
  even: pageNumberFooter("left", profile),
});

/** Pages that carry no number: a blank page before the 版记 page, and that page. */
export const noPageNumbers = () => ({ default: new Footer({ children: [] }), even: new Footer({ children: [] }) });
