// Build step: bundles the command line with esbuild, then makes V8's code cache for the bundle by building the
// examples once, in a process of its own whose output is not shown (src/cli/code-cache.ts). Run by `npm run build`
// after tsc.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import Handlebars from "handlebars";
import { runBundle } from "../dist/cli/code-cache.js";
import { SCHEMA_FILES, compiledValidatorFile } from "../dist/input/schema.js";
import { COMPILE_OPTIONS } from "../dist/render/engine.js";
import { DEFAULT_TEMPLATES_DIR, readTemplates } from "../dist/source/index.js";

const BUNDLE = resolve("dist/cli.cjs");

if (process.argv[2] === "--make-cache") makeCache();
else {
  await bundle();
  const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--make-cache"], { stdio: ["ignore", "ignore", "inherit"] });
  if (made.status !== 0) {
    console.error("没能生成命令行的代码缓存：用打包好的命令行生成示例时出错（见上）");
    process.exitCode = 1;
  }
}

async function bundle() {
  // The validators compile-schemas.mjs wrote, built into the bundle (src/input/built-in-validators.ts), each run only
  // when first asked for.
  const validators = SCHEMA_FILES.map((file) => `${JSON.stringify(basename(file))}: () => require(${JSON.stringify(compiledValidatorFile(file))}).default`);
  const builtInValidators = {
    name: "built-in-validators",
    setup(bundle) {
      bundle.onLoad({ filter: /[\\/]src[\\/]input[\\/]built-in-validators\.ts$/ }, () => ({
        contents: `export const builtInValidators = { ${validators.join(", ")} };`,
        loader: "js",
      }));
    },
  };

  // The package's templates compiled with the options the engine compiles with (src/render/built-in-templates.ts), by
  // their text as the engine reads it.
  const templates = readTemplates([DEFAULT_TEMPLATES_DIR]);
  const sources = [...templates.elements.values(), ...templates.partials.values()].map((t) => t.source);
  const specs = sources.map((source) => `[${JSON.stringify(source)}, ${Handlebars.precompile(source, COMPILE_OPTIONS)}]`);
  const builtInTemplates = {
    name: "built-in-templates",
    setup(bundle) {
      bundle.onLoad({ filter: /[\\/]src[\\/]render[\\/]built-in-templates\.ts$/ }, () => ({
        contents: `export const builtInTemplates = new Map([${specs.join(", ")}]);`,
        loader: "js",
      }));
    },
  };

  // ajv and yaml are loaded with a require of their own (src/input/schema.ts, src/source/yaml-lib.ts), not bundled: ajv
  // only to compile a schema that was not compiled at build time, yaml only when the fast reader declines.
  const common = { bundle: true, platform: "node", target: "node20", charset: "utf8", logLevel: "warning" };
  await build({
    ...common,
    entryPoints: ["src/cli/main.ts"],
    format: "cjs",
    define: { "import.meta.url": "importMetaUrl" },
    plugins: [builtInValidators, builtInTemplates],
    outfile: BUNDLE,
  });
  await build({ ...common, entryPoints: ["src/cli/launch.ts"], format: "esm", outfile: "dist/tongbao.js" });
}

/** Builds the examples with the bundle, and writes the code cache when that succeeded. */
function makeCache() {
  const out = mkdtempSync(join(tmpdir(), "tongbao-code-cache-"));
  process.once("exit", () => rmSync(out, { recursive: true, force: true }));
  const examples = readdirSync("data").filter((f) => f.endsWith(".yaml")).map((f) => join("data", f));
  process.argv = [process.argv[0], BUNDLE, "build", ...examples, "-o", out];
  runBundle(BUNDLE, resolve("dist/cli.code-cache"), { write: true });
}
