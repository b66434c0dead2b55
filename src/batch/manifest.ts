import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { Diagnostics, diagnosticsOf, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import { planSplit, type SplitPlan } from "../pipeline.js";
import { BATCH_SCHEMA_FILE, checkSchema } from "../input/index.js";
import { isInside, loadFile } from "../source/index.js";
import { matchWildcard } from "./wildcard.js";

export const DEFAULT_OUTPUT = "{name}.docx";

/** One circular to build: its data file, how its output is named, and the folder its files must lie in. */
export interface BatchJob {
  file: string;
  output: string;
  vars: Record<string, string>;
  /** The manifest's folder (or the folder given): what the data file may name (extends, seal) lies inside it. */
  root: string;
  /** Further folders the user allowed (--allow-dir). */
  allow: readonly string[];
  /** Of a dataset split by region: the region whose circular this job makes. */
  region?: string;
}

interface ManifestData {
  output?: string;
  datasets: (string | { file: string; output?: string; vars?: Record<string, string | number> })[];
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

const yamlFiles = async (dir: string, accept: (name: string) => boolean = isYaml): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && accept(e.name))
    .map((e) => join(dir, e.name))
    .sort();

/** `*` in a file name (not in folder names) matches any characters. */
async function expand(pattern: string): Promise<string[]> {
  const name = basename(pattern);
  if (!name.includes("*")) return [pattern];
  return yamlFiles(dirname(pattern), (file) => matchWildcard(name, file)).catch(() => []);
}

/**
 * The jobs of a batch: every .yaml directly in a folder, named {name}.docx; or what a manifest lists, its paths
 * relative to it. A manifest entry that matches no file is an error at its line.
 */
export interface Batch {
  jobs: BatchJob[];
  diagnostics: Diagnostic[];
  /** How each dataset that splits by region divides, by its file: for the summary of its regions. */
  splits: Map<string, SplitPlan>;
}

export async function readBatch(target: string, options: { allow?: readonly string[] } = {}): Promise<Batch> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return { jobs: [], splits: new Map(), diagnostics: [{ severity: "error", code: "read", message: `找不到 ${target}`, hint: "给出批量清单（.yaml）或放数据文件的文件夹", file: target, line: 1, col: 1 }] };
  if (info.isDirectory()) {
    const root = resolve(target);
    const jobs = (await yamlFiles(target)).map((file) => ({ file: relative(process.cwd(), file), output: DEFAULT_OUTPUT, vars: {}, root, allow: options.allow ?? [] }));
    return splitJobs(jobs, () => false, []);
  }

  const diagnostics = new Diagnostics();
  const loaded = await loadFile(target, diagnostics, { confine: [dirname(resolve(target)), ...(options.allow ?? [])] });
  if (loaded.data === undefined) return { jobs: [], splits: new Map(), diagnostics: diagnostics.resolve(loaded.locator) };
  checkSchema(loaded.data, diagnostics, loaded.locator, BATCH_SCHEMA_FILE);
  const manifest = loaded.data as Partial<ManifestData>;
  const root = resolve(dirname(target));
  const jobs: BatchJob[] = [];
  const ownOutput = new Set<BatchJob>();
  // Entries are checked even when the schema found errors elsewhere: every error at once.
  for (const [i, entry] of (Array.isArray(manifest.datasets) ? manifest.datasets : []).entries()) {
    const spec = typeof entry === "string" ? { file: entry } : entry;
    if (typeof spec?.file !== "string") continue;
    // Paths as the clerk would type them, from where the command runs.
    const files = (await expand(resolve(dirname(target), spec.file))).map((f) => relative(process.cwd(), f));
    if (files.length === 0 || (files.length === 1 && !(await stat(files[0]!).catch(() => undefined)))) {
      diagnostics.error("batch-dataset", ["datasets", i], `没有找到数据文件 ${spec.file}`, "路径相对于清单文件");
      continue;
    }
    // A manifest names data in its own folder (or one the user allowed): never the clerk's other files.
    const outside = [];
    for (const file of files) if (!(await insideAny([root, ...(options.allow ?? [])], file))) outside.push(file);
    if (outside.length) {
      diagnostics.error("outside-folder", ["datasets", i], `数据文件 ${outside[0]} 在清单所在的文件夹 ${root} 之外，不能读取`, "把数据文件放进清单所在的文件夹；确需读取，请加 --allow-dir <文件夹>");
      continue;
    }
    const vars = Object.fromEntries(Object.entries(spec.vars ?? {}).map(([k, v]) => [k, String(v)]));
    for (const file of files) {
      jobs.push({ file, output: spec.output ?? manifest.output ?? DEFAULT_OUTPUT, vars, root, allow: options.allow ?? [] });
      if (spec.output !== undefined) ownOutput.add(jobs.at(-1)!);
    }
  }
  const reported = diagnostics.resolve(loaded.locator);
  if (diagnostics.hasErrors) return { jobs: [], splits: new Map(), diagnostics: reported };
  return splitJobs(jobs, (job) => ownOutput.has(job), reported);
}

/**
 * A dataset that splits by region (`split`) is one job per region, named by the entry's own output if it gives
 * one, else by the dataset's `split.output`. Its errors (a row in no region) stop the batch, as a manifest's do.
 */
async function splitJobs(jobs: BatchJob[], ownOutput: (job: BatchJob) => boolean, reported: Diagnostic[]): Promise<Batch> {
  const out: BatchJob[] = [];
  const diagnostics = [...reported];
  const splits = new Map<string, SplitPlan>();
  for (const job of jobs) {
    try {
      const plan = await planSplit(job.file, { root: job.root, allow: job.allow });
      if (!plan) out.push(job);
      else {
        splits.set(job.file, plan);
        for (const region of plan.regions) out.push({ ...job, region, output: ownOutput(job) ? job.output : plan.output });
      }
    } catch (e) {
      diagnostics.push(...diagnosticsOf(e));
    }
  }
  return hasErrors(diagnostics) ? { jobs: [], splits: new Map(), diagnostics } : { jobs: out, splits, diagnostics };
}

const insideAny = async (folders: readonly string[], file: string): Promise<boolean> => {
  for (const folder of folders) if (await isInside(folder, file).catch(() => false)) return true;
  return false;
};
