/**
 * Text files as clerks save them. Notepad on older Chinese Windows and WPS save GBK (GB18030); "Unicode" in
 * Windows' save dialog is UTF-16. Each is recognised and decoded, never read as UTF-8 into mojibake.
 */
export interface Decoded {
  text: string;
  /** Set when the file was not UTF-8: the encoding it was read as, for a warning. */
  encoding?: "GB18030" | "UTF-16LE" | "UTF-16BE";
}

export interface DecodeFailure {
  message: string;
  hint: string;
}

const strict = (label: string) => new TextDecoder(label, { fatal: true });

const tryDecode = (label: string, bytes: Uint8Array): string | undefined => {
  try {
    return strict(label).decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * UTF-16 without a byte order mark: a line end is the byte pair 0A 00 (little-endian) or 00 0A (big-endian) at an
 * even offset, and a text file has line ends. The order with more of them is the one to try.
 */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0x0a && bytes[i + 1] === 0) le++;
    else if (bytes[i] === 0 && bytes[i + 1] === 0x0a) be++;
  }
  return le > be ? "utf-16le" : be > le ? "utf-16be" : undefined;
}

export const SAVE_AS_UTF8 = "用记事本打开，选“另存为”，编码选“UTF-8”后保存；WPS 或 VS Code 里同样在保存时选 UTF-8";

const BINARY: DecodeFailure = { message: "文件不是文字文件（像是图片、压缩包或其他二进制文件）", hint: "检查是否选错了文件；数据文件应当是用 UTF-8 保存的 .yaml 文字文件" };

/** Control characters other than tab and line ends: a few in a text file are typing slips, many mean binary. */
const looksBinary = (text: string): boolean => (text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0) > Math.max(16, text.length / 100);

function decoded(text: string | undefined, encoding?: Decoded["encoding"]): Decoded | DecodeFailure | undefined {
  if (text === undefined) return undefined;
  if (looksBinary(text)) return BINARY;
  return encoding ? { text, encoding } : { text };
}

export function decodeText(bytes: Uint8Array): Decoded | DecodeFailure {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decoded(tryDecode("utf-8", bytes.subarray(3))) ?? { message: "文件开头标明是 UTF-8，但内容不是有效的 UTF-8", hint: SAVE_AS_UTF8 };
  }
  const broken = { message: "文件开头标明是 UTF-16，但内容不是有效的 UTF-16", hint: SAVE_AS_UTF8 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(tryDecode("utf-16le", bytes.subarray(2)), "UTF-16LE") ?? broken;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(tryDecode("utf-16be", bytes.subarray(2)), "UTF-16BE") ?? broken;
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== undefined && !utf8.includes("\u0000")) return decoded(utf8)!;
  const wide = utf16WithoutBom(bytes);
  if (wide) return decoded(tryDecode(wide, bytes), wide === "utf-16le" ? "UTF-16LE" : "UTF-16BE") ?? broken;
  if (utf8 !== undefined) return BINARY;
  return decoded(tryDecode("gb18030", bytes), "GB18030") ?? { message: "文件既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16 编码，无法读取", hint: SAVE_AS_UTF8 };
}

export const isDecodeFailure = (d: Decoded | DecodeFailure): d is DecodeFailure => "message" in d;

export const encodingWarning = (encoding: NonNullable<Decoded["encoding"]>): { message: string; hint: string } => ({
  message: `文件是 ${encoding === "GB18030" ? "GBK/GB18030" : encoding} 编码，已按此编码读取`,
  hint: `tongbao 的数据文件应当用 UTF-8：${SAVE_AS_UTF8}`,
});
