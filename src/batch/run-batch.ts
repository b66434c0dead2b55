import { availableParallelism } from "node:os";
import { relative, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { writeOutput } from "../pack/write-output.js";
import { packageFile } from "../package-files.js";
import { cacheEntry, isUnchanged, readCache, toolHash, writeCache } from "./input-cache.js";
import type { BatchJob } from "./manifest.js";
import { nameVars, outputPath } from "./output-name.js";
import { Progress } from "./progress.js";
import type { WorkerJob, WorkerResult } from "./worker.js";

export type Outcome = "written" | "unchanged" | "skipped" | "failed";

export interface BatchResult {
  file: string;
  outcome: Outcome;
  output?: string;
  pages?: number;
  /** For a failure, the first error; for the others, warnings. */
  messages: string[];
}

export interface BatchOptions {
  outDir: string;
  jobs?: number;
  force?: boolean;
  progress?: Progress;
}

const OUTCOME_WORDS: Record<Outcome, string> = { written: "已生成", unchanged: "未变化", skipped: "跳过", failed: "失败" };
export const outcomeWord = (o: Outcome): string => OUTCOME_WORDS[o];

/** Runs datasets through a pool of worker threads (built in dist/: workers load compiled JavaScript). */
async function runPool(files: { file: string; root: string }[], jobs: number, onResult: (r: WorkerResult) => Promise<void>): Promise<void> {
  if (files.length === 0) return;
  const queue = files.map((f, id) => ({ id, ...f }));
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, files.length)) }, () => new Worker(packageFile("dist/batch/worker.js")));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const job = queue.shift();
              if (!job) return resolve();
              worker.postMessage(job satisfies WorkerJob);
            };
            worker.on("message", (result: WorkerResult) => onResult(result).then(next, reject));
            worker.on("error", reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Builds every job into `outDir` in parallel. A failing dataset does not stop the others. Datasets whose inputs
 * (data, what it extends, the seal, the templates and tongbao itself) are as at the last batch are skipped unless
 * `force`. Output names are checked: none may leave `outDir` or be claimed twice.
 */
export async function runBatch(batch: BatchJob[], options: BatchOptions): Promise<BatchResult[]> {
  const { outDir } = options;
  const cache = await readCache(outDir);
  const tool = await toolHash();
  const progress = options.progress ?? new Progress(batch.length);
  const results: BatchResult[] = new Array(batch.length);
  const claimed = new Map<string, string>();
  const show = (r: BatchResult) => progress.finished(`${outcomeWord(r.outcome)} ${r.output ? relative(process.cwd(), r.output) : r.file}`);

  const toBuild: number[] = [];
  for (const [i, job] of batch.entries()) {
    const entry = cache[resolve(job.file)];
    if (!options.force && entry && (await isUnchanged(entry, tool))) {
      claimed.set(entry.output, job.file);
      results[i] = { file: job.file, outcome: "skipped", output: entry.output, messages: [] };
      show(results[i]!);
    } else toBuild.push(i);
  }

  await runPool(
    toBuild.map((i) => ({ file: batch[i]!.file, root: batch[i]!.root })),
    options.jobs ?? availableParallelism(),
    async (r) => {
      const i = toBuild[r.id]!;
      const job = batch[i]!;
      let result: BatchResult;
      if (!r.ok) {
        result = { file: job.file, outcome: "failed", messages: r.errors };
      } else {
        const named = outputPath(job.output, nameVars(job.file, r.fields, job.vars), outDir);
        const owner = "path" in named ? claimed.get(named.path) : undefined;
        if ("error" in named) result = { file: job.file, outcome: "failed", messages: [named.error] };
        else if (owner && owner !== job.file) result = { file: job.file, outcome: "failed", messages: [`输出文件 ${relative(process.cwd(), named.path)} 已由 ${owner} 使用，请在清单里给它们不同的 output`] };
        else {
          claimed.set(named.path, job.file);
          const written = await writeOutput(named.path, r.docx);
          cache[resolve(job.file)] = await cacheEntry(named.path, r.docx, r.inputs, tool);
          result = { file: job.file, outcome: written, output: named.path, pages: r.pages, messages: r.warnings };
        }
      }
      results[i] = result;
      show(result);
    },
  );
  await writeCache(outDir, cache);
  return results;
}
