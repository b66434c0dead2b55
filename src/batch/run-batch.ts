import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { relative, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { diagnosticsOf, formatDiagnostic } from "../diagnostics/index.js";
import { writeOutput } from "../pack/write-output.js";
import { packageFile } from "../package-files.js";
import { cacheEntry, isUnchanged, readCache, toolHash, writeCache } from "./input-cache.js";
import type { BatchJob } from "./manifest.js";
import { nameVars, outputPath } from "./output-name.js";
import { Progress } from "./progress.js";
import { buildJob, type WorkerJob, type WorkerResult } from "./build-job.js";
import { withRegion } from "../input/index.js";

import { outcomeWord, type Outcome } from "./outcome.js";

export interface BatchResult {
  file: string;
  /** Of a dataset split by region: the region this circular is for. */
  region?: string;
  /** Each list's rows in the circular built. */
  counts?: Record<string, number>;
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

/**
 * Data files up to this size are also built on the main thread. A worker costs a few tenths of a second to start
 * (loading tongbao, then warming up), as long as dozens of city circulars take: while the workers start, and
 * beside them, the main thread builds. Larger data only goes to workers, where running out of memory fails that
 * dataset alone.
 */
const MAIN_THREAD_BYTES = 1 << 20;

/**
 * Runs datasets on up to `jobs` lanes: the main thread (for small data) and worker threads (built in dist/: workers load
 * compiled JavaScript), all taking the next dataset from one queue. A worker that dies (out of memory) fails the
 * datasets it was building and is replaced: the rest of the batch goes on.
 */
async function runPool(files: Omit<WorkerJob, "id">[], jobs: number, onResult: (r: WorkerResult) => Promise<void>): Promise<void> {
  const queue: WorkerJob[] = files.map((f, id) => ({ id, ...f }));
  const sizes = await Promise.all(files.map((f) => stat(f.file).then((s) => s.size, () => 0)));
  const small = (job: WorkerJob) => sizes[job.id]! <= MAIN_THREAD_BYTES;
  // Workers take the large data first, leaving the small to the main thread.
  const take = (local: boolean): WorkerJob | undefined => {
    const at = local ? queue.findIndex(small) : Math.max(0, queue.findIndex((j) => !small(j)));
    return at < 0 ? undefined : queue.splice(at, 1)[0];
  };
  // Results are taken in the batch's order, whichever lane finishes first: outputs that collide, messages and the
  // cache come out the same at every run.
  const arrived = new Map<number, WorkerResult>();
  let taken = 0;
  let delivered = Promise.resolve();
  const deliver = (result: WorkerResult) => {
    arrived.set(result.id, result);
    delivered = delivered.then(async () => {
      for (let r = arrived.get(taken); r; r = arrived.get(taken)) {
        arrived.delete(taken++);
        await onResult(r);
      }
    });
  };
  const local = async (): Promise<void> => {
    for (let job = take(true); job; job = take(true)) deliver(await buildJob(job));
  };
  const lane = async (): Promise<void> => {
    while (queue.length > 0) {
      const worker = new Worker(packageFile("dist/batch/worker.js"));
      try {
        await new Promise<void>((resolve) => {
          const current = new Map<number, WorkerJob>();
          const next = () => {
            const job = take(false);
            if (job) {
              current.set(job.id, job);
              worker.postMessage(job);
            } else if (current.size === 0) resolve();
          };
          const died = (why: string) => {
            const failed = [...current.values()];
            current.clear();
            for (const job of failed) deliver({ id: job.id, ok: false, errors: [`${job.file}: 错误：生成时 tongbao 意外中止（${why}）`] });
            resolve();
          };
          const done = (result: WorkerResult) => {
            current.delete(result.id);
            deliver(result);
            next();
          };
          // A worker says "ready" once tongbao is loaded: only then does it take datasets from the queue, two at a
          // time, so that one computes while the other waits for its compression.
          worker.on("message", (message: WorkerResult | "ready") => (message === "ready" ? (next(), next()) : done(message)));
          worker.on("error", (e) => died(e.message));
          worker.on("exit", (code) => died(`退出码 ${code}`));
        });
      } finally {
        await worker.terminate();
      }
    }
  };
  // The main thread, with the threads that serve it (garbage collection, compression), keeps about one
  // and a half cores busy: on 2 cores a worker, which also spends half a second starting and warming up, only
  // slows a batch of small circulars down (measured up to 1,000 of them). Workers take the cores beyond two; a
  // large dataset gets one in any case.
  const lanes = Math.max(1, Math.min(jobs, files.length, availableParallelism()));
  const workers = Math.max(lanes - 2, sizes.some((s) => s > MAIN_THREAD_BYTES) ? 1 : 0);
  // Two builds at a time on the main thread: while one waits for a long part's compression in the thread pool, the
  // other computes (files are read and written synchronously, source/read-file.ts).
  await Promise.all([local(), local(), ...Array.from({ length: workers }, lane)]);
  await delivered;
}

/** A job's key in the cache, and its name in messages: a region of a split dataset is a circular of its own. */
const jobKey = (job: BatchJob): string => (job.region !== undefined ? `${resolve(job.file)}#${job.region}` : resolve(job.file));
const jobName = (job: BatchJob): string => (job.region !== undefined ? `${job.file}（${job.region}）` : job.file);

/**
 * Builds every job into `outDir` in parallel. A failing dataset does not stop the others. Datasets whose inputs
 * (data, what it extends, the seal, the templates and tongbao itself) are as at the last batch are skipped unless
 * `force`. Output names are checked: none may leave `outDir` or be claimed twice.
 */
export async function runBatch(batch: BatchJob[], options: BatchOptions): Promise<{ results: BatchResult[]; warnings?: string[] }> {
  const { outDir } = options;
  const cache = await readCache(outDir);
  const tool = await toolHash();
  const progress = options.progress ?? new Progress(batch.length);
  const results: BatchResult[] = new Array(batch.length);
  const claimed = new Map<string, string>();
  const show = (r: BatchResult) => progress.finished(`${outcomeWord(r.outcome)} ${r.output ? relative(process.cwd(), r.output) : r.file}`);

  const toBuild: number[] = [];
  for (const [i, job] of batch.entries()) {
    const entry = cache[jobKey(job)];
    if (!options.force && entry && (await isUnchanged(entry, tool))) {
      claimed.set(entry.output, jobName(job));
      results[i] = { file: job.file, ...withRegion(job.region), ...(entry.counts ? { counts: entry.counts } : {}), outcome: "skipped", output: entry.output, messages: [] };
      show(results[i]!);
    } else toBuild.push(i);
  }

  await runPool(
    toBuild.map((i) => ({ file: batch[i]!.file, root: batch[i]!.root, allow: batch[i]!.allow, ...withRegion(batch[i]!.region) })),
    options.jobs ?? availableParallelism(),
    async (r) => {
      const i = toBuild[r.id]!;
      const job = batch[i]!;
      const region = withRegion(job.region);
      let result: BatchResult;
      if (!r.ok) {
        result = { file: job.file, ...region, outcome: "failed", messages: r.errors };
      } else {
        const named = outputPath(job.output, nameVars(job.file, r.fields, { ...job.vars, ...region }), outDir);
        const owner = "path" in named ? claimed.get(named.path) : undefined;
        if ("error" in named) result = { file: job.file, ...region, outcome: "failed", messages: [named.error] };
        else if (owner && owner !== jobName(job)) result = { file: job.file, ...region, outcome: "failed", messages: [`输出文件 ${relative(process.cwd(), named.path)} 已由 ${owner} 使用，请在清单里给它们不同的 output`] };
        else {
          claimed.set(named.path, jobName(job));
          try {
            // Named as the clerk sees it, from where the command runs.
            const written = await writeOutput(relative(process.cwd(), named.path), r.docx, { within: outDir });
            cache[jobKey(job)] = { ...(await cacheEntry(named.path, r.docx, r.inputs, tool)), counts: r.counts };
            result = { file: job.file, ...region, counts: r.counts, outcome: written, output: named.path, pages: r.pages, messages: r.warnings };
          } catch (e) {
            result = { file: job.file, ...region, outcome: "failed", output: named.path, messages: diagnosticsOf(e).map(formatDiagnostic) };
          }
        }
      }
      results[i] = result;
      show(result);
    },
  );
  // The summary matters more than the cache: a cache that cannot be written only means a full rebuild next time.
  const cacheError = await writeCache(outDir, cache).then(
    () => undefined,
    (e: unknown) => diagnosticsOf(e).map(formatDiagnostic),
  );
  return { results, ...(cacheError ? { warnings: cacheError } : {}) };
}
