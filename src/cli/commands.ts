import { basename, extname, join } from "node:path";
import { compile, build } from "../pipeline.js";
import { writeOutput } from "../pack/write-output.js";
import { diagnosticsOf, report } from "./report.js";
import { EXIT } from "./usage.js";

export const outputName = (dataFile: string, dir: string): string => join(dir, `${basename(dataFile, extname(dataFile))}.docx`);

/** tongbao build: every file is built or reported; nothing is written for a file with errors. */
export async function buildCommand(files: string[], outDir: string): Promise<number> {
  let failed = false;
  for (const file of files) {
    try {
      const built = await build(file);
      report(built.warnings);
      const out = outputName(file, outDir);
      const result = await writeOutput(out, built.docx);
      process.stdout.write(`${result === "written" ? "已生成" : "未变化"} ${out}（${built.pages} 页）\n`);
    } catch (e) {
      report(diagnosticsOf(e));
      process.stderr.write(`未生成：${file} 有错误，见上。\n`);
      failed = true;
    }
  }
  return failed ? EXIT.badData : EXIT.ok;
}

/** tongbao check: validation only. */
export async function checkCommand(files: string[]): Promise<number> {
  let failed = false;
  for (const file of files) {
    try {
      const { warnings } = await compile(file);
      report(warnings);
      process.stdout.write(`通过：${file}${warnings.length ? `（${warnings.length} 条提醒）` : ""}\n`);
    } catch (e) {
      report(diagnosticsOf(e));
      failed = true;
    }
  }
  return failed ? EXIT.badData : EXIT.ok;
}
