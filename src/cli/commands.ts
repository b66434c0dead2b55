import { basename, extname, join, relative } from "node:path";
import { nameVars, outputPath } from "../batch/output-name.js";
import type { RegionRow } from "../batch/split-summary.js";
import { withRegion, type CircularData } from "../input/index.js";
import { readBatch } from "../batch/manifest.js";
import { outcomeWord } from "../batch/outcome.js";
import type { BatchResult } from "../batch/run-batch.js";
import { diagnosticsOf } from "../diagnostics/index.js";
import { build, buildAttachments, buildHtml, compile, listRowCounts, planSplit, splitDifferences, type BuildOptions, type SplitPlan } from "../pipeline.js";
import { writeOutput } from "../pack/write-output.js";
import { report } from "./report.js";
import { EXIT } from "./usage.js";

const stem = (dataFile: string) => basename(dataFile, extname(dataFile));
const outputName = (dataFile: string, dir: string): string => join(dir, `${stem(dataFile)}.docx`);
const attachmentName = (name: string, dir: string, number: number): string => join(dir, `${name}-附件${number}.docx`);

/** A region's circular is named by the dataset's split.output. */
function regionOutput(target: Target, data: CircularData, outDir: string): string {
  const named = outputPath(target.plan!.output, nameVars(target.file, { period: data.period, issuer: data.issuer }, { region: target.region! }), outDir);
  if ("error" in named) throw new RangeError(named.error);
  return relative(process.cwd(), named.path);
}

/**
 * After a split dataset's regions: the summary of all of them, and whether their rows add up to the dataset's
 * (judged when every region's circular was made).
 */
async function printSplitSummary(plan: SplitPlan, file: string, rows: readonly RegionRow[]): Promise<boolean> {
  const { splitSummary } = await import("../batch/split-summary.js");
  process.stdout.write(`\n${file} 按地区拆分：\n${splitSummary(plan, rows)}\n`);
  const counts = plan.regions.map((region) => rows.find((r) => r.region === region)?.counts);
  const differences = counts.every((c) => c !== undefined) ? splitDifferences(plan, counts as Record<string, number>[]) : [];
  for (const d of differences) process.stderr.write(`${file}: 错误：${d}\n`);
  return differences.length === 0;
}

/** What every command passes on to the pipeline and its writes: where output goes, which folders data may name. */
export interface CommandOptions {
  outDir: string;
  build: BuildOptions;
}

/** One circular of a data file: the file's own, or one region's of a dataset that splits by region. */
interface Target {
  file: string;
  /** The output's name without extension: the file's, or for a region {name}-{region}. */
  name: string;
  region?: string;
  plan?: SplitPlan;
}

/**
 * Runs `work` on each circular of each data file (each region's, for a dataset that splits); one with errors in its
 * data or its output is reported (and, when `writes`, said to be left unwritten) and the others go on. `done` runs
 * after a split dataset's regions. The exit code: 1 if any had errors.
 */
async function eachFile(files: string[], options: BuildOptions, writes: boolean, work: (target: Target) => Promise<void>, done?: (plan: SplitPlan, file: string) => Promise<boolean>): Promise<number> {
  let failed = false;
  const attempt = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      // An attachment number out of range is the one failure that is not a diagnostic.
      if (e instanceof RangeError) process.stderr.write(`${what}: 错误：${e.message}\n`);
      else report(diagnosticsOf(e));
      if (writes) process.stderr.write(`未生成：${what}，原因见上。\n`);
      failed = true;
    }
  };
  for (const file of files) {
    let plan: SplitPlan | undefined;
    let planned = false;
    await attempt(file, async () => {
      plan = await planSplit(file, options);
      planned = true;
    });
    if (!planned) continue;
    if (plan === undefined) {
      await attempt(file, () => work({ file, name: stem(file) }));
      continue;
    }
    for (const region of plan.regions) await attempt(`${file}（${region}）`, () => work({ file, name: `${stem(file)}-${region}`, region, plan }));
    if (done && !(await done(plan, file))) failed = true;
  }
  return failed ? EXIT.badData : EXIT.ok;
}

/**
 * tongbao build: every file is built or reported; nothing is written for a file with errors. With `pdf`, the
 * built circulars are also converted to PDF beside their .docx.
 */
