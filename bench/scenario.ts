/**
 * One benchmark measurement in a process of its own, so that its peak memory is its own:
 *   node bench/dist/scenario.js <tongbao|tongbao-file|docxtemplater> <typical|large|batch> <work dir>
 * tongbao and docxtemplater both start from their data in memory; tongbao-file also reads and parses the YAML.
 * prints {"ms": median milliseconds, "maxRssMB": peak resident memory}.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { Diagnostics, build, loadFile, runBatch, type BatchJob, type CircularData } from "tongbao";
import type { BatchCase } from "./run.js";

const [tool, scenario, work] = process.argv.slice(2) as ["tongbao" | "tongbao-file" | "docxtemplater", "typical" | "large" | "batch", string];
const REPEATS: Record<string, number> = { typical: 7, large: 3, batch: 3 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  await run(); // warm-up: JIT and module loading are not what is compared
  const times: number[] = [];
  for (let i = 0; i < REPEATS[scenario]!; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function render(template: Buffer, data: unknown): Uint8Array {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
}

const cases = JSON.parse(readFileSync(join(work, "cases.json"), "utf8")) as { typical: string; large: string; batch: BatchCase };
let ms: number;
if (tool !== "docxtemplater") {
  if (scenario === "batch") {
    const jobs: BatchJob[] = cases.batch.files.map((file) => ({ file, output: "{name}.docx", vars: {}, root: dirname(file) }));
    const silent = { finished: () => undefined } as never;
    ms = await timed(() => runBatch(jobs, { outDir: join(work, "out-batch"), force: true, jobs: availableParallelism(), progress: silent }));
  } else if (tool === "tongbao-file") {
    const file = cases[scenario];
    ms = await timed(() => build(file, { root: dirname(file) }));
  } else {
    // The data as docxtemplater gets it: in memory (with what it extends merged in), read outside the timing.
    const data = (await loadFile(cases[scenario], new Diagnostics(), { anywhere: true })).data as CircularData;
    ms = await timed(() => build(data));
  }
} else {
  const load = (name: string) => [readFileSync(join(work, `${name}.template.docx`)), JSON.parse(readFileSync(join(work, `${name}.data.json`), "utf8"))] as const;
  if (scenario === "batch") {
    const template = readFileSync(join(work, "batch.template.docx"));
    const data = cases.batch.files.map((_, i) => JSON.parse(readFileSync(join(work, `batch-${i}.data.json`), "utf8")));
    ms = await timed(() => data.forEach((d) => render(template, d)));
  } else {
    const [template, data] = load(scenario);
    ms = await timed(() => render(template, data));
  }
}
process.stdout.write(`${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
