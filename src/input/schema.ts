import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { packageFile } from "../package-files.js";
import { builtInValidators } from "./built-in-validators.js";

export const SCHEMA_FILE = packageFile("schemas/circular.schema.json");
export const BATCH_SCHEMA_FILE = packageFile("schemas/batch.schema.json");
export const SCHEMA_FILES = [SCHEMA_FILE, BATCH_SCHEMA_FILE];

/** The validator code `npm run build` writes for a schema (scripts/compile-schemas.mjs). */
export const compiledValidatorFile = (schemaFile: string): string => packageFile(`dist/input/${basename(schemaFile, ".json")}.validate.cjs`);

// ajv and its plugins are CommonJS, loaded only when a schema must be compiled (at build time, or running from
// sources): a built tongbao never loads them.
const require = createRequire(import.meta.url);

/** Keywords the schemas carry for editors (yaml-language-server) and for our own hints; ajv only ignores them. */
const ANNOTATIONS = ["x-hint", "x-example", "errorMessage", "patternErrorMessage", "markdownDescription"];

/** An ajv for our schemas, and the schema compiled by it (with `source`, for writing out as code). */
export function ajvFor(schemaFile: string, code: { source?: boolean } = {}) {
  const Ajv2020 = (require("ajv/dist/2020.js") as { default: typeof import("ajv/dist/2020.js").default }).default;
  const addFormats = (require("ajv-formats") as { default: (ajv: unknown) => void }).default;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code });
  addFormats(ajv);
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
  return { ajv, validate: ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")) as object) };
}

const validators = new Map<string, ValidateFunction>();

/**
 * The validator for a schema file (the circular's by default): the code compiled at build time (built in or a file),
 * or — running from sources that were not built — the schema compiled on first use. Either way once per process.
 */
export function schemaValidator(file = SCHEMA_FILE): ValidateFunction {
  let validate = validators.get(file);
  if (!validate) {
    const compiled = compiledValidatorFile(file);
    validate = builtInValidators[basename(file)]?.() ?? (existsSync(compiled) ? (require(compiled) as { default: ValidateFunction }).default : ajvFor(file).validate);
    validators.set(file, validate);
  }
  return validate;
}

/** Chinese messages from ajv-i18n, for the keywords we do not word ourselves. */
export function localizeErrors(errors: ErrorObject[]): void {
  (require("ajv-i18n/localize/zh/index.js") as (errors: ErrorObject[]) => void)(errors);
}
