import { dirname, resolve } from "node:path";
import type { Diagnostics } from "../diagnostics/index.js";
import type { SealImage } from "../model/circular.js";
import { formatBytes, isFailure, readInputFile } from "./read-file.js";

/** A seal is a scan of a stamp: a few hundred kilobytes at most. */
export const MAX_SEAL_BYTES = 8 * 1024 * 1024;
/** 4000 × 4000 pixels is a 42 mm seal at 2400 dpi: more is not a seal scan, and would cost memory to open. */
export const MAX_SEAL_PIXELS = 16_000_000;

/** Width and height of a PNG (IHDR) or baseline/progressive JPEG (SOFn) from its bytes, without decoding it. */
export function imageInfo(bytes: Uint8Array): { type: SealImage["type"]; width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[12] === 0x49 && bytes[13] === 0x48) {
    return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: "jpg", width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Where the seal image is: relative to the data file (or the working folder for data given as an object). */
export const sealPath = (image: string, dataFile: string | undefined): string => resolve(dataFile ? dirname(dataFile) : process.cwd(), image);

/** Reads the seal image the data names: confined to the working folder, bounded in bytes and pixels. */
export async function readSeal(image: string, dataFile: string | undefined, confine: readonly string[] | undefined, diagnostics: Diagnostics): Promise<SealImage | undefined> {
  const path = sealPath(image, dataFile);
  const at = ["seal", "image"];
  const bytes = await readInputFile(path, { maxBytes: MAX_SEAL_BYTES, what: "印章图片", ...(confine ? { confine } : {}) });
  if (isFailure(bytes)) {
    diagnostics.error(bytes.code === "read" ? "seal-image" : bytes.code, at, bytes.message, bytes.hint ?? "路径相对于数据文件所在的文件夹");
    return undefined;
  }
  const info = imageInfo(bytes);
  if (!info || info.width === 0 || info.height === 0) {
    diagnostics.error("seal-image", at, `印章图片 ${path} 不是 PNG 或 JPEG 图片（${formatBytes(bytes.length)}）`, "用扫描或导出的 PNG、JPEG 图片");
    return undefined;
  }
  if (info.width * info.height > MAX_SEAL_PIXELS) {
    diagnostics.error("limit", at, `印章图片 ${path} 有 ${info.width} × ${info.height} 像素，超过上限 ${MAX_SEAL_PIXELS / 1e6} 百万像素`, "把图片缩小到 2000 × 2000 像素以内");
    return undefined;
  }
  return { image: bytes, type: info.type, width: info.width, height: info.height };
}
