import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export type WriteResult = "written" | "unchanged";

/**
 * Writes `bytes` to `file` through a temporary file renamed into place, so a failed or interrupted build never
 * leaves a partial file nor touches the previous good one. An identical file is left alone.
 */
export async function writeOutput(file: string, bytes: Uint8Array): Promise<WriteResult> {
  const existing = await readFile(file).catch(() => undefined);
  if (existing && Buffer.compare(existing, bytes) === 0) return "unchanged";
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return "written";
}
