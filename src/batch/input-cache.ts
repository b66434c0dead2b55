import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { packageFile } from "../package-files.js";
import { DEFAULT_TEMPLATES_DIR } from "../source/index.js";
import { writeOutput } from "../pack/write-output.js";

/** What a batch remembers of a dataset's last build, to skip it when nothing it was made from has changed. */
export interface CacheEntry {
  output: string;
  outputHash: string;
  /** Every input file and the hash of its content. */
  inputs: Record<string, string>;
  /** Hash of the templates and of tongbao's version: a new release rebuilds everything. */
  toolHash: string;
  /** Each list's rows in the circular (a split dataset's regions are checked to add up). */
  counts?: Record<string, number>;
}

export type BatchCache = Record<string, CacheEntry>;

const CACHE_FILE = ".tongbao-batch.json";

export const sha256 = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

const hashFile = (file: string): Promise<string | undefined> => readFile(file).then(sha256, () => undefined);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))));
  return nested.flat().sort();
}

/** The templates and the package version, hashed once per batch. */
export async function toolHash(): Promise<string> {
  const files = [packageFile("package.json"), ...(await filesUnder(DEFAULT_TEMPLATES_DIR))];
  const parts = await Promise.all(files.map(async (f) => `${f}\u0000${await hashFile(f)}`));
  return sha256(parts.join("\n"));
}

export async function readCache(outDir: string): Promise<BatchCache> {
  try {
    return JSON.parse(await readFile(join(outDir, CACHE_FILE), "utf8")) as BatchCache;
  } catch {
    return {};
  }
}

export async function writeCache(outDir: string, cache: BatchCache): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(cache).sort(([a], [b]) => a.localeCompare(b)));
  await writeOutput(join(outDir, CACHE_FILE), new TextEncoder().encode(`${JSON.stringify(sorted, null, 2)}\n`));
}

/** A dataset is unchanged when its inputs, the tool, and its output on disk are all as they were. */
export async function isUnchanged(entry: CacheEntry | undefined, tool: string): Promise<boolean> {
  if (!entry || entry.toolHash !== tool) return false;
  const hashes = await Promise.all([entry.output, ...Object.keys(entry.inputs)].map(hashFile));
  return hashes[0] === entry.outputHash && Object.values(entry.inputs).every((h, i) => hashes[i + 1] === h);
}

export async function cacheEntry(output: string, docx: Uint8Array, inputs: string[], tool: string): Promise<CacheEntry> {
  const hashes = await Promise.all(inputs.map(hashFile));
  return {
    output: resolve(output),
    outputHash: sha256(docx),
    inputs: Object.fromEntries(inputs.map((f, i) => [resolve(f), hashes[i] ?? ""])),
    toolHash: tool,
  };
}
