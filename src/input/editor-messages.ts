/**
 * What an editor shows from the schema, in Chinese: yaml-language-server writes its own English ("Missing property",
 * "Incorrect type", a raw regular expression) unless a schema node carries `errorMessage` and `patternErrorMessage`,
 * and shows `markdownDescription` on hover. They are derived here from each node's title, description and hint, so
 * that the wording lives in one place; `npm run build` writes them into the schema files, and a test checks that the
 * files are up to date.
 */
type Node = Record<string, unknown>;

const TYPE_WORDS: Record<string, string> = { string: "文字", integer: "整数", number: "数值", boolean: "true 或 false", array: "列表", object: "“键: 值”" };

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);
const types = (node: Node): string[] => (Array.isArray(node.type) ? (node.type as string[]) : typeof node.type === "string" ? [node.type] : []);

function range(node: Node): string {
  const { minimum, maximum } = node as { minimum?: number; maximum?: number };
  if (minimum !== undefined && maximum !== undefined && maximum < 1e9) return `${minimum} 到 ${maximum} 的`;
  if (minimum !== undefined && minimum > 0) return `不小于 ${minimum} 的`;
  return minimum === 0 ? "不小于 0 的" : "";
}

/** The message for anything wrong at a node: what it is, and how to write it. */
function errorMessage(node: Node, name: string): string | undefined {
  const title = typeof node.title === "string" ? node.title : name;
  const hint = typeof node["x-hint"] === "string" ? node["x-hint"] : undefined;
  const kinds = types(node);
  if (hint) return `${title}：${hint}`;
  if (Array.isArray(node.enum)) return `${title}只能是 ${(node.enum as unknown[]).join("、")} 之一`;
  if (isNode(node.properties) && kinds.includes("object") && node.additionalProperties === false) {
    const fields = Object.keys(node.properties);
    const required = Array.isArray(node.required) ? (node.required as string[]) : [];
    return `${title}：可写的字段有 ${fields.join("、")}${required.length ? `，其中 ${required.join("、")} 必填` : ""}（悬停在字段上查看说明）`;
  }
  if (kinds.length === 1 && kinds[0] === "array") return `${title}：写成列表，每项一行，以“- ”开头${node.minItems ? "，至少一项" : ""}`;
  if (kinds.length === 1 && (kinds[0] === "integer" || kinds[0] === "number")) return `${title}：写${range(node)}${TYPE_WORDS[kinds[0]]}`;
  if (kinds.length === 1 && kinds[0] === "string") return `${title}：写文字${node.minLength ? "，不能为空" : ""}`;
  if (kinds.length > 1) return `${title}：写${kinds.map((k) => TYPE_WORDS[k] ?? k).join("或")}`;
  return undefined;
}

function patternMessage(node: Node, name: string): string | undefined {
  if (typeof node.pattern !== "string") return undefined;
  const title = typeof node.title === "string" ? node.title : name;
  if (node.pattern === "\\S") return `${title}不能只有空格或换行`;
  return typeof node["x-hint"] === "string" ? `${title}：${node["x-hint"]}` : `${title}的格式不正确`;
}

/** The node with its editor messages, recursively; other keys untouched and in their order. A node with no title of
 * its own (an `if`/`then` branch, the items of a list) speaks of what it belongs to. */
function annotate(node: unknown, inherited: string): unknown {
  if (Array.isArray(node)) return node.map((n) => annotate(n, inherited));
  if (!isNode(node)) return node;
  const title = typeof node.title === "string" ? node.title : inherited;
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (DERIVED.has(key)) continue;
    if (key === "properties" && isNode(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, annotate(v, k)]));
    else if (key === "$defs" && isNode(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, annotate(v, k)]));
    else if (key === "const" || key === "enum" || key === "required" || key === "examples") out[key] = value;
    else out[key] = annotate(value, key === "propertyNames" ? "名称" : title);
  }
  if (isNode(out.propertyNames) && typeof out.propertyNames.pattern === "string") out.propertyNames.patternErrorMessage = "名称只能用英文字母、数字和下划线，并以字母开头";
  const hint = typeof node["x-hint"] === "string" ? node["x-hint"] : undefined;
  const description = typeof node.description === "string" ? node.description : undefined;
  const example = typeof node["x-example"] === "string" ? `\n\n\`\`\`yaml\n${node["x-example"]}\n\`\`\`` : "";
  // The hover text: what the value is, how to write it, an example.
  const markdown = [description, hint && `写法：${hint}`].filter(Boolean).join("\n\n") + example;
  if (markdown && (hint || example)) out.markdownDescription = markdown;
  if (title) {
    const error = errorMessage({ ...node, title }, title);
    if (error) out.errorMessage = error;
    const pattern = patternMessage({ ...node, title }, title);
    if (pattern) out.patternErrorMessage = pattern;
  }
  return out;
}

/** Keys this module writes: recomputed on every run, never kept from the file. */
const DERIVED = new Set(["errorMessage", "patternErrorMessage", "markdownDescription"]);

export function withEditorMessages(schema: unknown): unknown {
  return annotate(schema, "");
}
