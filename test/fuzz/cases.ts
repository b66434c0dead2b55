/**
 * Generated data files for the fuzz suite: the examples and a small circular, mutated as the robustness review
 * mutated them (dropped, duplicated and retyped fields, extreme numbers, Unicode and XML-special text, Handlebars
 * payloads, prototype keys, YAML features, keyboard slips, `extends` and `seal` tricks, big inputs). A case is plain
 * data, so a failing one prints as something to paste into a test.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { isMap, isScalar, parseDocument, visit, type Document, type Node } from "yaml";
import { BASE } from "../helpers/base.js";
import { ROOT } from "../helpers/cli.js";
import { sealPng } from "../helpers/png.js";

/** Files a case may name besides its data file. `fifo` and `sparse` are made by the runner. */
export interface FuzzCase {
  source: string;
  mutations: Mutation[];
}

export type Mutation =
  | { op: "drop" | "duplicate"; at: number }
  | { op: "set"; at: number; value: unknown }
  | { op: "key"; at: number; key: string }
  | { op: "text"; at: number; insert: string; remove: number }
  | { op: "extends"; target: string }
  | { op: "seal"; target: string }
  | { op: "rows"; count: number; text: string }
  | { op: "from"; target: string; sheet?: string; header?: number };

const SMALL = `${BASE}kinds:
  unit:
    fields:
      unit: { type: text, required: true }
      cases: integer
      rate: { type: number, formula: "percent(cases, 10)" }
lists:
  units:
    kind: unit
    rows:
      - { unit: 甲区, cases: 3 }
      - { unit: 乙区, cases: 7 }
groups:
  sites: { kind: unit, objects: units }
figures:
  total: sum(units, cases)
body:
  - "共{{figures.total}}件，{{names lists.units field=\\"unit\\"}}。"
  - heading: 下一步工作
    body: ["{{#each lists.units}}{{unit}}{{/each}}"]
attachmentList: [统计表]
attachments:
  - title: 统计表
    rows: units
    total: 合计
    columns:
      - { header: 序号, number: true }
      - { header: 单位, field: unit }
      - { header: 件数, field: cases, sum: true }
      - { header: 比例, field: rate, format: percent }
`;

const EXAMPLES = ["guangdong-2019-q1", "chaozhou-2020-q3", "zhanjiang-2021-q1", "jiangzhou-2024-q3-hotline"];
export const SOURCES: Record<string, string> = {
  small: SMALL,
  ...Object.fromEntries(EXAMPLES.map((n) => [n, readFileSync(join(ROOT, "data", `${n}.yaml`), "utf8")])),
};

const SHEET = readFileSync(join(ROOT, "test/fixtures/sheets/问题网站.xlsx"));
/** The sheet with bytes changed every 97th byte past the zip headers: a workbook damaged in transit. */
const damaged = (bytes: Uint8Array) => bytes.map((b, i) => (i > 64 && i % 97 === 0 ? b ^ 0x5a : b));

/** Files every case's folder holds, for `extends`, `seal` and `from` to name. */
export const FIXTURES: Record<string, string | Uint8Array> = {
  "sheet.xlsx": SHEET,
  "damaged.xlsx": damaged(SHEET),
  "truncated.xlsx": SHEET.subarray(0, SHEET.length / 2),
  "sheet.csv": "网站名称,网站标识码,存在的问题\n某县人民政府网,0440282002,首页不更新、错别字\n\"引号,里\"\"的\",123,\n",
  "ragged.csv": "\"未闭合,a\nname\n\n,,,,,,\n",
  "seal.png": sealPng(),
  "fake.jpg": new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]),
  "notmap.yaml": "只是一行文字\n",
  "list.yaml": "- a\n- b\n",
  "loop.yaml": "extends: data.yaml\n",
  "common.yaml": "note: 公共附注\nsignature: 某市人民政府办公室\n",
  ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`fan${i}.yaml`, i === 5 ? "note: 附注\n" : `extends: [${Array(6).fill(`fan${i + 1}.yaml`).join(", ")}]\n`])),
};
/** Made by the runner: a FIFO, a folder, a sparse 600 MB file, a symlink leading out of the folder. */
export const SPECIAL = ["fifo.yaml", "folder.yaml", "sparse.png", "out-link.yaml"] as const;

