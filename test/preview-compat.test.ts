import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { build } from "../src/pipeline.js";
import { APP_CSS } from "../src/preview/app-css.js";
import { pagesCss, writePages } from "../src/writers/html/write-pages.js";

/**
 * The preview must run in the Chromium of older 信创 desktops: the floor is Chromium 58. Script is held to ES2017 by
 * its tsconfig (target and lib); the style is held here to properties, functions and selectors Chromium 58 knows.
 */
const PROPERTIES = new Set([
  "background", "border", "border-bottom", "border-left", "border-left-color", "border-radius", "border-top", "bottom", "box-shadow", "box-sizing", "color",
  "cursor", "display", "-webkit-box-orient", "-webkit-box-pack", "flex-direction", "float", "font", "font-family", "font-size", "font-weight", "height",
  "justify-content", "left", "letter-spacing", "line-height", "list-style", "margin", "margin-left", "margin-right", "margin-top", "max-height", "opacity",
  "outline", "overflow", "overflow-y", "padding", "padding-left", "padding-right", "padding-top", "position", "right", "text-align", "text-align-last",
  "text-indent", "top", "transform", "transform-origin", "vertical-align", "white-space", "width", "word-break", "writing-mode", "z-index",
]);
const FUNCTIONS = new Set(["calc", "rgba", "scaleX", "translateX"]);
/** Selectors newer than the floor. */
const NEWER_SELECTORS = /:(is|where|has|focus-visible|focus-within)\(|@container|@layer/;

function declarations(css: string): { property: string; value: string }[] {
  const bodies = [...css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  return bodies.flatMap((b) => b.split(";").map((d) => d.trim()).filter(Boolean).map((d) => ({ property: d.slice(0, d.indexOf(":")).trim(), value: d.slice(d.indexOf(":") + 1).trim() })));
}

function checkStyle(css: string): string[] {
  const problems: string[] = [];
  for (const { property, value } of declarations(css)) {
    if (!PROPERTIES.has(property)) problems.push(`property ${property}`);
    for (const [, fn] of value.matchAll(/([a-zA-Z-]+)\(/g)) if (!FUNCTIONS.has(fn!)) problems.push(`function ${fn}() in ${property}`);
  }
  if (NEWER_SELECTORS.test(css)) problems.push(`selector ${NEWER_SELECTORS.exec(css)![0]}`);
  return problems;
}

describe("the preview stays within Chromium 58", () => {
  it("its page style and the pages' style use only what Chromium 58 renders", async () => {
    const built = await build("data/zhanjiang-2021-q1.yaml", { marks: true });
    expect(checkStyle(APP_CSS)).toEqual([]);
    expect(checkStyle(pagesCss(built.plan))).toEqual([]);
    // The style attributes of the pages themselves.
    const inline = writePages(built.plan).join("").matchAll(/style="([^"]*)"/g);
    expect(checkStyle([...inline].map((m) => `{${m[1]}}`).join("\n"))).toEqual([]);
  });

  it("the check catches what is newer", () => {
    expect(checkStyle(".a { gap: 4px; inset: 0; width: clamp(1px, 2px, 3px); } :is(.b) { color: red; }")).toEqual(["property gap", "property inset", "function clamp() in width", "selector :is("]);
  });

  it("the script is compiled for ES2017 with ES2017's library and the DOM", () => {
    const config = readFileSync("src/preview/client/tsconfig.json", "utf8");
    expect(config).toMatch(/"target": "ES2017"/);
    expect(config).toMatch(/"lib": \["ES2017", "DOM"\]/);
    const script = readFileSync("dist/preview/client/app.js", "utf8");
    // Syntax newer than ES2017 that the compiler would have left in: ?. ?? and class fields.
    expect(script).not.toMatch(/\?\.|\?\?|^\s*#\w+\s*=|\bstatic\s*\{/m);
  });
});
