// Build step: bundles the command line with esbuild, then makes V8's code cache for the bundle by building the
// examples once (src/cli/code-cache.ts). Run by `npm run build` after tsc.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { build } from "esbuild";
import { runBundle } from "../dist/cli/code-cache.js";
import { SCHEMA_FILES, compiledValidatorFile } from "../dist/input/schema.js";

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

// ajv and yaml are loaded with a require of their own (src/input/schema.ts, src/source/yaml-lib.ts), not bundled: ajv
// only to compile a schema that was not compiled at build time, yaml only when the fast reader declines.
const common = { bundle: true, platform: "node", target: "node20", charset: "utf8", logLevel: "warning" };
await build({
  ...common,
  entryPoints: ["src/cli/main.ts"],
  format: "cjs",
  define: { "import.meta.url": "importMetaUrl" },
  plugins: [builtInValidators],
  outfile: "dist/cli.cjs",
});
await build({ ...common, entryPoints: ["src/cli/launch.ts"], format: "esm", outfile: "dist/tongbao.js" });

const out = mkdtempSync(join(tmpdir(), "tongbao-code-cache-"));
const examples = readdirSync("data").filter((f) => f.endsWith(".yaml")).map((f) => join("data", f));
const bundle = resolve("dist/cli.cjs");
process.argv = [process.argv[0], bundle, "build", ...examples, "-o", out];
process.once("exit", (code) => {
  rmSync(out, { recursive: true, force: true });
  if (code !== 0) console.error("没能生成代码缓存：示例没有生成成功");
});
runBundle(bundle, resolve("dist/cli.code-cache"), { write: true });
