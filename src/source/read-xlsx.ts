import { unzipSync, type UnzipFileInfo } from "fflate";
import { isoDate } from "../text/index.js";
import { parseCellName, type Cell, type Table, type TableRow } from "./table.js";
import { scanXml } from "./xml-scan.js";

/** Why an .xlsx could not be read, in the clerk's words. */
export interface SheetFailure {
  message: string;
  hint: string;
}

/**
 * The largest part of a workbook read (a sheet's XML unpacked): 100,000 rows of eight columns take about 60 MB.
 * Checked against the size the archive declares, which is also the most the unpacker writes.
 */
const MAX_PART_BYTES = 128 * 1024 * 1024;
/** Rows past this are refused by the lists anyway (MAX_ROWS); reading stops here. */
const MAX_SHEET_ROWS = 200_001;
const MAX_COLUMNS = 16_384;

const SAVE_AS_XLSX = "在 Excel 或 WPS 表格里打开，选“另存为”，文件类型选“Excel 工作簿（*.xlsx）”";

/** Reads parts of the archive by name: only those asked for are unpacked, and none beyond MAX_PART_BYTES. */
function unpack(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, string> | SheetFailure {
  let tooLarge: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f: UnzipFileInfo) => {
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) tooLarge = f.name;
        return f.originalSize <= MAX_PART_BYTES;
      },
    });
  } catch {
    return { message: "文件已损坏，无法作为 .xlsx 读取", hint: SAVE_AS_XLSX };
  }
  if (tooLarge) return { message: `表格太大（${tooLarge} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB）`, hint: "把表格拆成几个文件，或只保留需要的行和列" };
  const decoder = new TextDecoder("utf-8");
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)]));
}

const isFailure = (v: unknown): v is SheetFailure => typeof v === "object" && v !== null && "message" in v && "hint" in v;

/** The sheets of a workbook in order, with the part each is stored in; whether its dates count from 1904. */
function workbook(parts: Record<string, string>): { sheets: { name: string; part: string }[]; date1904: boolean } {
  const targets = new Map<string, string>();
  for (const e of scanXml(parts["xl/_rels/workbook.xml.rels"] ?? "")) {
    if (e.type === "open" && e.name === "Relationship" && e.attrs.Id && e.attrs.Target) {
      const target = e.attrs.Target.replace(/\\/g, "/");
      targets.set(e.attrs.Id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
  }
  const sheets: { name: string; part: string }[] = [];
  let date1904 = false;
  for (const e of scanXml(parts["xl/workbook.xml"] ?? "")) {
    if (e.type !== "open") continue;
    if (e.name === "workbookPr" && (e.attrs.date1904 === "1" || e.attrs.date1904 === "true")) date1904 = true;
    if (e.name === "sheet") {
      const id = e.attrs["r:id"] ?? Object.entries(e.attrs).find(([k]) => k.endsWith(":id"))?.[1];
      const part = id ? targets.get(id) : undefined;
      if (e.attrs.name !== undefined && part) sheets.push({ name: e.attrs.name, part });
    }
  }
  return { sheets, date1904 };
}

/** Shared strings: each <si>'s text runs joined, phonetic guides (<rPh>) left out. */
function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  for (const e of scanXml(xml ?? "")) {
    if (e.type === "open") {
      if (e.name === "si" && e.empty) strings.push("");
      else if (e.name === "si") current = "";
      else if (e.name === "rPh") phonetic += e.empty ? 0 : 1;
      else if (e.name === "t") inText = !e.empty;
    } else if (e.type === "close") {
      if (e.name === "si" && current !== undefined) {
        strings.push(current);
        current = undefined;
      } else if (e.name === "rPh") phonetic--;
      else if (e.name === "t") inText = false;
    } else if (inText && phonetic === 0 && current !== undefined) current += e.text;
  }
  return strings.map(unescapeExcel);
}

/** Excel writes characters XML cannot hold as _xHHHH_ (a line end in a cell as _x000D_). */
const unescapeExcel = (text: string): string => (text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);

/** Built-in number formats that show dates (14–22, and the East Asian ones 27–36, 50–58). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

interface CellStyle {
  date: boolean;
  /** Digits a zero-padded format ("0000000000") shows. */
  pad?: number;
}

