import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { Seal } from "../model/circular.js";
import type { SealData } from "../validate/circular-data.js";
import type { LoadedData } from "./load-circular.js";

const DEFAULT_SEAL_SIZE = 42;

/** The kind of image from its first bytes; the file name says nothing reliable. */
function imageType(bytes: Uint8Array): Seal["type"] | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "jpg";
  return undefined;
}

/** Where the seal image is: relative to the data file (or the working folder for data given as an object). */
export const sealPath = (seal: SealData, loaded: LoadedData): string => resolve(loaded.files[0] ? dirname(loaded.files[0]) : process.cwd(), seal.image);

/** Reads the seal image named in the data. */
export async function readSeal(seal: SealData, loaded: LoadedData): Promise<{ seal?: Seal; diagnostics: Diagnostic[] }> {
  const path = sealPath(seal, loaded);
  const at = loaded.locate(["seal", "image"]);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    return { diagnostics: [{ severity: "error", code: "seal-image", message: `找不到印章图片 ${path}`, hint: "路径相对于数据文件所在的文件夹", ...at, path: "seal.image" }] };
  }
  const type = imageType(bytes);
  if (!type) return { diagnostics: [{ severity: "error", code: "seal-image", message: `印章图片 ${path} 不是 PNG 或 JPEG`, ...at, path: "seal.image" }] };
  return { seal: { image: bytes, type, size: seal.size ?? DEFAULT_SEAL_SIZE }, diagnostics: [] };
}
