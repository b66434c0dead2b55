import type { DataPath, Diagnostics, Locator, Position } from "../diagnostics/index.js";
import { cellPosition, type Cell, type Table, type TableRow, type TableSource } from "../source/index.js";
import { closest, isoDate, unknownNameHint } from "../text/index.js";
import type { Row } from "./circular-data.js";
import type { Field, Kind } from "./kinds.js";

/** How a list's rows map onto a table: the table row of each list row, and the column of each field. */
export interface SheetBinding {
  table: Table;
  /** Table row number (1-based) of list row i. */
  rowNumbers: number[];
  /** 0-based column of each field read from the table. */
  columns: Map<string, number>;
  header: number;
}

/** Header titles compared as the clerk means them: spaces, line breaks and full-width spaces inside ignored. */
const normalize = (title: string): string => title.replace(/[\s\u3000]+/g, "").toLowerCase();

/** How far down a header is looked for when `header` is not given: a title or a note may stand above it. */
const HEADER_SEARCH = 20;

/** The title each field is looked for under: as `columns` says, else its Chinese label and its name. */
function titlesOf(field: Field, columns: Record<string, string> | undefined): string[] {
  const given = columns && Object.hasOwn(columns, field.name) ? columns[field.name] : undefined;
  return given !== undefined ? [given] : [field.label, field.name];
}

const cellText = (cell: Cell | undefined): string => (cell === undefined ? "" : cell.text.trim());

/**
 * A list's rows read from a table: the header row found (or as `header` says), each field's column matched by title,
 * and every row below converted as a spreadsheet stores it (numbers kept as typed for text fields, dates from date
 * cells or written as 2019/3/20 or 2019年3月20日, 是/否, lists split at 、，；). Problems are reported at the cell, or
 * at the `from` entry for what the data says about the table.
 */
export function sheetRows(name: string, from: TableSource, table: Table, kind: Kind, diagnostics: Diagnostics): { rows: Row[]; binding: SheetBinding } | undefined {
  const columns = typeof from === "string" ? undefined : from.columns;
  const fromPath: DataPath = ["lists", name, "from"];
  for (const field of Object.keys(columns ?? {})) {
    if (!kind.fields.has(field)) diagnostics.unknownKey("unknown-field", [...fromPath, "columns", field], `种类 ${kind.name} 没有字段 ${field}`, unknownNameHint(field, [...kind.fields.keys()], "它的字段有"));
  }
  const fields = [...kind.fields.values()];
  const matches = (row: TableRow) => {
    const found = new Map<string, number>();
    row.cells.forEach((cell, c) => {
      const title = normalize(cellText(cell));
      if (!title) return;
      for (const field of fields) if (!found.has(field.name) && titlesOf(field, columns).some((t) => normalize(t) === title)) found.set(field.name, c);
    });
    return found;
  };

  const wanted = typeof from === "string" ? undefined : from.header;
  let header: TableRow | undefined;
  let found = new Map<string, number>();
  if (wanted !== undefined) {
    header = table.rows.find((r) => r.number === wanted);
    if (!header) {
      diagnostics.error("spreadsheet", [...fromPath, "header"], `表格 ${tableName(table)} 的第 ${wanted} 行是空的，不是表头`, "header 写表头（列标题）所在的行号");
      return undefined;
    }
    found = matches(header);
  } else {
    for (const row of table.rows.slice(0, HEADER_SEARCH)) {
      const m = matches(row);
      if (m.size > found.size) [header, found] = [row, m];
    }
  }
  const labels = fields.map((f) => f.label).join("、");
  if (!header || found.size === 0) {
    diagnostics.error("spreadsheet", fromPath, `表格 ${tableName(table)} 里找不到表头：${wanted !== undefined ? `第 ${wanted} 行` : `前 ${HEADER_SEARCH} 行`}没有与种类 ${kind.name} 的字段（${labels}）对得上的列标题`, "用 from.columns 写明字段对应的列标题，如 columns: { name: 网站名称 }；表头不在前几行时用 from.header 写明行号");
    return undefined;
  }
  const titles = header.cells.map(cellText);
  let unreadable = false;
  for (const field of fields) {
    if (found.has(field.name)) continue;
    const given = columns && Object.hasOwn(columns, field.name);
    if (given) {
      diagnostics.error("spreadsheet", [...fromPath, "columns", field.name], `表头（第 ${header.number} 行）里没有“${columns![field.name]}”这一列`, unknownNameHint(columns![field.name]!, titles.filter(Boolean), "表头有"));
      unreadable = true;
    } else if (field.required && field.formula === undefined) {
      unreadable = true;
      diagnostics.report({
        severity: "error",
        code: "spreadsheet",
        at: cellPosition(table, header.number, 0),
        message: `表头（第 ${header.number} 行）里没有${field.label}（${field.name}）这一列`,
        hint: `表头有：${titles.filter(Boolean).join("、")}；列标题不同时，用 from.columns 写明，如 columns: { ${field.name}: 列标题 }`,
      });
    }
  }
  // Without a column the data names, or a required one, every row would echo the same fault.
  if (unreadable) return undefined;
  // A header close to a field's title but not equal (网站名 for 网站名称) leaves that field empty: say so.
  header.cells.forEach((cell, c) => {
    const title = cellText(cell);
    if (!title || [...found.values()].includes(c)) return;
    const near = closest(title, fields.filter((f) => !found.has(f.name)).map((f) => f.label));
    if (near) diagnostics.report({ severity: "warning", code: "spreadsheet", at: cellPosition(table, header!.number, c), message: `列“${title}”没有对应的字段，是否是“${near}”？`, hint: "列标题与字段的中文名要一字不差；或用 from.columns 写明" });
  });

  const rows: Row[] = [];
  const rowNumbers: number[] = [];
  for (const row of table.rows) {
    if (row.number <= header.number) continue;
    const out: Row = {};
    let any = false;
    for (const [fieldName, c] of found) {
      const cell = row.cells[c];
      if (cell === undefined || (typeof cell.value === "string" && cell.value.trim() === "")) continue;
      any = true;
      if (cell.error) {
        diagnostics.report({ severity: "error", code: "spreadsheet", at: cellPosition(table, row.number, c), message: `这一格是 Excel 的错误值 ${cell.text}`, hint: "改正这一格的公式，或直接填入数值" });
        continue;
      }
      const field = kind.fields.get(fieldName)!;
      // Excel stores a 网站标识码 typed as a number, and drops its leading zero.
      if (field.type === "siteCode" && typeof cell.value === "number" && !/^\d{10}$/.test(cell.text)) {
        const lost = cell.text.length === 9 ? `去掉了开头的 0（应为 0${cell.text}）` : "可能丢了开头的 0";
        diagnostics.report({
          severity: "error",
          code: "field-type",
          at: cellPosition(table, row.number, c),
          message: `网站标识码应为 10 位数字，这里是 ${cell.text}`,
          hint: `Excel 把网站标识码存成了数字，${lost}：把这一列设为“文本”格式后重新输入，或输入时在前面加英文单引号，如 '0440282002`,
        });
        continue;
      }
      out[fieldName] = convert(field, cell);
    }
    if (!any) continue;
    rows.push(out);
    rowNumbers.push(row.number);
  }
  return { rows, binding: { table, rowNumbers, columns: found, header: header.number } };
}

