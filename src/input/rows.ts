import type { DataPath, Diagnostics, Locator } from "../diagnostics/index.js";
import { parseDate, unknownNameHint } from "../text/index.js";
import type { ListData, Row } from "./circular-data.js";
import type { Field, Kind } from "./kinds.js";
import { describeValue, quoteHint } from "./schema-errors.js";

/** 网站标识码（siteCode）; a field with no title of its own by its name alone. */
const fieldName = (field: Field) => (field.label === field.name ? field.name : `${field.label}（${field.name}）`);

/** A list with its kind, its rows checked against the kind and filled out, and where each row is written. */
export interface CheckedList {
  name: string;
  kind: Kind;
  /** What a row is called in messages: the list's label, else the kind's. */
  label: string;
  rows: Row[];
  /** The data path of the list's rows, for messages and provenance. */
  path: DataPath;
}

/** More rows than any inspection lists is a mistake, and would make every later stage slow. */
export const MAX_ROWS = 200_000;
/** Counts and scores stay far below this; beyond it a number prints as 1e+21 or Infinity. */
export const MAX_NUMBER = 1e12;

const TYPE_WORDS: Record<Field["type"], string> = {
  text: "文字",
  siteCode: "10 位数字的网站标识码（加引号）",
  integer: "整数",
  number: "数值",
  date: "日期（如 2019-03-20）",
  yesno: "是或否（true 或 false）",
  list: "文字列表（如 [甲, 乙]）",
};

/**
 * What a row holds for an optional field it leaves out: empty text, an empty list, "no"; a number or date left out
 * is null, which a formula or a template reports as 没有填写 rather than printing a blank.
 */
const EMPTY: Record<Field["type"], unknown> = { text: "", list: [], yesno: false, siteCode: null, integer: null, number: null, date: null };

/** Text with nothing but white space in it: the usual text, starting with a printing ASCII or CJK character, is told at its first. */
const isBlank = (text: string): boolean => {
  const first = text.charCodeAt(0);
  return !((first > 32 && first < 127) || (first >= 0x4e00 && first <= 0x9fff)) && !/\S/.test(text);
};

/** A row's name for messages: its first text field that has a value. */
export function rowName(row: Row, kind: Kind): string {
  for (const field of kind.fields.values()) {
    const v = row[field.name];
    if (field.type === "text" && typeof v === "string" && v) return v;
  }
  return "";
}

/**
 * The row being checked, one object for the whole list with its index moved along: the value's path and how
 * messages name its row are made only for a message, since most values are right.
 */
interface RowSite {
  index: number;
  /** The data path of the row's field `key`. */
  at(key: string): DataPath;
  /** The row as messages name it: 网站第 3 行, or the table row it was read from. */
  whereOf(): string;
}

function wrongValue(field: Field, value: unknown, site: RowSite, diagnostics: Diagnostics, hint: string | undefined): undefined {
  diagnostics.error("field-type", site.at(field.name), `${site.whereOf()}的${fieldName(field)}应当是${TYPE_WORDS[field.type]}，这里写的是${describeValue(value)}`, hint);
  return undefined;
}

/**
 * Checks one value against its field and returns it as the later stages hold it (text typed as a number becomes
 * text when nothing was lost; 是/否 become true/false), or reports why it is wrong.
 */