const PATH_TARGETS = [
  ...Object.keys(FIXTURES),
  ...SPECIAL,
  "data.yaml",
  "missing.yaml",
  "/dev/zero",
  "/dev/urandom",
  "/dev/null",
  "/etc/passwd",
  "../outside.yaml",
  "/",
  "",
  "C:\\Windows\\win.ini",
  "fan0.yaml",
];

const TEXTS = [
  "\u0000",
  "\u0001",
  "\u000b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udc00",
  "\u200b",
  "\u202e",
  "\ufeff",
  "\r",
  "\r\n",
  "\t",
  "<",
  ">",
  "&",
  '"',
  "'",
  "]]>",
  "<w:p>",
  "&amp;",
  "&#1;",
  "😀",
  "e\u0301",
  "𠀀",
  "　",
  "：",
  "，",
  "“",
  "【",
  "１２３",
  "{{",
  "}}",
  "{{constructor}}",
  "{{__proto__}}",
  "{{hasOwnProperty}}",
  "{{@root}}",
  "{{this}}",
  "{{lookup this \"constructor\"}}",
  "{{#with __proto__}}{{polluted}}{{/with}}",
  "{{#each this}}{{@key}}{{/each}}",
  "{{> missing}}",
  "{{{issuer}}}",
  "{{!-- x --}}",
  "{{#if issuer}}a{{else}}b{{/if}}",
  "{{percent sites.passRate}}",
  "{{names lists.units max=-1}}",
  "{{cn 1e20}}",
  "{{date date \"YYYY\"}}",
  "{{period period}}",
  "{{join}}",
  "{{#if}}",
  "{{/if}}",
  "{{x (a (b (c)))}}",
  "\\{{issuer}}",
  "sum(units, cases)",
  "percent(1, 0)",
  "1e308 * 1e308",
  "constructor",
  "__proto__",
  "toString",
  "prototype",
  "",
  " ",
  "是",
  "否",
  "2019-02-29",
  "1979-12-31",
  "2108-01-01",
  "4400000001",
  "0440282002",
];

const EXTREME_NUMBERS = [0, -0, -1, 0.5, 1e308, -1e308, 5e-324, 1e12, 1e12 + 1, 2 ** 53 + 1, 99_999_999, 100_000_000, 10_000, 3.14159, Number.MAX_SAFE_INTEGER];

const KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "extends", "kind", "rows", "x-hint", "是否", "", " ", "a.b", "[0]"];

/** YAML constructs, inserted as text anywhere. */
const YAML_BITS = [
  "&a ",
  "*a",
  "*missing",
  "<<: *a\n",
  "!!str ",
  "!!binary ",
  "!!js/function ",
  "!custom ",
  "!!set ",
  "? ",
  "\n---\n",
  "\n...\n",
  "%YAML 1.1\n",
  "# 注释\n",
  "[",
  "]",
  "{",
  "}",
  ": ",
  "：",
  "- ",
  "\t",
  "  ",
  "\n",
  '"',
  "'",
  "|\n",
  ">-\n",
  "\ufeff",
  "\r\n",
  ".nan",
  ".inf",
  "-.inf",
  "0x1F",
  "0o17",
  "1_000",
  "~",
  "null",
  "yes",
  "on",
];

const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...EXTREME_NUMBERS),
  fc.constantFrom(...TEXTS),
  fc.constantFrom(null, true, false, [], {}, [1, "a"], { a: 1 }, { value: 1, method: "x" }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.constantFrom(...TEXTS), { maxLength: 5 }).map((parts) => parts.join("")),
  fc.constantFrom(...TEXTS).chain((t) => fc.integer({ min: 1, max: 20_000 }).map((n) => t.repeat(n))),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom("drop" as const, "duplicate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("set" as const), at: fc.nat(), value }),
  fc.record({ op: fc.constant("key" as const), at: fc.nat(), key: fc.constantFrom(...KEYS) }),
  fc.record({ op: fc.constant("text" as const), at: fc.nat(), insert: fc.oneof(fc.constantFrom(...YAML_BITS), fc.constantFrom(...TEXTS)), remove: fc.nat({ max: 3 }) }),
  fc.record({ op: fc.constant("extends" as const), target: fc.constantFrom(...PATH_TARGETS) }),
  fc.record({ op: fc.constant("seal" as const), target: fc.constantFrom(...PATH_TARGETS) }),
  fc.record(
    { op: fc.constant("from" as const), target: fc.constantFrom("sheet.xlsx", "damaged.xlsx", "truncated.xlsx", "sheet.csv", "ragged.csv", "seal.png", "notmap.yaml", ...SPECIAL, "missing.xlsx", "/dev/zero"), sheet: fc.constantFrom("清单", "有误", "没有", ""), header: fc.integer({ min: -1, max: 30 }) },
    { requiredKeys: ["op", "target"] },
  ),
  fc.record({ op: fc.constant("rows" as const), count: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom(1000, 5000)), text: fc.constantFrom(...TEXTS) }),
);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  source: fc.constantFrom(...Object.keys(SOURCES)),
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
});

