import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";

/** What the bundle's code is called with: CommonJS's five, and its own URL for what the sources read as `import.meta.url`. */
const PARAMETERS = "exports, require, module, __filename, __dirname, importMetaUrl";
/** The cache's header: the CRC-32 and the length of the bundle it was made from. */
const HEADER_BYTES = 8;

/**
 * Runs the command-line bundle (CommonJS, written by scripts/bundle.mjs) with V8's code cache for it. Compiling the
 * bundle's functions as they are first called is a fifth of a cold `tongbao build`; the cache holds them compiled.
 * V8 accepts a cache for any source of the same length, so the cache starts with the CRC-32 and length of the bundle
 * it was made from and is used only for that bundle (a check against a stale cache, not against tampering: who can
 * write the cache can write the bundle; node:crypto would cost more to load than the check takes); V8 itself
 * declines one from another Node or other flags. Without a usable cache the bundle is compiled as usual: slower, the
 * same result.
 *
 * `write` makes the cache instead (the build does, running the examples): when the process exits without error, the
 * functions compiled by then go into it. Paths are absolute.
 */
export function runBundle(bundle: string, cache: string, { write = false } = {}): { cacheUsed: boolean } {
  const code = readFileSync(bundle);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(crc32(code), 0);
  header.writeUInt32LE(code.length, 4);
  const cachedData = write ? undefined : cacheFor(cache, header);
  const script = new Script(`(function (${PARAMETERS}) {${code.toString("utf8")}\n})`, { filename: bundle, cachedData });
  if (write) process.once("exit", (status) => status === 0 && writeFileSync(cache, Buffer.concat([header, script.createCachedData()])));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
  return { cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

function cacheFor(cache: string, header: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cache);
  } catch {
    return undefined;
  }
  return bytes.subarray(0, HEADER_BYTES).equals(header) ? bytes.subarray(HEADER_BYTES) : undefined;
}