function checkValue(field: Field, value: unknown, site: RowSite, diagnostics: Diagnostics, locator: Locator): unknown {
  // The common case first: text where text is wanted.
  if (field.type === "text" && typeof value === "string" && !field.values) return value;
  switch (field.type) {
    case "text": {
      if (typeof value === "string") break;
      const typed = locator.sourceText(site.at(field.name));
      // A number YAML read is text when it reads back the same (a unit number 110); 0440 or 1.50 would lose digits.
      if (typeof value === "number" && (typed === undefined || typed === String(value))) return String(value);
      return wrongValue(field, value, site, diagnostics, quoteHint(site.at(field.name), value, locator));
    }
    case "siteCode":
      if (typeof value !== "string") return wrongValue(field, value, site, diagnostics, quoteHint(site.at(field.name), value, locator) ?? "网站标识码写成 10 位数字并加引号，如 \"4402820020\"");
      if (!/^\d{10}$/.test(value)) {
        diagnostics.error("field-type", site.at(field.name), `${site.whereOf()}的网站标识码应为 10 位数字，这里是 ${value}`, "核对网站标识码；它由 10 位数字组成");
        return undefined;
      }
      break;
    case "integer":
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return wrongValue(field, value, site, diagnostics, typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value)) ? `数值不要加引号：${field.name}: ${value}` : undefined);
      if (field.type === "integer" && !Number.isInteger(value)) return wrongValue(field, value, site, diagnostics, undefined);
      if (Math.abs(value) > MAX_NUMBER) {
        diagnostics.error("field-type", site.at(field.name), `${site.whereOf()}的${fieldName(field)}${value} 太大了`, `数值的绝对值不能超过 ${MAX_NUMBER}`);
        return undefined;
      }
      break;
    case "date":
      if (!parseDate(value)) {
        // A spreadsheet cell holding a bare number: Excel's day count, in a cell not formatted as a date.
        const fromSheet = locator.locate(site.at(field.name)).cell !== undefined;
        return wrongValue(field, value, site, diagnostics, fromSheet && typeof value === "number" ? `这一格是数字 ${value}，不是日期：在表格里把这一列设为日期格式，或写成 2024-09-20` : "日期写成 2019-03-20，且须是真实存在的日期");
      }
      break;
    case "yesno":
      if (value === "是" || value === "否") return value === "是";
      if (typeof value !== "boolean") return wrongValue(field, value, site, diagnostics, "写 true（是）或 false（否）");
      break;
    case "list":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string" && typeof v !== "number")) return wrongValue(field, value, site, diagnostics, "写成 [甲, 乙]，或每项一行以“- ”开头");
      return value.map(String);
  }
  if (field.values && !field.values.includes(value as string)) {
    diagnostics.error("field-type", site.at(field.name), `${site.whereOf()}的${field.label}只能是 ${field.values.join("、")} 之一，这里写的是${describeValue(value)}`);
    return undefined;
  }
  return value;
}

/** A key that is a field's Chinese label (网站名称), or close to a field name (sitecode), gets pointed to the name. */
function unknownFieldHint(key: string, kind: Kind): string {
  for (const field of kind.fields.values()) if (field.label === key) return `“${key}”是字段 ${field.name} 的中文名，请写 ${field.name}`;
  return unknownNameHint(key, [...kind.fields.keys()], `种类 ${kind.name}（${kind.label}）的字段有`);
}

/**
 * The rows of one list, checked against its kind: every key declared, every value of its field's type, required
 * fields present, no object listed twice and no unique value (网站标识码) used twice. Every row then has every
 * field: declared defaults, else empty (see EMPTY).
 */