/** Every node of the document, in order: what `at` picks from (modulo their count). */
function nodes(doc: Document): Node[] {
  const found: Node[] = [];
  visit(doc, {
    Scalar: (_, n) => void found.push(n),
    Map: (_, n) => void found.push(n),
    Seq: (_, n) => void found.push(n),
  });
  return found;
}

/** The collection holding `node`, and the item that holds it there. */
function parentOf(doc: Document, node: Node): { items: unknown[]; index: number } | undefined {
  let found: { items: unknown[]; index: number } | undefined;
  visit(doc, {
    Pair: (_, pair, path) => {
      if (pair.value === node || pair.key === node) {
        const parent = path[path.length - 1];
        if (isMap(parent)) found = { items: parent.items, index: parent.items.indexOf(pair) };
        return visit.BREAK;
      }
      return undefined;
    },
    Seq: (_, seq) => {
      const index = seq.items.indexOf(node);
      if (index >= 0) {
        found = { items: seq.items, index };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The text of a case's data file: the source with each mutation applied in turn. */
export function caseText(c: FuzzCase): string {
  let text = SOURCES[c.source]!;
  for (const m of c.mutations) text = apply(text, m);
  return text;
}

/** A mutation the YAML library cannot write out leaves the text as it was: that is the generator's limit, not tongbao's. */
function apply(text: string, m: Mutation): string {
  try {
    return mutate(text, m);
  } catch {
    return text;
  }
}

function mutate(text: string, m: Mutation): string {
  if (m.op === "text") {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.insert + text.slice(at + m.remove);
  }
  const doc = parseDocument(text, { version: "1.2", uniqueKeys: false });
  if (doc.errors.length || !isMap(doc.contents)) return text;
  if (m.op === "extends" || m.op === "seal") {
    doc.set(m.op, m.op === "seal" ? { image: m.target } : m.target);
    return doc.toString({ lineWidth: 0 });
  }
  if (m.op === "from") {
    const lists = doc.get("lists");
    const name = isMap(lists) && isScalar(lists.items[0]?.key) ? String(lists.items[0]!.key.value) : undefined;
    if (name === undefined) return text;
    doc.deleteIn(["lists", name, "rows"]);
    doc.setIn(["lists", name, "from"], m.sheet === undefined && m.header === undefined ? m.target : doc.createNode({ file: m.target, ...(m.sheet !== undefined ? { sheet: m.sheet } : {}), ...(m.header !== undefined ? { header: m.header } : {}) }));
    return doc.toString({ lineWidth: 0 });
  }
  if (m.op === "rows") {
    const rows = Array.from({ length: m.count }, (_, i) => ({ unit: `${m.text}${i}`, cases: i }));
    if (doc.hasIn(["lists", "units"])) doc.setIn(["lists", "units", "rows"], doc.createNode(rows));
    else doc.set("body", doc.createNode(Array.from({ length: m.count }, (_, i) => `${m.text}第${i}段。`)));
    return doc.toString({ lineWidth: 0 });
  }
  const all = nodes(doc);
  const node = all[m.at % all.length]!;
  if (m.op === "set") {
    if (isScalar(node)) node.value = m.value;
    else {
      const parent = parentOf(doc, node);
      if (parent) {
        const item = parent.items[parent.index];
        if (item && typeof item === "object" && "value" in item) (item as { value: unknown }).value = doc.createNode(m.value);
        else parent.items[parent.index] = doc.createNode(m.value);
      }
    }
  } else if (m.op === "key") {
    if (isMap(node)) node.items.push(doc.createPair(m.key, "x") as never);
  } else {
    const parent = parentOf(doc, node);
    if (parent) {
      if (m.op === "drop") parent.items.splice(parent.index, 1);
      else parent.items.splice(parent.index, 0, (parent.items[parent.index] as { clone(): unknown }).clone());
    }
  }
  return doc.toString({ lineWidth: 0 });
}