/** What each cell style index means for its numbers: a date, or zero padding. */
function cellStyles(xml: string | undefined): CellStyle[] {
  const formats = new Map<number, string>();
  const styles: CellStyle[] = [];
  let inCellXfs = false;
  for (const e of scanXml(xml ?? "")) {
    if (e.type === "open" && e.name === "numFmt") formats.set(Number(e.attrs.numFmtId), e.attrs.formatCode ?? "");
    else if (e.type === "open" && e.name === "cellXfs") inCellXfs = !e.empty;
    else if (e.type === "close" && e.name === "cellXfs") inCellXfs = false;
    else if (e.type === "open" && e.name === "xf" && inCellXfs) {
      const id = Number(e.attrs.numFmtId ?? 0);
      const code = formats.get(id);
      // A custom format shows a date when it has date letters outside quotes and brackets ([Red], "年").
      const bare = code?.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "") ?? "";
      const date = DATE_FORMAT_IDS.has(id) || (code !== undefined && /[ymd]/i.test(bare) && !/^[#0.,%]+$/.test(bare));
      const pad = code !== undefined && /^0{2,}$/.test(code) ? code.length : undefined;
      styles.push(pad ? { date, pad } : { date });
    }
  }
  return styles;
}

/** An Excel date serial as an ISO date: days since 1899-12-30 (1900's false leap day included), or since 1904-01-01. */
function serialToIso(serial: number, date1904: boolean): string | undefined {
  const days = Math.floor(serial);
  if (days < 1 || days > 2_958_465) return undefined;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + (!date1904 && days < 61 ? days + 1 : days) * 86_400_000);
  return isoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** The cells of one sheet's XML, as the rows of a Table. */
function sheetRows(xml: string, strings: string[], styles: CellStyle[], date1904: boolean): TableRow[] | SheetFailure {
  const rows: TableRow[] = [];
  let row: TableRow | undefined;
  let nextRow = 1;
  let nextColumn = 0;
  let cell: { column: number; type: string; style: number; value: string; inline: boolean } | undefined;
  let reading: "v" | "t" | undefined;
  for (const e of scanXml(xml)) {
    if (e.type === "open") {
      if (e.name === "row") {
        const number = e.attrs.r !== undefined ? Number(e.attrs.r) : nextRow;
        if (!Number.isInteger(number) || number < 1 || number < nextRow) return { message: `工作表的行号 ${e.attrs.r} 无效`, hint: SAVE_AS_XLSX };
        if (number > MAX_SHEET_ROWS) break;
        row = { number, cells: [] };
        nextRow = number + 1;
        nextColumn = 0;
        if (!e.empty) rows.push(row);
      } else if (e.name === "c" && row) {
        const ref = e.attrs.r !== undefined ? parseCellName(e.attrs.r) : undefined;
        const column = ref?.column ?? nextColumn;
        if (column >= MAX_COLUMNS) return { message: `工作表的列 ${e.attrs.r} 超出了 Excel 的范围`, hint: SAVE_AS_XLSX };
        nextColumn = column + 1;
        cell = { column, type: e.attrs.t ?? "n", style: Number(e.attrs.s ?? 0), value: "", inline: false };
        if (e.empty) cell = undefined;
      } else if (cell && (e.name === "v" || (e.name === "t" && cell.type === "inlineStr"))) reading = e.empty ? undefined : (e.name as "v" | "t");
    } else if (e.type === "text") {
      if (cell && reading) cell.value += e.text;
    } else if (e.name === "v" || e.name === "t") reading = undefined;
    else if (e.name === "c" && cell && row) {
      const made = makeCell(cell.type, cell.value, styles[cell.style], strings, date1904);
      if (made) row.cells[cell.column] = made;
      cell = undefined;
    }
  }
  return rows.filter((r) => r.cells.some((c) => c !== undefined));
}

function makeCell(type: string, raw: string, style: CellStyle | undefined, strings: string[], date1904: boolean): Cell | undefined {
  switch (type) {
    case "s": {
      const text = strings[Number(raw)];
      return text === undefined || text === "" ? undefined : { value: text, text };
    }
    case "inlineStr":
    case "str": {
      const text = unescapeExcel(raw);
      return text === "" ? undefined : { value: text, text };
    }
    case "b":
      return { value: raw === "1", text: raw === "1" ? "TRUE" : "FALSE" };
    case "e":
      return { value: raw, text: raw, error: true };
    case "d": {
      const iso = raw.slice(0, 10);
      return { value: iso, text: iso };
    }
    default: {
      if (raw === "") return undefined;
      const n = Number(raw);
      if (!Number.isFinite(n)) return { value: raw, text: raw };
      if (style?.date) {
        const iso = serialToIso(n, date1904);
        if (iso) return { value: iso, text: iso };
      }
      const text = style?.pad && Number.isInteger(n) && n >= 0 ? String(n).padStart(style.pad, "0") : String(n);
      return { value: n, text };
    }
  }
}

/**
 * One sheet of an .xlsx workbook (the one named, or the first) as a Table. Old .xls files and password-protected
 * workbooks (both OLE files, not zip archives) are refused with how to save them as .xlsx.
 */
export function readXlsx(bytes: Uint8Array, file: string, sheetName?: string): Table | SheetFailure {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { message: "这是旧版 Excel（.xls）文件，或设了打开密码的表格", hint: `${SAVE_AS_XLSX}；设了密码的先取消密码` };
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { message: "文件不是 .xlsx 表格", hint: SAVE_AS_XLSX };
  const index = unpack(bytes, (name) => name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels");
  if (isFailure(index)) return index;
  const { sheets, date1904 } = workbook(index);
  if (sheets.length === 0) return { message: "文件里没有工作表，不是有效的 .xlsx", hint: SAVE_AS_XLSX };
  const sheet = sheetName === undefined ? sheets[0]! : sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.trim() === sheetName.trim());
  if (!sheet) return { message: `没有名为“${sheetName}”的工作表`, hint: `这个文件的工作表有：${sheets.map((s) => s.name).join("、")}` };
  const parts = unpack(bytes, (name) => name === sheet.part || name === "xl/sharedStrings.xml" || name === "xl/styles.xml");
  if (isFailure(parts)) return parts;
  const xml = parts[sheet.part];
  if (xml === undefined) return { message: `工作表“${sheet.name}”的内容缺失`, hint: SAVE_AS_XLSX };
  const rows = sheetRows(xml, sharedStrings(parts["xl/sharedStrings.xml"]), cellStyles(parts["xl/styles.xml"]), date1904);
  return isFailure(rows) ? rows : { file, sheet: sheet.name, rows };
}
