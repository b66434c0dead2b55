import { basename, extname, join } from "node:path";
import { readBatch } from "../batch/manifest.js";
import { outcomeWord, runBatch } from "../batch/run-batch.js";
import { summaryTable } from "../batch/summary.js";
import { diagnosticsOf } from "../diagnostics/index.js";
import { build, buildAttachments, buildHtml, compile, type BuildOptions } from "../pipeline.js";
import { writeOutput } from "../pack/write-output.js";
import { PdfError, convertToPdf, findSoffice } from "../pdf/libreoffice.js";
import { report } from "./report.js";
import { EXIT } from "./usage.js";

const stem = (dataFile: string) => basename(dataFile, extname(dataFile));
const outputName = (dataFile: string, dir: string): string => join(dir, `${stem(dataFile)}.docx`);
const attachmentName = (dataFile: string, dir: string, number: number): string => join(dir, `${stem(dataFile)}-附件${number}.docx`);

/** What every command passes on to the pipeline and its writes: where output goes, which folders data may name. */
export interface CommandOptions {
  outDir: string;
  build: BuildOptions;
}

/**
 * Runs `work` on each data file; a file with errors in its data or its output is reported (and, when `writes`,
 * said to be left unwritten) and the others go on. The exit code: 1 if any file had errors.
 */
async function eachFile(files: string[], writes: boolean, work: (file: string) => Promise<void>): Promise<number> {
  let failed = false;
  for (const file of files) {
    try {
      await work(file);
    } catch (e) {
      // An attachment number out of range is the one failure that is not a diagnostic.
      if (e instanceof RangeError) process.stderr.write(`${file}: 错误：${e.message}\n`);
      else report(diagnosticsOf(e));
      if (writes) process.stderr.write(`未生成：${file}，原因见上。\n`);
      failed = true;
    }
  }
  return failed ? EXIT.badData : EXIT.ok;
}

/**
 * tongbao build: every file is built or reported; nothing is written for a file with errors. With `pdf`, the
 * built circulars are also converted to PDF beside their .docx.
 */
export async function buildCommand(files: string[], { outDir, build: options }: CommandOptions, pdf = false, soffice?: string): Promise<number> {
  const built: string[] = [];
  const code = await eachFile(files, true, async (file) => {
    const result = await build(file, options);
    report(result.warnings);
    const out = outputName(file, outDir);
    process.stdout.write(`${outcomeWord(await writeOutput(out, result.docx, { within: outDir }))} ${out}（${result.pages} 页）\n`);
    built.push(out);
  });
  if (pdf && built.length > 0) {
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
  eachFile(files, true, async (file) => {
    const result = await buildHtml(file, options);
    report(result.warnings);
    const out = join(outDir, `${stem(file)}.html`);
    process.stdout.write(`${outcomeWord(await writeOutput(out, new TextEncoder().encode(result.html), { within: outDir }))} ${out}（网页）\n`);
  });

/** tongbao attachments: each attachment as its own .docx, named after the circular and the attachment. */
export const attachmentsCommand = (files: string[], { outDir, build: options }: CommandOptions, only: number | undefined): Promise<number> =>
  eachFile(files, true, async (file) => {
    const result = await buildAttachments(file, { ...options, ...(only !== undefined ? { only } : {}) });
    report(result.warnings);
    for (const a of result.attachments) {
      const out = attachmentName(file, outDir, a.number);
      process.stdout.write(`${outcomeWord(await writeOutput(out, a.docx, { within: outDir }))} ${out}（附件${a.number} ${a.title}，${a.pages} 页）\n`);
    }
  });

/**
 * tongbao batch: every dataset of a manifest (or folder) in parallel, a failure not stopping the rest; the errors
 * and warnings of each dataset, then the summary table. Exit 1 if any failed.
 */
export async function batchCommand(target: string, { outDir, build: options }: CommandOptions, batch: { jobs?: number; force: boolean }): Promise<number> {
  const { jobs, diagnostics } = await readBatch(target, options.allow ? { allow: options.allow } : {});
  if (report(diagnostics)) return EXIT.badData;
  if (jobs.length === 0) {
    process.stderr.write(`${target} 里没有数据文件\n`);
    return EXIT.badData;
  }
  const { results, warnings } = await runBatch(jobs, { outDir, force: batch.force, ...(batch.jobs ? { jobs: batch.jobs } : {}) });
  for (const r of results.filter((x) => x.messages.length > 0)) {
    process.stderr.write(`\n${r.file}：\n${r.messages.join("\n")}\n`);
  }
  for (const w of warnings ?? []) process.stderr.write(`\n${w}\n`);
  process.stdout.write(`\n${summaryTable(results)}\n`);
  return results.some((r) => r.outcome === "failed") ? EXIT.badData : EXIT.ok;
}

/** tongbao check: validation only. */
export const checkCommand = (files: string[], { build: options }: CommandOptions): Promise<number> =>
  eachFile(files, false, async (file) => {
    const { warnings } = await compile(file, options);
    report(warnings);
    process.stdout.write(`通过：${file}${warnings.length ? `（${warnings.length} 条提醒）` : ""}\n`);
  });
