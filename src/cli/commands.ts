import { basename, extname, join } from "node:path";
import { compile, build } from "../pipeline.js";
import { writeOutput } from "../pack/write-output.js";
import { LibreOfficeMissing, convertToPdf } from "../pdf/libreoffice.js";
import { diagnosticsOf, report } from "./report.js";
import { EXIT } from "./usage.js";

export const outputName = (dataFile: string, dir: string): string => join(dir, `${basename(dataFile, extname(dataFile))}.docx`);

/**
 * tongbao build: every file is built or reported; nothing is written for a file with errors. With `pdf`, the
 * built circulars are also converted to PDF beside their .docx.
 */
export async function buildCommand(files: string[], outDir: string, options: { pdf?: boolean } = {}): Promise<number> {
  let failed = false;
  const built: string[] = [];
  for (const file of files) {
    try {
      const result = await build(file);
      report(result.warnings);
      const out = outputName(file, outDir);
      const written = await writeOutput(out, result.docx);
      process.stdout.write(`${written === "written" ? "已生成" : "未变化"} ${out}（${result.pages} 页）\n`);
      built.push(out);
    } catch (e) {
      report(diagnosticsOf(e));
      process.stderr.write(`未生成：${file} 有错误，见上。\n`);
      failed = true;
    }
  }
  if (options.pdf && built.length > 0) {
    try {
      for (const pdf of await convertToPdf(built, outDir)) process.stdout.write(`已生成 ${pdf}\n`);
    } catch (e) {
      if (!(e instanceof LibreOfficeMissing)) throw e;
      process.stderr.write(`${e.message}\n`);
      return EXIT.badData;
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
