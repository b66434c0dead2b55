import { readFileSync } from "node:fs";
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

const compiled = new Map<string, ValidateFunction>();

/** The compiled validator for a schema file (the circular's by default); each compiled once per process. */
export function schemaValidator(file = SCHEMA_FILE): ValidateFunction {
  let validate = compiled.get(file);
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    // Our hint for the clerk, shown with any error at that schema node; editors ignore it.
    ajv.addKeyword({ keyword: "x-hint", schemaType: "string" });
    validate = ajv.compile(JSON.parse(readFileSync(file, "utf8")));
    compiled.set(file, validate);
  }
  return validate;
}

/** Chinese messages from ajv-i18n, for the keywords we do not word ourselves. */
export function localizeErrors(errors: ErrorObject[]): void {
  localize(errors);
}
