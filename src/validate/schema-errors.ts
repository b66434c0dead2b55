import type { ErrorObject } from "ajv";
import type { Diagnostic } from "../diagnostics.js";
import { formatPath, pointerToPath, type DataPath } from "../load/data-path.js";
import type { LoadedData } from "../load/load-circular.js";
import { localizeErrors } from "./schema.js";

interface SchemaNode {
  title?: string;
  "x-hint"?: string;
  properties?: Record<string, SchemaNode>;
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

function describeValue(value: unknown): string {
  if (typeof value === "number") return `数字 ${value}`;
  if (typeof value === "boolean") return `${value}`;
  if (value === null) return "空值";
  if (Array.isArray(value)) return "列表";
  if (typeof value === "object") return "对象";
  return `“${String(value)}”`;
}

/** Edit distance, to suggest the key a clerk probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function unknownKeyHint(key: string, schema: SchemaNode): string {
  const known = Object.keys(schema.properties ?? {});
  const close = known.map((k) => [k, distance(key.toLowerCase(), k.toLowerCase())] as const).sort((a, b) => a[1] - b[1])[0];
  if (close && close[1] <= Math.max(1, Math.floor(close[0].length / 3))) return `是否想写 ${close[0]}？`;
  return `这里可以写的字段有：${known.join("、")}`;
}

export function schemaDiagnostics(errors: ErrorObject[], loaded: LoadedData): Diagnostic[] {
  localizeErrors(errors);
  const out: Diagnostic[] = [];
  // An `if` error only says that its `then` failed; the branch's own errors, reported too, say how.
  for (const e of errors.filter((x) => x.keyword !== "if")) {
    const schema = (e.parentSchema ?? {}) as SchemaNode;
    let path: DataPath = pointerToPath(e.instancePath);
    let atKey = false;
    let label = schema.title ?? "";
    let message: string;
    let hint = schema["x-hint"];
    switch (e.keyword) {
      case "required": {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        const title = schema.properties?.[missing]?.title;
        message = `缺少必填字段 ${missing}${title ? `（${title}）` : ""}`;
        hint = undefined;
        label = "";
        break;
      }
      case "additionalProperties": {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        path = [...path, extra];
        atKey = true;
        message = `不认识的字段 ${extra}`;
        hint = unknownKeyHint(extra, schema);
        label = "";
        break;
      }
      case "type": {
        message = `应当是${typeName((e.params as { type: unknown }).type)}，这里写的是${describeValue(e.data)}`;
        const typed = loaded.sourceText(path);
        const key = path[path.length - 1];
        if (schema.type === "string" && (typeof e.data === "number" || typeof e.data === "boolean") && typed !== undefined) {
          hint = `YAML 把没有引号的 ${typed} 读成了${typeof e.data === "number" ? "数字" : "真假值"}，请加引号：${typeof key === "string" ? `${key}: ` : "- "}"${typed}"`;
        }
        break;
      }
      case "pattern":
      case "format":
        message = `格式不正确：${describeValue(e.data)}`;
        break;
      case "enum":
        message = `只能是 ${((e.params as { allowedValues: unknown[] }).allowedValues).join("、")} 之一，这里写的是${describeValue(e.data)}`;
        hint = undefined;
        break;
      case "minimum":
      case "maximum": {
        const limit = (e.params as { limit: number }).limit;
        message = `${e.keyword === "minimum" ? "不能小于" : "不能大于"} ${limit}，这里写的是 ${String(e.data)}`;
        break;
      }
      case "minItems":
        message = "至少要写一项";
        break;
      case "minLength":
        message = "不能为空";
        break;
      default:
        message = e.message ?? "不符合要求";
    }
    const where = loaded.locate(path, { key: atKey });
    out.push({
      severity: "error",
      code: "schema",
      message: label ? `${label}${path.length ? `（${formatPath(path)}）` : ""}${message}` : message,
      ...(hint ? { hint } : {}),
      ...where,
      path: formatPath(path),
    });
  }
  return out;
}
