import { dirname, extname, resolve } from "node:path";
import type { DataPath, Diagnostics, Locator } from "../diagnostics/index.js";
import { decodeText, encodingWarning, isDecodeFailure } from "./encoding.js";
import { MAX_DATA_BYTES } from "./load.js";
import { isFailure, readInputFile } from "./read-file.js";
import { readCsv } from "./read-csv.js";
import type { Table } from "./table.js";

/** Where a list's rows come from, as the data writes it: a file name, or the file with its sheet and header. */
export type TableSource = string | { file: string; sheet?: string; header?: number; columns?: Record<string, string> };

export const tableFile = (from: TableSource): string => (typeof from === "string" ? from : from.file);

/** The path of a table file: relative to the data file that names it (which may be a shared file it extends). */
export function tablePath(from: TableSource, at: DataPath, locator: Locator): string {
  const writer = locator.locate(at).file;
  const base = writer.startsWith("<") ? process.cwd() : dirname(writer);
  return resolve(base, tableFile(from));
}

/**
 * The tables the lists read their rows from (`from:`), by list name: .xlsx sheets and CSV files (UTF-8, GBK or
 * UTF-16, detected), confined like every file the data names. A file that cannot be read is reported at the
 * list's `from`, and its list has no table.
 */
export async function readTables(
  lists: Record<string, { from?: TableSource }> | undefined,
  locator: Locator,
  diagnostics: Diagnostics,
  confine: readonly string[] | undefined,
): Promise<Map<string, Table>> {
  const tables = new Map<string, Table>();
  for (const [name, list] of Object.entries(lists ?? {})) {
    if (list.from === undefined) continue;
    const at: DataPath = ["lists", name, "from", ...(typeof list.from === "string" ? [] : ["file"])];
    const file = tablePath(list.from, at, locator);
    const shown = tableFile(list.from);
    const bytes = await readInputFile(file, { maxBytes: MAX_DATA_BYTES, what: "表格文件", ...(confine ? { confine } : {}) });
    if (isFailure(bytes)) {
      diagnostics.error(bytes.code, at, bytes.message, bytes.hint ?? "表格文件的路径相对于写它的数据文件");
      continue;
    }
    const sheet = typeof list.from === "string" ? undefined : list.from.sheet;
    const extension = extname(file).toLowerCase();
    if (extension === ".csv" || extension === ".txt") {
      if (sheet !== undefined) diagnostics.error("spreadsheet", ["lists", name, "from", "sheet"], "CSV 文件只有一张表，不用写 sheet", "删去 sheet");
      const decoded = decodeText(bytes);
      if (isDecodeFailure(decoded)) {
        diagnostics.error("encoding", at, `表格文件 ${shown}：${decoded.message}`, decoded.hint);
        continue;
      }
      if (decoded.encoding) {
        // Excel saves CSV in the system's code page (GBK on Chinese Windows): expected, so said once, not as a fault.
        const { message } = encodingWarning(decoded.encoding);
        diagnostics.warning("encoding", at, `表格文件 ${shown}：${message}`, "无需处理；想消除这条提醒，在 Excel 里另存为“CSV UTF-8（逗号分隔）”");
      }
      tables.set(name, readCsv(decoded.text, shown));
    } else if (extension === ".xlsx" || extension === ".xlsm") {
      // Loaded when a workbook is read: its unzipper builds its tables as it loads, time every other run would lose.
      const { readXlsx } = await import("./read-xlsx.js");
      const table = readXlsx(bytes, shown, sheet);
      if ("message" in table) diagnostics.error("spreadsheet", sheet !== undefined && /工作表/.test(table.message) ? ["lists", name, "from", "sheet"] : at, `表格文件 ${shown}：${table.message}`, table.hint);
      else tables.set(name, table);
    } else {
      diagnostics.error("spreadsheet", at, `表格文件 ${shown} 不是 .xlsx 或 .csv`, extension === ".xls" || extension === ".et" ? "在 Excel 或 WPS 表格里另存为 .xlsx" : "从表格软件导出为 .xlsx 或 .csv");
    }
  }
  return tables;
}
