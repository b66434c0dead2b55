/**
 * Characters a document cannot carry. XML 1.0 allows tab, line feed and carriage return among the C0 controls,
 * nothing of U+FFFE/U+FFFF, and no lone surrogate; Word refuses a file with any of them.
 */
export interface BadCharacter {
  /** Index in the string (UTF-16 code units). */
  index: number;
  /** "U+0001" */
  code: string;
  description: string;
}

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

/** The first character of `text` that cannot be written into a document, if any. */
export function findBadCharacter(text: string): BadCharacter | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return { index: i, code: hex(c), description: "看不见的控制字符" };
    if (c === 0x7f || (c >= 0x80 && c <= 0x9f)) return { index: i, code: hex(c), description: "看不见的控制字符" };
    if (c === 0xfffe || c === 0xffff) return { index: i, code: hex(c), description: "不是字符的编码（非字符）" };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return { index: i, code: hex(c), description: "残缺的字符（落单的代理项）" };
    } else if (c >= 0xdc00 && c <= 0xdfff) return { index: i, code: hex(c), description: "残缺的字符（落单的代理项）" };
  }
  return undefined;
}

/**
 * What tab and line ends mean in the text a circular is made of: CR LF and a lone CR are line feeds, and a tab is
 * one space (a paragraph has no tab stops; a cell copied from a spreadsheet brings tabs between its values).
 */
export const normalizeText = (text: string): string => (/[\r\t]/.test(text) ? text.replace(/\r\n?/g, "\n").replace(/\t/g, " ") : text);
