import { extname } from "node:path";
import { Diagnostics, type Diagnostic } from "../diagnostics/index.js";
import { resolveKinds, type Field, type Kind, type KindData } from "../input/index.js";
import { writeOutput } from "../pack/write-output.js";
import { writeXlsx, type SheetColumn } from "../pack/xlsx.js";
import { loadFile } from "../source/index.js";
import { unknownNameHint } from "../text/index.js";
import { report } from "./report.js";
import { EXIT } from "./usage.js";

/** What the clerk is told about a column when the cell is selected. */
function prompt(field: Field): string | undefined {
  const parts = [
    field.required ? "必填" : "",
    field.type === "siteCode" ? "10 位数字，如 0440282002" : field.type === "date" ? "日期，如 2024-10-15" : field.type === "list" ? "几项之间用顿号“、”隔开" : "",
    field.type === "integer" ? "整数" : field.type === "number" ? "数值" : "",
  ].filter(Boolean);
  return parts.length ? parts.join("；") : undefined;
}

/** The columns a kind's sheet has: every field the clerk fills (computed ones are left out), titled in Chinese. */
export function kindColumns(kind: Kind): SheetColumn[] {
  return [...kind.fields.values()]
    .filter((f) => f.formula === undefined)
    .map((f) => {
      const hint = prompt(f);
      const choices = f.type === "yesno" ? ["是", "否"] : f.values;
      return {
        title: f.label,
        width: Math.max(8, Math.min(40, [...f.label].length * 2 + 4, f.type === "text" || f.type === "list" ? 30 : 14)),
        ...(f.type === "text" || f.type === "siteCode" || f.type === "list" ? { text: true } : {}),
        ...(choices ? { choices } : {}),
        ...(hint ? { prompt: hint } : {}),
      };
    });
}

/** Excel's limits on a sheet name: 31 characters, none of []:*?/\. */
const sheetName = (label: string): string => label.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "清单";

/**
 * tongbao template <kind>: an empty sheet with the kind's columns, for an office to fill and a list to read with
 * `from:`. The built-in kinds, or those a data file declares (--data). A .csv name gives a UTF-8 CSV header.
 */
export async function templateCommand(name: string, out: string | undefined, dataFile: string | undefined): Promise<number> {
  const diagnostics = new Diagnostics();
  let declared: Record<string, KindData> | undefined;
  let problems: Diagnostic[] = [];
  if (dataFile !== undefined) {
    const loaded = await loadFile(dataFile, diagnostics);
    declared = (loaded.data as { kinds?: Record<string, KindData> } | undefined)?.kinds;
    problems = diagnostics.resolve(loaded.locator);
  }
  const kinds = resolveKinds(declared, diagnostics);
  if (report(problems)) return EXIT.badData;
  const kind = kinds.get(name);
  if (!kind) {
    process.stderr.write(`错误：没有名为 ${name} 的种类\n    提示：${unknownNameHint(name, [...kinds.keys()], "可用的种类有")}${dataFile === undefined ? "（数据文件里声明的种类，加 --data <数据.yaml>）" : ""}\n`);
    return EXIT.badData;
  }
  const file = out ?? `${kind.label}.xlsx`;
  const columns = kindColumns(kind);
  const csv = extname(file).toLowerCase() === ".csv";
  // A CSV for Excel carries a byte order mark, or Excel on Chinese Windows reads it as GBK.
  const bytes = csv ? new TextEncoder().encode(`\ufeff${columns.map((c) => (/[",\n]/.test(c.title) ? `"${c.title.replace(/"/g, '""')}"` : c.title)).join(",")}\r\n`) : await writeXlsx({ name: sheetName(kind.label), columns });
  await writeOutput(file, bytes);
  process.stdout.write(`已生成 ${file}（${kind.label}：${columns.map((c) => c.title).join("、")}）\n在数据文件里这样读入：\n  lists:\n    名字:\n      kind: ${kind.name}\n      from: ${file}\n`);
  return EXIT.ok;
}
