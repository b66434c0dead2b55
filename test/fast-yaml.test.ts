import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parseDocument, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../src/diagnostics/index.js";
import { fastParse, resolvePlain } from "../src/source/fast-yaml.js";
import { inspectText, readyAsRead } from "../src/source/text-walk.js";
import { ROOT } from "./helpers/cli.js";
import { caseText, fuzzCase } from "./fuzz/cases.js";

const LIMITS = { values: 1_000_000, depth: 64 };

/** What the full parser makes of a text: its value, or undefined when it reports anything. */
function full(text: string): { value: unknown } | undefined {
  const doc = parseDocument(text, { version: "1.2", uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length || doc.warnings.length) return undefined;
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    return undefined;
  }
}

/** Where the fast reader answers, it answers as the full parser does; where the full parser objects, it gives up. */
function agrees(text: string): void {
  const fast = fastParse(text, LIMITS);
  if (fast === undefined) return;
  const expected = full(text);
  expect(expected, `the full parser refuses what the fast reader read:\n${text.slice(0, 500)}`).toBeDefined();
  expect(fast.value).toEqual(expected!.value);
}

const EXAMPLES = [...readdirSync(join(ROOT, "data")).filter((f) => f.endsWith(".yaml")).map((f) => join(ROOT, "data", f)), join(ROOT, "templates/starter.yaml")];

describe("the fast YAML reader answers as the full parser, or not at all", () => {
  it("reads every example itself, to the same value", () => {
    for (const file of EXAMPLES) {
      const text = readFileSync(file, "utf8");
      const fast = fastParse(text, LIMITS);
      expect(fast, file).toBeDefined();
      expect(fast!.value).toEqual(full(text)!.value);
    }
  });

  it("plain scalars resolve as the core schema says (numbers, booleans, nulls, text)", () => {
    const scalar = fc.stringMatching(/^[-+.0-9eExXoOaAfFinINlLuUtTrRsS_ ~]{1,8}$/).filter((s) => s.trim() === s && !s.startsWith("- ") && !/^[-?:]$/.test(s));
    fc.assert(
      fc.property(scalar, (s) => {
        const expected = full(`k: ${s}\n`);
        if (expected === undefined) return;
        expect(resolvePlain(s)).toEqual((expected.value as { k: unknown }).k);
      }),
      { seed: 1, numRuns: 3000 },
    );
  });

  it("values written out by the yaml library in block and flow styles", () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("是", "甲：乙", "a # b", "x: y", "- z", "'q'", '"d"', "\\", "{{issuer}}", "1e3", "0x1F", "~", "",
      // Longer than a line: the yaml library wraps it over several lines.
      "本季度对全市在运行的 {{sites.running}} 个政府网站进行了检查，发现存在突出问题的网站 {{sites.problemCount}} 个，总体合格率 {{percent sites.passRate}}。对已登记的 {{newMedia.checked}} 个政务新媒体进行了检查 - 其中 1 个"));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, text, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie("node"), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(value, fc.constantFrom<object>({}, { collectionStyle: "flow", lineWidth: 0 }, { blockQuote: "literal" }, { blockQuote: "folded" }, { defaultStringType: "QUOTE_DOUBLE" }, { defaultStringType: "QUOTE_SINGLE" }), (v, options) => {
        agrees(stringify({ root: v }, { version: "1.2", ...options }));
      }),
      { seed: 2, numRuns: 3000 },
    );
  });

  it("lines typed with tabs, spaces, colons and dashes around keys and values", () => {
    const piece = fc.stringMatching(/^[a甲1 \t#:,-]{0,5}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, piece), { minLength: 1, maxLength: 3 }), fc.boolean(), (entries, inRows) => {
        const lines = entries.map(([k, v], i) => `${inRows && i === 0 ? "- " : inRows ? "  " : ""}k${i}${k}: ${v}`);
        agrees(`${lines.join("\n")}\n`);
      }),
      { seed: 4, numRuns: 3000 },
    );
  });

  it("the fuzz suite's mutated data files", () => {
    fc.assert(
      fc.property(fuzzCase, (c) => agrees(caseText(c))),
      { seed: 3, numRuns: 500 },
    );
  });

  it.each([
    ["a block scalar keeping its trailing spaces and blank lines", "a: |+\n  x  \n\n  y\n\n\nb: 1\n"],
    ["folded with blank lines", "a: >-\n  one\n  two\n\n  three\n"],
    ["a key whose value is a sequence at the key's indentation", "a:\n- 1\n- {b: [2, '3'], c: \"\\u4e2d\"}\nd: ~\n"],
    ["comments everywhere", "# c\na: 1 # c\n# c\nb:\n  # c\n  - x # c\n"],
    ["plain scalars an editor wrapped", "a: one\n  two\n   three\nb:\n  - x {{y\n    z}}。\n  - k: 1\n    v: 甲\n      乙\n"],
    ["a wrapped text, then a comment line", "a: one\n  two\n  # c\nb: 1\n"],
    ["rows repeating their keys, one row's key quoted", "- a: 1\n  b: x\n- a: 2\n  b: y\n- \"a\": 3\n  'b': z\n- ab: 4\n  b:\n- a: 5\n  b : w\n"],
    ["rows whose repeated keys' values need the general reading", "- a: 1\n  b: x # c\n- a: 2\n  b: y\n    z\n- a: 3\n  b: -1\n\n- a: 4\n  b: 'q'\n- a: 5\n  b:  w  \n"],
  ])("%s", (_, text) => {
    expect(fastParse(text, LIMITS)).toBeDefined();
    agrees(text);
  });

  it.each([
    ["an anchor", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a blank line inside a plain scalar", "a: one\n\n  two\n"],
    ["a wrapped plain scalar after a comment", "a: one # c\n  two\n"],
    ["a wrapped line starting with an indicator", "a: one\n  - two\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a tab indent", "a:\n\tb: 1\n"],
    ["a second document", "a: 1\n---\nb: 2\n"],
    ["a proto key", "__proto__: 1\n"],
    ["a duplicate key in a row after rows with the same keys", "- a: 1\n  b: 2\n- a: 1\n  a: 2\n"],
    ["a quoted key that could not be written plain, then written plain", "- \"1\": a\n- 1: b\n"],
    ["a syntax error", "a: [1, 2\n"],
  ])("gives up on %s", (_, text) => {
    expect(fastParse(text, LIMITS)).toBeUndefined();
  });
});

