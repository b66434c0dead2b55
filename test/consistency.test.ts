import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../src/diagnostics/index.js";
import { compile } from "../src/index.js";
import { DATA_FIELDS, SCHEMA_FILE, templateTexts } from "../src/input/index.js";
import { TemplateSet, buildModel, engineFor } from "../src/render/index.js";
import { DEFAULT_TEMPLATES_DIR, readTemplates } from "../src/source/index.js";
import { templateContext } from "../src/figures/index.js";

describe("what two places must agree on", () => {
  it("the data's top-level fields are the schema's", () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as { properties: Record<string, unknown> };
    expect([...DATA_FIELDS]).toEqual(Object.keys(schema.properties));
  });

  it.each(["guangdong-2019-q1", "chaozhou-2020-q3", "zhanjiang-2021-q1", "jiangzhou-2024-q3-hotline"])(
    "%s: every data text rendered as a template is one the checks resolved",
    async (name) => {
      const { data, figures } = await compile(`data/${name}.yaml`);
      const templates = new TemplateSet(engineFor(readTemplates([DEFAULT_TEMPLATES_DIR])), new Diagnostics());
      buildModel(data, figures, templateContext(data, figures), templates);
      const checked = new Set(templateTexts(data).map((t) => JSON.stringify(t.path)));
      expect([...templates.rendered].filter((p) => !checked.has(p))).toEqual([]);
      expect(templates.rendered.size).toBeGreaterThan(10);
    },
  );
});