/** `rowNumbers`: for rows read from a table, the table row of each, which messages name instead of the list's count. */
export function checkRows(name: string, list: ListData, kind: Kind, diagnostics: Diagnostics, locator: Locator, rowNumbers?: readonly number[]): CheckedList {
  const path: DataPath = ["lists", name, "rows"];
  const label = list.label ?? kind.label;
  const input = list.rows ?? [];
  if (input.length > MAX_ROWS) {
    diagnostics.error("limit", path, `清单 ${name} 有 ${input.length} 行，超过上限 ${MAX_ROWS} 行`, "一份通报的清单不会这么长：检查是否选错了数据");
  }
  const rows: Row[] = [];
  // Rows are told apart by their first identity field where they can be (a name is nearly always its own): the
  // whole identity is made into a key only for rows sharing a first value.
  const byFirst = new Map<unknown, number>();
  const byIdentity = new Map<string, number>();
  const fields = [...kind.fields.values()];
  // Pushed one by one, the unique fields make an array of one kind whatever compiled the code (a mapped array's kind
  // depends on it), and counted as they are: the row loop never reads an empty array, which is of another kind.
  const uniques: { field: Field; values: Map<unknown, number> }[] = [];
  let uniqueCount = 0;
  for (const field of fields) if (field.unique) uniqueCount = uniques.push({ field, values: new Map() });
  // Every row starts as a copy of one object holding the kind's fields in their declared order, each with what a row
  // that leaves it out holds (its default, else EMPTY; nothing for a required one): the rows share one shape, and a
  // field written is a store to a property the row has, not a new property on each of thousands of rows.
  const template: Row = {};
  for (const field of fields) template[field.name] = field.default !== undefined ? field.default : field.required ? undefined : EMPTY[field.type];
  const required = fields.filter((field) => field.required);
  const rowWord = (k: number) => (rowNumbers ? `表格第 ${rowNumbers[k]} 行` : `第 ${k + 1} 行`);
  const site: RowSite = {
    index: 0,
    at: (key) => [...path, site.index, key],
    whereOf: () => (rowNumbers ? `${label}（表格第 ${rowNumbers[site.index]} 行）` : `${label}第 ${site.index + 1} 行`),
  };
  // Own properties only: a field may be called constructor.
  const valueOf = (row: Row, f: string): unknown => (Object.hasOwn(row, f) ? (row[f] ?? null) : null);
  // The identity fields' values as one key: each marked with its type, text with its length, so that no two
  // different rows give the same key; a list (rare) as JSON.
  const identityOf = (row: Row): string => {
    let key = "";
    for (const f of kind.identity) {
      const v = valueOf(row, f);
      const json = typeof v === "object" && v !== null ? JSON.stringify(v) : "";
      key += typeof v === "string" ? `s${v.length}:${v}` : typeof v === "number" ? `n${v};` : typeof v === "boolean" ? `b${v};` : v === null ? "z" : `j${json.length}:${json}`;
    }
    return key;
  };
  /** The row listed before with the same identity as row `i`, if any. */
  const sameAs = (row: Row, i: number): number | undefined => {
    const head = valueOf(row, kind.identity[0]!);
    // A list value is compared as JSON; text, numbers, yes/no and nothing as themselves.
    const first = typeof head === "object" && head !== null ? JSON.stringify(head) : head;
    const before = byFirst.get(first);
    if (before === undefined) {
      byFirst.set(first, i);
      return undefined;
    }
    if (before >= 0) {
      byIdentity.set(identityOf(rows[before]!), before);
      byFirst.set(first, -1);
    }
    const id = identityOf(row);
    const earlier = byIdentity.get(id);
    if (earlier === undefined) byIdentity.set(id, i);
    return earlier;
  };
  const count = Math.min(input.length, MAX_ROWS);
  for (let i = 0; i < count; i++) {
    const raw = input[i]!;
    site.index = i;
    const row: Row = { ...template };
    // Whether a field was left without a value (an error): its key is then taken out, as if never written.
    let holes = false;
    // for…in rather than Object.keys: no array of keys is made for each of thousands of rows.
    for (const key in raw) {
      if (!Object.hasOwn(raw, key)) continue;
      const field = kind.fields.get(key);
      const value = raw[key];
      if (!field) {
        diagnostics.unknownKey("unknown-field", site.at(key), `不认识的字段 ${key}（${site.whereOf()}，种类 ${kind.name}）`, unknownFieldHint(key, kind));
        continue;
      }
      if (value === null) continue; // an empty value is a value left out
      const checked = checkValue(field, value, site, diagnostics, locator);
      row[key] = checked;
      if (checked === undefined) holes = true;
    }
    for (let f = 0; f < required.length; f++) {
      const field = required[f]!;
      const name = field.name;
      // Own properties only: a field may be called constructor.
      if (Object.hasOwn(raw, name) && raw[name] !== null) {
        const value = row[name];
        if (typeof value === "string" && isBlank(value)) diagnostics.error("missing-field", site.at(name), `${site.whereOf()}的${fieldName(field)}是空的`, `每行都要写 ${name}`);
      } else if (field.default === undefined) {
        diagnostics.error("missing-field", [...path, i], `${site.whereOf()}缺少${fieldName(field)}`, `每行都要写 ${name}`);
        holes = true;
      }
    }
    if (holes) for (const field of fields) if (row[field.name] === undefined) delete row[field.name];
    if (kind.identity.length) {
      const first = sameAs(row, i);
      if (first !== undefined) diagnostics.error("duplicate-row", [...path, i], `${label}“${rowName(row, kind)}”列了两次（${rowWord(first)}和${rowWord(i)}）`, `${kind.identity.map((f) => kind.fields.get(f)!.label).join("、")}都相同；删去重复的一行`);
    }
    for (let u = 0; u < uniqueCount; u++) {
      const { field, values } = uniques[u]!;
      const value = row[field.name];
      if (value === undefined || value === null || value === "") continue;
      const first = values.get(value);
      if (first !== undefined) diagnostics.error("duplicate-value", site.at(field.name), `${field.label} ${String(value)} 重复（与${rowWord(first)}相同）`, `每个对象的${field.label}唯一，请核对`);
      else values.set(value, i);
    }
    rows.push(row);
  }
  return { name, kind, label, rows, path };
}
