import type { ErrorObject } from "ajv";
import { formatPath, type DataPath, type Diagnostics, type Locator } from "../diagnostics/index.js";
import { unknownNameHint } from "../text/index.js";
import { localizeErrors } from "./schema.js";

interface SchemaNode {
  title?: string;
  "x-hint"?: string;
  properties?: Record<string, SchemaNode>;
  pattern?: string;
  type?: string | string[];
}

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  integer: "整数",
  number: "数值",
  boolean: "true 或 false",
  array: "列表（每项以“- ”开头）",
  object: "含字段的对象（下一行缩进写“键: 值”）",
  null: "空值",
};

const typeName = (t: unknown): string => (Array.isArray(t) ? t : [t]).map((x) => TYPE_NAMES[String(x)] ?? String(x)).join("或");

export function describeValue(value: unknown): string {
  if (typeof value === "number") return `数字 ${value}`;
  if (typeof value === "boolean") return `${value}`;
  if (value === null) return "空值";
  if (Array.isArray(value)) return "列表";
  if (typeof value === "object") return "对象";
  const text = String(value);
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

/** The hint for a value YAML read as a number or true/false where text was meant: quote what was typed. */
export function quoteHint(path: DataPath, value: unknown, locator: Locator): string | undefined {
  const typed = locator.sourceText(path);
  if ((typeof value !== "number" && typeof value !== "boolean") || typed === undefined) return undefined;
  const key = path[path.length - 1];
  return `YAML 把没有引号的 ${typed} 读成了${typeof value === "number" ? "数字" : "真假值"}，请加引号：${typeof key === "string" ? `${key}: ` : "- "}"${typed}"`;
}

/**
 * Every way the data departs from the schema, in Chinese, each at its data path. Returns the top-level fields
 * whose values are broken, so that later stages leave those parts alone and check the rest.
 */
export function reportSchemaErrors(errors: ErrorObject[], diagnostics: Diagnostics, locator: Locator): Set<string> {
  localizeErrors(errors);
  const broken = new Set<string>();
  // An `if` error only says that its `then` failed; the branch's own errors, reported too, say how.
  for (const e of errors.filter((x) => x.keyword !== "if")) {
    const schema = (e.parentSchema ?? {}) as SchemaNode;
    let path: DataPath = pointerToPath(e.instancePath);
    let label = schema.title ?? "";
    let message: string;
    let hint = schema["x-hint"];
    let atKey = false;
    switch (e.keyword) {
      case "required": {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const title = schema.properties?.[missing]?.title;
        message = `缺少必填字段 ${missing}${title ? `（${title}）` : ""}`;
        // A missing top-level field is as broken as a wrong one: later stages must not read it.
        if (path.length === 0) broken.add(missing);
        hint = undefined;
        label = "";
        break;
      }
      case "additionalProperties": {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        path = [...path, extra];
        atKey = true;
        message = `不认识的字段 ${extra}`;
        // `{ formula: percent(a, b) }`: YAML splits the braces at the comma, and "b)" becomes a key.
        hint = /[()（）]/.test(extra)
          ? "这像是公式的一部分：在 { } 里，逗号会把公式分开。请给整个公式加引号，如 formula: \"percent(onTime, due)\""
          : unknownNameHint(extra, Object.keys(schema.properties ?? {}), "这里可以写的字段有");
        label = "";
        break;
      }
      case "type":
        message = `应当是${typeName((e.params as { type: unknown }).type)}，这里写的是${describeValue(e.data)}`;
        if (schema.type === "string" || (Array.isArray(schema.type) && schema.type.includes("string"))) hint = quoteHint(path, e.data, locator) ?? hint;
        break;
      case "pattern":
      case "format":
        if (schema.pattern === "\\S") {
          message = "不能只有空格或换行";
          hint = "写上内容，或删去这一项";
        } else message = `格式不正确：${describeValue(e.data)}`;
        break;
      case "propertyNames":
        continue; // reported by its own pattern error, at the key
      case "enum": {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
        // A run of integers (quarters 1–4) is written as an enum for the editor's sake, and read as a range.
        const run = allowed.every((v, i) => typeof v === "number" && v === (allowed[0] as number) + i);
        const [low, high] = [allowed[0], allowed[allowed.length - 1]] as [number, number];
        if (run && typeof e.data === "number" && (e.data > high || e.data < low)) message = `${e.data > high ? `不能大于 ${high}` : `不能小于 ${low}`}，这里写的是 ${e.data}`;
        else message = `只能是 ${allowed.join("、")} 之一，这里写的是${describeValue(e.data)}`;
        hint = undefined;
        break;
      }
      case "contains":
        message = "至少要写一项";
        break;
      case "minimum":
      case "maximum": {
        const limit = (e.params as { limit: number }).limit;
        message = `${e.keyword === "minimum" ? "不能小于" : "不能大于"} ${limit}，这里写的是 ${String(e.data)}`;
        break;
      }
      case "maxProperties":
        message = "写的项太多了";
        break;
      case "minItems":
        message = "至少要写一项";
        break;
      case "minLength":
        message = "不能为空";
        break;
      default:
        message = e.message ?? "不符合要求";
    }
    if (e.keyword === "pattern" && e.propertyName !== undefined) {
      path = [...path, e.propertyName];
      atKey = true;
      message = `名称 ${e.propertyName} 只能用英文字母、数字和下划线，并以字母开头`;
    }
    if (path.length > 0) broken.add(String(path[0]));
    diagnostics.report({
      severity: "error",
      code: "schema",
      message: label ? `${label}${path.length ? `（${formatPath(path)}）` : ""}${message}` : message,
      ...(hint ? { hint } : {}),
      path,
      atKey,
    });
  }
  return broken;
}

/** JSON pointer (as ajv reports instance paths) to a data path; numeric segments become indexes. */
export function pointerToPath(pointer: string): DataPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
