import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";

/** What the bundle's code is called with: CommonJS's five, and its own URL for what the sources read as `import.meta.url`. */
const PARAMETERS = "exports, require, module, __filename, __dirname, importMetaUrl";
const DIGEST_BYTES = 32;

/**
 * Runs the command-line bundle (CommonJS, written by scripts/bundle.mjs) with V8's code cache for it. Compiling the
 * bundle's functions as they are first called is a fifth of a cold `tongbao build`; the cache holds them compiled.
 * V8 accepts a cache for any source of the same length, so the cache starts with the SHA-256 of the bundle it was
 * made from and is used only for that bundle; V8 itself declines one from another Node or other flags. Without a
 * usable cache the bundle is compiled as usual: slower, the same result.
 *
 * `write` makes the cache instead (the build does, running the examples): when the process exits without error, the
 * functions compiled by then go into it. Paths are absolute.
 */
export function runBundle(bundle: string, cache: string, { write = false } = {}): { cacheUsed: boolean } {
  const code = readFileSync(bundle);
  const digest = createHash("sha256").update(code).digest();
  const cachedData = write ? undefined : cacheFor(cache, digest);
  const script = new Script(`(function (${PARAMETERS}) {${code.toString("utf8")}\n})`, { filename: bundle, cachedData });
  if (write) process.once("exit", (status) => status === 0 && writeFileSync(cache, Buffer.concat([digest, script.createCachedData()])));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle), pathToFileURL(bundle).href);
  return { cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

function cacheFor(cache: string, digest: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cache);
  } catch {
    return undefined;
  }
  return bytes.subarray(0, DIGEST_BYTES).equals(digest) ? bytes.subarray(DIGEST_BYTES) : undefined;
}
