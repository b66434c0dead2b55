// Build step: compiles the JSON Schemas into validator code (ajv "standalone"), so that a run of tongbao — and
// every worker of a batch — does not spend ~100 ms compiling them. Run by `npm run build` after tsc.
import { writeFileSync } from "node:fs";
import { ajvFor, SCHEMA_FILES, compiledValidatorFile } from "../dist/input/schema.js";
import standaloneModule from "ajv/dist/standalone/index.js";

const standalone = standaloneModule.default;
for (const schemaFile of SCHEMA_FILES) {
  const { ajv, validate } = ajvFor(schemaFile, { source: true });
  writeFileSync(compiledValidatorFile(schemaFile), standalone(ajv, validate));
}