const tableName = (table: Table) => (table.sheet !== undefined ? `${table.file}!${table.sheet}` : table.file);

/** 2019/3/20, 2019.3.20, 2019-3-20, 2019年3月20日 → 2019-03-20; anything else stays as written. */
function dateText(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  return m ? isoDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }) : text;
}

/** A cell's value as the field reads it; what still does not fit is left for the row check to report. */
function convert(field: Field, cell: Cell): unknown {
  const { value } = cell;
  switch (field.type) {
    case "text":
    case "siteCode":
      // A number in a text field is the text the cell shows (a zero-padded format keeps its zeros).
      return typeof value === "string" ? value.trim() : typeof value === "number" ? cell.text : value;
    case "integer":
    case "number": {
      // A number stored as text (Excel's green triangle), with or without thousands separators.
      if (typeof value !== "string") return value;
      const n = Number(value.trim().replace(/,/g, ""));
      return value.trim() !== "" && Number.isFinite(n) ? n : value;
    }
    case "date":
      return typeof value === "string" ? dateText(value) : value;
    case "yesno":
      if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
      return typeof value === "string" ? value.trim() : value;
    case "list":
      return typeof value === "string" ? value.split(/[、，,；;\n]/).map((s) => s.trim()).filter(Boolean) : [String(value)];
    default:
      return typeof value === "string" ? value.trim() : value;
  }
}

/**
 * The locator of data whose lists read tables: a list row's path leads to its table row (its first mapped cell),
 * a field's path to its cell, whose shown text is what was typed. Everything else is found as before.
 */
export function sheetLocator(base: Locator, bindings: ReadonlyMap<string, SheetBinding>): Locator {
  // Each table's rows by number, indexed on first use (bindings are added as the lists are read).
  const byNumber = new Map<Table, Map<number, TableRow>>();
  const rowOf = (table: Table, number: number) => {
    let rows = byNumber.get(table);
    if (!rows) byNumber.set(table, (rows = new Map(table.rows.map((r) => [r.number, r]))));
    return rows.get(number);
  };
  const cell = (path: DataPath): { position: Position; text?: string } | undefined => {
    if (path[0] !== "lists" || path[2] !== "rows" || typeof path[1] !== "string") return undefined;
    const binding = bindings.get(path[1]);
    if (!binding) return undefined;
    const { table, rowNumbers, columns, header } = binding;
    const i = path[3];
    if (typeof i !== "number" || rowNumbers[i] === undefined) return { position: cellPosition(table, header, Math.min(...columns.values())) };
    const column = typeof path[4] === "string" ? columns.get(path[4]) : undefined;
    const at = column ?? Math.min(...columns.values());
    const shown = rowOf(table, rowNumbers[i])?.cells[at];
    return { position: cellPosition(table, rowNumbers[i], at), ...(column !== undefined && shown ? { text: shown.text } : {}) };
  };
  return {
    locate: (path, options) => cell(path)?.position ?? base.locate(path, options),
    locateIndex: (path, index) => cell(path)?.position ?? base.locateIndex(path, index),
    sourceText: (path) => {
      const found = cell(path);
      return found ? found.text : base.sourceText(path);
    },
  };
}