export async function buildCommand(files: string[], { outDir, build: options }: CommandOptions, pdf = false, soffice?: string): Promise<number> {
  const built: string[] = [];
  let regions: RegionRow[] = [];
  const code = await eachFile(
    files,
    options,
    true,
    async (target) => {
      const result = await build(target.file, { ...options, ...withRegion(target.region) });
      report(result.warnings);
      const out = target.plan ? regionOutput(target, result.data, outDir) : outputName(target.file, outDir);
      process.stdout.write(`${outcomeWord(await writeOutput(out, result.docx, { within: outDir }))} ${out}（${result.pages} 页）\n`);
      built.push(out);
      if (target.region !== undefined) regions.push({ region: target.region, output: out, pages: result.pages, counts: listRowCounts(result) });
    },
    async (plan, file) => {
      const ok = await printSplitSummary(plan, file, regions);
      regions = [];
      return ok;
    },
  );
  if (pdf && built.length > 0) {
    // Loaded here: starting processes is for --pdf alone, and loading it is time every other command would lose.
    const { PdfError, convertToPdf, findSoffice } = await import("../pdf/libreoffice.js");
    try {
      for (const pdf of await convertToPdf(built, outDir, findSoffice(undefined, soffice))) process.stdout.write(`已生成 ${pdf}\n`);
    } catch (e) {
      if (!(e instanceof PdfError)) throw e;
      process.stderr.write(`错误：${e.message}\n`);
      return EXIT.badData;
    }
  }
  return code;
}

/** tongbao html: the web copy of each circular, <name>.html beside where the .docx would go. */
export const htmlCommand = (files: string[], { outDir, build: options }: CommandOptions): Promise<number> =>
  eachFile(files, options, true, async (target) => {
    const result = await buildHtml(target.file, { ...options, ...withRegion(target.region) });
    report(result.warnings);
    const out = join(outDir, `${target.name}.html`);
    process.stdout.write(`${outcomeWord(await writeOutput(out, new TextEncoder().encode(result.html), { within: outDir }))} ${out}（网页）\n`);
  });

/** tongbao attachments: each attachment as its own .docx, named after the circular and the attachment. */
export const attachmentsCommand = (files: string[], { outDir, build: options }: CommandOptions, only: number | undefined): Promise<number> =>
  eachFile(files, options, true, async (target) => {
    const result = await buildAttachments(target.file, { ...options, ...withRegion(target.region), ...(only !== undefined ? { only } : {}) });
    report(result.warnings);
    for (const a of result.attachments) {
      const out = attachmentName(target.name, outDir, a.number);
      process.stdout.write(`${outcomeWord(await writeOutput(out, a.docx, { within: outDir }))} ${out}（附件${a.number} ${a.title}，${a.pages} 页）\n`);
    }
  });

/**
 * tongbao batch: every dataset of a manifest (or folder) in parallel, a failure not stopping the rest; the errors
 * and warnings of each dataset, then the summary table. Exit 1 if any failed.
 */
export async function batchCommand(target: string, { outDir, build: options }: CommandOptions, batch: { jobs?: number; force: boolean }): Promise<number> {
  const { jobs, diagnostics, splits } = await readBatch(target, options.allow ? { allow: options.allow } : {});
  if (report(diagnostics)) return EXIT.badData;
  if (jobs.length === 0) {
    process.stderr.write(`${target} 里没有数据文件\n`);
    return EXIT.badData;
  }
  // Loaded here: the batch's progress bar and tables measure text in terminal columns, which `build` never needs.
  const [{ runBatch }, { summaryTable }] = await Promise.all([import("../batch/run-batch.js"), import("../batch/summary.js")]);
  const { results, warnings } = await runBatch(jobs, { outDir, force: batch.force, ...(batch.jobs ? { jobs: batch.jobs } : {}) });
  for (const r of results.filter((x) => x.messages.length > 0)) {
    process.stderr.write(`\n${r.file}：\n${r.messages.join("\n")}\n`);
  }
  for (const w of warnings ?? []) process.stderr.write(`\n${w}\n`);
  process.stdout.write(`\n${summaryTable(results)}\n`);
  let added = true;
  for (const [file, plan] of splits) {
    const rows = results.filter((r): r is BatchResult & RegionRow => r.file === file && r.region !== undefined && r.outcome !== "failed");
    if (!(await printSplitSummary(plan, file, rows))) added = false;
  }
  return !added || results.some((r) => r.outcome === "failed") ? EXIT.badData : EXIT.ok;
}

/** tongbao check: validation only. */
export const checkCommand = (files: string[], { build: options }: CommandOptions): Promise<number> =>
  eachFile(files, options, false, async (target) => {
    const { warnings } = await compile(target.file, { ...options, ...withRegion(target.region) });
    report(warnings);
    process.stdout.write(`通过：${target.file}${target.region !== undefined ? `（${target.region}）` : ""}${warnings.length ? `（${warnings.length} 条提醒）` : ""}\n`);
  });
