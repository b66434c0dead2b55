import { describe, expect, it } from "vitest";
import { ALLOWED, readTree, violations } from "./helpers/layers.js";
import { ROOT } from "./helpers/cli.js";

describe("the folders of src/ import only what comes before them in the data flow", () => {
  it("holds for the whole source tree", () => {
    const tree = readTree(`${ROOT}src`);
    expect(tree.size).toBeGreaterThan(50);
    for (const stage of Object.keys(ALLOWED)) expect([...tree.keys()].some((f) => f.startsWith(`${stage}/`))).toBe(true);
    expect(violations(tree)).toEqual([]);
  });

  it("fails when a backward import is added", () => {
    const tree = readTree(`${ROOT}src`);
    tree.set("input/backward.ts", 'import { buildModel } from "../render/index.js";\nexport const x = buildModel;\n');
    tree.set("plan/backward.ts", 'export { TemplateSet } from "../render/template-set.js";\n');
    tree.set("writers/docx/backward.ts", 'import type { CircularData } from "../../input/index.js";\nexport type X = CircularData;\n');
    tree.set("figures/lazy-backward.ts", 'export const later = () => import("../checks/index.js");\n');
    expect(violations(tree)).toEqual([
      { file: "input/backward.ts", imports: "render/index.js" },
      { file: "plan/backward.ts", imports: "render/template-set.js" },
      { file: "writers/docx/backward.ts", imports: "input/index.js" },
      { file: "figures/lazy-backward.ts", imports: "checks/index.js" },
    ]);
  });
});
