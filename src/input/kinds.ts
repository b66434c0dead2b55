import { readFileSync } from "node:fs";
import type { Diagnostics } from "../diagnostics/index.js";
import { packageFile } from "../package-files.js";
import { MAX_DEPTH, MAX_YAML_VALUES, fastParse, yamlLib } from "../source/index.js";
import { unknownNameHint } from "../text/index.js";
import type { FieldSpec, FieldType, KindData } from "./circular-data.js";

/** A field of a kind, with everything defaulted. */
export interface Field {
  name: string;
  type: FieldType;
  label: string;
  required: boolean;
  values?: readonly string[];
  unique: boolean;
  formula?: string;
  default?: unknown;
  /** Where the data declares the field (built-in fields have no place in the data). */
  declaredAt?: readonly (string | number)[];
}

/**
 * What a row of a list is: its fields and their types, what each is called in Chinese, which field is the region,
 * the category and the list of issues, and which fields together tell one object from another.
 */
export interface Kind {
  name: string;
  label: string;
  fields: ReadonlyMap<string, Field>;
  identity: readonly string[];
  region?: string;
  category?: string;
  issues?: string;
}

export const KINDS_FILE = packageFile("schemas/kinds.yaml");

let builtins: Record<string, KindData> | undefined;

/** The built-in kinds (schemas/kinds.yaml): websites, new-media accounts, region statistics. */
export function builtinKinds(): Record<string, KindData> {
  if (builtins) return builtins;
  // The package's own file, in the subset the fast reader reads; the full parser only if someone edited it past that.
  const text = readFileSync(KINDS_FILE, "utf8");
  builtins = (fastParse(text, { values: MAX_YAML_VALUES, depth: MAX_DEPTH })?.value ?? yamlLib().parse(text)) as Record<string, KindData>;
  return builtins;
}

const FIELD_TYPES: readonly FieldType[] = ["text", "siteCode", "integer", "number", "date", "yesno", "list"];

const fieldOf = (name: string, spec: FieldType | FieldSpec, inherited: Field | undefined, declaredAt: readonly (string | number)[] | undefined): Field => {
  const s: FieldSpec = typeof spec === "string" ? { type: spec } : spec;
  const at = typeof spec !== "string" && spec.formula !== undefined ? declaredAt : inherited?.declaredAt ?? declaredAt;
  return {
    ...(at ? { declaredAt: at } : {}),
    name,
    type: s.type ?? inherited?.type ?? "text",
    label: s.label ?? inherited?.label ?? name,
    required: s.required ?? inherited?.required ?? false,
    ...((s.values ?? inherited?.values) ? { values: s.values ?? inherited!.values! } : {}),
    unique: s.unique ?? inherited?.unique ?? false,
    ...((s.formula ?? inherited?.formula) !== undefined ? { formula: s.formula ?? inherited!.formula! } : {}),
    ...(s.default !== undefined ? { default: s.default } : inherited?.default !== undefined ? { default: inherited.default } : {}),
  };
};

/**
 * The kinds a circular can use: the built-in ones and those its data declares (possibly extending another), each
 * checked: an unknown base, a loop, a role naming an undeclared field are errors at the kind.
 */
export function resolveKinds(declared: Record<string, KindData> | undefined, diagnostics: Diagnostics): Map<string, Kind> {
  const base = builtinKinds();
  const kinds = new Map<string, Kind>();
  const all = new Map<string, KindData>(Object.entries(base));
  for (const [name, data] of Object.entries(declared ?? {})) {
    if (Object.hasOwn(base, name)) {
      diagnostics.unknownKey("kind", ["kinds", name], `${name} 是内置种类，不能重新声明`, `另取一个名字，用 extends: ${name} 在它上面增加字段`);
    } else all.set(name, data);
  }
  const resolving = new Set<string>();
  const resolve = (name: string): Kind | undefined => {
    const known = kinds.get(name);
    if (known) return known;
    const data = all.get(name);
    if (!data) return undefined;
    const at = Object.hasOwn(base, name) ? undefined : ["kinds", name];
    if (resolving.has(name)) {
      if (at) diagnostics.error("kind", [...at, "extends"], `种类 ${name} 的 extends 形成了循环`);
      return undefined;
    }
    resolving.add(name);
    let parent: Kind | undefined;
    if (data.extends !== undefined) {
      parent = resolve(data.extends);
      if (!parent && at && !resolving.has(data.extends)) {
        diagnostics.error("kind", [...at, "extends"], `没有名为 ${data.extends} 的种类`, unknownNameHint(data.extends, [...all.keys()], "可用的种类有"));
      }
    }
    const fields = new Map<string, Field>(parent?.fields ?? []);
    for (const [field, spec] of Object.entries(data.fields ?? {})) {
      const type = typeof spec === "string" ? spec : spec.type;
      if (type !== undefined && !FIELD_TYPES.includes(type)) continue; // the schema reports it
      fields.set(field, fieldOf(field, spec, fields.get(field), at ? [...at, "fields", field] : undefined));
    }
    const role = (key: "region" | "category" | "issues", fallback: string | undefined): string | undefined => {
      const named = data[key] ?? parent?.[key];
      if (named !== undefined && !fields.has(named)) {
        if (at) diagnostics.error("kind", [...at, key], `种类 ${name} 没有字段 ${named}`, unknownNameHint(named, [...fields.keys()], "它的字段有"));
        return undefined;
      }
      return named ?? (fallback && fields.has(fallback) ? fallback : undefined);
    };
    const identity = data.identity ?? parent?.identity ?? [...fields.keys()].filter((f) => fields.get(f)!.required);
    for (const [i, field] of identity.entries()) {
      if (!fields.has(field) && at) diagnostics.error("kind", [...at, "identity", i], `种类 ${name} 没有字段 ${field}`, unknownNameHint(field, [...fields.keys()], "它的字段有"));
    }
    const issues = role("issues", "issues");
    const kind: Kind = {
      name,
      label: data.label ?? parent?.label ?? name,
      fields,
      identity: identity.filter((f) => fields.has(f)),
      ...optional("region", role("region", "region")),
      ...optional("category", role("category", "category")),
      ...optional("issues", issues && fields.get(issues)!.type === "list" ? issues : undefined),
    };
    resolving.delete(name);
    kinds.set(name, kind);
    return kind;
  };
  for (const name of all.keys()) resolve(name);
  return kinds;
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]: V }));