describe("the fast reader's own trimming", () => {
  it("a row's repeated key and value, read the quick way, are trimmed as the first row's are", () => {
    // The fast reader trims an ideographic or no-break space at a value's edges, where the full parser keeps it.
    const text = "- a: 1\n  b: \u3000甲\u3000\n- a: 2\n  b: \u00a0乙\u3000 \n- a: 3\n  b:  丙\u3000\t\n- a: 4\n  b: 丁\n";
    expect(fastParse(text, LIMITS)?.value).toEqual([
      { a: 1, b: "甲" },
      { a: 2, b: "乙" },
      { a: 3, b: "丙" },
      { a: 4, b: "丁" },
    ]);
  });
});

describe("the fast reader's limits", () => {
  it("leaves a file of more values than the limit to the full parser", () => {
    expect(fastParse(`a: [${"1, ".repeat(20)}1]\n`, { values: 10, depth: 64 })).toBeUndefined();
    expect(fastParse(`a: [${"1, ".repeat(20)}1]\n`, LIMITS)).toBeDefined();
  });
  it("leaves nesting deeper than the limit to the full parser", () => {
    expect(fastParse(`a: ${"[".repeat(70)}${"]".repeat(70)}\n`, LIMITS)).toBeUndefined();
    expect(fastParse(`a:\n${Array.from({ length: 70 }, (_, i) => `${" ".repeat(2 * i + 2)}k:`).join("\n")}\n`, LIMITS)).toBeUndefined();
    expect(fastParse(`a: ${"[".repeat(10)}${"]".repeat(10)}\n`, LIMITS)).toBeDefined();
  });
});

describe("data the fast reader read ready is what the walk would leave", () => {
  /** Where the loader skips the walk, the walk would have changed nothing and reported nothing. */
  function walkAgrees(text: string): void {
    const fast = fastParse(text, LIMITS);
    if (fast === undefined || !readyAsRead(text, fast)) return;
    const diagnostics = new Diagnostics();
    expect(inspectText(structuredClone(fast.value), diagnostics)).toEqual(fast.value);
    expect(diagnostics.all).toEqual([]);
  }

  it("the examples and the fuzz suite's mutated data files", () => {
    for (const file of EXAMPLES) {
      const text = readFileSync(file, "utf8");
      expect(readyAsRead(text, fastParse(text, LIMITS)!)).toBe(true);
      walkAgrees(text);
    }
    fc.assert(
      fc.property(fuzzCase, (c) => walkAgrees(caseText(c))),
      { seed: 4, numRuns: 500 },
    );
  });

  it("any text, written out by the yaml library plain, quoted or escaped", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.double(), fc.integer())),
        fc.constantFrom<object>({}, { defaultStringType: "QUOTE_DOUBLE" }, { defaultStringType: "QUOTE_SINGLE" }, { collectionStyle: "flow" }),
        (v, options) => walkAgrees(stringify({ root: v }, { version: "1.2", ...options })),
      ),
      { seed: 5, numRuns: 3000 },
    );
  });

  it.each([
    ["a number too large to be finite", "a: 1e999\n"],
    ["infinity", "a: [.inf, 1]\n"],
    ["an escaped control character", 'a: "x\\u0001"\n'],
    ["an escaped tab", 'a: "x\\ty"\n'],
    ["an escaped line end", 'a: "x\\r\\ny"\n'],
    ["a tab inside a quoted text", "a: 'x\ty'\n"],
    ["a lone surrogate", "a: x\ud800\n"],
  ])("is walked when the text holds %s", (_, text) => {
    const fast = fastParse(text, LIMITS);
    expect(fast).toBeDefined();
    expect(readyAsRead(text, fast!)).toBe(false);
  });
});
