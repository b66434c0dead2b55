/**
 * One tool of the benchmark, in a process of its own so that its memory is its own, kept alive so that runs of the
 * two tools can alternate (ABAB…) on a warm process. The parent asks over IPC:
 *   {scenario}   → {ms, bytes}: one run, from the files on disk (reading them is part of the time)
 *   "memory"     → {maxRssMB}: the process's peak resident memory so far
 * Tools: tongbao (build, or runBatch for a batch), docxtemplater (the equivalent template and its JSON data), floor
 * (the same document's XML strings concatenated and deflated on one thread, as a plain writer would).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { crc32, deflateRawSync } from "node:zlib";
import { build, runBatch, type BatchJob } from "tongbao";
import type { Cases, Scenario } from "./cases.js";
import { renderDocxtemplater as docxtemplater } from "./docxtemplater.js";

type Tool = "tongbao" | "docxtemplater" | "floor";
const [tool, casesFile] = process.argv.slice(2) as [Tool, string];
const cases = JSON.parse(readFileSync(casesFile, "utf8")) as Cases;

/** The parts of tongbao's output as the pieces a string builder would join: a paragraph or table row each. */
const floorParts = new Map<string, string[][]>();
/**
 * Each part's pieces joined into one string, encoded as UTF-8, its CRC-32 taken and deflated at zlib's level 6 on
 * this thread: what any writer of these bytes must do at the least. The zip headers, a few bytes each, are left out.
 */
function floor(docx: string): Uint8Array {
  let parts = floorParts.get(docx);
  if (!parts) {
    parts = Object.values(unzipSync(readFileSync(docx))).map((bytes) => strFromU8(bytes).split(/(?<=<\/w:p>|<\/w:tr>)/));
    floorParts.set(docx, parts);
  }
  return Buffer.concat(
    parts.map((pieces) => {
      let text = "";
      for (const piece of pieces) text += piece;
      const bytes = Buffer.from(text, "utf8");
      crc32(bytes);
      return deflateRawSync(bytes, { level: 6 });
    }),
  );
}

const silent = { finished: () => undefined } as never;

async function run(scenario: Scenario): Promise<number> {
  const c = cases[scenario];
  if (scenario === "batch") {
    const outDir = join(cases.work, `out-batch-${tool}`);
    mkdirSync(outDir, { recursive: true });
    if (tool === "tongbao") {
      const jobs: BatchJob[] = c.files.map((file) => ({ file, output: "{name}.docx", vars: {}, root: cases.work, allow: [] }));
      const { results } = await runBatch(jobs, { outDir, force: true, jobs: 2, progress: silent });
      if (results.some((r) => r.outcome === "failed")) throw new Error(results.find((r) => r.outcome === "failed")!.messages[0]);
      return results.reduce((sum, r) => sum + statSync(r.output!).size, 0);
    }
    let bytes = 0;
    c.files.forEach((_, i) => {
      const docx = docxtemplater(c.templates[i]!, c.data[i]!);
      writeFileSync(join(outDir, `${i}.docx`), docx);
      bytes += docx.length;
    });
    return bytes;
  }
  if (tool === "tongbao") return (await build(c.files[0]!, { root: cases.work })).docx.length;
  if (tool === "docxtemplater") return docxtemplater(c.templates[0]!, c.data[0]!).length;
  return floor(c.outputs[0]!).length;
}

process.on("message", async (message: Scenario | "memory") => {
  if (message === "memory") {
    process.send!({ maxRssMB: process.resourceUsage().maxRSS / 1024 });
    return;
  }
  const start = performance.now();
  const bytes = await run(message);
  process.send!({ ms: performance.now() - start, bytes });
});
process.send!("ready");
