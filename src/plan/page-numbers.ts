import { PAGE, SMALL_SIZE, TEXT_WIDTH, mm } from "./geometry.js";
import type { Plan } from "./plan.js";
import type { Profile } from "./profile.js";

/** One 4号 character: the page number's distance from the 版心 edge (GB/T 9704 7.5). */
const ONE = SMALL_SIZE * 20;
/** Width of the margin strip that carries a landscape page's number, and its length along the page. */
const STRIP = mm(6);
const STRIP_LENGTH = mm(50);
/** LibreOffice sets turned text 2.25 mm left of its cell's centre (measured); the strip moves right to make up. */
const TURNED_TEXT_SHIFT = mm(2.25);

/**
 * GB/T 9704 7.5: 4号 "— N —", odd pages on the right and even pages on the left, one character in, 7 mm below the
 * 版心. §8: a table set landscape keeps its number where the other pages have it on the sheet: the landscape page
 * is the portrait sheet turned a quarter clockwise (its top is the 订口), so the number stands in the left margin,
 * 7 mm outside the 版心, reading downwards, near the foot on odd pages and the head on even pages.
 */
export function pageNumbers(profile: Profile): Plan["pageNumber"] {
  const [before, after = ""] = profile.pageNumber.split("{n}") as [string, string?];
  return {
    before,
    after,
    size: SMALL_SIZE,
    fromEdge: ONE,
    footer: PAGE.footer,
    turned: {
      x: PAGE.bottom - mm(7) - STRIP / 2 + TURNED_TEXT_SHIFT,
      yOdd: PAGE.left + TEXT_WIDTH - ONE - STRIP_LENGTH,
      yEven: PAGE.left + ONE,
      width: STRIP,
      length: STRIP_LENGTH,
    },
  };
}
