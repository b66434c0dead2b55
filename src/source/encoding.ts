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

/** UTF-16 without a byte order mark: text mostly below U+0100 leaves every other byte zero. */
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.3 && evenZeros === 0) return "utf-16le";
  if (evenZeros > half * 0.3 && oddZeros === 0) return "utf-16be";
  return undefined;
}

export const SAVE_AS_UTF8 = "用记事本打开，选“另存为”，编码选“UTF-8”后保存；WPS 或 VS Code 里同样在保存时选 UTF-8";

export function decodeText(bytes: Uint8Array): Decoded | DecodeFailure {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode("utf-8", bytes.subarray(3));
    return text !== undefined ? { text } : { message: "文件开头标明是 UTF-8，但内容不是有效的 UTF-8", hint: SAVE_AS_UTF8 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== undefined && !utf8.includes("\u0000")) return { text: utf8 };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: new TextDecoder(wide).decode(bytes), encoding: wide === "utf-16le" ? "UTF-16LE" : "UTF-16BE" };
  const gb = tryDecode("gb18030", bytes);
  if (gb !== undefined) return { text: gb, encoding: "GB18030" };
  return { message: "文件既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16 编码，无法读取", hint: SAVE_AS_UTF8 };
}

export const isDecodeFailure = (d: Decoded | DecodeFailure): d is DecodeFailure => "message" in d;

export const encodingWarning = (encoding: NonNullable<Decoded["encoding"]>): { message: string; hint: string } => ({
  message: `文件是 ${encoding === "GB18030" ? "GBK/GB18030" : encoding} 编码，已按此编码读取`,
  hint: `tongbao 的数据文件应当用 UTF-8：${SAVE_AS_UTF8}`,
});
