import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import localizeModule from "ajv-i18n/localize/zh/index.js";
import { packageFile } from "../package-files.js";

// CommonJS packages seen through NodeNext typings: the constructor is on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const localize = localizeModule as unknown as (errors: ErrorObject[] | null | undefined) => void;

export const SCHEMA_FILE = packageFile("schemas/circular.schema.json");
export const BATCH_SCHEMA_FILE = packageFile("schemas/batch.schema.json");
export const SCHEMA_FILES = [SCHEMA_FILE, BATCH_SCHEMA_FILE];

/** The validator code `npm run build` writes for a schema (scripts/compile-schemas.mjs). */
export const compiledValidatorFile = (schemaFile: string): string => packageFile(`dist/validate/${basename(schemaFile, ".json")}.validate.cjs`);

/** An ajv for our schemas, and the schema compiled by it (with `source`, for writing out as code). */
export function ajvFor(schemaFile: string, code: { source?: boolean } = {}) {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code });
  addFormats(ajv);
  // Our hint for the clerk, shown with any error at that schema node; editors ignore it.
  ajv.addKeyword({ keyword: "x-hint", schemaType: "string" });
  return { ajv, validate: ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8"))) };
}

const validators = new Map<string, ValidateFunction>();
const requireCompiled = createRequire(import.meta.url);

/**
 * The validator for a schema file (the circular's by default): the code compiled at build time, or — running from
 * sources that were not built — the schema compiled on first use. Either way once per process.
 */
export function schemaValidator(file = SCHEMA_FILE): ValidateFunction {
  let validate = validators.get(file);
  if (!validate) {
    const compiled = compiledValidatorFile(file);
    validate = existsSync(compiled) ? (requireCompiled(compiled) as { default: ValidateFunction }).default : ajvFor(file).validate;
    validators.set(file, validate);
  }
  return validate;
}

/** Chinese messages from ajv-i18n, for the keywords we do not word ourselves. */
export function localizeErrors(errors: ErrorObject[]): void {
  localize(errors);
}
