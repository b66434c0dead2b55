import { existsSync, readFileSync } from "node:fs";
import nodePath, { type PlatformPath } from "node:path";
import { pathToFileURL } from "node:url";
import { writeOutput } from "../pack/write-output.js";
import { packageFile } from "../package-files.js";
import { EXIT } from "./usage.js";

const SCHEMA = packageFile("schemas/circular.schema.json");

/**
 * The `$schema` an editor should follow from a file written at `file`: a relative path to the installed schema,
 * or its file URL when no relative path leads there (another drive on Windows).
 */
export function schemaReference(file: string, schema = SCHEMA, path: PlatformPath = nodePath): string {
  const relative = path.relative(path.dirname(path.resolve(file)), schema);
  if (!path.isAbsolute(relative)) return relative.split(path.sep).join("/");
  return path === nodePath ? pathToFileURL(schema).href : `file:///${schema.replace(/\\/g, "/")}`;
}

/** tongbao init: a starter data file, never over an existing one. */
export async function initCommand(file: string): Promise<number> {
  if (existsSync(file)) {
    process.stderr.write(`${file}: 错误：文件已存在，没有覆盖\n    提示：换一个文件名，如 tongbao init 2024年第三季度.yaml\n`);
    return EXIT.badData;
  }
  const starter = readFileSync(packageFile("templates/starter.yaml"), "utf8").replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schemaReference(file)}`);
  await writeOutput(file, new TextEncoder().encode(starter));
  process.stdout.write(`已生成 ${file}\n下一步：把其中的单位、日期和清单换成本单位的，然后运行 tongbao build ${file}\n`);
  return EXIT.ok;
}
