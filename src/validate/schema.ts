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

let compiled: ValidateFunction | undefined;

/** The compiled validator for schemas/circular.schema.json; compiled once per process. */
export function schemaValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    // Our hint for the clerk, shown with any error at that schema node; editors ignore it.
    ajv.addKeyword({ keyword: "x-hint", schemaType: "string" });
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
  }
  return compiled;
}

/** Chinese messages from ajv-i18n, for the keywords we do not word ourselves. */
export function localizeErrors(errors: ErrorObject[]): void {
  localize(errors);
}
